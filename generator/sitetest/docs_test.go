package sitetest

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/exchange-timeline/timeline/generator/internal/content"
)

// The field reference in CONTRIBUTING.md lists exactly the fields the
// decoder reads, with the same required ones: a field added to the code and
// not to the documentation (or the other way round) fails here.
func TestFieldReferenceMatchesCode(t *testing.T) {
	doc, err := os.ReadFile("../../CONTRIBUTING.md")
	if err != nil {
		t.Fatal(err)
	}
	tables := fieldTables(string(doc))
	types := map[string]any{
		"content/_index.md":                             content.Site{},
		"Parties (in `parties`)":                        content.Party{},
		"content/events/YYYY-MM-DD-words.md":            content.Event{},
		"Figures (in `returned`)":                       content.Figure{},
		"People in an event (in `people`)":              content.Participant{},
		"Sources (in `sources`, for events and people)": content.Source{},
		"content/people/id.md":                          content.Person{},
		"content/statements/YYYY-MM-DD-words.md":        content.Statement{},
		"content/events/YYYY-MM-DD-words.LANG.md":       content.EventTranslation{},
		"content/people/id.LANG.md":                     content.PersonTranslation{},
		"content/statements/YYYY-MM-DD-words.LANG.md":   content.StatementTranslation{},
		"content/_index.LANG.md":                        content.SiteTranslation{},
	}
	for heading, v := range types {
		documented, ok := tables[heading]
		if !ok {
			t.Errorf("CONTRIBUTING.md has no field table under %q", heading)
			continue
		}
		names, required := content.Fields(v)
		for _, name := range names {
			req, ok := documented[name]
			switch {
			case !ok:
				t.Errorf("%s: field %q is not documented", heading, name)
			case req != required[name]:
				t.Errorf("%s: field %q is documented as required=%v, the code says %v", heading, name, req, required[name])
			}
		}
		for name := range documented {
			if _, ok := required[name]; !ok {
				t.Errorf("%s: documented field %q does not exist in the code", heading, name)
			}
		}
	}
	for heading := range tables {
		if _, ok := types[heading]; !ok && heading != "Translations" {
			t.Errorf("field table under %q is not checked against the code", heading)
		}
	}
}

var fieldRow = regexp.MustCompile("^\\| `([a-z_]+)` \\| (required)? *\\|")

// fieldTables reads the tables under the "### " headings of the field
// reference: heading → field → required.
func fieldTables(doc string) map[string]map[string]bool {
	tables := map[string]map[string]bool{}
	_, ref, _ := strings.Cut(doc, "## Field reference")
	ref, _, _ = strings.Cut(ref, "\n## ")
	var heading string
	for _, line := range strings.Split(ref, "\n") {
		if h, ok := strings.CutPrefix(line, "### "); ok {
			heading = strings.Trim(h, "` ")
			continue
		}
		if m := fieldRow.FindStringSubmatch(line); m != nil && heading != "" {
			if tables[heading] == nil {
				tables[heading] = map[string]bool{}
			}
			tables[heading][m[1]] = m[2] == "required"
		}
	}
	return tables
}
