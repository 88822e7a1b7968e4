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

// bodyLinks reports what the renderer would quietly change in a Markdown
// body: links and images whose destination may not appear on the site
// (javascript:, data: and the like), which it empties; images from other
// sites, which the pages' Content-Security-Policy blocks; and raw HTML,
// which it shows as text (a warning). Each is reported at its line in the
// file. Bodies are parsed only when they contain a trace of one of those
// (a scheme other than http, https or mailto, a character reference or an
// escape that could hide one, "<" or "!["), so the common case costs a
// search.
func (c *checker) bodyLinks(doc *content.Doc) {
	if !suspicious(doc.Body) {
		return
	}
	src := []byte(doc.Body)
	root := markdown.Parser().Parse(text.NewReader(src))
	var lines lineIndex
	htmlLine := 0 // the last line with raw HTML reported: once per line is enough
	report := func(offset int, d diag.Diagnostic) {
		if d.Severity == diag.Warning {
			line := doc.BodyLine + lines.line(src, offset)
			if line == htmlLine {
				return
			}
			htmlLine = line
		}
		d.Path = doc.Path
		d.Line, d.Col = lines.position(doc, src, offset)
		c.diags = append(c.diags, d)
	}
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
			if urls.Allowed(string(dest)) && offSite(dest) {
				report(offsetOf(n, src), diag.Diagnostic{Message: "image " + quoteShort(dest) + " is on another site",
					Hint: "pages show only the site's own images: put it in layouts/static/ and write ![what it shows](/its-name.jpg)"})
			}
		case *ast.AutoLink:
			dest = n.URL(src)
		case *ast.RawHTML:
			if n.Segments.Len() > 0 {
				report(n.Segments.At(0).Start, rawHTML)
			}
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock:
			if n.Lines().Len() > 0 {
				report(n.Lines().At(0).Start, rawHTML)
			}
			return ast.WalkSkipChildren, nil
		default:
			return ast.WalkContinue, nil
		}
		if !urls.Allowed(string(dest)) {
			report(offsetOf(n, src), diag.Diagnostic{Message: "link to " + quoteShort(dest) + " is not allowed",
				Hint: "links in the text must be https:// addresses or paths on the site"})
		}
		return ast.WalkContinue, nil
	})
}

var rawHTML = diag.Diagnostic{Severity: diag.Warning, Message: "raw HTML is shown as text, not as HTML",
	Hint: "write it in Markdown: **bold**, *italics*, [a link](https://…)"}

// offSite reports an image address with a scheme or a host: not a path on
// the site.
func offSite(dest []byte) bool {
	d := strings.TrimSpace(string(dest))
	scheme, _, found := strings.Cut(d, ":")
	return strings.HasPrefix(d, "//") || found && !strings.ContainsAny(scheme, "/?#")
}

func suspicious(body string) bool {
	if strings.Contains(body, "&") || strings.Contains(body, `\`) || strings.Contains(body, "<") || strings.Contains(body, "![") {
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
// text, less the opening bracket; an autolink, at its address, searched
// for from the end of the text before it.
func offsetOf(n ast.Node, src []byte) int {
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return max(t.Segment.Start-1, 0)
		}
	}
	if a, ok := n.(*ast.AutoLink); ok {
		from := 0
		for p := n.PreviousSibling(); p != nil; p = p.PreviousSibling() {
			if t, ok := p.(*ast.Text); ok {
				from = t.Segment.Stop
				break
			}
		}
		if from == 0 {
			for b := n.Parent(); b != nil; b = b.Parent() {
				if b.Type() == ast.TypeBlock && b.Lines().Len() > 0 {
					from = b.Lines().At(0).Start
					break
				}
			}
		}
		if i := bytes.Index(src[from:], a.URL(src)); i >= 0 {
			return from + i
		}
	}
	return 0
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

// line returns the index of the line (from 0) of an offset in the body.
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
	return sort.SearchInts(x.starts, offset+1) - 1
}

// position turns an offset in the body into a line and column in the file.
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
