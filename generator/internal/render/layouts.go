package render

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/maphash"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/exchange-timeline/timeline/generator/internal/diag"
	"github.com/exchange-timeline/timeline/generator/internal/lang"
	"github.com/exchange-timeline/timeline/generator/internal/site"
)

// layoutSeed seeds the hash of the layouts, which the fingerprints of one
// process compare.
var layoutSeed = maphash.MakeSeed()

// layouts is a layouts directory, read: the sources of its templates, its
// static files, and the hash of every file read, translation files
// included. Each edition parses the templates with its own functions.
type layouts struct {
	sources  map[string]string // by name: "base.html", "partials/card.html"
	partials []string          // the names of partials/*.html, in order
	static   []staticFile
	hashes   map[string]string // static path → short content hash
	// hash identifies every file read, for output fingerprints.
	hash uint64
	read maphash.Hash
}

type staticFile struct {
	path string // relative to static/, and so to the site root
	data []byte
}

// readLayouts reads every template of the kinds of page, static file and
// translation file of fsys.
func readLayouts(fsys fs.FS, pageKinds []site.Kind) (*layouts, diag.List) {
	l := &layouts{sources: map[string]string{}, hashes: map[string]string{}}
	l.read.SetSeed(layoutSeed)
	defer func() { l.hash = l.read.Sum64() }()
	var diags diag.List
	if err := l.readStatic(fsys); err != nil {
		diags = append(diags, diag.Diagnostic{Path: "static", Message: err.Error()})
	}
	l.partials, _ = fs.Glob(fsys, "partials/*.html")
	names := append([]string{"base.html"}, l.partials...)
	for _, kind := range pageKinds {
		names = append(names, string(kind)+".html")
	}
	for _, name := range names {
		src, err := l.readFile(fsys, name)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			diags = append(diags, templateDiagnostic(&missingLayout{name}, ""))
		case err != nil:
			diags = append(diags, diag.Diagnostic{Path: name, Message: err.Error()})
		default:
			l.sources[name] = string(src)
		}
	}
	catalogs, _ := fs.Glob(fsys, lang.CatalogDir+"/*.yaml")
	for _, name := range catalogs {
		if _, err := l.readFile(fsys, name); err != nil {
			diags = append(diags, diag.Diagnostic{Path: name, Message: err.Error()})
		}
	}
	return l, diags
}

// parse parses the templates with funcs: a template set per page kind,
// each with base.html and the partials, and the set of base.html and the
// partials alone. Templates are named by their path, so errors name the
// file: "partials/card.html:3:9".
func (l *layouts) parse(funcs template.FuncMap, pageKinds []site.Kind) (map[site.Kind]*template.Template, *template.Template, diag.List) {
	base := template.New("layouts").Funcs(funcs)
	for _, name := range append([]string{"base.html"}, l.partials...) {
		if err := l.parseInto(base, name); err != nil {
			return nil, nil, diag.List{templateDiagnostic(err, "")}
		}
	}
	pages := map[site.Kind]*template.Template{}
	var diags diag.List
	for _, kind := range pageKinds {
		if _, ok := l.sources[string(kind)+".html"]; !ok {
			continue // reported when read
		}
		t := template.Must(base.Clone())
		if err := l.parseInto(t, string(kind)+".html"); err != nil {
			diags = append(diags, templateDiagnostic(err, ""))
			continue
		}
		pages[kind] = t
	}
	return pages, base, diags
}

func (l *layouts) parseInto(t *template.Template, name string) error {
	src, ok := l.sources[name]
	if !ok {
		return &missingLayout{name}
	}
	_, err := t.New(name).Parse(src)
	return err
}

// readFile reads a layout file and adds it to the layouts' hash.
func (l *layouts) readFile(fsys fs.FS, name string) ([]byte, error) {
	data, err := fs.ReadFile(fsys, name)
	l.read.WriteString(name)
	l.read.WriteByte(0)
	l.read.WriteString(strconv.Itoa(len(data)))
	l.read.Write(data)
	return data, err
}

type missingLayout struct{ name string }

func (m *missingLayout) Error() string { return "the layout " + m.name + " is missing" }

func (l *layouts) readStatic(fsys fs.FS) error {
	return fs.WalkDir(fsys, "static", func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && p == "static" {
			return fs.SkipAll
		}
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return err
		}
		data, err := l.readFile(fsys, p)
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(p, "static/")
		sum := sha256.Sum256(data)
		l.static = append(l.static, staticFile{path: rel, data: data})
		l.hashes[rel] = hex.EncodeToString(sum[:5])
		return nil
	})
}

var templateErr = regexp.MustCompile(`^(?:html/)?template: ?([^:]+):(\d+):(?:(\d+):)? (.*)$`)

// templateDiagnostic places a template error at its layout file and line.
// page names the output being rendered, if any.
func templateDiagnostic(err error, page string) diag.Diagnostic {
	d := diag.Diagnostic{Message: err.Error()}
	var missing *missingLayout
	if errors.As(err, &missing) {
		d.Path, d.Message = missing.name, "this layout is missing"
		d.Hint = "every page kind needs its template; see the list in generator/internal/render"
	} else if m := templateErr.FindStringSubmatch(err.Error()); m != nil {
		d.Path, d.Message = m[1], m[4]
		d.Line, _ = strconv.Atoi(m[2])
		d.Col, _ = strconv.Atoi(m[3])
	}
	if page != "" {
		d.Message = fmt.Sprintf("%s (while writing %s)", d.Message, page)
		if d.Path == "" {
			d.Path = path.Clean(page)
		}
	}
	return d
}
