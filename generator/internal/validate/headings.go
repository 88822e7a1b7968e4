package validate

import (
	"fmt"
	"strings"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/diag"
	"github.com/yuin/goldmark/ast"
)

// body checks the Markdown text of a file: its links, its raw HTML, its
// headings, and that its links and images have words for those who cannot
// see them.
func (c *checker) body(doc *content.Doc) {
	c.bodyLinks(doc)
	c.bodyRawHTML(doc)
	c.bodyHeadings(doc)
	c.bodyNames(doc)
}

// bodyHeadings reports a heading of a body that skips a level. A body
// stands under a heading of its page ("What happened", "Biography"), and
// its headings go one level below the page's (# becomes h2): so the first
// may be # or ##, and each one at most one # more than the one before.
// Readers of screen readers move through a page by its headings, and a
// skipped level says a part is missing (WCAG 1.3.1).
func (c *checker) bodyHeadings(doc *content.Doc) {
	if !mayHaveHeadings(doc.Body) {
		return
	}
	t := newBody(doc)
	root := t.parse()
	src := t.src
	previous := 1
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		h, ok := n.(*ast.Heading)
		if !ok {
			continue
		}
		if h.Level > previous+1 {
			hint := fmt.Sprintf("write it with %s, one # more than the heading before it, or fewer", strings.Repeat("#", previous+1))
			if previous == 1 {
				hint = "the first heading of the text is # or ##"
			}
			offset := 0
			if lines := h.Lines(); lines.Len() > 0 {
				offset = lines.At(0).Start
			}
			line, _ := t.position(offset)
			c.diags = append(c.diags, diag.Diagnostic{Path: doc.Path, Line: line, Col: 1,
				Message: "heading " + quoteShort(headingText(h, src)) + " skips a level", Hint: hint})
		}
		previous = h.Level
	}
}

// mayHaveHeadings reports whether a body has a line that may be a heading:
// one starting with #, or one of = or - only under a line of text (a
// setext heading). Most bodies have none, and are not parsed.
func mayHaveHeadings(body string) bool {
	for line := range strings.Lines(body) {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "#") || line != "" && (strings.Trim(line, "=") == "" || strings.Trim(line, "-") == "") {
			return true
		}
	}
	return false
}

func headingText(h *ast.Heading, src []byte) []byte {
	var b []byte
	for c := h.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			b = append(b, t.Segment.Value(src)...)
		}
	}
	return b
}
