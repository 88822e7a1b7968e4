package main

import (
	"flag"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/exchange-timeline/timeline/generator/internal/build"
	"github.com/exchange-timeline/timeline/generator/internal/diag"
	"github.com/exchange-timeline/timeline/generator/internal/render"
	"github.com/exchange-timeline/timeline/generator/sitetest"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the expected output in testdata")

// TestContentErrors runs each archive in testdata/errors: the content files
// in it are checked with the shipped layouts (and the archive's layouts/
// files added to them), as timeline check does, and every diagnostic must
// match its "want" section, position, message and hint. There is one
// archive per rule of the schema.
func TestContentErrors(t *testing.T) {
	shippedLayouts := fstest.MapFS{}
	if err := fs.WalkDir(os.DirFS("../layouts"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(filepath.Join("../layouts", p))
		shippedLayouts[p] = &fstest.MapFile{Data: data}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	forEachArchive(t, "testdata/errors", func(t *testing.T, file string, ar *txtar.Archive) {
		fsys, want := archiveFS(ar, "content/"), wantSection(ar)
		layouts := maps.Clone(shippedLayouts)
		maps.Copy(layouts, archiveFS(ar, "layouts/"))
		opts := build.Options{Content: fsys, Layouts: layouts, ContentDir: "content", LayoutsDir: "layouts", Today: sitetest.Today()}
		diags := build.Check(opts)
		checkFindsWhatBuildRefuses(t, opts, diags)
		got := diags.Error()
		if got != "" {
			got += "\n"
		}
		if *update {
			setWant(ar, got)
			if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		if got != want {
			t.Errorf("diagnostics differ\n--- got:\n%s--- want:\n%s", got, want)
		}
	})
}

// checkFindsWhatBuildRefuses builds what was checked: every error of the
// build must be one the check reported, so that a change the check accepts
// builds.
func checkFindsWhatBuildRefuses(t *testing.T, opts build.Options, checked diag.List) {
	t.Helper()
	_, built, err := build.Run(opts, &render.MapSink{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range built {
		if d.Severity == diag.Error && !slices.Contains(checked, d) {
			t.Errorf("the build fails where the check did not: %s", d)
		}
	}
}

// forEachArchive runs test as a subtest for each txtar archive in dir.
func forEachArchive(t *testing.T, dir string, test func(t *testing.T, file string, ar *txtar.Archive)) {
	archives, _ := filepath.Glob(filepath.Join(dir, "*.txtar"))
	if len(archives) == 0 {
		t.Fatalf("no archives in %s", dir)
	}
	for _, file := range archives {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			test(t, file, ar)
		})
	}
}

// archiveFS returns the archive's files under dir as a file system rooted there.
func archiveFS(ar *txtar.Archive, dir string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		if name, ok := strings.CutPrefix(f.Name, dir); ok {
			fsys[name] = &fstest.MapFile{Data: f.Data}
		}
	}
	return fsys
}

func wantSection(ar *txtar.Archive) string {
	for _, f := range ar.Files {
		if f.Name == "want" {
			return string(f.Data)
		}
	}
	return ""
}

func setWant(ar *txtar.Archive, data string) {
	for i, f := range ar.Files {
		if f.Name == "want" {
			ar.Files[i].Data = []byte(data)
			return
		}
	}
	ar.Files = append(ar.Files, txtar.File{Name: "want", Data: []byte(data)})
}
