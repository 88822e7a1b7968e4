package content

import (
	"strings"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v3"
)

// fastYAML parses the YAML that content files are written in, nearly
// always: block mappings and sequences, scalars on one line (plain,
// 'single' or "double" quoted without escapes other than \" and \\), flow
// sequences of such scalars on one line ([a, b]), and comments. It builds
// the same node tree as yaml.v3 (kinds, styles, tags, values, lines and
// columns; comments are left out, as the decoder reads none), in a
// fraction of the time and with far fewer allocations. Anything else
// (block scalars, multi-line scalars, anchors, tags, flow mappings, empty
// values, tabs, errors) makes it give up, and ok is false: yaml.v3 then
// parses the block, and reports any error. A differential test and a fuzz
// test hold the two parsers to the same trees.
func fastYAML(data []byte) (root *yaml.Node, ok bool) {
	p := yamlLines{src: string(data)}
	if !p.split() {
		return nil, false
	}
	if len(p.lines) == 0 {
		return nil, true
	}
	if p.lines[0].indent != 0 {
		return nil, false
	}
	n, ok := p.block(0)
	if !ok || p.next != len(p.lines) {
		return nil, false
	}
	return n, true
}

// yamlLine is one line of the block that is neither blank nor a comment.
type yamlLine struct {
	number int // from 1
	indent int // leading spaces
	// text is what follows the indent, its comment and trailing spaces cut
	// off where that is certain; see split.
	text string
}

type yamlLines struct {
	src   string
	lines []yamlLine
	next  int         // the line being parsed
	slab  []yaml.Node // nodes are taken from here, to allocate them in few blocks
}

// node returns a new node. Nodes come from blocks sized for the file:
// the tree is read once and dropped, so one block is not kept alive by
// a node of another file.
func (p *yamlLines) node(n yaml.Node) *yaml.Node {
	if len(p.slab) == cap(p.slab) {
		p.slab = make([]yaml.Node, 0, max(len(p.lines)*3/2, 16))
	}
	p.slab = append(p.slab, n)
	return &p.slab[len(p.slab)-1]
}

// split cuts the source into lines, leaving out blank and comment lines,
// and refuses what fastYAML does not parse: control characters and tabs,
// directives and document markers.
func (p *yamlLines) split() bool {
	p.lines = make([]yamlLine, 0, strings.Count(p.src, "\n")+1)
	rest := p.src
	for number := 1; rest != ""; number++ {
		line, after, _ := strings.Cut(rest, "\n")
		rest = after
		line = strings.TrimSuffix(line, "\r")
		if !printable(line) {
			return false
		}
		text := strings.TrimLeft(line, " ")
		if text == "" || text[0] == '#' {
			continue
		}
		if strings.HasPrefix(line, "---") || strings.HasPrefix(line, "...") || line[0] == '%' {
			return false
		}
		p.lines = append(p.lines, yamlLine{number: number, indent: len(line) - len(text), text: strings.TrimRight(text, " ")})
	}
	return true
}

// printable reports whether a line holds only characters that every YAML
// parser reads alike: no control characters or tabs, and none of the
// characters YAML 1.1 takes for line breaks (U+0085, U+2028, U+2029) or
// refuses.
func printable(line string) bool {
	for i := 0; i < len(line); i++ {
		c := line[i]
		if c < 0x20 || c == 0x7f {
			return false
		}
		if c >= 0x80 {
			for _, r := range line[i:] {
				if r == utf8.RuneError || r < 0xa0 && r >= 0x80 || r == 0x2028 || r == 0x2029 || r == 0xfeff || r >= 0xfffe && r <= 0xffff || r < 0x20 || r == 0x7f {
					return false
				}
			}
			return true
		}
	}
	return true
}

func (p *yamlLines) done() bool { return p.next >= len(p.lines) }

// block parses the node whose first line is the next, at indent.
func (p *yamlLines) block(indent int) (*yaml.Node, bool) {
	l := p.lines[p.next]
	if l.indent != indent {
		return nil, false
	}
	if isEntry(l.text) {
		return p.sequence(indent)
	}
	return p.mapping(indent)
}

// isEntry reports whether a line is a block sequence entry: "- x" or "-".
func isEntry(text string) bool {
	return text == "-" || strings.HasPrefix(text, "- ")
}

func (p *yamlLines) sequence(indent int) (*yaml.Node, bool) {
	first := p.lines[p.next]
	seq := p.node(yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: first.number, Column: indent + 1})
	for !p.done() {
		l := &p.lines[p.next]
		if l.indent < indent || l.indent == indent && !isEntry(l.text) {
			break // the sequence ends; what follows is its parent's
		}
		if l.indent > indent {
			return nil, false
		}
		if l.text == "-" {
			// The entry's value is on the lines below, or empty.
			p.next++
			if p.done() || p.lines[p.next].indent <= indent {
				return nil, false
			}
			item, ok := p.block(p.lines[p.next].indent)
			if !ok {
				return nil, false
			}
			seq.Content = append(seq.Content, item)
			continue
		}
		// "- value": the value starts after the dash and its spaces, as if
		// the line were indented that far.
		text := strings.TrimLeft(l.text[1:], " ")
		l.indent += len(l.text) - len(text)
		l.text = text
		item, ok := p.block(l.indent)
		if !ok {
			return nil, false
		}
		seq.Content = append(seq.Content, item)
	}
	return seq, true
}

func (p *yamlLines) mapping(indent int) (*yaml.Node, bool) {
	first := p.lines[p.next]
	m := p.node(yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: first.number, Column: indent + 1})
	for !p.done() {
		l := p.lines[p.next]
		if l.indent < indent {
			break
		}
		if l.indent > indent || isEntry(l.text) {
			return nil, false
		}
		key, rest, ok := p.mappingKey(l)
		if !ok {
			return nil, false
		}
		p.next++
		var value *yaml.Node
		if rest == "" {
			// The value is on the lines below: more indented, or a
			// sequence at the key's own indent.
			if p.done() {
				return nil, false
			}
			next := p.lines[p.next]
			switch {
			case next.indent > indent:
				value, ok = p.block(next.indent)
			case next.indent == indent && isEntry(next.text):
				value, ok = p.sequence(indent)
			default:
				ok = false // an empty value: yaml.v3 places it
			}
		} else {
			// Columns count characters, as yaml.v3's do.
			col := l.indent + utf8.RuneCountInString(l.text[:len(l.text)-len(rest)]) + 1
			value, ok = p.inlineValue(rest, l.number, col)
			// A scalar continued on the next lines is not for us.
			if ok && !p.done() && p.lines[p.next].indent > indent {
				ok = false
			}
		}
		if !ok {
			return nil, false
		}
		m.Content = append(m.Content, key, value)
	}
	return m, true
}

// mappingKey reads "key: rest" or "key:", and returns the key's node and
// what follows the colon and its spaces.
func (p *yamlLines) mappingKey(l yamlLine) (key *yaml.Node, rest string, ok bool) {
	text := l.text
	var value string
	var style yaml.Style
	var end int // the index of the colon
	switch text[0] {
	case '"', '\'':
		value, end, ok = quoted(text)
		if !ok || end >= len(text) || text[end] != ':' {
			return nil, "", false
		}
		style = yaml.DoubleQuotedStyle
		if text[0] == '\'' {
			style = yaml.SingleQuotedStyle
		}
	default:
		end = strings.Index(text, ":")
		if end <= 0 {
			return nil, "", false
		}
		value = text[:end]
		if !plainOK(value, false) {
			return nil, "", false
		}
	}
	after := text[end+1:]
	// YAML limits implicit keys to 1024 characters.
	if end > 1000 || after != "" && after[0] != ' ' {
		return nil, "", false
	}
	return p.scalar(value, style, l.number, l.indent+1), strings.TrimLeft(after, " "), true
}

// inlineValue parses the value after "key: ": a flow sequence or a scalar
// on the rest of the line.
func (p *yamlLines) inlineValue(text string, line, col int) (*yaml.Node, bool) {
	switch text[0] {
	case '[':
		return p.flowSequence(text, line, col)
	case '"', '\'':
		value, end, ok := quoted(text)
		if !ok || !onlyComment(text[end:]) {
			return nil, false
		}
		style := yaml.DoubleQuotedStyle
		if text[0] == '\'' {
			style = yaml.SingleQuotedStyle
		}
		return p.scalar(value, style, line, col), true
	}
	value := cutComment(text)
	if !plainOK(value, false) || strings.Contains(value, ": ") || strings.HasSuffix(value, ":") {
		return nil, false
	}
	return p.scalar(value, 0, line, col), true
}

// flowSequence parses "[a, 'b', c]" on one line.
func (p *yamlLines) flowSequence(text string, line, col int) (*yaml.Node, bool) {
	seq := p.node(yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle, Tag: "!!seq", Line: line, Column: col})
	i := 1
	skip := func() {
		for i < len(text) && text[i] == ' ' {
			i++
		}
	}
	skip()
	if i < len(text) && text[i] == ']' {
		return seq, onlyComment(text[i+1:])
	}
	for i < len(text) {
		var value string
		var style yaml.Style
		start := i
		switch text[i] {
		case '"', '\'':
			v, end, ok := quoted(text[i:])
			if !ok {
				return nil, false
			}
			value, i = v, i+end
			style = yaml.DoubleQuotedStyle
			if text[start] == '\'' {
				style = yaml.SingleQuotedStyle
			}
		default:
			end := strings.IndexAny(text[i:], ",]")
			if end < 0 {
				return nil, false
			}
			value = strings.TrimRight(text[i:i+end], " ")
			if !plainOK(value, true) {
				return nil, false
			}
			i += end
		}
		seq.Content = append(seq.Content, p.scalar(value, style, line, col+utf8.RuneCountInString(text[:start])))
		skip()
		if i >= len(text) {
			return nil, false
		}
		if text[i] == ']' {
			return seq, onlyComment(text[i+1:])
		}
		if text[i] != ',' {
			return nil, false
		}
		i++
		skip()
	}
	return nil, false
}

// quoted reads a quoted scalar at the start of text and returns its value
// and the index just after the closing quote. Escapes other than \" and
// \\ are left to yaml.v3.
func quoted(text string) (value string, end int, ok bool) {
	q := text[0]
	var b strings.Builder
	for i := 1; i < len(text); i++ {
		c := text[i]
		switch {
		case q == '\'' && c == '\'':
			if i+1 < len(text) && text[i+1] == '\'' {
				b.WriteByte('\'')
				i++
				continue
			}
			return b.String(), i + 1, true
		case q == '"' && c == '"':
			return b.String(), i + 1, true
		case q == '"' && c == '\\':
			if i+1 >= len(text) || text[i+1] != '"' && text[i+1] != '\\' {
				return "", 0, false
			}
			b.WriteByte(text[i+1])
			i++
		default:
			b.WriteByte(c)
		}
	}
	return "", 0, false // closed on a later line, if at all
}

// onlyComment reports whether the rest of a line after a value is empty
// or a comment.
func onlyComment(rest string) bool {
	t := strings.TrimLeft(rest, " ")
	return t == "" || t[0] == '#' && len(t) < len(rest)
}

// cutComment cuts " # comment" off a plain scalar.
func cutComment(text string) string {
	if i := strings.Index(text, " #"); i >= 0 {
		text = text[:i]
	}
	return strings.TrimRight(text, " ")
}

// plainOK reports whether text is a plain scalar that reads the same in
// any YAML parser: it does not start with an indicator, and in a flow
// sequence holds none of its punctuation.
func plainOK(text string, flow bool) bool {
	if text == "" || text != strings.TrimSpace(text) {
		return false
	}
	switch text[0] {
	case '-', '?', ':':
		if len(text) == 1 || text[1] == ' ' {
			return false
		}
	case ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
		return false
	}
	if strings.Contains(text, " #") {
		return false
	}
	return !flow || !strings.ContainsAny(text, ",[]{}:#")
}

// scalar makes a scalar node, with the tag yaml.v3 resolves it to.
func (p *yamlLines) scalar(value string, style yaml.Style, line, col int) *yaml.Node {
	n := p.node(yaml.Node{Kind: yaml.ScalarNode, Style: style, Value: value, Line: line, Column: col, Tag: "!!str"})
	if style == 0 && mayResolve(value) {
		n.Tag = ""
		n.Tag = n.ShortTag()
	}
	return n
}

// mayResolve reports whether a plain scalar may be something other than a
// string (a number, a bool, null, a timestamp, a merge key): those start
// with a digit, a sign, a dot, ~, < or a letter of true, false, yes, no,
// on, off, null, NaN. Others are strings without asking yaml.v3.
func mayResolve(value string) bool {
	return value == "" || strings.IndexByte("0123456789+-.~<yYnNtTfFoO", value[0]) >= 0
}
