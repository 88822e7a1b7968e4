package model

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/exchange-timeline/timeline/generator/internal/content"
)

// editionsRecord is a site in English and Ukrainian: one event translated
// but for one of its groups, two not translated at all, and three people
// whose Ukrainian names sort differently by bytes and by the alphabet.
func editionsRecord(ukTitle string) fstest.MapFS {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	event := func(id, groups string) string {
		return "---\ntitle: Event " + id + "\ndate: " + id[:10] + "\nkind: exchange\nreturned:\n" + groups +
			"people:\n  - {id: anton, role: released}\n  - {id: yana, role: released}\n  - {id: yevhen, role: released}\n" +
			"sources:\n  - {id: s, publisher: S, url: \"https://example.org/" + id + "\"}\n---\nBody.\n"
	}
	person := func(name string) string { return "---\nname: " + name + "\n---\n" }
	return fstest.MapFS{
		"_index.md":    file("---\ntitle: Exchanges\nlanguages: [en, uk]\nparties:\n  - {id: north, name: North}\n  - {id: south, name: South}\n---\n"),
		"_index.uk.md": file("---\ntitle: Обміни\nparties:\n  - {id: north, name: Північ}\n---\n"),
		"events/2024-01-01-a.md": file(event("2024-01-01-a",
			"  - {to: north, count: 3, group: soldiers, source: s}\n  - {to: north, count: 2, group: civilians, source: s}\n")),
		"events/2024-01-01-a.uk.md": file("---\ntitle: " + ukTitle + "\ngroups:\n  soldiers: військові\n---\nТекст.\n"),
		"events/2024-02-01-b.md":    file(event("2024-02-01-b", "  - {to: south, count: 1, source: s}\n")),
		"events/2024-03-01-c.md":    file(event("2024-03-01-c", "  - {to: south, count: 4, source: s}\n")),
		"people/anton.md":           file(person("Anton Bilyi")),
		"people/anton.uk.md":        file(person("Антон Білий")),
		"people/yana.md":            file(person("Yana Yarova")),
		"people/yana.uk.md":         file(person("Яна Ярова")),
		"people/yevhen.md":          file(person("Yevhen Ivanenko")),
		"people/yevhen.uk.md":       file(person("Євген Іваненко")),
	}
}

func buildEditions(t *testing.T, eds *Editions, fsys fstest.MapFS) []*Site {
	t.Helper()
	files, diags := content.Load(fsys)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return eds.Build(files, Options{}, true)
}

// Each edition is a whole site with its texts; what is not translated is
// the main files' text, marked with their language; people are sorted in
// the edition's alphabet.
func TestEditionsAreLocalizedSites(t *testing.T) {
	var eds Editions
	sites := buildEditions(t, &eds, editionsRecord("Подія А"))
	if len(sites) != 2 || sites[0].Lang != "en" || sites[1].Lang != "uk" {
		t.Fatalf("editions: %d, want en then uk", len(sites))
	}
	en, uk := sites[0], sites[1]
	if uk.Title != "Обміни" || uk.Parties[0].Name != "Північ" || uk.Parties[0].Lang != "" ||
		uk.Parties[1].Name != "South" || uk.Parties[1].Lang != "en" {
		t.Errorf("uk site: %q, parties %+v", uk.Title, uk.Parties)
	}
	byID := map[string]*Event{}
	for _, e := range uk.Events {
		byID[e.ID] = e
	}
	a, b := byID["2024-01-01-a"], byID["2024-02-01-b"]
	if a.Title != "Подія А" || a.LangOf("title") != "" || a.LangOf("body") != "" {
		t.Errorf("translated event: %q, title in %q, body in %q", a.Title, a.LangOf("title"), a.LangOf("body"))
	}
	if b.Title != "Event 2024-02-01-b" || b.LangOf("title") != "en" || b.LangOf("body") != "en" {
		t.Errorf("untranslated event: %q, title in %q, body in %q", b.Title, b.LangOf("title"), b.LangOf("body"))
	}
	groups := map[string]string{}
	for _, f := range a.Event.Returned {
		groups[f.Group] = f.GroupLang
	}
	if lang, ok := groups["військові"]; !ok || lang != "" || groups["civilians"] != "en" {
		t.Errorf("groups and their languages: %v", groups)
	}
	var names []string
	for _, p := range uk.People {
		names = append(names, p.Name)
	}
	// By bytes Є (U+0404) comes before А (U+0410); in the alphabet after.
	if got := strings.Join(names, ", "); got != "Антон Білий, Євген Іваненко, Яна Ярова" {
		t.Errorf("uk people in order: %s", got)
	}
	for _, e := range en.Events {
		if e.LangOf("title") != "" || !strings.HasPrefix(e.Title, "Event ") {
			t.Errorf("the English edition's %s: %q, marked %q", e.ID, e.Title, e.LangOf("title"))
		}
	}
}

// An edition's copy of a file is hashed with its translation: the hash
// changes when either changes, so that watch mode renders its pages again.
func TestEditionHashesCoverTranslations(t *testing.T) {
	var eds Editions
	hashOf := func(sites []*Site, lang, id string) uint64 {
		for _, s := range sites {
			if s.Lang != lang {
				continue
			}
			for _, e := range s.Events {
				if e.ID == id {
					return e.Hash()
				}
			}
		}
		t.Fatalf("no %s in %s", id, lang)
		return 0
	}
	first := buildEditions(t, &eds, editionsRecord("Подія А"))
	second := buildEditions(t, &eds, editionsRecord("Подія А, виправлена"))
	if hashOf(first, "en", "2024-01-01-a") != hashOf(second, "en", "2024-01-01-a") {
		t.Error("a translation changed the main edition's event")
	}
	if hashOf(first, "uk", "2024-01-01-a") == hashOf(second, "uk", "2024-01-01-a") {
		t.Error("the Ukrainian event's hash does not cover its translation")
	}
	// b shows a's title as its neighbour, so its hash changes too; c is
	// two events away.
	if hashOf(first, "uk", "2024-02-01-b") == hashOf(second, "uk", "2024-02-01-b") {
		t.Error("the hash of the event after it does not cover the neighbour's title")
	}
	if hashOf(first, "uk", "2024-03-01-c") != hashOf(second, "uk", "2024-03-01-c") {
		t.Error("an event whose files and neighbours did not change has another hash")
	}
	if hashOf(first, "en", "2024-01-01-a") == hashOf(first, "uk", "2024-01-01-a") {
		t.Error("the translated event has the main one's hash")
	}
}
