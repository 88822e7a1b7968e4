package publish

import (
	"os"
	"path/filepath"
	"testing"
)

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func stage(t *testing.T, out string, files map[string]string) *Staging {
	t.Helper()
	s, err := Stage(out)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		if err := s.WriteFile(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func TestCommitReplacesTheWholeSite(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	if _, err := stage(t, out, map[string]string{"index.html": "one", "events/old/index.html": "old"}).Commit(); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, filepath.Join(out, "events/old/index.html")); got != "old" {
		t.Fatalf("first build: %q", got)
	}
	if _, err := stage(t, out, map[string]string{"index.html": "two"}).Commit(); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, filepath.Join(out, "index.html")); got != "two" {
		t.Errorf("second build: %q", got)
	}
	if _, err := os.Stat(filepath.Join(out, "events/old")); !os.IsNotExist(err) {
		t.Error("a page whose source is gone survived")
	}
	if got := entries(t, parent); len(got) != 1 || got[0] != "public" {
		t.Errorf("left beside the output: %v", got)
	}
	if info, _ := os.Stat(out); info.Mode().Perm() != 0o755 {
		t.Errorf("output mode %v", info.Mode().Perm())
	}
}

func TestAbortLeavesTheOldSite(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	if _, err := stage(t, out, map[string]string{"index.html": "good"}).Commit(); err != nil {
		t.Fatal(err)
	}
	s := stage(t, out, map[string]string{"index.html": "half-written"})
	if err := s.Abort(); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, filepath.Join(out, "index.html")); got != "good" {
		t.Errorf("got %q", got)
	}
	if got := entries(t, parent); len(got) != 1 {
		t.Errorf("left beside the output: %v", got)
	}
}

func TestSwapByRenames(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	if _, err := stage(t, out, map[string]string{"a": "1"}).Commit(); err != nil {
		t.Fatal(err)
	}
	s := stage(t, out, map[string]string{"b": "2"})
	if err := s.swapByRenames(); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(s.dir); err != nil {
		t.Fatal(err)
	}
	if got := entries(t, out); len(got) != 1 || got[0] != "b" {
		t.Errorf("got %v", got)
	}
}

func TestWriteFileStaysInside(t *testing.T) {
	s := stage(t, filepath.Join(t.TempDir(), "public"), nil)
	defer s.Abort()
	for _, name := range []string{"../x", "/etc/x", "a/../../x", `a\..\x`, ""} {
		if err := s.WriteFile(name, []byte("x")); err == nil {
			t.Errorf("WriteFile(%q) succeeded", name)
		}
	}
}
