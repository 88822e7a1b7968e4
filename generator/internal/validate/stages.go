package validate

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/exchange-timeline/timeline/generator/internal/content"
)

// sameDay reports events of one kind on one date that are not told apart
// by a stage. One exchange is one event (end_date spans several days), so
// a second file on the same date is most often the same exchange entered
// twice; when it is a separate stage reported on its own, each file says
// which stage it is. Each event without a stage is reported, at its date.
func (c *checker) sameDay() {
	// Events whose id or kind is wrong are reported already: comparing
	// them would only repeat that.
	events := slices.DeleteFunc(slices.Clone(c.files.Events), func(e *content.Event) bool {
		_, named := content.DatedID(e.ID)
		return e.Date.IsZero() || !slices.Contains(content.EventKinds(), e.Kind) || !named
	})
	slices.SortFunc(events, func(a, b *content.Event) int {
		return cmp.Or(a.Date.Compare(b.Date), strings.Compare(a.Kind, b.Kind), strings.Compare(a.ID, b.ID))
	})
	for len(events) > 0 {
		n := 1
		for n < len(events) && events[n].Date == events[0].Date && events[n].Kind == events[0].Kind {
			n++
		}
		// A second file with the same id is reported as a duplicate id.
		same := slices.CompactFunc(events[:n:n], func(a, b *content.Event) bool { return a.ID == b.ID })
		if len(same) > 1 {
			c.unstaged(events[0].Kind, events[0].Date, same)
		}
		events = events[n:]
	}
}

// unstaged reports the events of one day and kind that have no stage.
func (c *checker) unstaged(kind string, date content.Date, same []*content.Event) {
	for _, e := range same {
		if e.Stage != "" {
			continue
		}
		var others []string
		staged := true
		for _, o := range same {
			if o != e {
				others = append(others, o.ID)
				staged = staged && o.Stage != ""
			}
		}
		hint := "if they are one event, merge them into one file, with end_date if it lasted several days; " +
			"if they are separate stages, give each a stage: naming it, like stage: second day"
		if staged {
			hint = "give this one a stage: too, naming it, like stage: second day"
		}
		c.errorf(&e.Doc, "date", hint, "another %s event on %s: %s", kind, date, listed(others))
	}
}

// listed names the first few ids and counts the others, so that a day with
// many events gives messages of a bounded length.
func listed(ids []string) string {
	const named = 3
	if len(ids) <= named+1 {
		return strings.Join(ids, ", ")
	}
	return fmt.Sprintf("%s and %d others", strings.Join(ids[:named], ", "), len(ids)-named)
}
