package render

import (
	"bytes"
	"os"
	"reflect"
	"testing"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/model"
	"github.com/exchange-timeline/timeline/generator/internal/site"
)

// A page's fingerprint changes with every field of the Page it is given:
// each field that holds values of the model, set to one value and then to
// another. A field added to Page fails here until the fingerprint covers
// it.
func TestPageFingerprintCoversEveryField(t *testing.T) {
	s := testSite(t)
	events, people := s.Events, s.People
	// two different values for the type of each field
	values := map[reflect.Type][2]any{
		reflect.TypeFor[*model.Event]():    {events[0], events[1]},
		reflect.TypeFor[*model.Person]():   {people[0], (*model.Person)(nil)},
		reflect.TypeFor[*model.Year]():     {s.Years[0], s.Years[1]},
		reflect.TypeFor[*model.Tag]():      {s.Tags[0], (*model.Tag)(nil)},
		reflect.TypeFor[[]*model.Event]():  {events[:1], events[1:]},
		reflect.TypeFor[[]*model.Person](): {people, []*model.Person(nil)},
		reflect.TypeFor[*Pager]():          {&Pager{Number: 1, Pages: make([]PagerLink, 2)}, &Pager{Number: 2, Pages: make([]PagerLink, 2)}},
		reflect.TypeFor[*Statistics]():     {newStatistics(s), (*Statistics)(nil)},
		reflect.TypeFor[model.Hashed]():    {s.Tags[0], s.Years[0]},
	}
	// made from the others, or from what every page shares (see fingerprint;
	// the edition and its languages are in common)
	derived := map[string]bool{"Site": true, "Kind": true, "Path": true, "Title": true, "Description": true, "Body": true, "Canonical": true,
		"Edition": true, "Alternates": true}
	typ := reflect.TypeFor[Page]()
	for i := range typ.NumField() {
		f := typ.Field(i)
		if !f.IsExported() || derived[f.Name] {
			continue
		}
		pair, ok := values[f.Type]
		if !ok {
			t.Errorf("Page.%s: add it to the page's fingerprint, and two values of its type to this test", f.Name)
			continue
		}
		var prints [2]uint64
		for k, v := range pair {
			p := &Page{Site: s}
			reflect.ValueOf(p).Elem().Field(i).Set(reflect.ValueOf(v))
			prints[k] = p.fingerprint(1, false)
		}
		if prints[0] == prints[1] {
			t.Errorf("Page.%s: the fingerprint is the same with two different values", f.Name)
		}
	}
}

// Pages of kinds that are not site-wide read of .Site only its settings,
// as their fingerprints assume: each page of the shipped site, in every
// edition, renders the same with a Site that holds only the settings.
func TestPagesReadOnlyTheSettingsOfTheSite(t *testing.T) {
	files, diags := content.Load(os.DirFS("../../../content"))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	editions := new(model.Editions).Build(files, model.Options{}, false)
	r, diags := New(os.DirFS("../../../layouts"), Options{BaseURL: site.BaseURL{Path: "/repo/", Origin: "https://example.org"},
		Languages: model.Languages(files.Site)})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	checked := 0
	for _, s := range editions {
		ed := r.edition(s)
		settings := &model.Site{Site: s.Site, Parties: s.Parties, Lang: s.Lang, Languages: s.Languages}
		for _, list := range r.lists {
			if list.SiteWide {
				continue
			}
			for _, p := range list.Pages(s, Sizes{Events: 10, People: 10, Text: ed.text}) {
				var html [2][]byte
				for k, site := range []*model.Site{s, settings} {
					ed.cards.start(s)
					ed.cached.start()
					p.Site = site
					var buf bytes.Buffer
					if err := ed.page(p, 0).write(&buf); err != nil {
						t.Fatalf("%s: %v", p.Path, err)
					}
					html[k] = buf.Bytes()
				}
				if !bytes.Equal(html[0], html[1]) {
					t.Errorf("%s%s: a page of kind %s reads more of .Site than its settings; make its list SiteWide, or give the page what it reads", ed.prefix, p.Path, list.Kind)
				}
				checked++
			}
		}
	}
	if checked < 100 {
		t.Errorf("only %d pages checked", checked)
	}
}
