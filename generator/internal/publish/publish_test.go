package publish

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
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

func stageFiles(t *testing.T, out string, files map[string]string) *Staging {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		t.Fatal(err)
	}
	s, err := stage(out)
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
	if _, err := stageFiles(t, out, map[string]string{"index.html": "one", "events/old/index.html": "old"}).Commit(); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, filepath.Join(out, "events/old/index.html")); got != "old" {
		t.Fatalf("first build: %q", got)
	}
	if _, err := stageFiles(t, out, map[string]string{"index.html": "two"}).Commit(); err != nil {
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
	if _, err := stageFiles(t, out, map[string]string{"index.html": "good"}).Commit(); err != nil {
		t.Fatal(err)
	}
	s := stageFiles(t, out, map[string]string{"index.html": "half-written"})
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
	if _, err := stageFiles(t, out, map[string]string{"a": "1"}).Commit(); err != nil {
		t.Fatal(err)
	}
	s := stageFiles(t, out, map[string]string{"b": "2"})
	if err := s.swapByRenames(); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(s.dir); err != nil {
		t.Fatal(err)
	}
	if got := entries(t, out); strings.Join(got, " ") != MarkerFile+" b" {
		t.Errorf("got %v", got)
	}
}

func TestWriteFileStaysInside(t *testing.T) {
	s := stageFiles(t, filepath.Join(t.TempDir(), "public"), nil)
	defer s.Abort()
	for _, name := range []string{"../x", "/etc/x", "a/../../x", `a\..\x`, ""} {
		if err := s.WriteFile(name, []byte("x")); err == nil {
			t.Errorf("WriteFile(%q) succeeded", name)
		}
	}
}

func TestDirIsATransaction(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	dir, err := stageFiles(t, out, map[string]string{"index.html": "one", "events/a/index.html": "a"}).Commit()
	if err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	// Changed files stay invisible until Commit; unchanged ones are not written.
	must(dir.WriteFile("index.html", []byte("two")))
	must(dir.WriteFile("events/a/index.html", []byte("a")))
	must(dir.WriteFile("events/b/index.html", []byte("b")))
	if got := readFile(t, filepath.Join(out, "index.html")); got != "one" {
		t.Errorf("before Commit: %q", got)
	}
	written, err := dir.Commit([]string{"events/a/index.html"})
	must(err)
	if written != 2 {
		t.Errorf("wrote %d files, want 2", written)
	}
	if got := readFile(t, filepath.Join(out, "index.html")); got != "two" {
		t.Errorf("after Commit: %q", got)
	}
	if _, err := os.Stat(filepath.Join(out, "events/a")); !os.IsNotExist(err) {
		t.Error("a removed page left its directory")
	}
	if got := entries(t, filepath.Join(out, "events")); len(got) != 1 || got[0] != "b" {
		t.Errorf("events/: %v", got)
	}
	// Abort leaves the committed site and no temporary files.
	must(dir.WriteFile("index.html", []byte("three")))
	must(dir.WriteFile("events/c/index.html", []byte("c")))
	must(dir.Abort())
	if got := readFile(t, filepath.Join(out, "index.html")); got != "two" {
		t.Errorf("after Abort: %q", got)
	}
	if got := entries(t, out); strings.Join(got, " ") != MarkerFile+" events index.html" {
		t.Errorf("left in the site: %v", got)
	}
	if got := entries(t, filepath.Join(out, "events")); len(got) != 1 {
		t.Errorf("left in events/: %v", got)
	}
}

// A second process cannot take an output directory that one holds, and
// staging directories left by a killed build are cleared.
func TestAcquire(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	leftover := filepath.Join(parent, ".public-staging-123")
	if err := os.MkdirAll(filepath.Join(leftover, "events"), 0o755); err != nil {
		t.Fatal(err)
	}
	o, err := Acquire(out, Guard{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(leftover); !os.IsNotExist(err) {
		t.Error("a leftover staging directory survived")
	}
	if _, err := Acquire(out, Guard{}); !errors.Is(err, ErrBusy) {
		t.Errorf("a second Acquire: %v, want ErrBusy", err)
	}
	if err := o.Release(); err != nil {
		t.Fatal(err)
	}
	again, err := Acquire(out, Guard{})
	if err != nil {
		t.Fatalf("after Release: %v", err)
	}
	again.Release()
}

// A rebuild that fails on a full disk leaves no folder that a fresh build
// would not have: the folder made for a new page goes with the page.
func TestFullDiskLeavesNoEmptyFolder(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	dir, err := stageFiles(t, out, map[string]string{"index.html": "one", "events/a/index.html": "a"}).Commit()
	if err != nil {
		t.Fatal(err)
	}
	defer func(f func(string, string) (*os.File, error)) { createTemp = f }(createTemp)
	createTemp = func(string, string) (*os.File, error) {
		return nil, &os.PathError{Op: "open", Path: "x", Err: syscall.ENOSPC}
	}
	if err := dir.WriteFile("tags/new/page/2/index.html", []byte("new")); !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("got %v", err)
	}
	if err := dir.WriteFile("events/b/index.html", []byte("b")); err == nil {
		t.Fatal("no error")
	}
	if err := dir.Abort(); err != nil {
		t.Fatal(err)
	}
	if got := entries(t, out); strings.Join(got, " ") != MarkerFile+" events index.html" {
		t.Errorf("left in the site: %v", got)
	}
	if got := entries(t, filepath.Join(out, "events")); strings.Join(got, " ") != "a" {
		t.Errorf("left in events/: %v", got)
	}
	// The next write, with room again, makes the folders anew.
	createTemp = os.CreateTemp
	if err := dir.WriteFile("tags/new/page/2/index.html", []byte("new")); err != nil {
		t.Fatal(err)
	}
	if _, err := dir.Commit(nil); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, filepath.Join(out, "tags/new/page/2/index.html")); got != "new" {
		t.Errorf("got %q", got)
	}
}
