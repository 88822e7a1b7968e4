package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/model"
	"github.com/exchange-timeline/timeline/generator/internal/site"
)

func testSite(t *testing.T) *model.Site {
	t.Helper()
	return model.Build(testFiles(), model.Options{})
}

func testFiles() *content.Files {
	d1, _ := content.ParseDate("2024-06-25")
	d2, _ := content.ParseDate("2025-08-24")
	return &content.Files{
		Site: &content.Site{Title: "T", Parties: []content.Party{{ID: "ukraine", Name: "Ukraine"}, {ID: "russia", Name: "Russia"}}},
		Events: []*content.Event{
			{Doc: content.Doc{ID: "2025-08-24-x"}, Title: "146 for 146 </script>", Date: d2, Kind: "exchange", Summary: "Journalists & civilians",
				Place: "Belarus–Ukraine border", Tags: []string{"journalists"},
				People: []content.Participant{{ID: "dmytro-khyliuk", Role: "released"}, {ID: "dmytro-khyliuk", Role: "quoted"}}},
			{Doc: content.Doc{ID: "2024-06-25-y"}, Title: "90 for 90", Date: d1, Kind: "repatriation"},
		},
		People: []*content.Person{{Doc: content.Doc{ID: "dmytro-khyliuk", Path: "people/dmytro-khyliuk.md"}, Name: "Dmytro Khyliuk", NativeName: "Дмитро Хилюк",
			Aliases: []string{"Dmytro Khylyuk"}, Description: "Ukrainian journalist"}},
	}
}

// searchSite is a small site for the search index: an exchange whose id
// begins with its date, with a place, a mediator, two tags and a person in
// two roles; a repatriation over three days whose id does not; and one
// more event on each of the earlier dates given.
func searchSite(t *testing.T, earlier ...string) *model.Site {
	t.Helper()
	date := func(s string) content.Date {
		d, err := content.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	end := date("2025-05-25")
	files := &content.Files{
		Site: &content.Site{Title: "T", Parties: []content.Party{{ID: "ukraine", Name: "Ukraine"}, {ID: "russia", Name: "Russia"}}},
		Events: []*content.Event{
			{Doc: content.Doc{ID: "2025-08-24-x", Hash: 1}, Title: "146 for 146", Date: date("2025-08-24"), Kind: "exchange", Summary: "Journalists and civilians",
				Place: "Belarus–Ukraine border", Mediator: "United Arab Emirates", Tags: []string{"journalists", "civilians"},
				People: []content.Participant{{ID: "dmytro-khyliuk", Role: "released"}, {ID: "dmytro-khyliuk", Role: "quoted"}}},
			{Doc: content.Doc{ID: "thousand", Hash: 2}, Title: "1,000 for 1,000", Date: date("2025-05-23"), EndDate: &end, Kind: "repatriation", Tags: []string{"civilians"}},
		},
		People: []*content.Person{{Doc: content.Doc{ID: "dmytro-khyliuk", Hash: 3}, Name: "Dmytro Khyliuk", NativeName: "Дмитро Хилюк",
			Aliases: []string{"Dmytro Khylyuk", "Дмитрий Хилюк"}, Description: "Ukrainian journalist"}},
	}
	for i, d := range earlier {
		files.Events = append(files.Events, &content.Event{Doc: content.Doc{ID: d + "-earlier", Hash: uint64(10 + i)}, Title: "Earlier", Date: date(d), Kind: "talks"})
	}
	return model.Build(files, model.Options{})
}

type searchIndexJSON struct {
	Months, MonthsAlone, Kinds []string
	URLs                       map[string]string
	Tags                       []struct {
		N string
		E []int
	}
	People []struct {
		I, N, D string
		O       []string
		E       []int
	}
	Events []struct {
		I, T, D, E, S, L, M string
		K                   int
	}
}

func writeSearchIndex(t *testing.T, ed *edition, site *model.Site) (searchIndexJSON, string) {
	t.Helper()
	var buf bytes.Buffer
	if err := ed.searchIndex(site, 1).write(&buf); err != nil {
		t.Fatal(err)
	}
	var idx searchIndexJSON
	if err := json.Unmarshal(buf.Bytes(), &idx); err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	return idx, buf.String()
}

// The index has every person with all their names and events, every tag
// with its events, and every event, newest first, with what it is found
// by: its date, place, mediator and kind. Events give their kind by
// position, people and tags their events by number, and the addresses
// are prefixes under the base path, with the id.
func TestSearchIndex(t *testing.T) {
	r, diags := New(minimalLayouts(), Options{BaseURL: site.BaseURL{Path: "/repo/"}})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	site := searchSite(t)
	ed := r.editions[0]
	idx, text := writeSearchIndex(t, ed, site)
	// The tags' events: both (numbers 0 and 1), and the second (number 1).
	if len(idx.Months) != 12 || idx.Months[7] != "August" || strings.Join(idx.Kinds, "|") != "Exchange|Repatriation of remains|Talks|Other" ||
		fmt.Sprint(idx.Tags) != "[{civilians [0 1]} {journalists [1]}]" {
		t.Errorf("the lists at the top: %v %v %+v", idx.Months, idx.Kinds, idx.Tags)
	}
	if idx.URLs["event"]+"2025-08-24-x/" != ed.url(site.Events[1].Path()) || idx.URLs["person"]+"dmytro-khyliuk/" != ed.url(site.People[0].Path()) ||
		idx.URLs["person"] != "/repo/people/" {
		t.Errorf("addresses: %v", idx.URLs)
	}
	// The person's one event (listed twice, in two roles) is the second
	// oldest, number 1.
	if len(idx.People) != 1 || idx.People[0].I != "dmytro-khyliuk" || idx.People[0].N != "Dmytro Khyliuk" ||
		strings.Join(idx.People[0].O, "|") != "Дмитро Хилюк|Dmytro Khylyuk|Дмитрий Хилюк" || idx.People[0].D != "Ukrainian journalist" ||
		fmt.Sprint(idx.People[0].E) != "[1]" {
		t.Errorf("people: %+v", idx.People)
	}
	if len(idx.Events) != 2 {
		t.Fatalf("events: %+v", idx.Events)
	}
	x, k := idx.Events[0], idx.Events[1]
	// The date is left out where the id begins with it; the kind, where it
	// is the first (an exchange).
	if x.I != "2025-08-24-x" || x.D != "" || x.E != "" || x.K != 0 || x.S != "Journalists and civilians" || x.L != "Belarus–Ukraine border" ||
		x.M != "United Arab Emirates" {
		t.Errorf("the exchange, newest first: %+v", x)
	}
	if k.I != "thousand" || k.T != "1,000 for 1,000" || k.D != "2025-05-23" || k.E != "2025-05-25" || idx.Kinds[k.K] != "Repatriation of remains" {
		t.Errorf("the repatriation: %+v", k)
	}
	if strings.Count(text, "Khyliuk") != 1 || strings.Count(text, "civilians") != 2 || !strings.Contains(text, `"n":"Dmytro Khyliuk"`) ||
		strings.Contains(text, "\n ") {
		t.Errorf("the index is not compact JSON with short keys and each text once:\n%s", text)
	}
	// Its fingerprint follows the events.
	if ed.searchIndex(searchSite(t, "2001-01-01"), 1).fingerprint == ed.searchIndex(site, 1).fingerprint {
		t.Error("the fingerprint does not change with a person")
	}
}

// People (and tags) number their events from the oldest, the first by its
// number and the others by the difference from the one before. A rebuild reuses the
// items' encodings, but not where an earlier event has moved the numbers.
func TestSearchIndexEventNumbers(t *testing.T) {
	r, _ := New(minimalLayouts(), Options{BaseURL: site.BaseURL{Path: "/"}})
	site := searchSite(t, "2024-01-01")
	site.People[0].Events = append(site.People[0].Events, site.Events[0], site.Events[1])
	idx, _ := writeSearchIndex(t, r.editions[0], site)
	if fmt.Sprint(idx.People[0].E) != "[0 1 1]" {
		t.Errorf("the events 0, 1 and 2: %v", idx.People[0].E)
	}
	idx, _ = writeSearchIndex(t, r.editions[0], searchSite(t, "2024-01-01", "2023-01-01"))
	if fmt.Sprint(idx.People[0].E) != "[3]" {
		t.Errorf("after an earlier event, the person's is %v", idx.People[0].E)
	}
}

// The index of another edition of the site is in its folder, with its
// months (as after a day, and alone), its labels and the texts of its
// model, and the names people have in the main files.
func TestSearchIndexEdition(t *testing.T) {
	r, diags := New(minimalLayouts(), Options{BaseURL: site.BaseURL{Path: "/"}, Languages: []string{"en", "uk"}})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	ed := r.editions[1]
	s := searchSite(t)
	for _, e := range s.Events {
		e.Event = &content.Event{Doc: e.Doc, Title: "Обмін " + e.ID, Date: e.Date, EndDate: e.EndDate, Kind: e.Kind}
	}
	p := s.People[0]
	p.Person = &content.Person{Doc: p.Doc, Name: "Дмитро Хилюк", NativeName: p.NativeName, MainName: p.Name, Aliases: p.Aliases}
	out := ed.searchIndex(s, 1)
	var buf bytes.Buffer
	if err := out.write(&buf); err != nil {
		t.Fatal(err)
	}
	var idx searchIndexJSON
	if err := json.Unmarshal(buf.Bytes(), &idx); err != nil {
		t.Fatal(err)
	}
	if out.path != "uk/search-index.json" || idx.Months[7] != "серпня" || idx.MonthsAlone[7] != "серпень" || idx.Kinds[0] != "Обмін" ||
		idx.Events[0].T != "Обмін 2025-08-24-x" || idx.Events[0].S != "" || idx.URLs["event"] != "/uk/events/" || idx.People[0].N != "Дмитро Хилюк" ||
		strings.Join(idx.People[0].O, "|") != "Dmytro Khyliuk|Dmytro Khylyuk|Дмитрий Хилюк" || len(idx.Tags) != 2 {
		t.Errorf("%s: %+v", out.path, idx)
	}
}

// JSON-LD describes events and people with schema.org types, is safe in a
// script element, and is left out of other pages.
func TestJSONLD(t *testing.T) {
	r, _ := New(minimalLayouts(), Options{BaseURL: site.BaseURL{Path: "/repo/", Origin: "https://example.org"}})
	site := testSite(t)
	var event *model.Event
	for _, e := range site.Events {
		if e.ID == "2025-08-24-x" {
			event = e
		}
	}
	js, err := r.editions[0].jsonLD(&Page{Site: site, Kind: "event", Event: event})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(js), "</script>") || !strings.Contains(string(js), `\u003c/script\u003e`) {
		t.Errorf("not escaped for a script element: %s", js)
	}
	var ev map[string]any
	if err := json.Unmarshal([]byte(js), &ev); err != nil {
		t.Fatal(err)
	}
	about, _ := ev["about"].([]any)
	if ev["@context"] != "https://schema.org" || ev["@type"] != "Event" || ev["startDate"] != "2025-08-24" || ev["endDate"] != "2025-08-24" ||
		ev["url"] != "https://example.org/repo/events/2025-08-24-x/" || ev["keywords"] != "journalists" ||
		ev["location"].(map[string]any)["name"] != "Belarus–Ukraine border" || len(about) != 1 ||
		about[0].(map[string]any)["url"] != "https://example.org/repo/people/dmytro-khyliuk/" {
		t.Errorf("event: %s", js)
	}
	js, err = r.editions[0].jsonLD(&Page{Site: site, Kind: "person", Person: site.People[0]})
	var p map[string]any
	if err != nil || json.Unmarshal([]byte(js), &p) != nil || p["@type"] != "Person" || p["name"] != "Dmytro Khyliuk" ||
		len(p["alternateName"].([]any)) != 2 || p["image"] != nil {
		t.Errorf("person: %s %v", js, err)
	}
	if js, err := r.editions[0].jsonLD(&Page{Site: site, Kind: "tags"}); js != "" || err != nil {
		t.Errorf("tags page: %q %v", js, err)
	}
}

// A portrait is a static file with a version in its address; a missing
// one is an error that names the person's file.
func TestPortrait(t *testing.T) {
	fsys := minimalLayouts()
	fsys["static/portraits/dmytro-khyliuk.jpg"] = &fstest.MapFile{Data: []byte("jpeg")}
	r, diags := New(fsys, Options{BaseURL: site.BaseURL{Path: "/repo/", Origin: "https://example.org"}})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	p := testSite(t).People[0]
	if pt, err := r.portrait(p); pt != nil || err != nil {
		t.Errorf("no portrait: %+v %v", pt, err)
	}
	p.Portrait, p.PortraitAlt = "portraits/dmytro-khyliuk.jpg", "Dmytro Khyliuk, smiling"
	pt, err := r.portrait(p)
	if err != nil || !strings.HasPrefix(pt.URL, "/repo/portraits/dmytro-khyliuk.jpg?v=") || pt.AbsURL != "https://example.org"+pt.URL || pt.Alt != p.PortraitAlt {
		t.Errorf("portrait: %+v %v", pt, err)
	}
	if js, _ := r.editions[0].jsonLD(&Page{Kind: "person", Person: p}); !strings.Contains(string(js), `"image":"https://example.org/repo/portraits/dmytro-khyliuk.jpg?v=`) {
		t.Errorf("JSON-LD without the image: %s", js)
	}
	p.Portrait = "portraits/missing.jpg"
	if _, err := r.portrait(p); err == nil || !strings.Contains(err.Error(), "people/dmytro-khyliuk.md") || !strings.Contains(err.Error(), "static/portraits/missing.jpg") {
		t.Errorf("missing image: %v", err)
	}
}

func TestNativeLang(t *testing.T) {
	for _, c := range [][3]string{
		{"Дмитро Лубінець", "", "uk"}, {"Андрій Єрмак", "ru", "uk"}, {"Татьяна Москалькова", "ru", "ru"},
		{"Владимир Мединский", "ru", "ru"}, {"Дмитро Хилюк", "uk", "uk"}, {"Фёдор", "uk", "ru"}, {"Aiden Aslin", "", ""},
	} {
		if got := nativeLang(c[0], c[1]); got != c[2] {
			t.Errorf("nativeLang(%q, %q) = %q, want %q", c[0], c[1], got, c[2])
		}
	}
}
