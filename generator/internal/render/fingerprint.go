package render

import (
	"hash/maphash"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/model"
)

// A fingerprint identifies everything an output is made from. When it has
// not changed since the last build, neither have the output's bytes, and
// rendering is skipped: this is what makes a rebuild after one edit cheap.
//
// Fingerprints hash the content files' hashes (content.Doc.Hash), not the
// model, so they are cheap; they may over-approximate (an edit to an
// event's body changes the fingerprint of a person page that shows only its
// title), never under-approximate: every value a template can reach from a
// Page must be covered by what its deps function hashes, plus the layouts,
// the site settings and the base URL, which every fingerprint includes.
type fingerprint = uint64

// alwaysRender marks outputs that summarise the whole site; they are cheap
// next to hashing all their inputs, so they are rendered every time.
const alwaysRender fingerprint = 0

var fingerprintSeed = maphash.MakeSeed()

// hasher builds a fingerprint. Its inputs are mostly hashes already, so
// it mixes 64-bit words (as FNV does bytes) rather than streaming bytes,
// which matters when every build fingerprints every output.
type hasher struct{ v uint64 }

func (h *hasher) uint(v uint64) {
	h.v = (h.v ^ v) * 0x100000001b3
	h.v ^= h.v >> 29
}

func (h *hasher) string(s string) { h.uint(maphash.String(fingerprintSeed, s)) }

// sum finishes the fingerprint, spreading every input bit (splitmix64).
func (h *hasher) sum() uint64 {
	z := h.v + 0x9e3779b97f4a7c15
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

func (h *hasher) doc(d *content.Doc) { h.uint(d.Hash) }

// card covers what an event card shows: the event and the names of its
// people.
func (h *hasher) card(e *model.Event) {
	h.doc(&e.Doc)
	for _, p := range e.Participants {
		h.doc(&p.Person.Doc)
	}
}

// eventRef covers a link to an event (its title and path), or its absence.
func (h *hasher) eventRef(e *model.Event) {
	if e == nil {
		h.uint(0)
		return
	}
	h.doc(&e.Doc)
}

// fingerprint returns the fingerprint of an output whose inputs deps adds
// to common, the hash of what every output depends on.
func fingerprintOf(common uint64, deps func(h *hasher)) fingerprint {
	if deps == nil {
		return alwaysRender
	}
	h := hasher{v: common}
	deps(&h)
	if f := h.sum(); f != alwaysRender {
		return f
	}
	return alwaysRender + 1
}

// common hashes what every output of an edition depends on: the layouts
// (translation files included), the site settings and their translation,
// the editions and the base URL.
func (ed *edition) common(site *model.Site) uint64 {
	r := ed.r
	h := hasher{v: 0xcbf29ce484222325}
	h.uint(r.layouts.hash)
	h.doc(&site.Site.Doc)
	h.string(r.opts.BaseURL.Origin + r.opts.BaseURL.Path)
	h.string(ed.lang)
	for _, l := range r.opts.Languages {
		h.string(l)
	}
	// Statements are few, and reach the home page, the numbers and the
	// events they aggregate: every output depends on them.
	for _, st := range site.Statements {
		h.doc(&st.Doc)
	}
	for _, a := range site.Aggregates {
		h.uint(uint64(a.Own))
		h.uint(uint64(a.Count))
	}
	return h.v
}

func eventDeps(e *model.Event) func(*hasher) {
	return func(h *hasher) {
		h.card(e)
		h.string(e.Changed.String())
		h.eventRef(e.Prev)
		h.eventRef(e.Next)
	}
}

func personDeps(p *model.Person) func(*hasher) {
	return func(h *hasher) {
		h.doc(&p.Doc)
		h.string(p.Changed.String())
		for _, e := range p.Events {
			h.doc(&e.Doc)
		}
	}
}

func eventListDeps(events []*model.Event, pager *Pager) func(*hasher) {
	return func(h *hasher) {
		for _, e := range events {
			h.card(e)
		}
		h.pager(pager)
	}
}

func yearDeps(y *model.Year, events []*model.Event, pager *Pager) func(*hasher) {
	return func(h *hasher) {
		eventListDeps(events, pager)(h)
		h.uint(uint64(len(y.Events)))
		h.totals(y.Totals)
		for _, other := range []*model.Year{y.Prev, y.Next} {
			if other != nil {
				h.uint(uint64(other.Year))
			} else {
				h.uint(0)
			}
		}
	}
}

func tagDeps(t *model.Tag, events []*model.Event, pager *Pager) func(*hasher) {
	return func(h *hasher) {
		eventListDeps(events, pager)(h)
		h.uint(uint64(len(t.Events)))
	}
}

func peopleDeps(people []*model.Person, pager *Pager) func(*hasher) {
	return func(h *hasher) {
		for _, p := range people {
			h.doc(&p.Doc)
			h.uint(uint64(len(p.Events)))
		}
		h.pager(pager)
	}
}

func homeDeps(s *model.Site, latest []*model.Event) func(*hasher) {
	return func(h *hasher) {
		eventListDeps(latest, nil)(h)
		h.totals(s.Totals)
		yearsDeps(s)(h)
		h.uint(uint64(len(s.Events)))
	}
}

// latestDeps covers the latest exchange the home page names, and the
// events counted as undisclosed.
func latestDeps(s *model.Site) func(*hasher) {
	return func(h *hasher) {
		h.eventRef(s.LatestOf("exchange"))
		undisclosedDeps(s)(h)
	}
}

// undisclosedDeps covers the events left out of the totals, which pages
// list.
func undisclosedDeps(s *model.Site) func(*hasher) {
	return func(h *hasher) {
		for _, kt := range s.Totals {
			for _, c := range kt.Counts {
				for _, e := range c.Undisclosed {
					h.eventRef(e)
				}
			}
		}
	}
}

func yearsDeps(s *model.Site) func(*hasher) {
	return func(h *hasher) {
		for _, y := range s.Years {
			h.uint(uint64(y.Year))
			h.uint(uint64(len(y.Events)))
		}
	}
}

func tagsDeps(s *model.Site) func(*hasher) {
	return func(h *hasher) {
		for _, t := range s.Tags {
			h.string(t.Name)
			h.uint(uint64(len(t.Events)))
		}
	}
}

// totals covers the numbers of a Totals.
func (h *hasher) totals(t model.Totals) {
	for _, kt := range t {
		h.string(kt.Kind)
		h.uint(uint64(kt.Events))
		h.uint(uint64(kt.Disputed))
		for _, c := range kt.Counts {
			h.uint(uint64(c.Count))
			h.string(c.AsOf.String())
			h.uint(uint64(len(c.Undisclosed)))
			if c.AtLeast() {
				h.uint(1)
			}
		}
	}
}

// pager covers a page's place in its list.
func (h *hasher) pager(p *Pager) {
	if p == nil {
		h.uint(0)
		return
	}
	h.uint(uint64(p.Number))
	h.uint(uint64(len(p.Pages)))
}

// constant is the deps of outputs made only of the layouts, the site
// settings and the base URL.
func constant(*hasher) {}
