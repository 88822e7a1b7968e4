package sitetest

import (
	"bytes"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/exchange-timeline/timeline/generator/internal/build"
	"github.com/exchange-timeline/timeline/generator/internal/model"
	"golang.org/x/net/html"
	"golang.org/x/text/language"
	textmessage "golang.org/x/text/message"
	"golang.org/x/tools/txtar"
)

// buildWithShippedLayouts builds content with the project's layouts and
// returns the files and the model.
func buildWithShippedLayouts(t *testing.T, content fs.FS) (map[string][]byte, *model.Site) {
	t.Helper()
	return buildWith(t, build.Options{Content: content})
}

// countingFixture is the synthetic record whose totals are worked out by
// hand in internal/model/testdata/counting.txtar.
func countingFixture(t *testing.T) fstest.MapFS {
	t.Helper()
	return archiveContent(t, "../internal/model/testdata/counting.txtar")
}

// archiveContent is a content directory of the Markdown files of a txtar
// archive.
func archiveContent(t *testing.T, path string) fstest.MapFS {
	t.Helper()
	ar, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	content := fstest.MapFS{}
	for _, f := range ar.Files {
		if strings.HasSuffix(f.Name, ".md") {
			content[f.Name] = &fstest.MapFile{Data: f.Data}
		}
	}
	return content
}

// classText returns the text of the elements of a page with a class, with
// white space folded.
func classText(t *testing.T, page []byte, class string) []string {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && hasClass(n, class) {
			texts = append(texts, strings.Join(strings.Fields(textOf(n)), " "))
		}
	}
	return texts
}

// The home page's headline is the hand-computed one: the at-least totals,
// their as-of date and what is not counted.
func TestHomeHeadline(t *testing.T) {
	files, _ := buildWithShippedLayouts(t, countingFixture(t))
	home := files["index.html"]
	for class, want := range map[string][]string{
		"headline-figure": {"At least 510 people returned to North Official count: 150 by 15 March 2020, per A synthetic ombudsman; this record counts 170 by then, 20 more.", "At least 220 people returned to South"},
		"as-of": {"In exchanges, as of 3 May 2020, from 6 exchanges with figures. " +
			"Not counted: 1 exchange with no figure for North, 2 exchanges with no figure for South."},
		"latest-line": {"Latest exchange: 1–3 May 2020 · F"},
		// The count of exchanges is the record's, which is not North's own.
		"numbering-note": {"The count of exchanges above is this record’s, with each stage apart; North’s own numbering reached the 7th on 1 May 2020."},
	} {
		if got := classText(t, home, class); strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s: %q, want %q", class, got, want)
		}
	}
}

// Once an official running total exists, the home page never shows the
// record's total without it: for each party, the latest official figure,
// who gave it, its date, and what the record counts by then. Checked on
// the synthetic record and on the shipped one.
func TestHomeShowsOfficialTotals(t *testing.T) {
	files, _ := buildWithShippedLayouts(t, countingFixture(t))
	lines := classText(t, files["index.html"], "official-line")
	want := "Official count: 150 by 15 March 2020, per A synthetic ombudsman; this record counts 170 by then, 20 more."
	if len(lines) != 1 || lines[0] != want {
		t.Errorf("synthetic record: official lines %q, want [%q]", lines, want)
	}

	files, site := buildWithShippedLayouts(t, os.DirFS("../../content"))
	lines = classText(t, files["index.html"], "official-line")
	latest := site.LatestOfficials("exchange")
	if len(lines) != len(latest) {
		t.Fatalf("shipped record: %d official lines on the home page, %d parties with an official count: %q", len(lines), len(latest), lines)
	}
	for i, st := range latest {
		english := textmessage.NewPrinter(language.English)
		for _, part := range []string{english.Sprint(*st.Count), st.Date.Long(), st.By, english.Sprint(st.Record)} {
			if !strings.Contains(lines[i], part) {
				t.Errorf("the official line %q does not say %q", lines[i], part)
			}
		}
	}
}

// On a 375 × 667 phone and a 1280 × 800 laptop, the first screen of the
// home page shows the latest exchange (its date, and its title as a link),
// the totals with their as-of date, the official counts and the link to
// the numbers: the bottom of each is within the window, without scrolling;
// in every edition, whose texts are longer or shorter.
func TestFirstScreen(t *testing.T) {
	site := serveShipped(t)
	ctx := NewBrowser(t)
	for _, edition := range shippedEditions(t) {
		for _, size := range []struct {
			width, height int64
			mobile        bool
		}{{375, 667, true}, {1280, 800, false}} {
			t.Run(fmt.Sprintf("%s%dx%d", edition, size.width, size.height), func(t *testing.T) {
				_, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
					Width: size.width, Height: size.height, DeviceScaleFactor: 1, Mobile: size.mobile})
				if err != nil {
					t.Fatal(err)
				}
				open(t, ctx, site+edition)
				below, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(() => {
  const wanted = [".latest-line time", ".latest-line a", ".headline-figure", ".as-of time", ".official-line", ".overview-more a"];
  const out = [];
  for (const sel of wanted) {
    const all = document.querySelectorAll(sel);
    if (all.length === 0 && sel !== ".official-line") out.push(sel + ": missing");
    for (const el of all) {
      const r = el.getBoundingClientRect();
      if (r.height === 0 || r.bottom > window.innerHeight) out.push(sel + ": bottom at " + Math.round(r.bottom) + " of " + window.innerHeight);
    }
  }
  return out;
})()`))
				if err != nil {
					t.Fatal(err)
				}
				if len(below) > 0 {
					t.Errorf("not on the first screen: %q", below)
				}
			})
		}
	}
}

// Printed from a browser in dark mode, every page kind prints dark text on
// white: each element's text has a contrast of at least 4.5:1 against the
// background it is drawn on.
func TestPrintInDarkMode(t *testing.T) {
	site := serveShipped(t)
	ctx := NewBrowser(t)
	_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Media:    "print",
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, pk := range pageKinds(t) {
		open(t, ctx, site+pk.path)
		low, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](printContrastJS))
		if err != nil {
			t.Fatal(err)
		}
		if len(low) > 0 {
			t.Errorf("%s: text below 4.5:1 in print: %q", pk.kind, low[:min(len(low), 5)])
		}
	}
}

// printContrastJS lists the elements whose own text is drawn at less than
// 4.5:1 against their background.
const printContrastJS = `(() => {
  const rgb = s => { const m = s.match(/[\d.]+/g).map(Number); return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; };
  const lum = c => { const f = v => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  const background = el => { for (; el; el = el.parentElement) { const c = rgb(getComputedStyle(el).backgroundColor); if (c.a > 0) return c; } return {r: 255, g: 255, b: 255, a: 1}; };
  const out = [];
  for (const el of document.body.querySelectorAll("*")) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    const style = getComputedStyle(el);
    if (!own || style.display === "none" || style.visibility === "hidden" || el.closest("[hidden], .visually-hidden, svg")) continue;
    const fg = lum(rgb(style.color)), bg = lum(background(el));
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    if (ratio < 4.5) out.push(el.tagName.toLowerCase() + "." + el.className + " " + ratio.toFixed(2) + ": " + el.textContent.trim().slice(0, 40));
  }
  return out;
})()`

// The box for families links only to official pages: the Ukrainian
// government's (gov.ua) and the Red Cross's own; a warning it gives is
// attributed by name and date rather than linked to a newspaper. Every
// edition, on the home page and on a person's page.
func TestFamiliesLinkOnlyToOfficialPages(t *testing.T) {
	files, s := buildWithShippedLayouts(t, os.DirFS("../../content"))
	person := "people/" + s.People[0].ID + "/index.html"
	for _, prefix := range shippedEditions(t) {
		for _, page := range []string{prefix + "index.html", prefix + person} {
			doc, err := html.Parse(bytes.NewReader(files[page]))
			if err != nil {
				t.Fatal(err)
			}
			links := 0
			for n := range doc.Descendants() {
				if n.Type != html.ElementNode || !hasClass(n, "families") {
					continue
				}
				for a := range n.Descendants() {
					if a.Type != html.ElementNode || a.Data != "a" {
						continue
					}
					links++
					u, err := url.Parse(attr(a, "href"))
					if err != nil || u.Scheme != "https" || !(strings.HasSuffix(u.Host, ".gov.ua") || u.Host == "www.icrc.org") {
						t.Errorf("%s: the families box links to %q, which is not an official page", page, attr(a, "href"))
					}
				}
			}
			if links == 0 {
				t.Errorf("%s: no families box with links", page)
			}
		}
	}
}
