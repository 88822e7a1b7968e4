package build

import (
	"errors"
	"os"
	"path/filepath"
	"sync/atomic"
	"syscall"
	"testing"
	"testing/fstest"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/corpus"
	"github.com/exchange-timeline/timeline/generator/internal/publish"
	"github.com/exchange-timeline/timeline/generator/internal/site"
)

// fullDisk passes writes to a staging directory until it has taken n of
// them, then fails as a full disk does.
type fullDisk struct {
	*publish.Staging
	left atomic.Int64
}

func (d *fullDisk) WriteFile(name string, data []byte) error {
	if d.left.Add(-1) < 0 {
		return &os.PathError{Op: "write", Path: name, Err: syscall.ENOSPC}
	}
	return d.Staging.WriteFile(name, data)
}

// A disk that fills up during a build leaves the published site exactly as
// it was, and nothing beside it, as the command line does it.
func TestFullDiskKeepsTheOldSite(t *testing.T) {
	parent := t.TempDir()
	outDir := filepath.Join(parent, "public")
	opts := Options{Content: corpus.FS(20), Layouts: os.DirFS("../../../layouts"), BaseURL: site.BaseURL{Path: "/"},
		Today: content.NewDate(2030, 1, 1)}
	publishWith := func(limit int64) error {
		out, err := publish.Acquire(outDir, publish.Guard{})
		if err != nil {
			t.Fatal(err)
		}
		defer out.Release()
		stage, err := out.Stage()
		if err != nil {
			t.Fatal(err)
		}
		disk := &fullDisk{Staging: stage}
		disk.left.Store(limit)
		if _, _, err := Run(opts, disk); err != nil {
			return errors.Join(err, stage.Abort())
		}
		_, err = stage.Commit()
		return err
	}
	if err := publishWith(1 << 30); err != nil {
		t.Fatal(err)
	}
	before := snapshotDir(t, outDir)
	opts.Content.(fstest.MapFS)["events/2001-01-01-new.md"] = &fstest.MapFile{Data: []byte(
		"---\ntitle: New\ndate: 2001-01-01\nkind: talks\nsources:\n  - {id: a, publisher: A, url: \"https://example.org/\", date: 2001-01-01}\n---\n")}
	err := publishWith(10)
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("the build did not fail with the disk: %v", err)
	}
	after := snapshotDir(t, outDir)
	if len(after) != len(before) {
		t.Errorf("%d files before, %d after", len(before), len(after))
	}
	for name, data := range before {
		if after[name] != data {
			t.Errorf("%s changed", name)
		}
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 2 { // public and its lock
		t.Errorf("left beside the output: %v", entries)
	}
}

func snapshotDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		files[path] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
