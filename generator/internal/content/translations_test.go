package content

import (
	"testing"
	"testing/fstest"
)

func TestParseEventTranslation(t *testing.T) {
	doc, diags := parse(t, "events/2025-08-24-146-for-146.uk.md",
		"---",
		"title: 146 на 146",
		"summary: Одне речення.",
		"groups:",
		`  "prisoners of war": "військовополонені"`,
		"  civilians: цивільні",
		"---",
		"Тіло.")
	wantDiags(t, diags)
	tr := doc.(*EventTranslation)
	if tr.ID != "2025-08-24-146-for-146" || tr.Lang != "uk" || tr.Title != "146 на 146" || tr.Summary != "Одне речення." {
		t.Errorf("wrong fields: %+v", tr)
	}
	want := Texts{{"prisoners of war", "військовополонені"}, {"civilians", "цивільні"}}
	if len(tr.Groups) != 2 || tr.Groups[0] != want[0] || tr.Groups[1] != want[1] || tr.Groups.Get("civilians") != "цивільні" {
		t.Errorf("groups = %+v, want %+v", tr.Groups, want)
	}
	if tr.Body != "Тіло." || tr.MainPath() != "events/2025-08-24-146-for-146.md" {
		t.Errorf("body %q, main path %q", tr.Body, tr.MainPath())
	}
}

// A translation holds only texts: a fact of the main file is named as such
// at its line, a misspelt text field as unknown.
func TestTranslationSetsFacts(t *testing.T) {
	_, diags := parse(t, "events/2025-08-24-146-for-146.ru.md",
		"---",
		"title: 146 на 146",
		"date: 2025-08-24",
		"returned: []",
		"sumary: x",
		"groups:",
		"  a: b",
		"  a: c",
		"---")
	hint := " (a translation holds only texts: title, summary, place, mediator, stage, groups)"
	wantDiags(t, diags,
		"events/2025-08-24-146-for-146.ru.md:3:1: date comes from the main file, events/2025-08-24-146-for-146.md: remove it from the translation"+hint,
		"events/2025-08-24-146-for-146.ru.md:4:1: returned comes from the main file, events/2025-08-24-146-for-146.md: remove it from the translation"+hint,
		`events/2025-08-24-146-for-146.ru.md:5:1: unknown field "sumary" (did you mean "summary"?)`,
		`events/2025-08-24-146-for-146.ru.md:8:3: groups "a" is given twice (first on line 7) (remove one of them)`)
}

func TestParseOtherTranslations(t *testing.T) {
	doc, diags := parse(t, "_index.ru.md", "---", "title: Хроника", "parties:", "  - id: ukraine", "    name: Украина", "tags:", "  women: женщины", "---", "Вступление.")
	wantDiags(t, diags)
	site := doc.(*SiteTranslation)
	if site.Lang != "ru" || site.Title != "Хроника" || site.Parties[0].Name != "Украина" || site.Tags.Get("women") != "женщины" {
		t.Errorf("site translation: %+v", site)
	}
	doc, diags = parse(t, "people/dmytro-khyliuk.uk.md", "---", "name: Дмитро Хилюк", "native_name: x", "---")
	wantDiags(t, diags, `people/dmytro-khyliuk.uk.md:3:1: native_name comes from the main file, people/dmytro-khyliuk.md: remove it from the translation (a translation holds only texts: name, description, captured_place)`)
	if p := doc.(*PersonTranslation); p.ID != "dmytro-khyliuk" || p.Name != "Дмитро Хилюк" {
		t.Errorf("person translation: %+v", p)
	}
	doc, diags = parse(t, "statements/2024-11-21-x.uk.md", "---", "by: Дмитро Лубінець", "---")
	wantDiags(t, diags)
	if st := doc.(*StatementTranslation); st.ID != "2024-11-21-x" || st.By != "Дмитро Лубінець" {
		t.Errorf("statement translation: %+v", st)
	}
	// A suffix that is not a language code stays in the id, which the
	// validator then refuses.
	doc, _ = parse(t, "events/2025-08-24-x.y1.md", "---", "title: x", "---")
	if e, ok := doc.(*Event); !ok || e.ID != "2025-08-24-x.y1" {
		t.Errorf("x.y1.md read as %#v", doc)
	}
}

func TestLoadFindsTranslations(t *testing.T) {
	fsys := fstest.MapFS{
		"_index.md":                   {Data: []byte("---\ntitle: T\nlanguages: [en, uk]\nparties:\n  - id: a\n    name: A\n---\n")},
		"_index.uk.md":                {Data: []byte("---\ntitle: Т\n---\n")},
		"_index.txt":                  {Data: []byte("not content")},
		"events/x/2025-01-01-a.uk.md": {Data: []byte("---\ntitle: А\n---\n")},
		"people/p.ru.md":              {Data: []byte("---\nname: П\n---\n")},
		"notes.uk.md":                 {Data: []byte("---\ntitle: x\n---\n")},
	}
	files, diags := Load(fsys)
	if len(files.SiteTranslations) != 1 || len(files.EventTranslations) != 1 || len(files.PersonTranslations) != 1 {
		t.Fatalf("translations found: %+v", files)
	}
	if files.Site == nil || len(files.Site.Languages) != 2 || files.SiteTranslations[0].Title != "Т" {
		t.Errorf("site: %+v, %+v", files.Site, files.SiteTranslations[0])
	}
	if len(diags) != 2 || diags[1].Path != "notes.uk.md" || diags[1].Message != "this file is not published" {
		t.Errorf("diagnostics: %v", diags)
	}
}
