package content

import (
	"testing"

	"github.com/exchange-timeline/timeline/generator/internal/corpus"
)

// BenchmarkLoad measures the load stage (reading, splitting, decoding) on a
// 10,000-event corpus in memory.
func BenchmarkLoad(b *testing.B) {
	fsys := corpus.FS(10000)
	b.ReportAllocs()
	for b.Loop() {
		if _, diags := Load(fsys); len(diags) > 0 {
			b.Fatal(diags)
		}
	}
}

// BenchmarkParseEvent measures one synthetic event file.
func BenchmarkParseEvent(b *testing.B) {
	var src []byte
	for _, f := range corpus.Generate(10) {
		if f.Path[:7] == "events/" {
			src = f.Data
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		ParseFile("events/2000-01-01-x.md", src)
	}
}
