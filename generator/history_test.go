package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/exchange-timeline/timeline/generator/sitetest"
)

// lastChanges reads each file's last commit day from a real repository:
// a file changed twice has the later day, a file in a subfolder is named
// by its path inside the content directory, and outside a repository
// there are no dates.
func TestLastChanges(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatal("git is needed for this test: ", err)
	}
	repo := t.TempDir()
	content := filepath.Join(repo, "content")
	git := func(day string, args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = repo
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE="+day+"T12:00:00Z", "GIT_COMMITTER_DATE="+day+"T12:00:00Z",
			"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	write := func(name, data string) {
		t.Helper()
		sitetest.WriteFiles(t, content, map[string]string{name: data})
	}
	if got := lastChanges(content); got != nil {
		t.Fatalf("outside a repository: %v", got)
	}
	git("2024-01-01", "init", "-q")
	write("events/a.md", "one")
	write("people/p.md", "person")
	write("../README.md", "not content")
	git("2024-01-02", "add", ".")
	git("2024-01-02", "commit", "-q", "-m", "first")
	write("events/a.md", "two")
	git("2024-03-05", "commit", "-q", "-am", "second")
	got := lastChanges(content)
	want := map[string]string{"events/a.md": "2024-03-05", "people/p.md": "2024-01-02"}
	if len(got) != len(want) {
		t.Errorf("got %v, want %v", got, want)
	}
	for name, day := range want {
		if got[name].String() != day {
			t.Errorf("%s: %s, want %s", name, got[name], day)
		}
	}
}
