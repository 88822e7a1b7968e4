package content

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/adrg/frontmatter"
	yaml "go.yaml.in/yaml/v3"
)

// frontMatter is a file's front matter as a YAML node tree.
type frontMatter struct {
	root *yaml.Node // a mapping; nil when the block is empty
	// firstLine is the file line of the block's first line: node lines are
	// relative to the block and are shifted by firstLine-1.
	firstLine int
	// openLine is the line of the opening delimiter.
	openLine int
}

// pos converts a node's position to a position in the file.
func (f *frontMatter) pos(n *yaml.Node) (line, col int) {
	return n.Line + f.firstLine - 1, n.Column
}

// parsed is a content file split into front matter and body.
type parsed struct {
	fm       frontMatter
	body     string
	bodyLine int
}

// A syntaxError is a problem that stops a file from being read at all.
type syntaxError struct {
	line, col int
	msg, hint string
}

func (e *syntaxError) Error() string { return e.msg }

var bom = []byte("\uFEFF")

// yamlBlock is the one front-matter format: YAML between "---" lines. The
// unmarshal step of adrg/frontmatter only captures the block's bytes: its
// own YAML parser is YAML 1.1 ("no" means false) and reports no positions.
var yamlBlock = &frontmatter.Format{Start: "---", End: "---", Unmarshal: func(data []byte, v any) error {
	*v.(*[]byte) = data
	return nil
}}

// split separates a file into front matter and body.
func split(src []byte) (*parsed, error) {
	src = bytes.TrimPrefix(src, bom)
	if len(bytes.TrimSpace(src)) == 0 {
		return nil, &syntaxError{line: 1, col: 1, msg: "the file is empty",
			hint: "start it with front matter between two --- lines; see CONTRIBUTING.md"}
	}
	var block []byte
	body, err := frontmatter.Parse(bytes.NewReader(src), &block, yamlBlock)
	if err != nil {
		return nil, &syntaxError{line: 1, col: 1, msg: err.Error()}
	}
	openLine, opener := firstNonBlankLine(src)
	if block == nil {
		return nil, missingFrontMatter(openLine, opener)
	}
	p := &parsed{body: string(body)}
	p.bodyLine = 1 + bytes.Count(src[:len(src)-len(body)], []byte("\n"))
	p.fm.openLine = openLine
	p.fm.firstLine = openLine + 1
	root, err := parseYAML(block)
	if err != nil {
		return nil, p.fm.syntaxError(err, block)
	}
	if root != nil && root.Kind != yaml.MappingNode {
		line, col := p.fm.pos(root)
		return nil, &syntaxError{line: line, col: col, msg: "the front matter must be a set of fields",
			hint: "write one field per line, like title: ..."}
	}
	p.fm.root = root
	return p, nil
}

// missingFrontMatter explains why no block was found: adrg/frontmatter
// reports an unclosed block the same way as no block at all.
func missingFrontMatter(line int, opener string) error {
	switch {
	case opener == yamlBlock.Start:
		return &syntaxError{line: line, col: 1,
			msg:  fmt.Sprintf("the front matter opened by %q on line %d is never closed", opener, line),
			hint: fmt.Sprintf("add a line %q after the last field", yamlBlock.End)}
	case opener == "+++" || strings.HasPrefix(opener, "{") || opener == ";;;" || strings.HasPrefix(opener, "---"):
		return &syntaxError{line: line, col: 1, msg: "the front matter must be YAML between two --- lines",
			hint: "TOML (+++) and JSON front matter are not read; write the fields as in CONTRIBUTING.md"}
	}
	return &syntaxError{line: 1, col: 1, msg: "the file has no front matter",
		hint: "start it with a line ---, then the fields, then another line ---"}
}

// firstNonBlankLine returns the 1-based number and trimmed text of the first
// line that is not blank, which is where adrg/frontmatter looks for a block.
func firstNonBlankLine(src []byte) (int, string) {
	for n := 1; len(src) > 0; n++ {
		line, rest, _ := bytes.Cut(src, []byte("\n"))
		if t := bytes.TrimSpace(line); len(t) > 0 {
			return n, string(t)
		}
		src = rest
	}
	return 1, ""
}

func parseYAML(data []byte) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	return doc.Content[0], nil
}

// syntaxError turns a parser's error into one at a position in the file.
func (f *frontMatter) syntaxError(err error, data []byte) error {
	m := findYAMLMistake(data, err)
	return &syntaxError{line: m.line + f.firstLine - 1, col: m.col, msg: m.msg, hint: m.hint}
}
