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

	"github.com/exchange-timeline/timeline/generator/internal/site"

	"github.com/exchange-timeline/timeline/generator/internal/diag"
)

// layoutSeed seeds the hash of the layouts, which the fingerprints of one
// process compare.
var layoutSeed = maphash.MakeSeed()

// layouts is a parsed layouts directory.
type layouts struct {
	pages map[site.Kind]*template.Template
	// partials holds base.html and the partials, for templates executed
	// on their own, such as cards.
	partials *template.Template
	static   []staticFile
	hashes   map[string]string // static path → short content hash
	// folded counts the constant calls folded (fold.go).
	folded int
	// hash identifies every file read, for output fingerprints.
	hash uint64
	read maphash.Hash
}

type staticFile struct {
	path string // relative to static/, and so to the site root
	data []byte
}

// parseLayouts reads every template and static file of fsys. Templates are
// named by their path, so errors name the file: "partials/card.html:3:9".
func parseLayouts(fsys fs.FS, funcs template.FuncMap, pageKinds []site.Kind) (*layouts, diag.List) {
	l := &layouts{pages: map[site.Kind]*template.Template{}, hashes: map[string]string{}}
	l.read.SetSeed(layoutSeed)
	defer func() { l.hash = l.read.Sum64() }()
	var diags diag.List
	if err := l.readStatic(fsys); err != nil {
		diags = append(diags, diag.Diagnostic{Path: "static", Message: err.Error()})
	}
	base := template.New("layouts").Funcs(funcs)
	if err := l.parseFiles(base, fsys, "base.html"); err != nil {
		return nil, append(diags, templateDiagnostic(err, ""))
	}
	partials, _ := fs.Glob(fsys, "partials/*.html")
	if err := l.parseFiles(base, fsys, partials...); err != nil {
		return nil, append(diags, templateDiagnostic(err, ""))
	}
	for _, kind := range pageKinds {
		t := template.Must(base.Clone())
		if err := l.parseFiles(t, fsys, string(kind)+".html"); err != nil {
			diags = append(diags, templateDiagnostic(err, ""))
			continue
		}
		l.pages[kind] = t
	}
	l.partials = base
	return l, diags
}

// foldConstants escapes every template, as its first execution would,
// and folds its constant calls (fold.go).
func (l *layouts) foldConstants(funcs template.FuncMap) error {
	for _, t := range l.pages {
		escape(t, "base.html")
		n, err := fold(t, funcs)
		l.folded += n
		if err != nil {
			return err
		}
	}
	var names []string
	for _, t := range l.partials.Templates() {
		names = append(names, t.Name())
	}
	escape(l.partials, names...)
	n, err := fold(l.partials, funcs)
	l.folded += n
	return err
}

func (l *layouts) parseFiles(t *template.Template, fsys fs.FS, names ...string) error {
	for _, name := range names {
		src, err := l.readFile(fsys, name)
		if errors.Is(err, fs.ErrNotExist) {
			return &missingLayout{name}
		}
		if err != nil {
			return err
		}
		if _, err := t.New(name).Parse(string(src)); err != nil {
			return err
		}
	}
	return nil
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
