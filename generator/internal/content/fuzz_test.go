package content

import (
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// FuzzParseFile feeds arbitrary bytes to the loader as an event, a person
// and the site file: it must never panic, and every problem it reports must
// have a position in the file.
func FuzzParseFile(f *testing.F) {
	f.Add([]byte(validEvent))
	f.Add([]byte("+++\nname = \"x\"\n[[sources]]\nid = \"a\"\n+++\n"))
	f.Add([]byte("{\n\"name\": \"x\"\n}\n\nbody"))
	f.Add([]byte("\uFEFF---\r\nname: a\r\n---\r\n"))
	archives, _ := filepath.Glob("../../testdata/*/*.txtar")
	for _, file := range archives {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, af := range ar.Files {
			if strings.HasPrefix(af.Name, "content/") {
				f.Add(af.Data)
			}
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, path := range []string{"events/2025-01-01-x.md", "people/x.md", SiteFile} {
			doc, diags := ParseFile(path, src)
			for _, d := range diags {
				if d.Line < 1 || d.Col < 1 || d.Path != path || d.Message == "" {
					t.Errorf("diagnostic without a place or message: %+v", d)
				}
			}
			if doc != nil {
				if line, col := docOf(doc).Positions.Locator().Locate("sources[0].url"); line < 1 || col < 1 {
					t.Errorf("Locate gave %d:%d", line, col)
				}
			}
		}
	})
}
