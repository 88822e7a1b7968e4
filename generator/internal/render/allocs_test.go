package render

import (
	"bytes"
	"context"
	"os"
	"testing"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/corpus"
	"github.com/exchange-timeline/timeline/generator/internal/model"
	"github.com/exchange-timeline/timeline/generator/internal/site"
)

// allocationCeilings bound the allocations of writing one page of each
// kind of the synthetic corpus with the shipped layouts, its cards already
// made: what a page costs beyond the cost of its own values must not grow
// unnoticed. They sit a little above what is measured today (make bench
// prints the figures): lower them when a change lowers the cost.
var allocationCeilings = map[site.Kind]float64{
	site.Event:  2100,
	site.Person: 1900,
	site.Year:   1250,
	site.Tag:    1500,
	site.People: 1000,
}

// Each kind of page allocates no more than its ceiling.
func TestAllocationsPerPage(t *testing.T) {
	pages := corpusPages(t)
	for kind, ceiling := range allocationCeilings {
		o := pages[kind]
		var buf bytes.Buffer
		allocs := testing.AllocsPerRun(20, func() {
			buf.Reset()
			if err := o.write(&buf); err != nil {
				t.Fatal(err)
			}
		})
		t.Logf("%s page: %.0f allocations (ceiling %.0f)", kind, allocs, ceiling)
		if allocs > ceiling {
			t.Errorf("a %s page allocates %.0f times, more than its ceiling of %.0f", kind, allocs, ceiling)
		}
	}
}

// BenchmarkPage writes one page of each kind of the synthetic corpus.
func BenchmarkPage(b *testing.B) {
	pages := corpusPages(b)
	for kind := range allocationCeilings {
		b.Run(string(kind), func(b *testing.B) {
			o := pages[kind]
			var buf bytes.Buffer
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				if err := o.write(&buf); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// corpusPages renders the synthetic corpus of 300 events once, so that
// cards are made, and returns an output of each kind of page, from the
// middle of the site.
func corpusPages(tb testing.TB) map[site.Kind]output {
	files, diags := content.Load(corpus.FS(300))
	if diags.HasErrors() {
		tb.Fatal(diags)
	}
	s := model.Build(files, model.Options{})
	r, diags := New(os.DirFS("../../../layouts"), Options{BaseURL: site.BaseURL{Path: "/"}, EventsPerPage: 20, PeoplePerPage: 40})
	if len(diags) > 0 {
		tb.Fatal(diags)
	}
	plan := r.Plan([]*model.Site{s})
	var sink MapSink
	if _, diags, err := r.Render(context.Background(), plan, &sink, nil); err != nil || len(diags) > 0 {
		tb.Fatal(err, diags)
	}
	byKind := map[site.Kind][]output{}
	for _, o := range plan.outs {
		byKind[o.kind] = append(byKind[o.kind], o)
	}
	pages := map[site.Kind]output{}
	for kind := range allocationCeilings {
		list := byKind[kind]
		if len(list) == 0 {
			tb.Fatalf("no %s page", kind)
		}
		pages[kind] = list[len(list)/2]
	}
	return pages
}
