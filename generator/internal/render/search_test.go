package render

import (
	"bytes"
	"encoding/json"
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

// The index has every person with all their names and every event, newest
// first, with addresses under the base path.
func TestSearchIndex(t *testing.T) {
	r, diags := New(minimalLayouts(), Options{BaseURL: site.BaseURL{Path: "/repo/"}})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	site := testSite(t)
	var buf bytes.Buffer
	if err := r.searchIndex(site, 1).write(&buf); err != nil {
		t.Fatal(err)
	}
	var idx struct {
		People []struct {
			N, D, U string
			O       []string
		}
		Events []struct{ T, S, D, K, U string }
	}
	if err := json.Unmarshal(buf.Bytes(), &idx); err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	if len(idx.People) != 1 || idx.People[0].N != "Dmytro Khyliuk" || strings.Join(idx.People[0].O, "|") != "Дмитро Хилюк|Dmytro Khylyuk" ||
		idx.People[0].U != "/repo/people/dmytro-khyliuk/" || idx.People[0].D != "Ukrainian journalist" {
		t.Errorf("people: %+v", idx.People)
	}
	if len(idx.Events) != 2 || idx.Events[0].U != "/repo/events/2025-08-24-x/" || idx.Events[0].K != "Exchange" ||
		idx.Events[0].D != "2025-08-24" || idx.Events[0].S != "Journalists & civilians" || idx.Events[1].K != "Repatriation of remains" {
		t.Errorf("events, newest first: %+v", idx.Events)
	}
	if !strings.Contains(buf.String(), `"n":"Dmytro Khyliuk"`) || strings.Contains(buf.String(), "\n ") {
		t.Errorf("the index is not compact JSON with short keys:\n%s", buf.String())
	}
	// Its fingerprint follows the people and the events.
	files := testFiles()
	files.People[0] = &content.Person{Doc: content.Doc{ID: "dmytro-khyliuk", Hash: 42}, Name: "Renamed"}
	if r.searchIndex(model.Build(files, model.Options{}), 1).fingerprint == r.searchIndex(site, 1).fingerprint {
		t.Error("the fingerprint does not change with a person")
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
	js, err := r.jsonLD(&Page{Site: site, Kind: "event", Event: event})
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
	js, err = r.jsonLD(&Page{Site: site, Kind: "person", Person: site.People[0]})
	var p map[string]any
	if err != nil || json.Unmarshal([]byte(js), &p) != nil || p["@type"] != "Person" || p["name"] != "Dmytro Khyliuk" ||
		len(p["alternateName"].([]any)) != 2 || p["image"] != nil {
		t.Errorf("person: %s %v", js, err)
	}
	if js, err := r.jsonLD(&Page{Site: site, Kind: "tags"}); js != "" || err != nil {
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
	if js, _ := r.jsonLD(&Page{Kind: "person", Person: p}); !strings.Contains(string(js), `"image":"https://example.org/repo/portraits/dmytro-khyliuk.jpg?v=`) {
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
