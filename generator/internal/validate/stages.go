package validate

import (
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
	type day struct {
		date content.Date
		kind string
	}
	// Events whose id or kind is wrong are reported already: comparing
	// them would only repeat that.
	byDay := map[day][]*content.Event{}
	ids := map[string]int{}
	for _, e := range c.files.Events {
		ids[e.ID]++
	}
	for _, e := range c.files.Events {
		if !e.Date.IsZero() && slices.Contains(content.EventKinds, e.Kind) && ids[e.ID] == 1 && eventIDPattern.MatchString(e.ID) {
			k := day{e.Date, e.Kind}
			byDay[k] = append(byDay[k], e)
		}
	}
	for k, same := range byDay {
		if len(same) > 1 {
			c.unstaged(k.kind, k.date, same)
		}
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
		c.errorf(&e.Doc, "date", hint, "another %s event on %s: %s", kind, date, strings.Join(others, ", "))
	}
}
