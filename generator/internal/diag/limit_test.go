package diag

import (
	"fmt"
	"strings"
	"testing"
)

func TestLimit(t *testing.T) {
	var l List
	for i := range 10_000 {
		l = append(l, Diagnostic{Path: "a.md", Line: 5 + i, Col: 3, Message: fmt.Sprintf("tag %q is listed twice", fmt.Sprint("t", i))})
	}
	l = append(l, Diagnostic{Path: "a.md", Line: 2, Col: 1, Message: `unknown field "x"`})
	l = append(l, Diagnostic{Path: "a.md", Line: 1, Col: 1, Severity: Warning, Message: `source "a" has no date`})
	l.Sort()
	got := l.Limit("content")
	var lines []string
	for _, d := range got {
		lines = append(lines, d.String())
	}
	want := []string{
		"a.md:1:1: warning: source \"a\" has no date",
		"a.md:2:1: unknown field \"x\"",
		"a.md:5:3: tag \"t0\" is listed twice",
		"a.md:6:3: tag \"t1\" is listed twice",
		"a.md:7:3: tag \"t2\" is listed twice",
		"a.md:8:3: tag \"t3\" is listed twice",
		"a.md:9:3: tag \"t4\" is listed twice",
		"a.md:10:3: tag \"t5\" is listed twice",
		"a.md:11:3: tag \"t6\" is listed twice",
		"a.md:12:3: tag \"t7\" is listed twice",
		"a.md:13:3: tag \"t8\" is listed twice",
		"a.md:14:3: tag \"t9\" is listed twice",
		"a.md:14:3: … and 9,990 more like this",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s", strings.Join(lines, "\n"))
	}
	if got.Count(Error) != 10_001 || got.Count(Warning) != 1 {
		t.Errorf("counts %d errors, %d warnings", got.Count(Error), got.Count(Warning))
	}
}

func TestLimitPerFileAndRun(t *testing.T) {
	var l List
	for f := range 20 {
		for i := range 60 {
			l = append(l, Diagnostic{Path: fmt.Sprintf("f%02d.md", f), Line: i + 1, Message: fmt.Sprintf("problem of kind %c", 'a'+rune(i%26))})
		}
	}
	l.Sort()
	got := l.Limit("content")
	if n := len(got); n != MaxPerRun+10+1 {
		// 500 shown: ten files of 50, each with its note; the run note.
		t.Errorf("%d lines", n)
	}
	last := got[len(got)-1].String()
	if last != "content: … and 600 more errors in 10 files, not shown" {
		t.Errorf("run note %q", last)
	}
	if s := got[50].String(); s != "f00.md:50: … and 10 more errors in this file" {
		t.Errorf("file note %q", s)
	}
	if got.Count(Error) != 1200 {
		t.Errorf("count %d", got.Count(Error))
	}
}
