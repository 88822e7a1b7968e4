package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/exchange-timeline/timeline/generator/internal/build"
	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/render"
	"github.com/exchange-timeline/timeline/generator/internal/site"
)

// buildSite builds content with the shipped layouts under /repo/ into a
// new directory, as the check workflow builds the base and the head of a
// pull request.
func buildSite(t *testing.T, files map[string]string) string {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	var sink render.MapSink
	_, diags, err := build.Run(build.Options{Content: fsys, Layouts: os.DirFS("../../layouts"), ContentDir: "content",
		LayoutsDir: "layouts", BaseURL: site.BaseURL{Path: "/repo/"}, Today: content.NewDate(2030, 1, 1)}, &sink)
	if err != nil || diags.HasErrors() {
		t.Fatalf("build: %v\n%v", err, diags)
	}
	site := fstest.MapFS{}
	for name, data := range sink.Files {
		site[name] = &fstest.MapFile{Data: data}
	}
	dir := t.TempDir()
	if err := os.CopyFS(dir, site); err != nil {
		t.Fatal(err)
	}
	return dir
}

const siteFile = `---
title: Test record
parties:
  - {id: ukraine, name: Ukraine}
  - {id: russia, name: Russia}
---
`

func event(date, words string, toUkraine, toRussia int) string {
	return strings.NewReplacer("DATE", date, "WORDS", words, "UA", strconv.Itoa(toUkraine), "RU", strconv.Itoa(toRussia)).Replace(`---
title: Synthetic exchange, WORDS
date: DATE
kind: exchange
returned:
  - {to: ukraine, count: UA, source: a}
  - {to: russia, count: RU, source: a}
sources:
  - {id: a, publisher: Test Agency, url: "https://example.org/a", date: DATE}
---
`)
}

// A change that edits one event's figures and adds another: the report
// lists the new page, the edited one among the changed, and the figures of
// the home page and of /numbers/ that move, with the difference. The
// labels are the shipped layouts' words, which change with them: the test
// looks for the differences.
func TestReport(t *testing.T) {
	base := map[string]string{
		"_index.md":                      siteFile,
		"events/2024-05-01-first.md":     event("2024-05-01", "first", 100, 100),
		"events/2025-02-01-second.md":    event("2025-02-01", "second", 150, 150),
		"events/2025-06-01-unchanged.md": event("2025-06-01", "unchanged", 10, 10),
	}
	head := map[string]string{}
	for name, text := range base {
		head[name] = text
	}
	head["events/2025-02-01-second.md"] = event("2025-02-01", "second", 146, 150)
	head["events/2025-08-01-new.md"] = event("2025-08-01", "new", 200, 201)

	before, after := buildSite(t, base), buildSite(t, head)
	var out, errOut strings.Builder
	if code := run([]string{"-before", before, "-after", after}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	got := out.String()
	pages := func(dir string) int {
		n := 0
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && strings.HasSuffix(p, ".html") {
				n++
			}
			return err
		})
		return n
	}
	for _, want := range []string{
		"### What this change does to the site\n",
		fmt.Sprintf("| Pages | %d | %d |\n", pages(before), pages(after)),
		"**1 page added**\n\n- `/events/2025-08-01-new/`\n",
		"- `/events/2025-02-01-second/`\n",
		"- `/years/2025/`\n",
		"#### Figures on the home page\n\n| | before | after | change |\n",
		"<details><summary>Every figure on the home page (",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the report has no %q", want)
		}
	}
	// Every figure page of the site says how the totals moved: 196 more
	// to Ukraine (-4 + 200), 201 more to Russia, one more event in 2025.
	for _, page := range figurePages {
		if _, ok := readFile(after, page.file); !ok {
			continue
		}
		section := sectionOf(got, "#### Figures on "+page.name)
		changed, _, _ := strings.Cut(section, "<details>")
		for _, delta := range []string{" | +196 |\n", " | +201 |\n"} {
			if !strings.Contains(changed, delta) {
				t.Errorf("figures on %s: no figure changes by %s", page.name, strings.Trim(delta, " |\n"))
			}
		}
		if strings.Contains(changed, " | 100 | 100 |") {
			t.Errorf("figures on %s: a figure that did not change is listed as changed", page.name)
		}
	}
	// The first event's neighbours are as they were: its page is too.
	for _, unwanted := range []string{"/events/2024-05-01-first/", "page removed"} {
		if strings.Contains(got, unwanted) {
			t.Errorf("the report lists %q, which did not change", unwanted)
		}
	}
	if t.Failed() {
		t.Log(got)
	}
}

func readFile(dir, name string) ([]byte, bool) {
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	return data, err == nil
}

// sectionOf is the part of a report from a heading to the next.
func sectionOf(report, heading string) string {
	_, rest, ok := strings.Cut(report, heading+"\n")
	if !ok {
		return ""
	}
	section, _, _ := strings.Cut(rest, "\n#### ")
	return section
}

// The figures of a page, whatever its layouts: tables by caption, row and
// column (header cells spanning columns and rows), definitions by their
// term with its date as part of the value, and sentences with their
// numbers, dates and linked titles as the value; events' cards left out;
// a label met again numbered.
func TestPageFigures(t *testing.T) {
	page := []byte(`<!DOCTYPE html><header><p>Not 1 figure of the page</p></header><main>
<h1>Title 7</h1>
<p>Latest exchange: <time datetime="2025-08-24">24 August 2025</time> · <a href="/e/">146 for 146</a></p>
<ul><li><a href="/years/2024/">2024 12 events</a></li></ul>
<dl><dt>To Ukraine, as of <time>1 May 2025</time></dt><dd>at least 7,038</dd><dt>Disputed</dt><dd>none</dd></dl>
<h2>The numbers</h2>
<p>Counted from 67 exchanges, years 2022 to 2025.</p>
<article><p>A card: 300 for 300</p></article>
<table><caption>By year</caption>
<thead><tr><th rowspan="2">Year</th><th colspan="2">In the year, to</th></tr><tr><th>Ukraine</th><th>Russia</th></tr></thead>
<tbody><tr><th><a href="/y/">2024</a></th><td>1,348</td><td>1,266</td></tr></tbody></table>
<p>Counted from 1 exchange.</p><p>Counted from 2 exchanges.</p><p>Counted from 3 exchanges.</p>
</main>`)
	got, err := pageFigures(page)
	if err != nil {
		t.Fatal(err)
	}
	want := []figure{
		{"Latest exchange: … · …", "24 August 2025 · 146 for 146"},
		{"2024 … events", "12"},
		{"To Ukraine, as of …", "1 May 2025 · at least 7,038"},
		{"The numbers › Counted from … exchanges, years 2022 to 2025.", "67"},
		{"By year › 2024 › In the year, to Ukraine", "1,348"},
		{"By year › 2024 › In the year, to Russia", "1,266"},
		{"The numbers › Counted from … exchange.", "1"},
		{"The numbers › Counted from … exchanges.", "2"},
		{"The numbers › Counted from … exchanges. (2)", "3"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

// The same site twice: nothing changes, and the report says so.
func TestReportNoChange(t *testing.T) {
	dir := buildSite(t, map[string]string{"_index.md": siteFile, "events/2024-05-01-first.md": event("2024-05-01", "first", 100, 100)})
	var out, errOut strings.Builder
	if code := run([]string{"-before", dir, "-after", dir}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	for _, want := range []string{"No page is added, changed or removed.", "No figure on the home page changes."} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the report has no %q:\n%s", want, out.String())
		}
	}
}

// A directory that does not hold a site is an error, not an empty report.
func TestReportNoSite(t *testing.T) {
	var out, errOut strings.Builder
	if code := run([]string{"-before", t.TempDir(), "-after", t.TempDir()}, &out, &errOut); code != 1 || !strings.Contains(errOut.String(), "no files") {
		t.Errorf("exit %d, %q", code, errOut.String())
	}
}

// The change of a figure is worked out part by part when a value holds
// several, as the home page's headline does: its total and the official
// count beside it, with a date and a name between.
func TestDelta(t *testing.T) {
	for _, c := range []struct{ before, after, want string }{
		{"at least 7,038", "at least 7,184", "+146"},
		{"12", "12", ""},
		{"24 August 2025 · 146 for 146", "1 September 2025 · 84 for 84", ""},
		{"8,072 · 8,050 · 11 March 2026 · Coordination Headquarters · 8,072 · 22", "8,082 · 8,050 · 11 March 2026 · Coordination Headquarters · 8,072 · 22", "+10"},
		{"6 March 2026 · 71 · 16 exchanges", "2 April 2026 · 72 · 17 exchanges", "+1 · +1"},
		{"6 March 2026 · 71", "71", ""},
		{"—", "5", ""},
	} {
		if got := delta(c.before, c.after); got != c.want {
			t.Errorf("delta(%q, %q) = %q, want %q", c.before, c.after, got, c.want)
		}
	}
}
