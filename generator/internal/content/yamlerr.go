package content

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v3"
)

// The YAML parser stops at the first mistake, but the line it names is
// often not the mistake's: it may be where the list or the quote began, or
// the line before, and it never names a column. So the line is found
// again, by parsing ever shorter beginnings of the block: the mistake is on
// the first line whose beginning no longer parses (a beginning that only
// lacks an end, such as a quote closed on a later line, still counts as
// parsing). Then the line itself is read to name the mistake, its column
// and its fix. This runs only for a block that does not parse, and parses
// it about log2(lines) times.

// yamlMistake is a syntax error at a line and column of the block.
type yamlMistake struct {
	line, col int
	msg, hint string
}

// at places m on line n, text l, at the character that starts at byte i.
func (m yamlMistake) at(n int, l string, i int) yamlMistake {
	m.line, m.col = n, col(l, i)
	return m
}

var yamlErrLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlMessage is the parser's message without "yaml: line N: ".
func yamlMessage(err error) string {
	if m := yamlErrLine.FindStringSubmatch(err.Error()); m != nil {
		return m[2]
	}
	return strings.TrimPrefix(err.Error(), "yaml: ")
}

// unfinished reports a message about input that stopped too early: what
// the beginning of a valid block can get.
func unfinished(msg string) bool {
	return strings.Contains(msg, "unexpected end of stream") || strings.Contains(msg, "expected node content") ||
		strings.Contains(msg, "did not find expected ',' or")
}

// findYAMLMistake locates and explains the error err that parsing block
// gave.
func findYAMLMistake(block []byte, err error) yamlMistake {
	lines := strings.Split(string(block), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	msg := yamlMessage(err)
	line := 0
	if unfinished(msg) {
		line = unclosedLine(lines) // a quote or bracket never closed
	}
	if line == 0 {
		line = firstBadLine(lines)
	}
	return explainLine(lines, line, msg)
}

// firstBadLine returns the first line n (1-based) such that lines 1..n do
// not parse, unfinished input aside. Beyond the first mistake every
// beginning fails, so a binary search finds it.
func firstBadLine(lines []string) int {
	bad := func(n int) bool {
		err := yaml.Unmarshal([]byte(strings.Join(lines[:n], "\n")), new(yaml.Node))
		return err != nil && (n == len(lines) || !unfinished(yamlMessage(err)))
	}
	lo, hi := 0, len(lines) // lines[:lo] parse; lines[:hi] do not
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if bad(mid) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi
}

// unclosedLine returns the line of a quoted value or a [ or { list that is
// never closed, or 0. A quote opens only where a value or a list item
// starts: elsewhere it is a letter ("it's").
func unclosedLine(lines []string) int {
	openedAt, depth := 0, 0
	var quote byte
	for n, l := range lines {
		i := 0
		if quote == 0 && depth == 0 {
			start, ok := valueStart(l)
			if !ok {
				continue
			}
			i = start
		}
		itemStart := quote == 0 && depth == 0
	scan:
		for ; i < len(l); i++ {
			c := l[i]
			switch {
			case quote == '"' && c == '\\':
				i++
			case quote != 0:
				if c == quote && quote == '\'' && i+1 < len(l) && l[i+1] == '\'' {
					i++ // '' is an apostrophe inside '…'
				} else if c == quote {
					quote = 0
					if depth == 0 {
						break scan // the value is complete
					}
				}
			case (c == '"' || c == '\'') && itemStart:
				quote, openedAt = c, n+1
			case c == '#' && (i == 0 || l[i-1] == ' '):
				break scan // a comment
			case c == '[' || c == '{':
				if depth == 0 {
					openedAt = n + 1
				}
				depth++
			case (c == ']' || c == '}') && depth > 0:
				depth--
				if depth == 0 {
					break scan
				}
			}
			if c != ' ' {
				itemStart = depth > 0 && strings.IndexByte("[{,:", c) >= 0
			}
		}
	}
	if quote != 0 || depth > 0 {
		return openedAt
	}
	return 0
}

// valueStart returns where a line's value starts: after "key: " and "- ",
// or false when the line has no value that could open a quote or a list.
func valueStart(l string) (int, bool) {
	i := len(l) - len(strings.TrimLeft(l, " "))
	for strings.HasPrefix(l[i:], "- ") {
		i += 2
		i += len(l[i:]) - len(strings.TrimLeft(l[i:], " "))
	}
	if i < len(l) && strings.ContainsRune(`"'[{`, rune(l[i])) {
		return i, true
	}
	if k := keyEnd(l[i:]); k >= 0 {
		j := i + k + 1
		j += len(l[j:]) - len(strings.TrimLeft(l[j:], " "))
		return j, j < len(l)
	}
	return 0, false
}

// keyEnd returns the index of the colon that ends a plain key at the start
// of s ("title: x", "title:"), or -1.
func keyEnd(s string) int {
	if s == "" || strings.ContainsRune(`"'[{#&*!|>%@`+"`", rune(s[0])) {
		return -1
	}
	for i := 0; i < len(s); i++ {
		if s[i] == ':' && (i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\t') {
			return i
		}
		if s[i] == ' ' && i+1 < len(s) && s[i+1] == '#' {
			return -1
		}
	}
	return -1
}

// lineShape is what one line of block YAML holds.
type lineShape struct {
	indent int    // leading spaces
	dash   int    // column of "- ", or 0
	key    string // the field name, or ""
	keyCol int    // column of the key, or of the item's value
	value  string // what follows "key: ", or the item
}

func shapeOf(l string) lineShape {
	var s lineShape
	s.indent = len(l) - len(strings.TrimLeft(l, " "))
	i := s.indent
	for strings.HasPrefix(l[i:], "- ") || l[i:] == "-" {
		s.dash = col(l, i)
		i++
		i += len(l[i:]) - len(strings.TrimLeft(l[i:], " "))
	}
	s.keyCol = col(l, i)
	if k := keyEnd(l[i:]); k >= 0 {
		s.key = l[i : i+k]
		i += k + 1
		i += len(l[i:]) - len(strings.TrimLeft(l[i:], " "))
	}
	s.value = l[i:]
	return s
}

// col is the 1-based column, in characters, of byte i of l.
func col(l string, i int) int {
	return utf8.RuneCountInString(l[:i]) + 1
}

// content reports whether a line holds something: not blank, not only a
// comment.
func content(l string) bool {
	t := strings.TrimSpace(l)
	return t != "" && !strings.HasPrefix(t, "#")
}

// explainLine names the mistake on line n (1-based) of lines; msg is the
// parser's message, used when the line shows nothing more telling.
func explainLine(lines []string, n int, msg string) yamlMistake {
	if n < 1 || n > len(lines) {
		n = len(lines)
	}
	l := lines[n-1]
	lead := l[:len(l)-len(strings.TrimLeftFunc(l, unicode.IsSpace))]
	if i := strings.IndexByte(lead, '\t'); i >= 0 {
		return yamlMistake{msg: "a tab indents this line", hint: "indent with spaces, not tabs"}.at(n, l, i)
	}
	s := shapeOf(l)
	v := s.value
	vi := len(l) - len(v)
	switch {
	case strings.HasPrefix(strings.TrimLeft(l, " "), "%"):
		return yamlMistake{msg: "a line cannot start with %", hint: "put the value in double quotes"}.at(n, l, s.indent)
	case v != "" && strings.ContainsRune("“”‘’«„", firstRune(v)):
		return yamlMistake{msg: "the value starts with a curly quote, which YAML reads as a letter",
			hint: `put the whole value in straight double quotes "…"; curly quotes may stay inside them`}.at(n, l, vi)
	case strings.HasPrefix(v, `"`) || strings.HasPrefix(v, "'"):
		if m, ok := explainQuoted(l, vi, msg); ok {
			return m.at(n, l, m.col)
		}
	case strings.HasPrefix(v, "[") || strings.HasPrefix(v, "{"):
		if m, ok := explainFlow(l, vi); ok {
			return m.at(n, l, m.col)
		}
	case v != "" && strings.ContainsRune("@`*&!", rune(v[0])):
		// @ and ` are reserved; *, & and ! start an alias, an anchor or a tag.
		return yamlMistake{msg: fmt.Sprintf("a value cannot start with %c", v[0]), hint: "put the value in double quotes"}.at(n, l, vi)
	}
	if strings.Contains(msg, "unknown escape") {
		if i := badEscape(l); i >= 0 {
			return yamlMistake{msg: `a backslash in "…" starts an escape such as \n`,
				hint: `write \\ for a backslash, or put the value in single quotes '…'`}.at(n, l, i)
		}
	}
	if s.key != "" {
		if i := strings.Index(v, ": "); i >= 0 && !strings.HasPrefix(v, `"`) && !strings.HasPrefix(v, "'") {
			return yamlMistake{msg: `the value contains ": "`, hint: "put the value in double quotes"}.at(n, l, vi+i)
		}
	}
	if m, ok := explainIndent(lines, n, s); ok {
		return m
	}
	if s.key == "" && s.dash == 0 && strings.Contains(msg, "could not find expected ':'") {
		t := strings.TrimLeft(l, " ")
		if i := strings.IndexByte(t, ':'); i > 0 && i+1 < len(t) && t[i+1] != ' ' && !strings.Contains(t[:i], " ") {
			return yamlMistake{msg: "a colon needs a space after it", hint: fmt.Sprintf("write %s: %s", t[:i], t[i+1:])}.at(n, l, s.indent+i+1)
		}
		hint := "write field: value; a value that goes on over several lines is indented under its field"
		if p := previousContent(lines, n); p > 0 {
			if ps := shapeOf(lines[p-1]); ps.key != "" && strings.ContainsAny(ps.value, "|>") && len(strings.Trim(ps.value, "|>-+0123456789 ")) == 0 {
				hint = fmt.Sprintf("the text of %s: %s goes on the lines after it, indented by two spaces", ps.key, ps.value)
			}
		}
		return yamlMistake{msg: "this line is not a field: it has no colon", hint: hint}.at(n, l, s.indent)
	}
	return yamlMistake{msg: "the YAML front matter cannot be read: " + msg,
		hint: "compare the line with the examples in CONTRIBUTING.md"}.at(n, l, s.indent)
}

// explainIndent explains a line whose indentation fits no field above it.
func explainIndent(lines []string, n int, s lineShape) (yamlMistake, bool) {
	prev := previousContent(lines, n)
	if prev == 0 || s.key == "" && s.dash == 0 {
		return yamlMistake{}, false
	}
	ps := shapeOf(lines[prev-1])
	c := s.indent + 1
	name := s.key
	if s.dash > 0 {
		name = "this item"
	}
	mistake := func(m yamlMistake) (yamlMistake, bool) {
		m.line, m.col = n, c
		return m, true
	}
	switch {
	case s.dash > 0 && ps.dash == 0 && ps.key != "" && ps.value != "" && c <= ps.keyCol:
		return mistake(yamlMistake{msg: "a list item where a field was expected",
			hint: "a list goes under a field that takes a list, like tags:, on the lines after it, indented"})
	case ps.key != "" && ps.value != "" && c > ps.keyCol:
		return mistake(yamlMistake{msg: "this line is indented more than the line above",
			hint: fmt.Sprintf("line %s up with %s, in column %d", name, ps.key, ps.keyCol)})
	case c < ps.keyCol:
		// The intended column is that of the fields of the item this
		// line follows: the first field after its "- ".
		target, under := ps.keyCol, ps.key
		for p := prev; p >= 1; p-- {
			if t := shapeOf(lines[p-1]); content(lines[p-1]) && t.dash > 0 && t.dash <= c {
				if t.dash == c || c > t.dash {
					target, under = t.keyCol, t.key
				}
				break
			}
		}
		hint := fmt.Sprintf("indent %s to column %d, under %s", name, target, under)
		if under == "" {
			hint = fmt.Sprintf("indent %s to column %d", name, target)
		}
		return mistake(yamlMistake{msg: "this line is not lined up with the fields above", hint: hint})
	}
	return yamlMistake{}, false
}

// previousContent returns the last line before n that holds something,
// or 0.
func previousContent(lines []string, n int) int {
	for p := n - 1; p >= 1; p-- {
		if content(lines[p-1]) {
			return p
		}
	}
	return 0
}

// explainQuoted explains a quoted value that is never closed, or one
// closed before the line ends; vi is where the value starts. The mistake's
// col is a byte index into l until it is placed (yamlMistake.at).
func explainQuoted(l string, vi int, msg string) (yamlMistake, bool) {
	q := l[vi]
	end := closingQuote(l, vi)
	if end < 0 {
		if unfinished(msg) {
			return yamlMistake{col: vi, msg: "the quoted value is never closed", hint: fmt.Sprintf("add the closing %c at the end of the value", q)}, true
		}
		return yamlMistake{}, false
	}
	rest := strings.TrimLeft(l[end+1:], " ")
	if rest == "" || strings.HasPrefix(rest, "#") {
		return yamlMistake{}, false
	}
	if q == '"' {
		return yamlMistake{col: end, msg: "the quoted value ends at this quote, before the end of the line",
			hint: `write \" for a quote inside "…", or put the value in single quotes '…'`}, true
	}
	return yamlMistake{col: end, msg: "the quoted value ends at this apostrophe, before the end of the line",
		hint: `write '' (two apostrophes) for one inside '…', or put the value in double quotes "…"`}, true
}

// closingQuote returns the index of the quote that closes the one at
// l[start], or -1.
func closingQuote(l string, start int) int {
	q := l[start]
	for i := start + 1; i < len(l); i++ {
		switch {
		case q == '"' && l[i] == '\\':
			i++
		case l[i] == q && q == '\'' && i+1 < len(l) && l[i+1] == '\'':
			i++
		case l[i] == q:
			return i
		}
	}
	return -1
}

// explainFlow explains a [ list or { set of fields written on one line
// that is never closed, or is followed by more text; vi is where it starts.
func explainFlow(l string, vi int) (yamlMistake, bool) {
	depth := 0
	for i := vi; i < len(l); i++ {
		switch c := l[i]; c {
		case '"', '\'':
			end := closingQuote(l, i)
			if end < 0 {
				return yamlMistake{col: i, msg: "the quoted value is never closed", hint: fmt.Sprintf("add the closing %c at the end of the value", c)}, true
			}
			i = end
		case '[', '{':
			depth++
		case ']', '}':
			depth--
			if depth < 0 {
				return yamlMistake{col: i, msg: fmt.Sprintf("this %c closes nothing", c), hint: "remove it, or put the whole value in double quotes"}, true
			}
			if depth == 0 {
				if rest := strings.TrimLeft(l[i+1:], " "); rest != "" && !strings.HasPrefix(rest, "#") {
					if strings.HasPrefix(rest, "]") || strings.HasPrefix(rest, "}") {
						j := len(l) - len(rest)
						return yamlMistake{col: j, msg: fmt.Sprintf("this %c closes nothing", rest[0]), hint: "remove it"}, true
					}
					return yamlMistake{col: vi, msg: fmt.Sprintf("a value starting with %c is read as a list", l[vi]),
						hint: "put the whole value in double quotes"}, true
				}
				return yamlMistake{}, false
			}
		}
	}
	if l[vi] == '[' {
		return yamlMistake{col: vi, msg: "the list opened by [ is never closed", hint: "add ] after the last item"}, true
	}
	return yamlMistake{col: vi, msg: "the set of fields opened by { is never closed", hint: "add } after the last field"}, true
}

// badEscape returns the index of a backslash that starts no YAML escape
// inside a double-quoted value, or -1.
func badEscape(l string) int {
	in := false
	for i := 0; i < len(l); i++ {
		switch {
		case l[i] == '"':
			in = !in
		case in && l[i] == '\\' && i+1 < len(l):
			if !strings.ContainsRune(`0abt	nvfre "/\N_LPxuU`, rune(l[i+1])) {
				return i
			}
			i++
		}
	}
	return -1
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
