// Package annotate writes diagnostics for GitHub Actions: workflow-command
// annotations, which GitHub shows on the line of the file in a pull request,
// and a Markdown table for the job summary.
//
// GitHub shows at most PerStep annotations of each kind (errors, warnings)
// per step and drops the rest silently, so Write annotates that many of each
// and prints the others as plain lines, saying how many there are; the job
// summary always lists every problem.
package annotate

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/exchange-timeline/timeline/generator/internal/diag"
	"github.com/exchange-timeline/timeline/generator/internal/lang"
)

// PerStep is how many annotations of one kind GitHub shows for one step
// (10 errors and 10 warnings; see "Problem Matchers", Limitations, in the
// actions/toolkit documentation).
const PerStep = 10

// EscapeData escapes the message of a workflow command: %, CR and LF.
func EscapeData(s string) string {
	return dataEscaper.Replace(s)
}

// EscapeProperty escapes a property value of a workflow command (file,
// title...): like EscapeData, and also ":" and ",", which separate
// properties.
func EscapeProperty(s string) string {
	return propertyEscaper.Replace(s)
}

var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// Command returns the workflow command for d, without a newline:
//
//	::error file=content/events/x.md,line=5,col=1,title=unknown field "soruces"::unknown field "soruces" (did you mean "sources"?)
//
// The title is the message and the message adds the hint, so each of
// GitHub's views (the log, the checks list, the diff) shows the whole
// problem. Unknown lines and columns are left out. Text from the content
// is made diag.Printable, then escaped as workflow commands require, so a
// file name or a value cannot end the command or start another.
func Command(d diag.Diagnostic) string {
	var b strings.Builder
	b.WriteString("::")
	b.WriteString(d.Severity.String()) // "error" or "warning", as GitHub names them
	props := []string{"file=" + EscapeProperty(diag.Printable(d.Path))}
	if d.Line > 0 {
		props = append(props, fmt.Sprintf("line=%d", d.Line))
		if d.Col > 0 {
			props = append(props, fmt.Sprintf("col=%d", d.Col))
		}
	}
	props = append(props, "title="+EscapeProperty(diag.Printable(d.Message)))
	b.WriteByte(' ')
	b.WriteString(strings.Join(props, ","))
	b.WriteString("::")
	b.WriteString(EscapeData(d.Text()))
	return b.String()
}

// Write prints diags as annotations to w, errors first, at most PerStep of
// each severity. The problems beyond that follow as plain
// "path:line:col: message" lines after a line saying how many there are.
// It returns how many were not annotated.
func Write(w io.Writer, diags diag.List) (int, error) {
	ordered := ErrorsFirst(diags)
	shown := map[diag.Severity]int{}
	var rest diag.List
	for _, d := range ordered {
		if shown[d.Severity] == PerStep {
			rest = append(rest, d)
			continue
		}
		shown[d.Severity]++
		if _, err := fmt.Fprintln(w, Command(d)); err != nil {
			return 0, err
		}
	}
	if len(rest) == 0 {
		return 0, nil
	}
	if _, err := fmt.Fprintf(w, "%s not shown as annotations (GitHub shows %d errors and %d warnings per step); all are in the job summary:\n",
		lang.Count(len(rest), "more problem", "more problems"), PerStep, PerStep); err != nil {
		return 0, err
	}
	for _, d := range rest {
		if _, err := fmt.Fprintln(w, d); err != nil {
			return 0, err
		}
	}
	return len(rest), nil
}

// ErrorsFirst returns a copy of diags with the errors before the warnings,
// each in their original order.
func ErrorsFirst(diags diag.List) diag.List {
	out := make(diag.List, 0, len(diags))
	for _, sev := range []diag.Severity{diag.Error, diag.Warning} {
		for _, d := range diags {
			if d.Severity == sev {
				out = append(out, d)
			}
		}
	}
	return out
}

// MaxSummaryRows bounds the summary table: GitHub accepts at most 1 MiB of
// summary per step.
const MaxSummaryRows = 2000

// Summary writes a Markdown report of diags for the job summary: a heading,
// the totals and, when there are any, a table of every problem, errors
// first.
func Summary(w io.Writer, heading string, diags diag.List) error {
	var b strings.Builder
	fmt.Fprintf(&b, "### %s\n\n", heading)
	errs, warns := diags.Count(diag.Error), diags.Count(diag.Warning)
	switch {
	case errs == 0 && warns == 0:
		b.WriteString("No errors, no warnings.\n")
	case errs == 0:
		fmt.Fprintf(&b, "No errors; %s to look at.\n", lang.Count(warns, "warning", "warnings"))
	default:
		fmt.Fprintf(&b, "%s and %s. Each row says where the problem is and how to fix it.\n",
			lang.Count(errs, "error", "errors"), lang.Count(warns, "warning", "warnings"))
	}
	if len(diags) > 0 {
		b.WriteString("\n| | file | line | problem |\n| --- | --- | ---: | --- |\n")
		for i, d := range ErrorsFirst(diags) {
			if i == MaxSummaryRows {
				fmt.Fprintf(&b, "\n…and %s, not listed here; run `timeline check` to see them all.\n", lang.Count(len(diags)-i, "more problem", "more problems"))
				break
			}
			icon := "❌ error"
			if d.Severity == diag.Warning {
				icon = "⚠️ warning"
			}
			line := ""
			if d.Line > 0 {
				line = fmt.Sprint(d.Line)
				if d.Col > 0 {
					line += fmt.Sprintf(":%d", d.Col)
				}
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", icon, Cell(diag.Printable(d.Path)), line, Cell(d.Text()))
		}
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// Cell makes s safe inside a cell of a Markdown table: one line, with the
// characters that Markdown or HTML would interpret escaped.
func Cell(s string) string {
	return cellEscaper.Replace(s)
}

var cellEscaper = func() *strings.Replacer {
	var pairs []string
	for _, c := range "\\`*_[]<>|~&#!" {
		pairs = append(pairs, string(c), "\\"+string(c))
	}
	return strings.NewReplacer(append(pairs, "\r\n", " ", "\n", " ", "\r", " ")...)
}()

// RelativePath makes an absolute path relative to the workspace (GitHub's
// $GITHUB_WORKSPACE), as annotations need; other paths are returned as they
// are.
func RelativePath(path, workspace string) string {
	if workspace == "" || !filepath.IsAbs(path) {
		return path
	}
	rel, err := filepath.Rel(workspace, path)
	if err != nil || strings.HasPrefix(rel, "..") {
		return path
	}
	return filepath.ToSlash(rel)
}
