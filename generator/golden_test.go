package main

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/exchange-timeline/timeline/generator/internal/build"
	"github.com/exchange-timeline/timeline/generator/internal/render"
	"github.com/exchange-timeline/timeline/generator/internal/site"
	"github.com/exchange-timeline/timeline/generator/sitetest"
	"golang.org/x/tools/txtar"
)

// TestGolden builds each small site in testdata/golden and compares every
// output file with the archive's public/ files; run with -update to rewrite
// them after an intended change. The archive's comment may set options:
//
//	base-url: /repo/
//	drafts: true
func TestGolden(t *testing.T) {
	forEachArchive(t, "testdata/golden", func(t *testing.T, file string, ar *txtar.Archive) {
		var sink render.MapSink
		_, diags, err := build.Run(goldenOptions(t, ar), &sink)
		if err != nil || diags.HasErrors() {
			t.Fatalf("build failed: %v\n%v", err, diags)
		}
		if *update {
			writeGolden(t, file, ar, sink.Files)
			return
		}
		compareGolden(t, ar, sink.Files)
	})
}

func goldenOptions(t *testing.T, ar *txtar.Archive) build.Options {
	opts := build.Options{
		Content: archiveFS(ar, "content/"), Layouts: withTranslations(t, archiveFS(ar, "layouts/")),
		ContentDir: "content", LayoutsDir: "layouts", Today: sitetest.Today(),
	}
	base := "/"
	for _, line := range strings.Split(string(ar.Comment), "\n") {
		key, value, _ := strings.Cut(line, ":")
		switch strings.TrimSpace(key) {
		case "base-url":
			base = strings.TrimSpace(value)
		case "drafts":
			opts.Drafts = strings.TrimSpace(value) == "true"
		}
	}
	var err error
	if opts.BaseURL, err = site.ParseBaseURL(base); err != nil {
		t.Fatal(err)
	}
	return opts
}

// withTranslations adds the project's translation files to small layouts
// that have none of their own, so that archives need not copy them.
func withTranslations(t *testing.T, layouts fstest.MapFS) fstest.MapFS {
	t.Helper()
	shipped, err := filepath.Glob("../layouts/i18n/*.yaml")
	if err != nil || len(shipped) == 0 {
		t.Fatalf("the project's translation files: %v", err)
	}
	for _, file := range shipped {
		name := "i18n/" + filepath.Base(file)
		if _, ok := layouts[name]; ok {
			continue
		}
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		layouts[name] = &fstest.MapFile{Data: data}
	}
	return layouts
}

func compareGolden(t *testing.T, ar *txtar.Archive, files map[string][]byte) {
	want := map[string][]byte{}
	for _, f := range ar.Files {
		if name, ok := strings.CutPrefix(f.Name, "public/"); ok {
			want[name] = f.Data
		}
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		w, ok := want[name]
		switch {
		case !ok:
			t.Errorf("unexpected output file %s", name)
		case !bytes.Equal(files[name], w):
			t.Errorf("%s differs (run go test -update to accept)\n--- got:\n%s\n--- want:\n%s", name, files[name], w)
		}
	}
	for name := range want {
		if _, ok := files[name]; !ok {
			t.Errorf("missing output file %s", name)
		}
	}
}

func writeGolden(t *testing.T, file string, ar *txtar.Archive, files map[string][]byte) {
	ar.Files = slices.DeleteFunc(ar.Files, func(f txtar.File) bool { return strings.HasPrefix(f.Name, "public/") })
	for _, name := range slices.Sorted(maps.Keys(files)) {
		ar.Files = append(ar.Files, txtar.File{Name: "public/" + name, Data: files[name]})
	}
	if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
		t.Fatal(err)
	}
}
