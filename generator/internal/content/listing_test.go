package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

// Every file in the content directory is either read or named in an error
// that says how to rename or move it; only editors' and tools' files are
// passed over in silence.
func TestNothingIgnoredSilently(t *testing.T) {
	person := &fstest.MapFile{Data: []byte("---\nname: A\n---\n")}
	fsys := fstest.MapFS{
		SiteFile:           {Data: []byte("---\ntitle: T\nparties: [{id: a, name: A}]\n---\n")},
		"_index.uk.md":     {Data: []byte("---\ntitle: Т\n---\n")},
		"people/a.md":      person,
		"people/a.uk.md":   person,
		"people/a.ru.md":   person,
		"people/2022/b.md": person,
		// noise
		"people/.a.md.swp": person, "people/a.md~": person, ".git/config": person, "people/.DS_Store": person,
		".gitkeep": person, "people/#a.md#": person, "people/4913": person,
		// mistakes
		"people/b.markdown":      person,
		"people/c.MD":            person,
		"people/d.md.txt":        person,
		"people/.e.md":           person,
		"people/photo.jpg":       person,
		"Events/2025-01-01-x.md": person,
		"event/2025-01-01-y.md":  person,
		"images/x.png":           person,
		".drafts/x.md":           person,
		"about.md":               person,
		"_Index.md":              person,
		"notes.txt":              person,
	}
	files, diags := Load(fsys)
	want := []string{
		".drafts: this folder is not published (hidden folders are not read: rename it to drafts)",
		"Events: this folder is not published (rename the folder to events/)",
		"_Index.md: this file is not published (rename it to _index.md)",
		"about.md: this file is not published (events go in events/, people in people/, statements in statements/)",
		"event: this folder is not published (rename the folder to events/)",
		"images: this folder is not published (content/ holds events/, people/, statements/ and _index.md: move it into one of them, or out of content/)",
		"notes.txt: this file is not published (events go in events/, people in people/, statements in statements/)",
		"people/.e.md: this file is not published (hidden files are not read: rename it to e.md)",
		"people/b.markdown: this file is not published (rename it to b.md: only .md files are read)",
		"people/c.MD: this file is not published (rename it to c.md: only .md files are read)",
		"people/d.md.txt: this file is not published (rename it to d.md: only .md files are read)",
		"people/photo.jpg: this file is not published (only Markdown files (.md) are read in content/: move it out (images go in layouts/static/))",
	}
	var got []string
	for _, d := range diags {
		if d.Severity != 0 {
			t.Errorf("not an error: %v", d)
		}
		got = append(got, d.String())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(files.People) != 2 {
		t.Errorf("read %d people, want a and 2022/b", len(files.People))
	}
}
