package main

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// browsers are the names Chromium goes by: Debian's package, and the
// Google Chrome of GitHub's Ubuntu runners.
var browsers = []string{"chromium", "chromium-browser", "google-chrome"}

// newBrowser starts headless Chromium for one test. Without it the test
// is skipped, unless REQUIRE_BROWSER is set, as CI sets it: there a
// missing browser is a failure, not a pass.
func newBrowser(t *testing.T) context.Context {
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
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
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

// waitInPage polls a JavaScript condition in the page until it is true,
// through reloads of the page, failing after a deadline.
func waitInPage(t *testing.T, ctx context.Context, what, condition string) {
	t.Helper()
	eventually(t, what, func() string {
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
