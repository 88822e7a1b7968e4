package sitetest

// Browser tests of what readers do: search, move by keyboard, filter the
// timeline, and read the site without JavaScript.

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/exchange-timeline/timeline/generator/internal/build"
	"github.com/exchange-timeline/timeline/generator/internal/site"
)

// press sends keys to the focused element.
func press(t *testing.T, ctx context.Context, keys string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.KeyEvent(keys)); err != nil {
		t.Fatalf("pressing %q: %v", keys, err)
	}
}

// search types a query into the emptied search box, as an input method
// does (Cyrillic included), and waits for the results.
func search(t *testing.T, ctx context.Context, query string) {
	t.Helper()
	err := chromedp.Do(ctx,
		chromedp.Focus("#search-input"),
		chromedp.Evaluate[chromedp.Void](`document.getElementById("search-input").select()`),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Call(ctx, input.InsertText, input.InsertTextParams{Text: query})
			return err
		}))
	if err != nil {
		t.Fatalf("typing %q: %v", query, err)
	}
	// The count of results, or the message that there are none, in the
	// page's language.
	WaitInPage(t, ctx, "results for "+query, `(() => {
		const root = document.querySelector(".site-search"), status = root.querySelector(".search-status").textContent;
		return /\d/.test(status) || status === root.getAttribute("data-nothing");
	})()`)
}

// firstResult is the address of the first result, or "".
func firstResult(t *testing.T, ctx context.Context) string {
	t.Helper()
	return strings.Join(append(searchResults(t, ctx), "")[:1], "")
}

// searchResults are the addresses of the results listed, in order.
func searchResults(t *testing.T, ctx context.Context) []string {
	t.Helper()
	hrefs, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll(".search-list a"), a => a.getAttribute("href"))`))
	if err != nil {
		t.Fatal(err)
	}
	return hrefs
}

// searchFixture builds testdata/search.txtar, a synthetic site, with the
// real layouts under /repo/, and serves it as serveShipped does.
func searchFixture(t *testing.T) string {
	t.Helper()
	return serveFiles(t, buildSite(t, archiveContent(t, "testdata/search.txtar"), "/repo/")).URL + "/repo/"
}

// The search forgives: case endings, typos, Russian spellings given as
// aliases, numbers without separators, dates in the site's formats, and
// it finds events by place, tag, mediator and the people in them. What it
// finds stays relevant: near misses are left out, and exact and prefix
// matches rank above case endings and typos. On a synthetic site.
func TestSearchInBrowserMatching(t *testing.T) {
	ctx := NewBrowser(t)
	recordCSPViolations(t, ctx)
	site := searchFixture(t)
	open(t, ctx, site)

	const (
		khyliuk     = "/repo/people/dmytro-khyliuk/"
		mykolayenko = "/repo/people/volodymyr-mykolayenko/"
		swap        = "/repo/events/2025-08-24-independence-day-swap/"
		nextDay     = "/repo/events/2025-08-25-bodies-next-day/"
		yearBefore  = "/repo/events/2024-08-24-a-year-before/"
		thousand    = "/repo/events/2025-05-23-1000-for-1000/"
		hundred     = "/repo/events/2025-03-01-100-for-100/"
		talks       = "/repo/events/2025-04-01-talks/"
	)
	for _, c := range []struct {
		query string
		want  []string // the results, in order; a trailing "…" allows more
	}{
		{"Хилюка", []string{khyliuk, swap}},         // a Ukrainian or Russian case ending
		{"Хилюкові", []string{khyliuk, swap}},       // a longer one
		{"Khylik", []string{khyliuk, swap}},         // a letter missing
		{"Khyluik", []string{khyliuk, swap}},        // two letters swapped
		{"Николаенко", []string{mykolayenko, swap}}, // the Russian spelling, an alias: not Ivan Mykolayenko
		{"Николаенка", []string{mykolayenko, swap}},
		{"1000", []string{thousand, talks}}, // "1,000" in a title, "1 000" in a summary; not 100 or 10,000
		{"1 000", []string{thousand, talks}},
		{"10000", []string{hundred}},
		{"24 August 2025", []string{swap}}, // not the day after, nor a year before
		{"2025-08-24", []string{swap}},
		{"24.08.2025", []string{swap}},
		{"August 24, 2025", []string{swap}},
		{"24 August", []string{swap, yearBefore}},
		{"August 2025", []string{nextDay, swap}},
		{"aug 2025", []string{nextDay, swap}},
		{"2025", []string{nextDay, swap, thousand, talks, hundred}},
		{"24 May 2025", []string{thousand}}, // a day inside a three-day event
		{"23–25 May 2025", []string{thousand}},
		{"Kozarovychi", []string{swap}},                                                // a place
		{"medics", []string{swap}},                                                     // a tag
		{"mediation office", []string{swap}},                                           // a mediator
		{"Mykolayenko", []string{"/repo/people/ivan-mykolayenko/", mykolayenko, swap}}, // a participant finds the event
		{"Khyliuk swap", []string{swap}},
		{"Khyliuk August 2025", []string{swap}},
		{"Kovalenko", []string{"/repo/people/zoryana-kovalenko/", "/repo/people/yurii-kovalenkova/", // exact, prefix,
			"/repo/people/taras-kovalenka/", "/repo/people/anna-kovalneko/"}}, // a case ending, a typo
		{"Ivam", nil}, // a word of four letters forgives no typo
		{"Khyl 2024", nil},
	} {
		search(t, ctx, c.query)
		if got := searchResults(t, ctx); strings.Join(got, " ") != strings.Join(c.want, " ") {
			t.Errorf("search %q:\n got %q\nwant %q", c.query, got, c.want)
		}
	}

	// The number of results is announced to screen readers.
	search(t, ctx, "August 2025")
	status, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => { const s = document.querySelector(".search-status"); return s.getAttribute("role") + ": " + s.textContent; })()`))
	if err != nil || status != "status: 2 results." {
		t.Errorf("the announcement: %q %v", status, err)
	}
	// An event's date reads as on its page.
	search(t, ctx, "24 May 2025")
	meta, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector(".search-list .result-meta").textContent`))
	if err != nil || meta != "Exchange · 23–25 May 2025" {
		t.Errorf("the result's kind and dates: %q %v", meta, err)
	}
	if v, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.__cspViolations`)); err != nil || len(v) > 0 {
		t.Errorf("Content-Security-Policy violations: %v %v", v, err)
	}
}

// The search finds a person by any spelling of their name, in Latin or
// Cyrillic letters, including spellings the site does not list, and the
// searches of issue 11 find their targets; it works by keyboard, under the
// /repo/ base path, and without the server once its index is loaded. The
// site is a copy of part of the record (testdata/search-site.txtar), so
// that the test does not depend on what the record says today.
func TestSearchInBrowser(t *testing.T) {
	ctx := NewBrowser(t)
	srv := serveFiles(t, buildSite(t, archiveContent(t, "testdata/search-site.txtar"), "/repo/"))
	site := srv.URL + "/repo/"
	open(t, ctx, site)

	for query, want := range map[string]string{
		"Хилюк":          "/repo/people/dmytro-khyliuk/", // the native name
		"Khylyuk":        "/repo/people/dmytro-khyliuk/", // an alias
		"khyliuk":        "/repo/people/dmytro-khyliuk/",
		"Дмитро Хилюк":   "/repo/people/dmytro-khyliuk/",
		"Zelenskyy":      "/repo/people/volodymyr-zelensky/", // a spelling not in the content
		"Зеленский":      "/repo/people/volodymyr-zelensky/", // the Russian spelling, not in the content
		"Мединський":     "/repo/people/vladimir-medinsky/",  // the Ukrainian spelling, not in the content
		"Yermak":         "/repo/people/andriy-yermak/",
		"Ermak":          "/repo/people/andriy-yermak/",
		"Moskalkova":     "/repo/people/tatiana-moskalkova/",
		"Geneva":         "/repo/events/2026-03-05-200-for-200-first-stage/", // in the title, not only the summary
		"new year swap":  "/repo/events/2024-12-30-new-year-swap-189-or-150/",
		"journalist khy": "/repo/people/dmytro-khyliuk/", // words from the description and the name
		// The searches of issue 11, with the aliases the people files carry.
		"Хилюка":         "/repo/people/dmytro-khyliuk/",        // a case ending
		"Khylik":         "/repo/people/dmytro-khyliuk/",        // a typo
		"Николаенко":     "/repo/people/volodymyr-mykolayenko/", // the Russian spelling, an alias
		"1000":           "/repo/events/2025-05-23-1000-for-1000/",
		"24 August 2025": "/repo/events/2025-08-24-146-for-146-journalists-freed/",
		"2025-08-24":     "/repo/events/2025-08-24-146-for-146-journalists-freed/",
	} {
		search(t, ctx, query)
		if got := firstResult(t, ctx); got != want {
			t.Errorf("search %q: first result %q, want %q", query, got, want)
		}
	}
	search(t, ctx, "Qwxzy")
	if got := firstResult(t, ctx); got != "" {
		t.Errorf("a search for nothing found %q", got)
	}

	// By keyboard: down to the results, through them, Escape back.
	search(t, ctx, "Khylyuk")
	press(t, ctx, kb.ArrowDown)
	WaitInPage(t, ctx, "the first result focused", `document.activeElement === document.querySelector(".search-list a")`)
	press(t, ctx, kb.ArrowUp)
	WaitInPage(t, ctx, "back in the box", `document.activeElement.id === "search-input"`)
	press(t, ctx, kb.Escape)
	WaitInPage(t, ctx, "the results closed", `document.querySelector(".search-list").hidden`)

	// Enter opens the first result.
	search(t, ctx, "Хилюк")
	press(t, ctx, kb.Enter)
	WaitInPage(t, ctx, "the person's page", `location.pathname === "/repo/people/dmytro-khyliuk/" && document.readyState === "complete"`)

	// Offline: once the index is loaded, the search needs no server.
	open(t, ctx, site+"years/")
	search(t, ctx, "Budanov")
	srv.Close()
	search(t, ctx, "Буданов")
	if got := firstResult(t, ctx); got != "/repo/people/kyrylo-budanov/" {
		t.Errorf("offline: first result %q", got)
	}
}

// The home page by keyboard: the skip link comes first and works; every
// link and control can be reached with Tab, in order, with a visible focus
// that nothing on the page hides; the timeline can be filtered with the
// keyboard.
func TestKeyboardHome(t *testing.T) {
	ctx := NewBrowser(t)
	site := serveShipped(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 800)); err != nil {
		t.Fatal(err)
	}
	open(t, ctx, site)

	press(t, ctx, kb.Tab)
	WaitInPage(t, ctx, "the skip link focused and visible", `document.activeElement.classList.contains("skip-link") &&
		document.activeElement.getBoundingClientRect().top >= 0`)
	press(t, ctx, kb.Enter)
	WaitInPage(t, ctx, "the focus in the main content", `location.hash === "#main" && document.activeElement.id === "main"`)

	open(t, ctx, site)
	// Every element that should be reachable, in document order.
	want, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(() => {
		window.__label = e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.getAttribute("href") ? "[" + e.getAttribute("href") + "]" : "") + (e.textContent.trim() ? ":" + e.textContent.trim().slice(0, 30) : "");
		return [...document.querySelectorAll("a[href], input, select, button, [tabindex]:not([tabindex='-1'])")]
			.filter(e => e.getClientRects().length > 0 || e.classList.contains("skip-link"))
			.map(window.__label);
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for range len(want) + 5 {
		press(t, ctx, kb.Tab)
		state, err := chromedp.Run(ctx, chromedp.Evaluate[struct {
			Label    string
			Outline  string
			Visible  bool
			Obscured bool
		}](`(() => {
			const e = document.activeElement;
			const s = getComputedStyle(e);
			const r = e.getBoundingClientRect();
			const x = r.left + Math.min(r.width / 2, 8), y = r.top + r.height / 2;
			const top = document.elementFromPoint(x, y);
			return {
				label: e === document.body ? "body" : window.__label(e),
				outline: s.outlineStyle + " " + s.outlineWidth,
				visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight,
				obscured: !(top && (e.contains(top) || top.contains(e))),
			};
		})()`))
		if err != nil {
			t.Fatal(err)
		}
		if state.Label == "body" || len(got) > 0 && state.Label == got[0] {
			break
		}
		got = append(got, state.Label)
		if !strings.HasPrefix(state.Outline, "solid") || state.Outline < "solid 2" {
			t.Errorf("%s: no visible focus indicator (outline %s)", state.Label, state.Outline)
		}
		if !state.Visible || state.Obscured {
			t.Errorf("%s: focused but out of sight (visible %v, obscured %v)", state.Label, state.Visible, state.Obscured)
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Tab order:\n got %d: %q\nwant %d: %q", len(got), got, len(want), want)
	}
	for _, must := range []string{`a[/repo/people/]:People`, `input#search-input`, `select#filter-kind`, `select#filter-tag`} {
		found := false
		for _, g := range got {
			found = found || strings.HasPrefix(g, must)
		}
		if !found {
			t.Errorf("Tab never reaches %s", must)
		}
	}

	// Filter the timeline with the keyboard: choose a kind with the arrow
	// keys; the other events are hidden and the choice is in the address.
	if err := chromedp.Do(ctx, chromedp.Focus("#filter-kind")); err != nil {
		t.Fatal(err)
	}
	press(t, ctx, kb.ArrowDown)
	WaitInPage(t, ctx, "a kind chosen and the list filtered", `(() => {
		const kind = document.getElementById("filter-kind").value;
		const events = [...document.querySelectorAll(".timeline li.event")];
		return kind !== "" && events.some(e => e.hidden) &&
			events.every(e => e.hidden === (e.dataset.kind !== kind)) &&
			new URLSearchParams(location.search).get("kind") === kind &&
			document.querySelector(".filter-status").textContent.startsWith("Showing ");
	})()`)
	// "Show all" brings every event back, and the focus to the filters.
	if err := chromedp.Do(ctx, chromedp.Focus(".filter-reset")); err != nil {
		t.Fatal(err)
	}
	press(t, ctx, kb.Enter)
	WaitInPage(t, ctx, "every event shown again", `![...document.querySelectorAll(".timeline > li")].some(e => e.hidden) &&
		location.search === "" && document.activeElement.id === "filter-kind"`)
}

// Without JavaScript, the search box is replaced by links to the people and
// tags indexes, the filters are not offered, and every event is listed.
func TestWithoutJavaScript(t *testing.T) {
	ctx := NewBrowser(t)
	site := serveShipped(t)
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	for _, pk := range pageKinds(t) {
		if err := chromedp.Do(ctx, chromedp.Navigate(site+pk.path)); err != nil {
			t.Fatal(err)
		}
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => {
			const shown = e => e && e.getClientRects().length > 0;
			const fallback = document.querySelector(".search-fallback");
			return !shown(document.querySelector(".search-form")) && shown(fallback) &&
				fallback.querySelector('a[href="/repo/`+pk.edition+`people/"]') && fallback.querySelector('a[href="/repo/`+pk.edition+`tags/"]') &&
				!shown(document.querySelector("form.filters")) &&
				[...document.querySelectorAll(".timeline li.event")].every(shown);
		})()`))
		if err != nil || !ok {
			t.Errorf("%s page without JavaScript: the search box or the filters show, or the links to the indexes do not (%v)", pk.kind, err)
		}
	}
}

// The timeline's tag filter names each tag by its label, as the cards do,
// even for a tag that one card lists past the few it shows and another
// card shows: the label comes from whichever card links it.
func TestTagFilterLabels(t *testing.T) {
	event := func(date, tags string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: Synthetic event of " + date + "\ndate: " + date + "\nkind: exchange\n" +
			"returned:\n  - {to: ukraine, count: 5, source: s}\n  - {to: russia, count: 5, source: s}\ntags: [" + tags + "]\n" +
			"sources:\n  - {id: s, publisher: Synthetic Wire, url: \"https://example.org/" + date + "\", date: " + date + "}\n---\n")}
	}
	fsys := fstest.MapFS{
		"_index.md": {Data: []byte("---\ntitle: Synthetic timeline\nparties:\n  - {id: ukraine, name: Ukraine}\n  - {id: russia, name: Russia}\n" +
			"tags:\n  sixth: Sixth label\n---\n")},
		// The newest card lists the tag sixth, past the five it shows.
		"events/2020-02-01-many-tags.md": event("2020-02-01", "a, b, c, d, e, sixth"),
		"events/2020-01-01-one-tag.md":   event("2020-01-01", "sixth"),
	}
	files, _ := buildWith(t, build.Options{Content: fsys, BaseURL: site.BaseURL{Path: "/repo/"}})
	ctx := NewBrowser(t)
	open(t, ctx, serveFiles(t, files).URL+"/repo/")
	label, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#filter-tag option[value=sixth]").textContent`))
	if err != nil {
		t.Fatal(err)
	}
	if label != "Sixth label (2)" {
		t.Errorf("the tag filter offers %q, want %q", label, "Sixth label (2)")
	}
}
