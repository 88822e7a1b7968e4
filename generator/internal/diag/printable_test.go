package diag

import "testing"

func TestPrintable(t *testing.T) {
	for in, want := range map[string]string{
		"content/events/x.md":        "content/events/x.md",
		"Дмитро Хилюк “quoted”":      "Дмитро Хилюк “quoted”",
		"a\nb\r\tc":                  `a\nb\r\tc`,
		"\x1b[31mred\x1b[0m":         `\x1b[31mred\x1b[0m`,
		"bell\x07 del\x7f nel\u0085": `bell\a del\x7f nel\u0085`,
		"\u202eevil\u2066":           `\u202eevil\u2066`,
		"line\u2028sep":              `line\u2028sep`,
		"non\ufffechar\U0010ffff":    `non\ufffechar\U0010ffff`,
		"bad\xffutf8":                `bad\xffutf8`,
		"##[error]x and # [ok] ##":   `##\[error]x and # [ok] ##`,
		"replacement \ufffd stays":   "replacement \ufffd stays",
	} {
		if got := Printable(in); got != want {
			t.Errorf("Printable(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPosNeverStartsACommand(t *testing.T) {
	d := Diagnostic{Path: "::error::x.md", Line: 1, Message: "m"}
	if got := d.String(); got != "./::error::x.md:1: m" {
		t.Errorf("got %q", got)
	}
}
