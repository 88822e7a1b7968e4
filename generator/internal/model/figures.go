package model

import (
	"github.com/exchange-timeline/timeline/generator/internal/content"
)

// PartyFigures is everything reported about the people (or remains) one party
// received in one event.
type PartyFigures struct {
	Party *content.Party
	// Reports has one entry per source that gave figures for this party,
	// in the order of the event's sources; figures without a source come
	// last.
	Reports []*Report
	// Total is the number counted in statistics: the largest of the
	// sources' sums, so that one source's "33 soldiers + 51 civilians" and
	// another's "84" count 84, not 168.
	Total int
	// Bound says how exact Total is: the qualifier of the report counted.
	Bound content.Qualifier
	// Known is false when no source gave a number.
	Known bool
	// Disputed is true when sources give different sums.
	Disputed bool
	// Remains marks the figures of bodies handed over during an exchange.
	Remains bool
}

// Report is what one source said one party received.
type Report struct {
	Source  *content.Source // nil for figures that name no source
	Figures []content.Figure
	// Indexes are the places of Figures in the event's Returned list,
	// which identify each figure on the event's page.
	Indexes []int
	Sum     int // the disclosed counts added up
	// Bound is Approx when any figure added is approximate, else AtLeast
	// when any is a lower bound.
	Bound content.Qualifier
	Known bool // at least one figure has a count
}

// figuresOf groups an event's figures of remains (or of everything else)
// by party and then by source, and applies the counting rule of
// CONTRIBUTING.md ("How totals are counted").
func figuresOf(parties []*content.Party, e *Event, remains bool) []*PartyFigures {
	if len(e.Returned) == 0 {
		return nil
	}
	var out []*PartyFigures
	for _, party := range parties {
		pf := &PartyFigures{Party: party, Remains: remains}
		for i, f := range e.Returned {
			if f.To == party.ID && f.Remains == remains {
				pf.add(i, f, sourceOf(e.Event, f.Source))
			}
		}
		if len(pf.Reports) == 0 {
			continue
		}
		pf.count()
		out = append(out, pf)
	}
	return out
}

// Source returns the event's source with the id, or nil.
func (e *Event) Source(id string) *content.Source { return sourceOf(e.Event, id) }

func sourceOf(e *content.Event, id string) *content.Source {
	for i := range e.Sources {
		if id != "" && e.Sources[i].ID == id {
			return &e.Sources[i]
		}
	}
	return nil
}

func (pf *PartyFigures) add(index int, f content.Figure, src *content.Source) {
	var r *Report
	for _, existing := range pf.Reports {
		if existing.Source == src {
			r = existing
		}
	}
	if r == nil {
		r = &Report{Source: src}
		pf.Reports = append(pf.Reports, r)
	}
	r.Figures = append(r.Figures, f)
	r.Indexes = append(r.Indexes, index)
	if f.Count != nil {
		r.Sum = addCounts(r.Sum, *f.Count)
		r.Known = true
		r.Bound = widen(r.Bound, f.Qualifier)
	}
}

// widen is the qualifier of a sum of two qualified numbers: about anything
// is about; otherwise a lower bound in it makes the sum one.
func widen(a, b content.Qualifier) content.Qualifier {
	switch {
	case a.Approx || b.Approx:
		return content.Qualifier{Approx: true}
	case a.AtLeast || b.AtLeast:
		return content.Qualifier{AtLeast: true}
	}
	return content.Qualifier{}
}

func (pf *PartyFigures) count() {
	for _, r := range pf.Reports {
		if !r.Known {
			continue
		}
		if pf.Known && r.Sum != pf.Total {
			pf.Disputed = true
		}
		if !pf.Known || r.Sum > pf.Total {
			pf.Total, pf.Bound = r.Sum, r.Bound
		}
		pf.Known = true
	}
}

// addCounts adds two counts, stopping at the largest int rather than
// wrapping round to a negative total.
func addCounts(a, b int) int {
	if b > 0 && a > maxCount-b {
		return maxCount
	}
	return a + b
}

const maxCount = int(^uint(0) >> 1)

// Ordinal is a party's official number of an exchange.
type Ordinal struct {
	Party  *content.Party
	Number int
	Source *content.Source
}

// ordinalsOf lists the official numbers an event's figures give, one per
// party, in the order of the parties.
func ordinalsOf(parties []*content.Party, e *Event) []Ordinal {
	var out []Ordinal
	for _, party := range parties {
		for _, f := range e.Returned {
			if f.To == party.ID && f.Number != nil {
				out = append(out, Ordinal{Party: party, Number: *f.Number, Source: sourceOf(e.Event, f.Source)})
				break
			}
		}
	}
	return out
}
