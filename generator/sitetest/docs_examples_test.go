package sitetest

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/exchange-timeline/timeline/generator/internal/build"
	"github.com/exchange-timeline/timeline/generator/internal/content"
)

var yamlBlock = regexp.MustCompile("(?s)\n( *)```yaml\n(.*?)\n *```")

// The event and the person that CONTRIBUTING.md asks contributors to copy
// pass the check, with no warning, on a site with the parties the examples
// name (and not beside the shipped content, which may already have that
// exchange).
func TestContributingExamplesPass(t *testing.T) {
	doc, err := os.ReadFile("../../CONTRIBUTING.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := yamlBlock.FindAllStringSubmatch(string(doc), -1)
	if len(blocks) < 2 {
		t.Fatalf("CONTRIBUTING.md has %d yaml examples, want the event and the person", len(blocks))
	}
	dedent := func(m []string) string {
		var lines []string
		for _, l := range strings.Split(m[2], "\n") {
			lines = append(lines, strings.TrimPrefix(l, m[1]))
		}
		return strings.Join(lines, "\n") + "\n"
	}
	fsys := fstest.MapFS{
		"_index.md": {Data: []byte("---\ntitle: Test site\nparties:\n  - {id: ukraine, name: Ukraine}\n  - {id: russia, name: Russia}\n---\n")},
		"events/2025-08-24-contributing-example.md": {Data: []byte(dedent(blocks[0]))},
		// The example event names dmytro-khyliuk, whom the example person is.
		"people/dmytro-khyliuk.md": {Data: []byte(dedent(blocks[1]))},
	}
	diags := build.Check(build.Options{Content: fsys, ContentDir: "content", Today: content.NewDate(2030, 1, 1)})
	if len(diags) > 0 {
		t.Errorf("the examples do not pass the check:\n%v", diags)
	}
}
