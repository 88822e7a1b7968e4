package model

import (
	"cmp"
	"slices"
	"strings"

	"github.com/exchange-timeline/timeline/generator/internal/content"
)

// Statement is an official statement of a figure, with the parties it
// names resolved and, for a running total, what the record counts by its
// date.
type Statement struct {
	*content.Statement
	Party, To *content.Party
	// Events are the events of an aggregate, in date order; nil for a
	// running total.
	Events []*Event
	// Record is the record's own running total of the statement's kind
	// for To up to the statement's date; running totals only.
	Record int
}

// Difference is what the record counts minus what the statement says:
// positive when the record counts more.
func (st *Statement) Difference() int { return st.Record - *st.Count }

// addStatements resolves the statements, sorted by date then id.
func (s *Site) addStatements(files []*content.Statement, events map[string]*Event) {
	s.Statements = make([]*Statement, 0, len(files))
	for _, cs := range files {
		st := &Statement{Statement: cs, Party: s.party(cs.Party), To: s.party(cs.To)}
		for _, id := range cs.Events {
			if e := events[id]; e != nil && !slices.Contains(st.Events, e) {
				st.Events = append(st.Events, e)
			}
		}
		if len(cs.Events) > 0 && len(st.Events) == 0 {
			continue // every event it adds up is a draft left out
		}
		slices.SortFunc(st.Events, byDate)
		s.Statements = append(s.Statements, st)
	}
	slices.SortFunc(s.Statements, func(a, b *Statement) int {
		return cmp.Or(a.Date.Compare(b.Date), strings.Compare(a.ID, b.ID))
	})
}

// compareStatements works out, for each running total, what the record
// counts by its date.
func (s *Site) compareStatements() {
	running := map[string]*Running{}
	for _, st := range s.Statements {
		if len(st.Events) > 0 || st.To == nil {
			continue
		}
		r := running[st.Kind]
		if r == nil {
			r = s.RunningTotals(st.Kind)
			running[st.Kind] = r
		}
		st.Record = r.At(st.Date)[slices.Index(s.Parties, st.To)]
	}
}

// Official returns the running-total statements of a kind of count for a
// party, oldest first.
func (s *Site) Official(kind, to string) []*Statement {
	var out []*Statement
	for _, st := range s.Statements {
		if len(st.Events) == 0 && st.Kind == kind && st.To != nil && st.To.ID == to {
			out = append(out, st)
		}
	}
	return out
}

// LatestOfficial returns the most recent running-total statement of a kind
// of count for a party, or nil.
func (s *Site) LatestOfficial(kind, to string) *Statement {
	all := s.Official(kind, to)
	if len(all) == 0 {
		return nil
	}
	return all[len(all)-1]
}

// LatestOfficials returns, for each party in order, the most recent
// running-total statement of a kind of count for it, leaving out parties
// without one.
func (s *Site) LatestOfficials(kind string) []*Statement {
	var out []*Statement
	for _, p := range s.Parties {
		if st := s.LatestOfficial(kind, p.ID); st != nil {
			out = append(out, st)
		}
	}
	return out
}

// Numbering is a party's official numbering of exchanges, as far as the
// record has it.
type Numbering struct {
	Party  *content.Party
	Number int
	Event  *Event // the latest event the party numbered
}

// Numberings returns, for each party that numbers its exchanges, the latest
// number the record has.
func (s *Site) Numberings() []Numbering {
	var out []Numbering
	for _, p := range s.Parties {
		n := Numbering{Party: p}
		for _, e := range s.Events {
			for _, o := range e.Ordinals {
				if o.Party == p && o.Number >= n.Number {
					n.Number, n.Event = o.Number, e
				}
			}
		}
		if n.Event != nil {
			out = append(out, n)
		}
	}
	return out
}

func byDate(a, b *Event) int {
	return cmp.Or(a.links.date.Compare(b.links.date), strings.Compare(a.links.id, b.links.id))
}
