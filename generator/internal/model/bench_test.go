package model

import (
	"testing"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/corpus"
)

// BenchmarkBuild measures the model stage on a 10,000-event corpus.
func BenchmarkBuild(b *testing.B) {
	files, diags := content.Load(corpus.FS(10000))
	if len(diags) > 0 {
		b.Fatal(diags)
	}
	b.ReportAllocs()
	for b.Loop() {
		Build(files, Options{})
	}
}
