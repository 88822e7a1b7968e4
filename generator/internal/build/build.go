// Package build runs the pipeline of ARCHITECTURE.md on file systems:
//
//	content + layouts --load--> files --validate--> model --render--> sink
//
// It reads only through fs.FS and writes only through a render.Sink, so the
// same code builds to disk (the CLI), to memory (tests, check) and, in watch
// mode, again and again.
package build

import (
	"cmp"
	"context"
	"io/fs"
	"path"
	"slices"
	"sync"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/diag"
	"github.com/exchange-timeline/timeline/generator/internal/model"
	"github.com/exchange-timeline/timeline/generator/internal/render"
	"github.com/exchange-timeline/timeline/generator/internal/site"
	"github.com/exchange-timeline/timeline/generator/internal/validate"
)

// Options say what to build.
type Options struct {
	// Context, if set, interrupts the build when it is cancelled: every
	// stage stops soon after, and the build returns its error.
	Context context.Context
	Content fs.FS
	Layouts fs.FS
	// ContentDir and LayoutsDir name the two file systems in messages:
	// "content/events/x.md:7:3: ...".
	ContentDir, LayoutsDir string
	BaseURL                site.BaseURL
	Drafts                 bool
	// EventsPerPage and PeoplePerPage bound list pages; zero means the
	// renderer's defaults.
	EventsPerPage, PeoplePerPage int
	// Pages adds kinds of page to the site's own (render.Options.Pages).
	Pages []render.PageList
	// Once says only one build will be made, so nothing is kept for the
	// next (Run sets it).
	Once bool
	// Today decides which dates are in the future.
	Today content.Date
	// Changed gives the day each content file (by its slash path inside
	// Content) last changed, for pages that say when they were last
	// corrected; files it does not name have no such date.
	Changed map[string]content.Date
}

// Result describes a successful build.
type Result struct {
	// Site is the edition of the main files; Editions are every edition,
	// it first.
	Site     *model.Site
	Editions []*model.Site
	// Stats counts every output of the site.
	Stats render.Stats
	// Rendered counts the outputs rendered and given to the sink: all of
	// them on a first build, those whose inputs changed on a rebuild.
	Rendered int
	// Removed lists the outputs of the previous good build that the site
	// no longer has.
	Removed []string
}

// Check loads and validates the content without rendering it. Given the
// layouts, it also finds what the build would refuse: broken layouts, two
// files at one address, a portrait that is not among the static files.
func Check(opts Options) diag.List {
	diags, _ := CheckCoverage(opts)
	return diags
}

// CheckCoverage is Check, and for each language of the site but the
// first, the main files that have no translation into it.
func CheckCoverage(opts Options) (diag.List, []validate.Untranslated) {
	var modelOpts *model.Options
	if opts.Layouts != nil {
		modelOpts = &model.Options{Drafts: opts.Drafts}
	}
	files, sites, diags, _ := check(new(content.Cache), new(validate.Cache), new(model.Editions), opts, nil, modelOpts)
	if files == nil {
		return opts.limit(diags), nil
	}
	coverage := validate.Coverage(files)
	if sites == nil {
		return opts.limit(diags), coverage
	}
	r, layoutDiags := render.New(opts.Layouts, opts.renderOptions(files))
	diags = append(diags, opts.place(layoutDiags, nil, opts.LayoutsDir)...)
	if !layoutDiags.HasErrors() {
		diags = append(diags, opts.outputs(files, r.Plan(sites), diags)...)
	}
	diags.Sort()
	return opts.limit(diags), coverage
}

// limit bounds the problems reported (diag.Limit) once they are sorted.
func (opts Options) limit(diags diag.List) diag.List {
	return diags.Limit(cmp.Or(opts.ContentDir, "."))
}

func (opts Options) renderOptions(files *content.Files) render.Options {
	return render.Options{BaseURL: opts.BaseURL, EventsPerPage: opts.EventsPerPage,
		PeoplePerPage: opts.PeoplePerPage, Once: opts.Once, Pages: opts.Pages, Languages: model.Languages(files.Site)}
}

// outputs checks the files the renderer would write: no two at one path
// (a clash of ids that found reports already, at the same field, is not
// reported again), and every portrait and every link of a text to the site
// among them. It places each problem in the content or the layouts.
func (opts Options) outputs(files *content.Files, plan *render.Plan, found diag.List) diag.List {
	outs := plan.Outputs()
	clashes, layoutDiags := validate.Outputs(files, outs)
	type at struct{ path, field string }
	reported := map[at]bool{}
	for _, d := range found {
		if d.Severity == diag.Error {
			reported[at{d.Path, d.Field}] = true
		}
	}
	clashes = slices.DeleteFunc(opts.place(clashes, files, opts.ContentDir),
		func(d diag.Diagnostic) bool { return reported[at{d.Path, d.Field}] })
	named := opts.place(slices.Concat(validate.Portraits(files, outs), validate.SiteLinks(files, outs)), files, opts.ContentDir)
	// Each edition has the same files under its folder, and the same
	// clashes: each is told once.
	return slices.CompactFunc(slices.Concat(clashes, named, opts.place(layoutDiags, nil, opts.LayoutsDir)),
		func(a, b diag.Diagnostic) bool { return a.String() == b.String() })
}

// check loads and validates the content. Given model options, it also
// builds the model of every edition, on other CPUs while validation runs:
// most builds have no errors, and the model is thrown away when they do.
// It stops, returning the context's error, when opts.Context is done.
func check(cache *content.Cache, checks *validate.Cache, editions *model.Editions, opts Options, changed map[string]bool, modelOpts *model.Options) (*content.Files, []*model.Site, diag.List, error) {
	ctx := opts.context()
	files, diags, err := cache.Load(ctx, opts.Content, changed)
	if err != nil {
		return nil, nil, nil, err
	}
	var sites []*model.Site
	if files.Site != nil {
		var wg sync.WaitGroup
		if modelOpts != nil {
			wg.Go(func() { sites = editions.Build(files, *modelOpts, !opts.Once) })
		}
		diags = append(diags, checks.Check(files, opts.Today)...)
		wg.Wait()
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, nil, err
	}
	diags = opts.place(diags, files, opts.ContentDir)
	diags.Sort()
	return files, sites, diags, nil
}

func (opts Options) context() context.Context {
	if opts.Context == nil {
		return context.Background()
	}
	return opts.Context
}

// positionsOf maps each decoded file's path to its values' positions.
// forgetPositions lets the positions of every value go once the content
// is checked: a one-shot build places no problem at a line after that,
// and they need not take memory while the site is rendered.
func forgetPositions(files *content.Files) {
	for _, doc := range files.Docs() {
		doc.Positions = nil
	}
}

func positionsOf(files *content.Files) map[string]*content.Positions {
	docs := files.Docs()
	m := make(map[string]*content.Positions, len(docs))
	for _, doc := range docs {
		m[doc.Path] = doc.Positions
	}
	for _, t := range files.Translations() {
		m[t.Path] = t.Positions
	}
	return m
}

// Run builds the site into sink. It renders only when the content and the
// layouts are free of errors, so a failed build writes nothing; the returned
// list holds every error and warning found.
func Run(opts Options, sink render.Sink) (*Result, diag.List, error) {
	opts.Once = true
	return NewBuilder(opts).Build(Changes{}, sink)
}

// A Builder builds one site again and again, as watch mode does. It keeps
// the decoded content, the parsed layouts and the fingerprints of the last
// good build, so that a rebuild reads only the files that changed and
// renders only the outputs they affect.
type Builder struct {
	opts        Options
	cache       content.Cache
	checks      validate.Cache
	editions    model.Editions
	renderer    *render.Renderer
	languages   []string // the renderer's
	layoutDiags diag.List
	// fingerprints are those of the last good build; nil before it.
	fingerprints map[string]uint64
}

// Changes says what changed since the previous Build.
type Changes struct {
	// Content holds the slash paths, inside Options.Content, of the files
	// and directories created, modified, removed or renamed.
	Content map[string]bool
	// Layouts is true when anything in the layouts changed.
	Layouts bool
}

// NewBuilder returns a Builder that has not built anything yet.
func NewBuilder(opts Options) *Builder {
	return &Builder{opts: opts}
}

// Reopen makes the next Build read everything again from opts, as when the
// content or layouts directory was replaced (restored from a backup, moved
// away and copied back). What the last good build wrote is still known, so
// the outputs the new files no longer make are listed in Result.Removed.
func (b *Builder) Reopen(opts Options) {
	*b = Builder{opts: opts, fingerprints: b.fingerprints}
}

// Build runs the pipeline. The first build renders every output into sink;
// later builds only the outputs whose inputs changed. The sink should be a
// transaction (publish.Staging, publish.Dir): when Build fails, the caller
// throws away what it received. Outputs that are gone are listed in
// Result.Removed for the caller to delete.
func (b *Builder) Build(changes Changes, sink render.Sink) (*Result, diag.List, error) {
	files, sites, diags, err := check(&b.cache, &b.checks, &b.editions, b.opts, changes.Content,
		&model.Options{Drafts: b.opts.Drafts, Changed: b.opts.Changed})
	if err != nil {
		return nil, nil, err
	}
	if langs := model.Languages(files.Site); b.renderer == nil || changes.Layouts || !slices.Equal(langs, b.languages) {
		var layoutDiags diag.List
		b.renderer, layoutDiags = render.New(b.opts.Layouts, b.opts.renderOptions(files))
		b.layoutDiags = b.opts.place(layoutDiags, nil, b.opts.LayoutsDir)
		b.languages = slices.Clone(langs)
	}
	diags = append(diags, b.layoutDiags...)
	var plan *render.Plan
	if !diags.HasErrors() {
		plan = b.renderer.Plan(sites)
		diags = append(diags, b.opts.outputs(files, plan, diags)...)
	}
	if diags.HasErrors() {
		diags.Sort()
		return nil, b.opts.limit(diags), nil
	}
	ctx := b.opts.context()
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	if b.opts.Once {
		forgetPositions(files)
	}
	res, renderDiags, err := b.renderer.Render(ctx, plan, sink, b.fingerprints)
	diags = append(diags, b.opts.place(renderDiags, nil, b.opts.LayoutsDir)...)
	diags.Sort()
	diags = b.opts.limit(diags)
	if diags.HasErrors() || err != nil {
		return nil, diags, err
	}
	result := &Result{Site: sites[0], Editions: sites, Stats: res.Stats, Rendered: res.Rendered}
	for name := range b.fingerprints {
		if _, ok := res.Fingerprints[name]; !ok {
			result.Removed = append(result.Removed, name)
		}
	}
	slices.Sort(result.Removed)
	b.fingerprints = res.Fingerprints
	return result, diags, nil
}

// place gives diagnostics reported by front-matter path (Field) their
// line and column, from the positions the decoder recorded, and names their
// file as the user knows it. A file's positions are indexed once, however
// many problems it has.
//
// The positions are looked up in files (nil for problems in the layouts),
// and only when there is a problem to place: watch mode calls place on
// every rebuild, nearly always with nothing to place.
func (opts Options) place(diags diag.List, files *content.Files, dir string) diag.List {
	var positions map[string]*content.Positions
	locators := map[string]*content.Locator{}
	for i := range diags {
		d := &diags[i]
		if positions == nil && files != nil {
			positions = positionsOf(files)
		}
		if pos := positions[d.Path]; pos != nil && d.Line == 0 {
			l, ok := locators[d.Path]
			if !ok {
				l = pos.Locator()
				locators[d.Path] = l
			}
			d.Line, d.Col = l.Locate(d.Field)
		}
		if dir != "" {
			d.Path = path.Join(dir, d.Path)
		}
	}
	return diags
}
