package sitetest

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// layers reads who may import whom among the generator's packages from
// the table of ARCHITECTURE.md, "Who may import whom": a row names one or
// more packages and what they may import ("nothing of the generator", one
// list for all, or one list each, separated by ";").
func layers(t *testing.T) map[string][]string {
	t.Helper()
	doc, err := os.ReadFile("../../ARCHITECTURE.md")
	if err != nil {
		t.Fatal(err)
	}
	_, table, _ := strings.Cut(string(doc), "## Who may import whom")
	table, _, _ = strings.Cut(table, "\n## ")
	names := func(cell string) []string {
		var list []string
		for _, m := range regexp.MustCompile("`([a-z/]+)`").FindAllStringSubmatch(cell, -1) {
			list = append(list, strings.TrimPrefix(m[1], "generator/"))
		}
		return list
	}
	layers := map[string][]string{}
	for _, line := range strings.Split(table, "\n") {
		cells := strings.Split(line, "|")
		if len(cells) != 4 || !strings.Contains(cells[1], "`") {
			continue
		}
		packages, allowed := names(cells[1]), strings.Split(cells[2], ";")
		for i, pkg := range packages {
			layers[pkg] = names(allowed[min(i, len(allowed)-1)])
		}
	}
	if len(layers) < 20 {
		t.Fatalf("ARCHITECTURE.md's table of who may import whom names %d packages: is it still there?", len(layers))
	}
	return layers
}

const module = "github.com/exchange-timeline/timeline/generator/"

// Every package imports only what its layer in ARCHITECTURE.md allows
// (tests apart), and every package has a layer.
func TestImportLayers(t *testing.T) {
	layers := layers(t)
	internal, _ := filepath.Glob("../internal/*")
	tools, _ := filepath.Glob("../*")
	dirs := append(append(internal, ".."), tools...)
	checked := 0
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
			t.Errorf("package %s has no layer: add it to the table in ARCHITECTURE.md", name)
		}
		for _, file := range files {
			if strings.HasSuffix(file, "_test.go") {
				continue
			}
			checked++
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
	if checked < len(layers) {
		t.Errorf("%d files checked for %d packages: the test no longer finds the generator's packages", checked, len(layers))
	}
}
