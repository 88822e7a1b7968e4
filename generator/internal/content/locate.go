package content

import (
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v3"
)

// Locate returns the position in src of the front-matter value named by
// field, a path such as "people[2].id" ("groups[1]" is the second key of a
// mapping). Where that value is absent it returns
// the position of the nearest enclosing one, and for a file it cannot read,
// the first line.
//
// Positions are found again from the source, only for files with problems,
// so that decoded content carries no position tables.
func Locate(src []byte, field string) (line, col int) {
	parsed, err := split(src)
	if err != nil || parsed.fm.root == nil {
		return 1, 1
	}
	fm := &parsed.fm
	line, col = fm.openLine, 1
	n := fm.root
	for _, step := range strings.Split(field, ".") {
		name, index := splitIndex(step)
		if n = mappingValue(n, name); n == nil {
			return line, col
		}
		line, col = fm.pos(n)
		if index < 0 {
			continue
		}
		switch {
		case n.Kind == yaml.SequenceNode && index < len(n.Content):
			n = resolve(n.Content[index])
		case n.Kind == yaml.MappingNode && 2*index < len(n.Content):
			n = resolve(n.Content[2*index]) // the key of a Texts entry
		default:
			return line, col
		}
		line, col = fm.pos(n)
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

func mappingValue(n *yaml.Node, key string) *yaml.Node {
	n = resolve(n)
	if n.Kind != yaml.MappingNode {
		return nil
	}
	if v := lookup(n, key); v != nil {
		return resolve(v)
	}
	return nil
}
