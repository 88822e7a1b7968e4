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
	// Known is false when no source gave a number.
	Known bool
	// Disputed is true when sources give different sums.
	Disputed bool
}

// Report is what one source said one party received.
type Report struct {
	Source  *content.Source // nil for figures that name no source
	Figures []content.Figure
	Sum     int  // the disclosed counts added up
	Known   bool // at least one figure has a count
}

// figuresOf groups an event's figures by party and then by source, and
// applies the counting rule of CONTRIBUTING.md ("How totals are counted").
func figuresOf(parties []*content.Party, e *Event) []*PartyFigures {
	if len(e.Returned) == 0 {
		return nil
	}
	var out []*PartyFigures
	for _, party := range parties {
		pf := &PartyFigures{Party: party}
		for _, f := range e.Returned {
			if f.To == party.ID {
				pf.add(f, sourceOf(e.Event, f.Source))
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

func sourceOf(e *content.Event, id string) *content.Source {
	for i := range e.Sources {
		if id != "" && e.Sources[i].ID == id {
			return &e.Sources[i]
		}
	}
	return nil
}

func (pf *PartyFigures) add(f content.Figure, src *content.Source) {
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
	if f.Count != nil {
		r.Sum += *f.Count
		r.Known = true
	}
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
			pf.Total = r.Sum
		}
		pf.Known = true
	}
}

// Totals adds up events' figures for each kind of event that has any.
type Totals []*KindTotal

// KindTotal is how many were returned to each party by events of one kind:
// people in exchanges, remains in repatriations.
type KindTotal struct {
	Kind   string
	Counts []*PartyCount // in the order of the site's parties
	// Events is how many events of this kind have at least one number.
	Events int
	// Disputed is how many of those events have figures that disagree.
	Disputed int
}

// PartyCount is a number returned to one party.
type PartyCount struct {
	Party *content.Party
	Count int
}

func totalsOf(parties []*content.Party, events []*Event) Totals {
	var totals Totals
	for _, kind := range content.EventKinds() {
		kt := &KindTotal{Kind: kind}
		for _, p := range parties {
			kt.Counts = append(kt.Counts, &PartyCount{Party: p})
		}
		for _, e := range events {
			if e.Kind == kind {
				kt.addEvent(e)
			}
		}
		if kt.Events > 0 {
			totals = append(totals, kt)
		}
	}
	return totals
}

func (kt *KindTotal) addEvent(e *Event) {
	counted := false
	for _, pf := range e.Figures {
		if !pf.Known {
			continue
		}
		for _, c := range kt.Counts {
			if c.Party == pf.Party {
				c.Count += pf.Total
				counted = true
			}
		}
	}
	if counted {
		kt.Events++
		if e.Disputed {
			kt.Disputed++
		}
	}
}

// Of returns the total for one kind, or nil.
func (t Totals) Of(kind string) *KindTotal {
	for _, kt := range t {
		if kt.Kind == kind {
			return kt
		}
	}
	return nil
}
