package build

import (
	"os"
	"runtime"
	"testing"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/corpus"
	"github.com/exchange-timeline/timeline/generator/internal/site"
)

// Nothing in a build is quadratic in the number of events or people:
// doubling the corpus roughly doubles the work, counted in allocations
// (deterministic, unlike time on a shared machine).
func TestBuildWorkIsLinear(t *testing.T) {
	work := func(n int) (mallocs, bytes uint64) {
		opts := Options{Content: corpus.FS(n), Layouts: os.DirFS("../../../layouts"), BaseURL: site.BaseURL{Path: "/"},
			Today: content.NewDate(2030, 1, 1)}
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		if _, diags, err := Run(opts, nullSink{}); err != nil || diags.HasErrors() {
			t.Fatal(err, diags)
		}
		runtime.ReadMemStats(&after)
		return after.Mallocs - before.Mallocs, after.TotalAlloc - before.TotalAlloc
	}
	m1, b1 := work(1000)
	m2, b2 := work(2000)
	t.Logf("1,000 events: %d allocations, %d MB; 2,000: %d, %d MB", m1, b1>>20, m2, b2>>20)
	if r := float64(m2) / float64(m1); r > 2.4 {
		t.Errorf("doubling the corpus multiplies allocations by %.2f", r)
	}
	if r := float64(b2) / float64(b1); r > 2.4 {
		t.Errorf("doubling the corpus multiplies bytes allocated by %.2f", r)
	}
}

type nullSink struct{}

func (nullSink) WriteFile(string, []byte) error { return nil }
