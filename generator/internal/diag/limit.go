package diag

import (
	"fmt"
	"strings"

	"github.com/exchange-timeline/timeline/generator/internal/lang"
)

// Bounds on what one run prints: a file with ten thousand copies of one
// mistake gets ten lines and a count, not ten thousand lines. Every problem
// is still counted (Count), and any error still fails the build.
const (
	MaxPerKind = 10  // problems of one kind in one file ("tag … is listed twice")
	MaxPerFile = 50  // problems of one severity in one file
	MaxPerRun  = 500 // problems of one severity in the whole run
)

// Limit returns the sorted list l with at most MaxPerKind problems of one
// kind and MaxPerFile of one severity in each file, and MaxPerRun of one
// severity in all. The problems left out are stood for by notes ("… and
// 9,990 more like this"), each after the last problem shown that it
// follows, whose More says how many they stand for; the notes for the whole
// run come last, at path. Two problems are of one kind when their messages
// differ only in quoted values and numbers.
func (l List) Limit(path string) List {
	type fileKey struct {
		path string
		sev  Severity
	}
	type kindKey struct {
		fileKey
		kind string
	}
	var (
		shown     = map[kindKey]int{}
		perFile   = map[fileKey]int{}
		perRun    = map[Severity]int{}
		lastKind  = map[kindKey]Diagnostic{}
		lastFile  = map[fileKey]Diagnostic{}
		kindNotes = map[kindKey]*Diagnostic{}
		fileNotes = map[fileKey]*Diagnostic{}
		runNotes  = map[Severity]*Diagnostic{}
		runFiles  = map[Severity]map[string]bool{}
		out       List
	)
	for _, d := range l {
		fk := fileKey{d.Path, d.Severity}
		kk := kindKey{fk, kindOf(d.Message)}
		switch {
		case shown[kk] == MaxPerKind:
			if kindNotes[kk] == nil {
				kindNotes[kk] = noteAt(lastKind[kk])
			}
			kindNotes[kk].More += d.weight()
		case perFile[fk] == MaxPerFile:
			if fileNotes[fk] == nil {
				fileNotes[fk] = noteAt(lastFile[fk])
			}
			fileNotes[fk].More += d.weight()
		case perRun[d.Severity] == MaxPerRun:
			if runNotes[d.Severity] == nil {
				runNotes[d.Severity] = &Diagnostic{Severity: d.Severity, Path: path}
				runFiles[d.Severity] = map[string]bool{}
			}
			runNotes[d.Severity].More += d.weight()
			runFiles[d.Severity][d.Path] = true
		default:
			shown[kk]++
			perFile[fk]++
			perRun[d.Severity]++
			lastKind[kk], lastFile[fk] = d, d
			out = append(out, d)
		}
	}
	for _, n := range kindNotes {
		n.Message = fmt.Sprintf("… and %s more like this", lang.Number(n.More))
		out = append(out, *n)
	}
	for _, n := range fileNotes {
		n.Message = fmt.Sprintf("… and %s in this file", lang.Count(n.More, "more "+n.Severity.String(), "more "+n.Severity.String()+"s"))
		out = append(out, *n)
	}
	out.Sort()
	for _, sev := range []Severity{Error, Warning} {
		if n := runNotes[sev]; n != nil {
			n.Message = fmt.Sprintf("… and %s in %s, not shown", lang.Count(n.More, "more "+sev.String(), "more "+sev.String()+"s"),
				lang.Count(len(runFiles[sev]), "file", "files"))
			out = append(out, *n)
		}
	}
	return out
}

// noteAt starts a note placed just after d.
func noteAt(d Diagnostic) *Diagnostic {
	return &Diagnostic{Severity: d.Severity, Path: d.Path, Line: d.Line, Col: d.Col, Field: d.Field}
}

// weight is how many problems d stands for.
func (d Diagnostic) weight() int {
	return max(d.More, 1)
}

// kindOf is a message with its quoted values and numbers left out:
// `tag "x" is listed twice` and `tag "y" is listed twice` are one kind.
func kindOf(msg string) string {
	var b strings.Builder
	for i := 0; i < len(msg); i++ {
		switch c := msg[i]; {
		case c == '"':
			b.WriteString(`"…"`)
			for i++; i < len(msg) && msg[i] != '"'; i++ {
				if msg[i] == '\\' {
					i++
				}
			}
		case '0' <= c && c <= '9':
			b.WriteByte('#')
			for i+1 < len(msg) && '0' <= msg[i+1] && msg[i+1] <= '9' {
				i++
			}
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
