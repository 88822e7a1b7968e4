package sitetest

import (
	"go/ast"
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

// checkMessages returns every message "timeline check" can print, read from
// the source of the packages that load and validate content, with each
// formatting verb written as "…" (and %q as "…" in quotes): the calls
// errorf/warnf/errorAt (their format argument), the msg of syntaxError, the
// Message of a diag.Diagnostic and the errors of fmt.Errorf.
func checkMessages(t *testing.T) []string {
	t.Helper()
	var msgs []string
	for _, dir := range []string{"../internal/content", "../internal/validate"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(token.NewFileSet(), name, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CallExpr:
					var arg ast.Expr
					switch fun := n.Fun.(type) {
					case *ast.SelectorExpr:
						switch fun.Sel.Name {
						case "errorf", "warnf":
							arg = formatArg(n)
						case "errorAt":
							arg = n.Args[3]
						case "Errorf":
							if x, ok := fun.X.(*ast.Ident); ok && x.Name == "fmt" {
								arg = n.Args[0]
							}
						}
					}
					if arg != nil {
						if s, ok := message(arg); ok {
							msgs = append(msgs, s)
						}
					}
				case *ast.KeyValueExpr:
					if k, ok := n.Key.(*ast.Ident); ok && (k.Name == "msg" || k.Name == "Message") {
						if s, ok := message(n.Value); ok {
							msgs = append(msgs, s)
						}
					}
				}
				return true
			})
		}
	}
	slices.Sort(msgs)
	return slices.Compact(msgs)
}

// formatArg is the format argument of a call to errorf or warnf: the one
// after the hint, which is the last string before the variadic arguments.
func formatArg(call *ast.CallExpr) ast.Expr {
	// validate: (doc, field, hint, format, args...); content: (node, hint, format, args...)
	for i, a := range call.Args {
		if i == 0 {
			continue
		}
		if s, ok := literal(a); ok && strings.Contains(s, "%") {
			return a
		}
	}
	// a format without verbs: the last literal
	for i := len(call.Args) - 1; i > 0; i-- {
		if _, ok := literal(call.Args[i]); ok {
			return call.Args[i]
		}
	}
	return nil
}

func literal(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

var verb = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z]`)

// message turns a format, a literal, fmt.Sprintf(format, ...) or a
// concatenation into the message pattern; ok is false when it is not made
// of literals (err.Error()) or is only verbs ("%s %v", a wrapper).
func message(e ast.Expr) (string, bool) {
	var s string
	switch e := e.(type) {
	case *ast.BasicLit:
		lit, ok := literal(e)
		if !ok {
			return "", false
		}
		s = lit
	case *ast.CallExpr:
		if sel, ok := e.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Sprintf" && len(e.Args) > 0 {
			return message(e.Args[0])
		}
		return "", false
	case *ast.BinaryExpr:
		l, lok := message(e.X)
		r, rok := message(e.Y)
		if !lok && !rok {
			return "", false
		}
		if !lok {
			l = "…"
		}
		if !rok {
			r = "…"
		}
		return l + r, true
	default:
		return "", false
	}
	s = strings.ReplaceAll(s, "%q", `"…"`)
	s = verb.ReplaceAllString(s, "…")
	if strings.Trim(s, "… ") == "" {
		return "", false
	}
	return s, true
}

var backticked = regexp.MustCompile("`([^`]+)`")

// documentedMessages returns the messages in the first column of the table
// under "## What the check messages mean" in CONTRIBUTING.md.
func documentedMessages(t *testing.T) []string {
	t.Helper()
	doc, err := os.ReadFile("../../CONTRIBUTING.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(doc), "## What the check messages mean")
	if !ok {
		t.Fatal(`CONTRIBUTING.md has no section "What the check messages mean"`)
	}
	section, _, _ = strings.Cut(section, "\n## ")
	var out []string
	for _, line := range strings.Split(section, "\n") {
		cells := strings.Split(line, " | ")
		if !strings.HasPrefix(line, "| `") || len(cells) < 2 {
			continue
		}
		for _, m := range backticked.FindAllStringSubmatch(strings.TrimPrefix(cells[0], "| "), -1) {
			out = append(out, m[1])
		}
	}
	return out
}

// Every message "timeline check" can print is explained in CONTRIBUTING.md,
// and every message explained there still exists: a documented message
// contains a message of the code (it may add the field name that the code
// fills in, e.g. `date "…" is not a date…`).
func TestCheckMessagesDocumented(t *testing.T) {
	code := checkMessages(t)
	if len(code) < 30 {
		t.Fatalf("found only %d messages in the code: %q", len(code), code)
	}
	docs := documentedMessages(t)
	for _, m := range code {
		if !slices.ContainsFunc(docs, func(d string) bool { return strings.Contains(d, m) }) {
			t.Errorf("CONTRIBUTING.md does not explain the message `%s`", m)
		}
	}
	for _, d := range docs {
		if !slices.ContainsFunc(code, func(m string) bool { return strings.Contains(d, m) }) {
			t.Errorf("CONTRIBUTING.md explains `%s`, which the code no longer prints", d)
		}
	}
}
