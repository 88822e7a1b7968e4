package sitetest

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/rhysd/actionlint"
	yaml "go.yaml.in/yaml/v3"
)

// The workflows pass actionlint (with shellcheck on their scripts when it is
// installed): syntax, expressions, job and step references, permissions,
// the inputs of the actions it knows.
func TestWorkflowsLint(t *testing.T) {
	files, err := filepath.Glob("../../.github/workflows/*.yml")
	if err != nil || len(files) < 2 {
		t.Fatalf("workflows: %v %v", files, err)
	}
	var out strings.Builder
	opts := &actionlint.LinterOptions{LogWriter: &out, Oneline: true, WorkingDir: "../.."}
	if sc, err := exec.LookPath("shellcheck"); err == nil {
		opts.Shellcheck = sc
	} else {
		t.Log("shellcheck is not installed: the run: scripts are not checked by it")
	}
	linter, err := actionlint.NewLinter(&out, opts)
	if err != nil {
		t.Fatal(err)
	}
	errs, err := linter.LintFiles(files, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range errs {
		t.Errorf("%s:%d:%d: %s [%s]", e.Filepath, e.Line, e.Column, e.Message, e.Kind)
	}
}

// actionlint v1.7.12 knows the inputs of actions up to checkout, setup-go
// and setup-node v6 and upload-pages-artifact v4, not the newer majors the
// workflows use, whose inputs it then leaves unchecked. The inputs used
// here kept their names across those majors, so they are checked against
// the newest major actionlint knows (include-hidden-files, new in
// upload-pages-artifact v5, aside).
func TestWorkflowsLintKnownMajors(t *testing.T) {
	older := strings.NewReplacer(
		"actions/checkout@v7", "actions/checkout@v6",
		"actions/setup-go@v7", "actions/setup-go@v6",
		"actions/setup-node@v7", "actions/setup-node@v6",
		"actions/upload-pages-artifact@v5", "actions/upload-pages-artifact@v4",
	)
	hidden := regexp.MustCompile(`(?m)^\s*include-hidden-files:.*\n`)
	linter, err := actionlint.NewLinter(&strings.Builder{}, &actionlint.LinterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range workflowNames(t) {
		_, src := readWorkflow(t, name)
		errs, err := linter.Lint(name, []byte(hidden.ReplaceAllString(older.Replace(src), "")), nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range errs {
			t.Errorf("%s (with the previous majors):%d:%d: %s [%s]", name, e.Line, e.Column, e.Message, e.Kind)
		}
	}
}

// actionlint itself finds mistakes in a workflow: the test above would
// catch them.
func TestWorkflowsLintCatches(t *testing.T) {
	bad := []byte(`on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/setup-go@v6
        with:
          go-version-fiel: go.mod
      - run: echo "${{ steps.nope.outputs.x }}"
`)
	linter, err := actionlint.NewLinter(&strings.Builder{}, &actionlint.LinterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	errs, err := linter.Lint("bad.yml", bad, nil)
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, e := range errs {
		msgs = append(msgs, e.Message)
	}
	all := strings.Join(msgs, "\n")
	if !strings.Contains(all, "go-version-fiel") || !strings.Contains(all, "nope") {
		t.Errorf("actionlint missed the mistakes:\n%s", all)
	}
}

type workflow struct {
	On          map[string]any    `yaml:"on"`
	Permissions map[string]string `yaml:"permissions"`
	Concurrency struct {
		Group            string `yaml:"group"`
		CancelInProgress bool   `yaml:"cancel-in-progress"`
	} `yaml:"concurrency"`
	Jobs map[string]struct {
		Needs any `yaml:"needs"`
		Steps []struct {
			ID   string            `yaml:"id"`
			Uses string            `yaml:"uses"`
			Run  string            `yaml:"run"`
			With map[string]any    `yaml:"with"`
			Env  map[string]string `yaml:"env"`
		} `yaml:"steps"`
	} `yaml:"jobs"`
}

// workflowNames are the file names of every workflow.
func workflowNames(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("../../.github/workflows/*.yml")
	if err != nil || len(files) == 0 {
		t.Fatalf("workflows: %v %v", files, err)
	}
	for i, f := range files {
		files[i] = filepath.Base(f)
	}
	return files
}

func readWorkflow(t *testing.T, name string) (workflow, string) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("../../.github/workflows", name))
	if err != nil {
		t.Fatal(err)
	}
	var w workflow
	if err := yaml.Unmarshal(src, &w); err != nil {
		t.Fatal(err)
	}
	return w, string(src)
}

// currentMajors are the major versions of the actions the workflows use,
// the newest when they were last checked; a workflow using another is
// either out of date or ahead of this list.
var currentMajors = map[string]string{
	"actions/checkout":              "v7",
	"actions/setup-go":              "v7",
	"actions/setup-node":            "v7",
	"actions/configure-pages":       "v6",
	"actions/upload-pages-artifact": "v5",
	"actions/deploy-pages":          "v5",
	"actions/upload-artifact":       "v7",
}

func TestWorkflowsUseCurrentActions(t *testing.T) {
	uses := regexp.MustCompile(`(?m)^\s*(?:- )?uses:\s*([^@\s.][^@\s]*)@(\S+)`)
	for _, name := range workflowNames(t) {
		_, src := readWorkflow(t, name)
		for _, m := range uses.FindAllStringSubmatch(src, -1) {
			want, ok := currentMajors[m[1]]
			switch {
			case !ok:
				t.Errorf("%s uses %s, which is not in currentMajors", name, m[1])
			case m[2] != want:
				t.Errorf("%s uses %s@%s, want @%s", name, m[1], m[2], want)
			}
		}
	}
}

// The Pages workflow does what GitHub Pages needs (issue 4, item 3).
func TestPagesWorkflow(t *testing.T) {
	w, src := readWorkflow(t, "pages.yml")
	if _, ok := w.On["push"]; !ok {
		t.Error("not run on push")
	}
	if _, ok := w.On["workflow_dispatch"]; !ok {
		t.Error("cannot be run by hand")
	}
	if w.Permissions["pages"] != "write" || w.Permissions["id-token"] != "write" {
		t.Errorf("permissions %v", w.Permissions)
	}
	if w.Concurrency.Group != "pages" || w.Concurrency.CancelInProgress {
		t.Errorf("concurrency %+v", w.Concurrency)
	}
	for _, want := range []string{
		"branches: [main]", "go-version-file: go.mod", "cache: true",
		"id: pages", "${{ steps.pages.outputs.base_url }}", `-base-url "$BASE_URL/"`,
		"path: public/", "needs: build", "name: github-pages",
	} {
		if !strings.Contains(src, want) {
			t.Errorf("pages.yml has no %q", want)
		}
	}
}

// The pull-request workflow checks the content with annotations about the
// files the pull request changes, builds under a project path, says what
// the change does to the site, attaches the site, runs the HTML and link
// checks (item 4), and the tests (tests.yml).
func TestCheckWorkflow(t *testing.T) {
	w, src := readWorkflow(t, "check.yml")
	if _, ok := w.On["pull_request"]; !ok {
		t.Error("not run on pull requests")
	}
	if w.Permissions["contents"] != "read" || len(w.Permissions) != 1 {
		t.Errorf("permissions %v, want contents: read only", w.Permissions)
	}
	for _, want := range []string{
		"fetch-depth: 2", "git diff --name-only --diff-filter=d HEAD^1 HEAD",
		`go run ./generator check -format github -changed "${changed[@]}"`, "make validate-build",
		"git worktree add --detach \"$RUNNER_TEMP/base\" HEAD^1", "go run ./generator/sitediff -before",
		`>> "$GITHUB_STEP_SUMMARY"`, "uses: actions/upload-artifact@", "npm ci",
		"make validate-html", "make validate-links", "uses: ./.github/workflows/tests.yml",
	} {
		if !strings.Contains(src, want) {
			t.Errorf("check.yml has no %q", want)
		}
	}
	// Every make target it runs exists.
	makefile, err := os.ReadFile("../../Makefile")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range regexp.MustCompile(`make ([a-z-]+)`).FindAllStringSubmatch(src, -1) {
		if !regexp.MustCompile(`(?m)^` + m[1] + `:`).Match(makefile) {
			t.Errorf("check.yml runs make %s, which the Makefile lacks", m[1])
		}
	}
}

// The tests run on every push to main and for pull requests (called by
// check.yml), with what the browser tests need, which must not skip.
func TestTestsWorkflow(t *testing.T) {
	w, src := readWorkflow(t, "tests.yml")
	for _, trigger := range []string{"push", "workflow_call"} {
		if _, ok := w.On[trigger]; !ok {
			t.Errorf("tests.yml is not run on %s", trigger)
		}
	}
	if w.Permissions["contents"] != "read" || len(w.Permissions) != 1 {
		t.Errorf("permissions %v, want contents: read only", w.Permissions)
	}
	for _, want := range []string{"branches: [main]", `REQUIRE_BROWSER: "1"`, "npm ci", "command -v chromium", "apt-get install", "make test"} {
		if !strings.Contains(src, want) {
			t.Errorf("tests.yml has no %q", want)
		}
	}
	// The browser step looks for a browser the tests look for.
	for _, name := range []string{"chromium", "google-chrome"} {
		if !slices.Contains(browsers, name) || !strings.Contains(src, "command -v "+name) {
			t.Errorf("tests.yml and the browser tests disagree about %q", name)
		}
	}
}

// The source links are checked weekly, never on a pull request, and the
// report goes to the run's summary.
func TestSourcesWorkflow(t *testing.T) {
	w, src := readWorkflow(t, "sources.yml")
	if _, ok := w.On["pull_request"]; ok {
		t.Error("sources.yml runs on pull requests")
	}
	schedule, _ := w.On["schedule"].([]any)
	if len(schedule) != 1 {
		t.Fatalf("schedule %v", w.On["schedule"])
	}
	cron, _ := schedule[0].(map[string]any)["cron"].(string)
	if f := strings.Fields(cron); len(f) != 5 || f[2] != "*" || f[3] != "*" || f[4] == "*" {
		t.Errorf("cron %q is not once a week", cron)
	}
	if !strings.Contains(src, `go run ./generator/sourcecheck -content content >> "$GITHUB_STEP_SUMMARY"`) {
		t.Error("sources.yml does not write the report to the summary")
	}
}
