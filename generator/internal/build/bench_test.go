package build

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/corpus"
	"github.com/exchange-timeline/timeline/generator/internal/model"
	"github.com/exchange-timeline/timeline/generator/internal/render"
	"github.com/exchange-timeline/timeline/generator/internal/site"
)

func benchOptions(b *testing.B, n int) Options {
	return Options{Content: corpus.FS(n), Layouts: os.DirFS("../../../layouts"), BaseURL: site.BaseURL{Path: "/"},
		Today: content.NewDate(2030, 1, 1)}
}

// BenchmarkFullBuild measures load, validate, model and render of a
// synthetic corpus into memory: everything but writing files.
func BenchmarkFullBuild(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("events=%d", n), func(b *testing.B) {
			opts := benchOptions(b, n)
			b.ReportAllocs()
			for b.Loop() {
				var sink render.MapSink
				if _, diags, err := Run(opts, &sink); err != nil || diags.HasErrors() {
					b.Fatal(err, diags)
				}
			}
		})
	}
}

// BenchmarkRebuildOneEdit measures watch mode's rebuild after one event's
// title changes, on a 10,000-event corpus.
func BenchmarkRebuildOneEdit(b *testing.B) {
	opts := benchOptions(b, 10000)
	fsys := opts.Content.(fstest.MapFS)
	builder := NewBuilder(opts)
	var sink render.MapSink
	if _, _, err := builder.Build(Changes{}, &sink); err != nil {
		b.Fatal(err)
	}
	var name string
	for p := range fsys {
		if strings.HasPrefix(p, "events/") && strings.HasSuffix(p, "005000.md") {
			name = p
		}
	}
	original := string(fsys[name].Data)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		fsys[name] = &fstest.MapFile{Data: []byte(strings.Replace(original, "title: ", fmt.Sprintf("title: Edit %d ", i), 1))}
		sink = render.MapSink{}
		res, diags, err := builder.Build(Changes{Content: map[string]bool{name: true}}, &sink)
		if err != nil || res == nil {
			b.Fatal(err, diags)
		}
	}
}

// BenchmarkRender measures the render stage alone: every page of a
// 10,000-event corpus, to a sink that keeps nothing.
func BenchmarkRender(b *testing.B) {
	opts := benchOptions(b, 10000)
	files, diags := content.Load(opts.Content)
	if diags.HasErrors() {
		b.Fatal(diags)
	}
	site := model.Build(files, model.Options{})
	r, diags := render.New(opts.Layouts, render.Options{BaseURL: opts.BaseURL, Once: true})
	if len(diags) > 0 {
		b.Fatal(diags)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := r.Render(context.Background(), r.Plan([]*model.Site{site}), nullSink{}, nil); err != nil {
			b.Fatal(err)
		}
	}
}
