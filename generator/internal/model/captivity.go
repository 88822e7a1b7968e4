package model

import (
	"strings"
	"time"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/lang"
)

// Captivity is the time between a person's capture and the event that
// released them.
type Captivity struct {
	Captured content.PartialDate
	Released *Event
	// Years, Months and Days are the calendar difference; Days is only
	// meaningful when the capture date is known to the day.
	Years, Months, Days int
	// TotalDays counts days; zero when the capture day is not known.
	TotalDays int
}

func captivity(captured content.PartialDate, released *Event) *Captivity {
	c := &Captivity{Captured: captured, Released: released}
	from, to := captured.Time(), released.Date.Time()
	c.Years, c.Months, c.Days = calendarDiff(from, to)
	if captured.Precision() == content.DayPrecision {
		c.TotalDays = int(to.Sub(from).Hours() / 24)
	}
	return c
}

// calendarDiff returns the whole years, months and days from a to b (a ≤ b),
// counting months as people do: from 31 January, one month later is the
// last day of February.
func calendarDiff(a, b time.Time) (years, months, days int) {
	months = (b.Year()-a.Year())*12 + int(b.Month()-a.Month())
	for months > 0 && addMonths(a, months).After(b) {
		months--
	}
	days = int(b.Sub(addMonths(a, months)).Hours() / 24)
	return months / 12, months % 12, days
}

// addMonths adds n months to t, keeping to the last day of a shorter month.
func addMonths(t time.Time, n int) time.Time {
	first := time.Date(t.Year(), t.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	lastDay := first.AddDate(0, 1, -1).Day()
	return first.AddDate(0, 0, min(t.Day(), lastDay)-1)
}

// Approximate is true when the capture date is known only to the month or
// year, so the duration is rounded down to what is certain.
func (c *Captivity) Approximate() bool {
	return c.Captured.Precision() != content.DayPrecision
}

// String says how long, as precisely as the capture date allows:
// "3 years, 5 months and 21 days", or "about 3 years and 5 months".
func (c *Captivity) String() string {
	prec := c.Captured.Precision()
	units := []struct {
		n    int
		unit string
		need content.Precision
	}{{c.Years, "year", content.YearPrecision}, {c.Months, "month", content.MonthPrecision}, {c.Days, "day", content.DayPrecision}}
	var parts []string
	for _, u := range units {
		if u.n > 0 && prec >= u.need {
			parts = append(parts, lang.Count(u.n, u.unit, u.unit+"s"))
		}
	}
	if len(parts) == 0 {
		return "less than a " + units[prec-1].unit
	}
	if c.Approximate() {
		return "about " + joinAnd(parts)
	}
	return joinAnd(parts)
}

func joinAnd(parts []string) string {
	if len(parts) <= 1 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}
