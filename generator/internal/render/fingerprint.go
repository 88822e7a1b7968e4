package render

import (
	"github.com/exchange-timeline/timeline/generator/internal/digest"
	"github.com/exchange-timeline/timeline/generator/internal/model"
)

// A fingerprint identifies everything an output is made from. When it has
// not changed since the last build, neither have the output's bytes, and
// rendering is skipped: this is what makes a rebuild after one edit cheap.
//
// An output's fingerprint is the digest of what every output shares (the
// layouts, the settings, the base URL) and of the hashes of the model
// values it is given; the model makes those hashes where it makes the
// links between values (model/hash.go), so nothing here lists what an
// output depends on (ARCHITECTURE.md, "Incremental rebuilds").

// alwaysRender is the fingerprint of outputs that summarise the whole site
// item by item, and keep each item's encoding from the last build instead
// (the data files); digest sums are never 0.
const alwaysRender = 0

// common hashes what every output of an edition depends on: the layouts
// (translation files included), the site settings with their translation
// into the edition's language, the editions and the base URL.
func (ed *edition) common(s *model.Site) uint64 {
	var d digest.Digest
	d.Uint(ed.r.layouts.hash)
	d.Uint(s.Site.Doc.Hash)
	d.String(ed.r.opts.BaseURL.String())
	d.String(ed.lang)
	for _, l := range ed.r.opts.Languages {
		d.String(l)
	}
	return d.Sum()
}

// named is the digest of common and a name: an output's path, or what
// the items of a data file are.
func named(common uint64, name string) uint64 {
	d := digest.Of(common)
	d.String(name)
	return d.Sum()
}

// fingerprintOf is the fingerprint of an output, or an item, made of
// values; base is named(common, its name).
func fingerprintOf[T model.Hashed](base uint64, values ...T) uint64 {
	d := digest.Of(base)
	for _, v := range values {
		d.Uint(v.Hash())
	}
	return d.Sum()
}

// fingerprintOfNames is the fingerprint of an output that lists names.
func fingerprintOfNames(base uint64, names ...string) uint64 {
	d := digest.Of(base)
	for _, n := range names {
		d.String(n)
	}
	return d.Sum()
}

// fingerprint is the page's, from kind, the digest of what every page of
// its kind shares: the digest of every field of the Page, with the hash of
// each model value. A page of a site-wide kind depends on the whole site;
// others read of .Site only the settings, which common covers. Statistics
// are worked out from the whole site.
//
// The other fields are made from those: the path (which is also the key
// fingerprints are compared by), the title and the description from the
// values the page is given, the Markdown of the body from an event's or a
// person's file or from the settings.
func (p *Page) fingerprint(kind uint64, siteWide bool) uint64 {
	d := digest.Of(kind)
	d.Bool(siteWide || p.Statistics != nil)
	if siteWide || p.Statistics != nil {
		d.Uint(p.Site.Hash())
	}
	for _, v := range []model.Hashed{p.Event, p.Person, p.Year, p.Tag, p.About} {
		if v != nil {
			d.Uint(v.Hash()) // 0 for a nil pointer
		} else {
			d.Uint(0)
		}
	}
	d.Int(len(p.Events))
	for _, e := range p.Events {
		d.Uint(e.Hash())
	}
	d.Int(len(p.People))
	for _, person := range p.People {
		d.Uint(person.Hash())
	}
	d.Bool(p.Pager != nil)
	if p.Pager != nil {
		d.Int(p.Pager.Number)
		d.Int(len(p.Pager.Pages))
	}
	return d.Sum()
}
