package main

import (
	"net/http"
	"net/http/httptest"
	"os/exec"
	"strings"
	"testing"

	"github.com/exchange-timeline/timeline/generator/sitetest"
)

// linkcheck -root serves the folder with python3 -m http.server, the site
// under /REPO/, fetches every file and fails on a broken link.
func TestServeAndCrawl(t *testing.T) {
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("no python3")
	}
	root := t.TempDir()
	sitetest.WriteFiles(t, root, map[string]string{
		"repo/index.html":        `<!doctype html><title>t</title><a href="/repo/a/">a</a><link rel="stylesheet" href="/repo/s.css">`,
		"repo/a/index.html":      `<!doctype html><title>a</title><a href="/repo/">home</a>`,
		"repo/s.css":             `p { color: red }`,
		"repo/orphan/index.html": `<!doctype html><title>o</title><a href="/repo/">home</a>`,
	})
	var out, errOut strings.Builder
	if code := run([]string{"-root", root, "-base", "/repo/"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out.String(), errOut.String())
	}
	if !strings.Contains(out.String(), "fetched 4 files (1 css, 3 html)") || !strings.Contains(out.String(), ": 0 broken") {
		t.Errorf("stdout:\n%s", out.String())
	}
	if !strings.Contains(out.String(), "no link leads to /repo/orphan/ (fetched all the same)") {
		t.Errorf("the orphan page is not named:\n%s", out.String())
	}

	// A link that leaves the base path, as a site built for / and served
	// under /repo/ has, is broken.
	sitetest.WriteFiles(t, root, map[string]string{"repo/a/index.html": `<!doctype html><title>a</title><a href="/">home</a><img src="/repo/missing.png" alt="">`})
	out.Reset()
	errOut.Reset()
	if code := run([]string{"-root", root, "-base", "repo"}, &out, &errOut); code != 1 {
		t.Fatalf("exit %d, want 1\n%s%s", code, out.String(), errOut.String())
	}
	for _, want := range []string{
		"/repo/a/: /: leaves the site: / is outside its base path /repo/\n",
		"/repo/a/: /repo/missing.png: 404 File not found\n",
	} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("stderr has no %q:\n%s", want, errOut.String())
		}
	}
}

func TestURLAndUsage(t *testing.T) {
	srv := httptest.NewServer(http.StripPrefix("/x", http.FileServer(http.Dir(t.TempDir()))))
	defer srv.Close()
	var out, errOut strings.Builder
	if code := run([]string{"-url", srv.URL + "/x/"}, &out, &errOut); code != 0 {
		t.Errorf("an empty listing: exit %d\n%s%s", code, out.String(), errOut.String())
	}
	for _, args := range [][]string{{}, {"-root", "a", "-url", "b"}, {"-url", "b", "extra"}, {"-nosuchflag"}} {
		if code := run(args, &out, &errOut); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
	if code := run([]string{"-root", t.TempDir(), "-base", "/repo/"}, &out, &errOut); code != 1 {
		t.Errorf("no site: exit %d, want 1", code)
	}
}
