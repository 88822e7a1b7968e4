package render

import (
	"html/template"
	"strings"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/lang"
	"github.com/exchange-timeline/timeline/generator/internal/site"
)

// funcs are the functions templates may call:
//
//	url PATH       the site path PATH ("events/x/") under the base path: "/repo/events/x/"
//	absURL PATH    the same, with scheme and host when -base-url has them
//	asset PATH     a file from static/, with a version query that changes with its content
//	number N       1000 → "1,000"
//	plural N ONE MANY   "1 event", "2 events"
//	label KEY      a kind or role for readers: "repatriation" → "Repatriation of remains"
//	contentSecurityPolicy [LD]   the policy every page declares (site.ContentSecurityPolicy),
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
		"number":                lang.Number,
		"plural":                lang.Count,
		"label":                 content.Label,
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

// policy is the template function contentSecurityPolicy: the page's policy,
// allowing its JSON-LD block by its hash.
func policy(jsonLD ...template.JS) string {
	blocks := make([]string, len(jsonLD))
	for i, ld := range jsonLD {
		blocks[i] = string(ld)
	}
	return site.PolicyAllowing(blocks...)
}
