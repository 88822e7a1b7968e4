package render

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"html/template"
	"reflect"
	"strconv"
	"strings"
)

// funcs are the functions templates may call:
//
//	url PATH       the site path PATH ("events/x/") under the base path: "/repo/events/x/"
//	absURL PATH    the same, with scheme and host when -base-url has them
//	asset PATH     a file from static/, with a version query that changes with its content
//	number N       1000 → "1,000"
//	plural N ONE MANY   "1 event", "2 events"
//	label KEY      a kind or role for readers: "repatriation" → "Repatriation of remains"
//	head N LIST    the first N items of LIST (all of them if it is shorter)
//	more N LIST    how many items LIST has past the first N (0 if none)
//	contentSecurityPolicy [LD]   the policy every page declares (ContentSecurityPolicy),
//	               allowing by its hash the page's JSON-LD block LD, if any
//	eventCard E    the "card" template for event E, rendered once and reused on every list
//	partialCached NAME DATA KEY...   template NAME with DATA, rendered once per build for each KEY...
//	jsonLD PAGE    the page's schema.org JSON-LD (Event, Person, WebSite), or "" for other kinds
//	portrait P     person P's *Portrait (URL, AbsURL, Alt), or nil; an error if the image is missing
//	searchIndex    the address of the search index, for the search script
//	nativeLang NAME FALLBACK   "uk" or "ru" for a name in Cyrillic with letters of one language only, else FALLBACK
func (r *Renderer) funcs() template.FuncMap {
	return template.FuncMap{
		"contentSecurityPolicy": policy,
		"eventCard":             r.cards.render,
		"partialCached":         r.partials.render,
		"jsonLD":                r.jsonLD,
		"portrait":              r.portrait,
		"nativeLang":            nativeLang,
		"searchIndex":           func() string { return r.url(SearchIndexPath) },
		"url":                   r.url,
		"absURL":                r.absURL,
		"asset":                 r.asset,
		"number":                formatNumber,
		"plural":                plural,
		"label":                 label,
		"head":                  head,
		"more":                  more,
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
