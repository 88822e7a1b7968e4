package main

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/exchange-timeline/timeline/generator/internal/build"
	"github.com/exchange-timeline/timeline/generator/sitetest"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the expected output in testdata")

// TestContentErrors runs each archive in testdata/errors: the content files
// in it are checked, and every diagnostic must match its "want" section,
// position, message and hint. There is one archive per rule of the schema.
func TestContentErrors(t *testing.T) {
	forEachArchive(t, "testdata/errors", func(t *testing.T, file string, ar *txtar.Archive) {
		fsys, want := archiveFS(ar, "content/"), wantSection(ar)
		diags := build.Check(build.Options{Content: fsys, ContentDir: "content", Today: sitetest.Today()})
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
