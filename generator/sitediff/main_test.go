package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/exchange-timeline/timeline/generator/internal/build"
	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/render"
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
		LayoutsDir: "layouts", BaseURL: render.BaseURL{Path: "/repo/"}, Today: content.NewDate(2030, 1, 1)}, &sink)
	if err != nil || diags.HasErrors() {
		t.Fatalf("build: %v\n%v", err, diags)
	}
	dir := t.TempDir()
	for name, data := range sink.Files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
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
// lists the new page, the edited one among the changed, and each figure
// of the home page that moves, with the difference.
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

	var out, errOut strings.Builder
	if code := run([]string{"-before", buildSite(t, base), "-after", buildSite(t, head)}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	got := out.String()
	for _, want := range []string{
		"### What this change does to the site\n",
		"| Pages | 10 | 11 |\n",
		"**1 page added**\n\n- `/events/2025-08-01-new/`\n",
		"- `/events/2025-02-01-second/`\n",
		"- `/years/2025/`\n",
		"#### Figures on the home page\n\n| | before | after | change |\n",
		"| People returned to Ukraine in exchanges | 260 | 456 | +196 |\n",
		"| People returned to Russia in exchanges | 260 | 461 | +201 |\n",
		"| People returned in exchanges, year by year › 2025 › Events | 2 | 3 | +1 |\n",
		"| People returned in exchanges, year by year › 2025 › In the year, to Ukraine | 160 | 356 | +196 |\n",
		"<details><summary>Every figure on the home page (",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the report has no %q", want)
		}
	}
	// The first event's neighbours are as they were: its page is too.
	for _, unwanted := range []string{"/events/2024-05-01-first/", "page removed", "2024 › Events"} {
		if strings.Contains(strings.Split(got, "<details><summary>Every figure")[0], unwanted) {
			t.Errorf("the report lists %q, which did not change", unwanted)
		}
	}
	if t.Failed() {
		t.Log(got)
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
