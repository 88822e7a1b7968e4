package model

import (
	"strings"
	"testing"

	"github.com/exchange-timeline/timeline/generator/internal/content"
)

var parties = []content.Party{{ID: "ukraine", Name: "Ukraine"}, {ID: "russia", Name: "Russia"}}

func count(n int) *int { return &n }

func date(s string) content.Date {
	d, err := content.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func event(id, kind string, figures ...content.Figure) *content.Event {
	return &content.Event{
		Doc:      content.Doc{ID: id},
		Title:    "Event " + id,
		Date:     date(id[:10]),
		Kind:     kind,
		Returned: figures,
		Sources:  []content.Source{{ID: "a", Publisher: "A"}, {ID: "b", Publisher: "B"}},
	}
}

func fig(to string, n *int, source string) content.Figure {
	return content.Figure{To: to, Count: n, Source: source}
}

func site(events []*content.Event, people ...*content.Person) *Site {
	return Build(&content.Files{Site: &content.Site{Title: "T", Parties: parties}, Events: events, People: people}, Options{})
}

func ids(events []*Event) string {
	var s []string
	for _, e := range events {
		s = append(s, e.ID)
	}
	return strings.Join(s, " ")
}

func TestEventOrderYearsAndNeighbours(t *testing.T) {
	s := site([]*content.Event{
		event("2025-03-01-b", "exchange"),
		event("2024-12-30-z", "exchange"),
		event("2025-03-01-a", "talks"),
	})
	if got := ids(s.Events); got != "2024-12-30-z 2025-03-01-a 2025-03-01-b" {
		t.Errorf("order: %s", got)
	}
	if len(s.Years) != 2 || s.Years[0].Year != 2024 || ids(s.Years[1].Events) != "2025-03-01-a 2025-03-01-b" {
		t.Errorf("years: %+v", s.Years)
	}
	if s.Years[0].Next != s.Years[1] || s.Years[1].Prev != s.Years[0] {
		t.Error("years are not linked")
	}
	if s.Events[1].Prev != s.Events[0] || s.Events[1].Next != s.Events[2] || s.Events[0].Prev != nil {
		t.Error("events are not linked in date order")
	}
	if got := ids(s.Latest(2)); got != "2025-03-01-b 2025-03-01-a" {
		t.Errorf("latest: %s", got)
	}
}

func TestDraftsAreLeftOut(t *testing.T) {
	draft := event("2025-01-01-draft", "exchange")
	draft.Draft = true
	files := &content.Files{Site: &content.Site{Parties: parties}, Events: []*content.Event{draft, event("2025-01-02-x", "exchange")}}
	if got := ids(Build(files, Options{}).Events); got != "2025-01-02-x" {
		t.Errorf("without drafts: %s", got)
	}
	if got := ids(Build(files, Options{Drafts: true}).Events); got != "2025-01-01-draft 2025-01-02-x" {
		t.Errorf("with drafts: %s", got)
	}
}

func TestTags(t *testing.T) {
	a, b := event("2025-01-01-a", "exchange"), event("2025-01-02-b", "exchange")
	a.Tags, b.Tags = []string{"wounded", "civilians"}, []string{"civilians"}
	s := site([]*content.Event{b, a})
	if len(s.Tags) != 2 || s.Tags[0].Name != "civilians" || ids(s.Tags[0].Events) != "2025-01-01-a 2025-01-02-b" || ids(s.Tags[1].Events) != "2025-01-01-a" {
		t.Errorf("tags: %+v", s.Tags)
	}
	if s.Events[0].Tags[0].Name != "wounded" {
		t.Error("an event's tags keep their order")
	}
}

func TestPeopleAndRoles(t *testing.T) {
	anna := &content.Person{Doc: content.Doc{ID: "anna"}, Name: "Anna", Party: "ukraine"}
	boris := &content.Person{Doc: content.Doc{ID: "boris"}, Name: "boris"}
	e1, e2 := event("2025-01-01-a", "exchange"), event("2025-02-01-b", "exchange")
	e1.People = []content.Participant{{ID: "anna", Role: "quoted"}, {ID: "boris", Role: "released"}}
	e2.People = []content.Participant{{ID: "anna", Role: "released"}, {ID: "anna", Role: "quoted"}}
	s := site([]*content.Event{e2, e1}, boris, anna)
	if s.People[0] != s.Events[0].Participants[0].Person || s.People[0].Name != "Anna" || s.People[1].Name != "boris" {
		t.Errorf("people are sorted by name, ignoring case: %v, %v", s.People[0].Name, s.People[1].Name)
	}
	p := s.People[0]
	if p.Party == nil || p.Party.Name != "Ukraine" {
		t.Errorf("party: %+v", p.Party)
	}
	if ids(p.Events) != "2025-01-01-a 2025-02-01-b" {
		t.Errorf("events: %s", ids(p.Events))
	}
	if len(p.Roles) != 2 || p.Roles[0].Role != "released" || ids(p.Roles[0].Events) != "2025-02-01-b" ||
		p.Roles[1].Role != "quoted" || ids(p.Roles[1].Events) != "2025-01-01-a 2025-02-01-b" {
		t.Errorf("roles in schema order: %+v %+v", p.Roles[0], p.Roles[1])
	}
}

// The rule of CONTRIBUTING.md ("How totals are counted"): per party, each source's figures are summed, and
// the largest sum counts; undisclosed figures add nothing.
func TestFiguresRule(t *testing.T) {
	e := site([]*content.Event{event("2025-08-14-x", "exchange",
		fig("ukraine", count(33), "a"),
		fig("ukraine", count(51), "a"),
		fig("ukraine", count(84), "b"),
		fig("russia", count(84), "a"),
		fig("russia", nil, "b"),
	)}).Events[0]
	if len(e.Figures) != 2 {
		t.Fatalf("figures: %+v", e.Figures)
	}
	ua, ru := e.Figures[0], e.Figures[1]
	if ua.Party.ID != "ukraine" || !ua.Known || ua.Total != 84 || ua.Disputed || len(ua.Reports) != 2 || ua.Reports[0].Sum != 84 {
		t.Errorf("ukraine: %+v", ua)
	}
	if !ru.Known || ru.Total != 84 || ru.Disputed || ru.Reports[1].Known {
		t.Errorf("russia: undisclosed figures add nothing and dispute nothing: %+v", ru)
	}
	if e.Disputed {
		t.Error("agreeing sources are not a dispute")
	}
}

func TestFiguresDisputed(t *testing.T) {
	e := site([]*content.Event{event("2024-12-30-x", "exchange",
		fig("ukraine", count(189), "a"),
		fig("ukraine", count(150), "b"),
		fig("russia", count(150), "b"),
	)}).Events[0]
	if ua := e.Figures[0]; !ua.Disputed || ua.Total != 189 || !e.Disputed {
		t.Errorf("got %+v", ua)
	}
	if e.Figures[1].Disputed {
		t.Error("russia's figure is not disputed")
	}
}

func TestFiguresUndisclosedAndUnsourced(t *testing.T) {
	e := site([]*content.Event{event("2025-06-09-x", "exchange",
		fig("ukraine", nil, "a"),
		fig("russia", count(5), ""),
		fig("russia", count(2), ""),
	)}).Events[0]
	if ua := e.Figures[0]; ua.Known || ua.Total != 0 {
		t.Errorf("ukraine: %+v", ua)
	}
	if ru := e.Figures[1]; !ru.Known || ru.Total != 7 || ru.Reports[0].Source != nil {
		t.Errorf("unsourced figures count as one report: %+v", ru)
	}
}

func TestTotals(t *testing.T) {
	s := site([]*content.Event{
		event("2024-12-30-a", "exchange", fig("ukraine", count(189), "a"), fig("ukraine", count(150), "b"), fig("russia", count(150), "b")),
		event("2025-01-15-b", "exchange", fig("ukraine", count(25), "a"), fig("russia", count(25), "a")),
		event("2025-06-09-c", "exchange", fig("ukraine", nil, "a")),
		event("2025-06-11-d", "repatriation", fig("ukraine", count(1212), "a"), fig("russia", count(27), "b")),
		event("2025-05-16-e", "talks"),
	})
	ex := s.Totals.Of("exchange")
	if ex.Counts[0].Count != 214 || ex.Counts[1].Count != 175 || ex.Events != 2 || ex.Disputed != 1 {
		t.Errorf("exchanges: %d %d, %d events, %d disputed", ex.Counts[0].Count, ex.Counts[1].Count, ex.Events, ex.Disputed)
	}
	if rep := s.Totals.Of("repatriation"); rep.Counts[0].Count != 1212 || rep.Counts[1].Count != 27 {
		t.Errorf("repatriations: %+v", rep.Counts)
	}
	if s.Totals.Of("talks") != nil {
		t.Error("kinds without figures have no totals")
	}
	if y := s.Years[1].Totals.Of("exchange"); y.Counts[0].Count != 25 {
		t.Errorf("2025 exchanges: %+v", y.Counts[0])
	}
}

func TestCaptivity(t *testing.T) {
	tests := []struct {
		captured, released  string
		years, months, days int
		approximate         bool
		totalDays           int
	}{
		{"2022-03-03", "2025-08-24", 3, 5, 21, false, 1270},
		{"2022-03", "2025-08-24", 3, 5, 0, true, 0},
		{"2022", "2025-08-24", 3, 0, 0, true, 0},
		{"2023-08-20", "2025-08-24", 2, 0, 4, false, 735},
		{"2025-01-31", "2025-02-28", 0, 1, 0, false, 28},
		{"2025-01-31", "2025-02-27", 0, 0, 27, false, 27},
		{"2025-01-31", "2025-03-01", 0, 1, 1, false, 29},
		{"2025-08-24", "2025-08-24", 0, 0, 0, false, 0},
	}
	for _, tt := range tests {
		captured, err := content.ParsePartialDate(tt.captured)
		if err != nil {
			t.Fatal(err)
		}
		person := &content.Person{Doc: content.Doc{ID: "p"}, Name: "P", Captured: &captured}
		e := event(tt.released+"-x", "exchange")
		e.People = []content.Participant{{ID: "p", Role: "released"}}
		c := site([]*content.Event{e}, person).People[0].Captivity
		if c == nil {
			t.Fatalf("%s → %s: no captivity", tt.captured, tt.released)
		}
		// Months and days count only as far as the capture date is known.
		prec := captured.Precision()
		months, days := c.Months, c.Days
		if prec < content.MonthPrecision {
			months = 0
		}
		if prec < content.DayPrecision {
			days = 0
		}
		if c.Years != tt.years || months != tt.months || days != tt.days || c.Approximate() != tt.approximate || c.TotalDays != tt.totalDays {
			t.Errorf("%s → %s: %d years, %d months, %d days, approximate %v, %d days in all; want %+v",
				tt.captured, tt.released, c.Years, c.Months, c.Days, c.Approximate(), c.TotalDays, tt)
		}
	}
}

func TestNoCaptivityWithoutRelease(t *testing.T) {
	captured, _ := content.ParsePartialDate("2022-03-03")
	person := &content.Person{Doc: content.Doc{ID: "p"}, Name: "P", Captured: &captured}
	quoted := event("2025-08-24-x", "exchange")
	quoted.People = []content.Participant{{ID: "p", Role: "quoted"}}
	earlier := event("2021-01-01-x", "exchange")
	earlier.People = []content.Participant{{ID: "p", Role: "released"}}
	if c := site([]*content.Event{quoted, earlier}, person).People[0].Captivity; c != nil {
		t.Errorf("a release before the capture, or a mere mention, is not the end of captivity: %v", c)
	}
}
