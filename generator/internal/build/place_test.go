package build

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/exchange-timeline/timeline/generator/internal/digest"
	"github.com/exchange-timeline/timeline/generator/internal/model"
	"github.com/exchange-timeline/timeline/generator/internal/render"
	"github.com/exchange-timeline/timeline/generator/internal/site"
	"github.com/exchange-timeline/timeline/generator/internal/slug"
)

// A new kind of page needs its values in the model, one page list and one
// layout, and nothing else (ARCHITECTURE.md, "A new page kind"). Here a
// page for each place events happened at is added from outside, through
// the packages' public extension points alone: the places are grouped and
// hashed the way the model groups and hashes tags, their pages are a
// render.PageList given in Options.Pages, their layout is place.html. After
// every kind of edit, the rebuilds equal fresh builds.
func TestAPageKindAddedFromOutside(t *testing.T) {
	opts := testOptions(t)
	contentFS, layoutsFS := opts.Content.(fstest.MapFS), opts.Layouts.(fstest.MapFS)
	places := []string{"Belarus–Ukraine border", "Istanbul", "Abu Dhabi"}
	for i, name := range slices.Sorted(maps.Keys(contentFS)) {
		if strings.HasPrefix(name, "events/") && !isTranslation(name) {
			data := strings.Replace(string(contentFS[name].Data), "\nkind: ", "\nplace: "+places[i%len(places)]+"\nkind: ", 1)
			contentFS[name] = &fstest.MapFile{Data: []byte(data)}
		}
	}
	layoutsFS["place.html"] = &fstest.MapFile{Data: []byte(`{{define "main" -}}
{{with .About -}}
<h1>{{.Name}}</h1>
<p class="lead">{{tn "count.events" (len .Events)}} at {{.Name}}, in the order they happened.</p>
{{template "timeline" $.Events}}
{{template "pager" $.Pager}}
{{- end}}
{{- end}}
`)}
	opts.Pages = []render.PageList{{Kind: "place", Pages: placePages}}

	var sink render.MapSink
	if _, diags, err := Run(opts, &sink); err != nil || diags.HasErrors() {
		t.Fatal(err, diags)
	}
	page := string(sink.Files["places/istanbul/index.html"])
	if !strings.Contains(page, "<h1>Istanbul</h1>") || !strings.Contains(page, "events at Istanbul") || sink.Files["places/istanbul/page/2/index.html"] == nil {
		t.Fatalf("no paginated page of Istanbul's events:\n%s", page)
	}
	checkRebuilds(t, opts, 1)
}

// place is what a page of places is about: the events at one place.
type place struct {
	Name   string
	Events []*model.Event
	hash   uint64
}

// Hash covers the place and how many events it has, as a tag's does.
func (p *place) Hash() uint64 { return p.hash }

// placePages groups the events by their place and makes the pages of each.
func placePages(s *model.Site, sizes render.Sizes) []*render.Page {
	byName := map[string]*place{}
	for _, e := range s.Events {
		if e.Place == "" {
			continue
		}
		if byName[e.Place] == nil {
			byName[e.Place] = &place{Name: e.Place}
		}
		byName[e.Place].Events = append(byName[e.Place].Events, e)
	}
	var pages []*render.Page
	for _, name := range slices.Sorted(maps.Keys(byName)) {
		p := byName[name]
		var d digest.Digest
		d.String(p.Name)
		d.Int(len(p.Events))
		p.hash = d.Sum()
		dir := fmt.Sprintf("places/%s/", slug.Make(name, slug.Auto))
		pages = append(pages, render.Paginate(p.Events, sizes.Events, dir, func(events []*model.Event, pager *render.Pager, path string) *render.Page {
			return &render.Page{Kind: site.Kind("place"), Path: path, Title: p.Name, About: p, Events: events, Pager: pager}
		})...)
	}
	return pages
}
