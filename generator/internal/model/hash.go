package model

import (
	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/digest"
)

// Each value of the model that pages show has a hash of everything a page
// given that value may show of it: its own file, and what it links to one
// link deep (a linked event's file, not that event's people). Build
// computes the hashes last, here, next to where the links are made, so a
// link added to the model is hashed where it is added; the renderer makes
// each output's fingerprint from the hashes of the values it is given, and
// renders again only the outputs whose fingerprint changed
// (ARCHITECTURE.md, "Incremental rebuilds").
//
// The settings file (content/_index.md), the layouts and the base URL are
// in every output's fingerprint, so the hashes leave them out.

// Hashed is a value of the model with a hash. The hash of a nil value is
// 0, and no other hash is.
type Hashed interface{ Hash() uint64 }

// Hash covers the event's file and the day it last changed; its people's
// files and roles; the files of the events before and after it; its year
// and tags; and the sets of events it is counted with, with the statements
// that count them.
func (e *Event) Hash() uint64 {
	if e == nil {
		return 0
	}
	return e.hash
}

// Hash covers the person's file, the day it last changed, and the files of
// their events.
func (p *Person) Hash() uint64 {
	if p == nil {
		return 0
	}
	return p.hash
}

// Hash covers the year, how many events it has, its totals and the years
// before and after it. The events themselves are given to pages apart, a
// page's worth at a time.
func (y *Year) Hash() uint64 {
	if y == nil {
		return 0
	}
	return y.hash
}

// Hash covers the tag and how many events it has.
func (t *Tag) Hash() uint64 {
	if t == nil {
		return 0
	}
	return t.hash
}

// Hash covers the whole site: every value of the model and the totals.
func (s *Site) Hash() uint64 {
	if s == nil {
		return 0
	}
	return s.hash
}

// Hash covers the statement's file and the record's count at its date.
func (st *Statement) Hash() uint64 {
	var d digest.Digest
	d.Uint(st.Doc.Hash)
	d.Int(st.Record)
	return d.Sum()
}

// Hash covers the statements of the set, its count and the files of its
// events.
func (a *Aggregate) Hash() uint64 {
	if a == nil {
		return 0
	}
	return a.hash
}

// hashAggregate works out a set's hash, once per build: each of its
// events' hashes covers it.
func hashAggregate(a *Aggregate) uint64 {
	var d digest.Digest
	d.String(a.Kind)
	d.String(a.To.ID)
	d.Int(a.Own)
	d.Int(a.Count)
	qualifier(&d, a.Bound)
	for _, st := range a.Statements {
		d.Uint(st.Hash())
	}
	for _, e := range a.Events {
		d.Uint(e.Doc.Hash)
	}
	return d.Sum()
}

// hashAll works out every hash. It is linear in the size of the site.
func (s *Site) hashAll() {
	for _, a := range s.Aggregates {
		a.hash = hashAggregate(a)
	}
	for _, y := range s.Years {
		var d digest.Digest
		d.Int(y.Year)
		d.Int(len(y.Events))
		hashTotals(&d, y.Totals)
		for _, other := range []*Year{y.Prev, y.Next} {
			if other != nil {
				d.Int(other.Year)
			} else {
				d.Int(0)
			}
		}
		y.hash = d.Sum()
	}
	for _, t := range s.Tags {
		var d digest.Digest
		d.String(t.Name)
		t.nameHash = d.Sum()
		d.Int(len(t.Events))
		t.hash = d.Sum()
	}
	for _, e := range s.Events {
		var d digest.Digest
		d.Uint(e.Doc.Hash)
		changed(&d, e.Changed)
		for _, p := range e.Participants { // their roles are in the event's file
			d.Uint(p.Person.Doc.Hash)
		}
		for _, other := range []*Event{e.Prev, e.Next} {
			if other != nil {
				d.Uint(other.Doc.Hash)
			} else {
				d.Uint(0)
			}
		}
		d.Int(e.Year.Year)
		for _, t := range e.Tags {
			d.Uint(t.nameHash)
		}
		for _, a := range e.Aggregates {
			d.Uint(a.Hash())
		}
		e.hash = d.Sum()
	}
	for _, p := range s.People {
		var d digest.Digest
		d.Uint(p.Doc.Hash)
		changed(&d, p.Changed)
		for _, e := range p.Events {
			d.Uint(e.Doc.Hash)
		}
		p.hash = d.Sum()
	}
	var d digest.Digest
	hashAllOf(&d, s.Events)
	hashAllOf(&d, s.People)
	hashAllOf(&d, s.Years)
	hashAllOf(&d, s.Tags)
	hashAllOf(&d, s.Statements)
	hashAllOf(&d, s.Aggregates)
	hashTotals(&d, s.Totals)
	s.hash = d.Sum()
}

func hashAllOf[T Hashed](d *digest.Digest, values []T) {
	d.Int(len(values))
	for _, v := range values {
		d.Uint(v.Hash())
	}
}

func hashTotals(d *digest.Digest, totals Totals) {
	d.Int(len(totals))
	for _, kt := range totals {
		d.String(kt.Kind)
		d.Int(kt.Events)
		d.Int(kt.All)
		d.Int(kt.Disputed)
		for _, c := range kt.Counts {
			d.Int(c.Count)
			qualifier(d, c.Bound)
			d.String(c.AsOf.String())
			d.Int(len(c.Undisclosed))
			for _, e := range c.Undisclosed {
				d.Uint(e.Doc.Hash)
			}
		}
	}
}

// changed adds the day a file last changed, which is not in the file.
func changed(d *digest.Digest, day content.Date) {
	d.Int(int(day.Time().Unix() / (24 * 60 * 60)))
}

func qualifier(d *digest.Digest, q content.Qualifier) {
	d.Bool(q.Approx)
	d.Bool(q.AtLeast)
}
