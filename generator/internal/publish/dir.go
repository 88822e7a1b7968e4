package publish

import (
	"os"
	"path/filepath"
	"sync"
)

// Dir is a published site updated in place, for watch mode: a file is
// written only when its bytes change, and through a temporary file renamed
// over the old one, so that a reader (the preview server) never sees half a
// page.
type Dir struct {
	root    string
	dirs    dirMaker
	mu      sync.Mutex
	hashes  map[string]uint64 // of every file in the site
	written int
}

// WriteFile writes one file unless it already has these bytes. It is safe
// to call from several goroutines.
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
		return err
	}
	if err := writeAtomically(path, data); err != nil {
		return err
	}
	d.mu.Lock()
	d.hashes[name] = h
	d.written++
	d.mu.Unlock()
	return nil
}

func writeAtomically(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

// Remove deletes a file of the site, and the directories it leaves empty.
func (d *Dir) Remove(name string) error {
	path, err := join(d.root, name)
	if err != nil {
		return err
	}
	if err := os.Remove(path); err != nil && !os.IsNotExist(err) {
		return err
	}
	d.mu.Lock()
	delete(d.hashes, name)
	d.mu.Unlock()
	for dir := filepath.Dir(path); dir != d.root && len(dir) > len(d.root); dir = filepath.Dir(dir) {
		if os.Remove(dir) != nil {
			break // not empty
		}
		d.dirs.done.Delete(dir)
	}
	return nil
}

// TakeWritten returns how many files were written since the last call.
func (d *Dir) TakeWritten() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	n := d.written
	d.written = 0
	return n
}
