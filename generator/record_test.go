package main

import (
	"bytes"
	"encoding/json"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
	"golang.org/x/net/html"
)

// Tests over the shipped record (issue 8): they read the built site the way
// a reader or a re-user of /data/*.json would, not the generator's model.

// sameDayKind lists the pairs of events that share a date and a kind and are
// nonetheless kept apart, with the reason. Stages of one exchange reported
// separately (the Istanbul series of June 2025, the two days of March 2026)
// fall on different dates and need no entry; anything else on the same day
// and of the same kind must be merged into one event or listed here.
var sameDayKind = map[[2]string]string{
	// {"first-event-id", "second-event-id"}: "why they are distinct stages",
}

type recordEvent struct {
	ID       string         `json:"id"`
	Date     string         `json:"date"`
	Kind     string         `json:"kind"`
	Totals   map[string]int `json:"totals"`
	Disputed bool           `json:"disputed"`
	Sources  []struct {
		ID  string `json:"id"`
		URL string `json:"url"`
	} `json:"sources"`
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

// Every event names at least one source, each with a web address.
func TestRecordEveryEventHasASource(t *testing.T) {
	_, events, _ := shippedRecord(t)
	for _, e := range events {
		if len(e.Sources) == 0 {
			t.Errorf("%s has no source", e.ID)
		}
		for _, s := range e.Sources {
			if !strings.HasPrefix(s.URL, "https://") && !strings.HasPrefix(s.URL, "http://") {
				t.Errorf("%s: source %q has no web address: %q", e.ID, s.ID, s.URL)
			}
		}
	}
}

// No two events share a date and a kind unless they are distinct stages
// listed in sameDayKind; a multi-day exchange is one event with end_date.
func TestRecordNoDuplicateDateAndKind(t *testing.T) {
	_, events, _ := shippedRecord(t)
	byDayKind := map[[2]string][]string{}
	known := map[string]bool{}
	for _, e := range events {
		k := [2]string{e.Date, e.Kind}
		byDayKind[k] = append(byDayKind[k], e.ID)
		known[e.ID] = true
	}
	allowed := func(a, b string) bool {
		_, ok := sameDayKind[[2]string{a, b}]
		_, ok2 := sameDayKind[[2]string{b, a}]
		return ok || ok2
	}
	for k, ids := range byDayKind {
		sort.Strings(ids)
		for i := range ids {
			for j := i + 1; j < len(ids); j++ {
				if !allowed(ids[i], ids[j]) {
					t.Errorf("%s and %s are both %s events on %s: merge them, or list the pair in sameDayKind with the reason",
						ids[i], ids[j], k[1], k[0])
				}
			}
		}
	}
	for pair, reason := range sameDayKind {
		if strings.TrimSpace(reason) == "" {
			t.Errorf("sameDayKind entry %v gives no reason", pair)
		}
		for _, id := range pair {
			if !known[id] {
				t.Errorf("sameDayKind lists %q, which is not a shipped event", id)
			}
		}
	}
}

// Every person has a page because they took part in something: each one
// appears in at least one event.
func TestRecordEveryPersonInAnEvent(t *testing.T) {
	_, events, people := shippedRecord(t)
	known := map[string]bool{}
	for _, e := range events {
		known[e.ID] = true
	}
	for _, p := range people {
		if len(p.Events) == 0 {
			t.Errorf("%s appears in no event", p.ID)
		}
		for _, id := range p.Events {
			if !known[id] {
				t.Errorf("%s is listed in %q, which is not a shipped event", p.ID, id)
			}
		}
	}
}

// The totals tables on the home page equal the per-event figures of
// /data/events.json added up per kind of event and per receiving party.
func TestRecordHomeTotalsMatchEvents(t *testing.T) {
	files, events, _ := shippedRecord(t)

	want := map[string]map[string]int{} // kind → party id → sum
	counted := map[string]int{}         // kind → events with a disclosed figure
	for _, e := range events {
		if len(e.Totals) == 0 {
			continue
		}
		if want[e.Kind] == nil {
			want[e.Kind] = map[string]int{}
		}
		for party, n := range e.Totals {
			want[e.Kind][party] += n
		}
		counted[e.Kind]++
	}

	names := partyNames(t)
	got, notes := homeTotals(t, files["index.html"])
	for kind, parties := range want {
		caption := kindCaption(kind)
		rows, ok := got[caption]
		if !ok {
			t.Errorf("the home page has no totals table %q for %d %s events", caption, counted[kind], kind)
			continue
		}
		for party, n := range parties {
			name := names[party]
			if rows[name] != n {
				t.Errorf("%s, returned to %s: home page shows %d, the events add up to %d", caption, name, rows[name], n)
			}
		}
		for name, n := range rows {
			if party := partyID(names, name); party == "" || parties[party] != n {
				t.Errorf("%s: home page row %q = %d matches no party's sum", caption, name, n)
			}
		}
		if note := notes[caption]; !strings.HasPrefix(note, "From "+plural(counted[kind], "event")+" ") {
			t.Errorf("%s: note %q, want it to count %d events", caption, note, counted[kind])
		}
	}
	for caption := range got {
		found := false
		for kind := range want {
			found = found || kindCaption(kind) == caption
		}
		if !found {
			t.Errorf("the home page shows a totals table %q with no events behind it", caption)
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

func plural(n int, word string) string {
	s := strconv.Itoa(n) + " " + word
	if n != 1 {
		s += "s"
	}
	return s
}

// partyNames reads the parties of content/_index.md: id → name.
func partyNames(t *testing.T) map[string]string {
	t.Helper()
	data, err := os.ReadFile("../content/_index.md")
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

func partyID(names map[string]string, name string) string {
	for id, n := range names {
		if n == name {
			return id
		}
	}
	return ""
}

// homeTotals reads the totals tables of the home page: caption → party name →
// number, and caption → the note under the table.
func homeTotals(t *testing.T, page []byte) (map[string]map[string]int, map[string]string) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	tables := map[string]map[string]int{}
	notes := map[string]string{}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode || n.Data != "table" || !hasClass(n, "stats") {
			continue
		}
		caption := ""
		rows := map[string]int{}
		for c := range n.Descendants() {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.Data {
			case "caption":
				caption = strings.TrimSpace(textOf(c))
			case "tr":
				var th, td string
				for cell := c.FirstChild; cell != nil; cell = cell.NextSibling {
					if cell.Type == html.ElementNode && cell.Data == "th" {
						th = strings.TrimSpace(textOf(cell))
					}
					if cell.Type == html.ElementNode && cell.Data == "td" {
						td = strings.TrimSpace(textOf(cell))
					}
				}
				if td == "" {
					continue // the header row
				}
				v, err := strconv.Atoi(strings.ReplaceAll(td, ",", ""))
				if err != nil {
					t.Fatalf("totals table %q: %q is not a number", caption, td)
				}
				rows[th] = v
			}
		}
		if _, dup := tables[caption]; dup {
			t.Errorf("two totals tables are captioned %q", caption)
		}
		tables[caption] = rows
		for s := n.Parent.FirstChild; s != nil; s = s.NextSibling {
			if s.Type == html.ElementNode && s.Data == "p" && hasClass(s, "note") {
				notes[caption] = strings.Join(strings.Fields(textOf(s)), " ")
			}
		}
	}
	if len(tables) == 0 {
		t.Fatal("the home page has no totals tables")
	}
	return tables, notes
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
