package model

import (
	"slices"

	"github.com/exchange-timeline/timeline/generator/internal/content"
)

// The statistics of the home page: what events of one kind returned to each
// party, year by year and as a running total over time. They count as
// Totals do (CONTRIBUTING.md, "How totals are counted"): per event and party the largest of the sources'
// sums; figures not disclosed add nothing.

// Running is the running total of what events of one kind returned to each
// party, one point per date on which something was counted.
type Running struct {
	Kind    string
	Parties []*content.Party
	// Points are in date order; each holds the totals up to and including
	// its date, so the last one equals the kind's Totals.
	Points []RunningPoint
}

// RunningPoint is the running totals on one date.
type RunningPoint struct {
	Date content.Date
	// Counts are in the order of Running.Parties.
	Counts []int
}

// Final returns the totals of the last point: zero for every party when
// nothing was counted.
func (r *Running) Final() []int {
	if len(r.Points) == 0 {
		return make([]int, len(r.Parties))
	}
	return r.Points[len(r.Points)-1].Counts
}

// Max is the largest count of any party at any point.
func (r *Running) Max() int {
	m := 0
	for _, c := range r.Final() {
		m = max(m, c)
	}
	return m
}

// RunningTotals returns the running totals of events of kind. It is linear
// in the number of events.
func (s *Site) RunningTotals(kind string) *Running {
	r := &Running{Kind: kind, Parties: s.Parties}
	current := make([]int, len(s.Parties))
	for _, e := range s.Events {
		counted := false
		for _, c := range e.Counts {
			if c.Kind != kind {
				continue
			}
			for i, p := range s.Parties {
				if p == c.Party {
					current[i] = addCounts(current[i], c.N)
					counted = true
				}
			}
		}
		if !counted {
			continue
		}
		if n := len(r.Points); n > 0 && r.Points[n-1].Date.Compare(e.Date) == 0 {
			copy(r.Points[n-1].Counts, current)
			continue
		}
		r.Points = append(r.Points, RunningPoint{Date: e.Date, Counts: append([]int(nil), current...)})
	}
	return r
}

// At returns the running totals at the end of date: zero for every party
// before the first point.
func (r *Running) At(date content.Date) []int {
	i, found := slices.BinarySearchFunc(r.Points, date, func(p RunningPoint, d content.Date) int { return p.Date.Compare(d) })
	if !found {
		i--
	}
	if i < 0 {
		return make([]int, len(r.Parties))
	}
	return r.Points[i].Counts
}

// YearTotal is what events of one kind returned to each party in one year.
type YearTotal struct {
	Year *Year
	// Events counts the year's events of the kind with a disclosed figure;
	// Disputed, those of them whose sources disagree.
	Events, Disputed int
	// Counts are the year's numbers and Running the totals up to the end
	// of the year, both in the order of the site's parties.
	Counts, Running []int
}

// YearTotals returns, for every year, what events of kind returned to each
// party in that year and up to its end; years without such events are
// included with zero counts, so that every kind lists the same years.
func (s *Site) YearTotals(kind string) []YearTotal {
	out := make([]YearTotal, len(s.Years))
	running := make([]int, len(s.Parties))
	for i, y := range s.Years {
		yt := YearTotal{Year: y, Counts: make([]int, len(s.Parties))}
		if kt := y.Totals.Of(kind); kt != nil {
			yt.Events, yt.Disputed = kt.Events, kt.Disputed
			for j, c := range kt.Counts {
				yt.Counts[j] = c.Count
			}
		}
		for j := range running {
			running[j] += yt.Counts[j]
		}
		yt.Running = append([]int(nil), running...)
		out[i] = yt
	}
	return out
}

// RolesIn returns the person's roles in e, in the order of the event's
// people list; it looks only at e's participants, so listing a person's
// events with their roles stays linear.
func (p *Person) RolesIn(e *Event) []string {
	var roles []string
	for _, pt := range e.Participants {
		if pt.Person == p {
			roles = append(roles, pt.Role)
		}
	}
	return roles
}
