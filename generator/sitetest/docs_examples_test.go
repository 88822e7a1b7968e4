package sitetest

import (
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/exchange-timeline/timeline/generator/internal/build"
	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/diag"
)

var yamlBlock = regexp.MustCompile("(?s)\n( *)```yaml\n(.*?)\n *```")

// The event and the person that CONTRIBUTING.md asks contributors to copy
// pass the check beside the shipped content, with no warning.
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
	fsys := fstest.MapFS{}
	err = fs.WalkDir(os.DirFS("../../content"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile("../../content/" + p)
		fsys[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	fsys["events/2025-08-24-contributing-example.md"] = &fstest.MapFile{Data: []byte(dedent(blocks[0]))}
	fsys["people/contributing-example.md"] = &fstest.MapFile{Data: []byte(dedent(blocks[1]))}
	// the example person appears in no event: list them in the example event
	fsys["events/2025-08-24-contributing-example.md"].Data = []byte(strings.Replace(string(fsys["events/2025-08-24-contributing-example.md"].Data),
		"people:\n", "people:\n  - {id: contributing-example, role: mentioned}\n", 1))
	diags := build.Check(build.Options{Content: fsys, ContentDir: "content", Today: content.NewDate(2030, 1, 1)})
	for _, d := range diags {
		if strings.Contains(d.Path, "contributing-example") || d.Severity == diag.Error {
			t.Errorf("%s", d)
		}
	}
}
