package render

import (
	"crypto/sha256"
	"encoding/base64"
	"html/template"
	"strconv"
	"strings"

	"github.com/exchange-timeline/timeline/generator/internal/content"
)

// funcs are the functions templates may call:
//
//	url PATH       the site path PATH ("events/x/") under the base path: "/repo/events/x/"
//	absURL PATH    the same, with scheme and host when -base-url has them
//	asset PATH     a file from static/, with a version query that changes with its content
//	number N       1000 → "1,000"
//	qualifiedText N Q   the same as plain text, "≈ 250", for attributes and SVG titles
//	ordinal N      68 → "68th"
//	neg N          -N
//	qualified N Q  N with its content.Qualifier: "≈ 250" (about), "≥ 6,000" (at least), as HTML
//	               with the words for screen readers
//	dateRange D E  the text of a date and an optional end date, as one range reads:
//	               .Start "23", .End "25 May 2025", .Sep "–"; .End is "" without E
//	plural N ONE MANY   "1 event", "2 events"
//	label KEY      a kind or role for readers: "repatriation" → "Repatriation of remains"
//	contentSecurityPolicy [LD]   the policy every page declares (ContentSecurityPolicy),
//	               allowing by its hash the page's JSON-LD block LD, if any
//	eventCard E    the "card" template for event E, rendered once and reused on every list
//	eventRows ROWS the "event-row" template for each *EventRow, each rendered once and reused
//	citing E SOURCE    the figures of event E that cite source SOURCE (an id), as []Citation;
//	               nil when E is not a *model.Event
//	figureID I     the id of the figure at index I of an event's returned list (model.Report.Indexes)
//	partialCached NAME DATA KEY...   template NAME with DATA, rendered once per build for each KEY...
//	jsonLD PAGE    the page's schema.org JSON-LD (Event, Person, WebSite), or "" for other kinds
//	portrait P     person P's *Portrait (URL, AbsURL, Alt), or nil; an error if the image is missing
//	searchIndex    the address of the search index, for the search script
//	nativeLang NAME FALLBACK   "uk" or "ru" for a name in Cyrillic with letters of one language only, else FALLBACK
func (r *Renderer) funcs() template.FuncMap {
	return template.FuncMap{
		"contentSecurityPolicy": policy,
		"eventCard":             r.card,
		"eventRows":             r.eventRows,
		"citing":                citing,
		"figureID":              figureID,
		"partialCached":         r.partials.render,
		"jsonLD":                r.jsonLD,
		"portrait":              r.portrait,
		"nativeLang":            nativeLang,
		"searchIndex":           func() string { return r.url(SearchIndexPath) },
		"url":                   r.url,
		"absURL":                r.absURL,
		"asset":                 r.asset,
		"number":                formatNumber,
		"qualified":             qualified,
		"qualifiedText":         qualifiedText,
		"ordinal":               ordinal,
		"neg":                   func(n int) int { return -n },
		"dateRange":             formatDateRange,
		"plural":                plural,
		"label":                 label,
	}
}

func (r *Renderer) url(p string) string {
	return r.opts.BaseURL.Path + strings.TrimPrefix(p, "/")
}

func (r *Renderer) absURL(p string) string {
	return r.opts.BaseURL.Origin + r.url(p)
}

func (r *Renderer) asset(p string) string {
	p = strings.TrimPrefix(p, "/")
	if h, ok := r.layouts.hashes[p]; ok {
		return r.url(p) + "?v=" + h
	}
	return r.url(p)
}

// formatNumber groups digits in threes, as English readers expect.
func formatNumber(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// qualified shows how exact a number is: "≈ 250" for about 250, "≥ 6,000"
// for at least 6,000. The sign is hidden from screen readers, which read
// the word instead.
func qualified(n int, q content.Qualifier) template.HTML {
	num := template.HTMLEscapeString(formatNumber(n))
	switch {
	case q.Approx:
		return template.HTML(`<span aria-hidden="true">≈&nbsp;</span><span class="visually-hidden">about </span>` + num)
	case q.AtLeast:
		return template.HTML(`<span aria-hidden="true">≥&nbsp;</span><span class="visually-hidden">at least </span>` + num)
	}
	return template.HTML(num)
}

// ordinal is an English ordinal number: "1st", "22nd", "68th", "111th".
func ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}

func qualifiedText(n int, q content.Qualifier) string {
	switch {
	case q.Approx:
		return "≈\u00a0" + formatNumber(n)
	case q.AtLeast:
		return "≥\u00a0" + formatNumber(n)
	}
	return formatNumber(n)
}

// DateRange is how a date, or a range of dates, reads: "23–25 May 2025",
// "30 May – 2 June 2025", "30 December 2024 – 2 January 2025". Start and
// End go in two time elements joined by Sep.
type DateRange struct{ Start, Sep, End string }

func formatDateRange(start content.Date, end *content.Date) DateRange {
	if end == nil || end.Compare(start) == 0 {
		return DateRange{Start: start.Long()}
	}
	s, e := start.Time(), end.Time()
	switch {
	case s.Year() != e.Year():
		return DateRange{start.Long(), " – ", end.Long()}
	case s.Month() != e.Month():
		return DateRange{s.Format("2 January"), " – ", end.Long()}
	}
	return DateRange{strconv.Itoa(s.Day()), "–", end.Long()}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return formatNumber(n) + " " + many
}

var labels = map[string]string{
	"exchange":     "Exchange",
	"repatriation": "Repatriation of remains",
	"talks":        "Talks",
	"other":        "Other",
	"released":     "Released",
	"announced":    "Announced",
	"negotiated":   "Negotiated",
	"quoted":       "Quoted",
	"mentioned":    "Mentioned",
}

func label(key string) string {
	if l, ok := labels[key]; ok {
		return l
	}
	return key
}

// ContentSecurityPolicy is the policy of every page, declared in a meta tag
// by base.html and sent by the preview server: the site's own scripts,
// styles, images and connections, nothing inline, nothing from elsewhere.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; " +
	"connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"

// policy is ContentSecurityPolicy for a page, with the hash of its JSON-LD
// block: browsers do not run such data blocks, but checkers (and some
// future browser) may hold the policy against them.
func policy(jsonLD ...template.JS) string {
	p := ContentSecurityPolicy
	for _, ld := range jsonLD {
		if ld == "" {
			continue
		}
		sum := sha256.Sum256([]byte(ld))
		p = strings.Replace(p, "script-src 'self'", "script-src 'self' 'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'", 1)
	}
	return p
}
