package sitetest

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"io/fs"
	"net/url"
	"os"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/exchange-timeline/timeline/generator/internal/build"
	"github.com/exchange-timeline/timeline/generator/internal/corpus"
	"github.com/exchange-timeline/timeline/generator/internal/model"
	"github.com/exchange-timeline/timeline/generator/internal/render"
	"github.com/exchange-timeline/timeline/generator/internal/site"
	"golang.org/x/net/html"
)

// buildShipped builds the real content/ and layouts/ in memory.
func buildShipped(t *testing.T, baseURL string) map[string][]byte {
	t.Helper()
	return buildSite(t, os.DirFS("../../content"), baseURL)
}

// buildSite builds a content directory with the real layouts in memory.
func buildSite(t *testing.T, content fs.FS, baseURL string) map[string][]byte {
	t.Helper()
	base, err := site.ParseBaseURL(baseURL)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := buildWith(t, build.Options{Content: content, BaseURL: base})
	return files
}

// buildWith builds opts.Content with the real layouts in memory, today
// being Today() and the site at the root unless opts say otherwise, and
// returns the files and the model of the main edition.
func buildWith(t *testing.T, opts build.Options) (map[string][]byte, *model.Site) {
	t.Helper()
	opts.Layouts, opts.ContentDir, opts.LayoutsDir, opts.Today = os.DirFS("../../layouts"), "content", "layouts", Today()
	if opts.BaseURL.Path == "" {
		opts.BaseURL.Path = "/"
	}
	var sink render.MapSink
	res, diags, err := build.Run(opts, &sink)
	if err != nil || diags.HasErrors() {
		t.Fatalf("the site does not build: %v\n%v", err, diags)
	}
	return sink.Files, res.Site
}

// Every page of README.md ("The site") is in the shipped site: the fixed
// ones, and a page for every event, person, year and tag in its data.
func TestShippedSiteHasEveryPage(t *testing.T) {
	files, events, people := shippedRecord(t)
	want := []string{
		"index.html", "numbers/index.html", "years/index.html", "people/index.html", "tags/index.html",
		"events/index.html", "feed.xml", "data/events.json", "data/people.json", "data/events.csv", "data/figures.csv",
		"sitemap.xml", "robots.txt", "404.html", ".nojekyll",
	}
	for _, e := range events {
		want = append(want, "events/"+e.ID+"/index.html", "years/"+e.Date[:4]+"/index.html")
		for _, tag := range e.Tags {
			want = append(want, "tags/"+tag+"/index.html")
		}
	}
	for _, p := range people {
		want = append(want, "people/"+p.ID+"/index.html")
	}
	for _, name := range want {
		if _, ok := files[name]; !ok {
			t.Errorf("missing %s", name)
		}
	}
}

// The CSV files of the shipped site parse as RFC 4180 (every record with
// the header's number of fields) and have one row per event and one per
// reported figure, in the order of events.json; the table of every event
// has one row per event too.
func TestShippedCSV(t *testing.T) {
	files, shipped, _ := shippedRecord(t)
	read := func(name string) [][]string {
		records, err := csv.NewReader(bytes.NewReader(files[name])).ReadAll()
		if err != nil || len(records) == 0 {
			t.Fatalf("%s: %v", name, err)
		}
		return records
	}
	events, figures := read("data/events.csv"), read("data/figures.csv")
	if len(events) != 1+len(shipped) {
		t.Errorf("events.csv: %d rows, want a header and %d events", len(events), len(shipped))
	}
	want := 0
	for i, e := range shipped {
		if i+1 < len(events) && events[i+1][0] != e.ID {
			t.Errorf("events.csv row %d is %s, want %s", i+1, events[i+1][0], e.ID)
		}
		for range e.Returned {
			want++
			if want < len(figures) && figures[want][0] != e.ID {
				t.Errorf("figures.csv row %d is of %s, want %s", want, figures[want][0], e.ID)
			}
		}
	}
	if len(figures) != 1+want {
		t.Errorf("figures.csv: %d rows, want a header and %d figures", len(figures), want)
	}
	if rows := bytes.Count(files["events/index.html"], []byte("<tr data-kind=")); rows != len(shipped) {
		t.Errorf("/events/ has %d rows, want %d", rows, len(shipped))
	}
}

// A crawl of the site as a GitHub project site: every internal href and
// src of every page resolves to a file of the output, and every #fragment
// to an id on its page.
func TestShippedSiteLinksResolve(t *testing.T) {
	const base = "/some-repo/"
	files := buildShipped(t, base)
	pages := 0
	for name := range files {
		if strings.HasSuffix(name, ".html") {
			pages++
		}
	}
	// Every page links at least to the home page and the four indexes.
	if checked := checkLinks(t, files, base); checked < 5*pages {
		t.Errorf("only %d internal links checked in %d pages; the crawl is not finding the links", checked, pages)
	}
}

// The links of a site with long lists cut into pages resolve too.
func TestPaginatedSiteLinksResolve(t *testing.T) {
	const base = "/some-repo/"
	var sink render.MapSink
	_, diags, err := build.Run(build.Options{Content: corpus.FS(300), Layouts: os.DirFS("../../layouts"), ContentDir: "content",
		LayoutsDir: "layouts", BaseURL: site.BaseURL{Path: base}, Today: Today(), EventsPerPage: 7, PeoplePerPage: 11}, &sink)
	if err != nil || diags.HasErrors() {
		t.Fatal(err, diags)
	}
	for _, page := range []string{"people/page/14/index.html", "tags/civilians/page/2/index.html", "years/2003/page/2/index.html"} {
		if _, ok := sink.Files[page]; !ok {
			t.Errorf("no %s: the lists are not paginated", page)
		}
	}
	checkLinks(t, sink.Files, base)
}

// checkLinks checks that every internal href and src of every page of a
// site built under base resolves to one of its files, and every #fragment
// to an id on its page. It returns how many links it checked.
func checkLinks(t *testing.T, files map[string][]byte, base string) (checked int) {
	t.Helper()
	ids := map[string]map[string]bool{}
	links := map[string][]string{} // page → links in it
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		doc, err := html.Parse(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		ids[name] = map[string]bool{}
		for n := range doc.Descendants() {
			for _, a := range n.Attr {
				switch a.Key {
				case "id":
					ids[name][a.Val] = true
				case "href", "src":
					links[name] = append(links[name], a.Val)
				}
			}
		}
	}
	for page, hrefs := range links {
		pageURL := &url.URL{Path: base + page}
		for _, href := range hrefs {
			u, err := url.Parse(href)
			if err != nil {
				t.Errorf("%s: bad link %q", page, href)
				continue
			}
			if u.Scheme != "" || u.Host != "" {
				continue
			}
			target := pageURL.ResolveReference(u)
			file, ok := strings.CutPrefix(target.Path, base)
			if !ok {
				t.Errorf("%s: link %q leaves the base path %s", page, href, base)
				continue
			}
			if file == "" || strings.HasSuffix(file, "/") {
				file += "index.html"
			}
			checked++
			if _, ok := files[file]; !ok {
				t.Errorf("%s: broken link %q", page, href)
			} else if u.Fragment != "" && !ids[file][u.Fragment] {
				t.Errorf("%s: link %q names no id on %s", page, href, file)
			}
		}
	}
	return checked
}

// Pages are readable by assistive technology: a language, landmarks, one
// h1, headings that do not skip a level, and machine-readable dates.
func TestShippedSiteMarkup(t *testing.T) {
	for name, data := range buildShipped(t, "/") {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		doc, _ := html.Parse(bytes.NewReader(data))
		var h1s, level int
		tags := map[string]int{}
		for n := range doc.Descendants() {
			if n.Type != html.ElementNode {
				continue
			}
			tags[n.Data]++
			switch n.Data {
			case "html":
				if attr(n, "lang") == "" {
					t.Errorf("%s: <html> has no lang", name)
				}
			case "h1", "h2", "h3", "h4", "h5", "h6":
				l := int(n.Data[1] - '0')
				if l > level+1 {
					t.Errorf("%s: <%s> follows <h%d>", name, n.Data, level)
				}
				level = l
				if l == 1 {
					h1s++
				}
			case "time":
				if attr(n, "datetime") == "" {
					t.Errorf("%s: <time> without datetime", name)
				}
			}
		}
		if h1s != 1 {
			t.Errorf("%s: %d h1 elements, want 1", name, h1s)
		}
		for _, landmark := range []string{"header", "nav", "main", "footer"} {
			if tags[landmark] == 0 {
				t.Errorf("%s: no <%s>", name, landmark)
			}
		}
	}
}

// Every page declares the Content-Security-Policy, and nothing in it needs
// the policy to allow more: no inline script (JSON-LD is data), no event
// handler attributes, no style attributes or elements, no script links.
func TestShippedSitePolicy(t *testing.T) {
	for name, data := range buildShipped(t, "/") {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		doc, _ := html.Parse(bytes.NewReader(data))
		declared := false
		for n := range doc.Descendants() {
			if n.Type != html.ElementNode {
				continue
			}
			if n.Data == "meta" && strings.EqualFold(attr(n, "http-equiv"), "Content-Security-Policy") {
				declared = policyBase.ReplaceAllString(attr(n, "content"), "") == site.ContentSecurityPolicy
			}
			if n.Data == "script" && attr(n, "src") == "" && attr(n, "type") != "application/ld+json" {
				t.Errorf("%s: an inline script", name)
			}
			if n.Data == "style" {
				t.Errorf("%s: a <style> element", name)
			}
			for _, a := range n.Attr {
				if strings.HasPrefix(a.Key, "on") || a.Key == "style" {
					t.Errorf("%s: <%s %s=...>", name, n.Data, a.Key)
				}
				if (a.Key == "href" || a.Key == "src") && strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:") {
					t.Errorf("%s: <%s %s=%q>", name, n.Data, a.Key, a.Val)
				}
			}
		}
		if !declared {
			t.Errorf("%s does not declare the Content-Security-Policy", name)
		}
	}
}

// policyBase strips the hash of a page's JSON-LD from its policy.
var policyBase = regexp.MustCompile(` 'sha256-[A-Za-z0-9+/=]+'`)

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// The feed is Atom 1.0 with absolute links when the base URL has a host.
func TestShippedFeed(t *testing.T) {
	files := buildShipped(t, "https://owner.github.io/repo/")
	var feed struct {
		XMLName xml.Name
		ID      string `xml:"id"`
		Updated string `xml:"updated"`
		Entries []struct {
			ID      string `xml:"id"`
			Title   string `xml:"title"`
			Updated string `xml:"updated"`
			Link    struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(files["feed.xml"], &feed); err != nil {
		t.Fatal(err)
	}
	if feed.XMLName.Space != "http://www.w3.org/2005/Atom" || feed.XMLName.Local != "feed" || feed.ID == "" || feed.Updated == "" {
		t.Errorf("not an Atom feed: %+v", feed.XMLName)
	}
	if len(feed.Entries) == 0 {
		t.Fatal("no entries")
	}
	for _, e := range feed.Entries {
		if !strings.HasPrefix(e.ID, "urn:uuid:") || e.Title == "" || !strings.HasPrefix(e.Link.Href, "https://owner.github.io/repo/events/") || len(e.Updated) != len("2025-08-24T00:00:00Z") {
			t.Errorf("bad entry %+v", e)
		}
	}
	if !bytes.Contains(files["sitemap.xml"], []byte("<loc>https://owner.github.io/repo/people/</loc>")) {
		t.Error("the sitemap has no absolute URLs")
	}
	if !bytes.Contains(files["robots.txt"], []byte("Sitemap: https://owner.github.io/repo/sitemap.xml")) {
		t.Error("robots.txt does not name the sitemap")
	}
}

// The same input gives byte-identical output, however many CPUs render it.
func TestDeterministic(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	runtime.GOMAXPROCS(1)
	one := buildShipped(t, "/repo/")
	runtime.GOMAXPROCS(8)
	eight := buildShipped(t, "/repo/")
	if len(one) != len(eight) {
		t.Fatalf("%d files with GOMAXPROCS=1, %d with 8", len(one), len(eight))
	}
	for name, data := range one {
		if !bytes.Equal(data, eight[name]) {
			t.Errorf("%s differs between GOMAXPROCS=1 and 8", name)
		}
	}
	if _, ok := one["data/events.json"]; !ok || len(one) < 12 {
		t.Errorf("only %d files: the site was not built", len(one))
	}
}
