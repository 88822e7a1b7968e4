package render

import (
	"fmt"
	"html/template"
	"reflect"
	"strconv"
	"strings"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/lang"
	"github.com/exchange-timeline/timeline/generator/internal/model"
	"github.com/exchange-timeline/timeline/generator/internal/site"
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
//	head N LIST    the first N items of LIST (all of them if it is shorter)
//	more N LIST    how many items LIST has past the first N (0 if none)
//	contentSecurityPolicy [LD]   the policy every page declares (site.ContentSecurityPolicy),
//	               allowing by its hash the page's JSON-LD block LD, if any
//	cached NAME V  the template NAME for V, an event or a person, rendered once and reused on
//	               every list while V's hash is the same: NAME may show only what the hash covers
//	eventCard E    cached "card" E
//	eventRows SITE EVENTS   cached "event-row" for each event's *EventRow, as one piece of HTML
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
		"cached":                r.cards.render,
		"eventCard":             func(e *model.Event) (template.HTML, error) { return r.cards.render("card", e) },
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
		"number":                lang.Number,
		"qualified":             qualified,
		"qualifiedText":         qualifiedText,
		"ordinal":               lang.Ordinal,
		"neg":                   func(n int) int { return -n },
		"dateRange":             formatDateRange,
		"plural":                lang.Count,
		"label":                 content.Label,
		"head":                  head,
		"more":                  more,
	}
}

func (r *Renderer) url(p string) string { return r.opts.BaseURL.URL(p) }

func (r *Renderer) absURL(p string) string { return r.opts.BaseURL.AbsURL(p) }

func (r *Renderer) asset(p string) string {
	p = strings.TrimPrefix(p, "/")
	if h, ok := r.layouts.hashes[p]; ok {
		return r.url(p) + "?v=" + h
	}
	return r.url(p)
}

// qualified shows how exact a number is: "≈ 250" for about 250, "≥ 6,000"
// for at least 6,000. The sign is hidden from screen readers, which read
// the word instead.
func qualified(n int, q content.Qualifier) template.HTML {
	num := template.HTMLEscapeString(lang.Number(n))
	switch {
	case q.Approx:
		return template.HTML(`<span aria-hidden="true">≈&nbsp;</span><span class="visually-hidden">about </span>` + num)
	case q.AtLeast:
		return template.HTML(`<span aria-hidden="true">≥&nbsp;</span><span class="visually-hidden">at least </span>` + num)
	}
	return template.HTML(num)
}

func qualifiedText(n int, q content.Qualifier) string {
	switch {
	case q.Approx:
		return "≈\u00a0" + lang.Number(n)
	case q.AtLeast:
		return "≥\u00a0" + lang.Number(n)
	}
	return lang.Number(n)
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

// policy is the template function contentSecurityPolicy: the page's policy,
// allowing its JSON-LD block by its hash.
func policy(jsonLD ...template.JS) string {
	blocks := make([]string, len(jsonLD))
	for i, ld := range jsonLD {
		blocks[i] = string(ld)
	}
	return site.PolicyAllowing(blocks...)
}

// head returns the first n items of a slice, for lists that a page shows
// in part (a card's tags).
func head(n int, list any) (any, error) {
	v := reflect.ValueOf(list)
	if v.Kind() != reflect.Slice {
		return nil, fmt.Errorf("head: %T is not a list", list)
	}
	if v.Len() <= n {
		return list, nil
	}
	return v.Slice(0, n).Interface(), nil
}

// more returns how many items of a slice head leaves out.
func more(n int, list any) (int, error) {
	v := reflect.ValueOf(list)
	if v.Kind() != reflect.Slice {
		return 0, fmt.Errorf("more: %T is not a list", list)
	}
	return max(v.Len()-n, 0), nil
}
