package model

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"golang.org/x/tools/txtar"
)

// TestCountingFixture builds the synthetic record of testdata/counting.txtar
// and compares its totals, as-of dates, undisclosed events, statement
// comparisons and numbering with the figures worked out by hand in the
// archive's comment.
func TestCountingFixture(t *testing.T) {
	ar, err := txtar.ParseFile("testdata/counting.txtar")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	want := ""
	for _, f := range ar.Files {
		if f.Name == "counting.want" {
			want = string(f.Data)
			continue
		}
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	files, diags := content.Load(fsys)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	s := Build(files, Options{})
	var b strings.Builder
	for _, kind := range []string{"exchange", "repatriation"} {
		kt := s.Totals.Of(kind)
		for _, c := range kt.Counts {
			atLeast := ""
			if c.AtLeast() {
				atLeast = "at least "
			}
			bound := ""
			if c.Bound.Approx {
				bound = "approx"
			} else if c.Bound.AtLeast {
				bound = "at_least"
			}
			fmt.Fprintf(&b, "%s %s: %d %s(%s) as of %s, undisclosed%s\n", kind, c.Party.ID, c.Count, atLeast, bound, c.AsOf, idsWithSpace(c.Undisclosed))
		}
		if kind == "exchange" {
			fmt.Fprintf(&b, "exchange events: %d counted of %d\n", kt.Events, kt.All)
		}
	}
	for _, st := range s.Official("exchange", "north") {
		fmt.Fprintf(&b, "statement %s: %d, record %d, difference %d\n", st.ID, *st.Count, st.Record, st.Difference())
	}
	for _, n := range s.Numberings() {
		fmt.Fprintf(&b, "numbering %s: %d on %s\n", n.Party.ID, n.Number, n.Event.ID)
	}
	if got := b.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	// The running totals end where the totals do.
	for _, kt := range s.Totals {
		final := s.RunningTotals(kt.Kind).Final()
		for i, c := range kt.Counts {
			if final[i] != c.Count {
				t.Errorf("%s, %s: running total ends at %d, total %d", kt.Kind, c.Party.ID, final[i], c.Count)
			}
		}
	}
}

func idsWithSpace(events []*Event) string {
	if len(events) == 0 {
		return ""
	}
	return " " + ids(events)
}

// Counts too large for an int stop at the largest one instead of wrapping
// round to a negative total.
func TestCountsDoNotOverflow(t *testing.T) {
	huge := maxCount
	s := site([]*content.Event{
		event("2025-01-01-a", "exchange", fig("ukraine", &huge, "a")),
		event("2025-01-02-b", "exchange", fig("ukraine", &huge, "a")),
	})
	if got := s.Totals.Of("exchange").For("ukraine").Count; got != maxCount {
		t.Errorf("total %d, want %d", got, maxCount)
	}
}
