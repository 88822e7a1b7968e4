package diag

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Printable makes text from content (file names, values quoted in
// messages) safe to print on a terminal or in a CI log, where it could
// otherwise forge lines or run escape codes. It writes as Go escapes the
// characters that move the cursor, colour or reorder text, or end a line:
// C0 and C1 controls and DEL (\n, \x1b, \u0085), line and paragraph
// separators, bidirectional controls and non-characters. It also breaks
// "##[", which GitHub Actions reads anywhere in a line as a command.
// Invalid UTF-8 becomes \xNN.
func Printable(s string) string {
	if isPrintable(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString(`\x` + strconv.FormatUint(uint64(s[i]), 16))
		case unsafeRune(r):
			q := strconv.QuoteRuneToASCII(r) // '\n', '\x1b', '\u202e'
			b.WriteString(q[1 : len(q)-1])
		case r == '[' && strings.HasSuffix(s[:i], "##"):
			b.WriteString(`\[`)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func isPrintable(s string) bool {
	for i, r := range s {
		if r == utf8.RuneError || unsafeRune(r) || r == '[' && strings.HasSuffix(s[:i], "##") {
			return false
		}
	}
	return true
}

// unsafeRune reports the characters Printable escapes.
func unsafeRune(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, 0x80 <= r && r <= 0x9f:
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f, 0x202a <= r && r <= 0x202e, 0x2066 <= r && r <= 0x2069:
		return true // bidirectional marks, embeddings, overrides and isolates
	case r == 0x2028, r == 0x2029:
		return true
	}
	return IsNonCharacter(r)
}

// IsNonCharacter reports the 66 code points Unicode reserves for a
// program's internal use, never for text: U+FDD0–U+FDEF and the last two of
// every plane.
func IsNonCharacter(r rune) bool {
	return 0xfdd0 <= r && r <= 0xfdef || r&0xfffe == 0xfffe && r <= utf8.MaxRune
}
