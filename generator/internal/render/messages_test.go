package render

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/lang"
)

// Every message the renderer's Go code names by a constant key is in
// goMessages, so that checkMessages checks it in every language when the
// layouts are parsed: a key missing there, and used by no layout, would
// pass the check and stop the build on the first page that needs it.
func TestGoMessagesAreListed(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	lookups := map[string]bool{"Text": true, "text": true, "t": true, "T": true}
	found := 0
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			lit, isLit := call.Args[0].(*ast.BasicLit)
			if !ok || !lookups[sel.Sel.Name] || !isLit || lit.Kind != token.STRING {
				return true
			}
			key, _ := strconv.Unquote(lit.Value)
			found++
			if !slices.Contains(goMessages, key) {
				t.Errorf("%s: the message %q is not in goMessages, so no language is checked for it", file, key)
			}
			return true
		})
	}
	if found < len(goMessages)/2 {
		t.Errorf("found %d messages named in the renderer's code: the test no longer finds the calls", found)
	}
}

// Every kind and every role has a label in every shipped language, not
// its value, and no two share one.
func TestEveryKindAndRoleHasALabel(t *testing.T) {
	langs := []string{"en", "uk", "ru"}
	catalogs, errs := lang.LoadCatalogs(os.DirFS("../../../layouts"), langs)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for _, l := range langs {
		labels := map[string]bool{}
		for _, v := range append(content.EventKinds(), content.Roles()...) {
			label, err := catalogs[l].T(labelKey(v))
			if err != nil || label == "" || label == v {
				t.Errorf("%s: %q has no label (%q, %v)", l, v, label, err)
			}
			if labels[label] {
				t.Errorf("%s: the label %q is given twice", l, label)
			}
			labels[label] = true
		}
	}
}
