package sitetest

import (
	"bytes"
	"cmp"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/exchange-timeline/timeline/generator/internal/lang"
	"golang.org/x/net/html"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// alternatesOf reads a page's language and its hreflang links: language →
// address.
func alternatesOf(t *testing.T, name string, page []byte) (lang string, alternates map[string]string) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	alternates = map[string]string{}
	for n := range doc.Descendants() {
		switch {
		case n.Type == html.ElementNode && n.Data == "html":
			lang = attr(n, "lang")
		case n.Type == html.ElementNode && n.Data == "link" && attr(n, "rel") == "alternate" && attr(n, "hreflang") != "":
			alternates[attr(n, "hreflang")] = attr(n, "href")
		}
	}
	return lang, alternates
}

// fileOf is the file of the site at an address under base.
func fileOf(address, base string) string {
	name := strings.TrimPrefix(address, base)
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	return name
}

// Every page of every edition names the same page in each edition and
// x-default (the main edition) with hreflang links; each link leads to a
// page of the site in that language, which links back to the first.
func TestHreflangLinksResolveAndLinkBack(t *testing.T) {
	const base = "/some-repo/"
	files := buildShipped(t, base)
	editions := shippedEditions(t)
	pages := 0
	for name, page := range files {
		if !strings.HasSuffix(name, ".html") || bytes.Contains(page, []byte(`http-equiv="refresh"`)) {
			continue
		}
		pages++
		lang, alternates := alternatesOf(t, name, page)
		self := base + strings.TrimSuffix(name, "index.html")
		if len(alternates) != len(editions)+1 || alternates[lang] != self {
			t.Errorf("%s (%s): alternates %v do not name each edition, x-default and the page itself", name, lang, alternates)
			continue
		}
		if main := base + strings.TrimSuffix(strings.TrimPrefix(name, editionOf(name, editions)), "index.html"); alternates["x-default"] != main {
			t.Errorf("%s: x-default is %s, not the main edition's page %s", name, alternates["x-default"], main)
		}
		for hreflang, href := range alternates {
			other, ok := files[fileOf(href, base)]
			if !ok {
				t.Errorf("%s: hreflang %s leads to %s, which is not a page of the site", name, hreflang, href)
				continue
			}
			otherLang, back := alternatesOf(t, href, other)
			if hreflang != "x-default" && otherLang != hreflang {
				t.Errorf("%s: hreflang %s leads to %s, a page in %q", name, hreflang, href, otherLang)
			}
			if back[lang] != self {
				t.Errorf("%s: %s does not link back to it (its alternate in %s is %q)", name, href, lang, back[lang])
			}
		}
	}
	if pages < 3*100 {
		t.Errorf("only %d pages: the editions are not all built", pages)
	}
}

// editionOf is the folder of the edition a file of the site is in.
func editionOf(name string, editions []string) string {
	for _, e := range editions[1:] {
		if strings.HasPrefix(name, e) {
			return e
		}
	}
	return ""
}

// The shipped record is translated whole: every page of the main edition
// is in every other, in its language, and none says its own text is shown
// untranslated (an event's account, a person's biography included); the
// language switch of each leads to the page itself in the other
// languages.
func TestShippedEditionsAreComplete(t *testing.T) {
	const base = "/repo/"
	files := buildShipped(t, base)
	editions := shippedEditions(t)
	if len(editions) < 3 {
		t.Fatalf("editions %q: the shipped site has Ukrainian and Russian editions", editions)
	}
	for name := range files {
		if !strings.HasSuffix(name, ".html") || editionOf(name, editions) != "" {
			continue
		}
		for _, e := range editions[1:] {
			page, ok := files[e+name]
			if !ok {
				t.Errorf("%s has no page in the %s edition", name, e)
				continue
			}
			if lang, _ := alternatesOf(t, e+name, page); lang+"/" != e {
				t.Errorf("%s%s is in %q", e, name, lang)
			}
			if bytes.Contains(page, []byte(`class="untranslated-note"`)) {
				t.Errorf("%s%s says its text is not translated", e, name)
			}
		}
	}
	for _, e := range editions {
		home := files[e+"index.html"]
		for _, other := range editions {
			if !bytes.Contains(home, []byte(`href="`+base+other+`" hreflang=`)) {
				t.Errorf("the %q home page's language switch does not lead to %q", e, other)
			}
		}
	}
}

// Search in the Ukrainian edition finds a person by a Ukrainian case form
// of their name, and the page it leads to is in that edition; in the
// Russian edition, by a Russian one.
func TestSearchInEditions(t *testing.T) {
	ctx := NewBrowser(t)
	site := serveShipped(t)
	for _, c := range []struct{ edition, query, want string }{
		{"uk/", "Хилюкові", "/repo/uk/people/dmytro-khyliuk/"}, // dative of Хилюк
		{"uk/", "Умєрова", "/repo/uk/people/rustem-umerov/"},   // genitive of Умєров
		{"uk/", "Khyliuk", "/repo/uk/people/dmytro-khyliuk/"},  // the English spelling
		{"ru/", "Хилюку", "/repo/ru/people/dmytro-khyliuk/"},   // dative of Хилюк
		{"ru/", "24 августа 2025", "/repo/ru/events/2025-08-24-146-for-146-journalists-freed/"},
	} {
		open(t, ctx, site+c.edition)
		search(t, ctx, c.query)
		if got := firstResult(t, ctx); got != c.want {
			t.Errorf("%s: search %q: first result %q, want %q", c.edition, c.query, got, c.want)
		}
	}
	// The count of results is written in the language's plural form.
	open(t, ctx, site+"uk/")
	search(t, ctx, "2022")
	WaitInPage(t, ctx, "the count of results", `/\d/.test(document.querySelector(".search-status").textContent)`)
	status, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector(".search-status").textContent`))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc([]string{"результат", "результати", "результатів"}, func(w string) bool { return strings.Contains(status, " "+w) }) {
		t.Errorf("the Ukrainian count of results: %q", status)
	}
}

// The table of every event speaks the edition's language: its status
// after a sort and a filter is the edition's text, in the plural form its
// language gives the number of events, and the address keeps the sort by
// a key that is the same in every edition.
func TestEventsTableInEditions(t *testing.T) {
	ctx := NewBrowser(t)
	site := serveShipped(t)
	langs := shippedEditions(t)[1:]
	if len(langs) == 0 {
		t.Fatal("the shipped site has no edition but the main one: nothing to check")
	}
	for _, edition := range langs {
		l := strings.TrimSuffix(edition, "/")
		catalogs, errs := lang.LoadCatalogs(os.DirFS("../../layouts"), []string{l})
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		c := catalogs[l]
		openTable(t, ctx, site+edition+"events/")
		sortAndFilterExchanges(t, ctx)
		counts, err := chromedp.Run(ctx, chromedp.Evaluate[[]int](`[document.querySelectorAll("#events-table tbody tr[data-kind=exchange]").length,
			document.querySelectorAll("#events-table tbody tr").length]`))
		if err != nil {
			t.Fatal(err)
		}
		shown, total := counts[0], counts[1]
		form := map[plural.Form]string{plural.One: "one", plural.Few: "few", plural.Many: "many"}[plural.Cardinal.MatchPlural(language.Make(l), total, 0, 0, 0, 0)]
		status, err := c.T("events.shown_" + cmp.Or(form, "other"))
		if err != nil {
			t.Fatal(err)
		}
		column, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#events-table thead th[data-key=to-ukraine]").textContent.trim()`))
		if err != nil {
			t.Fatal(err)
		}
		order, err := c.T("events.sort_smallest")
		if err != nil {
			t.Fatal(err)
		}
		want := strings.NewReplacer("{shown}", c.Number(shown), "{all}", c.Number(total), "{name}", column).Replace(status + ", " + order + ".")
		WaitInPage(t, ctx, edition+": the status "+want, `document.querySelector("#events-filters .filter-status").textContent === `+jsString(want))
		url, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href`))
		if err != nil || !strings.Contains(url, "sort=to-ukraine") || !strings.Contains(url, "kind=exchange") {
			t.Errorf("%s: the address %q does not keep the sort and the filter (%v)", edition, url, err)
		}
	}
}
