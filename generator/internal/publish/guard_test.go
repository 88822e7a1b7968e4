package publish

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A tree like a contributor's checkout: content, layouts, notes of their
// own, an earlier site, an empty folder and a link to the site.
func guardTree(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	for _, dir := range []string{"repo/content/events", "repo/layouts", "repo/notes", "repo/site", "repo/empty", "repo/old-site/data", "repo/almost-site/data"} {
		if err := os.MkdirAll(filepath.Join(root, dir), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for name, data := range map[string]string{
		"repo/content/events/x.md": "event",
		"repo/notes/todo.txt":      "my work",
		"repo/site/index.html":     "old site",
		"repo/site/" + MarkerFile:  markerText,
		"repo/README.md":           "readme",
	} {
		if err := os.WriteFile(filepath.Join(root, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A site built before the marker, and a folder with only some of its files.
	for _, name := range earlierSiteFiles {
		for _, dir := range []string{"repo/old-site/", "repo/almost-site/"} {
			if dir == "repo/almost-site/" && name == "sitemap.xml" {
				continue
			}
			if err := os.WriteFile(filepath.Join(root, dir+name), []byte("x"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := os.Symlink("site", filepath.Join(root, "repo/site-link")); err != nil {
		t.Fatal(err)
	}
	return root
}

func TestGuard(t *testing.T) {
	root := guardTree(t)
	repo := filepath.Join(root, "repo")
	guard := Guard{
		Sources: []string{filepath.Join(repo, "content"), filepath.Join(repo, "layouts")},
		Roots:   []string{repo},
	}
	forced := guard
	forced.Force = true
	rootsOnly := Guard{Roots: []string{repo}, Force: true}
	for _, tc := range []struct {
		out   string
		guard Guard
		want  string // the resolved output, or a part of the error
	}{
		{"repo/public", guard, "repo/public"},
		{"repo/deep/new/public", guard, "repo/deep/new/public"},
		{"repo/site", guard, "repo/site"},
		{"repo/empty", guard, "repo/empty"},
		{"repo/site-link", guard, "repo/site"},
		{"repo/content", forced, "is the directory"},
		{"repo/content/events", forced, "is inside"},
		{"repo/layouts/../content", forced, "is the directory"},
		{"repo", forced, "contains"},
		{"repo", rootsOnly, "would replace"},
		{".", rootsOnly, "would replace"},
		{"/", Guard{Force: true}, "would replace"},
		{"repo/notes", guard, "not a site written by timeline"},
		{"repo/old-site", guard, "repo/old-site"},
		{"repo/almost-site", guard, "not a site written by timeline"},
		{"repo/README.md", guard, "it is a file"},
		{"repo/notes", forced, "repo/notes"},
	} {
		out := tc.out
		if !filepath.IsAbs(out) {
			out = filepath.Join(root, out)
		}
		got, err := tc.guard.check(out)
		switch {
		case err != nil && !strings.Contains(err.Error(), tc.want):
			t.Errorf("%s (force %v): %v, want %q", tc.out, tc.guard.Force, err, tc.want)
		case err == nil && got != filepath.Join(root, tc.want):
			t.Errorf("%s (force %v): allowed as %s, want %s", tc.out, tc.guard.Force, got, tc.want)
		}
	}
}

// A refused -out is left as it was, and a site's marker lets the next build
// replace it.
func TestAcquireRefusesAndMarks(t *testing.T) {
	root := guardTree(t)
	notes := filepath.Join(root, "repo/notes")
	if _, err := Acquire(notes, Guard{}); !errors.Is(err, ErrNotASite) {
		t.Fatalf("Acquire(notes): %v, want ErrNotASite", err)
	}
	if got := readFile(t, filepath.Join(notes, "todo.txt")); got != "my work" {
		t.Fatalf("notes/todo.txt is now %q", got)
	}
	out := filepath.Join(root, "repo/public")
	for range 2 {
		o, err := Acquire(out, Guard{})
		if err != nil {
			t.Fatal(err)
		}
		s, err := o.Stage()
		if err != nil {
			t.Fatal(err)
		}
		if err := s.WriteFile("index.html", []byte("site")); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Commit(); err != nil {
			t.Fatal(err)
		}
		o.Release()
		if got := readFile(t, filepath.Join(out, MarkerFile)); got != markerText {
			t.Fatalf("the marker holds %q", got)
		}
	}
}

// A link named as the output stays a link; the directory it leads to gets
// the new site.
func TestAcquireThroughALink(t *testing.T) {
	root := guardTree(t)
	link := filepath.Join(root, "repo/site-link")
	o, err := Acquire(link, Guard{})
	if err != nil {
		t.Fatal(err)
	}
	defer o.Release()
	s, err := o.Stage()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.WriteFile("index.html", []byte("new site")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link is gone or replaced: %v", err)
	}
	if got := readFile(t, filepath.Join(root, "repo/site/index.html")); got != "new site" {
		t.Fatalf("site/index.html: %q", got)
	}
}
