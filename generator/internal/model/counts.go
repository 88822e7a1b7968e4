package model

import (
	"slices"
	"strings"

	"github.com/exchange-timeline/timeline/generator/internal/content"
)

// The counting rule (CONTRIBUTING.md, "How totals are counted") lives here:
// what each event adds to the totals, sets of events that official
// statements count together, and the totals of any list of events.

// Count is what one event adds to the totals of one kind for one party.
type Count struct {
	// Kind is the totals it adds to: the event's kind, or "repatriation"
	// for remains handed over during an exchange.
	Kind  string
	Party *content.Party
	N     int
	Bound content.Qualifier
	// Aggregate is set on the last event of a set that official
	// statements count together: N then includes what the statements
	// add to the events' own figures.
	Aggregate *Aggregate
}

// Aggregate is a set of events that official statements give one figure
// for, such as the stages of one agreement. The set counts the larger of
// the events' own figures added up and the largest statement.
type Aggregate struct {
	Kind       string
	To         *content.Party
	Events     []*Event // in date order
	Statements []*Statement
	// Own is the events' own figures added up; Count is what the set
	// counts; Bound qualifies Count.
	Own, Count int
	Bound      content.Qualifier
	hash       uint64
}

// First and Last are the set's first and last events.
func (a *Aggregate) First() *Event { return a.Events[0] }
func (a *Aggregate) Last() *Event  { return a.Events[len(a.Events)-1] }

// Extra is what the statements add to the events' own figures.
func (a *Aggregate) Extra() int { return a.Count - a.Own }

// figures works out an event's figures and official numbers from its
// front matter alone.
func (s *Site) figures(e *Event) {
	e.Figures = figuresOf(s.Parties, e, false)
	e.Remains = figuresOf(s.Parties, e, true)
	e.Disputed = slices.ContainsFunc(e.Figures, func(f *PartyFigures) bool { return f.Disputed }) ||
		slices.ContainsFunc(e.Remains, func(f *PartyFigures) bool { return f.Disputed })
	e.Ordinals = ordinalsOf(s.Parties, e)
}

// countAll applies the counting rule to every event and works out the
// totals of the site and of each year. It runs after any change to events
// or statements, and is linear in their number.
func (s *Site) countAll() {
	for _, e := range s.Events {
		e.Aggregates = e.Aggregates[:0]
	}
	s.aggregate()
	for _, e := range s.Events {
		e.Undisclosed = e.Undisclosed[:0]
		for _, p := range s.Parties {
			if undisclosed(e, p) {
				e.Undisclosed = append(e.Undisclosed, p)
			}
		}
		e.Counts = e.Counts[:0]
		for _, group := range []struct {
			kind    string
			figures []*PartyFigures
		}{{e.Kind, e.Figures}, {"repatriation", e.Remains}} {
			for _, pf := range group.figures {
				if pf.Known {
					e.Counts = append(e.Counts, Count{Kind: group.kind, Party: pf.Party, N: pf.Total, Bound: pf.Bound})
				}
			}
		}
	}
	for _, a := range s.Aggregates {
		a.addTo(a.Last())
	}
	s.Totals = totalsOf(s.Parties, s.Events)
	for _, y := range s.Years {
		y.Totals = totalsOf(s.Parties, y.Events)
	}
	s.compareStatements()
}

// aggregate finds the sets of events that statements count together.
func (s *Site) aggregate() {
	s.Aggregates = s.Aggregates[:0]
	byKey := map[string]*Aggregate{}
	for _, st := range s.Statements {
		if len(st.Events) == 0 || st.To == nil {
			continue
		}
		key := st.Kind + "\x00" + st.To.ID + "\x00" + idList(st.Events)
		a := byKey[key]
		if a == nil {
			a = &Aggregate{Kind: st.Kind, To: st.To, Events: st.Events}
			byKey[key] = a
			s.Aggregates = append(s.Aggregates, a)
		}
		a.Statements = append(a.Statements, st)
		if *st.Count > a.Count {
			a.Count, a.Bound = *st.Count, st.Qualifier
		}
	}
	for _, a := range s.Aggregates {
		a.Own = 0
		for _, e := range a.Events {
			e.Aggregates = append(e.Aggregates, a)
			for _, pf := range e.Figures {
				if pf.Party == a.To && pf.Known {
					a.Own = addCounts(a.Own, pf.Total)
				}
			}
		}
		if a.Own >= a.Count {
			a.Count, a.Bound = a.Own, content.Qualifier{}
		}
	}
}

// addTo adds the aggregate's extra to the count of its kind and party on
// e, its last event.
func (a *Aggregate) addTo(e *Event) {
	for i := range e.Counts {
		if c := &e.Counts[i]; c.Kind == a.Kind && c.Party == a.To {
			c.N, c.Bound, c.Aggregate = addCounts(c.N, a.Extra()), widen(c.Bound, a.Bound), a
			return
		}
	}
	e.Counts = append(e.Counts, Count{Kind: a.Kind, Party: a.To, N: a.Extra(), Bound: a.Bound, Aggregate: a})
}

// idList identifies a set of events: their ids in date order.
func idList(events []*Event) string {
	ids := make([]string, len(events))
	for i, e := range events {
		ids[i] = e.ID
	}
	return strings.Join(ids, "\x00")
}

// Totals adds up events' figures for each kind of event that has any.
type Totals []*KindTotal

// KindTotal is how many were returned to each party by events of one kind:
// people in exchanges, remains in repatriations.
type KindTotal struct {
	Kind   string
	Counts []*PartyCount // in the order of the site's parties
	// Events is how many events of this kind have at least one number;
	// All, how many there are.
	Events, All int
	// Disputed is how many of those events have figures that disagree.
	Disputed int
}

// PartyCount is a number returned to one party.
type PartyCount struct {
	Party *content.Party
	Count int
	// Bound is Approx when an approximate figure is counted, else AtLeast
	// when a lower bound is.
	Bound content.Qualifier
	// AsOf is the last day of the latest event counted.
	AsOf content.Date
	// Undisclosed are the events of the kind whose figures for the party
	// were not disclosed, so that nothing is counted for them.
	Undisclosed []*Event
}

// AtLeast reports whether the count is a floor: it counts approximate or
// lower-bound figures, or leaves out events whose figures are unknown.
func (c *PartyCount) AtLeast() bool {
	return c.Bound.Approx || c.Bound.AtLeast || len(c.Undisclosed) > 0
}

func totalsOf(parties []*content.Party, events []*Event) Totals {
	var totals Totals
	for _, kind := range content.EventKinds() {
		kt := &KindTotal{Kind: kind}
		for _, p := range parties {
			kt.Counts = append(kt.Counts, &PartyCount{Party: p})
		}
		for _, e := range events {
			kt.addEvent(e)
		}
		if kt.Events > 0 {
			totals = append(totals, kt)
		}
	}
	return totals
}

func (kt *KindTotal) addEvent(e *Event) {
	if e.Kind == kt.Kind {
		kt.All++
		for _, c := range kt.Counts {
			if slices.Contains(e.Undisclosed, c.Party) {
				c.Undisclosed = append(c.Undisclosed, e)
			}
		}
	}
	counted := false
	for _, n := range e.Counts {
		if n.Kind != kt.Kind {
			continue
		}
		for _, c := range kt.Counts {
			if c.Party == n.Party {
				c.Count = addCounts(c.Count, n.N)
				c.Bound = widen(c.Bound, n.Bound)
				c.AsOf = laterDate(c.AsOf, e.LastDay())
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

// undisclosed reports whether e is an exchange or a repatriation that
// should have returned someone to party and has no number for it that is
// counted: an exchange always returns people to both sides; a
// repatriation, to a side it lists, or to any side when it gives no number
// at all; and no official statement counts it for party together with
// other events (its Aggregates).
func undisclosed(e *Event, party *content.Party) bool {
	if e.Kind != "exchange" && e.Kind != "repatriation" {
		return false
	}
	listed, anyKnown := false, false
	for _, pf := range e.Figures {
		if pf.Party == party {
			if pf.Known {
				return false
			}
			listed = true
		}
		anyKnown = anyKnown || pf.Known
	}
	if e.Kind == "repatriation" && !listed && anyKnown {
		return false
	}
	return !slices.ContainsFunc(e.Aggregates, func(a *Aggregate) bool { return a.Kind == e.Kind && a.To == party })
}

func laterDate(a, b content.Date) content.Date {
	if a.Before(b) {
		return b
	}
	return a
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

// For returns the count for one party, or nil.
func (kt *KindTotal) For(party string) *PartyCount {
	for _, c := range kt.Counts {
		if c.Party.ID == party {
			return c
		}
	}
	return nil
}
