package validate

import (
	"cmp"
	"strings"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/diag"
)

// An Output is one file of the site and what makes it, as the renderer
// lists them before writing anything. Checking the list is how the check
// finds what only the build would otherwise find: two files at one
// address, and a portrait that is not among the static files.
type Output struct {
	// Path is the file's path in the site: "events/x/index.html".
	Path string
	// Doc is the content file that makes the output, and Field the field
	// in it that does ("redirect_from[1]", "tags[0]"; "" for the whole
	// file); Doc is nil for the others.
	Doc   *content.Doc
	Field string
	// Static is the layouts file copied to Path ("static/style.css"), for
	// the static files.
	Static string
}

// Outputs checks that no two files of the site the renderer would write
// for files share a path. Clashes that content can fix come back in
// contentDiags, placed in a content file; those between the layouts and
// the generator's own files in layoutDiags, placed in the layouts.
func Outputs(files *content.Files, outs []Output) (contentDiags, layoutDiags diag.List) {
	c := &checker{files: files}
	byPath := make(map[string]*Output, len(outs))
	var layouts diag.List
	for i := range outs {
		o := &outs[i]
		first, taken := byPath[o.Path]
		if !taken {
			byPath[o.Path] = o
			continue
		}
		at, other := blame(first, o, files)
		switch {
		case at.Doc != nil:
			c.errorf(at.Doc, at.Field, takenHint(at), "the address %s is taken by %s", address(at.Path), origin(other))
		case at.Static != "":
			layouts = append(layouts, diag.Diagnostic{Path: at.Static, Message: "the address " + address(at.Path) + " is taken by " + origin(other),
				Hint: "rename or remove this static file"})
		}
	}
	return c.diags, layouts
}

// Portraits checks that every portrait is among the static files of the
// site.
func Portraits(files *content.Files, outs []Output) diag.List {
	static := map[string]bool{}
	for _, o := range outs {
		if o.Static != "" {
			static[o.Path] = true
		}
	}
	c := &checker{files: files}
	for _, p := range files.People {
		if portraitName(p.Portrait) && !static[p.Portrait] {
			c.errorf(&p.Doc, "portrait", "add the image as layouts/static/"+p.Portrait+", or correct the name",
				"portrait %q is not among the layouts' static files", p.Portrait)
		}
	}
	return c.diags
}

// blame chooses which of two outputs at one path is told about it: the one
// where it can be fixed, content rather than the layouts, a redirect rather
// than a page; otherwise the later of the two in the order of the files
// and fields, as the validator reports a clash of ids (which the check
// then does not repeat).
func blame(a, b *Output, files *content.Files) (at, other *Output) {
	switch {
	case a.Doc == nil || b.Doc == nil:
		if a.Doc == nil {
			return b, a
		}
		return a, b
	case isRedirect(a) != isRedirect(b):
		if isRedirect(b) {
			return b, a
		}
		return a, b
	}
	later := cmp.Or(cmp.Compare(fileIndex(files, a.Doc), fileIndex(files, b.Doc)), cmp.Compare(len(a.Field), len(b.Field)), strings.Compare(a.Field, b.Field))
	if later > 0 {
		return a, b
	}
	return b, a
}

// fileIndex is the place of doc among the files, events first: the order in
// which the validator goes through them.
func fileIndex(files *content.Files, doc *content.Doc) int {
	for i, e := range files.Events {
		if &e.Doc == doc {
			return i
		}
	}
	for i, p := range files.People {
		if &p.Doc == doc {
			return len(files.Events) + i
		}
	}
	return -1
}

func isRedirect(o *Output) bool { return strings.HasPrefix(o.Field, "redirect_from") }

func takenHint(o *Output) string {
	switch {
	case isRedirect(o):
		return "remove it from redirect_from"
	case strings.HasPrefix(o.Field, "tags"):
		return "choose another tag"
	}
	return "rename the file"
}

// address is an output's path as a reader sees it: "/events/x/".
func address(path string) string {
	return "/" + strings.TrimSuffix(path, "index.html")
}

// origin names what makes an output, for a message.
func origin(o *Output) string {
	switch {
	case o.Doc != nil && o.Field != "":
		name, _, _ := strings.Cut(o.Field, "[")
		return o.Doc.Path + ", in " + name
	case o.Doc != nil:
		return o.Doc.Path
	case o.Static != "":
		return "the layouts' static file " + o.Static
	}
	return "a file the generator writes"
}
