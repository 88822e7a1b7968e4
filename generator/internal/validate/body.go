package validate

import (
	"bytes"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/diag"
	"github.com/exchange-timeline/timeline/generator/internal/urls"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// markdown parses bodies as the renderer does, to find their links.
var markdown = goldmark.New(goldmark.WithExtensions(content.MarkdownExtensions()...))

// bodyLinks reports the links and images of a Markdown body whose
// destination may not appear on the site (javascript:, data: and the like),
// at their line in the file. Bodies are parsed only when they contain a
// trace of such a link (a scheme other than http, https or mailto, or a
// character reference, named or numbered, or an escape that could hide
// one), so the common case costs a search.
func (c *checker) bodyLinks(doc *content.Doc) {
	if !suspicious(doc.Body) {
		return
	}
	eachLink(doc, func(n ast.Node, dest []byte, t *body) {
		if !urls.Allowed(string(dest)) {
			line, col := t.position(offsetOf(n, t.src))
			c.diags = append(c.diags, diag.Diagnostic{Path: doc.Path, Line: line, Col: col,
				Message: "link to " + quoteShort(dest) + " is not allowed",
				Hint:    "links in the text must be https:// addresses or paths on the site"})
		}
	})
}

// bodyRawHTML reports raw HTML in a body, which pages show as text, tags
// and all (a warning), once per line.
func (c *checker) bodyRawHTML(doc *content.Doc) {
	if !strings.Contains(doc.Body, "<") {
		return
	}
	t := newBody(doc)
	reported := -1 // the last line with raw HTML reported
	report := func(offset int) {
		if line := t.line(offset); line != reported {
			reported = line
			line, col := t.position(offset)
			c.diags = append(c.diags, diag.Diagnostic{Severity: diag.Warning, Path: doc.Path, Line: line, Col: col,
				Message: "raw HTML is shown as text, not as HTML",
				Hint:    "write it in Markdown: **bold**, *italics*, [a link](https://…)"})
		}
	}
	_ = ast.Walk(t.parse(), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.RawHTML:
			if entering && n.Segments.Len() > 0 {
				report(n.Segments.At(0).Start)
			}
		case *ast.HTMLBlock:
			if entering && n.Lines().Len() > 0 {
				report(n.Lines().At(0).Start)
			}
		}
		return ast.WalkContinue, nil
	})
}

// body is a Markdown body being checked: its bytes, and where in the file
// each of their offsets is.
type body struct {
	doc   *content.Doc
	src   []byte
	lines lineIndex
}

func newBody(doc *content.Doc) *body {
	return &body{doc: doc, src: []byte(doc.Body)}
}

func (t *body) parse() ast.Node {
	return markdown.Parser().Parse(text.NewReader(t.src))
}

// eachLink parses a body and calls link for each of its links, images and
// autolinks, with its destination.
func eachLink(doc *content.Doc, link func(n ast.Node, dest []byte, t *body)) {
	t := newBody(doc)
	_ = ast.Walk(t.parse(), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			link(n, n.Destination, t)
		case *ast.Image:
			link(n, n.Destination, t)
		case *ast.AutoLink:
			link(n, n.URL(t.src), t)
		}
		return ast.WalkContinue, nil
	})
}

func suspicious(body string) bool {
	if strings.Contains(body, "&") || strings.Contains(body, `\`) {
		return true
	}
	// Each colon may end a scheme: the letters, digits, +, . and - before
	// it, starting with a letter.
	for rest, end := body, 0; ; rest = rest[end+1:] {
		end = strings.IndexByte(rest, ':')
		if end < 0 {
			return false
		}
		start := end
		for start > 0 && isSchemeChar(rest[start-1]) {
			start--
		}
		for start < end && !isLetter(rest[start]) {
			start++ // a scheme starts with a letter
		}
		if start < end && !urls.Allowed(rest[start:end+1]) {
			return true
		}
	}
}

func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

func isSchemeChar(c byte) bool {
	return isLetter(c) || '0' <= c && c <= '9' || c == '+' || c == '.' || c == '-'
}

// offsetOf finds where an inline node starts in the body: at its first
// text, less the opening bracket; a node without text (an autolink, an
// empty link), where its text or destination is, searched for from the
// end of what comes before it, so that neither the search nor its answer
// depends on what comes earlier in the body.
func offsetOf(n ast.Node, src []byte) int {
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return max(t.Segment.Start-1, 0)
		}
	}
	from := searchFrom(n)
	if a, ok := n.(*ast.AutoLink); ok {
		if i := bytes.Index(src[from:], a.URL(src)); i >= 0 {
			return from + i
		}
	}
	return from
}

// searchFrom is where the text before an inline node ends: the end of its
// previous sibling's text, or the start of its block.
func searchFrom(n ast.Node) int {
	for p := n.PreviousSibling(); p != nil; p = p.PreviousSibling() {
		if t, ok := p.(*ast.Text); ok {
			return t.Segment.Stop
		}
	}
	for b := n.Parent(); b != nil; b = b.Parent() {
		if b.Type() == ast.TypeBlock && b.Lines().Len() > 0 {
			return b.Lines().At(0).Start
		}
	}
	return 0
}

// line returns the line (from 0) of an offset in the body.
func (t *body) line(offset int) int {
	return t.lines.line(t.src, offset)
}

// position turns an offset in the body into a line and column in the file.
func (t *body) position(offset int) (line, col int) {
	return t.lines.position(t.doc, t.src, offset)
}

// lineIndex turns offsets in a body into lines and columns, finding the
// line starts once per body. Columns count characters from the last offset
// placed on the same line, as nodes come in document order: a line of a
// megabyte with thousands of problems is read once, not once per problem.
type lineIndex struct {
	starts              []int
	lastOffset, lastCol int
	lastLine            int
}

// line returns the index of the line (from 0) of an offset in src.
func (x *lineIndex) line(src []byte, offset int) int {
	if x.starts == nil {
		x.starts = []int{0}
		for i, c := range src {
			if c == '\n' {
				x.starts = append(x.starts, i+1)
			}
		}
		x.lastLine = -1
	}
	return sort.SearchInts(x.starts, min(max(offset, 0), len(src))+1) - 1
}

// position turns an offset in src, doc's body, into a line and column in
// the file.
func (x *lineIndex) position(doc *content.Doc, src []byte, offset int) (line, col int) {
	offset = min(max(offset, 0), len(src))
	i := x.line(src, offset)
	from, col := x.starts[i], 1
	if i == x.lastLine && offset >= x.lastOffset {
		from, col = x.lastOffset, x.lastCol
	}
	col += utf8.RuneCount(src[from:offset])
	x.lastLine, x.lastOffset, x.lastCol = i, offset, col
	return doc.BodyLine + i, col
}

func quoteShort(dest []byte) string {
	s := string(dest)
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	return `"` + s + `"`
}
