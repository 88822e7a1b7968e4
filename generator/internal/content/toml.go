package content

import (
	"errors"

	"github.com/pelletier/go-toml/v2/unstable"
	yaml "go.yaml.in/yaml/v3"
)

// parseTOML converts TOML front matter into the same node tree as YAML, with
// positions, using go-toml's position-keeping parser.
func parseTOML(data []byte) (*yaml.Node, error) {
	t := tomlConverter{root: &yaml.Node{Kind: yaml.MappingNode, Line: 1, Column: 1}}
	t.p.Reset(data)
	table := t.root
	for t.p.NextExpression() {
		e := t.p.Expression()
		switch e.Kind {
		case unstable.KeyValue:
			t.keyValue(table, e)
		case unstable.Table:
			table = t.table(keysOf(e.Children()))
		case unstable.ArrayTable:
			table = t.arrayTable(keysOf(e.Children()))
		}
	}
	if err := t.p.Error(); err != nil {
		return nil, t.positioned(err)
	}
	if len(t.root.Content) == 0 {
		return nil, nil
	}
	return t.root, nil
}

type tomlConverter struct {
	p    unstable.Parser
	root *yaml.Node
}

func keysOf(it unstable.Iterator) []*unstable.Node {
	var keys []*unstable.Node
	for it.Next() {
		keys = append(keys, it.Node())
	}
	return keys
}

// keyValue adds "a.b.c = value" to table.
func (t *tomlConverter) keyValue(table *yaml.Node, e *unstable.Node) {
	it := e.Children()
	it.Next()
	value := it.Node()
	keys := keysOf(it)
	parent := t.descend(table, keys[:len(keys)-1])
	key := t.scalar(keys[len(keys)-1], "!!str")
	parent.Content = append(parent.Content, key, t.value(value, key))
}

// table returns the mapping for a [a.b] header, creating it if needed.
func (t *tomlConverter) table(keys []*unstable.Node) *yaml.Node {
	return t.descend(t.root, keys)
}

// arrayTable appends a new mapping to the list named by a [[a.b]] header.
func (t *tomlConverter) arrayTable(keys []*unstable.Node) *yaml.Node {
	parent := t.descend(t.root, keys[:len(keys)-1])
	last := keys[len(keys)-1]
	list := lookup(parent, string(last.Data))
	if list == nil || list.Kind != yaml.SequenceNode {
		key := t.scalar(last, "!!str")
		list = &yaml.Node{Kind: yaml.SequenceNode, Line: key.Line, Column: key.Column}
		parent.Content = append(parent.Content, key, list)
	}
	item := &yaml.Node{Kind: yaml.MappingNode, Line: list.Line, Column: list.Column}
	if l, _ := t.pos(last); l > 0 {
		item.Line = l
	}
	list.Content = append(list.Content, item)
	return item
}

// descend follows dotted keys from table, creating mappings as it goes.
func (t *tomlConverter) descend(table *yaml.Node, keys []*unstable.Node) *yaml.Node {
	for _, k := range keys {
		next := lookup(table, string(k.Data))
		if next != nil && next.Kind == yaml.SequenceNode && len(next.Content) > 0 {
			next = next.Content[len(next.Content)-1]
		}
		if next == nil || next.Kind != yaml.MappingNode {
			key := t.scalar(k, "!!str")
			next = &yaml.Node{Kind: yaml.MappingNode, Line: key.Line, Column: key.Column}
			table.Content = append(table.Content, key, next)
		}
		table = next
	}
	return table
}

func lookup(mapping *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(mapping.Content); i += 2 {
		if mapping.Content[i].Value == key {
			return mapping.Content[i+1]
		}
	}
	return nil
}

var tomlTags = map[unstable.Kind]string{
	unstable.String:        "!!str",
	unstable.Bool:          "!!bool",
	unstable.Integer:       "!!int",
	unstable.Float:         "!!float",
	unstable.LocalDate:     "!!timestamp",
	unstable.LocalTime:     "!!timestamp",
	unstable.LocalDateTime: "!!timestamp",
	unstable.DateTime:      "!!timestamp",
}

// value converts a value node; containers have no position of their own in
// go-toml, so they take their key's.
func (t *tomlConverter) value(v *unstable.Node, key *yaml.Node) *yaml.Node {
	switch v.Kind {
	case unstable.Array:
		seq := &yaml.Node{Kind: yaml.SequenceNode, Line: key.Line, Column: key.Column}
		it := v.Children()
		for it.Next() {
			seq.Content = append(seq.Content, t.value(it.Node(), key))
		}
		return seq
	case unstable.InlineTable:
		m := &yaml.Node{Kind: yaml.MappingNode, Line: key.Line, Column: key.Column}
		it := v.Children()
		for it.Next() {
			t.keyValue(m, it.Node())
		}
		return m
	}
	return t.scalar(v, tomlTags[v.Kind])
}

func (t *tomlConverter) scalar(n *unstable.Node, tag string) *yaml.Node {
	line, col := t.pos(n)
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: string(n.Data), Line: line, Column: col}
}

func (t *tomlConverter) pos(n *unstable.Node) (line, col int) {
	if n.Raw.Length == 0 && n.Raw.Offset == 0 {
		return 0, 0
	}
	s := t.p.Shape(n.Raw)
	return s.Start.Line, s.Start.Column
}

// positioned gives a TOML syntax error the position of the text it blames.
func (t *tomlConverter) positioned(err error) error {
	var pe *unstable.ParserError
	if !errors.As(err, &pe) || len(pe.Highlight) == 0 {
		return &syntaxError{line: 1, col: 1, msg: "the TOML front matter cannot be read: " + err.Error()}
	}
	s := t.p.Shape(t.p.Range(pe.Highlight))
	return &syntaxError{line: s.Start.Line, col: s.Start.Column,
		msg: "the TOML front matter cannot be read: " + pe.Message}
}
