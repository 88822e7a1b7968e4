package main

// Browser tests of what readers do: search, move by keyboard, filter the
// timeline, and read the site without JavaScript.

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
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
	waitInPage(t, ctx, "results for "+query, `document.querySelector(".search-status").textContent.includes("result") ||
		document.querySelector(".search-status").textContent.includes("Nothing found")`)
}

// firstResult is the address of the first result, or "".
func firstResult(t *testing.T, ctx context.Context) string {
	t.Helper()
	href, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector(".search-list a")?.getAttribute("href") ?? ""`))
	if err != nil {
		t.Fatal(err)
	}
	return href
}

// The search finds a person by any spelling of their name, in Latin or
// Cyrillic letters, including spellings the site does not list; it works
// by keyboard, under the /repo/ base path, and without the server once its
// index is loaded. The site is a fixed extract of the record, so that the
// test does not depend on what the record says today.
func TestSearchInBrowser(t *testing.T) {
	ctx := newBrowser(t)
	srv := siteServer(t, buildArchive(t, "testdata/search-site.txtar", "/repo/"))
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
	waitInPage(t, ctx, "the first result focused", `document.activeElement === document.querySelector(".search-list a")`)
	press(t, ctx, kb.ArrowUp)
	waitInPage(t, ctx, "back in the box", `document.activeElement.id === "search-input"`)
	press(t, ctx, kb.Escape)
	waitInPage(t, ctx, "the results closed", `document.querySelector(".search-list").hidden`)

	// Enter opens the first result.
	search(t, ctx, "Хилюк")
	press(t, ctx, kb.Enter)
	waitInPage(t, ctx, "the person's page", `location.pathname === "/repo/people/dmytro-khyliuk/" && document.readyState === "complete"`)

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
	ctx := newBrowser(t)
	site := serveShipped(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 800)); err != nil {
		t.Fatal(err)
	}
	open(t, ctx, site)

	press(t, ctx, kb.Tab)
	waitInPage(t, ctx, "the skip link focused and visible", `document.activeElement.classList.contains("skip-link") &&
		document.activeElement.getBoundingClientRect().top >= 0`)
	press(t, ctx, kb.Enter)
	waitInPage(t, ctx, "the focus in the main content", `location.hash === "#main" && document.activeElement.id === "main"`)

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
	waitInPage(t, ctx, "a kind chosen and the list filtered", `(() => {
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
	waitInPage(t, ctx, "every event shown again", `![...document.querySelectorAll(".timeline > li")].some(e => e.hidden) &&
		location.search === "" && document.activeElement.id === "filter-kind"`)
}

// Without JavaScript, the search box is replaced by links to the people and
// tags indexes, the filters are not offered, and every event is listed.
func TestWithoutJavaScript(t *testing.T) {
	ctx := newBrowser(t)
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
				fallback.querySelector('a[href="/repo/people/"]') && fallback.querySelector('a[href="/repo/tags/"]') &&
				!shown(document.querySelector("form.filters")) &&
				[...document.querySelectorAll(".timeline li.event")].every(shown);
		})()`))
		if err != nil || !ok {
			t.Errorf("%s page without JavaScript: the search box or the filters show, or the links to the indexes do not (%v)", pk.kind, err)
		}
	}
}
