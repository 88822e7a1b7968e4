package sitetest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	yaml "go.yaml.in/yaml/v3"
	"golang.org/x/net/html"
)

// What a maintainer expects of the repository (issue 12, item 9), besides
// the workflows (workflows_test.go).

// The issue forms ask for what a maintainer needs to add or correct an
// exchange, in GitHub's issue-form schema.
func TestIssueForms(t *testing.T) {
	type element struct {
		Type       string         `yaml:"type"`
		ID         string         `yaml:"id"`
		Attributes map[string]any `yaml:"attributes"`
		Validation struct {
			Required bool `yaml:"required"`
		} `yaml:"validations"`
	}
	type form struct {
		Name        string    `yaml:"name"`
		Description string    `yaml:"description"`
		Title       string    `yaml:"title"`
		Labels      []string  `yaml:"labels"`
		Body        []element `yaml:"body"`
	}
	for file, fields := range map[string][]string{
		"missing-exchange.yml": {"date", "sides", "figures", "source", "page"},
		// What is wrong, and what it should say: the figures, or any text.
		"correction.yml": {"page", "date", "sides", "wrong", "correct", "source"},
	} {
		data, err := os.ReadFile("../../.github/ISSUE_TEMPLATE/" + file)
		if err != nil {
			t.Fatal(err)
		}
		var f form
		dec := yaml.NewDecoder(bytes.NewReader(data))
		dec.KnownFields(true)
		if err := dec.Decode(&f); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if f.Name == "" || f.Description == "" || len(f.Body) == 0 {
			t.Errorf("%s: a form needs a name, a description and a body", file)
		}
		var ids []string
		for _, e := range f.Body {
			switch {
			case !slices.Contains([]string{"markdown", "input", "textarea", "dropdown", "checkboxes"}, e.Type):
				t.Errorf("%s: element type %q", file, e.Type)
			case e.Type == "markdown" && e.Attributes["value"] == nil:
				t.Errorf("%s: a markdown element without a value", file)
			case e.Type != "markdown" && (e.ID == "" || e.Attributes["label"] == nil):
				t.Errorf("%s: a field without an id or a label: %+v", file, e)
			}
			if e.ID != "" {
				if slices.Contains(ids, e.ID) {
					t.Errorf("%s: id %q twice", file, e.ID)
				}
				ids = append(ids, e.ID)
			}
		}
		for _, want := range fields {
			if !slices.Contains(ids, want) {
				t.Errorf("%s has no field %q", file, want)
			}
		}
	}
}

// Dependabot keeps the Go modules and the actions up to date.
func TestDependabot(t *testing.T) {
	data, err := os.ReadFile("../../.github/dependabot.yml")
	if err != nil {
		t.Fatal(err)
	}
	var config struct {
		Version int `yaml:"version"`
		Updates []struct {
			Ecosystem string `yaml:"package-ecosystem"`
			Directory string `yaml:"directory"`
			Schedule  struct {
				Interval string `yaml:"interval"`
			} `yaml:"schedule"`
		} `yaml:"updates"`
	}
	if err := yaml.Unmarshal(data, &config); err != nil {
		t.Fatal(err)
	}
	var ecosystems []string
	for _, u := range config.Updates {
		if u.Directory != "/" || u.Schedule.Interval == "" {
			t.Errorf("%s: directory %q, interval %q", u.Ecosystem, u.Directory, u.Schedule.Interval)
		}
		ecosystems = append(ecosystems, u.Ecosystem)
	}
	if config.Version != 2 || !slices.Contains(ecosystems, "gomod") || !slices.Contains(ecosystems, "github-actions") {
		t.Errorf("version %d, ecosystems %v", config.Version, ecosystems)
	}
}

// The code is under the MIT licence and the data under CC BY 4.0, and
// every page says so in its footer.
func TestLicences(t *testing.T) {
	for file, want := range map[string]string{
		"../../LICENSE":      "MIT License",
		"../../LICENSE-DATA": "Attribution 4.0 International licence (CC BY 4.0)",
	} {
		data, err := os.ReadFile(file)
		if err != nil || !strings.Contains(string(data), want) {
			t.Errorf("%s: %v, or no %q", file, err, want)
		}
	}
	for name, page := range buildShipped(t, "/") {
		if !strings.HasSuffix(name, ".html") || strings.Contains(string(page), `http-equiv="refresh"`) {
			continue
		}
		doc, err := html.Parse(bytes.NewReader(page))
		if err != nil {
			t.Fatal(err)
		}
		// Every edition states them, the Creative Commons deed in its
		// language.
		found := false
		for n := range doc.Descendants() {
			if n.Type != html.ElementNode || n.Data != "footer" || !strings.Contains(textOf(n), "MIT") {
				continue
			}
			for a := range n.Descendants() {
				found = found || a.Data == "a" && attr(a, "rel") == "license" && strings.HasPrefix(attr(a, "href"), "https://creativecommons.org/licenses/by/4.0/")
			}
		}
		if !found {
			t.Errorf("%s: the footer does not state the licences", name)
		}
	}
}

// make, and make check, leave nothing in the repository's root but the
// site they build and its lock, both git-ignored: the tool runs in a copy
// of the repository.
func TestMakeLeavesNoFiles(t *testing.T) {
	if _, err := exec.LookPath("make"); err != nil {
		t.Skip("no make")
	}
	root := t.TempDir()
	for _, name := range []string{"Makefile", "go.mod", "go.sum", ".gitignore", "content", "layouts", "generator"} {
		copyTree(t, filepath.Join("../..", name), filepath.Join(root, name))
	}
	before := rootEntries(t, root)
	for _, target := range [][]string{{}, {"check"}} {
		cmd := exec.Command("make", target...)
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("make %v: %v\n%s", target, err, out)
		}
	}
	ignored, err := os.ReadFile("../../.gitignore")
	if err != nil {
		t.Fatal(err)
	}
	patterns := strings.Fields(string(ignored))
	var left []string
	for _, name := range rootEntries(t, root) {
		if slices.Contains(before, name) {
			continue
		}
		left = append(left, name)
		if !slices.Contains(patterns, "/"+name) && !slices.Contains(patterns, "/"+name+"/") {
			t.Errorf("make left %s in the repository's root, and .gitignore does not ignore it", name)
		}
	}
	if !slices.Equal(left, []string{".public.lock", "public"}) {
		t.Errorf("make left %q in the repository's root, want the site and its lock only", left)
	}
}

func rootEntries(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// copyTree copies a file or a directory.
func copyTree(t *testing.T, from, to string) {
	t.Helper()
	info, err := os.Stat(from)
	if err == nil && info.IsDir() {
		err = os.CopyFS(to, os.DirFS(from))
	} else if err == nil {
		var data []byte
		if data, err = os.ReadFile(from); err == nil {
			err = os.WriteFile(to, data, 0o644)
		}
	}
	if err != nil {
		t.Fatal(err)
	}
}
