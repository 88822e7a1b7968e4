package model

import (
	"fmt"
	"slices"
	"testing"

	"github.com/exchange-timeline/timeline/generator/internal/content"
)

func TestRunningTotals(t *testing.T) {
	s := site([]*content.Event{
		event("2024-02-01-a", "exchange", fig("ukraine", count(10), "a"), fig("russia", count(12), "a")),
		// disputed: counts the larger sum, 84
		event("2024-06-01-b", "exchange", fig("ukraine", count(33), "a"), fig("ukraine", count(51), "a"), fig("ukraine", count(80), "b")),
		// same day: one point
		event("2024-06-01-c", "exchange", fig("russia", count(5), "a")),
		// undisclosed: no point
		event("2024-07-01-d", "exchange", fig("ukraine", nil, "a")),
		// another kind: not counted
		event("2024-08-01-e", "repatriation", fig("ukraine", count(500), "a")),
		event("2025-01-15-f", "exchange", fig("russia", count(1), "a")),
	})
	r := s.RunningTotals("exchange")
	var got []string
	for _, p := range r.Points {
		got = append(got, fmt.Sprint(p.Date, p.Counts))
	}
	want := []string{"2024-02-01 [10 12]", "2024-06-01 [94 17]", "2025-01-15 [94 18]"}
	if !slices.Equal(got, want) {
		t.Errorf("points:\n got %q\nwant %q", got, want)
	}
	// The last point is the total of the kind.
	kt := s.Totals.Of("exchange")
	for i, c := range kt.Counts {
		if r.Final()[i] != c.Count {
			t.Errorf("final %v, totals %d for %s", r.Final(), c.Count, c.Party.ID)
		}
	}
	if r.Max() != 94 {
		t.Errorf("max %d", r.Max())
	}
	if empty := s.RunningTotals("talks"); len(empty.Points) != 0 || !slices.Equal(empty.Final(), []int{0, 0}) || empty.Max() != 0 {
		t.Errorf("talks: %+v", empty)
	}

	years := s.YearTotals("exchange")
	if len(years) != 2 {
		t.Fatalf("%d years", len(years))
	}
	if y := years[0]; y.Year.Year != 2024 || !slices.Equal(y.Counts, []int{94, 17}) || !slices.Equal(y.Running, []int{94, 17}) || y.Events != 3 || y.Disputed != 1 {
		t.Errorf("2024: %+v", y)
	}
	if y := years[1]; y.Year.Year != 2025 || !slices.Equal(y.Counts, []int{0, 1}) || !slices.Equal(y.Running, []int{94, 18}) || y.Events != 1 {
		t.Errorf("2025: %+v", y)
	}
	remains := s.YearTotals("repatriation")
	if !slices.Equal(remains[1].Counts, []int{0, 0}) || !slices.Equal(remains[1].Running, []int{500, 0}) {
		t.Errorf("a year without the kind: %+v", remains[1])
	}
}

func TestRolesIn(t *testing.T) {
	e := event("2024-02-01-a", "exchange")
	e.People = []content.Participant{{ID: "ann", Role: "released"}, {ID: "bo", Role: "announced"}, {ID: "ann", Role: "quoted"}}
	s := site([]*content.Event{e}, &content.Person{Doc: content.Doc{ID: "ann"}, Name: "Ann"}, &content.Person{Doc: content.Doc{ID: "bo"}, Name: "Bo"})
	if got := s.People[0].RolesIn(s.Events[0]); !slices.Equal(got, []string{"released", "quoted"}) {
		t.Errorf("Ann: %q", got)
	}
	if got := s.People[1].RolesIn(s.Events[0]); !slices.Equal(got, []string{"announced"}) {
		t.Errorf("Bo: %q", got)
	}
}
