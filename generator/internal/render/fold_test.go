package render

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"testing"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/corpus"
	"github.com/exchange-timeline/timeline/generator/internal/model"
	"github.com/exchange-timeline/timeline/generator/internal/site"
)

// Folding constant calls changes no byte of any file, for the shipped
// content and the synthetic corpus, at the root and under a base path
// with an origin.
func TestFoldingChangesNothing(t *testing.T) {
	for _, c := range []struct {
		name    string
		content fs.FS
		base    site.BaseURL
	}{
		{"content", os.DirFS("../../../content"), site.BaseURL{Path: "/"}},
		{"corpus", corpus.FS(120), site.BaseURL{Path: "/repo/", Origin: "https://owner.github.io"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			files, diags := content.Load(c.content)
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			s := model.Build(files, model.Options{})
			render := func(fold bool) map[string][]byte {
				folding = fold
				defer func() { folding = true }()
				r, diags := New(os.DirFS("../../../layouts"), Options{BaseURL: c.base, EventsPerPage: 10, PeoplePerPage: 10})
				if len(diags) > 0 {
					t.Fatal(diags)
				}
				if folded := r.editions[0].folded; fold && folded < 100 {
					t.Errorf("only %d constant calls folded", folded)
				}
				var sink MapSink
				if _, diags, err := r.Render(context.Background(), r.Plan([]*model.Site{s}), &sink, nil); err != nil || len(diags) > 0 {
					t.Fatal(err, diags)
				}
				return sink.Files
			}
			folded, plain := render(true), render(false)
			if len(folded) != len(plain) {
				t.Fatalf("%d files folded, %d not", len(folded), len(plain))
			}
			for name, data := range plain {
				if !bytes.Equal(folded[name], data) {
					t.Errorf("%s differs when constants are folded", name)
				}
			}
		})
	}
}
