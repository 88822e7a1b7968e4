package model

import (
	"testing"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/corpus"
)

// BenchmarkBuild measures the model stage on a 10,000-event corpus.
func BenchmarkBuild(b *testing.B) {
	files := &content.Files{}
	for _, f := range corpus.Generate(10000) {
		doc, diags := content.ParseFile(f.Path, f.Data)
		if len(diags) > 0 {
			b.Fatal(diags)
		}
		switch doc := doc.(type) {
		case *content.Site:
			files.Site = doc
		case *content.Event:
			files.Events = append(files.Events, doc)
		case *content.Person:
			files.People = append(files.People, doc)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		Build(files, Options{})
	}
}
