package main

import (
	"bufio"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/exchange-timeline/timeline/generator/internal/serve"
	"github.com/exchange-timeline/timeline/generator/sitetest"
)

// serveProject runs watch mode with the preview server on a real HTTP
// server.
func serveProject(t *testing.T) (*project, string) {
	t.Helper()
	p := newProject(t, 12)
	srv := serve.New(p.out, p.cfg.baseURL.Path)
	httpServer := httptest.NewServer(srv.Handler())
	t.Cleanup(func() { srv.Close(); httpServer.Close() })
	p.start(srv)
	return p, httpServer.URL
}

// nextEvent reads Server-Sent Events until one has a name, with a deadline.
func nextEvent(t *testing.T, r *bufio.Reader) (name, data string) {
	t.Helper()
	type event struct{ name, data string }
	got := make(chan event, 1)
	go func() {
		var ev event
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return
			}
			line = strings.TrimSuffix(line, "\n")
			if v, ok := strings.CutPrefix(line, "event: "); ok {
				ev.name = v
			} else if v, ok := strings.CutPrefix(line, "data: "); ok {
				ev.data = v
			} else if line == "" && ev.name != "" {
				got <- ev
				return
			}
		}
	}()
	select {
	case ev := <-got:
		return ev.name, ev.data
	case <-time.After(15 * time.Second):
		t.Fatal("no event within 15s")
	}
	return "", ""
}

// The event stream says "reload" after a good save and "failed", with the
// errors at their positions, after a bad one.
func TestServeEvents(t *testing.T) {
	p, url := serveProject(t)
	resp, err := http.Get(url + "/_timeline/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	r := bufio.NewReader(resp.Body)
	e := p.event(3)
	original := p.read(e)
	p.write(e, strings.Replace(original, "title: ", "title: Live ", 1))
	if name, _ := nextEvent(t, r); name != "reload" {
		t.Fatalf("after a good save: %q", name)
	}
	p.write(e, strings.Replace(original, "date: ", "date: 2001-02-30\nx: ", 1))
	name, data := nextEvent(t, r)
	if name != "failed" || !strings.Contains(data, e+`:3:7: date \"2001-02-30\" is not a real day`) {
		t.Fatalf("after a bad save: %q %s", name, data)
	}
	p.write(e, original)
	if name, _ := nextEvent(t, r); name != "reload" {
		t.Fatalf("after the fix: %q", name)
	}
	page, err := http.Get(url + "/repo/")
	if err != nil || page.StatusCode != 200 {
		t.Fatalf("home page: %v %v", err, page.Status)
	}
	page.Body.Close()
}

// In a real browser: an open page shows an edit without a manual reload,
// shows the errors over the page after a bad save, and loses them when the
// file is fixed.
func TestServeLiveReloadInBrowser(t *testing.T) {
	ctx := sitetest.NewBrowser(t)
	p, url := serveProject(t)
	e := p.event(2)
	id := strings.TrimSuffix(e[len("content/events/"):], ".md")
	original := p.read(e)
	if err := chromedp.Do(ctx, chromedp.Navigate(url+"/repo/events/"+id+"/"), chromedp.WaitVisible("h1")); err != nil {
		t.Fatal(err)
	}
	sitetest.WaitInPage(t, ctx, "the live-reload connection", `document.documentElement.dataset.timelineLive === "connected"`)

	p.write(e, strings.Replace(original, "title: ", "title: Seen live ", 1))
	sitetest.WaitInPage(t, ctx, "the new title without a manual reload", `document.querySelector("h1").textContent.startsWith("Seen live")`)

	p.write(e, strings.Replace(original, "kind: ", "kidn: ", 1))
	sitetest.WaitInPage(t, ctx, "the error overlay", `(document.getElementById("timeline-build-errors")?.textContent ?? "").includes('unknown field "kidn"')`)

	p.write(e, strings.Replace(original, "title: ", "title: Fixed ", 1))
	sitetest.WaitInPage(t, ctx, "the overlay gone and the fix shown", `!document.getElementById("timeline-build-errors") && document.querySelector("h1").textContent.startsWith("Fixed")`)
}
