package validate

import (
	"bytes"
	"net/url"
	"regexp"
	"strings"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/diag"
	"github.com/exchange-timeline/timeline/generator/internal/urls"
	"github.com/yuin/goldmark/ast"
)

// bodyNames reports a link of a body with no words to click on, and an
// image with no description: a screen reader has nothing to say for them
// but their address (WCAG 1.1.1, 2.4.4). It also reports an image from
// another site, which the site's security policy (img-src 'self') keeps
// off its pages.
func (c *checker) bodyNames(doc *content.Doc) {
	if !strings.Contains(doc.Body, "![") && !emptyBrackets.MatchString(doc.Body) {
		return
	}
	eachLink(doc, func(n ast.Node, dest []byte, t *body) {
		src := t.src
		var found []diag.Diagnostic
		switch n.(type) {
		case *ast.Link:
			if len(bytes.TrimSpace(plainText(n, src))) == 0 && !hasImage(n) {
				found = append(found, diag.Diagnostic{Message: "link to " + quoteShort(dest) + " has no text",
					Hint: "write the words to click on between the brackets: [the first stage](/events/2025-06-09-x/)"})
			}
		case *ast.Image:
			if len(bytes.TrimSpace(plainText(n, src))) == 0 {
				found = append(found, diag.Diagnostic{Message: "image " + quoteShort(dest) + " has no description",
					Hint: "write what it shows between the brackets: ![Dmytro Khyliuk after his release](…)"})
			}
			if u, err := url.Parse(string(dest)); err == nil && (u.Scheme != "" || u.Host != "") && urls.Allowed(string(dest)) {
				found = append(found, diag.Diagnostic{Message: "image " + quoteShort(dest) + " is not a file of the site",
					Hint: "pages show only the site's own pictures: put it in layouts/static/ and write its address on the site, like /portraits/x.jpg"})
			}
		}
		for _, d := range found {
			d.Path = doc.Path
			d.Line, d.Col = t.position(linkOffset(n, dest, src))
			c.diags = append(c.diags, d)
		}
	})
}

// plainText is the text inside an inline node.
func plainText(n ast.Node, src []byte) []byte {
	var b []byte
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			b = append(b, t.Segment.Value(src)...)
		}
		return ast.WalkContinue, nil
	})
	return b
}

func hasImage(n ast.Node) bool {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if _, ok := c.(*ast.Image); ok {
			return true
		}
	}
	return false
}

// linkOffset is where a link or an image without text starts in the body:
// its destination, less the brackets before it, searched for from the end
// of what comes before it.
func linkOffset(n ast.Node, dest, src []byte) int {
	from := searchFrom(n)
	i := bytes.Index(src[from:], append([]byte("]("), dest...))
	if i < 0 {
		return offsetOf(n, src)
	}
	i += from
	for i > 0 && src[i] != '[' {
		i--
	}
	if i > 0 && src[i-1] == '!' {
		i--
	}
	return i
}

// emptyBrackets finds a link whose text may be empty: "[](", "[ ][".
var emptyBrackets = regexp.MustCompile(`\[\s*\][(\[]`)
