package render

import (
	"bytes"
	"os"
	"runtime"
	"sort"
	"testing"
	"time"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/corpus"
	"github.com/exchange-timeline/timeline/generator/internal/model"
	"github.com/exchange-timeline/timeline/generator/internal/site"
)

func TestKindsTmp(t *testing.T) {
	if os.Getenv("KINDS") == "" {
		t.Skip()
	}
	files, _ := content.Load(corpus.FS(10000))
	s := model.Build(files, model.Options{})
	r, diags := New(os.DirFS("../../../layouts"), Options{BaseURL: site.BaseURL{Path: "/"}, Once: true})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	plan := r.Plan([]*model.Site{s})
	for _, s := range plan.sites {
		ed := r.edition(s)
		ed.cards.start(s)
		ed.cached.start()
	}
	dur := map[string]time.Duration{}
	allocs := map[string]uint64{}
	n := map[string]int{}
	var buf bytes.Buffer
	var ms runtime.MemStats
	for _, o := range plan.outs {
		buf.Reset()
		runtime.ReadMemStats(&ms)
		a := ms.Mallocs
		start := time.Now()
		if err := o.write(&buf); err != nil {
			t.Fatal(err)
		}
		k := string(o.kind)
		dur[k] += time.Since(start)
		runtime.ReadMemStats(&ms)
		allocs[k] += ms.Mallocs - a
		n[k]++
	}
	var kinds []string
	for k := range dur {
		kinds = append(kinds, k)
	}
	sort.Slice(kinds, func(i, j int) bool { return dur[kinds[i]] > dur[kinds[j]] })
	var total time.Duration
	for _, k := range kinds {
		total += dur[k]
		t.Logf("%-10s %5d files %8.3f s %6.0f µs/file %6d allocs/file", k, n[k], dur[k].Seconds(), float64(dur[k].Microseconds())/float64(n[k]), allocs[k]/uint64(n[k]))
	}
	t.Logf("total %.3f s", total.Seconds())
}
