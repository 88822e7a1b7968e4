package content

import (
	"strconv"
	"strings"
)

// Positions says where each value of a file's front matter is. The decoder
// records them as it goes, so that problems found later, by validation, are
// placed without reading or parsing the file again: placing any number of
// problems costs one pass over the file's values.
type Positions struct {
	nodes []posNode
	// open is the line of the opening "---".
	open int32
}

// posNode is one value: a field of a set of fields (key) or an item of a
// list (item ≥ 0), under the value nodes[parent] (-1: the top level).
type posNode struct {
	parent, item int32
	key          string
	line, col    int32
}

// add records a value and returns its index, for its children.
func (p *Positions) add(parent int32, key string, item int, line, col int) int32 {
	p.nodes = append(p.nodes, posNode{parent: parent, item: int32(item), key: key, line: int32(line), col: int32(col)})
	return int32(len(p.nodes) - 1)
}

// Given reports whether the front matter gives the value named by field,
// whether or not the value could be decoded: a source whose date is not a
// date has no date, but saying so would repeat its error. It looks the
// value up without an index, for the rare question.
func (p *Positions) Given(field string) bool {
	if p == nil {
		return false
	}
	cur := int32(-1)
	for _, step := range strings.Split(field, ".") {
		name, index := splitIndex(step)
		next := p.child(cur, name, -1)
		if next >= 0 && index >= 0 {
			next = p.child(next, "", index)
		}
		if next < 0 {
			return false
		}
		cur = next
	}
	return true
}

// child returns the index of the value under parent with the key or item,
// or -1. Children follow their parent in decoding order.
func (p *Positions) child(parent int32, key string, item int) int32 {
	for i := parent + 1; int(i) < len(p.nodes); i++ {
		if n := p.nodes[i]; n.parent == parent && n.key == key && n.item == int32(item) {
			return i
		}
	}
	return -1
}

// A Locator finds values by their front-matter path; make one per file
// with problems to place.
type Locator struct {
	p     *Positions
	index map[posKey]int32
}

type posKey struct {
	parent, item int32
	key          string
}

// Locator indexes the positions, once for all the problems of a file.
func (p *Positions) Locator() *Locator {
	l := &Locator{p: p, index: make(map[posKey]int32, len(p.nodes))}
	for i, n := range p.nodes {
		k := posKey{n.parent, n.item, n.key}
		if _, dup := l.index[k]; !dup { // a field given twice: the first
			l.index[k] = int32(i)
		}
	}
	return l
}

// Locate returns the position of the value named by field, a path such as
// "people[2].id". Where that value is absent it returns the position of the
// nearest enclosing one: the front matter's opening line for a missing
// field, the whole figure for a missing figure's count.
func (l *Locator) Locate(field string) (line, col int) {
	line, col = int(l.p.open), 1
	if l.p.open == 0 {
		line = 1
	}
	if field == "" {
		return line, col
	}
	cur := int32(-1)
	for _, step := range strings.Split(field, ".") {
		name, index := splitIndex(step)
		i, ok := l.index[posKey{cur, -1, name}]
		if !ok {
			return line, col
		}
		cur, line, col = i, int(l.p.nodes[i].line), int(l.p.nodes[i].col)
		if index < 0 {
			continue
		}
		if i, ok = l.index[posKey{cur, int32(index), ""}]; !ok {
			return line, col
		}
		cur, line, col = i, int(l.p.nodes[i].line), int(l.p.nodes[i].col)
	}
	return line, col
}

// splitIndex splits "people[2]" into "people" and 2; index is -1 without one.
func splitIndex(step string) (name string, index int) {
	name, rest, ok := strings.Cut(step, "[")
	if !ok {
		return step, -1
	}
	i, err := strconv.Atoi(strings.TrimSuffix(rest, "]"))
	if err != nil {
		return name, -1
	}
	return name, i
}
