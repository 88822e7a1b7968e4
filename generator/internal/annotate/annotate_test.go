package annotate

import (
	"fmt"
	"strings"
	"testing"

	"github.com/exchange-timeline/timeline/generator/internal/diag"
)

func TestEscape(t *testing.T) {
	in := "50% off: a, b\r\nnext\rline\n"
	if got, want := EscapeData(in), "50%25 off: a, b%0D%0Anext%0Dline%0A"; got != want {
		t.Errorf("EscapeData = %q, want %q", got, want)
	}
	if got, want := EscapeProperty(in), "50%25 off%3A a%2C b%0D%0Anext%0Dline%0A"; got != want {
		t.Errorf("EscapeProperty = %q, want %q", got, want)
	}
	// "%" is escaped first, so an escape sequence in the input survives as
	// text instead of being decoded by GitHub.
	if got, want := EscapeData("%0A"), "%250A"; got != want {
		t.Errorf("EscapeData = %q, want %q", got, want)
	}
}

func TestCommand(t *testing.T) {
	for _, tc := range []struct {
		d    diag.Diagnostic
		want string
	}{
		{
			diag.Diagnostic{Path: "content/events/2025-08-24-x.md", Line: 5, Col: 1,
				Message: `unknown field "soruces"`, Hint: `did you mean "sources"?`},
			`::error file=content/events/2025-08-24-x.md,line=5,col=1,title=unknown field "soruces"::unknown field "soruces" (did you mean "sources"?)`,
		},
		{
			diag.Diagnostic{Severity: diag.Warning, Path: "content/people/a.md", Line: 1, Col: 1,
				Message: "person appears in no event"},
			`::warning file=content/people/a.md,line=1,col=1,title=person appears in no event::person appears in no event`,
		},
		{ // unknown column, then unknown line
			diag.Diagnostic{Path: "a.md", Line: 3, Message: "m"},
			`::error file=a.md,line=3,title=m::m`,
		},
		{
			diag.Diagnostic{Path: "a.md", Message: "m"},
			`::error file=a.md,title=m::m`,
		},
		{ // commas, colons, percent signs and line breaks in a path, a title and a message
			diag.Diagnostic{Path: "content/events/a,b:c%.md", Line: 2, Col: 7,
				Message: "the YAML front matter cannot be read: line 2: mapping values, 100%\nhere", Hint: "quote it: \"a: b\""},
			`::error file=content/events/a%2Cb%3Ac%25.md,line=2,col=7,title=the YAML front matter cannot be read%3A line 2%3A mapping values%2C 100%25\nhere` +
				`::the YAML front matter cannot be read: line 2: mapping values, 100%25\nhere (quote it: "a: b")`,
		},
		{ // a file name that would forge a command, and terminal escape codes
			diag.Diagnostic{Path: "content/events/x\n::error::forged\x1b[2J.md", Line: 1, Col: 1,
				Message: "unknown field \"##[error]forged\u202e\""},
			`::error file=content/events/x\n%3A%3Aerror%3A%3Aforged\x1b[2J.md,line=1,col=1,title=unknown field "##\[error]forged\u202e"` +
				`::unknown field "##\[error]forged\u202e"`,
		},
	} {
		if got := Command(tc.d); got != tc.want {
			t.Errorf("Command(%v)\n got %s\nwant %s", tc.d, got, tc.want)
		}
	}
}

func many(sev diag.Severity, n int, prefix string) diag.List {
	var l diag.List
	for i := 1; i <= n; i++ {
		l = append(l, diag.Diagnostic{Severity: sev, Path: fmt.Sprintf("%s%02d.md", prefix, i), Line: i, Col: 1, Message: "problem"})
	}
	return l
}

func TestWriteLimit(t *testing.T) {
	// 12 errors and 11 warnings, warnings first in the input: the output
	// annotates 10 errors, then 10 warnings, then lists the remaining
	// 2 errors and 1 warning as plain lines.
	diags := append(many(diag.Warning, 11, "w"), many(diag.Error, 12, "e")...)
	var b strings.Builder
	rest, err := Write(&b, diags)
	if err != nil {
		t.Fatal(err)
	}
	if rest != 3 {
		t.Errorf("Write returned %d not annotated, want 3", rest)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != 10+10+1+3 {
		t.Fatalf("got %d lines:\n%s", len(lines), b.String())
	}
	for i, l := range lines[:10] {
		if want := fmt.Sprintf("::error file=e%02d.md,", i+1); !strings.HasPrefix(l, want) {
			t.Errorf("line %d = %q, want prefix %q", i+1, l, want)
		}
	}
	for i, l := range lines[10:20] {
		if want := fmt.Sprintf("::warning file=w%02d.md,", i+1); !strings.HasPrefix(l, want) {
			t.Errorf("line %d = %q, want prefix %q", i+11, l, want)
		}
	}
	if want := "3 more problems not shown as annotations (GitHub shows 10 errors and 10 warnings per step); all are in the job summary:"; lines[20] != want {
		t.Errorf("got %q\nwant %q", lines[20], want)
	}
	for i, want := range []string{"e11.md:11:1: problem", "e12.md:12:1: problem", "w11.md:11:1: warning: problem"} {
		if lines[21+i] != want {
			t.Errorf("plain line %d = %q, want %q", i+1, lines[21+i], want)
		}
	}

	// Exactly ten of each: nothing more to say.
	b.Reset()
	if rest, _ := Write(&b, append(many(diag.Error, 10, "e"), many(diag.Warning, 10, "w")...)); rest != 0 || strings.Count(b.String(), "\n") != 20 {
		t.Errorf("ten of each: %d not annotated, output:\n%s", rest, b.String())
	}
	b.Reset()
	if rest, _ := Write(&b, nil); rest != 0 || b.Len() != 0 {
		t.Errorf("no problems: %d, %q", rest, b.String())
	}
}

func TestSummary(t *testing.T) {
	diags := diag.List{
		{Severity: diag.Warning, Path: "content/people/a.md", Line: 1, Col: 1, Message: "person a appears in no event", Hint: "add them to an event's people"},
		{Path: "content/events/2025-01-01-x.md", Line: 4, Col: 7, Message: `unknown kind "swap|trade"`, Hint: "one of exchange, repatriation"},
		{Path: "content/events/2025-01-01-x.md", Message: "the file is empty <b>\nreally"},
	}
	var b strings.Builder
	if err := Summary(&b, "timeline check: content", diags); err != nil {
		t.Fatal(err)
	}
	want := "### timeline check: content\n\n" +
		"2 errors and 1 warning. Each row says where the problem is and how to fix it.\n\n" +
		"| | file | line | problem |\n| --- | --- | ---: | --- |\n" +
		"| ❌ error | content/events/2025-01-01-x.md | 4:7 | unknown kind \"swap\\|trade\" (one of exchange, repatriation) |\n" +
		"| ❌ error | content/events/2025-01-01-x.md |  | the file is empty \\<b\\>\\\\nreally |\n" +
		"| ⚠️ warning | content/people/a.md | 1:1 | person a appears in no event (add them to an event's people) |\n\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}

	b.Reset()
	Summary(&b, "h", nil)
	if want := "### h\n\nNo errors, no warnings.\n\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
	b.Reset()
	Summary(&b, "h", diags[:1])
	if !strings.Contains(b.String(), "No errors; 1 warning to look at.\n") {
		t.Errorf("got %q", b.String())
	}

	// A huge list is cut short, saying how many rows are missing.
	b.Reset()
	Summary(&b, "h", many(diag.Error, MaxSummaryRows+5, "e"))
	if got := strings.Count(b.String(), "| ❌ error |"); got != MaxSummaryRows {
		t.Errorf("%d rows, want %d", got, MaxSummaryRows)
	}
	if !strings.Contains(b.String(), "…and 5 more problems, not listed here") {
		t.Errorf("no note of the missing rows")
	}
}

func TestCell(t *testing.T) {
	if got, want := Cell("a|b_c*d`e\\f\ng <x> & [l](u) #1 ~s~ !"), `a\|b\_c\*d\`+"`"+`e\\f g \<x\> \& \[l\](u) \#1 \~s\~ \!`; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestRelativePath(t *testing.T) {
	for _, tc := range [][3]string{
		{"/home/runner/work/r/r/content/a.md", "/home/runner/work/r/r", "content/a.md"},
		{"content/a.md", "/home/runner/work/r/r", "content/a.md"},
		{"/elsewhere/content/a.md", "/home/runner/work/r/r", "/elsewhere/content/a.md"},
		{"/x/content/a.md", "", "/x/content/a.md"},
	} {
		if got := RelativePath(tc[0], tc[1]); got != tc[2] {
			t.Errorf("RelativePath(%q, %q) = %q, want %q", tc[0], tc[1], got, tc[2])
		}
	}
}
