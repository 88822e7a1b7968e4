package sitetest

// Browser tests of the shipped site as readers get it: built under a
// project-site base path (/repo/), served over HTTP with the preview
// server's Content-Security-Policy, and loaded in headless Chromium.

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/exchange-timeline/timeline/generator/internal/serve"
)

// serveShipped builds the shipped site under /repo/ and serves it as GitHub
// Pages would, with the Content-Security-Policy of the preview server, which
// allows only the site's own files: an inline script, a style attribute or
// a request elsewhere would show as a violation. It returns the site's
// address, ending in /repo/.
func serveShipped(t *testing.T) string {
	t.Helper()
	return shippedServer(t).URL + "/repo/"
}

// shippedServer is serveShipped's server, for tests that stop it.
func shippedServer(t *testing.T) *httptest.Server {
	t.Helper()
	return serveFiles(t, buildShipped(t, "/repo/"))
}

// serveFiles serves a site built under /repo/ as serveShipped does.
func serveFiles(t *testing.T, files map[string][]byte) *httptest.Server {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: data}
	}
	site := http.StripPrefix("/repo", http.FileServerFS(fsys))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", serve.ContentSecurityPolicy)
		w.Header().Set("X-Content-Type-Options", "nosniff")
		site.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// recordCSPViolations makes every page the browser opens keep a list of the
// Content-Security-Policy violations it meets, in window.__cspViolations.
func recordCSPViolations(t *testing.T, ctx context.Context) {
	t.Helper()
	_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", e => window.__cspViolations.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + e.sourceFile + ":" + e.lineNumber));`,
	})
	if err != nil {
		t.Fatal(err)
	}
}

// setColorScheme makes the page see prefers-color-scheme: scheme.
func setColorScheme(t *testing.T, ctx context.Context, scheme string) {
	t.Helper()
	_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	})
	if err != nil {
		t.Fatal(err)
	}
}

// open loads a page and waits until its script has run: the search form
// is shown.
func open(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("%s: %v", url, err)
	}
	WaitInPage(t, ctx, "the page's script at "+url, `document.readyState === "complete" && !document.querySelector(".search-form").hidden`)
}

// axeSource is axe-core's script, from node_modules (npm ci installs it).
func axeSource(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile("../../node_modules/axe-core/axe.min.js")
	if err != nil {
		if os.Getenv("REQUIRE_BROWSER") != "" {
			t.Fatalf("axe-core is missing (run npm ci): %v", err)
		}
		t.Skipf("axe-core is missing: run npm ci to run the accessibility tests (%v)", err)
	}
	return string(src)
}

type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  []any  `json:"target"`
		Summary string `json:"failureSummary"`
	} `json:"nodes"`
}

// runAxe runs axe-core on the page with its default rules: WCAG 2.0, 2.1
// and 2.2 A and AA, and axe's best practices.
func runAxe(t *testing.T, ctx context.Context, src string) []axeViolation {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](src)); err != nil {
		t.Fatalf("injecting axe-core: %v", err)
	}
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](
		`axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations)`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("running axe-core: %v", err)
	}
	var violations []axeViolation
	if err := json.Unmarshal(raw, &violations); err != nil {
		t.Fatal(err)
	}
	return violations
}

func formatViolations(vs []axeViolation) string {
	var b strings.Builder
	for _, v := range vs {
		fmt.Fprintf(&b, "\n  %s (%s): %s", v.ID, v.Impact, v.Help)
		for i, n := range v.Nodes {
			if i == 5 {
				fmt.Fprintf(&b, "\n    … and %d more", len(v.Nodes)-5)
				break
			}
			fmt.Fprintf(&b, "\n    %v: %s", n.Target, strings.ReplaceAll(n.Summary, "\n", " "))
		}
	}
	return b.String()
}

// Every page kind has no axe-core violation, in the light and the dark
// theme, with its script run (the search box and the filters shown) and
// with results open in the search box; and no page breaks the
// Content-Security-Policy.
func TestAccessibilityAxe(t *testing.T) {
	ctx := NewBrowser(t)
	src := axeSource(t)
	site := serveShipped(t)
	recordCSPViolations(t, ctx)
	for _, scheme := range []string{"light", "dark"} {
		setColorScheme(t, ctx, scheme)
		for _, pk := range pageKinds(t) {
			open(t, ctx, site+pk.path)
			dark, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`matchMedia("(prefers-color-scheme: dark)").matches`))
			if err != nil || dark != (scheme == "dark") {
				t.Fatalf("%s: the %s theme is not emulated (%v)", pk.kind, scheme, err)
			}
			if vs := runAxe(t, ctx, src); len(vs) > 0 {
				t.Errorf("%s page, %s theme: %d axe violations:%s", pk.kind, scheme, len(vs), formatViolations(vs))
			}
			if strings.HasSuffix(pk.kind, "events") {
				// Sorted by a column and filtered, with the count shown.
				sortAndFilterExchanges(t, ctx)
				WaitInPage(t, ctx, "the table sorted and filtered", `document.querySelector("#events-table [aria-sort=ascending]") &&
					document.querySelector("#events-filters .filter-status").textContent !== ""`)
				if vs := runAxe(t, ctx, src); len(vs) > 0 {
					t.Errorf("%s page sorted and filtered, %s theme: %d axe violations:%s", pk.kind, scheme, len(vs), formatViolations(vs))
				}
			}
			if strings.HasSuffix(pk.kind, "home") {
				// The search results are part of the page too, in every
				// edition: a year finds events in any language.
				typeInto(t, ctx, "#search-input", "2025")
				WaitInPage(t, ctx, "search results", `document.querySelectorAll(".search-list a").length > 0`)
				if vs := runAxe(t, ctx, src); len(vs) > 0 {
					t.Errorf("home page with search results, %s theme: %d axe violations:%s", scheme, len(vs), formatViolations(vs))
				}
			}
			csp, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.__cspViolations`))
			if err != nil || len(csp) > 0 {
				t.Errorf("%s page: Content-Security-Policy violations: %q %v", pk.kind, csp, err)
			}
		}
	}
}

// typeInto focuses an element and types text as a keyboard would.
func typeInto(t *testing.T, ctx context.Context, selector, text string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Focus(selector), chromedp.Evaluate[chromedp.Void](
		`document.querySelector(`+jsString(selector)+`).select()`), chromedp.KeyEvent(text)); err != nil {
		t.Fatalf("typing into %s: %v", selector, err)
	}
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// artifactsDir is where screenshots go: $TIMELINE_ARTIFACTS, or a
// directory in the system's temporary directory; never the repository.
func artifactsDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("TIMELINE_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "timeline-artifacts")
	}
	dir = filepath.Join(dir, "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// Screenshots of every page kind, on a 375-pixel phone and a 1280-pixel
// screen, in both themes, for people to look at: they are written as test
// artifacts, not compared. Every page fits the width of the screen.
func TestScreenshots(t *testing.T) {
	ctx := NewBrowser(t)
	site := serveShipped(t)
	dir := artifactsDir(t)
	for _, scheme := range []string{"light", "dark"} {
		setColorScheme(t, ctx, scheme)
		for _, width := range []int64{375, 1280} {
			opts := []chromedp.EmulateViewportOption{}
			if width < 600 {
				opts = append(opts, chromedp.EmulateScale(2), chromedp.EmulateMobile, chromedp.EmulateTouch)
			}
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 800, opts...)); err != nil {
				t.Fatal(err)
			}
			for _, pk := range pageKinds(t) {
				open(t, ctx, site+pk.path)
				// The page fits the screen: nothing wider than the viewport.
				overflow, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`document.documentElement.scrollWidth - window.innerWidth`))
				if err != nil || overflow > 0 {
					t.Errorf("%s page at %dpx: %v pixels wider than the screen (%v)", pk.kind, width, overflow, err)
				}
				// Tables fit too, without scrolling sideways.
				wide, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll(".table-wrap")]
					.filter(w => w.scrollWidth > w.clientWidth).map(w => w.querySelector("caption")?.textContent ?? "a table")`))
				if err != nil || len(wide) > 0 {
					t.Errorf("%s page at %dpx: tables wider than the screen: %q (%v)", pk.kind, width, wide, err)
				}
				png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
				if err != nil {
					t.Fatal(err)
				}
				name := fmt.Sprintf("%s-%d-%s.png", strings.ReplaceAll(pk.kind, "/", "-"), width, scheme)
				if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	t.Logf("screenshots in %s", dir)
}
