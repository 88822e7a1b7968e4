package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exchange-timeline/timeline/generator/sitetest"
)

// A content-only change whose body has headings named like the page's own
// sections ("Main", "Sources", a source's "Source a") keeps every id of the
// page unique: the site, built as make validate builds it, passes the W3C
// HTML checker. The checker (npm's vnu-jar, run by Java) is required where
// REQUIRE_BROWSER is set, as in CI; elsewhere its absence skips the test.
func TestBodyHeadingsPassTheHTMLChecker(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	_, javaErr := exec.LookPath("java")
	if _, err := os.Stat(filepath.Join(root, "node_modules/vnu-jar/build/dist/vnu.jar")); err != nil || javaErr != nil {
		if os.Getenv("REQUIRE_BROWSER") != "" {
			t.Fatal("the HTML checker needs java and node_modules/vnu-jar (npm ci), and REQUIRE_BROWSER is set")
		}
		t.Skip("the HTML checker needs java and node_modules/vnu-jar: run npm ci")
	}
	dir := t.TempDir()
	files := map[string]string{
		"_index.md": "---\ntitle: Synthetic site\nparties:\n  - {id: north, name: North}\n  - {id: south, name: South}\n---\n# Main\n\n# Latest\n\nThe introduction.\n",
		"events/2001-01-10-first.md": "---\ntitle: First synthetic swap\ndate: 2001-01-10\nkind: exchange\n" +
			"returned:\n  - {to: north, count: 3, source: a}\npeople:\n  - {id: ada-example, role: released}\ntags: [test]\n" +
			"sources:\n  - {id: a, publisher: Wire, url: \"https://example.org/a\", date: 2001-01-10}\n---\n" +
			"# Main\n\n# Sources\n\n# Source a\n\n# Figures\n\n# People\n\n# Tags\n\n# Account\n\n# Card 2001-01-10-first\n\nSee [the sources](#sources).\n",
		"people/ada-example.md": "---\nname: Ada Example\nsources:\n  - {id: a, publisher: Wire, url: \"https://example.org/a\", date: 2001-01-10}\n---\n" +
			"# Main\n\n# Events\n\n# Biography\n\n# Sources\n",
	}
	sitetest.WriteFiles(t, filepath.Join(dir, "content"), files)
	cmd := exec.Command("make", "--no-print-directory", "validate-html",
		"CONTENT="+filepath.Join(dir, "content"), "VALIDATE_DIR="+filepath.Join(dir, "validate"), "REPO=site")
	cmd.Dir = root
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("make validate-html: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "no errors, no warnings") {
		t.Errorf("make validate-html said:\n%s", out)
	}
}
