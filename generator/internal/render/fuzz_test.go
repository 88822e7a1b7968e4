package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/exchange-timeline/timeline/generator/internal/site"
	"github.com/exchange-timeline/timeline/generator/internal/urls"
	"golang.org/x/net/html"
)

// What a Markdown body may become: goldmark's elements and attributes for
// the syntax we enable, and nothing that can run script.
var (
	bodyElements = map[string]bool{"p": true, "a": true, "em": true, "strong": true, "code": true, "pre": true,
		"ul": true, "ol": true, "li": true, "blockquote": true, "h2": true, "h3": true, "h4": true, "h5": true,
		"h6": true, "hr": true, "br": true, "img": true, "table": true, "thead": true, "tbody": true, "tr": true,
		"th": true, "td": true, "del": true, "html": true, "head": true, "body": true}
	bodyAttributes = map[string]bool{"href": true, "src": true, "alt": true, "title": true, "id": true, "start": true,
		"class": true, "align": true, "style": false}
)

// FuzzMarkdown renders arbitrary bodies and checks the HTML: only the
// expected elements and attributes, and no link a reader's browser could
// run.
func FuzzMarkdown(f *testing.F) {
	for _, s := range []string{
		"# Title\n\nSome *text* with a [link](https://example.org/) and <script>alert(1)</script>.",
		"[x](javascript:alert(1)) ![y](data:text/html,z) <a href=\"javascript:x\">a</a> <img src=x onerror=alert(1)>",
		"| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gone~~ https://auto.example/ <https://x.example> <mailto:a@b.c>",
		"```html\n<script>x</script>\n```\n\n> quote\n\n1. one\n2. two\n\n- [ ] task",
		"[a](&#106;avascript:alert(1)) [b](jav&#x09;ascript:x) [c][r]\n\n[r]: vbscript:x",
	} {
		f.Add(s)
	}
	ed := &edition{md: newMarkdown(site.BaseURL{Path: "/repo/"}, "uk/")}
	f.Fuzz(func(t *testing.T, body string) {
		out, err := ed.markdown(body)
		if err != nil {
			return
		}
		doc, err := html.Parse(strings.NewReader(string(out)))
		if err != nil {
			t.Fatalf("unparsable output: %v", err)
		}
		for n := range doc.Descendants() {
			if n.Type != html.ElementNode {
				continue
			}
			if !bodyElements[n.Data] {
				t.Fatalf("element <%s> in the output of %q:\n%s", n.Data, body, out)
			}
			for _, a := range n.Attr {
				if !bodyAttributes[a.Key] {
					t.Fatalf("attribute %s on <%s> in the output of %q:\n%s", a.Key, n.Data, body, out)
				}
				if (a.Key == "href" || a.Key == "src") && !urls.Allowed(a.Val) {
					t.Fatalf("%s=%q in the output of %q", a.Key, a.Val, body)
				}
			}
		}
		if bytes.Contains(bytes.ToLower([]byte(out)), []byte("<script")) {
			t.Fatalf("a script tag in the output of %q", body)
		}
	})
}
