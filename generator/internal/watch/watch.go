// Package watch reports changes to directory trees in batches: one batch per
// burst of file events, whatever tool made them.
//
// Editors save in many ways (write in place, truncate and write, write a
// temporary file and rename it over the original, move the original to a
// backup first) and tools like git or cp touch many files at once. The
// Watcher hides all of that: it watches every directory recursively with
// fsnotify, including directories created later, ignores editors' temporary
// files, and delivers the set of paths touched once events have paused for
// a moment. Where fsnotify cannot work (no inotify, the watch limit reached,
// a file system without events) it falls back to polling, and says so.
package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Options configure a Watcher.
type Options struct {
	// Roots are the directories to watch, recursively.
	Roots []string
	// Poll, when positive, polls the trees at this interval instead of
	// using fsnotify.
	Poll time.Duration
	// Quiet is how long events must pause before a batch is delivered
	// (default 8ms); MaxDelay bounds how long a busy burst can delay it
	// (default 1s).
	Quiet, MaxDelay time.Duration
	// Logf reports what the user should know, such as a fallback to
	// polling. Default: nothing.
	Logf func(format string, args ...any)
}

// A Batch is what changed in one burst.
type Batch struct {
	// Changed maps each root to the slash paths, relative to it, of files
	// and directories created, written, removed or renamed. A directory
	// created with files already in it lists those files too.
	Changed map[string]map[string]bool
}

// Watcher delivers Batches on C until Close.
type Watcher struct {
	C <-chan Batch

	opts    Options
	out     chan Batch
	done    chan struct{}
	wg      sync.WaitGroup
	closeFn func() error

	mu      sync.Mutex
	pending map[string]map[string]bool
	first   time.Time // of the pending batch
	kick    chan struct{}
}

// New starts watching.
func New(opts Options) (*Watcher, error) {
	if opts.Quiet <= 0 {
		opts.Quiet = 8 * time.Millisecond
	}
	if opts.MaxDelay <= 0 {
		opts.MaxDelay = time.Second
	}
	if opts.Logf == nil {
		opts.Logf = func(string, ...any) {}
	}
	opts.Roots = slices.Clone(opts.Roots) // made absolute below; the caller's stay as they are
	for i, root := range opts.Roots {
		abs, err := filepath.Abs(root)
		if err != nil {
			return nil, err
		}
		if info, err := os.Stat(abs); err != nil || !info.IsDir() {
			return nil, fmt.Errorf("cannot watch %s: not a directory", root)
		}
		opts.Roots[i] = abs
	}
	w := &Watcher{opts: opts, out: make(chan Batch), done: make(chan struct{}),
		pending: map[string]map[string]bool{}, kick: make(chan struct{}, 1)}
	w.C = w.out
	if opts.Poll > 0 {
		w.startPolling()
	} else if err := startNotify(w); err != nil {
		opts.Logf("watch: file events are not available (%v); polling every %s instead", err, defaultPoll)
		w.opts.Poll = defaultPoll
		w.startPolling()
	}
	w.wg.Go(w.deliver)
	return w, nil
}

const defaultPoll = 500 * time.Millisecond

// startNotify starts file events; tests replace it to see the fallback.
var startNotify = (*Watcher).startNotify

// sedTemp matches the temporary file GNU sed -i writes before renaming it
// over the file it edits.
var sedTemp = regexp.MustCompile(`^sed[A-Za-z0-9]{6}$`)

// Close stops watching and closes C.
func (w *Watcher) Close() error {
	close(w.done)
	err := w.closeFn()
	w.wg.Wait()
	close(w.out)
	return err
}

// add records that path (absolute) changed.
func (w *Watcher) add(path string) {
	root, rel, ok := w.split(path)
	if !ok || Ignored(filepath.Base(path)) {
		return
	}
	w.mu.Lock()
	if len(w.pending) == 0 {
		w.first = time.Now()
	}
	if w.pending[root] == nil {
		w.pending[root] = map[string]bool{}
	}
	w.pending[root][rel] = true
	w.mu.Unlock()
	select {
	case w.kick <- struct{}{}:
	default:
	}
}

// split finds the root a path is under.
func (w *Watcher) split(path string) (root, rel string, ok bool) {
	for _, r := range w.opts.Roots {
		if rel, err := filepath.Rel(r, path); err == nil && rel != "." && !strings.HasPrefix(rel, "..") {
			return r, filepath.ToSlash(rel), true
		}
	}
	return "", "", false
}

// deliver sends the pending batch once events have been quiet for
// opts.Quiet, or once it has waited opts.MaxDelay.
func (w *Watcher) deliver() {
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-w.done:
			return
		case <-w.kick:
			w.mu.Lock()
			wait := min(w.opts.Quiet, w.opts.MaxDelay-time.Since(w.first))
			w.mu.Unlock()
			timer.Reset(max(wait, 0))
		case <-timer.C:
			w.mu.Lock()
			batch := Batch{Changed: w.pending}
			w.pending = map[string]map[string]bool{}
			w.mu.Unlock()
			if len(batch.Changed) == 0 {
				continue
			}
			select {
			case w.out <- batch:
			case <-w.done:
				return
			}
		}
	}
}

// Ignored reports whether a file name belongs to an editor or the system
// rather than to the user: hidden files (swap files, lock files, .DS_Store),
// backups, vim's write test file and temporary files, like sed -i's.
func Ignored(name string) bool {
	switch {
	case sedTemp.MatchString(name):
		return true
	case strings.HasPrefix(name, "."), strings.HasSuffix(name, "~"), name == "4913", name == "Thumbs.db":
		return true
	case strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"), strings.Contains(name, "___jb_"):
		return true
	}
	for _, ext := range []string{".swp", ".swx", ".swo", ".tmp", ".bak", ".kate-swp", ".crdownload", ".part"} {
		if strings.HasSuffix(name, ext) {
			return true
		}
	}
	return false
}

// startNotify watches every directory of every root with fsnotify.
func (w *Watcher) startNotify() error {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	for _, root := range w.opts.Roots {
		if err := addTree(fw, root, nil); err != nil {
			fw.Close()
			return err
		}
	}
	w.closeFn = fw.Close
	w.wg.Go(func() { w.notifyLoop(fw) })
	return nil
}

// addTree watches dir and every directory below it; found, if not nil,
// receives every path below dir, for directories that appeared with
// content already in them.
func addTree(fw *fsnotify.Watcher, dir string, found func(string)) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil // gone again already
			}
			return err
		}
		if found != nil && p != dir {
			found(p)
		}
		if !d.IsDir() {
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		return fw.Add(p)
	})
}

func (w *Watcher) notifyLoop(fw *fsnotify.Watcher) {
	for {
		select {
		case ev, ok := <-fw.Events:
			if !ok {
				return
			}
			w.add(ev.Name)
			if ev.Has(fsnotify.Rename) || ev.Has(fsnotify.Remove) {
				forget(fw, ev.Name)
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() {
					if err := addTree(fw, ev.Name, w.add); err != nil {
						w.opts.Logf("watch: cannot watch %s: %v", ev.Name, err)
					}
				}
			}
		case err, ok := <-fw.Errors:
			if !ok {
				return
			}
			w.opts.Logf("watch: %v", err)
		}
	}
}

// forget drops the watches on a directory that was moved or removed, and on
// the directories below it. inotify would keep reporting a moved directory
// under its old name; its new name arrives as a Create and is watched anew.
func forget(fw *fsnotify.Watcher, dir string) {
	for _, p := range fw.WatchList() {
		if p == dir || strings.HasPrefix(p, dir+string(filepath.Separator)) {
			fw.Remove(p) // an error means the kernel dropped it already
		}
	}
}

// startPolling compares snapshots of the trees at every tick.
func (w *Watcher) startPolling() {
	ticker := time.NewTicker(w.opts.Poll)
	w.closeFn = func() error { ticker.Stop(); return nil }
	prev := w.snapshot()
	w.wg.Go(func() {
		for {
			select {
			case <-w.done:
				return
			case <-ticker.C:
				cur := w.snapshot()
				for p, st := range cur {
					if old, ok := prev[p]; !ok || old != st {
						w.add(p)
					}
				}
				for p := range prev {
					if _, ok := cur[p]; !ok {
						w.add(p)
					}
				}
				prev = cur
			}
		}
	})
}

type fileState struct {
	size    int64
	modTime time.Time
	mode    fs.FileMode
}

func (w *Watcher) snapshot() map[string]fileState {
	snap := map[string]fileState{}
	for _, root := range w.opts.Roots {
		_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if d.IsDir() && p != root && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			if info, err := d.Info(); err == nil && p != root {
				snap[p] = fileState{info.Size(), info.ModTime(), info.Mode()}
			}
			return nil
		})
	}
	return snap
}
