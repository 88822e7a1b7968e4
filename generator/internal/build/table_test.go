package build

import (
	"os"
	"strings"
	"testing"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/corpus"
	"github.com/exchange-timeline/timeline/generator/internal/render"
	"github.com/exchange-timeline/timeline/generator/internal/site"
)

// The table of every event and the CSV files show only front matter: a
// rebuild after an edit to an event's body leaves them alone, and one after
// an edit to its title writes them again. (TestRebuildEqualsFreshBuild
// checks that what is written is right.)
func TestBodyEditLeavesTheTableAlone(t *testing.T) {
	fsys := corpus.FS(30)
	opts := Options{Content: fsys, Layouts: os.DirFS("../../../layouts"), ContentDir: "content", LayoutsDir: "layouts",
		BaseURL: site.BaseURL{Path: "/"}, Today: content.NewDate(2030, 1, 1)}
	b := NewBuilder(opts)
	if _, _, err := b.Build(Changes{}, &render.MapSink{}); err != nil {
		t.Fatal(err)
	}
	var name string
	for p := range fsys {
		if strings.HasPrefix(p, "events/") && (name == "" || p < name) {
			name = p
		}
	}
	frontMatterOnly := []string{"events/index.html", "data/events.csv", "data/figures.csv"}
	for _, edit := range []struct {
		old, new string
		written  bool
	}{
		{"report.", "report, edited.", false},
		{"title: ", "title: Edited ", true},
	} {
		fsys[name].Data = []byte(strings.Replace(string(fsys[name].Data), edit.old, edit.new, 1))
		var sink render.MapSink
		if _, diags, err := b.Build(Changes{Content: map[string]bool{name: true}}, &sink); err != nil || diags.HasErrors() {
			t.Fatal(err, diags)
		}
		if _, ok := sink.Files["events/"+strings.TrimSuffix(strings.TrimPrefix(name, "events/"), ".md")+"/index.html"]; !ok {
			t.Fatalf("editing %q: the event's own page was not written again", edit.old)
		}
		for _, path := range frontMatterOnly {
			if _, ok := sink.Files[path]; ok != edit.written {
				t.Errorf("editing %q in %s: %s written again: %v, want %v", edit.old, name, path, ok, edit.written)
			}
		}
	}
}
