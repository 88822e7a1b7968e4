// Package build runs the pipeline of DESIGN.md §4 on file systems:
//
//	content + layouts --load--> files --validate--> model --render--> sink
//
// It reads only through fs.FS and writes only through a render.Sink, so the
// same code builds to disk (the CLI), to memory (tests, check) and, in watch
// mode, again and again.
package build

import (
	"io/fs"
	"path"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/diag"
	"github.com/exchange-timeline/timeline/generator/internal/model"
	"github.com/exchange-timeline/timeline/generator/internal/render"
	"github.com/exchange-timeline/timeline/generator/internal/validate"
)

// Options say what to build.
type Options struct {
	Content fs.FS
	Layouts fs.FS
	// ContentDir and LayoutsDir name the two file systems in messages:
	// "content/events/x.md:7:3: ...".
	ContentDir, LayoutsDir string
	BaseURL                render.BaseURL
	Drafts                 bool
	// Today decides which dates are in the future.
	Today content.Date
}

// Result describes a successful build.
type Result struct {
	Site  *model.Site
	Stats render.Stats
}

// Check loads and validates the content without rendering it.
func Check(opts Options) diag.List {
	_, diags := check(opts)
	return diags
}

func check(opts Options) (*content.Files, diag.List) {
	files, diags := content.Load(opts.Content)
	if files.Site != nil {
		diags = append(diags, validate.Check(files, opts.Today)...)
	}
	diags = opts.place(diags, opts.Content, opts.ContentDir)
	diags.Sort()
	return files, diags
}

// Run builds the site into sink. It renders only when the content and the
// layouts are free of errors, so a failed build writes nothing; the returned
// list holds every error and warning found.
func Run(opts Options, sink render.Sink) (*Result, diag.List, error) {
	files, diags := check(opts)
	r, layoutDiags := render.New(opts.Layouts, render.Options{BaseURL: opts.BaseURL})
	diags = append(diags, opts.place(layoutDiags, opts.Layouts, opts.LayoutsDir)...)
	if diags.HasErrors() {
		diags.Sort()
		return nil, diags, nil
	}
	site := model.Build(files, model.Options{Drafts: opts.Drafts})
	stats, renderDiags, err := r.Render(site, sink)
	diags = append(diags, opts.place(renderDiags, opts.Layouts, opts.LayoutsDir)...)
	diags.Sort()
	if diags.HasErrors() || err != nil {
		return nil, diags, err
	}
	return &Result{Site: site, Stats: stats}, diags, nil
}

// place gives diagnostics their line and column, found again from the file
// for those reported by front-matter path, and names their file as the user
// knows it.
func (opts Options) place(diags diag.List, fsys fs.FS, dir string) diag.List {
	sources := map[string][]byte{}
	for i := range diags {
		d := &diags[i]
		if d.Line == 0 && d.Field != "" || d.Line == 0 && path.Ext(d.Path) == ".md" {
			src, ok := sources[d.Path]
			if !ok {
				src, _ = fs.ReadFile(fsys, d.Path)
				sources[d.Path] = src
			}
			if src != nil {
				d.Line, d.Col = content.Locate(src, d.Field)
			}
		}
		if dir != "" {
			d.Path = path.Join(dir, d.Path)
		}
	}
	return diags
}
