package content

import (
	"encoding"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/exchange-timeline/timeline/generator/internal/diag"
	yaml "go.yaml.in/yaml/v3"
)

// decoder fills the typed structs of types.go from a front-matter node tree.
// It keeps going after a problem, so that one run reports all of them, each
// at the key or value it is about.
type decoder struct {
	path  string
	fm    *frontMatter
	diags diag.List
	// main is the type a translation file translates, and mainPath its
	// file: their facts are named apart from unknown fields.
	main     reflect.Type
	mainPath string
}

func (d *decoder) errorAt(line, col int, hint, format string, args ...any) {
	d.diags = append(d.diags, diag.Diagnostic{Path: d.path, Line: line, Col: col,
		Message: fmt.Sprintf(format, args...), Hint: hint})
}

func (d *decoder) errorf(n *yaml.Node, hint, format string, args ...any) {
	line, col := d.fm.pos(n)
	d.errorAt(line, col, hint, format, args...)
}

// decode fills v, a pointer to a struct, from the whole front matter.
func (d *decoder) decode(v any) {
	rv := reflect.ValueOf(v).Elem()
	if d.fm.root == nil {
		d.missingFields(rv.Type(), map[string]bool{}, d.fm.openLine, 1)
		return
	}
	d.decodeStruct(d.fm.root, rv)
}

// field describes one front-matter field of a struct.
type field struct {
	name     string
	index    []int // for reflect.Value.FieldByIndex
	required bool
}

type structFields struct {
	list   []field
	byName map[string]field
	names  []string
}

var fieldCache sync.Map // reflect.Type → *structFields

// fieldsOf lists the fields of a struct type that have a `field` tag.
func fieldsOf(t reflect.Type) *structFields {
	if sf, ok := fieldCache.Load(t); ok {
		return sf.(*structFields)
	}
	sf := &structFields{byName: map[string]field{}}
	sf.add(t, nil)
	fieldCache.Store(t, sf)
	return sf
}

// add lists the tagged fields of t, and those of the structs it embeds (such
// as Qualifier) as if they were its own.
func (sf *structFields) add(t reflect.Type, parent []int) {
	for i := range t.NumField() {
		sfield := t.Field(i)
		index := append(slices.Clone(parent), i)
		tag, ok := sfield.Tag.Lookup("field")
		if !ok {
			if sfield.Anonymous && sfield.Type.Kind() == reflect.Struct {
				sf.add(sfield.Type, index)
			}
			continue
		}
		name, opt, _ := strings.Cut(tag, ",")
		f := field{name: name, index: index, required: opt == "required"}
		sf.list = append(sf.list, f)
		sf.byName[name] = f
		sf.names = append(sf.names, name)
	}
}

// Fields lists the front-matter field names of one of the content types, for
// documentation and tools: Fields(Event{}) is title, date, end_date, ...
func Fields(v any) (names []string, required map[string]bool) {
	sf := fieldsOf(reflect.TypeOf(v))
	required = map[string]bool{}
	for _, f := range sf.list {
		required[f.name] = f.required
	}
	return sf.names, required
}

// FieldType returns the Go type of the front-matter field name of one of
// the content types, or nil.
func FieldType(v any, name string) reflect.Type {
	t := reflect.TypeOf(v)
	f, ok := fieldsOf(t).byName[name]
	if !ok {
		return nil
	}
	return t.FieldByIndex(f.index).Type
}

func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value) {
	n = resolve(n)
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "write it as field: value lines", "expected a set of fields, found %s", describe(n))
		return
	}
	sf := fieldsOf(v.Type())
	seen := map[string]*yaml.Node{}
	present := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, value := resolve(n.Content[i]), n.Content[i+1]
		if key.Kind != yaml.ScalarNode {
			d.errorf(key, "a field name is a single word, like title", "a field name cannot be %s", describe(key))
			continue
		}
		if first, dup := seen[key.Value]; dup {
			line, _ := d.fm.pos(first)
			d.errorf(key, "remove one of them", "field %q is given twice (first on line %d)", key.Value, line)
			continue
		}
		seen[key.Value] = key
		f, ok := sf.byName[key.Value]
		if !ok {
			d.unknownField(key, n == d.fm.root, sf)
			continue
		}
		present[f.name] = true
		if f.required && isEmpty(resolve(value)) {
			d.errorf(key, fmt.Sprintf("give %s a value", f.name), "required field %q is empty", f.name)
		}
		d.decodeValue(value, v.FieldByIndex(f.index), f.name)
	}
	line, col := d.fm.pos(n)
	if n == d.fm.root {
		line, col = d.fm.openLine, 1
	}
	d.missingFields(v.Type(), present, line, col)
}

func (d *decoder) missingFields(t reflect.Type, present map[string]bool, line, col int) {
	for _, f := range fieldsOf(t).list {
		if f.required && !present[f.name] {
			d.errorAt(line, col, fmt.Sprintf("add a line %q", f.name+": ..."), "missing required field %q", f.name)
		}
	}
}

// unknownField reports a field the struct does not have; in a
// translation, a fact of the main file is told apart from a misspelling.
func (d *decoder) unknownField(key *yaml.Node, atRoot bool, sf *structFields) {
	if atRoot && d.main != nil && fieldsOf(d.main).byName[key.Value].name != "" {
		d.errorf(key, "a translation holds only texts: "+strings.Join(sf.names, ", "),
			"%s comes from the main file, %s: remove it from the translation", key.Value, d.mainPath)
		return
	}
	d.errorf(key, unknownFieldHint(key.Value, sf.names), "unknown field %q", key.Value)
}

func unknownFieldHint(name string, names []string) string {
	if s := diag.Closest(name, names); s != "" {
		return fmt.Sprintf("did you mean %q?", s)
	}
	return "the fields here are " + strings.Join(names, ", ")
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

// decodeValue sets v from n. A null value (`summary:` with nothing after it)
// leaves the field empty, as if it were not there.
func (d *decoder) decodeValue(n *yaml.Node, v reflect.Value, name string) {
	n = resolve(n)
	if isNull(n) {
		return
	}
	if v.Kind() == reflect.Pointer {
		// An optional value: decode into a new one, kept only if valid.
		elem := reflect.New(v.Type().Elem())
		if d.decodeScalarOrStruct(n, elem.Elem(), name) {
			v.Set(elem)
		}
		return
	}
	d.decodeScalarOrStruct(n, v, name)
}

// decodeScalarOrStruct sets v from n and reports whether it succeeded.
func (d *decoder) decodeScalarOrStruct(n *yaml.Node, v reflect.Value, name string) bool {
	errs := len(d.diags)
	if v.Addr().Type().Implements(textUnmarshaler) {
		if d.expectScalar(n, name, "a date like 2025-08-24") {
			if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(n.Value)); err != nil {
				d.errorf(n, "", "%s %v", name, err)
			}
		}
		return len(d.diags) == errs
	}
	if v.Type() == textsType {
		d.decodeTexts(n, v, name)
		return len(d.diags) == errs
	}
	switch v.Kind() {
	case reflect.String:
		if d.expectScalar(n, name, "text") {
			v.SetString(n.Value)
		}
	case reflect.Bool:
		d.decodeBool(n, v, name)
	case reflect.Int:
		d.decodeCount(n, v, name)
	case reflect.Slice:
		d.decodeList(n, v, name)
	case reflect.Struct:
		d.decodeStruct(n, v)
	default:
		panic("content: no decoder for " + v.Type().String())
	}
	return len(d.diags) == errs
}

func (d *decoder) expectScalar(n *yaml.Node, name, want string) bool {
	if n.Kind == yaml.ScalarNode {
		return true
	}
	d.errorf(n, "", "%s must be %s, not %s", name, want, describe(n))
	return false
}

func (d *decoder) decodeBool(n *yaml.Node, v reflect.Value, name string) {
	b, err := strconv.ParseBool(n.Value)
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" || err != nil {
		d.errorf(n, "", "%s must be true or false, not %s", name, describe(n))
		return
	}
	v.SetBool(b)
}

// decodeCount reads a whole number.
func (d *decoder) decodeCount(n *yaml.Node, v reflect.Value, name string) {
	if !d.expectScalar(n, name, "a whole number") {
		return
	}
	c, err := strconv.Atoi(strings.TrimSpace(n.Value))
	if err != nil {
		hint := "write only the digits; leave " + name + " out when the number was not disclosed"
		if strings.ContainsAny(n.Value, ", ") {
			hint = "write the digits without separators, like 1000"
		}
		d.errorf(n, hint, "%s must be a whole number, not %s", name, describe(n))
		return
	}
	v.SetInt(int64(c))
}

func (d *decoder) decodeList(n *yaml.Node, v reflect.Value, name string) {
	if n.Kind != yaml.SequenceNode {
		hint := "write it as [a, b] or as lines starting with \"- \""
		if v.Type().Elem().Kind() == reflect.Struct {
			hint = "write each item on lines starting with \"- \", as in CONTRIBUTING.md"
		}
		d.errorf(n, hint, "%s must be a list, not %s", name, describe(n))
		return
	}
	list := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, item := range n.Content {
		d.decodeValue(item, list.Index(i), name+" item")
	}
	v.Set(list)
}

// decodeTexts reads a mapping of texts by key, such as tag labels or
// translated group texts, in the order written.
func (d *decoder) decodeTexts(n *yaml.Node, v reflect.Value, name string) {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "write one line per entry, key: text", "%s must be a set of key: text lines, not %s", name, describe(n))
		return
	}
	var labels Texts
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, value := resolve(n.Content[i]), resolve(n.Content[i+1])
		if !d.expectScalar(key, name+" key", "text") || !d.expectScalar(value, fmt.Sprintf("%s %q", name, key.Value), "text") {
			continue
		}
		if first, dup := seen[key.Value]; dup {
			line, _ := d.fm.pos(first)
			d.errorf(key, "remove one of them", "%s %q is given twice (first on line %d)", name, key.Value, line)
			continue
		}
		seen[key.Value] = key
		labels = append(labels, KeyedText{Key: key.Value, Text: value.Value})
	}
	v.Set(reflect.ValueOf(labels))
}

// resolve follows a YAML alias (*name) to the node it refers to. The struct
// types bound how deep decoding goes, so aliases cannot blow up the work.
func resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

func isEmpty(n *yaml.Node) bool {
	if n.Kind == yaml.ScalarNode {
		return isNull(n) || strings.TrimSpace(n.Value) == ""
	}
	return len(n.Content) == 0
}

// describe names what a node holds, for "must be X, not Y" messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a set of fields"
	case yaml.SequenceNode:
		return "a list"
	}
	return strconv.Quote(n.Value)
}
