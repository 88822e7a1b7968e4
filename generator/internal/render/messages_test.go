package render

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
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
