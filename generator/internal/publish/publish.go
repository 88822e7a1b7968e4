// Package publish writes a site to disk so that the output directory is never
// half-written: files go to a staging directory beside it, which then takes
// its place in one step. A build that fails leaves the old site as it was,
// and files whose source is gone do not survive into the new one.
package publish

import (
	"errors"
	"fmt"
	"hash/maphash"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// Staging is a directory being filled with the next version of a site.
type Staging struct {
	out    string // the directory the site is published to
	dir    string // the staging directory, a sibling of out
	dirs   dirMaker
	mu     sync.Mutex
	hashes map[string]uint64 // of every file written
}

// stage starts a new staging directory for out, whose parent exists.
func stage(out string) (*Staging, error) {
	dir, err := os.MkdirTemp(filepath.Dir(out), "."+filepath.Base(out)+"-staging-")
	if err != nil {
		return nil, fmt.Errorf("cannot create a staging directory beside %s: %w", out, err)
	}
	err = os.Chmod(dir, 0o755)
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, MarkerFile), []byte(markerText), 0o644)
	}
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return &Staging{out: out, dir: dir, hashes: map[string]uint64{}}, nil
}

// WriteFile writes one file of the site; name is slash-separated and relative
// to the site root. It is safe to call from several goroutines.
func (s *Staging) WriteFile(name string, data []byte) error {
	path, err := join(s.dir, name)
	if err != nil {
		return err
	}
	if err := s.dirs.mkdir(filepath.Dir(path)); err != nil {
		return err
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return err
	}
	s.mu.Lock()
	s.hashes[name] = hash(data)
	s.mu.Unlock()
	return nil
}

// join returns the file path of a site path, refusing any that could leave
// the site's directory.
func join(root, name string) (string, error) {
	if !fs.ValidPath(name) || name == "." || strings.Contains(name, `\`) {
		return "", fmt.Errorf("publish: refusing to write %q outside the output directory", name)
	}
	return filepath.Join(root, filepath.FromSlash(name)), nil
}

var hashSeed = maphash.MakeSeed()

func hash(data []byte) uint64 { return maphash.Bytes(hashSeed, data) }

// dirMaker creates each directory once, however many files go into it.
type dirMaker struct{ done sync.Map }

func (m *dirMaker) mkdir(dir string) error {
	if _, ok := m.done.Load(dir); ok {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	m.done.Store(dir, true)
	return nil
}

// Commit puts the staged site in place of the output directory and returns
// a Dir to update it in place afterwards. Where the
// system allows, the two directories are exchanged in one atomic rename, so
// a reader sees either the old site or the new one, never neither.
func (s *Staging) Commit() (*Dir, error) {
	if err := s.swap(); err != nil {
		return nil, err
	}
	return &Dir{root: s.out, hashes: s.hashes}, nil
}

func (s *Staging) swap() error {
	if _, err := os.Lstat(s.out); errors.Is(err, fs.ErrNotExist) {
		return os.Rename(s.dir, s.out)
	}
	err := exchange(s.dir, s.out)
	if err != nil {
		err = s.swapByRenames()
	}
	if err != nil {
		return err
	}
	// s.dir now holds the old site.
	return os.RemoveAll(s.dir)
}

// swapByRenames is the fallback for file systems without an atomic exchange.
func (s *Staging) swapByRenames() error {
	old := s.dir + "-old"
	if err := os.Rename(s.out, old); err != nil {
		return fmt.Errorf("cannot replace %s: %w", s.out, err)
	}
	if err := os.Rename(s.dir, s.out); err != nil {
		return errors.Join(err, os.Rename(old, s.out))
	}
	s.dir = old
	return nil
}

// Abort throws the staged files away.
func (s *Staging) Abort() error {
	return os.RemoveAll(s.dir)
}
