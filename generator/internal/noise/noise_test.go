package noise

import "testing"

func TestIs(t *testing.T) {
	for _, name := range []string{".a.md.swp", "a.md.swx", ".a.md.swo", "a.md~", "4913", ".#a.md", "#a.md#", "x.tmp",
		".DS_Store", "sedAb12Cd", "a.md___jb_tmp___", ".git", ".gitkeep", "._a.md", ".~lock.a.md#", "a.md.orig",
		".goutputstream-XYZ123", "Thumbs.db"} {
		if !Is(name) {
			t.Errorf("%s is not noise", name)
		}
	}
	// Hidden files in general are not noise: a hidden Markdown file is a
	// mistake the loader reports.
	for _, name := range []string{"a.md", "style.css", "sed.md", "2025-08-24-x.md", "4913.md", ".a.md", ".drafts",
		"events", "answer.md", "a.markdown"} {
		if Is(name) {
			t.Errorf("%s is noise", name)
		}
	}
}
