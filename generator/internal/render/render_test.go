package render

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/exchange-timeline/timeline/generator/internal/site"
)

func markdown(t *testing.T, base, body string) string {
	t.Helper()
	return markdownIn(t, base, "", body)
}

// markdownIn renders body as the edition in the folder prefix does.
func markdownIn(t *testing.T, base, prefix, body string) string {
	t.Helper()
	ed := &edition{md: newMarkdown(site.BaseURL{Path: base}, prefix)}
	html, err := ed.markdown(body)
	if err != nil {
		t.Fatal(err)
	}
	return string(html)
}

// Bodies are untrusted: raw HTML is escaped and script links are dropped.
func TestMarkdownIsSafe(t *testing.T) {
	got := markdown(t, "/", "Hi <script>alert(1)</script> <b onclick=\"x()\">b</b>\n\n<iframe src=\"https://evil.example\"></iframe>\n\n[x](javascript:alert(1)) [y](vbscript:msgbox) ![z](data:text/html;base64,PHNjcmlwdD4=)\n")
	for _, bad := range []string{"<script", "<b ", "<iframe", `href="javascript`, `href="vbscript`, `src="data:text/html`} {
		if strings.Contains(got, bad) {
			t.Errorf("output contains %q:\n%s", bad, got)
		}
	}
	if !strings.Contains(got, "&lt;script&gt;") && !strings.Contains(got, "<!-- raw HTML omitted -->") {
		t.Errorf("raw HTML was neither escaped nor omitted:\n%s", got)
	}
}

func TestMarkdownFitsThePage(t *testing.T) {
	got := markdown(t, "/repo/", "# Heading\n\n## Sub\n\n[page](/people/x/) [ext](https://example.org/) [rel](other/) [proto](//cdn.example/x) <https://auto.example/>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
	for _, want := range []string{
		`<h2 id="text-heading">Heading</h2>`,
		`<h3 id="text-sub">Sub</h3>`,
		`href="/repo/people/x/"`,
		`href="https://example.org/"`,
		`href="other/"`,
		`href="//cdn.example/x"`,
		`<a href="https://auto.example/">`,
		"<table>",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %s:\n%s", want, got)
		}
	}
}

// A body's headings cannot take the ids of the layouts: theirs start with
// HeadingIDPrefix, which no id in the layouts does; links in the body to its
// own headings follow.
func TestHeadingIDsApart(t *testing.T) {
	got := markdown(t, "/", "# Main\n\n# Sources\n\n# Sources\n\nSee [below](#sources), [the page's](#figures) and [away](/x/#main).\n")
	for _, want := range []string{`<h2 id="text-main">Main</h2>`, `<h2 id="text-sources">Sources</h2>`, `<h2 id="text-sources-1">Sources</h2>`,
		`<a href="#text-sources">below</a>`, `<a href="#figures">the page's</a>`, `<a href="/x/#main">away</a>`} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %s:\n%s", want, got)
		}
	}
	layouts, err := filepath.Glob("../../../layouts/*.html")
	partials, _ := filepath.Glob("../../../layouts/partials/*.html")
	if err != nil || len(layouts) == 0 {
		t.Fatal("no layouts", err)
	}
	ids := 0
	for _, name := range append(layouts, partials...) {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range layoutID.FindAllStringSubmatch(string(data), -1) {
			ids++
			if strings.HasPrefix(m[1], HeadingIDPrefix) {
				t.Errorf("%s: id %q starts with %q, which body headings' ids start with", name, m[1], HeadingIDPrefix)
			}
		}
	}
	if ids < 10 {
		t.Errorf("found only %d ids in the layouts", ids)
	}
}

var layoutID = regexp.MustCompile(`\sid="([^"]*)"`)

// minimalLayouts are layouts with a page per kind that writes its title,
// and the shipped translation files.
func minimalLayouts() fstest.MapFS {
	fsys := fstest.MapFS{"base.html": {Data: []byte(`{{template "main" .}}`)}}
	for _, l := range []string{"en", "uk", "ru"} {
		data, err := os.ReadFile("../../../layouts/i18n/" + l + ".yaml")
		if err != nil {
			panic(err)
		}
		fsys["i18n/"+l+".yaml"] = &fstest.MapFile{Data: data}
	}
	for _, list := range pageLists() {
		kind := list.Kind
		fsys[string(kind)+".html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}{{.Title}}{{end}}`)}
	}
	return fsys
}

func TestLayoutErrorsNameTheirFile(t *testing.T) {
	fsys := minimalLayouts()
	fsys["partials/card.html"] = &fstest.MapFile{Data: []byte("{{define \"card\"}}\n{{.Title}\n{{end}}")}
	delete(fsys, "tags.html")
	_, diags := New(fsys, Options{BaseURL: site.BaseURL{Path: "/"}})
	missing := "tags.html: this layout is missing (every page kind needs its template; see the list in generator/internal/render)"
	if len(diags) != 2 || diags[0].String() != missing || diags[1].Pos() != "partials/card.html:2" || !strings.Contains(diags[1].Message, "bad character") {
		t.Errorf("got %v", diags)
	}
	delete(fsys, "partials/card.html")
	_, diags = New(fsys, Options{BaseURL: site.BaseURL{Path: "/"}})
	if len(diags) != 1 || diags[0].String() != missing {
		t.Errorf("got %v", diags)
	}
}

func TestAssetFingerprint(t *testing.T) {
	fsys := minimalLayouts()
	fsys["static/style.css"] = &fstest.MapFile{Data: []byte("body{}")}
	r, diags := New(fsys, Options{BaseURL: site.BaseURL{Path: "/repo/"}})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	a := r.asset("style.css")
	fsys["static/style.css"].Data = []byte("body{color:red}")
	r2, _ := New(fsys, Options{BaseURL: site.BaseURL{Path: "/repo/"}})
	if b := r2.asset("/style.css"); !strings.HasPrefix(a, "/repo/style.css?v=") || a == b {
		t.Errorf("asset URLs %q and %q must carry a version that follows the content", a, b)
	}
	if got := r.asset("missing.png"); got != "/repo/missing.png" {
		t.Errorf("unknown asset: %q", got)
	}
}

func TestUUIDIsStableAndVersion5(t *testing.T) {
	a, b := uuidURN("event:x"), uuidURN("event:x")
	if a != b || a == uuidURN("event:y") || len(a) != len("urn:uuid:")+36 || a[len("urn:uuid:")+14] != '5' {
		t.Errorf("got %s", a)
	}
}
