package validate

import (
	"testing"

	"github.com/exchange-timeline/timeline/generator/internal/content"
)

// FuzzEventFile runs an arbitrary event file through loading and every
// validation rule, beside a valid site and person: nothing may panic, and
// every problem must have a place.
func FuzzEventFile(f *testing.F) {
	f.Add([]byte("---\ntitle: T\ndate: 2025-01-01\nkind: exchange\nreturned:\n  - {to: ukraine, count: 3, source: a}\npeople:\n  - {id: anna, role: released}\ntags: [x]\nredirect_from: [old]\nsources:\n  - {id: a, publisher: P, url: \"https://example.org/\"}\n---\n[a](javascript:x)\n"))
	f.Add([]byte("---\nreturned: *x\n---\n"))
	site, _ := content.ParseFile(content.SiteFile, []byte("---\ntitle: S\nparties:\n  - {id: ukraine, name: Ukraine}\n---\n"))
	anna, _ := content.ParseFile("people/anna.md", []byte("---\nname: Anna\n---\n"))
	positions := map[string]*content.Positions{content.SiteFile: site.(*content.Site).Positions, "people/anna.md": anna.(*content.Person).Positions}
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, diags := content.ParseFile("events/2025-01-01-x.md", src)
		files := &content.Files{Site: site.(*content.Site), People: []*content.Person{anna.(*content.Person)}}
		if e, ok := doc.(*content.Event); ok {
			files.Events = []*content.Event{e}
			positions[e.Path] = e.Positions
		}
		diags = append(diags, Check(files, content.NewDate(2025, 6, 1))...)
		for _, d := range diags {
			if d.Message == "" || d.Path == "" {
				t.Fatalf("a diagnostic without a message or a file: %+v", d)
			}
			line, col := d.Line, d.Col
			if line == 0 { // placed later, by the build, from the decoder's positions
				line, col = positions[d.Path].Locator().Locate(d.Field)
			}
			if line < 1 || col < 1 {
				t.Fatalf("a diagnostic without a place: %+v", d)
			}
		}
	})
}
