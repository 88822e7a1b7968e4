package render

import (
	"fmt"
	"html/template"
	"reflect"
	"strconv"
	"strings"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/diag"
	"github.com/exchange-timeline/timeline/generator/internal/lang"
	"github.com/exchange-timeline/timeline/generator/internal/model"
	"github.com/exchange-timeline/timeline/generator/internal/site"
)

// funcs are the functions templates may call. Each edition has its own:
// they link within the edition and write in its language.
//
//	url PATH       a page of the edition ("events/x/") under the base path: "/repo/uk/events/x/"
//	absURL PATH    the same, with scheme and host when -base-url has them
//	rootURL PATH   a file every edition shares, at the site's root ("data/events.json"): "/repo/data/events.json"
//	rootAbsURL PATH   the same, with scheme and host when -base-url has them
//	asset PATH     a file from static/, with a version query that changes with its content
//	t KEY [NAME VALUE]...   the interface string KEY in the edition's language (layouts/i18n/LANG.yaml),
//	               with the values named in it, as HTML: the message is trusted as the layouts are,
//	               its values are escaped (but for HTML); give counts as number writes them
//	tn KEY N [NAME VALUE]...   the form of KEY for the count N (CLDR's plural rules), N as .Count
//	number N       1000 → "1,000", "1 000" (narrow no-break space) in Ukrainian and Russian
//	digitGroup     what number writes between groups of three digits, for scripts
//	date D         a content.Date or PartialDate as readers see it: "24 серпня 2025", "березень 2022"
//	dates D E      a date and an optional end date as HTML, each in a time element, as one range
//	               reads: <time datetime="2025-05-23">23</time>–<time datetime="2025-05-25">25 May 2025</time>
//	dateRange D E  the text of a date and an optional end date, as one range reads:
//	               .Start "23", .End "25 May 2025", .Sep "–"; .End is "" without E
//	qualifiedText N Q   N with its content.Qualifier as plain text, "≈ 250", for attributes and SVG titles
//	qualified N Q  N with its qualifier: "≈ 250" (about), "≥ 6,000" (at least), as HTML
//	               with the words for screen readers
//	ordinal N      68 → "68th", "68-й" (CLDR's ordinal rules)
//	neg N          -N
//	captivity C    a person's time in captivity (*model.Captivity), as precisely as the capture date
//	               allows: "3 years, 5 months and 21 days", "about 3 years and 5 months"
//	kindTitle KIND what the figures of a kind of event count: "People returned in exchanges",
//	               "Remains returned" (t "stats.title.KIND"), or the kind's label
//	label KEY      a kind or role for readers: "repatriation" → "Repatriation of remains" (t "kind.repatriation")
//	timeOf D       a content.Date or PartialDate as HTML, in a time element: <time datetime="2025-08-24">24 August 2025</time>
//	strong X       X (text, or HTML) in a strong element, for a value of a message
//	link URL TEXT [LANG]   TEXT as HTML, in a link to URL (marked lang=LANG when LANG is not ""), for a value of a message
//	inLang TEXT LANG   TEXT as HTML, in a span marked lang=LANG when LANG is not "": a text shown
//	               untranslated (content.Doc.LangOf, Party.Lang, Figure.GroupLang, Tag.LabelLang)
//	head N LIST    the first N items of LIST (all of them if it is shorter)
//	more N LIST    how many items LIST has past the first N (0 if none)
//	contentSecurityPolicy [LD]   the policy every page declares (site.ContentSecurityPolicy),
//	               allowing by its hash the page's JSON-LD block LD, if any
//	cached NAME V  the template NAME for V, an event or a person, rendered once and reused on
//	               every list while V's hash is the same: NAME may show only what the hash covers
//	eventRows SITE EVENTS   cached "event-row" for each event's *EventRow, as one piece of HTML
//	citing E SOURCE    the figures of event E that cite source SOURCE (an id), as []Citation;
//	               nil when E is not a *model.Event
//	figureID I     the id of the figure at index I of an event's returned list (model.Report.Indexes)
//	partialCached NAME DATA KEY...   template NAME with DATA, rendered once per build for each KEY...
//	jsonLD PAGE    the page's schema.org JSON-LD (Event, Person, WebSite), or "" for other kinds
//	portrait P     person P's *Portrait (URL, AbsURL, Alt), or nil; an error if the image is missing
//	searchIndex    the address of the edition's search index, for the search script
//	nativeLang NAME FALLBACK   "uk" or "ru" for a name in Cyrillic with letters of one language only, else FALLBACK
func (ed *edition) funcs() template.FuncMap {
	r := ed.r
	return template.FuncMap{
		"contentSecurityPolicy": policy,
		"cached":                ed.cards.render,
		"eventRows":             ed.eventRows,
		"citing":                citing,
		"figureID":              figureID,
		"partialCached":         ed.cached.render,
		"jsonLD":                ed.jsonLD,
		"portrait":              r.portrait,
		"nativeLang":            nativeLang,
		"searchIndex":           func() string { return r.url(ed.search.path) },
		"url":                   ed.url,
		"absURL":                ed.absURL,
		"rootURL":               r.url,
		"rootAbsURL":            r.absURL,
		"asset":                 r.asset,
		"t":                     ed.t,
		"tn":                    ed.tn,
		"number":                ed.catalog.Number,
		"digitGroup":            ed.catalog.DigitGroup,
		"date":                  ed.date,
		"qualified":             ed.qualified,
		"qualifiedText":         ed.qualifiedText,
		"ordinal":               ed.catalog.Ordinal,
		"neg":                   func(n int) int { return -n },
		"dateRange":             ed.dateRange,
		"dates":                 ed.dates,
		"label":                 ed.label,
		"kindTitle":             ed.kindTitle,
		"captivity":             ed.captivity,
		"inLang":                inLang,
		"timeOf":                ed.timeOf,
		"strong":                strong,
		"link":                  link,
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

// t is the template function t: the message, as HTML.
func (ed *edition) t(key string, pairs ...any) (template.HTML, error) {
	s, err := ed.catalog.T(key, ed.htmlValues(pairs)...)
	return template.HTML(s), err
}

// tn is the template function tn: the form of the message for n, as HTML.
func (ed *edition) tn(key string, n int, pairs ...any) (template.HTML, error) {
	s, err := ed.catalog.N(key, n, ed.htmlValues(pairs)...)
	return template.HTML(s), err
}

// text is a message as plain text, for what is not HTML: the feed, the
// search index, page titles made in Go.
func (ed *edition) text(key string, pairs ...any) string {
	s, err := ed.catalog.T(key, pairs...)
	if err != nil {
		panic(err) // checkMessages found every key the renderer uses
	}
	return s
}

// htmlValues escapes the values of a message's pairs, so that the message,
// which is HTML, can take them as they are: text is escaped, HTML kept.
// A whole number is written as it is (a year): a count is given as
// number writes it.
func (ed *edition) htmlValues(pairs []any) []any {
	out := make([]any, len(pairs))
	for i, v := range pairs {
		if i%2 == 0 {
			out[i] = v // a name
			continue
		}
		switch v := v.(type) {
		case template.HTML:
			out[i] = string(v)
		case string:
			out[i] = template.HTMLEscapeString(v)
		default:
			out[i] = template.HTMLEscapeString(fmt.Sprint(v))
		}
	}
	return out
}

// label is what readers see for a kind or a role, from the messages
// kind.VALUE and role.VALUE.
func (ed *edition) label(value string) (template.HTML, error) {
	return ed.t(labelKey(value))
}

// captivity writes how long a person was held, in units as precise as
// their capture date: years, months and days, each counted in the
// language's plural forms.
func (ed *edition) captivity(c *model.Captivity) (string, error) {
	prec := c.Captured.Precision()
	units := []struct {
		n    int
		key  string
		need content.Precision
	}{{c.Years, "duration.years", content.YearPrecision}, {c.Months, "duration.months", content.MonthPrecision}, {c.Days, "duration.days", content.DayPrecision}}
	var parts []string
	for _, u := range units {
		if u.n > 0 && prec >= u.need {
			s, err := ed.catalog.N(u.key, u.n)
			if err != nil {
				return "", err
			}
			parts = append(parts, s)
		}
	}
	if len(parts) == 0 {
		return ed.catalog.T([]string{"duration.less_than_year", "duration.less_than_month", "duration.less_than_day"}[prec-1])
	}
	text := parts[len(parts)-1]
	if len(parts) > 1 {
		var err error
		text, err = ed.catalog.T("duration.and", "List", strings.Join(parts[:len(parts)-1], ", "), "Last", text)
		if err != nil {
			return "", err
		}
	}
	if c.Approximate() {
		return ed.catalog.T("duration.about", "Duration", text)
	}
	return text, nil
}

// kindTitle is what the totals of a kind of event count.
func (ed *edition) kindTitle(kind string) (template.HTML, error) {
	if kind == "exchange" || kind == "repatriation" {
		return ed.t("stats.title." + kind)
	}
	return ed.label(kind)
}

// labelKey is the message of a kind or a role: "kind.exchange",
// "role.released".
func labelKey(value string) string {
	if content.RoleOrder(value) >= 0 {
		return "role." + value
	}
	return "kind." + value
}

// date writes a content.Date, or a PartialDate as precisely as it is known.
func (ed *edition) date(d any) (string, error) {
	switch d := d.(type) {
	case content.Date:
		if d.IsZero() {
			return "", nil
		}
		return ed.catalog.Date(d.Time()), nil
	case *content.Date:
		return ed.date(*d)
	case content.PartialDate:
		switch d.Precision() {
		case content.YearPrecision:
			return strconv.Itoa(d.Year()), nil
		case content.MonthPrecision:
			return ed.catalog.MonthYear(d.Time()), nil
		}
		return ed.date(d.Date)
	case *content.PartialDate:
		return ed.date(*d)
	}
	return "", fmt.Errorf("date: %T is not a date", d)
}

// qualified shows how exact a number is: "≈ 250" for about 250, "≥ 6,000"
// for at least 6,000. The sign is hidden from screen readers, which read
// the words of the messages number.about and number.at_least instead.
func (ed *edition) qualified(n int, q content.Qualifier) template.HTML {
	num := template.HTMLEscapeString(ed.catalog.Number(n))
	word := func(key string) string { return template.HTMLEscapeString(ed.text(key)) }
	switch {
	case q.Approx:
		return template.HTML(`<span aria-hidden="true">≈&nbsp;</span><span class="visually-hidden">` + word("number.about") + ` </span>` + num)
	case q.AtLeast:
		return template.HTML(`<span aria-hidden="true">≥&nbsp;</span><span class="visually-hidden">` + word("number.at_least") + ` </span>` + num)
	}
	return template.HTML(num)
}

func (ed *edition) qualifiedText(n int, q content.Qualifier) string {
	switch {
	case q.Approx:
		return "≈\u00a0" + ed.catalog.Number(n)
	case q.AtLeast:
		return "≥\u00a0" + ed.catalog.Number(n)
	}
	return ed.catalog.Number(n)
}

// inLang marks a text shown in another language than its page's.
func inLang(text, lang string) template.HTML {
	if lang == "" {
		return template.HTML(template.HTMLEscapeString(text))
	}
	return element("span", `lang="`+template.HTMLEscapeString(lang)+`"`, text)
}

// link is the template function link.
func link(url, text string, lang ...string) template.HTML {
	attrs := `href="` + template.HTMLEscapeString(url) + `"`
	if len(lang) > 0 && lang[0] != "" {
		attrs += ` lang="` + template.HTMLEscapeString(lang[0]) + `"`
	}
	return element("a", attrs, text)
}

// strong is the template function strong.
func strong(x any) template.HTML {
	if h, ok := x.(template.HTML); ok {
		return "<strong>" + h + "</strong>"
	}
	return element("strong", "", fmt.Sprint(x))
}

// element is text, escaped, in an element with the given attributes
// (already escaped).
func element(name, attrs, text string) template.HTML {
	if attrs != "" {
		attrs = " " + attrs
	}
	return template.HTML("<" + name + attrs + ">" + template.HTMLEscapeString(text) + "</" + name + ">")
}

// timeOf is a date in a time element, as a value of a message.
func (ed *edition) timeOf(d any) (template.HTML, error) {
	text, err := ed.date(d)
	if err != nil {
		return "", err
	}
	return element("time", `datetime="`+template.HTMLEscapeString(fmt.Sprint(d))+`"`, text), nil
}

// DateRange is how a date, or a range of dates, reads: "23–25 May 2025",
// "30 May – 2 June 2025", "30 December 2024 – 2 January 2025". Start and
// End go in two time elements joined by Sep.
type DateRange struct{ Start, Sep, End string }

func (ed *edition) dateRange(start content.Date, end *content.Date) DateRange {
	c := ed.catalog
	if end == nil || end.Compare(start) == 0 {
		return DateRange{Start: c.Date(start.Time())}
	}
	s, e := start.Time(), end.Time()
	switch {
	case s.Year() != e.Year():
		return DateRange{c.Date(s), " – ", c.Date(e)}
	case s.Month() != e.Month():
		return DateRange{c.DayMonth(s), " – ", c.Date(e)}
	}
	return DateRange{strconv.Itoa(s.Day()), "–", c.Date(e)}
}

// dates writes a date, or a range of dates, in time elements: one call
// where a layout would otherwise look up the dates twice and print four
// values.
func (ed *edition) dates(start content.Date, end *content.Date) template.HTML {
	r := ed.dateRange(start, end)
	html := element("time", `datetime="`+template.HTMLEscapeString(start.String())+`"`, r.Start)
	if end != nil {
		html += template.HTML(template.HTMLEscapeString(r.Sep)) + element("time", `datetime="`+template.HTMLEscapeString(end.String())+`"`, r.End)
	}
	return html
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

// catalogDiagnostic places a problem of a translation file in it.
func catalogDiagnostic(err error) diag.Diagnostic {
	d := diag.Diagnostic{Message: err.Error()}
	if ce, ok := err.(*lang.CatalogError); ok {
		d.Path, d.Message, d.Hint = ce.File, ce.Message, ce.Hint
		if ce.Key != "" {
			d.Message = fmt.Sprintf("message %q: %s", ce.Key, ce.Message)
		}
	}
	return d
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
