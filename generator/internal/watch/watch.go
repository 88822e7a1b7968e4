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
//
// A root itself may go: renamed (mv content x; cp -r x content), deleted
// and restored from a backup, replaced by git or a sync tool. The Watcher
// then says so, delivers nothing while it is gone, polls for it to come
// back, watches it anew and delivers a batch that marks it Reset:
// everything under it may have changed.
package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/exchange-timeline/timeline/generator/internal/noise"
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
	// Reset holds the roots that came back after they had moved or
	// vanished: anything under them may have changed, and what was opened
	// there before is another directory, or none.
	Reset map[string]bool
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
	reset   map[string]bool
	first   time.Time // of the pending batch
	kick    chan struct{}
	// gone holds the roots that have moved or vanished, and names the
	// roots as the caller gave them, for messages.
	gone  map[string]bool
	names map[string]string
}

// restorePoll is how often a root that has gone is looked for.
const restorePoll = 100 * time.Millisecond

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
	names := map[string]string{}
	for i, root := range opts.Roots {
		abs, err := filepath.Abs(root)
		if err != nil {
			return nil, err
		}
		if info, err := os.Stat(abs); err != nil || !info.IsDir() {
			return nil, fmt.Errorf("cannot watch %s: not a directory", root)
		}
		opts.Roots[i], names[abs] = abs, root
	}
	w := &Watcher{opts: opts, out: make(chan Batch), done: make(chan struct{}),
		pending: map[string]map[string]bool{}, reset: map[string]bool{}, kick: make(chan struct{}, 1),
		gone: map[string]bool{}, names: names}
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
	if !ok || noise.Is(filepath.Base(path)) {
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
	w.wake()
}

func (w *Watcher) wake() {
	select {
	case w.kick <- struct{}{}:
	default:
	}
}

// rootGone notes that root has moved or vanished, says so, and polls
// until it is back. It reports false if the root was known to be gone.
func (w *Watcher) rootGone(root string) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.gone[root] {
		return false
	}
	w.gone[root] = true
	w.opts.Logf("watch: %s was moved or deleted; waiting for it to come back", w.names[root])
	return true
}

func (w *Watcher) isGone(root string) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.gone[root]
}

// rootBack marks root as present again, to be delivered as Reset.
func (w *Watcher) rootBack(root string) {
	w.mu.Lock()
	delete(w.gone, root)
	if len(w.pending) == 0 && len(w.reset) == 0 {
		w.first = time.Now()
	}
	w.reset[root] = true
	w.mu.Unlock()
	w.opts.Logf("watch: %s is back; rebuilding everything", w.names[root])
	w.wake()
}

// rootPins holds each root's directory open, so that a directory made in
// its place cannot take its inode number and pass for it, and remembers
// which directory it is.
type rootPins struct {
	files    map[string]*os.File
	identity map[string]os.FileInfo
}

// pinRoots pins every root as it is now. It runs before New returns: a
// root replaced at once must not be taken for the one first watched.
func (w *Watcher) pinRoots() *rootPins {
	p := &rootPins{files: map[string]*os.File{}, identity: map[string]os.FileInfo{}}
	for _, root := range w.opts.Roots {
		p.pin(root)
	}
	return p
}

func (p *rootPins) pin(root string) {
	f, err := os.Open(root)
	if err != nil {
		return
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return
	}
	if old := p.files[root]; old != nil {
		old.Close()
	}
	p.files[root], p.identity[root] = f, info
}

func (p *rootPins) close() {
	for _, f := range p.files {
		f.Close()
	}
}

// guardRoots looks at each root every restorePoll, whatever else watches
// the files: file events may not say that a root was deleted (inotify says
// so only once no one holds the directory open, and the build does), and a
// root may be gone and back between two looks. A root that is not there is
// gone; one that is there again, or is another directory than the one
// pinned, is back: reattach (if not nil) watches it anew before the batch
// that marks it Reset.
func (w *Watcher) guardRoots(pins *rootPins, reattach func(root string)) {
	defer pins.close()
	ticker := time.NewTicker(restorePoll)
	defer ticker.Stop()
	for {
		select {
		case <-w.done:
			return
		case <-ticker.C:
		}
		for _, root := range w.opts.Roots {
			info, err := os.Stat(root)
			switch {
			case err != nil || !info.IsDir():
				w.rootGone(root)
			case w.isGone(root) || pins.identity[root] == nil || !os.SameFile(info, pins.identity[root]):
				pins.pin(root)
				w.rootGone(root)
				if reattach != nil {
					reattach(root)
				}
				w.rootBack(root)
			}
		}
	}
}

func isRoot(roots []string, path string) bool {
	return slices.Contains(roots, path)
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
			batch := Batch{Changed: w.pending, Reset: w.reset}
			w.pending, w.reset = map[string]map[string]bool{}, map[string]bool{}
			waiting := len(w.gone) > 0
			w.mu.Unlock()
			if len(batch.Changed) == 0 && len(batch.Reset) == 0 || waiting {
				// While a root is gone nothing is delivered: the batch that
				// marks it Reset, when it is back, covers everything.
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
	pins := w.pinRoots()
	w.wg.Go(func() {
		w.guardRoots(pins, func(root string) {
			forget(fw, root) // the watches of the directory that went, if any are left
			if err := addTree(fw, root, nil); err != nil {
				w.opts.Logf("watch: cannot watch %s: %v", w.names[root], err)
			}
		})
	})
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
		if p != dir && noise.Is(d.Name()) {
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
			if ev.Op == fsnotify.Chmod {
				continue // a change of mode or times alone (touch, chmod, backup tools) changes no content
			}
			if isRoot(w.opts.Roots, ev.Name) && (ev.Has(fsnotify.Rename) || ev.Has(fsnotify.Remove)) {
				forget(fw, ev.Name)
				w.rootGone(ev.Name) // guardRoots sees it back
				continue
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
	pins := w.pinRoots()
	w.wg.Go(func() { w.guardRoots(pins, nil) })
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

// fileState is what polling compares: a change of mode alone changes no
// content, and file events of that kind are dropped too.
type fileState struct {
	size    int64
	modTime time.Time
	dir     bool
}

func (w *Watcher) snapshot() map[string]fileState {
	snap := map[string]fileState{}
	for _, root := range w.opts.Roots {
		_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if d.IsDir() && p != root && noise.Is(d.Name()) {
				return filepath.SkipDir
			}
			if info, err := d.Info(); err == nil && p != root {
				snap[p] = fileState{info.Size(), info.ModTime(), info.IsDir()}
			}
			return nil
		})
	}
	return snap
}
