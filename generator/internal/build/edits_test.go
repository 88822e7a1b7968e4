package build

import (
	"bytes"
	"fmt"
	"maps"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing/fstest"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	yaml "go.yaml.in/yaml/v3"
)

// The editors of the rebuild test are made from the schema: one for each
// field of each content type, down into the items of its lists, so that a
// field added to the content types is edited by the test without a line
// of it changing.

// fileTypes are the content types and which files are theirs: the main
// files under a folder, or their (Ukrainian) translations.
var fileTypes = []struct {
	match func(name string) bool
	v     any
}{
	{func(name string) bool { return name == content.SiteFile }, content.Site{}},
	{mainUnder("events/"), content.Event{}},
	{mainUnder("people/"), content.Person{}},
	{mainUnder("statements/"), content.Statement{}},
	{func(name string) bool { return name == "_index.uk.md" }, content.SiteTranslation{}},
	{translationUnder("events/"), content.EventTranslation{}},
	{translationUnder("people/"), content.PersonTranslation{}},
	{translationUnder("statements/"), content.StatementTranslation{}},
}

// fieldPath is a field down through lists of structs: [returned count] is
// the count of an item of returned.
type fieldPath []string

func (p fieldPath) String() string { return strings.Join(p, ".") }

// schemaFields lists the fields of a content type and of the items of its
// lists, with their Go types (pointers taken away).
func schemaFields(v any, parent fieldPath, out map[string]reflect.Type) []fieldPath {
	var paths []fieldPath
	names, _ := content.Fields(v)
	for _, name := range names {
		typ := content.FieldType(v, name)
		if typ.Kind() == reflect.Pointer {
			typ = typ.Elem()
		}
		path := append(slices.Clone(parent), name)
		paths = append(paths, path)
		out[path.String()] = typ
		if typ.Kind() == reflect.Slice && typ.Elem().Kind() == reflect.Struct {
			paths = append(paths, schemaFields(reflect.Zero(typ.Elem()).Interface(), path, out)...)
		}
	}
	return paths
}

// fieldEditors returns an editor for every field of every content type,
// which changes the field in one file to another value: one that another
// file has, or a new one.
func fieldEditors(initial fstest.MapFS) []editor {
	var edits []editor
	n := 0
	for _, ft := range fileTypes {
		types := map[string]reflect.Type{}
		for _, path := range schemaFields(ft.v, nil, types) {
			typ := types[path.String()]
			pool := valuesOf(initial, ft.match, path)
			edits = append(edits, editor{name: fmt.Sprintf("edit %T %s", ft.v, path), field: true,
				apply: func(rng *rand.Rand, c, _ fstest.MapFS, ch *Changes) {
					n++
					editField(rng, c, ch, ft.match, path, func(node *yaml.Node) bool {
						return setValue(rng, node, typ, pool, n)
					})
				}})
		}
	}
	return edits
}

// editField changes path in a random file of those match chooses, trying
// other files when one has nothing to change there.
func editField(rng *rand.Rand, c fstest.MapFS, ch *Changes, match func(string) bool, path fieldPath, set func(*yaml.Node) bool) {
	var names []string
	for name := range c {
		if match(name) {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	for _, i := range rng.Perm(len(names)) {
		name := names[i]
		fm, body, ok := splitFile(c[name].Data)
		if !ok {
			continue
		}
		node := findField(rng, fm, path)
		if node == nil || !set(node) {
			continue
		}
		out, err := yaml.Marshal(fm)
		if err != nil {
			panic(err)
		}
		data := append(append([]byte("---\n"), out...), "---\n"+body...)
		newName := name
		if len(path) == 1 && path[0] == "date" {
			newName = dated(name, node.Value) // the file name starts with its date
		}
		delete(c, name)
		c[newName] = &fstest.MapFile{Data: data}
		ch.Content[name], ch.Content[newName] = true, true
		return
	}
}

// dated renames a dated file, "events/2001-01-01-x.md", to another date.
func dated(name, date string) string {
	dir, file, _ := strings.Cut(name, "/")
	if _, ok := content.DatedID(strings.TrimSuffix(file, ".md")); !ok {
		return name
	}
	return dir + "/" + date + file[len("2001-01-01"):]
}

func splitFile(data []byte) (*yaml.Node, string, bool) {
	rest, ok := bytes.CutPrefix(data, []byte("---\n"))
	if !ok {
		return nil, "", false
	}
	fm, body, ok := bytes.Cut(rest, []byte("\n---\n"))
	if !ok {
		return nil, "", false
	}
	var doc yaml.Node
	if yaml.Unmarshal(fm, &doc) != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, "", false
	}
	return doc.Content[0], string(body), true
}

// findField returns the value of path in a mapping, going into a random
// item of each list on the way and adding the last field if it is absent;
// nil when a list on the way is absent or empty.
func findField(rng *rand.Rand, m *yaml.Node, path fieldPath) *yaml.Node {
	for i, name := range path {
		v := mapValue(m, name)
		if i == len(path)-1 {
			if v == nil {
				m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: name}, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"})
				v = m.Content[len(m.Content)-1]
			}
			return v
		}
		if v == nil || v.Kind != yaml.SequenceNode || len(v.Content) == 0 {
			return nil
		}
		m = v.Content[rng.IntN(len(v.Content))]
		if m.Kind != yaml.MappingNode {
			return nil
		}
	}
	return nil
}

func mapValue(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// valuesOf collects the values of path in the files match chooses:
// scalars as text, and the items of lists, for the editors to choose from.
func valuesOf(fsys fstest.MapFS, match func(string) bool, path fieldPath) []*yaml.Node {
	var pool []*yaml.Node
	for _, name := range slices.Sorted(maps.Keys(fsys)) {
		if !match(name) {
			continue
		}
		fm, _, ok := splitFile(fsys[name].Data)
		if !ok {
			continue
		}
		var walk func(m *yaml.Node, path fieldPath)
		walk = func(m *yaml.Node, path fieldPath) {
			v := mapValue(m, path[0])
			switch {
			case v == nil:
			case len(path) == 1 && v.Kind == yaml.SequenceNode:
				pool = append(pool, v.Content...)
			case len(path) == 1:
				pool = append(pool, v)
			case v.Kind == yaml.SequenceNode:
				for _, item := range v.Content {
					if item.Kind == yaml.MappingNode {
						walk(item, path[1:])
					}
				}
			}
		}
		walk(fm, path)
	}
	return pool
}

// setValue gives node another value of typ: one from pool when it has
// another, or a new one made from n. A list gains or loses an item. It
// reports whether the value changed.
func setValue(rng *rand.Rand, node *yaml.Node, typ reflect.Type, pool []*yaml.Node, n int) bool {
	if typ == reflect.TypeFor[content.Texts]() {
		// A mapping of texts (a translation's groups, tags' labels): one
		// of its texts changes, or it gets one.
		if node.Kind != yaml.MappingNode || len(node.Content) == 0 {
			*node = yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{
				{Kind: yaml.ScalarNode, Value: "civilians"}, {Kind: yaml.ScalarNode, Value: fmt.Sprintf("Label %d", n)}}}
			return true
		}
		i := 2*rng.IntN(len(node.Content)/2) + 1
		*node.Content[i] = yaml.Node{Kind: yaml.ScalarNode, Value: fmt.Sprintf("Змінено %d", n), Style: yaml.DoubleQuotedStyle}
		return true
	}
	if typ.Kind() == reflect.Slice {
		if node.Kind != yaml.SequenceNode {
			*node = yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		}
		if len(node.Content) > 0 && rng.IntN(2) == 0 {
			i := rng.IntN(len(node.Content))
			node.Content = slices.Delete(node.Content, i, i+1)
			return true
		}
		var item *yaml.Node
		if len(pool) > 0 {
			item = deepCopy(pool[rng.IntN(len(pool))])
		} else if typ.Elem().Kind() == reflect.String {
			item = &yaml.Node{Kind: yaml.ScalarNode, Value: fmt.Sprintf("added-%d", n)}
		} else {
			return false
		}
		node.Content = append(node.Content, item)
		return true
	}
	var others []string
	for _, p := range pool {
		if p.Kind == yaml.ScalarNode && p.Value != node.Value && !slices.Contains(others, p.Value) {
			others = append(others, p.Value)
		}
	}
	old := node.Value
	*node = yaml.Node{Kind: yaml.ScalarNode}
	switch {
	case typ.Kind() == reflect.Bool:
		node.Value = map[bool]string{true: "false", false: "true"}[old == "true"]
	case len(others) > 0 && rng.IntN(3) > 0:
		node.Value = others[rng.IntN(len(others))]
	case typ.Kind() == reflect.Int:
		node.Value = fmt.Sprint(1 + rng.IntN(999))
	case typ == reflect.TypeFor[content.Date]():
		node.Value = fmt.Sprintf("2019-%02d-%02d", 1+n%12, 1+n%28)
	case typ == reflect.TypeFor[content.PartialDate]():
		node.Value = fmt.Sprintf("2003-%02d", 1+n%12)
	default:
		node.Value, node.Style = fmt.Sprintf("Edited %d", n), yaml.DoubleQuotedStyle
	}
	return node.Value != old
}

func deepCopy(n *yaml.Node) *yaml.Node {
	c := *n
	c.Content = nil
	for _, child := range n.Content {
		c.Content = append(c.Content, deepCopy(child))
	}
	return &c
}
