// Package render turns the model into the files of the site: HTML pages from
// the html/template layouts, the Atom feed, the sitemap, the JSON data files
// and the static assets.
//
// # Layouts
//
// A layouts directory holds:
//
//	base.html         the page skeleton; it calls {{template "main" .}}
//	home.html         /                 (each page template defines "main",
//	numbers.html      /numbers/          and may define "head" for extra
//	event.html        /events/ID/        tags in <head>)
//	person.html       /people/ID/
//	people.html       /people/
//	year.html         /years/YYYY/
//	years.html        /years/
//	events.html       /events/          (every event in one table)
//	tag.html          /tags/TAG/
//	tags.html         /tags/
//	404.html          /404.html
//	partials/*.html   templates shared by every page
//	static/…          files copied as they are: static/style.css → /style.css
//	i18n/LANG.yaml    the interface strings of each language (lang.Catalog)
//
// Every template receives a *Page. Functions available to templates are
// listed in funcs.go. The kinds of page, and so the layouts, are those of
// pageLists and Options.Pages. The site has an edition in each of its
// languages (edition.go); the pages of each are written with the same
// layouts, in its language.
package render

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"io/fs"
	"sync"

	"github.com/exchange-timeline/timeline/generator/internal/diag"
	"github.com/exchange-timeline/timeline/generator/internal/lang"
	"github.com/exchange-timeline/timeline/generator/internal/model"
	"github.com/exchange-timeline/timeline/generator/internal/par"
	"github.com/exchange-timeline/timeline/generator/internal/site"
	"github.com/exchange-timeline/timeline/generator/internal/validate"
)

// Options configure a Renderer.
type Options struct {
	BaseURL site.BaseURL
	// EventsPerPage and PeoplePerPage bound list pages (defaults:
	// DefaultEventsPerPage, DefaultPeoplePerPage).
	EventsPerPage, PeoplePerPage int
	// Once says the renderer renders one build only, so it keeps nothing
	// for the next one (the data files' items), which saves memory.
	Once bool
	// Pages adds kinds of page to the site's own.
	Pages []PageList
	// Languages are the languages of the site's editions, the main
	// files' first (model.Languages); without them the site is in
	// model.DefaultLanguage.
	Languages []string
}

// Renderer holds what every page shares: the layouts and the static
// assets, and each edition's parsed templates and Markdown converter. It is
// safe for concurrent use and meant to be reused across builds.
type Renderer struct {
	opts     Options
	lists    []PageList // the site's and Options.Pages
	layouts  *layouts
	editions []*edition // in the order of Options.Languages
	bufs     sync.Pool
	// eventsJSON and peopleJSON keep the data files' items between builds.
	eventsJSON, peopleJSON jsonList
	// large keeps the buffer of each output larger than maxPooledBuffer
	// (the data files, the table of every event), so that a rebuild writes
	// it again into the same memory rather than allocate and clear
	// megabytes; a one-shot build keeps none.
	large sync.Map // path → *bytes.Buffer
}

// A Sink receives the files of the site. WriteFile is called from several
// goroutines and must not keep data after it returns.
type Sink interface {
	WriteFile(path string, data []byte) error
}

// Stats counts the files of the site.
type Stats struct {
	Kinds map[site.Kind]int // by kind
	Pages int               // the HTML pages, of any kind
	Files int               // every file
}

// New reads the layouts in fsys, the translation file of each language
// among them, and parses the templates for each edition.
func New(fsys fs.FS, opts Options) (*Renderer, diag.List) {
	opts.EventsPerPage = cmp.Or(opts.EventsPerPage, DefaultEventsPerPage)
	opts.PeoplePerPage = cmp.Or(opts.PeoplePerPage, DefaultPeoplePerPage)
	if len(opts.Languages) == 0 {
		opts.Languages = []string{model.DefaultLanguage}
	}
	r := &Renderer{
		opts:  opts,
		lists: append(pageLists(), opts.Pages...),
		bufs:  sync.Pool{New: func() any { return new(bytes.Buffer) }},
	}
	kinds := make([]site.Kind, len(r.lists))
	for i, l := range r.lists {
		kinds[i] = l.Kind
	}
	var diags diag.List
	r.layouts, diags = readLayouts(fsys, kinds)
	catalogs, errs := lang.LoadCatalogs(fsys, opts.Languages)
	for _, err := range errs {
		diags = append(diags, catalogDiagnostic(err))
	}
	for i, l := range opts.Languages {
		if catalogs[l] == nil {
			return r, diags // its file is missing or cannot be read: reported above
		}
		ed := &edition{r: r, lang: l, prefix: editionPrefix(opts.Languages, i), catalog: catalogs[l]}
		ed.public = &Edition{Lang: l, Name: ed.catalog.Name, Main: ed.prefix == ""}
		ed.md = newMarkdown(opts.BaseURL, ed.prefix)
		ed.search = ed.newSearch()
		ed.cards.ed, ed.cached.ed = ed, ed
		r.editions = append(r.editions, ed)
	}
	for i, ed := range r.editions {
		var parseDiags diag.List
		funcs := ed.funcs()
		ed.templates, ed.partials, parseDiags = r.layouts.parse(funcs, kinds)
		if i == 0 {
			// The templates are the same in every edition, and so are
			// their problems.
			diags = append(diags, parseDiags...)
			if ed.partials != nil {
				diags = append(diags, checkMessages(ed, catalogs, opts.Languages)...)
			}
		}
		if !diags.HasErrors() && folding {
			if err := ed.foldConstants(funcs); err != nil {
				diags = append(diags, templateDiagnostic(err, ""))
			}
		}
	}
	return r, diags
}

// Result says what Render produced.
type Result struct {
	// Stats counts every output of the site, rendered or skipped.
	Stats Stats
	// Rendered counts the outputs rendered and given to the sink.
	Rendered int
	// Fingerprints maps every output path to the fingerprint of what it
	// is made from; pass it to the next Render to skip what is unchanged.
	Fingerprints map[string]uint64
}

// Render writes the files of the site to sink, rendering in parallel. An
// output whose fingerprint equals its entry in previous is skipped, since
// its bytes are those of the last build (pass nil to render everything).
// Layout problems come back as diagnostics, one per failing output; an
// error from the sink stops nothing but is returned.
// Render stops early, returning ctx's error, when ctx is cancelled.
func (r *Renderer) Render(ctx context.Context, plan *Plan, sink Sink, previous map[string]uint64) (*Result, diag.List, error) {
	outs := plan.outs
	for _, s := range plan.sites {
		ed := r.edition(s)
		ed.cards.start(s)
		ed.cached.start()
	}
	res := &Result{Stats: Stats{Kinds: map[site.Kind]int{}, Files: len(outs)}, Fingerprints: make(map[string]uint64, len(outs))}
	var todo []int
	for i, o := range outs {
		res.Fingerprints[o.path] = o.fingerprint
		res.Stats.Kinds[o.kind]++
		if o.page != nil {
			res.Stats.Pages++
		}
		if o.fingerprint == alwaysRender || previous[o.path] != o.fingerprint {
			todo = append(todo, i)
		}
	}
	renderErrs := make([]error, len(todo))
	sinkErrs := make([]error, len(todo))
	par.For(len(todo), func(k int) {
		if ctx.Err() != nil {
			return // interrupted: the caller throws the output away
		}
		o := outs[todo[k]]
		buf := r.buffer(o.path)
		defer r.putBuffer(o.path, buf)
		if renderErrs[k] = o.write(buf); renderErrs[k] == nil {
			sinkErrs[k] = sink.WriteFile(o.path, buf.Bytes())
		}
	})
	var diags diag.List
	for k, i := range todo {
		if renderErrs[k] != nil {
			diags = append(diags, templateDiagnostic(renderErrs[k], outs[i].path))
		}
	}
	res.Rendered = len(todo)
	return res, diags, errors.Join(ctx.Err(), errors.Join(sinkErrs...))
}

// maxPooledBuffer bounds the buffers shared by all outputs: pages are
// small, and a data file's buffer of megabytes is kept for that file.
const maxPooledBuffer = 1 << 20

// buffer returns an empty buffer for the output at path: the one it had
// last build if it is large, else one of the pool.
func (r *Renderer) buffer(path string) *bytes.Buffer {
	buf, ok := r.large.Load(path)
	if !ok {
		buf = r.bufs.Get()
	}
	b := buf.(*bytes.Buffer)
	b.Reset()
	return b
}

func (r *Renderer) putBuffer(path string, buf *bytes.Buffer) {
	switch {
	case buf.Cap() <= maxPooledBuffer:
		r.bufs.Put(buf)
	case !r.opts.Once:
		r.large.Store(path, buf)
	}
}

// output is one file of the site and how to produce it.
type output struct {
	path string    // slash-separated, relative to the site root
	kind site.Kind // for the build summary
	// page is the HTML page this output is, or nil.
	page *Page
	// fingerprint identifies what the output is made from
	// (fingerprint.go); alwaysRender renders it on every build.
	fingerprint uint64
	write       func(buf *bytes.Buffer) error
	// from is the content that makes an output that is not a page of its
	// own: a redirect names its file and field.
	from validate.Output
}

// MapSink keeps files in memory, for tests and for checking a build
// without writing it.
type MapSink struct {
	mu    sync.Mutex
	Files map[string][]byte
}

func (m *MapSink) WriteFile(path string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.Files == nil {
		m.Files = map[string][]byte{}
	}
	m.Files[path] = bytes.Clone(data)
	return nil
}
