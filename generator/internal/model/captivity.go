package model

import (
	"time"

	"github.com/exchange-timeline/timeline/generator/internal/content"
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
