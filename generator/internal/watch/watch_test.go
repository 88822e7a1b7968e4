package watch

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

func start(t *testing.T, opts Options) (*Watcher, string) {
	t.Helper()
	root := t.TempDir()
	write(t, filepath.Join(root, "a.md"), "a")
	if err := os.Mkdir(filepath.Join(root, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(root, "sub", "x.md"), "x")
	opts.Roots = []string{root}
	opts.Logf = t.Logf
	w, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w, opts.Roots[0]
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// collect merges batches until every path in want has been reported,
// failing after a deadline. It returns the merged paths and the number of
// batches.
func collect(t *testing.T, w *Watcher, root string, want ...string) (map[string]bool, int) {
	t.Helper()
	got := map[string]bool{}
	batches := 0
	deadline := time.After(5 * time.Second)
	for {
		missing := slices.DeleteFunc(slices.Clone(want), func(p string) bool { return got[p] })
		if len(missing) == 0 {
			return got, batches
		}
		select {
		case b := <-w.C:
			batches++
			for p := range b.Changed[root] {
				got[p] = true
			}
		case <-deadline:
			t.Fatalf("after 5s, %v not reported; got %v", missing, got)
		}
	}
}

func TestSavePatterns(t *testing.T) {
	tests := []struct {
		name    string
		save    func(t *testing.T, root string)
		want    []string
		notWant []string
	}{
		{"write in place", func(t *testing.T, root string) {
			write(t, filepath.Join(root, "a.md"), "a2")
		}, []string{"a.md"}, nil},
		{"truncate and write (VS Code)", func(t *testing.T, root string) {
			f, err := os.OpenFile(filepath.Join(root, "a.md"), os.O_WRONLY|os.O_TRUNC, 0)
			must(t, err)
			f.WriteString("a")
			f.WriteString("3")
			must(t, f.Close())
		}, []string{"a.md"}, nil},
		{"sed -i: temporary file renamed over", func(t *testing.T, root string) {
			out, err := exec.Command("sed", "-i", "s/a/b/", filepath.Join(root, "a.md")).CombinedOutput()
			if err != nil {
				t.Fatalf("sed: %v %s", err, out)
			}
		}, []string{"a.md"}, nil},
		{"vim: test file, backup by rename, new file", func(t *testing.T, root string) {
			write(t, filepath.Join(root, "4913"), "")
			must(t, os.Remove(filepath.Join(root, "4913")))
			must(t, os.Rename(filepath.Join(root, "a.md"), filepath.Join(root, "a.md~")))
			write(t, filepath.Join(root, "a.md"), "vim")
			must(t, os.Remove(filepath.Join(root, "a.md~")))
		}, []string{"a.md"}, []string{"4913", "a.md~"}},
		{"swap files are ignored", func(t *testing.T, root string) {
			write(t, filepath.Join(root, ".a.md.swp"), "swap")
			write(t, filepath.Join(root, "#a.md#"), "emacs")
			write(t, filepath.Join(root, "b.md"), "b")
		}, []string{"b.md"}, []string{".a.md.swp", "#a.md#"}},
		{"rm", func(t *testing.T, root string) {
			must(t, os.Remove(filepath.Join(root, "a.md")))
		}, []string{"a.md"}, nil},
		{"mv", func(t *testing.T, root string) {
			must(t, os.Rename(filepath.Join(root, "a.md"), filepath.Join(root, "sub", "b.md")))
		}, []string{"a.md", "sub/b.md"}, nil},
		{"new directory with a file at once", func(t *testing.T, root string) {
			must(t, os.MkdirAll(filepath.Join(root, "new", "deeper"), 0o755))
			write(t, filepath.Join(root, "new", "deeper", "n.md"), "n")
		}, []string{"new/deeper/n.md"}, nil},
		{"cp -r of a folder", func(t *testing.T, root string) {
			src := t.TempDir()
			must(t, os.MkdirAll(filepath.Join(src, "tree", "a", "b"), 0o755))
			for _, p := range []string{"tree/1.md", "tree/a/2.md", "tree/a/b/3.md"} {
				write(t, filepath.Join(src, p), p)
			}
			out, err := exec.Command("cp", "-r", filepath.Join(src, "tree"), root).CombinedOutput()
			if err != nil {
				t.Fatalf("cp: %v %s", err, out)
			}
		}, []string{"tree/1.md", "tree/a/2.md", "tree/a/b/3.md"}, nil},
		{"rm -r of a folder", func(t *testing.T, root string) {
			must(t, os.RemoveAll(filepath.Join(root, "sub")))
		}, []string{"sub/x.md", "sub"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, root := start(t, Options{})
			tt.save(t, root)
			got, _ := collect(t, w, root, tt.want...)
			for _, p := range tt.notWant {
				if got[p] {
					t.Errorf("%s was reported", p)
				}
			}
		})
	}
}

// A renamed directory keeps being watched under its new name.
func TestRenamedDirectory(t *testing.T) {
	w, root := start(t, Options{})
	must(t, os.Rename(filepath.Join(root, "sub"), filepath.Join(root, "moved")))
	collect(t, w, root, "sub", "moved")
	write(t, filepath.Join(root, "moved", "y.md"), "y")
	collect(t, w, root, "moved/y.md")
	write(t, filepath.Join(root, "moved", "x.md"), "x2")
	got, _ := collect(t, w, root, "moved/x.md")
	if got["sub/x.md"] {
		t.Error("a file of the renamed directory was reported under its old name")
	}
}

// A burst of writes, like git checkout of many files, is one batch.
func TestBurstIsOneBatch(t *testing.T) {
	w, root := start(t, Options{Quiet: 300 * time.Millisecond, MaxDelay: 10 * time.Second})
	var want []string
	for i := range 200 {
		name := fmt.Sprintf("burst-%03d.md", i)
		write(t, filepath.Join(root, name), name)
		want = append(want, name)
	}
	if _, batches := collect(t, w, root, want...); batches != 1 {
		t.Errorf("200 files came in %d batches, want 1", batches)
	}
}

func TestPolling(t *testing.T) {
	w, root := start(t, Options{Poll: 20 * time.Millisecond})
	write(t, filepath.Join(root, "sub", "x.md"), "changed size")
	must(t, os.Remove(filepath.Join(root, "a.md")))
	must(t, os.MkdirAll(filepath.Join(root, "new"), 0o755))
	write(t, filepath.Join(root, "new", "n.md"), "n")
	collect(t, w, root, "sub/x.md", "a.md", "new/n.md")
}

// Editors' and tools' files (internal/noise) are not edits.
func TestNoiseIgnored(t *testing.T) {
	w, root := start(t, Options{})
	write(t, filepath.Join(root, ".a.md.swp"), "swap")
	write(t, filepath.Join(root, "a.md~"), "backup")
	write(t, filepath.Join(root, "sub", "x.md"), "x2")
	got, _ := collect(t, w, root, "sub/x.md")
	if got[".a.md.swp"] || got["a.md~"] {
		t.Errorf("noise reported: %v", got)
	}
}

// A change of mode alone (chmod, touch -m by a backup tool) is no edit.
func TestChmodOnlyDropped(t *testing.T) {
	for _, poll := range []time.Duration{0, 20 * time.Millisecond} {
		t.Run(fmt.Sprint("poll=", poll), func(t *testing.T) {
			w, root := start(t, Options{Poll: poll})
			must(t, os.Chmod(filepath.Join(root, "a.md"), 0o600))
			write(t, filepath.Join(root, "sub", "x.md"), "x2")
			got, _ := collect(t, w, root, "sub/x.md")
			if got["a.md"] {
				t.Errorf("a chmod was reported as a change: %v", got)
			}
		})
	}
}

// When file events cannot be had (the inotify watch limit reached, a file
// system without events), the watcher says so and polls instead.
func TestFallbackToPolling(t *testing.T) {
	defer func(f func(*Watcher) error) { startNotify = f }(startNotify)
	startNotify = func(*Watcher) error { return errors.New("no space left on device") }
	var logged []string
	root := t.TempDir()
	w, err := New(Options{Roots: []string{root}, Logf: func(format string, args ...any) {
		logged = append(logged, fmt.Sprintf(format, args...))
	}})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if len(logged) != 1 || !strings.Contains(logged[0], "file events are not available (no space left on device); polling every 500ms instead") {
		t.Errorf("logged %q", logged)
	}
	write(t, filepath.Join(root, "new.md"), "x")
	collect(t, w, root, "new.md")
}

// collectReset waits for a batch that marks root Reset, failing after a
// deadline.
func collectReset(t *testing.T, w *Watcher, root string) {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		select {
		case b := <-w.C:
			if b.Reset[root] {
				return
			}
		case <-deadline:
			t.Fatal("after 10s, no batch marks the root as reset")
		}
	}
}

// A root that is moved away and copied back, or deleted and restored, is
// watched again once it is back: the watcher says what happened, delivers
// a batch marking the root Reset, and sees later edits.
func TestRootGoneAndBack(t *testing.T) {
	for _, poll := range []time.Duration{0, 20 * time.Millisecond} {
		for name, replace := range map[string]func(t *testing.T, root string){
			"mv content x; cp -r x content": func(t *testing.T, root string) {
				moved := root + "-moved"
				must(t, os.Rename(root, moved))
				if out, err := exec.Command("cp", "-r", moved, root).CombinedOutput(); err != nil {
					t.Fatalf("cp: %v %s", err, out)
				}
			},
			"delete and restore": func(t *testing.T, root string) {
				backup := root + "-backup"
				if out, err := exec.Command("cp", "-r", root, backup).CombinedOutput(); err != nil {
					t.Fatalf("cp: %v %s", err, out)
				}
				must(t, os.RemoveAll(root))
				if out, err := exec.Command("cp", "-r", backup, root).CombinedOutput(); err != nil {
					t.Fatalf("cp: %v %s", err, out)
				}
			},
		} {
			t.Run(fmt.Sprintf("%s, poll=%s", name, poll), func(t *testing.T) {
				var mu sync.Mutex
				var logged []string
				root := filepath.Join(t.TempDir(), "content")
				must(t, os.MkdirAll(filepath.Join(root, "sub"), 0o755))
				write(t, filepath.Join(root, "sub", "x.md"), "x")
				w, err := New(Options{Roots: []string{root}, Poll: poll, Logf: func(format string, args ...any) {
					mu.Lock()
					defer mu.Unlock()
					logged = append(logged, fmt.Sprintf(format, args...))
				}})
				must(t, err)
				defer w.Close()
				for range 2 { // and again, once it is watched anew
					replace(t, root)
					collectReset(t, w, root)
					write(t, filepath.Join(root, "sub", "x.md"), "edited after the restore")
					collect(t, w, root, "sub/x.md")
					os.RemoveAll(root + "-moved")
					os.RemoveAll(root + "-backup")
				}
				mu.Lock()
				defer mu.Unlock()
				if len(logged) != 4 || !strings.Contains(logged[0], "content was moved or deleted; waiting for it to come back") ||
					!strings.Contains(logged[1], "content is back; rebuilding everything") {
					t.Errorf("logged %q", logged)
				}
			})
		}
	}
}

// New works on its own copy of the options: the caller's roots stay as
// they were given.
func TestNewKeepsTheCallersOptions(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.Mkdir("content", 0o755); err != nil {
		t.Fatal(err)
	}
	roots := []string{"content"}
	w, err := New(Options{Roots: roots, Poll: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if roots[0] != "content" {
		t.Errorf("New changed the caller's roots to %q", roots)
	}
}
