// Package sitetest holds the tests of the site as it is shipped: the
// content and the layouts of the repository built and checked page by page,
// the record's own consistency, the documents that must agree with the code
// (CONTRIBUTING.md), the workflows, and the site in a real browser. It also
// gives the tests of other packages what they share: a headless browser,
// polling with a deadline, and writing a tree of files.
package sitetest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/exchange-timeline/timeline/generator/internal/content"
)

// Today is the fixed "now" of tests, so that no date drifts into the past
// or the future.
func Today() content.Date { return content.NewDate(2025, 11, 1) }

// browserTime bounds one test's browser: the longest tests, the
// screenshots and axe-core, go through every page kind of every edition
// (three editions on the shipped site) in two themes, on a machine that
// may be shared.
const browserTime = 6 * time.Minute

// browsers are the names Chromium goes by: Debian's package, and the
// Google Chrome of GitHub's Ubuntu runners.
var browsers = []string{"chromium", "chromium-browser", "google-chrome"}

// NewBrowser starts headless Chromium for one test. Without it the test is
// skipped, unless REQUIRE_BROWSER is set, as CI sets it: there a missing
// browser is a failure, not a pass. The browser lives for browserTime at
// most, so that a test that hangs fails.
func NewBrowser(t testing.TB) context.Context {
	t.Helper()
	var path string
	var err error
	for _, name := range browsers {
		if path, err = exec.LookPath(name); err == nil {
			break
		}
	}
	if err != nil {
		if os.Getenv("REQUIRE_BROWSER") != "" {
			t.Fatal("chromium is not installed, and REQUIRE_BROWSER is set")
		}
		t.Skip("chromium is not installed: apt-get install chromium to run the browser tests")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		// No UserDataDir: chromedp makes a temporary one and removes it,
		// waiting for Chromium's crash handler, which may still write to it
		// after the browser has gone (t.TempDir's cleanup would fail).
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.WindowSize(1280, 900),
	)
	// Chromium now and then dies while starting on a loaded machine (its
	// crash handler reports no stack mapping); that is the environment,
	// not the site, so a start is tried three times.
	for range 3 {
		ctx, cancel := context.WithTimeout(context.Background(), browserTime)
		allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
		browserCtx, cancelBrowser := chromedp.NewContext(allocCtx)
		stop := func() {
			cancelBrowser()
			cancelAlloc()
			cancel()
		}
		if err = chromedp.Do(browserCtx); err == nil {
			t.Cleanup(stop)
			return browserCtx
		}
		stop()
		t.Logf("starting chromium: %v", err)
	}
	t.Fatalf("chromium did not start three times: %v", err)
	return nil
}

// WaitInPage polls a JavaScript condition in the page until it is true,
// through reloads of the page, failing after a deadline.
func WaitInPage(t testing.TB, ctx context.Context, what, condition string) {
	t.Helper()
	Eventually(t, what, func() string {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("(() => { try { return !!("+condition+"); } catch { return false; } })()"))
		switch {
		case err != nil: // the page is reloading: try again
			return "the page did not answer: " + err.Error()
		case !ok:
			return "the condition is false: " + condition
		}
		return ""
	})
}

// Eventually polls check until it returns "", failing with its last answer
// after a deadline.
func Eventually(t testing.TB, what string, check func() string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for {
		problem := check()
		if problem == "" {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: after 15s, %s", what, problem)
		}
		<-tick.C
	}
}

// WriteFiles writes files, slash paths relative to dir mapped to their
// text, making the folders they need.
func WriteFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
