package content

import (
	"encoding"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/exchange-timeline/timeline/generator/internal/diag"
	"github.com/exchange-timeline/timeline/generator/internal/lang"
	yaml "go.yaml.in/yaml/v3"
)

// decoder fills the typed structs of types.go from a front-matter node tree.
// It keeps going after a problem, so that one run reports all of them, each
// at the key or value it is about, and records where every value is
// (Positions) for the problems validation finds later.
type decoder struct {
	path      string
	fm        *frontMatter
	diags     diag.List
	positions *Positions // kept by the Doc: not a field of the decoder, which holds the YAML tree
	// parent is the index in positions of the value being decoded.
	parent int32
	// via is the alias (*name) being expanded, if any: values reached
	// through it are reported where it stands, not at its anchor.
	via *yaml.Node
	// expanded counts the values decoded through aliases; past
	// MaxAliasExpansion, aliases are no longer followed.
	expanded int
	// main is the type a translation file translates, and mainPath its
	// file: their facts are named apart from unknown fields.
	main     reflect.Type
	mainPath string
}

// MaxAliasExpansion bounds the values a file's YAML aliases (*name) may
// stand for, all uses together. An alias saves writing a repeated value
// out again; without a bound, a file of 1 MiB could make the decoder visit
// a value millions of times.
const MaxAliasExpansion = 1000

func (d *decoder) errorAt(line, col int, hint, format string, args ...any) {
	d.diags = append(d.diags, diag.Diagnostic{Path: d.path, Line: line, Col: col,
		Message: fmt.Sprintf(format, args...), Hint: hint})
}

func (d *decoder) errorf(n *yaml.Node, hint, format string, args ...any) {
	line, col := d.pos(n)
	d.errorAt(line, col, hint, format, args...)
}

// pos is where a value is reported: where it is written, or where the alias
// that brought it stands.
func (d *decoder) pos(n *yaml.Node) (line, col int) {
	if d.via != nil {
		n = d.via
	}
	return d.fm.pos(n)
}

// record adds a value's position under the current parent, and makes it
// the parent of what is decoded next.
func (d *decoder) record(key string, item int, n *yaml.Node) (restore func()) {
	line, col := d.pos(n)
	outer := d.parent
	d.parent = d.positions.add(outer, key, item, line, col)
	return func() { d.parent = outer }
}

// follow resolves an alias, counting what it expands to; it reports false,
// once, when the file's aliases stand for too much.
func (d *decoder) follow(n *yaml.Node) (*yaml.Node, bool) {
	if n.Kind != yaml.AliasNode {
		return n, true
	}
	if d.expanded >= MaxAliasExpansion {
		if d.expanded == MaxAliasExpansion {
			d.expanded++
			d.errorf(n, "write the values out: an alias (*name) is for a value repeated a few times",
				"the aliases in this file expand to more than %d values", MaxAliasExpansion)
		}
		return nil, false
	}
	return resolve(n), true
}

// spend counts one value decoded through an alias.
func (d *decoder) spend() bool {
	if d.via == nil {
		return true
	}
	if d.expanded < MaxAliasExpansion {
		d.expanded++
		return true
	}
	_, ok := d.follow(d.via)
	return ok
}

// decode fills v, a pointer to a struct, from the whole front matter.
func (d *decoder) decode(v any) {
	rv := reflect.ValueOf(v).Elem()
	d.parent = -1
	d.positions.open = int32(d.fm.openLine)
	if d.fm.root == nil {
		d.missingFields(rv.Type(), map[string]bool{}, d.fm.openLine, 1)
		return
	}
	d.decodeStruct(d.fm.root, rv)
	// Kept as long as the Doc: no spare room from growing.
	d.positions.nodes = slices.Clone(d.positions.nodes)
}

// field describes one front-matter field of a struct.
type field struct {
	name     string
	index    []int // for reflect.Value.FieldByIndex
	required bool
	// max bounds a list's length (0: no bound).
	max int
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
		name, opts, _ := strings.Cut(tag, ",")
		f := field{name: name, index: index}
		for _, opt := range strings.Split(opts, ",") {
			if n, ok := strings.CutPrefix(opt, "max="); ok {
				f.max, _ = strconv.Atoi(n)
			}
			f.required = f.required || opt == "required"
		}
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
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "write it as field: value lines", "expected a set of fields, found %s", describe(n))
		return
	}
	sf := fieldsOf(v.Type())
	seen := map[string]*yaml.Node{}
	present := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if !d.spend() {
			return
		}
		key, value := n.Content[i], n.Content[i+1]
		if key.Kind != yaml.ScalarNode {
			d.errorf(key, "a field name is a single word, like title", "a field name cannot be %s", describe(key))
			continue
		}
		if first, dup := seen[key.Value]; dup {
			line, _ := d.pos(first)
			d.errorf(key, "remove one of them", "field %q is given twice (first on line %d)", key.Value, line)
			continue
		}
		seen[key.Value] = key
		f, ok := sf.byName[key.Value]
		if !ok {
			if d.translationFact(key, n == d.fm.root, sf) {
				continue
			}
			d.errorf(key, unknownFieldHint(key.Value, sf.names), "unknown field %q", key.Value)
			if meant, _ := meantField(key.Value, sf.names); meant != "" {
				present[meant] = true // one mistake, one message: not "missing" as well
			}
			continue
		}
		present[f.name] = true
		if f.required && isEmpty(resolve(value)) {
			d.errorf(key, fmt.Sprintf("give %s a value", f.name), "required field %q is empty", f.name)
		}
		restore := d.record(f.name, -1, value)
		d.decodeValue(value, v.FieldByIndex(f.index), f)
		restore()
	}
	line, col := d.pos(n)
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

// meantField returns the field an unknown name most likely stands for: the
// same name with invisible spaces around it, or one a typo away; or "".
func meantField(name string, names []string) (field string, spaces bool) {
	if trimmed := strings.TrimFunc(name, unicode.IsSpace); trimmed != name && slices.Contains(names, trimmed) {
		return trimmed, true
	}
	return diag.Closest(name, names), false
}

// translationFact reports, in a translation, a fact of the main file set at
// the top level, apart from a misspelling; it reports whether key was one.
func (d *decoder) translationFact(key *yaml.Node, atRoot bool, sf *structFields) bool {
	if !atRoot || d.main == nil || fieldsOf(d.main).byName[key.Value].name == "" {
		return false
	}
	d.errorf(key, "a translation holds only texts: "+strings.Join(sf.names, ", "),
		"%s comes from the main file, %s: remove it from the translation", key.Value, d.mainPath)
	return true
}

func unknownFieldHint(name string, names []string) string {
	switch meant, spaces := meantField(name, names); {
	case spaces:
		return fmt.Sprintf("the name %s has an invisible space, such as a non-breaking one: retype the line with ordinary spaces", meant)
	case meant != "":
		return fmt.Sprintf("did you mean %q?", meant)
	}
	return "the fields here are " + strings.Join(names, ", ")
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

// decodeValue sets v from n, the value of field f or an item of its list.
// A null value (`summary:` with nothing after it) leaves the field empty, as
// if it were not there.
func (d *decoder) decodeValue(n *yaml.Node, v reflect.Value, f field) {
	if n.Kind == yaml.AliasNode {
		target, ok := d.follow(n)
		if !ok {
			return
		}
		if d.via == nil {
			d.via = n
			defer func() { d.via = nil }()
		}
		n = target
	}
	if !d.spend() || isNull(n) {
		return
	}
	if v.Kind() == reflect.Pointer {
		// An optional value: decode into a new one, kept only if valid.
		elem := reflect.New(v.Type().Elem())
		if d.decodeScalarOrStruct(n, elem.Elem(), f) {
			v.Set(elem)
		}
		return
	}
	d.decodeScalarOrStruct(n, v, f)
}

// decodeScalarOrStruct sets v from n and reports whether it succeeded.
func (d *decoder) decodeScalarOrStruct(n *yaml.Node, v reflect.Value, f field) bool {
	name := f.name
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
		d.decodeTexts(n, v, f)
		return len(d.diags) == errs
	}
	switch v.Kind() {
	case reflect.String:
		if !d.expectScalar(n, name, "text") {
			break
		}
		if length := utf8.RuneCountInString(n.Value); length > MaxText {
			d.errorf(n, "keep it to a line or two: the details go in the text after the front matter",
				"%s is %s characters long; at most %s are allowed", name, lang.Number(length), lang.Number(MaxText))
			break
		}
		v.SetString(n.Value)
	case reflect.Bool:
		d.decodeBool(n, v, name)
	case reflect.Int:
		d.decodeCount(n, v, name)
	case reflect.Slice:
		d.decodeList(n, v, f)
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

// MaxText bounds a field's text. Fields hold a title, a sentence, a name or
// an address; a card repeats its event's title and summary on every page
// that lists the event, so a field of a megabyte would be copied hundreds
// of times.
const MaxText = 1000

// MaxCount bounds every whole number of the front matter (counts, ordinal
// numbers). No exchange or repatriation has returned anywhere near a
// million people; a larger number is a typo. With the bounds on list
// lengths it also keeps every total of any site far from overflowing.
const MaxCount = 1_000_000

// decodeCount reads a whole number.
func (d *decoder) decodeCount(n *yaml.Node, v reflect.Value, name string) {
	if !d.expectScalar(n, name, "a whole number") {
		return
	}
	c, err := strconv.Atoi(strings.TrimSpace(n.Value))
	if err != nil && isWholeNumber(strings.TrimSpace(n.Value)) {
		c, err = MaxCount+1, nil // too large for an int: the bound below says so
	}
	if err != nil {
		d.errorf(n, countHint(n.Value, name), "%s must be a whole number, not %s", name, describe(n))
		return
	}
	if c > MaxCount {
		d.errorf(n, "check the number: no exchange returns so many", "%s cannot be more than 1,000,000 (it is %s)", name, n.Value)
		return
	}
	v.SetInt(int64(c))
}

func isWholeNumber(s string) bool {
	s = strings.TrimPrefix(s, "-")
	return s != "" && strings.Trim(s, "0123456789") == ""
}

func (d *decoder) decodeList(n *yaml.Node, v reflect.Value, f field) {
	name := f.name
	if n.Kind != yaml.SequenceNode {
		hint := "write it as [a, b] or as lines starting with \"- \""
		if v.Type().Elem().Kind() == reflect.Struct {
			hint = "write each item on lines starting with \"- \", as in CONTRIBUTING.md"
		}
		d.errorf(n, hint, "%s must be a list, not %s", name, describe(n))
		return
	}
	items := n.Content
	if f.max > 0 && len(items) > f.max {
		// The items past the bound are not decoded: the file is in error
		// anyway, and work stays bounded whatever the list's length.
		d.errorf(n, fmt.Sprintf("keep the %d that matter most", f.max),
			"%s has %s items; at most %d are allowed", name, lang.Number(len(items)), f.max)
		items = items[:f.max]
	}
	list := reflect.MakeSlice(v.Type(), len(items), len(items))
	item := f
	item.name += " item"
	for i, n := range items {
		restore := d.record("", i, n)
		d.decodeValue(n, list.Index(i), item)
		restore()
	}
	v.Set(list)
}

// decodeTexts reads a mapping of texts by key, such as tag labels or
// translated group texts, in the order written; each entry's position is
// its item's, so that a problem with one is placed at "groups[2]".
func (d *decoder) decodeTexts(n *yaml.Node, v reflect.Value, f field) {
	name := f.name
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "write one line per entry, key: text", "%s must be a set of key: text lines, not %s", name, describe(n))
		return
	}
	pairs := n.Content
	if f.max > 0 && len(pairs) > 2*f.max {
		d.errorf(n, fmt.Sprintf("keep the %d that matter most", f.max),
			"%s has %s items; at most %d are allowed", name, lang.Number(len(pairs)/2), f.max)
		pairs = pairs[:2*f.max]
	}
	var texts Texts
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(pairs); i += 2 {
		key, kok := d.follow(pairs[i])
		value, vok := d.follow(pairs[i+1])
		if !kok || !vok || !d.spend() {
			return
		}
		restore := d.record("", len(texts), key)
		ok := d.expectScalar(key, name+" key", "text") && d.expectScalar(value, fmt.Sprintf("%s %q", name, key.Value), "text")
		restore()
		if !ok {
			continue
		}
		if first, dup := seen[key.Value]; dup {
			line, _ := d.pos(first)
			d.errorf(key, "remove one of them", "%s %q is given twice (first on line %d)", name, key.Value, line)
			continue
		}
		seen[key.Value] = key
		texts = append(texts, KeyedText{Key: key.Value, Text: value.Value})
	}
	v.Set(reflect.ValueOf(texts))
}

// resolve follows a YAML alias (*name) to the node it refers to.
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

// countHint says how to write a number that was written as words: "about
// 84" is a count with approx: true, "more than 6,000" one with at_least:
// true (see CONTRIBUTING.md).
func countHint(value, name string) string {
	lower := strings.ToLower(strings.TrimSpace(value))
	digits := strings.Map(func(r rune) rune {
		if '0' <= r && r <= '9' {
			return r
		}
		return -1
	}, lower)
	for _, w := range []string{"about", "approximately", "approx", "around", "nearly", "almost", "roughly", "some ", "~", "≈", "c.", "circa", "up to"} {
		if strings.HasPrefix(lower, w) && digits != "" {
			return fmt.Sprintf("write %s: %s and, on the next line, approx: true", name, digits)
		}
	}
	for _, w := range []string{"more than", "over", "at least", "over ", ">", "≥", "+"} {
		if (strings.HasPrefix(lower, w) || strings.HasSuffix(lower, "+")) && digits != "" {
			return fmt.Sprintf("write %s: %s and, on the next line, at_least: true", name, digits)
		}
	}
	if digits != "" && strings.ContainsAny(value, ", .'\u00a0\u202f") && strings.Trim(value, "0123456789,. '\u00a0\u202f") == "" {
		return fmt.Sprintf("write the digits without separators: %s", digits)
	}
	return "write only the digits; leave " + name + " out when the number was not disclosed"
}
