package content

import (
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/exchange-timeline/timeline/generator/internal/diag"
	"github.com/exchange-timeline/timeline/generator/internal/par"
)

// Files is everything read from a content directory.
type Files struct {
	Site   *Site // nil when _index.md is missing or unreadable
	Events []*Event
	People []*Person
}

// SiteFile is the path of the site settings inside the content directory.
const SiteFile = "_index.md"

// Load reads and decodes every content file of fsys in parallel. Files that
// cannot be read are left out of Files; their problems are in the list.
func Load(fsys fs.FS) (*Files, diag.List) {
	paths, diags := listFiles(fsys)
	docs := make([]any, len(paths))
	fileDiags := make([]diag.List, len(paths))
	par.For(len(paths), func(i int) {
		src, err := fs.ReadFile(fsys, paths[i])
		if err != nil {
			fileDiags[i] = diag.List{{Path: paths[i], Message: err.Error()}}
			return
		}
		docs[i], fileDiags[i] = ParseFile(paths[i], src)
	})
	files := &Files{}
	for i, doc := range docs {
		diags = append(diags, fileDiags[i]...)
		switch doc := doc.(type) {
		case *Site:
			files.Site = doc
		case *Event:
			files.Events = append(files.Events, doc)
		case *Person:
			files.People = append(files.People, doc)
		}
	}
	if files.Site == nil && !slices.Contains(paths, SiteFile) {
		diags = append(diags, diag.Diagnostic{Path: SiteFile, Message: "the site settings file is missing",
			Hint: "create it with a title and the parties; see CONTRIBUTING.md"})
	}
	return files, diags
}

// listFiles finds the content files: _index.md, and the Markdown files under
// events/ and people/ at any depth. Hidden files and editors' backups are
// skipped; other Markdown files get a warning, as they would not be published.
func listFiles(fsys fs.FS) ([]string, diag.List) {
	var paths []string
	var diags diag.List
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			diags = append(diags, diag.Diagnostic{Path: p, Message: err.Error()})
			return nil
		}
		if p != "." && isIgnored(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || path.Ext(p) != ".md" {
			return nil
		}
		if p == SiteFile || strings.HasPrefix(p, "events/") || strings.HasPrefix(p, "people/") {
			paths = append(paths, p)
			return nil
		}
		diags = append(diags, diag.Diagnostic{Severity: diag.Warning, Path: p,
			Message: "this file is not published", Hint: "events go in events/, people in people/"})
		return nil
	})
	if err != nil {
		diags = append(diags, diag.Diagnostic{Path: ".", Message: err.Error()})
	}
	return paths, diags
}

// isIgnored reports whether a file or directory name belongs to a tool rather
// than to the content: dot files, editor backups and lock files.
func isIgnored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") || strings.HasSuffix(name, "~")
}

// ParseFile reads one content file; its path inside the content directory
// says what it is. It returns a *Site, *Event or *Person, or nil when the file
// cannot be read at all.
func ParseFile(p string, src []byte) (any, diag.List) {
	parsed, err := split(src)
	if err != nil {
		se := err.(*syntaxError)
		return nil, diag.List{{Path: p, Line: se.line, Col: se.col, Message: se.msg, Hint: se.hint}}
	}
	doc := Doc{
		ID:       strings.TrimSuffix(path.Base(p), ".md"),
		Path:     p,
		Body:     parsed.body,
		BodyLine: parsed.bodyLine,
	}
	d := &decoder{path: p, fm: &parsed.fm}
	switch {
	case p == SiteFile:
		s := &Site{Doc: doc}
		d.decode(s)
		return s, d.diags
	case strings.HasPrefix(p, "people/"):
		person := &Person{Doc: doc}
		d.decode(person)
		return person, d.diags
	}
	e := &Event{Doc: doc}
	d.decode(e)
	return e, d.diags
}
