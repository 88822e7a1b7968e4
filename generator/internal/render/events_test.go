package render

import (
	"bytes"
	"cmp"
	"context"
	"encoding/csv"
	"html"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/corpus"
	"github.com/exchange-timeline/timeline/generator/internal/model"
	"github.com/exchange-timeline/timeline/generator/internal/site"
	"golang.org/x/tools/txtar"
)

// One format for a date or a range of dates everywhere: each month and
// year written once (in English here; TestDatesInEachLanguage has the
// others).
func TestDateRange(t *testing.T) {
	r, diags := New(minimalLayouts(), Options{BaseURL: site.BaseURL{Path: "/"}})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	formatDateRange := r.editions[0].dateRange
	day := func(s string) content.Date {
		d, err := content.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	same := day("2025-05-23")
	for _, c := range []struct {
		from string
		to   *content.Date
		want DateRange
	}{
		{"2025-05-23", nil, DateRange{Start: "23 May 2025"}},
		{"2025-05-23", &same, DateRange{Start: "23 May 2025"}},
		{"2025-05-23", new(day("2025-05-25")), DateRange{"23", "–", "25 May 2025"}},
		{"2025-05-30", new(day("2025-06-02")), DateRange{"30 May", " – ", "2 June 2025"}},
		{"2024-12-30", new(day("2025-01-02")), DateRange{"30 December 2024", " – ", "2 January 2025"}},
	} {
		if got := formatDateRange(day(c.from), c.to); got != c.want {
			t.Errorf("dateRange %s to %v = %+v, want %+v", c.from, c.to, got, c.want)
		}
	}
}

// tableFixture builds testdata/table.txtar with the shipped layouts under
// https://example.org/site/ and returns its files and the archive's
// expected outputs.
func tableFixture(t *testing.T) (files map[string][]byte, want map[string]string) {
	t.Helper()
	ar, err := txtar.ParseFile("testdata/table.txtar")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	want = map[string]string{}
	for _, f := range ar.Files {
		if strings.HasSuffix(f.Name, ".md") {
			fsys[f.Name] = &fstest.MapFile{Data: f.Data}
		} else {
			want[f.Name] = string(f.Data)
		}
	}
	loaded, diags := content.Load(fsys)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return renderSite(t, model.Build(loaded, model.Options{}), site.BaseURL{Path: "/site/", Origin: "https://example.org"}), want
}

func renderSite(t *testing.T, s *model.Site, base site.BaseURL) map[string][]byte {
	t.Helper()
	r, diags := New(os.DirFS("../../../layouts"), Options{BaseURL: base})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	var sink MapSink
	if _, diags, err := r.Render(context.Background(), r.Plan([]*model.Site{s}), &sink, nil); err != nil || len(diags) > 0 {
		t.Fatal(err, diags)
	}
	return sink.Files
}

// readCSV parses a CSV file strictly: every record has the header's number
// of fields, quotes are where RFC 4180 puts them.
func readCSV(t *testing.T, name string, data []byte) [][]string {
	t.Helper()
	records, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return records
}

// The CSV files of the synthetic record say what was worked out by hand:
// qualifiers, remains, official numbers, undisclosed and joint figures,
// quoting, and text that spreadsheets would take for a formula. Lines end
// in CRLF, as RFC 4180 has them.
func TestCSVFiles(t *testing.T) {
	files, want := tableFixture(t)
	for _, name := range []string{"events.csv", "figures.csv"} {
		got := files["data/"+name]
		if !slices.EqualFunc(readCSV(t, name, got), readCSV(t, name+" (want)", []byte(want[name])), slices.Equal) {
			t.Errorf("data/%s:\n%s\nwant:\n%s", name, got, want[name])
		}
		if lines := strings.Count(want[name], "\n"); bytes.Count(got, []byte("\r\n")) != lines || bytes.Count(got, []byte("\n")) != lines {
			t.Errorf("data/%s: lines do not all end in CRLF", name)
		}
	}
}

// One row per event and one per reported figure, whatever the size of the
// site.
func TestCSVRowCounts(t *testing.T) {
	fsys := corpus.FS(300)
	loaded, diags := content.Load(fsys)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	s := model.Build(loaded, model.Options{})
	files := renderSite(t, s, site.BaseURL{Path: "/"})
	figures := 0
	for _, e := range s.Events {
		figures += len(e.Returned)
	}
	events := readCSV(t, "events.csv", files["data/events.csv"])
	if len(events) != 1+len(s.Events) {
		t.Errorf("events.csv has %d rows, want a header and %d events", len(events), len(s.Events))
	}
	for i, e := range s.Events {
		if i+1 < len(events) && events[i+1][0] != e.ID {
			t.Fatalf("row %d of events.csv is %s, want %s", i+1, events[i+1][0], e.ID)
		}
	}
	if got := readCSV(t, "figures.csv", files["data/figures.csv"]); len(got) != 1+figures {
		t.Errorf("figures.csv has %d rows, want a header and %d figures", len(got), figures)
	}
}

// The table of every event shows each event once, newest first, with the
// figures of each side marked as worked out by hand.
func TestEventsTable(t *testing.T) {
	files, want := tableFixture(t)
	var rows []string
	for _, tr := range rowElement.FindAllString(string(files["events/index.html"]), -1) {
		var cells []string
		for _, cell := range cellElement.FindAllString(tr, -1) {
			text := strings.TrimSpace(strings.ReplaceAll(html.UnescapeString(tag.ReplaceAllString(cell, "")), "\u00a0", " "))
			cells = append(cells, cmp.Or(text, "(empty)"))
		}
		rows = append(rows, strings.Join(cells, " | "))
	}
	wantRows := strings.Split(strings.TrimSpace(want["rows.want"]), "\n")
	if strings.Join(rows, "\n") != strings.Join(wantRows, "\n") {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(rows, "\n"), strings.Join(wantRows, "\n"))
	}
}

// The table's rows, their cells, and any tag, in the markup of
// partials/events.html.
var (
	rowElement  = regexp.MustCompile(`(?s)<tr data-kind.*?</tr>`)
	cellElement = regexp.MustCompile(`(?s)<t[dh][ >].*?</t[dh]>`)
	tag         = regexp.MustCompile(`<[^>]*>`)
)

// Each source on an event's page links back to the figures that cite it,
// and each of those figures has the id the link names.
func TestSourcesLinkBackToFigures(t *testing.T) {
	files, _ := tableFixture(t)
	page := string(files["events/2020-03-01-c/index.html"])
	for _, want := range []string{
		`<a href="#figure_1">the undisclosed number to North</a>`,
		`<a href="#figure_3">30 to South</a>`,
		`<a href="#figure_2"><span aria-hidden="true">≈&nbsp;</span><span class="visually-hidden">about </span>2 remains to North (bodies)</a>`,
		`<tr id="figure_1">`, `<tr id="figure_2">`, `<tr id="figure_3">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page of event c has no %s", want)
		}
	}
	page = string(files["events/2020-01-05-a/index.html"])
	a, b := strings.Index(page, `id="source-a"`), strings.Index(page, `id="source-b"`)
	if a < 0 || b < a || !strings.Contains(page[a:b], `href="#figure_1"`) || !strings.Contains(page[a:b], `href="#figure_3"`) ||
		strings.Contains(page[a:b], `href="#figure_2"`) || !strings.Contains(page[b:], `href="#figure_2">120 to North (soldiers)</a>`) {
		t.Errorf("the sources of event a do not link back to their own figures:\n%s", page[max(a, 0):])
	}
}
