package publish

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Output is an output directory held by one process: a lock file beside it
// keeps a second build or watch from writing it at the same time, and
// staging directories left by an interrupted build are cleared away.
type Output struct {
	dir  string
	lock *os.File
}

// ErrBusy reports an output directory that another process is writing.
var ErrBusy = errors.New("another timeline build or watch is writing it")

// Acquire takes the output directory out, creating its parent if needed,
// once guard allows a build to replace it. Symbolic links in out are
// resolved first: the site replaces the directory a link points to, and the
// link stays.
func Acquire(out string, guard Guard) (*Output, error) {
	out, err := guard.check(out)
	if err != nil {
		return nil, err
	}
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("cannot create %s: %w", parent, err)
	}
	f, err := os.OpenFile(filepath.Join(parent, "."+filepath.Base(out)+".lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("cannot lock %s: %w", out, err)
	}
	if err := lockFile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", out, ErrBusy)
	}
	o := &Output{dir: out, lock: f}
	o.clearLeftovers()
	return o, nil
}

// clearLeftovers removes staging directories of builds that were killed
// before they could remove them; holding the lock, no build is using them.
func (o *Output) clearLeftovers() {
	old, _ := filepath.Glob(filepath.Join(filepath.Dir(o.dir), "."+filepath.Base(o.dir)+"-staging-*"))
	for _, dir := range old {
		os.RemoveAll(dir)
	}
}

// Stage starts a new staging directory for the output.
func (o *Output) Stage() (*Staging, error) {
	return stage(o.dir)
}

// Release gives the output directory up.
func (o *Output) Release() error {
	return o.lock.Close() // closing the file releases the lock
}
