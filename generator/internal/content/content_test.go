package content

import (
	"strings"
	"testing"
)

// parse is ParseFile on a file given as lines, for readable tests.
func parse(t *testing.T, path string, lines ...string) (any, []string) {
	t.Helper()
	doc, diags := ParseFile(path, []byte(strings.Join(lines, "\n")))
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	return doc, got
}

func wantDiags(t *testing.T, got []string, want ...string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n got: %q\nwant: %q", got, want)
	}
}

const validEvent = `---
title: 146 for 146
date: 2025-08-24
kind: exchange
returned:
  - to: ukraine
    count: 146
    group: prisoners of war
    source: ru-mod
  - to: russia
    group: civilians
    source: ru-mod
people:
  - id: dmytro-khyliuk
    role: released
tags: [journalists, civilians]
sources:
  - id: ru-mod
    publisher: Russian Ministry of Defence
    url: https://example.org/statement
    date: 2025-08-24
---
The body.
`

func TestParseEvent(t *testing.T) {
	doc, diags := ParseFile("events/2025-08-24-146-for-146.md", []byte(validEvent))
	if len(diags) > 0 {
		t.Fatalf("unexpected diagnostics: %v", diags)
	}
	e := doc.(*Event)
	if e.ID != "2025-08-24-146-for-146" || e.Title != "146 for 146" || e.Date.String() != "2025-08-24" || e.Kind != "exchange" {
		t.Errorf("wrong fields: %+v", e)
	}
	if len(e.Returned) != 2 || *e.Returned[0].Count != 146 || e.Returned[1].Count != nil {
		t.Errorf("figures: %+v", e.Returned)
	}
	if e.People[0] != (Participant{ID: "dmytro-khyliuk", Role: "released"}) || strings.Join(e.Tags, ",") != "journalists,civilians" {
		t.Errorf("people or tags: %+v %v", e.People, e.Tags)
	}
	if s := e.Sources[0]; s.ID != "ru-mod" || s.URL != "https://example.org/statement" || s.Date.String() != "2025-08-24" {
		t.Errorf("source: %+v", s)
	}
	if e.Body != "The body.\n" || e.BodyLine != 23 {
		t.Errorf("body %q at line %d, want line 23", e.Body, e.BodyLine)
	}
}

// Windows editors and some web forms add a byte order mark and CRLF line
// endings; neither may change what is read or where problems are reported.
func TestBOMAndCRLF(t *testing.T) {
	src := "\uFEFF" + strings.ReplaceAll(validEvent, "\n", "\r\n")
	doc, diags := ParseFile("events/2025-08-24-146-for-146.md", []byte(src))
	if len(diags) > 0 {
		t.Fatalf("unexpected diagnostics: %v", diags)
	}
	if e := doc.(*Event); e.Title != "146 for 146" || len(e.Sources) != 1 {
		t.Errorf("wrong fields: %+v", e)
	}
	src = strings.Replace(src, "kind: exchange", "kidn: exchange", 1)
	_, diags = ParseFile("events/x.md", []byte(src))
	if len(diags) != 1 || diags[0].Line != 4 || diags[0].Col != 1 {
		t.Errorf("want unknown field at 4:1, got %v", diags)
	}
}

// YAML 1.1 reads no, yes, on and off as booleans; contributors mean the
// words, and YAML 1.2 agrees.
func TestYAML12Words(t *testing.T) {
	doc, diags := parse(t, "people/x.md", "---", "name: no", "native_name: yes", "description: on", "captured_place: off", "aliases: [NO, y]", "---")
	wantDiags(t, diags)
	p := doc.(*Person)
	if p.Name != "no" || p.NativeName != "yes" || p.Description != "on" || p.CapturedPlace != "off" || strings.Join(p.Aliases, ",") != "NO,y" {
		t.Errorf("got %+v", p)
	}
}

func TestUnknownField(t *testing.T) {
	_, diags := parse(t, "people/x.md", "---", "name: X", "soruces: []", "nickname: Y", "---")
	wantDiags(t, diags,
		`people/x.md:3:1: unknown field "soruces" (did you mean "sources"?)`,
		`people/x.md:4:1: unknown field "nickname" (the fields here are name, native_name, aliases, description, party, captured, captured_place, portrait, portrait_alt, sources, redirect_from)`)
}

// A misspelt required field is one mistake: it is not also missing.
func TestUnknownFieldInList(t *testing.T) {
	_, diags := parse(t, "events/x.md", "---", "title: T", "date: 2025-01-01", "kind: exchange",
		"sources:", "  - id: a", "    publisher: P", "    ulr: https://example.org/", "---")
	wantDiags(t, diags,
		`events/x.md:8:5: unknown field "ulr" (did you mean "url"?)`)
}

func TestMissingRequiredField(t *testing.T) {
	_, diags := parse(t, "events/x.md", "---", "date: 2025-01-01", "kind: exchange", "title: \"\"", "---")
	wantDiags(t, diags,
		`events/x.md:4:1: required field "title" is empty (give title a value)`,
		`events/x.md:1:1: missing required field "sources" (add a line "sources: ...")`)
}

func TestPersonWithoutName(t *testing.T) {
	_, diags := parse(t, "people/x.md", "---", "description: someone", "---", "Bio.")
	wantDiags(t, diags, `people/x.md:1:1: missing required field "name" (add a line "name: ...")`)
}

func TestEventWithEmptySources(t *testing.T) {
	_, diags := parse(t, "events/x.md", "---", "title: T", "date: 2025-01-01", "kind: exchange", "sources: []", "---")
	wantDiags(t, diags, `events/x.md:5:1: required field "sources" is empty (give sources a value)`)
}

func TestWrongType(t *testing.T) {
	_, diags := parse(t, "events/x.md", "---",
		"title: [a, b]",
		"date: 2025-01-01",
		"kind: exchange",
		"draft: yes",
		"tags: journalists",
		"returned:",
		"  - to: ukraine",
		"    count: many",
		"  - to: russia",
		"    count: 1,000",
		"sources: {id: a}",
		"---")
	wantDiags(t, diags,
		`events/x.md:2:8: title must be text, not a list`,
		`events/x.md:5:8: draft must be true or false, not "yes"`,
		`events/x.md:6:7: tags must be a list, not "journalists" (write it as [a, b] or as lines starting with "- ")`,
		`events/x.md:9:12: count must be a whole number, not "many" (write only the digits; leave count out when the number was not disclosed)`,
		`events/x.md:11:12: count must be a whole number, not "1,000" (write the digits without separators: 1000)`,
		`events/x.md:12:10: sources must be a list, not a set of fields (write each item on lines starting with "- ", as in CONTRIBUTING.md)`,
	)
}

func TestDates(t *testing.T) {
	_, diags := parse(t, "events/x.md", "---", "title: T", "date: 2025-02-30", "end_date: 24/08/2025", "kind: exchange",
		"sources:", "  - id: a", "    publisher: P", "    url: https://example.org/", "    date: 2025-13-01", "---")
	wantDiags(t, diags,
		`events/x.md:3:7: date "2025-02-30" is not a real day (February 2025 has 28 days)`,
		`events/x.md:4:11: end_date "24/08/2025" is not a date (write YYYY-MM-DD, like 2025-08-24)`,
		`events/x.md:10:11: date "2025-13-01" has no month 13 (months run from 01 to 12)`)
}

func TestPartialDates(t *testing.T) {
	for in, want := range map[string]string{"2022": "2022", "2022-03": "March 2022", "2022-03-03": "3 March 2022"} {
		p, err := ParsePartialDate(in)
		if err != nil || p.Long() != want || p.String() != in {
			t.Errorf("ParsePartialDate(%q) = %q, %q, %v; want %q", in, p.String(), p.Long(), err, want)
		}
	}
	for _, bad := range []string{"22", "2022-3", "2022-03-3", "2022-02-29", "2022-00", "march 2022", ""} {
		if _, err := ParsePartialDate(bad); err == nil {
			t.Errorf("ParsePartialDate(%q) succeeded", bad)
		}
	}
	if _, err := ParseDate("2022-03"); err == nil {
		t.Error("ParseDate accepted a month")
	}
}

func TestDuplicateKey(t *testing.T) {
	_, diags := parse(t, "people/x.md", "---", "name: A", "description: d", "name: B", "---")
	wantDiags(t, diags, `people/x.md:4:1: field "name" is given twice (first on line 2) (remove one of them)`)
}

func TestNullMeansAbsent(t *testing.T) {
	doc, diags := parse(t, "people/x.md", "---", "name: A", "description:", "captured: ~", "---")
	wantDiags(t, diags)
	if p := doc.(*Person); p.Description != "" || p.Captured != nil {
		t.Errorf("got %+v", p)
	}
}

func TestAliasesResolve(t *testing.T) {
	doc, diags := parse(t, "people/x.md", "---", "name: &n Anna", "aliases: [*n]", "---")
	wantDiags(t, diags)
	if p := doc.(*Person); len(p.Aliases) != 1 || p.Aliases[0] != "Anna" {
		t.Errorf("aliases %v", p.Aliases)
	}
}

func TestFileShapes(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string
	}{
		{"empty", "", `people/x.md:1:1: the file is empty (start it with front matter between two --- lines; see CONTRIBUTING.md)`},
		{"blank", " \n\n\t\n", `people/x.md:1:1: the file is empty (start it with front matter between two --- lines; see CONTRIBUTING.md)`},
		{"no front matter", "# Anna\n\nBio.\n", `people/x.md:1:1: the file has no front matter (start it with a line ---, then the fields, then another line ---)`},
		{"unclosed", "\n---\nname: Anna\n\nBio.\n", `people/x.md:2:1: the front matter opened by "---" on line 2 is never closed (add a line "---" after the last field)`},
		{"toml", "+++\nname = 'Anna'\n+++\n", `people/x.md:1:1: the front matter must be YAML between two --- lines (TOML (+++) and JSON front matter are not read; write the fields as in CONTRIBUTING.md)`},
		{"json", "{\n  \"name\": \"Anna\"\n}\n", `people/x.md:1:1: the front matter must be YAML between two --- lines (TOML (+++) and JSON front matter are not read; write the fields as in CONTRIBUTING.md)`},
		{"not a mapping", "---\n- a\n- b\n---\n", `people/x.md:2:1: the front matter must be a set of fields (write one field per line, like title: ...)`},
		{"colon in value", "---\nname: Anna\ndescription: Mayor: of Kherson\n---\n", `people/x.md:3:19: the value contains ": " (put the value in double quotes)`},
		{"tab", "---\nname: Anna\n\tdescription: x\n---\n", `people/x.md:3:1: a tab indents this line (indent with spaces, not tabs)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, diags := ParseFile("people/x.md", []byte(tt.src))
			if doc != nil || len(diags) != 1 || diags[0].String() != tt.want {
				t.Errorf("got %v, %v\nwant %s", doc, diags, tt.want)
			}
		})
	}
}

// docOf returns the Doc of a *Site, *Event or *Person.
func docOf(v any) *Doc {
	switch v := v.(type) {
	case *Site:
		return &v.Doc
	case *Event:
		return &v.Doc
	case *Person:
		return &v.Doc
	}
	panic("not a document")
}

func TestLocate(t *testing.T) {
	doc, _ := ParseFile("events/2025-08-24-x.md", []byte(validEvent))
	locator := docOf(doc).Positions.Locator()
	for field, want := range map[string][2]int{
		"date":              {3, 7},
		"people[0].id":      {14, 9},
		"returned[1]":       {10, 5},
		"returned[1].count": {10, 5}, // absent: its figure
		"tags[1]":           {16, 21},
		"sources[0].url":    {20, 10},
		"summary":           {1, 1}, // absent: the front matter
		"":                  {1, 1},
	} {
		if line, col := locator.Locate(field); line != want[0] || col != want[1] {
			t.Errorf("Locate(%q) = %d:%d, want %d:%d", field, line, col, want[0], want[1])
		}
	}
}
