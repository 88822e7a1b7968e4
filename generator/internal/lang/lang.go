// Package lang holds the rules that depend on a language: the interface
// strings of each language with their plural forms (Catalog, from the
// layouts' translation files), how numbers and dates are written, and
// which of the two Cyrillic languages of the record, Ukrainian or Russian,
// a text is written in. Each rule is here once.
package lang

import (
	"strconv"
	"strings"
)

// Lang is a language, as a BCP 47 tag: "uk", "ru". The zero Lang means
// "not known".
type Lang string

const (
	Ukrainian Lang = "uk"
	Russian   Lang = "ru"
)

// Cyrillic says which language a text in Cyrillic letters is written in,
// from the letters only one of them has: і ї є ґ are Ukrainian, ы э ё ъ
// Russian. It returns "" for a text with neither, or with both.
func Cyrillic(s string) Lang {
	s = strings.ToLower(s)
	uk, ru := strings.ContainsAny(s, "іїєґ"), strings.ContainsAny(s, "ыэёъ")
	switch {
	case uk && !ru:
		return Ukrainian
	case ru && !uk:
		return Russian
	}
	return ""
}

// Count writes n things in English: "1 event", "2 events", "1,000 events".
// one and other are the noun's forms. It is for the command line, which
// speaks English; pages count with their language's Catalog, whose plural
// forms follow CLDR's rules (Ukrainian and Russian have one, few, many and
// other: 1 подія, 2 події, 5 подій).
func Count(n int, one, other string) string {
	if n == 1 {
		return "1 " + one
	}
	return Number(n) + " " + other
}

// Number groups digits in threes, as English readers expect: 1,000.
// Pages in other languages write numbers with their Catalog's Number.
func Number(n int) string { return group(n, ",") }

// group writes n with sep between groups of three digits.
func group(n int, sep string) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}
