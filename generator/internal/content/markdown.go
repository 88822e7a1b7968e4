package content

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// MarkdownExtensions is the Markdown of bodies: CommonMark with GitHub's
// tables, autolinks and strikethrough. Validation parses bodies with it to
// find their links and the renderer renders them with it, so both read the
// same document.
var MarkdownExtensions = []goldmark.Extender{extension.Table, extension.Linkify, extension.Strikethrough}
