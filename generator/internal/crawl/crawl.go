// Package crawl checks a site over HTTP the way a reader's browser meets
// it: starting from a few URLs it fetches every page and asset the site
// links to, and reports each link that does not lead to a 200 response, that
// leaves the site's base path, or whose #fragment names no element.
//
// It reads links from HTML (href, src, srcset, poster, data, action, cite,
// meta refresh, inline styles), CSS (url() and @import), XML (sitemap
// <loc>, Atom <link href> and the HTML inside Atom content) and robots.txt
// (Sitemap lines). Links to other hosts are counted, not fetched.
package crawl

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"maps"
	"mime"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Options say what to crawl.
type Options struct {
	// Base is the site's root, e.g. http://127.0.0.1:8000/repo/. Every link
	// on the same host must stay under its path.
	Base string
	// Start lists paths, relative to Base, to start from besides Base
	// itself: pages and files nothing links to, like 404.html.
	Start []string
	// Client does the requests; nil means a client that follows no
	// redirects, so that they can be reported.
	Client *http.Client
}

// A Problem is one broken link.
type Problem struct {
	From   string // the page or file that has the link
	Link   string // the link as written
	Reason string
}

func (p Problem) String() string {
	return fmt.Sprintf("%s: %s: %s", p.From, p.Link, p.Reason)
}

// Result is what a crawl found.
type Result struct {
	// Fetched counts responses by kind: "html", "css", "xml", "other".
	Fetched map[string]int
	// Links is how many links were checked (each occurrence once);
	// External how many of them point to other hosts and were not fetched.
	Links, External int
	// Redirects lists links that work only through a redirect.
	Redirects []Problem
	Problems  []Problem
	// Unlinked lists the paths of the start URLs that no fetched page or
	// file links to.
	Unlinked []string
}

// start is the referrer of the start URLs.
const start = "(start)"

// ref is one link to a URL: where it is and how it is written.
type ref struct{ from, link string }

// fragmentLink is a link with a #fragment, checked once every page is in.
type fragmentLink struct {
	ref
	key, fragment string
}

type crawler struct {
	base   *url.URL
	client *http.Client
	urls   map[string]*url.URL        // every URL linked to, without fragment
	refs   map[string][]ref           // URL → the links to it
	queue  []string                   // URLs to fetch, in the order found
	status map[string]string          // URL → "" when fine, else the reason
	ids    map[string]map[string]bool // HTML page URL → its ids and anchor names
	frags  []fragmentLink
	result Result
}

// Run crawls the site and returns what it found; err is about the crawl
// itself (a bad base URL, a cancelled context), not about the site.
func Run(ctx context.Context, opts Options) (*Result, error) {
	base, err := url.Parse(opts.Base)
	if err != nil || base.Host == "" || (base.Scheme != "http" && base.Scheme != "https") {
		return nil, fmt.Errorf("crawl: base %q is not an http URL", opts.Base)
	}
	if !strings.HasSuffix(base.Path, "/") {
		base.Path += "/"
	}
	c := &crawler{base: base, client: opts.Client,
		urls: map[string]*url.URL{}, refs: map[string][]ref{}, status: map[string]string{},
		ids: map[string]map[string]bool{}, result: Result{Fetched: map[string]int{}}}
	if c.client == nil {
		c.client = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	}
	c.add(start, base.String(), base)
	for _, p := range opts.Start {
		c.add(start, p, base)
	}
	for len(c.queue) > 0 {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		key := c.queue[0]
		c.queue = c.queue[1:]
		c.fetch(ctx, key)
	}
	for _, key := range slices.Sorted(maps.Keys(c.refs)) {
		if !slices.ContainsFunc(c.refs[key], func(r ref) bool { return r.from != start }) {
			c.result.Unlinked = append(c.result.Unlinked, c.urls[key].Path)
		}
		reason := c.status[key]
		if reason == "" {
			continue
		}
		for _, r := range c.refs[key] {
			p := Problem{From: r.from, Link: r.link, Reason: reason}
			if strings.HasPrefix(reason, "redirects to ") {
				c.result.Redirects = append(c.result.Redirects, p)
			} else {
				c.result.Problems = append(c.result.Problems, p)
			}
		}
	}
	for _, f := range c.frags {
		ids, isHTML := c.ids[f.key]
		if c.status[f.key] == "" && isHTML && !ids[f.fragment] && f.fragment != "top" {
			c.problem(f.from, f.link, fmt.Sprintf("no element has id %q in %s", f.fragment, c.urls[f.key].Path))
		}
	}
	slices.SortStableFunc(c.result.Problems, func(a, b Problem) int { return strings.Compare(a.From, b.From) })
	return &c.result, nil
}

func (c *crawler) problem(from, link, reason string) {
	c.result.Problems = append(c.result.Problems, Problem{From: from, Link: link, Reason: reason})
}

// add checks one link found in page from (a path, or "(start)") and queues
// its target the first time it is seen.
func (c *crawler) add(from, link string, pageURL *url.URL) {
	link = strings.TrimSpace(link)
	if link == "" {
		return
	}
	c.result.Links++
	u, err := pageURL.Parse(link)
	if err != nil {
		c.problem(from, link, "not a valid URL")
		return
	}
	switch u.Scheme {
	case "http", "https":
	case "mailto", "tel", "data", "javascript":
		return
	default:
		c.problem(from, link, fmt.Sprintf("unexpected scheme %q", u.Scheme))
		return
	}
	if u.Host != c.base.Host {
		c.result.External++
		return
	}
	if !strings.HasPrefix(u.Path, c.base.Path) {
		c.problem(from, link, fmt.Sprintf("leaves the site: %s is outside its base path %s", u.Path, c.base.Path))
		return
	}
	frag := u.Fragment
	u.Fragment, u.RawFragment = "", ""
	key := u.String()
	if frag != "" {
		c.frags = append(c.frags, fragmentLink{ref{from, link}, key, frag})
	}
	if _, ok := c.urls[key]; !ok {
		c.urls[key] = u
		c.queue = append(c.queue, key)
	}
	c.refs[key] = append(c.refs[key], ref{from, link})
}

func (c *crawler) fetch(ctx context.Context, key string) {
	u := c.urls[key]
	reason, body, kind := c.get(ctx, u)
	c.status[key] = reason
	if reason != "" {
		return
	}
	c.result.Fetched[kind]++
	from := u.Path
	switch kind {
	case "html":
		c.html(from, u, body)
	case "css":
		c.css(from, u, string(body))
	case "xml":
		c.xml(from, u, body)
	case "other":
		if strings.HasSuffix(u.Path, "/robots.txt") {
			for _, line := range strings.Split(string(body), "\n") {
				if v, ok := cutPrefixFold(strings.TrimSpace(line), "sitemap:"); ok {
					c.add(from, strings.TrimSpace(v), u)
				}
			}
		}
	}
}

func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}

// maxBody bounds what is read of one response.
const maxBody = 32 << 20

// get fetches u and says what is wrong with the response, if anything.
func (c *crawler) get(ctx context.Context, u *url.URL) (reason string, body []byte, kind string) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return err.Error(), nil, ""
	}
	resp, err := c.client.Do(req)
	if err != nil {
		return err.Error(), nil, ""
	}
	defer resp.Body.Close()
	body, err = io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		return "reading the response: " + err.Error(), nil, ""
	}
	switch {
	case resp.StatusCode >= 300 && resp.StatusCode < 400:
		return "redirects to " + resp.Header.Get("Location"), nil, ""
	case resp.StatusCode != http.StatusOK:
		return resp.Status, nil, ""
	}
	mediaType, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	switch {
	case mediaType == "text/html":
		kind = "html"
	case mediaType == "text/css":
		kind = "css"
	case strings.HasSuffix(mediaType, "xml") && mediaType != "image/svg+xml":
		kind = "xml"
	default:
		kind = "other"
	}
	return "", body, kind
}

// urlAttrs are the attributes that hold one URL, by element ("*" for any).
var urlAttrs = map[string][]string{
	"a": {"href"}, "area": {"href"}, "link": {"href"}, "base": {},
	"img": {"src"}, "script": {"src"}, "iframe": {"src"}, "embed": {"src"},
	"source": {"src"}, "track": {"src"}, "audio": {"src"}, "video": {"src", "poster"},
	"object": {"data"}, "form": {"action"}, "input": {"src"},
	"blockquote": {"cite"}, "q": {"cite"}, "del": {"cite"}, "ins": {"cite"},
}

func (c *crawler) html(from string, pageURL *url.URL, body []byte) {
	doc, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		c.problem(from, "", "cannot parse the HTML: "+err.Error())
		return
	}
	ids := map[string]bool{}
	c.ids[pageURL.String()] = ids
	base := pageURL
	var links [][2]string // href, attribute
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				if a.Namespace != "" {
					continue
				}
				switch {
				case a.Key == "id" || (a.Key == "name" && n.Data == "a"):
					ids[a.Val] = true
				case a.Key == "style":
					for _, u := range cssURLs(a.Val) {
						links = append(links, [2]string{u, "style"})
					}
				case a.Key == "srcset" || a.Key == "imagesrcset":
					for _, cand := range strings.Split(a.Val, ",") {
						if f := strings.Fields(cand); len(f) > 0 {
							links = append(links, [2]string{f[0], a.Key})
						}
					}
				case slices.Contains(urlAttrs[n.Data], a.Key):
					links = append(links, [2]string{a.Val, a.Key})
				}
			}
			switch n.Data {
			case "base":
				if href := attr(n, "href"); href != "" {
					if u, err := pageURL.Parse(href); err == nil {
						base = u
					}
				}
			case "meta":
				if strings.EqualFold(attr(n, "http-equiv"), "refresh") {
					if _, target, ok := strings.Cut(attr(n, "content"), "="); ok {
						links = append(links, [2]string{strings.Trim(strings.TrimSpace(target), `'"`), "refresh"})
					}
				}
			case "style":
				if n.FirstChild != nil {
					for _, u := range cssURLs(n.FirstChild.Data) {
						links = append(links, [2]string{u, "style"})
					}
				}
			}
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch)
		}
	}
	walk(doc)
	for _, l := range links {
		c.add(from, l[0], base)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}

var (
	cssURL     = regexp.MustCompile(`url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)`)
	cssImport  = regexp.MustCompile(`@import\s+(?:"([^"]*)"|'([^']*)')`)
	cssComment = regexp.MustCompile(`(?s)/\*.*?\*/`)
)

// cssURLs returns the URLs of url() and @import "..." in a style sheet.
func cssURLs(css string) []string {
	css = cssComment.ReplaceAllString(css, "")
	var out []string
	for _, re := range []*regexp.Regexp{cssURL, cssImport} {
		for _, m := range re.FindAllStringSubmatch(css, -1) {
			for _, g := range m[1:] {
				if g != "" {
					out = append(out, g)
					break
				}
			}
		}
	}
	return out
}

func (c *crawler) css(from string, u *url.URL, body string) {
	for _, link := range cssURLs(body) {
		c.add(from, link, u)
	}
}

// xml reads the links of a sitemap or an Atom feed, and of the HTML that
// Atom entries carry.
func (c *crawler) xml(from string, u *url.URL, body []byte) {
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Strict = false
	var inLoc, inHTML bool
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			c.problem(from, "", "cannot parse the XML: "+err.Error())
			return
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "loc":
				inLoc = true
			case "link":
				for _, a := range t.Attr {
					if a.Name.Local == "href" {
						c.add(from, a.Value, u)
					}
				}
			case "content", "summary":
				for _, a := range t.Attr {
					if a.Name.Local == "type" && a.Value == "html" {
						inHTML = true
					}
				}
			}
		case xml.EndElement:
			inLoc, inHTML = false, false
		case xml.CharData:
			switch {
			case inLoc:
				c.add(from, string(t), u)
			case inHTML:
				c.htmlFragment(from, u, string(t))
			}
		}
	}
}

// htmlFragment checks the links of HTML embedded in a feed; it records no
// ids, as the fragment is not a page.
func (c *crawler) htmlFragment(from string, u *url.URL, s string) {
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				if slices.Contains(urlAttrs[n.Data], a.Key) {
					c.add(from, a.Val, u)
				}
			}
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
}
