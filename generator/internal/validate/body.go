package validate

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/diag"
	"github.com/exchange-timeline/timeline/generator/internal/urls"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// markdown parses bodies as the renderer does, to find their links.
var markdown = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Linkify, extension.Strikethrough))

// scheme finds what looks like a URL scheme anywhere in a body.
var scheme = regexp.MustCompile(`(?i)(?:^|[^a-z0-9+.-])([a-z][a-z0-9+.-]*):`)

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
	src := []byte(doc.Body)
	root := markdown.Parser().Parse(text.NewReader(src))
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var dest []byte
		switch n := n.(type) {
		case *ast.Link:
			dest = n.Destination
		case *ast.Image:
			dest = n.Destination
		case *ast.AutoLink:
			dest = n.URL(src)
		default:
			return ast.WalkContinue, nil
		}
		if !urls.Allowed(string(dest)) {
			line, col := position(doc, src, offsetOf(n, src))
			c.diags = append(c.diags, diag.Diagnostic{Path: doc.Path, Line: line, Col: col,
				Message: "link to " + quoteShort(dest) + " is not allowed",
				Hint:    "links in the text must be https:// addresses or paths on the site"})
		}
		return ast.WalkContinue, nil
	})
}

func suspicious(body string) bool {
	if strings.Contains(body, "&#") || strings.Contains(body, `\`) {
		return true
	}
	for _, m := range scheme.FindAllStringSubmatch(body, -1) {
		if !urls.Allowed(m[1] + ":") {
			return true
		}
	}
	return false
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
