// Package diag holds the problems a build finds, in the form people and
// editors read: "path:line:col: message (hint)".
//
// Every stage appends to a List instead of stopping at the first problem, so
// one run reports everything that is wrong with the content.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Severity says whether a problem stops the build.
type Severity int

const (
	Error   Severity = iota // the build fails and writes nothing
	Warning                 // reported, but the site is still built
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// A Diagnostic is one problem at one place in one file.
type Diagnostic struct {
	Severity Severity
	// Path is slash-separated and names the file as the user knows it,
	// e.g. "content/events/2025-08-24-x.md".
	Path string
	// Line and Col are 1-based; 0 means unknown.
	Line, Col int
	// Field is the front-matter path of the offending value, such as
	// "people[2].id", for problems found after decoding; the build turns
	// it into Line and Col.
	Field   string
	Message string
	// Hint says how to fix it, in a few words.
	Hint string
	// More is set on a note that stands for problems left out (see
	// Limit): how many there are.
	More int
}

// Pos returns "path:line:col", leaving out what is unknown. The path is
// made Printable, and starts with "./" if it starts with a colon, so that
// no line printed begins with "::", a workflow command in GitHub Actions.
func (d Diagnostic) Pos() string {
	p := Printable(d.Path)
	if strings.HasPrefix(p, ":") {
		p = "./" + p
	}
	switch {
	case d.Line == 0:
		return p
	case d.Col == 0:
		return fmt.Sprintf("%s:%d", p, d.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p, d.Line, d.Col)
}

// Text is the message with its hint, without the position, made Printable.
func (d Diagnostic) Text() string {
	if d.Hint == "" {
		return Printable(d.Message)
	}
	return Printable(d.Message + " (" + d.Hint + ")")
}

func (d Diagnostic) String() string {
	s := d.Pos() + ": "
	if d.Severity == Warning {
		s += "warning: "
	}
	return s + d.Text()
}

// List collects diagnostics from every stage.
type List []Diagnostic

// HasErrors reports whether any diagnostic is an error.
func (l List) HasErrors() bool {
	return slices.ContainsFunc(l, func(d Diagnostic) bool { return d.Severity == Error })
}

// Count returns how many problems of severity s the list holds, counting
// those that notes stand for.
func (l List) Count(s Severity) int {
	n := 0
	for _, d := range l {
		if d.Severity == s {
			n += d.weight()
		}
	}
	return n
}

// Sort orders the list by file, then position, errors before warnings, then
// message, so output is the same on every run whatever order the work
// finished in. A note (More) follows the problems at its position.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b Diagnostic) int {
		return cmp.Or(
			strings.Compare(a.Path, b.Path),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.Severity, b.Severity),
			cmp.Compare(min(a.More, 1), min(b.More, 1)),
			strings.Compare(a.Message, b.Message),
		)
	})
}

// Error lets a List be returned as an error; it prints one line per problem.
func (l List) Error() string {
	lines := make([]string, len(l))
	for i, d := range l {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}
