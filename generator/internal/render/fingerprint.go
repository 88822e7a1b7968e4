package render

import (
	"encoding/binary"
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

// hasher builds a fingerprint.
type hasher struct{ h maphash.Hash }

func (h *hasher) uint(v uint64) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], v)
	h.h.Write(b[:])
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
// to the hash, on top of what every output depends on.
func (r *Renderer) fingerprint(site *model.Site, deps func(h *hasher)) fingerprint {
	if deps == nil {
		return alwaysRender
	}
	var h hasher
	h.h.SetSeed(fingerprintSeed)
	h.uint(r.layouts.hash)
	h.doc(&site.Site.Doc)
	h.h.WriteString(r.opts.BaseURL.Origin + r.opts.BaseURL.Path)
	deps(&h)
	if f := h.h.Sum64(); f != alwaysRender {
		return f
	}
	return alwaysRender + 1
}

func eventDeps(e *model.Event) func(*hasher) {
	return func(h *hasher) {
		h.card(e)
		h.eventRef(e.Prev)
		h.eventRef(e.Next)
	}
}

func personDeps(p *model.Person) func(*hasher) {
	return func(h *hasher) {
		h.doc(&p.Doc)
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
			h.h.WriteString(t.Name)
			h.uint(uint64(len(t.Events)))
		}
	}
}

// totals covers the numbers of a Totals.
func (h *hasher) totals(t model.Totals) {
	for _, kt := range t {
		h.h.WriteString(kt.Kind)
		h.uint(uint64(kt.Events))
		h.uint(uint64(kt.Disputed))
		for _, c := range kt.Counts {
			h.uint(uint64(c.Count))
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
