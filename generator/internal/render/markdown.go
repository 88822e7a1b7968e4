package render

import (
	"bufio"
	"bytes"
	"html/template"
	"strings"
	"sync"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/site"
	"github.com/exchange-timeline/timeline/generator/internal/urls"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// newMarkdown returns the goldmark instance every page of an edition
// shares. It is goldmark's safe default (raw HTML is escaped, javascript:
// and similar links are dropped) plus the extensions of
// content.MarkdownExtensions. prefix is the edition's folder ("uk/"), in
// which links to pages lead.
func newMarkdown(base site.BaseURL, prefix string) goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(content.MarkdownExtensions()...),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithASTTransformers(util.Prioritized(bodyTransformer{base, prefix}, 100)),
		),
	)
}

// bodyTransformer fits a Markdown body into its page.
type bodyTransformer struct {
	base   site.BaseURL
	prefix string
}

// HeadingIDPrefix starts the id of every heading of a body: "# Sources"
// becomes id="text-sources". The layouts' own ids (main, sources,
// source-ID...) never start with it, so a body cannot take one of them and
// send in-page links to the wrong place; a link in the body to one of its
// own headings ("#sources") gets the prefix too.
const HeadingIDPrefix = "text-"

// Transform moves headings one level down, because the page's title is the
// only h1, and gives their ids HeadingIDPrefix; makes site-absolute links
// ("/people/x/") carry the base path, so they work on a project site under
// /REPO/, and lead to a page of the page's own edition ("/uk/people/x/");
// and empties any link the site does not allow (urls.Allowed), which
// validation reports.
func (t bodyTransformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	var refused []*ast.AutoLink
	var fragments []*ast.Link
	headings := map[string]bool{}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			n.Level = min(n.Level+1, 6)
			if id, ok := n.AttributeString("id"); ok {
				if id, ok := id.([]byte); ok {
					headings[string(id)] = true
					n.SetAttributeString("id", append([]byte(HeadingIDPrefix), id...))
				}
			}
		case *ast.Link:
			if bytes.HasPrefix(n.Destination, []byte("#")) {
				fragments = append(fragments, n)
			}
			n.Destination = t.rebase(n.Destination)
		case *ast.Image:
			n.Destination = t.rebase(n.Destination)
		}
		if link, ok := n.(*ast.Link); ok && !urls.Allowed(string(link.Destination)) {
			link.Destination = nil // validation reports it; never render it
		}
		if img, ok := n.(*ast.Image); ok && !urls.Allowed(string(img.Destination)) {
			img.Destination = nil
		}
		if a, ok := n.(*ast.AutoLink); ok && !urls.Allowed(string(a.URL(reader.Source()))) {
			refused = append(refused, a)
		}
		return ast.WalkContinue, nil
	})
	for _, a := range refused { // an autolink cannot be emptied: it becomes its text
		a.Parent().ReplaceChild(a.Parent(), a, ast.NewString(a.Label(reader.Source())))
	}
	for _, link := range fragments {
		if headings[string(link.Destination[1:])] {
			link.Destination = append([]byte("#"+HeadingIDPrefix), link.Destination[1:]...)
		}
	}
}

// rebase puts a site-absolute link under the base path; a link to a page
// (its path ends with "/", as every page's address does) goes to that page
// in the edition, while files every edition shares ("/data/events.json")
// stay where they are.
func (t bodyTransformer) rebase(dest []byte) []byte {
	if len(dest) == 0 || dest[0] != '/' || bytes.HasPrefix(dest, []byte("//")) {
		return dest
	}
	p := string(dest)
	pagePath := p
	if end := strings.IndexAny(p, "?#"); end >= 0 {
		pagePath = p[:end]
	}
	if strings.HasSuffix(pagePath, "/") {
		p = "/" + t.prefix + p[1:]
	}
	return []byte(t.base.URL(p))
}

// markdown renders a body to HTML.
func (ed *edition) markdown(body string) (template.HTML, error) {
	w := markdownWriters.Get().(*markdownWriter)
	defer markdownWriters.Put(w)
	w.buf.Reset()
	w.buf.Grow(len(body) + len(body)/4) // the HTML is a little longer than its Markdown
	w.Reset(&w.buf)
	if err := ed.md.Convert([]byte(body), w); err != nil {
		return "", err
	}
	// goldmark escapes raw HTML and unsafe links, so its output is trusted.
	return template.HTML(w.buf.String()), nil
}

// markdownWriter is what goldmark writes a body to: a buffered writer,
// which goldmark would otherwise make for every body, on a buffer that
// keeps its size from one body to the next.
type markdownWriter struct {
	*bufio.Writer
	buf bytes.Buffer
}

var markdownWriters = sync.Pool{New: func() any {
	w := new(markdownWriter)
	w.Writer = bufio.NewWriter(&w.buf)
	return w
}}
