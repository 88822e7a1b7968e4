package publish

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
)

// Dir is a published site updated in place, for watch mode. Like Staging it
// is a transaction: WriteFile puts each changed file beside its old version
// under a temporary name, Commit renames them all into place (so a reader,
// such as the preview server, never sees half a page) and Abort throws
// them away. A file is written only when its bytes change.
type Dir struct {
	root   string
	dirs   dirMaker
	mu     sync.Mutex
	hashes map[string]uint64 // of every file of the committed site
	// pending are the files written since the last Commit or Abort.
	pending []pendingFile
}

type pendingFile struct {
	name, tmp string
	hash      uint64
}

// WriteFile stages one file unless the site already has these bytes. It is
// safe to call from several goroutines.
func (d *Dir) WriteFile(name string, data []byte) error {
	path, err := join(d.root, name)
	if err != nil {
		return err
	}
	h := hash(data)
	d.mu.Lock()
	old, ok := d.hashes[name]
	d.mu.Unlock()
	if ok && old == h {
		return nil
	}
	if err := d.dirs.mkdir(filepath.Dir(path)); err != nil {
		d.removeEmptyDirs(filepath.Dir(path)) // what MkdirAll made before it failed
		return err
	}
	tmp, err := writeTemp(filepath.Dir(path), data)
	if err != nil {
		// A full disk: the folder made for the file must not stay behind,
		// empty, where a fresh build would have none.
		d.removeEmptyDirs(filepath.Dir(path))
		return err
	}
	d.mu.Lock()
	d.pending = append(d.pending, pendingFile{name, tmp, h})
	d.mu.Unlock()
	return nil
}

// createTemp is os.CreateTemp; tests make it fail as a full disk does.
var createTemp = os.CreateTemp

func writeTemp(dir string, data []byte) (string, error) {
	f, err := createTemp(dir, ".tmp-*")
	if err != nil {
		return "", err
	}
	_, err = f.Write(data)
	err = errors.Join(err, f.Close(), os.Chmod(f.Name(), 0o644))
	if err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

// Commit puts the staged files in place, deletes the files named in
// removed (and the directories they leave empty), and returns how many
// files it wrote.
func (d *Dir) Commit(removed []string) (written int, err error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	pending := d.pending
	d.pending = nil
	for i, p := range pending {
		path, _ := join(d.root, p.name)
		if err := os.Rename(p.tmp, path); err != nil {
			d.discard(pending[i:])
			return i, err
		}
		d.hashes[p.name] = p.hash
	}
	for _, name := range removed {
		if err := d.remove(name); err != nil {
			return len(pending), err
		}
	}
	return len(pending), nil
}

// Abort throws away the files staged since the last Commit.
func (d *Dir) Abort() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	err := d.discard(d.pending)
	d.pending = nil
	return err
}

func (d *Dir) discard(files []pendingFile) error {
	var errs []error
	for _, p := range files {
		errs = append(errs, os.Remove(p.tmp))
		path, _ := join(d.root, p.name)
		d.removeEmptyDirs(filepath.Dir(path))
	}
	return errors.Join(errs...)
}

// remove deletes a file of the site, and the directories it leaves empty.
func (d *Dir) remove(name string) error {
	path, err := join(d.root, name)
	if err != nil {
		return err
	}
	if err := os.Remove(path); err != nil && !os.IsNotExist(err) {
		return err
	}
	delete(d.hashes, name)
	d.removeEmptyDirs(filepath.Dir(path))
	return nil
}

// removeEmptyDirs removes dir and its parents up to the root, while empty.
func (d *Dir) removeEmptyDirs(dir string) {
	for ; dir != d.root && len(dir) > len(d.root); dir = filepath.Dir(dir) {
		if os.Remove(dir) != nil {
			return // not empty
		}
		d.dirs.done.Delete(dir)
	}
}
