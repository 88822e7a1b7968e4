package render

import (
	"html/template"
	"strings"

	"github.com/exchange-timeline/timeline/generator/internal/lang"
	"github.com/exchange-timeline/timeline/generator/internal/model"
	"github.com/exchange-timeline/timeline/generator/internal/site"
	"github.com/yuin/goldmark"
)

// The site has an edition in each of its languages (model.Editions): the
// main files' at the site's root, each other under /LANG/. Every edition
// has every page, at the same path under its root, so that a page's
// alternates, the hreflang links and the language switch, are that path in
// each edition. The data files, the static files, robots.txt and the
// sitemap are the site's, one copy for all editions.

// An edition is what the renderer keeps for one language: its interface
// strings, its layouts (parsed with functions that write in its language
// and link within it), its Markdown converter, its search index and its
// caches of cards and partials.
type edition struct {
	r         *Renderer
	lang      string
	prefix    string // "" for the main language, "uk/" for the others
	catalog   *lang.Catalog
	public    *Edition // what templates see of it
	templates map[site.Kind]*template.Template
	// partials holds base.html and the partials, for templates executed
	// on their own, such as cards.
	partials *template.Template
	md       goldmark.Markdown
	search   *searchEdition
	cards    cardCache
	cached   partialCache
	// folded counts the constant calls folded in its templates (fold.go).
	folded int
}

// Edition is what a page knows of its edition, for the layouts.
type Edition struct {
	// Lang is the edition's language, "uk"; Name is its name in itself,
	// "Українська".
	Lang, Name string
	// Main is true for the edition of the main files, at the site's root.
	Main bool
}

// Alternate is a page of one edition, as the language switch and the
// hreflang links give it.
type Alternate struct {
	// Lang is the edition's language; Name its name in itself,
	// "Українська", and Short a short form of it, "УКР".
	Lang, Name, Short string
	// URL is the page's address; AbsURL the same with the origin, when
	// -base-url has one (hreflang wants absolute addresses).
	URL, AbsURL string
	// Current is true for the edition of the page it is listed on.
	Current bool
}

// edition returns the edition of a site of the model, by its language.
func (r *Renderer) edition(s *model.Site) *edition {
	for _, ed := range r.editions {
		if ed.lang == s.Lang {
			return ed
		}
	}
	return r.editions[0]
}

// alternates lists the page at path (relative to an edition's root) in
// every edition, the main one first.
func (ed *edition) alternates(path string) []Alternate {
	out := make([]Alternate, len(ed.r.editions))
	for i, other := range ed.r.editions {
		p := other.prefix + path
		out[i] = Alternate{Lang: other.lang, Name: other.catalog.Name, Short: other.text("language.short"), URL: ed.r.opts.BaseURL.URL(p),
			AbsURL: ed.r.opts.BaseURL.AbsURL(p), Current: other == ed}
	}
	return out
}

// url is the address of a page of the edition: "events/x/" is
// "/repo/uk/events/x/" in the Ukrainian edition of a site under /repo/.
func (ed *edition) url(p string) string {
	return ed.r.opts.BaseURL.URL(ed.prefix + strings.TrimPrefix(p, "/"))
}

func (ed *edition) absURL(p string) string {
	return ed.r.opts.BaseURL.AbsURL(ed.prefix + strings.TrimPrefix(p, "/"))
}

// editionPrefix is the folder of an edition under the site's root.
func editionPrefix(langs []string, i int) string {
	if i == 0 {
		return ""
	}
	return langs[i] + "/"
}
