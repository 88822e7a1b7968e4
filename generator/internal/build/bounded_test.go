package build

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/diag"
	"github.com/exchange-timeline/timeline/generator/internal/render"
	"github.com/exchange-timeline/timeline/generator/internal/site"
)

// The three inputs of the second red-team round that made the work or the
// output grow with the square of a list's length. Each is checked and
// built, and what the build wrote and the work it did (allocations, which
// unlike time are the same on a loaded machine) must stay within bounds
// linear in the file's size. The time is logged, for the notes.

const siteFile = "---\ntitle: T\nparties:\n  - {id: ukraine, name: Ukraine}\n  - {id: russia, name: Russia}\n---\n"

func oneEvent(frontMatter string) fstest.MapFS {
	return fstest.MapFS{
		content.SiteFile: {Data: []byte(siteFile)},
		"events/2025-01-01-x.md": {Data: []byte("---\ntitle: X\ndate: 2025-01-01\nkind: exchange\n" + frontMatter +
			"---\nThe body.\n")},
	}
}

// countingSink counts what a build writes.
type countingSink struct {
	mu           sync.Mutex
	files, bytes int
}

func (c *countingSink) WriteFile(_ string, data []byte) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.files++
	c.bytes += len(data)
	return nil
}

type work struct {
	diags         diag.List
	written       countingSink
	mallocs, heap uint64 // allocations, and bytes allocated
	took          time.Duration
}

// measure builds fsys with the real layouts.
func measure(t *testing.T, fsys fstest.MapFS) *work {
	t.Helper()
	w := &work{}
	opts := Options{Content: fsys, Layouts: os.DirFS("../../../layouts"), ContentDir: "content",
		BaseURL: site.BaseURL{Path: "/"}, Today: content.NewDate(2030, 1, 1)}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	_, diags, err := Run(opts, &w.written)
	w.took = time.Since(start)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	w.diags, w.mallocs, w.heap = diags, after.Mallocs-before.Mallocs, after.TotalAlloc-before.TotalAlloc
	size := 0
	for _, f := range fsys {
		size += len(f.Data)
	}
	t.Logf("input %d KB: %d diagnostics printed (%d errors, %d warnings counted), %d files and %d KB written, %d allocations, %d MB allocated, %s",
		size>>10, len(diags), diags.Count(diag.Error), diags.Count(diag.Warning), w.written.files, w.written.bytes>>10,
		w.mallocs, w.heap>>20, w.took.Round(time.Millisecond))
	return w
}

func (w *work) within(t *testing.T, maxLines int, maxHeap uint64) {
	t.Helper()
	if len(w.diags) > maxLines {
		t.Errorf("%d diagnostics printed, want at most %d:\n%s", len(w.diags), maxLines, w.diags.Error())
	}
	if w.heap > maxHeap {
		t.Errorf("%d MB allocated, want at most %d MB", w.heap>>20, maxHeap>>20)
	}
	if w.written.bytes > 0 {
		t.Errorf("a build with errors wrote %d bytes", w.written.bytes)
	}
}

// One event with 5,000 tags wrote 1.5 GB: 5,000 tag pages, each repeating
// the 5,000 tags. Now it is one error at the list.
func TestFiveThousandTags(t *testing.T) {
	tags := make([]string, 5000)
	for i := range tags {
		tags[i] = fmt.Sprintf("tag-%d", i)
	}
	w := measure(t, oneEvent("tags: ["+strings.Join(tags, ", ")+"]\nsources:\n  - {id: a, publisher: P, url: \"https://example.org/\", date: 2025-01-01}\n"))
	want := "content/events/2025-01-01-x.md:5:7: tags has 5,000 items; at most 20 are allowed (keep the 20 that matter most)"
	if w.diags.Error() != want {
		t.Errorf("got\n%s\nwant\n%s", w.diags.Error(), want)
	}
	w.within(t, 1, 32<<20)
}

// 10,000 duplicate tags took 81 s to check: each problem parsed the file
// again to find its line.
func TestTenThousandDuplicateTags(t *testing.T) {
	w := measure(t, oneEvent("tags: ["+strings.Repeat("same, ", 9999)+"same]\nsources:\n  - {id: a, publisher: P, url: \"https://example.org/\", date: 2025-01-01}\n"))
	if w.diags.Count(diag.Error) != 1+19 || !strings.Contains(w.diags.Error(), "… and 9 more like this") {
		t.Errorf("got\n%s", w.diags.Error())
	}
	w.within(t, 1+10+1, 32<<20)
}

// A file of 50,000 aliases of one source ran for more than 15 minutes.
func TestFiftyThousandAliases(t *testing.T) {
	w := measure(t, oneEvent("x: &s {id: a, publisher: P, url: \"https://example.org/\"}\nsources:\n"+strings.Repeat("  - *s\n", 50000)))
	text := w.diags.Error()
	for _, want := range []string{
		"content/events/2025-01-01-x.md:5:1: unknown field \"x\"",
		"content/events/2025-01-01-x.md:7:3: sources has 50,000 items; at most 50 are allowed (keep the 50 that matter most)",
		"content/events/2025-01-01-x.md:8:5: duplicate source id \"a\" (give each source of a file its own id)",
		"… and 39 more like this",
		"content/events/2025-01-01-x.md:7:5: warning: source \"a\" has no date",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in\n%s", want, text)
		}
	}
	w.within(t, 40, 64<<20)
}

// The largest event the bounds allow, beside twenty others that share its
// tags and people: each card shows five tags and five people and how many
// more, so the pages that repeat cards stay small.
func TestLargestEventOutput(t *testing.T) {
	fsys := fstest.MapFS{content.SiteFile: {Data: []byte(siteFile)}}
	var fm strings.Builder
	fm.WriteString("tags: [")
	for i := range 20 {
		if i > 0 {
			fm.WriteString(", ")
		}
		fmt.Fprintf(&fm, "tag-%d", i)
	}
	fm.WriteString("]\npeople:\n")
	for i := range 200 {
		fmt.Fprintf(&fm, "  - {id: person-%d, role: released}\n", i)
		fsys[fmt.Sprintf("people/person-%d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("---\nname: Person %d\n---\n", i))}
	}
	fm.WriteString("sources:\n  - {id: a, publisher: P, url: \"https://example.org/\", date: 2025-01-01}\n")
	for d := range 21 {
		fsys[fmt.Sprintf("events/2025-02-%02d-x.md", d+1)] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
			"---\ntitle: X\ndate: 2025-02-%02d\nkind: exchange\n%s---\nThe body.\n", d+1, fm.String()))}
	}
	var sink render.MapSink
	opts := Options{Content: fsys, Layouts: os.DirFS("../../../layouts"), BaseURL: site.BaseURL{Path: "/"},
		Today: content.NewDate(2030, 1, 1)}
	if _, diags, err := Run(opts, &sink); err != nil || diags.HasErrors() {
		t.Fatal(err, diags)
	}
	total := 0
	for _, data := range sink.Files {
		total += len(data)
	}
	tagPage := sink.Files["tags/tag-0/index.html"]
	t.Logf("%d files, %d KB; a tag page of 21 events: %d KB", len(sink.Files), total>>10, len(tagPage)>>10)
	if n := strings.Count(string(tagPage), `href="/tags/`); n > 21*6+25 {
		t.Errorf("a tag page links tags %d times: cards repeat every tag", n)
	}
	if !strings.Contains(string(tagPage), "15 more tags") || !strings.Contains(string(tagPage), "195 more") {
		t.Error("cards do not say how many more tags and people the event has")
	}
	if len(tagPage) > 200<<10 {
		t.Errorf("a tag page of 21 events is %d KB", len(tagPage)>>10)
	}
}
