package content

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar day, written YYYY-MM-DD in front matter.
type Date struct{ t time.Time }

// NewDate returns the given day.
func NewDate(year int, month time.Month, day int) Date {
	return Date{time.Date(year, month, day, 0, 0, 0, 0, time.UTC)}
}

// ParseDate reads YYYY-MM-DD and rejects days that do not exist.
func ParseDate(s string) (Date, error) {
	p, err := ParsePartialDate(s)
	if err != nil {
		return Date{}, err
	}
	if p.prec != DayPrecision {
		return Date{}, fmt.Errorf("%q is not a full date (write YYYY-MM-DD, like 2025-08-24)", s)
	}
	return p.Date, nil
}

// UnmarshalText lets the decoder read a Date.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	*d = v
	return err
}

// MarshalText writes YYYY-MM-DD, for the JSON data files.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

func (d Date) IsZero() bool       { return d.t.IsZero() }
func (d Date) Time() time.Time    { return d.t }
func (d Date) Year() int          { return d.t.Year() }
func (d Date) Before(e Date) bool { return d.t.Before(e.t) }

// Compare orders dates like cmp.Compare.
func (d Date) Compare(e Date) int { return d.t.Compare(e.t) }

// String is the ISO form, as used in datetime attributes.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(time.DateOnly)
}

// Long is the form readers see: "24 August 2025".
func (d Date) Long() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format("2 January 2006")
}

// Precision says how much of a PartialDate was given.
type Precision int

const (
	YearPrecision Precision = iota + 1
	MonthPrecision
	DayPrecision
)

// PartialDate is a date known to the year, the month or the day: "2022",
// "2022-03" or "2022-03-03". Date holds its first possible day.
type PartialDate struct {
	Date
	prec Precision
}

// MinYear and MaxYear bound the years of dates: anything outside is a
// typo, and 0001-01-01, the zero time, would otherwise read as no date.
const (
	MinYear = 1900
	MaxYear = 2100
)

// ParsePartialDate reads YYYY, YYYY-MM or YYYY-MM-DD.
func ParsePartialDate(s string) (PartialDate, error) {
	parts := strings.Split(s, "-")
	widths := []int{4, 2, 2}
	if len(parts) > len(widths) {
		return PartialDate{}, errDateFormat(s)
	}
	nums := []int{0, 1, 1}
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || len(p) != widths[i] || n < 0 {
			return PartialDate{}, errDateFormat(s)
		}
		nums[i] = n
	}
	year, month, day := nums[0], time.Month(nums[1]), nums[2]
	if year < MinYear || year > MaxYear {
		return PartialDate{}, fmt.Errorf("%q is out of range (years run from %d to %d)", s, MinYear, MaxYear)
	}
	if month < 1 || month > 12 {
		return PartialDate{}, fmt.Errorf("%q has no month %d (months run from 01 to 12)", s, month)
	}
	d := NewDate(year, month, day)
	if d.t.Day() != day {
		last := NewDate(year, month+1, 0).t.Day()
		return PartialDate{}, fmt.Errorf("%q is not a real day (%s %d has %d days)", s, month, year, last)
	}
	return PartialDate{d, Precision(len(parts))}, nil
}

func errDateFormat(s string) error {
	return fmt.Errorf("%q is not a date (write YYYY-MM-DD, like 2025-08-24)", s)
}

// UnmarshalText lets the decoder read a PartialDate.
func (p *PartialDate) UnmarshalText(b []byte) error {
	v, err := ParsePartialDate(string(b))
	*p = v
	return err
}

// MarshalText writes the date as precisely as it was given.
func (p PartialDate) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// Precision reports how much of the date is known.
func (p PartialDate) Precision() Precision { return p.prec }

// String writes the date as precisely as it was given: "2022-03".
func (p PartialDate) String() string {
	switch p.prec {
	case YearPrecision:
		return p.t.Format("2006")
	case MonthPrecision:
		return p.t.Format("2006-01")
	}
	return p.Date.String()
}

// Long is the form readers see: "March 2022".
func (p PartialDate) Long() string {
	switch p.prec {
	case YearPrecision:
		return p.t.Format("2006")
	case MonthPrecision:
		return p.t.Format("January 2006")
	}
	return p.Date.Long()
}
