package validate

import (
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/diag"
	"github.com/exchange-timeline/timeline/generator/internal/urls"
	"github.com/yuin/goldmark/ast"
)

// SiteLinks checks the links of the texts that lead to the site itself,
// "/events/x/" or "../x/": each must lead to one of the files the site
// will have (outs). A relative link is read from the page the text is on;
// a text with no page of its own (a statement's) is checked for links
// from the site's root only.
func SiteLinks(files *content.Files, outs []Output) diag.List {
	docs := slices.DeleteFunc(files.Docs(), func(d *content.Doc) bool { return !mayLinkToSite(d.Body) })
	if len(docs) == 0 {
		return nil
	}
	exists := make(map[string]bool, len(outs))
	pageOf := map[*content.Doc]string{}
	for _, o := range outs {
		exists[o.Path] = true
		if o.Doc != nil && o.Field == "" && path.Base(o.Path) == "index.html" {
			if _, ok := pageOf[o.Doc]; !ok {
				pageOf[o.Doc] = "/" + strings.TrimSuffix(o.Path, "index.html")
			}
		}
	}
	if files.Site != nil {
		pageOf[&files.Site.Doc] = "/" // the home page's introduction
	}
	c := &checker{files: files}
	for _, doc := range docs {
		c.siteLinks(doc, pageOf[doc], exists)
	}
	return c.diags
}

// mayLinkToSite reports whether a body may have a link to the site: a
// link destination ("](" or "]:") that does not start with http(s): or #.
// It runs on every build, so most bodies must not be parsed.
func mayLinkToSite(body string) bool {
	// One pass over the body, from one "]" to the next: a link's text or
	// reference label ends with one, and watch mode asks this of every
	// body on every rebuild.
	for rest := body; ; {
		i := strings.IndexByte(rest, ']')
		if i < 0 || i+1 >= len(rest) {
			return false
		}
		rest = rest[i+1:]
		if rest[0] != '(' && rest[0] != ':' {
			continue
		}
		dest := strings.TrimLeft(rest[1:], " \t<")
		if !strings.HasPrefix(dest, "https://") && !strings.HasPrefix(dest, "http://") && !strings.HasPrefix(dest, "#") {
			return true
		}
	}
}

func (c *checker) siteLinks(doc *content.Doc, page string, exists map[string]bool) {
	eachLink(doc, func(n ast.Node, dest []byte, t *body) {
		if _, auto := n.(*ast.AutoLink); auto {
			return
		}
		target, ok := siteTarget(string(dest), page)
		if !ok || exists[target] {
			return
		}
		hint := "check the address: pages are at addresses like /events/2025-08-24-146-for-146/ and /people/dmytro-khyliuk/"
		if !strings.HasSuffix(target, "index.html") && exists[target+"/index.html"] {
			hint = "end the address with /: " + string(dest) + "/"
		}
		line, col := t.position(offsetOf(n, t.src))
		c.diags = append(c.diags, diag.Diagnostic{Path: doc.Path, Line: line, Col: col,
			Message: "link to " + quoteShort(dest) + " leads to nothing on the site", Hint: hint})
	})
}

// siteTarget is the file of the site a link leads to, read from the page
// at dir ("/events/x/", or "" for a text without a page); ok is false for
// links elsewhere, to a part of the same page, relative links of a text
// without a page, and links the site refuses (reported by bodyLinks).
func siteTarget(dest, dir string) (target string, ok bool) {
	u, err := url.Parse(dest)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" || !urls.Allowed(dest) {
		return "", false
	}
	p := u.Path
	if !strings.HasPrefix(p, "/") {
		if dir == "" {
			return "", false
		}
		p = dir + p
	}
	target = strings.TrimPrefix(path.Clean(p), "/")
	if strings.HasSuffix(p, "/") || target == "" || target == "." {
		target = strings.TrimPrefix(path.Join(target, "index.html"), "./")
	}
	return target, true
}
