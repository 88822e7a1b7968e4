package publish

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// MarkerFile is written at the root of every site a build publishes. A later
// build replaces an existing output directory only if it holds this file (or
// is empty): whatever else the output names, a typo or a wrong Makefile variable
// must not destroy someone's work.
const MarkerFile = ".timeline-site"

const markerText = "This directory is a site written by timeline build. The next build replaces\n" +
	"all of it: keep nothing else here.\n"

// Guard says which output directories a build may replace.
type Guard struct {
	// Sources are directories the output may not be, lie inside or
	// contain: the content and the layouts.
	Sources []string
	// Roots are directories the output may not be or contain: the
	// repository, the home directory. The file system's root is always
	// one.
	Roots []string
	// Force allows replacing an existing directory or file that is not a
	// site made by timeline.
	Force bool
}

// ErrNotASite reports an output that exists and was not written by timeline.
var ErrNotASite = errors.New("not a site written by timeline")

// RefusedError is the error of an output the guard refuses. Its message
// starts with the output as given; the command line says which flag gave it.
type RefusedError struct{ err error }

func (e *RefusedError) Error() string { return e.err.Error() }
func (e *RefusedError) Unwrap() error { return e.err }

func refuse(format string, args ...any) error {
	return &RefusedError{fmt.Errorf(format, args...)}
}

// check returns out with symbolic links resolved, or why a build may not
// replace it.
func (g Guard) check(out string) (string, error) {
	resolved, err := resolve(out)
	if err != nil {
		return "", err
	}
	for _, dir := range g.Sources {
		d, err := resolve(dir)
		if err != nil {
			continue // a directory that cannot be resolved cannot be overwritten either
		}
		switch {
		case resolved == d:
			return "", refuse("%s is the directory %s itself: the site would replace it; choose another output, such as public", out, dir)
		case within(resolved, d):
			return "", refuse("%s is inside %s: the site would be read back as content; choose an output outside it", out, dir)
		case within(d, resolved):
			return "", refuse("%s contains %s: replacing it would delete %s; choose an output such as public", out, dir, dir)
		}
	}
	for _, dir := range append([]string{string(filepath.Separator)}, g.Roots...) {
		d, err := resolve(dir)
		if err == nil && (resolved == d || within(d, resolved)) {
			return "", refuse("%s would replace %s and everything in it; choose an output such as public", out, dir)
		}
	}
	if !g.Force {
		if err := replaceable(resolved); err != nil {
			return "", refuse("%s: %w: replacing it would delete what it holds", out, err)
		}
	}
	return resolved, nil
}

// replaceable reports whether an existing output may be replaced: it does
// not exist, is an empty directory, or holds the marker.
func replaceable(out string) error {
	info, err := os.Stat(out)
	if err != nil {
		return nil // nothing to lose; creating it will say what is wrong
	}
	if !info.IsDir() {
		return fmt.Errorf("it is a file, %w", ErrNotASite)
	}
	if _, err := os.Stat(filepath.Join(out, MarkerFile)); err == nil || builtBeforeMarkers(out) {
		return nil
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return err
	}
	if len(entries) > 0 {
		return fmt.Errorf("it is a directory that is %w (it has no %s file)", ErrNotASite, MarkerFile)
	}
	return nil
}

// earlierSiteFiles are files that every site built before the marker
// existed has, together, and that no other kind of folder has all of: a
// contributor's public/ from an earlier checkout is still replaced without
// -force.
var earlierSiteFiles = [...]string{".nojekyll", "search-index.json", "sitemap.xml", "data/events.json", "data/people.json"}

func builtBeforeMarkers(dir string) bool {
	for _, name := range earlierSiteFiles {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			return false
		}
	}
	return true
}

// resolve makes path absolute and resolves the symbolic links of the part
// of it that exists, so that two names of one directory compare equal and a
// link named as the output leads to the directory it points to.
func resolve(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	existing, rest := abs, ""
	for {
		if _, err := os.Lstat(existing); err == nil {
			break
		}
		parent := filepath.Dir(existing)
		if parent == existing {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(existing), rest)
		existing = parent
	}
	real, err := filepath.EvalSymlinks(existing)
	if err != nil {
		return "", err
	}
	return filepath.Join(real, rest), nil
}

// within reports whether path lies strictly inside dir; both are clean and
// absolute.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
