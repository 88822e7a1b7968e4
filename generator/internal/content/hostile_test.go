package content

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func TestNotText(t *testing.T) {
	for name, tt := range map[string]struct {
		src  string
		want string
	}{
		"NUL":           {"---\nname: A\x00B\n---\n", "people/x.md:2:8: the file contains a NUL byte (it looks like a binary file, not Markdown)"},
		"invalid UTF-8": {"---\nname: Anna\ndescription: caf\xe9\n---\n", "people/x.md:3:17: the file is not valid UTF-8 text (save it as UTF-8, the encoding every editor offers)"},
	} {
		t.Run(name, func(t *testing.T) {
			doc, diags := ParseFile("people/x.md", []byte(tt.src))
			if doc != nil || len(diags) != 1 || diags[0].String() != tt.want {
				t.Errorf("got %v", diags)
			}
		})
	}
}

// brokenFS lists files it cannot open, as when a file is deleted while the
// site is built.
type brokenFS struct {
	fstest.MapFS
	gone string
}

func (b brokenFS) Open(name string) (fs.File, error) {
	if name == b.gone {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return b.MapFS.Open(name)
}

func TestUnreadableFiles(t *testing.T) {
	site := &fstest.MapFile{Data: []byte("---\ntitle: T\nparties: [{id: a, name: A}]\n---\n")}
	huge := &fstest.MapFile{Data: []byte("---\nname: A\n---\n" + strings.Repeat("word ", MaxFileSize/5+1))}
	fsys := brokenFS{fstest.MapFS{SiteFile: site, "people/huge.md": huge, "people/gone.md": huge}, "people/gone.md"}
	_, diags := Load(fsys)
	want := []string{
		"people/gone.md:1:1: the file disappeared while the site was being built (build again)",
		"people/huge.md:1:1: the file is larger than 1024 KiB (an event or a person fits in a few KiB; split it, or remove what is not text)",
	}
	if diags.Error() != strings.Join(want, "\n") {
		t.Errorf("got\n%s", diags.Error())
	}
}

// A symbolic link that leads out of the content directory is refused when
// the directory is opened as the command line opens it (os.Root).
func TestSymlinkOutside(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(t.TempDir(), "secret.md")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(dir, "people"), 0o755))
	must(os.WriteFile(filepath.Join(dir, SiteFile), []byte("---\ntitle: T\nparties: [{id: a, name: A}]\n---\n"), 0o644))
	must(os.WriteFile(filepath.Join(dir, "people", "inside.md"), []byte("---\nname: Inside\n---\n"), 0o644))
	must(os.WriteFile(outside, []byte("---\nname: Secret\n---\n"), 0o644))
	must(os.Symlink(outside, filepath.Join(dir, "people", "secret.md")))
	must(os.Symlink("inside.md", filepath.Join(dir, "people", "alias.md")))
	root, err := os.OpenRoot(dir)
	must(err)
	defer root.Close()
	files, diags := Load(root.FS())
	if len(diags) != 1 || diags[0].String() != "people/secret.md:1:1: the file is a link to a file outside the content directory (links out of content/ are refused: put the file itself there)" {
		t.Errorf("got %v", diags)
	}
	for _, p := range files.People {
		if p.Name == "Secret" {
			t.Error("the file outside was read")
		}
	}
	if len(files.People) != 2 {
		t.Errorf("a link inside the directory is followed: %d people", len(files.People))
	}
}

// YAML aliases cannot multiply the work: the decoder follows them only as
// deep as the schema goes ("billion laughs").
func TestAliasBomb(t *testing.T) {
	src := "---\nname: A\n" +
		"x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
	for i := 1; i < 10; i++ {
		src += "x" + string(rune('0'+i)) + ": &a" + string(rune('0'+i)) + " [" + strings.Repeat("*a"+string(rune('0'+i-1))+", ", 8) + "*a" + string(rune('0'+i-1)) + "]\n"
	}
	src += "aliases: *a9\n---\n"
	_, diags := ParseFile("people/x.md", []byte(src))
	if len(diags) == 0 || len(diags) > 20 {
		t.Errorf("%d diagnostics: %v", len(diags), diags)
	}
}

func TestDeepNesting(t *testing.T) {
	src := "---\nname: A\naliases: " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "\n---\n"
	doc, diags := ParseFile("people/x.md", []byte(src))
	if len(diags) == 0 {
		t.Errorf("no error for 100,000 nested lists: %v", doc)
	}
}

// A list longer than its bound is one error at the list, and only the
// items within the bound are decoded.
func TestListBound(t *testing.T) {
	src := "---\nname: A\naliases:\n" + strings.Repeat("  - Another spelling\n", 20000) + "---\n"
	doc, diags := ParseFile("people/x.md", []byte(src))
	want := "people/x.md:4:3: aliases has 20,000 items; at most 50 are allowed (keep the 50 that matter most)"
	if len(diags) != 1 || diags[0].String() != want || len(doc.(*Person).Aliases) != 50 {
		t.Errorf("got %v", diags)
	}
}
