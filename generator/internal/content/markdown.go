package content

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// MarkdownExtensions returns the Markdown of bodies: CommonMark with GitHub's
// tables, autolinks and strikethrough. Validation parses bodies with it to
// find their links and the renderer renders them with it, so both read the
// same document.
func MarkdownExtensions() []goldmark.Extender {
	return []goldmark.Extender{extension.Table, extension.Linkify, extension.Strikethrough}
}
