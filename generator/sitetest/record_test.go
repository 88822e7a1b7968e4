package sitetest

import (
	"bytes"
	"encoding/json"
	"maps"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/exchange-timeline/timeline/generator/internal/build"
	"github.com/exchange-timeline/timeline/generator/internal/diag"
	"go.yaml.in/yaml/v3"
	"golang.org/x/net/html"
)

// Tests over the shipped record (issue 8): they read the built site the way
// a reader or a re-user of /data/*.json would, not the generator's model.

type recordEvent struct {
	ID       string            `json:"id"`
	Date     string            `json:"date"`
	Disputed bool              `json:"disputed"`
	Tags     []string          `json:"tags"`
	Returned []json.RawMessage `json:"returned"`
	// Counted is what the event adds to the totals, by kind and party.
	Counted []struct {
		Kind  string `json:"kind"`
		To    string `json:"to"`
		Count int    `json:"count"`
	} `json:"counted"`
}

type recordPerson struct {
	ID     string   `json:"id"`
	Events []string `json:"events"`
}

func shippedRecord(t *testing.T) (map[string][]byte, []recordEvent, []recordPerson) {
	t.Helper()
	files := buildShipped(t, "/")
	var events struct {
		Events []recordEvent `json:"events"`
	}
	if err := json.Unmarshal(files["data/events.json"], &events); err != nil {
		t.Fatalf("data/events.json: %v", err)
	}
	var people struct {
		People []recordPerson `json:"people"`
	}
	if err := json.Unmarshal(files["data/people.json"], &people); err != nil {
		t.Fatalf("data/people.json: %v", err)
	}
	if len(events.Events) == 0 || len(people.People) == 0 {
		t.Fatalf("the shipped record is empty: %d events, %d people", len(events.Events), len(people.People))
	}
	return files, events.Events, people.People
}

// The shipped content passes "timeline check" with no error. Every rule
// about content is the validator's, explained in CONTRIBUTING.md: a change
// that the check accepts passes the tests too. Warnings never fail.
func TestShippedContentChecks(t *testing.T) {
	diags := build.Check(build.Options{Content: os.DirFS("../../content"), Layouts: os.DirFS("../../layouts"),
		ContentDir: "content", LayoutsDir: "layouts", Today: Today()})
	for _, d := range diags {
		if d.Severity == diag.Error {
			t.Error(d)
		}
	}
	if n := diags.Count(diag.Warning); n > 0 {
		t.Logf("%d warnings (they do not fail the check)", n)
	}
}

// The people data lists, for each person, events that the events data has.
func TestRecordPeopleEventsExist(t *testing.T) {
	_, events, people := shippedRecord(t)
	known := map[string]bool{}
	for _, e := range events {
		known[e.ID] = true
	}
	for _, p := range people {
		for _, id := range p.Events {
			if !known[id] {
				t.Errorf("%s is listed in %q, which is not in data/events.json", p.ID, id)
			}
		}
	}
}

// The numbers page's figures equal the per-event figures of /data/events.json
// added up per kind of event, per year and per receiving party: the
// year-by-year tables (which are also the text alternative of the charts),
// their running totals, and where each chart's line ends.
func TestRecordNumbersMatchEvents(t *testing.T) {
	files, events, _ := shippedRecord(t)

	type cell struct{ kind, year, party string }
	want := map[cell]int{}                // the year's sum
	totals := map[[2]string]int{}         // kind, party → the sum of every year
	counted := map[[2]string]int{}        // kind, year → events with a disclosed figure
	kinds := map[string]map[string]bool{} // kind → years with figures
	for _, e := range events {
		year := e.Date[:4]
		countedKinds := map[string]bool{}
		for _, c := range e.Counted {
			if kinds[c.Kind] == nil {
				kinds[c.Kind] = map[string]bool{}
			}
			kinds[c.Kind][year] = true
			if !countedKinds[c.Kind] {
				countedKinds[c.Kind] = true
				counted[[2]string{c.Kind, year}]++
			}
			want[cell{c.Kind, year, c.To}] += c.Count
			totals[[2]string{c.Kind, c.To}] += c.Count
		}
	}

	names := partyNames(t)
	tables := numbersYearTables(t, files["numbers/index.html"])
	charts := numbersChartEnds(t, files["numbers/index.html"])
	for kind, years := range kinds {
		caption := kindCaption(kind) + ", year by year"
		rows, ok := tables[caption]
		if !ok {
			t.Errorf("the numbers page has no table %q for the %s events", caption, kind)
			continue
		}
		for year := range years {
			if _, ok := rows[year]; !ok {
				t.Errorf("%s: no row for %s", caption, year)
			}
		}
		running := map[string]int{}
		for _, year := range slices.Sorted(maps.Keys(rows)) {
			row := rows[year]
			if n := counted[[2]string{kind, year}]; row["Events"] != n {
				t.Errorf("%s, %s: %d events counted, the data has %d", caption, year, row["Events"], n)
			}
			for id, name := range names {
				n := want[cell{kind, year, id}]
				running[id] += n
				if got := row["In the year, to "+name]; got != n {
					t.Errorf("%s, %s, to %s: the page shows %d, the events add up to %d", caption, year, name, got, n)
				}
				if got := row["Running total, to "+name]; got != running[id] {
					t.Errorf("%s, %s, total to %s: the page shows %d, the events add up to %d", caption, year, name, got, running[id])
				}
			}
		}
		for id, name := range names {
			n := totals[[2]string{kind, id}]
			if running[id] != n {
				t.Errorf("%s: the years add up to %d for %s, the events to %d", caption, running[id], name, n)
			}
			end, ok := charts[kind][id]
			if !ok {
				t.Errorf("the chart of the %s events has no line for %s", kind, name)
			} else if math.Abs(end.value-float64(n)) > end.tolerance {
				t.Errorf("the chart of the %s events: the line of %s ends at %.1f, the total is %d", kind, name, end.value, n)
			}
		}
	}
	for caption := range tables {
		found := false
		for kind := range kinds {
			found = found || kindCaption(kind)+", year by year" == caption
		}
		if !found {
			t.Errorf("the numbers page shows a table %q with no events behind it", caption)
		}
	}
}

// kindCaption is the caption layouts/partials/card.html "kindtotals" gives a
// kind of event.
func kindCaption(kind string) string {
	switch kind {
	case "repatriation":
		return "Remains returned"
	case "exchange":
		return "People returned in exchanges"
	case "talks":
		return "Talks"
	}
	return strings.ToUpper(kind[:1]) + kind[1:]
}

// partyNames reads the parties of content/_index.md: id → name.
func partyNames(t *testing.T) map[string]string {
	t.Helper()
	data, err := os.ReadFile("../../content/_index.md")
	if err != nil {
		t.Fatal(err)
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	parts := strings.SplitN(strings.ReplaceAll(string(data), "\r\n", "\n"), "---\n", 3)
	if len(parts) < 3 {
		t.Fatal("content/_index.md has no YAML front matter")
	}
	var site struct {
		Parties []struct{ ID, Name string } `yaml:"parties"`
	}
	if err := yaml.Unmarshal([]byte(parts[1]), &site); err != nil {
		t.Fatal(err)
	}
	names := map[string]string{}
	for _, p := range site.Parties {
		names[p.ID] = p.Name
	}
	return names
}

// numbersYearTables reads the year-by-year tables of /numbers/: caption →
// year → column heading → number. A column under a group heading is named
// by both: "In the year, to Ukraine".
func numbersYearTables(t *testing.T, page []byte) map[string]map[string]map[string]int {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	tables := map[string]map[string]map[string]int{}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode || n.Data != "table" || !hasClass(n, "year-table") {
			continue
		}
		caption := ""
		var headings []string // by column
		rows := map[string]map[string]int{}
		for c := range n.Descendants() {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.Data {
			case "caption":
				caption = strings.TrimSpace(textOf(c))
			case "tr":
				var cells []*html.Node
				for cell := c.FirstChild; cell != nil; cell = cell.NextSibling {
					if cell.Type == html.ElementNode && (cell.Data == "th" || cell.Data == "td") {
						cells = append(cells, cell)
					}
				}
				if c.Parent.Data == "thead" {
					headings = addHeadings(headings, cells)
					continue
				}
				row := map[string]int{}
				for i, cell := range cells[1:] {
					v := strings.TrimSpace(textOf(cell))
					n, err := strconv.Atoi(strings.ReplaceAll(v, ",", ""))
					if err != nil || i+1 >= len(headings) {
						t.Fatalf("table %q, row %s: %q is not a number under a heading", caption, textOf(cells[0]), v)
					}
					row[headings[i+1]] = n
				}
				rows[strings.TrimSpace(textOf(cells[0]))] = row
			}
		}
		if _, dup := tables[caption]; dup {
			t.Errorf("two tables are captioned %q", caption)
		}
		tables[caption] = rows
	}
	if len(tables) == 0 {
		t.Fatal("the numbers page has no year-by-year tables")
	}
	return tables
}

// addHeadings reads a header row into the headings by column: the first
// row spreads a group heading over its colspan, and the next one completes
// the columns that the first did not span over two rows.
func addHeadings(headings []string, cells []*html.Node) []string {
	if headings == nil {
		for _, cell := range cells {
			text := strings.TrimSpace(textOf(cell))
			span, _ := strconv.Atoi(attr(cell, "colspan"))
			for range max(span, 1) {
				if attr(cell, "rowspan") == "2" {
					headings = append(headings, text)
				} else {
					headings = append(headings, text+" ")
				}
			}
		}
		return headings
	}
	i := 0
	for col, h := range headings {
		if strings.HasSuffix(h, " ") && i < len(cells) {
			headings[col] = h + strings.TrimSpace(textOf(cells[i]))
			i++
		}
	}
	return headings
}

type chartEnd struct{ value, tolerance float64 }

// numbersChartEnds reads where the lines of the charts of /numbers/ end, as a
// reader would, against the numbers of the vertical axis: kind → party id →
// the number at the end of its line, give or take the rounding of heights.
func numbersChartEnds(t *testing.T, page []byte) map[string]map[string]chartEnd {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	ends := map[string]map[string]chartEnd{}
	for n := range doc.Descendants() {
		kind, ok := strings.CutPrefix(attr(n, "aria-labelledby"), "stats-")
		if n.Type != html.ElementNode || n.Data != "section" || !ok {
			continue
		}
		type tick struct{ y, value float64 }
		var ticks []tick
		lines := map[string]float64{} // party → y of the last point
		var line *html.Node           // the chart of running totals, not the one of years
		for c := range n.Descendants() {
			if c.Type == html.ElementNode && c.Data == "figure" && hasClass(c, "chart") && !hasClass(c, "chart-bars") {
				line = c
				break
			}
		}
		if line == nil {
			t.Fatalf("%s: no chart of running totals", kind)
		}
		for c := range line.Descendants() {
			switch {
			case c.Type != html.ElementNode:
			case c.Data == "text" && hasClass(c, "chart-y"):
				y, err1 := strconv.ParseFloat(attr(c, "y"), 64)
				v, err2 := strconv.Atoi(strings.ReplaceAll(textOf(c), ",", ""))
				if err1 != nil || err2 != nil {
					t.Fatalf("%s chart: axis label %q at %q", kind, textOf(c), attr(c, "y"))
				}
				ticks = append(ticks, tick{y, float64(v)})
			case c.Data == "polyline":
				points := strings.Fields(attr(c, "points"))
				_, y, _ := strings.Cut(points[len(points)-1], ",")
				lines[attr(c, "data-party")], _ = strconv.ParseFloat(y, 64)
			}
		}
		if len(ticks) < 2 || len(lines) == 0 {
			t.Fatalf("%s chart: %d axis labels, %d lines", kind, len(ticks), len(lines))
		}
		zero, top := ticks[0], ticks[len(ticks)-1]
		perUnit := (top.value - zero.value) / (zero.y - top.y)
		ends[kind] = map[string]chartEnd{}
		for party, y := range lines {
			ends[kind][party] = chartEnd{zero.value + (zero.y-y)*perUnit, 0.05*perUnit + 1e-9}
		}
	}
	return ends
}

func hasClass(n *html.Node, class string) bool {
	for _, a := range n.Attr {
		if a.Key == "class" {
			for _, c := range strings.Fields(a.Val) {
				if c == class {
					return true
				}
			}
		}
	}
	return false
}

func textOf(n *html.Node) string {
	var b strings.Builder
	for c := range n.Descendants() {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}
