package crawl

import (
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// site is a small site under /repo/ with one broken link of every kind the
// crawler reads, each marked "broken" or "missing", and working ones beside
// them.
var site = fstest.MapFS{
	"index.html": {Data: []byte(`<!doctype html><html lang="en"><head><title>t</title>
<link rel="stylesheet" href="/repo/style.css?v=1">
<link rel="alternate" type="application/atom+xml" href="feed.xml">
<style>body { background: url('/repo/missing-inline.png') }</style>
</head><body>
<h1 id="top-heading">Home</h1>
<a href="/repo/a/">a</a> <a href="a/#section">a, section</a> <a href="a/#missing-fragment">a, no such id</a>
<a href="#top-heading">here</a> <a href="#top">top</a>
<a href="/repo/missing-page/">missing page</a>
<a href="/elsewhere/">outside the base path</a>
<a href="/repo/a">a, without its slash</a>
<a href="https://example.org/x">external</a> <a href="mailto:a@example.org">mail</a>
<img src="img/ok.png" srcset="img/ok.png 1x, img/missing-2x.png 2x" alt="">
<div style="background-image: url(/repo/img/missing-style.png)"></div>
</body></html>`)},
	"a/index.html": {Data: []byte(`<!doctype html><html><head><title>a</title><base href="/repo/img/"></head><body>
<h2 id="section">S</h2><a name="old-anchor"></a>
<img src="ok.png" alt=""> <a href="../#top-heading">home</a> <a href="../index.html">home again</a>
<a href="/repo/a/#old-anchor">anchor by name</a>
<script src="missing.js"></script>
</body></html>`)},
	"old/index.html": {Data: []byte(`<!doctype html><html><head><title>moved</title><meta http-equiv="refresh" content="0; url=/repo/missing-redirect-target/"></head><body></body></html>`)},
	"style.css": {Data: []byte(`/* url(/repo/commented-out.png) */
@import "print.css";
@import 'missing-import.css';
h1 { background: url("img/ok.png") } h2 { background: url(img/missing-css.png) }`)},
	"print.css":  {Data: []byte(`p { color: black }`)},
	"img/ok.png": {Data: []byte("png")},
	"feed.xml": {Data: []byte(`<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><link rel="alternate" href="/repo/"></link>
<entry><link rel="alternate" href="/repo/missing-entry/"></link>
<content type="html">&lt;p&gt;&lt;a href=&quot;/repo/missing-in-content/&quot;&gt;x&lt;/a&gt;&lt;/p&gt;</content></entry></feed>`)},
	"sitemap.xml": {Data: []byte(`<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>/repo/a/</loc></url><url><loc>/repo/missing-sitemap/</loc></url></urlset>`)},
	"robots.txt": {Data: []byte("User-agent: *\nSitemap: /repo/sitemap.xml\nsitemap: /repo/missing-robots.xml\n")},
}

func serveSite(t *testing.T) *httptest.Server {
	mux := http.NewServeMux()
	mux.Handle("/repo/", http.StripPrefix("/repo", http.FileServerFS(site)))
	mux.HandleFunc("/elsewhere/", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("not the site")) })
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestRun(t *testing.T) {
	srv := serveSite(t)
	res, err := Run(context.Background(), Options{Base: srv.URL + "/repo/", Start: []string{"robots.txt", "old/", "sitemap.xml"}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range res.Problems {
		got = append(got, p.String())
	}
	want := []string{
		"/repo/: /elsewhere/: leaves the site: /elsewhere/ is outside its base path /repo/",
		"/repo/: /repo/missing-inline.png: 404 Not Found",
		"/repo/: /repo/missing-page/: 404 Not Found",
		"/repo/: /repo/img/missing-style.png: 404 Not Found",
		"/repo/: img/missing-2x.png: 404 Not Found",
		`/repo/: a/#missing-fragment: no element has id "missing-fragment" in /repo/a/`,
		"/repo/a/: missing.js: 404 Not Found",
		"/repo/feed.xml: /repo/missing-entry/: 404 Not Found",
		"/repo/feed.xml: /repo/missing-in-content/: 404 Not Found",
		"/repo/old/: /repo/missing-redirect-target/: 404 Not Found",
		"/repo/robots.txt: /repo/missing-robots.xml: 404 Not Found",
		"/repo/sitemap.xml: /repo/missing-sitemap/: 404 Not Found",
		"/repo/style.css: missing-import.css: 404 Not Found",
		"/repo/style.css: img/missing-css.png: 404 Not Found",
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, p := range res.Problems {
		if strings.Contains(p.Link, "commented-out") || strings.Contains(p.Link, "ok.png") {
			t.Errorf("reported a link that works or is not one: %s", p)
		}
	}
	if len(res.Redirects) != 2 { // "/repo/a" and "../index.html" (FileServer redirects index.html)
		t.Errorf("redirects: %v", res.Redirects)
	}
	if res.External != 1 {
		t.Errorf("external links: %d, want 1", res.External)
	}
	if res.Fetched["html"] != 3 || res.Fetched["css"] != 2 || res.Fetched["xml"] != 2 {
		t.Errorf("fetched: %v", res.Fetched)
	}
	if want := []string{"/repo/old/", "/repo/robots.txt"}; !slices.Equal(res.Unlinked, want) {
		t.Errorf("unlinked: %v, want %v", res.Unlinked, want)
	}
}

// A site with no broken link gives no problem.
func TestRunClean(t *testing.T) {
	clean := fstest.MapFS{
		"index.html":   {Data: []byte(`<!doctype html><title>t</title><link rel="stylesheet" href="s.css"><a href="b/#x">b</a>`)},
		"b/index.html": {Data: []byte(`<!doctype html><title>b</title><p id="x"><a href="../">home</a><a href="https://example.org/">out</a>`)},
		"s.css":        {Data: []byte(`p { background: url(b/i.png) }`)},
		"b/i.png":      {Data: []byte("png")},
	}
	srv := httptest.NewServer(http.StripPrefix("/r", http.FileServerFS(clean)))
	defer srv.Close()
	res, err := Run(context.Background(), Options{Base: srv.URL + "/r"}) // the slash is added
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Problems) > 0 || len(res.Redirects) > 0 || len(res.Unlinked) > 0 {
		t.Errorf("problems %v, redirects %v, unlinked %v", res.Problems, res.Redirects, res.Unlinked)
	}
	if res.Fetched["html"] != 2 || res.Fetched["css"] != 1 || res.Fetched["other"] != 1 || res.Links != 6 || res.External != 1 {
		t.Errorf("fetched %v, %d links, %d external", res.Fetched, res.Links, res.External)
	}
}

func TestRunBadBase(t *testing.T) {
	for _, base := range []string{"", "/repo/", "ftp://host/x/", "::"} {
		if _, err := Run(context.Background(), Options{Base: base}); err == nil {
			t.Errorf("base %q accepted", base)
		}
	}
}

func TestCSSURLs(t *testing.T) {
	got := cssURLs(`a{b:url( "x.png" )} /* url(no.png) */ c{d:url('y.png'), url(z.png)} @import "i.css"; @import url(j.css);`)
	want := []string{"x.png", "y.png", "z.png", "j.css", "i.css"}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
