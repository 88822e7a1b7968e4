package build

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/diag"
	"github.com/exchange-timeline/timeline/generator/internal/site"
)

// Hostile content files, each under the 1 MiB limit, are checked and built
// in bounded work: each must finish well within a generous deadline, which
// only detects a hang (the time itself is logged, not asserted), and print
// a bounded number of problems.
func TestHostileContentFinishes(t *testing.T) {
	event := func(fm, body string) fstest.MapFS {
		return fstest.MapFS{
			content.SiteFile:         {Data: []byte(siteFile)},
			"events/2025-01-01-x.md": {Data: []byte("---\n" + fm + "---\n" + body)},
		}
	}
	head := "title: X\ndate: 2025-01-01\nkind: exchange\n"
	source := "sources:\n  - {id: a, publisher: P, url: \"https://example.org/\", date: 2025-01-01}\n"
	var nested strings.Builder
	nested.WriteString("x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i < 10; i++ {
		fmt.Fprintf(&nested, "x%d: &a%d [%s*a%d]\n", i, i, strings.Repeat(fmt.Sprintf("*a%d, ", i-1), 8), i-1)
	}
	keys := make([]string, 5000)
	for i := range keys {
		keys[i] = fmt.Sprintf("k%d: v", i)
	}
	wide := "x: &w {" + strings.Join(keys, ", ") + "}\n"
	many := fstest.MapFS{content.SiteFile: {Data: []byte(siteFile)}}
	for i := range 2000 {
		many[fmt.Sprintf("events/2025-01-01-x%d.md", i)] = &fstest.MapFile{Data: []byte("---\n" + head + "soruces: x\n---\n")}
	}
	cases := map[string]fstest.MapFS{
		"50,000 aliases of one source":        event(head+"x: &s {id: a, publisher: P, url: \"https://example.org/\"}\nsources:\n"+strings.Repeat("  - *s\n", 50000), ""),
		"billion laughs":                      event(head+source+nested.String()+"tags: *a9\n", ""),
		"aliases of 5,000 unknown fields":     event(head+wide+"sources:\n"+strings.Repeat("  - *w\n", 50), ""),
		"100,000 nested lists":                event(head+source+"tags: "+strings.Repeat("[", 100000)+strings.Repeat("]", 100000)+"\n", ""),
		"a summary of 1 MiB":                  event(head+source+"summary: "+strings.Repeat("word ", 200000)+"\n", ""),
		"a mistake after 50,000 lines":        event(head+source+strings.Repeat("# a comment line\n", 50000)+"kind:x\n", ""),
		"a quote never closed, 50,000 away":   event("title: \"X\n"+strings.Repeat("a: b\n", 50000), ""),
		"50,000 unknown fields":               event(head+source+strings.Join(keys, "\n")+"\n"+strings.Repeat("zz: y\n", 45000), ""),
		"a field name of 500 KB":              event(head+source+strings.Repeat("k", 500000)+": v\n", ""),
		"30,000 script links":                 event(head+source, strings.Repeat("[x](javascript:alert(1)) ", 30000)),
		"30,000 raw HTML tags":                event(head+source, strings.Repeat("<b>x</b> ", 80000)),
		"30,000 empty links":                  event(head+source, strings.Repeat("[](/x/) ", 30000)),
		"30,000 off-site images":              event(head+source, strings.Repeat("![](https://example.org/x.png) ", 30000)),
		"20,000 headings that skip a level":   event(head+source, "# A\n\n"+strings.Repeat("### B\n\n", 20000)),
		"30,000 links to nowhere on the site": event(head+source, strings.Repeat("[x](/nowhere/) ", 30000)),
		"20,000 tab-indented lines":           event(head+source+"tags:\n"+strings.Repeat("\t- x\n", 20000), ""),
		"2,000 files with a mistake each":     many,
	}
	for name, fsys := range cases {
		t.Run(name, func(t *testing.T) {
			size := 0
			for _, f := range fsys {
				if len(f.Data) > content.MaxFileSize {
					t.Fatalf("the file is %d bytes, over the limit", len(f.Data))
				}
				size += len(f.Data)
			}
			opts := Options{Content: fsys, Layouts: os.DirFS("../../../layouts"), ContentDir: "content",
				BaseURL: site.BaseURL{Path: "/"}, Today: content.NewDate(2030, 1, 1)}
			done := make(chan diag.List, 1)
			start := time.Now()
			go func() {
				_, diags, err := Run(opts, &countingSink{})
				if err != nil {
					t.Error(err)
				}
				done <- diags
			}()
			select {
			case diags := <-done:
				t.Logf("%d KB: %d lines printed for %d errors and %d warnings, in %s", size>>10, len(diags),
					diags.Count(diag.Error), diags.Count(diag.Warning), time.Since(start).Round(time.Millisecond))
				if len(diags) > diag.MaxPerRun+4 || !diags.HasErrors() && !strings.Contains(name, "raw HTML") {
					t.Errorf("%d lines printed:\n%s", len(diags), diags.Error())
				}
			case <-time.After(60 * time.Second): // a hang detector, not a speed target
				t.Fatal("still running after 60 s")
			}
		})
	}
}
