package sitetest

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// layers is who may import whom among the generator's packages, as
// ARCHITECTURE.md draws it: the stages import only the stages before them,
// and the shared packages at the bottom import none of the generator.
var layers = map[string][]string{
	"site": nil, "lang": nil, "digest": nil, "diag": nil, "par": nil, "urls": nil, "noise": nil,
	"crawl": nil, "corpus": nil, "publish": nil,
	"watch":    {"noise"},
	"slug":     {"lang"},
	"annotate": {"diag", "lang"},
	"serve":    {"site"},
	"content":  {"diag", "lang", "noise", "par"},
	"validate": {"content", "diag", "urls"},
	"model":    {"content", "digest", "lang"},
	"render":   {"content", "diag", "digest", "lang", "model", "par", "site", "urls", "validate"},
	"build":    {"content", "diag", "model", "render", "site", "validate"},
	// the command, and the tools beside it
	"generator":   {"annotate", "build", "content", "diag", "lang", "publish", "render", "serve", "site", "slug", "watch"},
	"bench":       {"corpus"},
	"linkcheck":   {"crawl", "site"},
	"sitediff":    {"annotate"},
	"sourcecheck": {"annotate", "content"},
	"sitetest":    {"content"}, // its helpers; its tests import what they test
}

const module = "github.com/exchange-timeline/timeline/generator/"

// Every package imports only what its layer allows (tests apart), and
// every package has a layer.
func TestImportLayers(t *testing.T) {
	internal, _ := filepath.Glob("../internal/*")
	tools, _ := filepath.Glob("../*")
	dirs := append(append(internal, ".."), tools...)
	for _, dir := range dirs {
		if base := filepath.Base(dir); base == "internal" || base == "testdata" {
			continue
		}
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		name := filepath.Base(dir)
		if dir == ".." {
			name = "generator"
		}
		allowed, ok := layers[name]
		if !ok && len(files) > 0 {
			t.Errorf("package %s has no layer: add it to ARCHITECTURE.md and to this test", name)
		}
		for _, file := range files {
			if strings.HasSuffix(file, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range f.Imports {
				path, _ := strconv.Unquote(imp.Path.Value)
				rest, ok := strings.CutPrefix(path, module)
				if !ok {
					continue
				}
				if !slices.Contains(allowed, filepath.Base(rest)) {
					t.Errorf("%s imports %s, which ARCHITECTURE.md does not allow", file, rest)
				}
			}
		}
	}
	if _, err := os.Stat("../../ARCHITECTURE.md"); err != nil {
		t.Error(err)
	}
}
