package content

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exchange-timeline/timeline/generator/internal/corpus"
	yaml "go.yaml.in/yaml/v3"
	"golang.org/x/tools/txtar"
)

// fastYAMLCases are blocks that fastYAML must parse as yaml.v3 does, or
// leave to it.
var fastYAMLCases = []string{
	"title: A\ndate: 2025-01-02\n",
	"a: 1\nb: true\nc: ~\nd: null\ne: 1.5\nf: -3\ng: 0x1F\nh: .inf\ni: no\nj: yes\nk: '007'\n",
	"sources:\n  - id: a\n    url: https://example.org/a?b=c&d=e#f\n  - id: b\n",
	"sources:\n- id: a\n  url: x\n- id: b\ntags: [a, b]\n",
	"tags: []\nx: [ a , 'b c', \"d\" ]  # comment\n",
	"title: \"Quoted \\\"title\\\" with \\\\ backslash\"\n",
	"title: 'It''s'\n",
	"title: \"escape \\n\"\n",
	"title: plain # comment\n# full line\n  # indented comment\nnext: x\n",
	"\"quoted key\": value\n'single': v\n",
	"groups:\n  \"fighters of the territorial defence\": \"бійці тероборони\"\n",
	"a:\n  b:\n    c: d\n  e: f\ng: h\n",
	"list:\n  - - a\n    - b\n  - c\n",
	"list:\n  -\n    a: b\n",
	"empty:\nnext: x\n",
	"multi: line\n  continued\n",
	"block: |\n  text\n",
	"anchor: &a x\nalias: *a\n",
	"tag: !!str 5\n",
	"flow: {a: b}\n",
	"colon: a: b\n",
	"url: http://x\n",
	"time: 12:30\n",
	"key:value\n",
	"tab:\tx\n",
	"a: 1\n  b: 2\n",
	"- a\n- b\n",
	"a: [b,\n  c]\n",
	"? complex\n: value\n",
	"a: b\r\nc: d\r\n",
	"nel: a\u0085b\n",
	"ls: a\u2028b\n",
	"nbsp: a\u00a0b\n",
	"emoji: 🎉\n",
	"dash: -\n",
	"dashword: -word\n",
	"q: ?x\n",
	"bad: [a, b\n",
	"trailing: [a] x\n",
	"hash: a#b\n",
	"merge: {}\n<<: x\n",
	"",
	"# only a comment\n",
	"a: 'unclosed\n",
	"a: \"x\" y\n",
	"a: 'x'#c\n",
	"a: x\n---\nb: y\n",
	"  indented: x\n",
}

// fastYAML builds the tree yaml.v3 builds whenever it parses a block, and
// gives up on what it does not parse, on every front matter of the shipped
// content, of the synthetic corpus, of the test archives, and on the
// cases above.
func TestFastYAML(t *testing.T) {
	blocks := map[string]string{}
	for i, c := range fastYAMLCases {
		blocks[fmt.Sprintf("case %d", i)] = c
	}
	for _, f := range corpus.Generate(20) {
		blocks[f.Path] = frontMatterBlock(string(f.Data))
	}
	files, _ := filepath.Glob("../../../content/*/*.md")
	archives, _ := filepath.Glob("../../testdata/*/*.txtar")
	for _, file := range archives {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, af := range ar.Files {
			if strings.HasSuffix(af.Name, ".md") {
				blocks[file+":"+af.Name] = frontMatterBlock(string(af.Data))
			}
		}
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		blocks[file] = frontMatterBlock(string(data))
	}
	parsed := 0
	for name, block := range blocks {
		if checkFastYAML(t, name, block) {
			parsed++
		}
	}
	if parsed < len(files)+20 {
		t.Errorf("fastYAML parsed only %d of %d blocks: it falls back too often to be worth it", parsed, len(blocks))
	}
}

func FuzzFastYAML(f *testing.F) {
	for _, c := range fastYAMLCases {
		f.Add(c)
	}
	f.Add(frontMatterBlock(validEvent))
	f.Fuzz(func(t *testing.T, block string) { checkFastYAML(t, "fuzz", block) })
}

// checkFastYAML compares fastYAML's tree with yaml.v3's, and reports
// whether fastYAML parsed the block.
func checkFastYAML(t *testing.T, name, block string) bool {
	t.Helper()
	fast, ok := fastYAML([]byte(block))
	if !ok {
		return false
	}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(block), &doc); err != nil {
		t.Errorf("%s: fastYAML parsed a block yaml.v3 refuses (%v):\n%.300s", name, err, block)
		return true
	}
	var slow *yaml.Node
	if len(doc.Content) > 0 {
		slow = doc.Content[0]
	}
	if d := nodeDifference(fast, slow); d != "" {
		t.Errorf("%s: fastYAML and yaml.v3 differ: %s\n%.300s", name, d, block)
	}
	return true
}

func nodeDifference(a, b *yaml.Node) string {
	if a == nil || b == nil {
		if a != b {
			return fmt.Sprintf("%v against %v", a, b)
		}
		return ""
	}
	if a.Kind != b.Kind || a.Style != b.Style || a.Tag != b.Tag || a.Value != b.Value || a.Line != b.Line || a.Column != b.Column || len(a.Content) != len(b.Content) {
		return fmt.Sprintf("kind %v style %v tag %s value %q at %d:%d with %d children, against kind %v style %v tag %s value %q at %d:%d with %d children",
			a.Kind, a.Style, a.Tag, a.Value, a.Line, a.Column, len(a.Content), b.Kind, b.Style, b.Tag, b.Value, b.Line, b.Column, len(b.Content))
	}
	for i := range a.Content {
		if d := nodeDifference(a.Content[i], b.Content[i]); d != "" {
			return d
		}
	}
	return ""
}

// frontMatterBlock returns the YAML between a file's --- lines.
func frontMatterBlock(file string) string {
	_, rest, _ := strings.Cut(file, "---\n")
	block, _, _ := strings.Cut(rest, "\n---")
	return block + "\n"
}
