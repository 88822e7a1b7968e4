package validate

import (
	"bytes"
	"strings"

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
// character reference or escape that could hide one), so the common case
// costs a search.
func (c *checker) bodyLinks(doc *content.Doc) {
	if !suspicious(doc.Body) {
		return
	}
	eachLink(doc, func(n ast.Node, dest, src []byte) {
		if !urls.Allowed(string(dest)) {
			line, col := position(doc, src, offsetOf(n, src))
			c.diags = append(c.diags, diag.Diagnostic{Path: doc.Path, Line: line, Col: col,
				Message: "link to " + quoteShort(dest) + " is not allowed",
				Hint:    "links in the text must be https:// addresses or paths on the site"})
		}
	})
}

// eachLink parses a body and calls link for each of its links, images and
// autolinks, with its destination; src is the body.
func eachLink(doc *content.Doc, link func(n ast.Node, dest, src []byte)) {
	src := []byte(doc.Body)
	root := markdown.Parser().Parse(text.NewReader(src))
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			link(n, n.Destination, src)
		case *ast.Image:
			link(n, n.Destination, src)
		case *ast.AutoLink:
			link(n, n.URL(src), src)
		}
		return ast.WalkContinue, nil
	})
}

func suspicious(body string) bool {
	if strings.Contains(body, "&#") || strings.Contains(body, `\`) {
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
// text, less the opening bracket.
func offsetOf(n ast.Node, src []byte) int {
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return max(t.Segment.Start-1, 0)
		}
	}
	if a, ok := n.(*ast.AutoLink); ok {
		return bytes.Index(src, a.URL(src))
	}
	return 0
}

// position turns an offset in the body into a line and column in the file.
func position(doc *content.Doc, src []byte, offset int) (line, col int) {
	offset = min(max(offset, 0), len(src))
	before := src[:offset]
	line = doc.BodyLine + bytes.Count(before, []byte("\n"))
	col = offset - bytes.LastIndexByte(before, '\n')
	return line, col
}

func quoteShort(dest []byte) string {
	s := string(dest)
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	return `"` + s + `"`
}
