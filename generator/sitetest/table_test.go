package sitetest

// Browser tests of the table of every event (/events/) on a synthetic
// record larger than a page of any list: the filters act on every event,
// the columns sort by keyboard, and the table is whole without JavaScript.

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/exchange-timeline/timeline/generator/internal/build"
	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/corpus"
	"github.com/exchange-timeline/timeline/generator/internal/model"
	"github.com/exchange-timeline/timeline/generator/internal/site"
)

// tableEventsPerPage is the list pages' size on the synthetic site: far
// fewer events than any filter of the table shows.
const tableEventsPerPage = 10

// tableRecord is the synthetic corpus of 250 events, plus an exchange with
// a figure not disclosed and a repatriation to one side only, which the
// corpus lacks.
func tableRecord() fstest.MapFS {
	fsys := corpus.FS(250)
	add := func(id, frontMatter string) {
		fsys["events/"+id+".md"] = &fstest.MapFile{Data: []byte("---\ntitle: " + id + "\ndate: " + id[:10] + "\n" + frontMatter +
			"tags: [civilians]\nsources:\n  - {id: s, publisher: Synthetic Wire, url: \"https://example.org/" + id + "\", date: " + id[:10] + "}\n---\nBody.\n")}
	}
	add("2010-06-01-undisclosed", "kind: exchange\nreturned:\n  - {to: ukraine, count: 12, source: s}\n  - {to: russia, source: s}\n")
	add("2010-06-02-remains-to-russia", "kind: repatriation\nreturned:\n  - {to: russia, count: 30, source: s}\n")
	return fsys
}

// serveTableRecord builds the synthetic record under /repo/ and serves it;
// it returns the site's address and its model, the oracle of the tests.
func serveTableRecord(t *testing.T) (string, *model.Site) {
	t.Helper()
	files, record := buildWith(t, build.Options{Content: tableRecord(), BaseURL: site.BaseURL{Path: "/repo/"}, EventsPerPage: tableEventsPerPage})
	if _, ok := files["tags/civilians/page/2/index.html"]; !ok {
		t.Fatal("the tag pages are not paginated: the test would not show that the table's filters act beyond one page")
	}
	return serveFiles(t, files).URL + "/repo/", record
}

// sortAndFilterExchanges sorts the table of every event by what was
// returned to Ukraine and keeps only the exchanges, as a reader would.
func sortAndFilterExchanges(t *testing.T, ctx context.Context) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector("#events-table thead th[data-key=to-ukraine] button").click();
		const kind = document.getElementById("events-kind");
		kind.value = "exchange";
		kind.dispatchEvent(new Event("change", {bubbles: true}));`)); err != nil {
		t.Fatal(err)
	}
}

// openTable loads the table and waits for its script.
func openTable(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("%s: %v", url, err)
	}
	WaitInPage(t, ctx, "the table's script", `document.readyState === "complete" && !document.getElementById("events-filters").hidden &&
		document.querySelector("#events-table thead button")`)
}

func matching(events []*model.Event, keep func(*model.Event) bool) int {
	n := 0
	for _, e := range events {
		if keep(e) {
			n++
		}
	}
	return n
}

// The filters act on every event of the record, not on a page's worth:
// each shows exactly the events of the model that match, says how many of
// all, and keeps the choice in the address.
func TestEventsTableFilters(t *testing.T) {
	ctx := NewBrowser(t)
	site, s := serveTableRecord(t)
	total := len(s.Events)
	openTable(t, ctx, site+"events/")
	rows, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#events-table tbody tr").length`))
	if err != nil || rows != total {
		t.Fatalf("the table has %d rows, want every one of the %d events (%v)", rows, total, err)
	}
	year := s.Years[len(s.Years)/2]
	hasParty := func(e *model.Event, id string) bool {
		for _, pfs := range [][]*model.PartyFigures{e.Figures, e.Remains} {
			if slices.ContainsFunc(pfs, func(pf *model.PartyFigures) bool { return pf.Party.ID == id }) {
				return true
			}
		}
		return slices.ContainsFunc(e.Undisclosed, func(p *content.Party) bool { return p.ID == id })
	}
	hasTag := func(e *model.Event, tag string) bool { return slices.Contains(e.Event.Tags, tag) }
	for _, c := range []struct {
		filters map[string]string // control name → value
		row     string            // what every row shown must satisfy, in JavaScript (r is the row)
		want    int
	}{
		{map[string]string{"kind": "repatriation"}, `r.dataset.kind === "repatriation"`,
			matching(s.Events, func(e *model.Event) bool { return e.Kind == "repatriation" })},
		{map[string]string{"year": fmt.Sprint(year.Year)}, fmt.Sprintf(`r.querySelector("time").getAttribute("datetime").startsWith("%d-")`, year.Year),
			len(year.Events)},
		{map[string]string{"to": "ukraine"}, `r.dataset.to.split(" ").includes("ukraine")`,
			matching(s.Events, func(e *model.Event) bool { return hasParty(e, "ukraine") })},
		{map[string]string{"tag": "civilians"}, `r.dataset.tags.split(" ").includes("civilians")`,
			matching(s.Events, func(e *model.Event) bool { return hasTag(e, "civilians") })},
		{map[string]string{"kind": "exchange", "tag": "wounded"}, `r.dataset.kind === "exchange" && r.dataset.tags.split(" ").includes("wounded")`,
			matching(s.Events, func(e *model.Event) bool { return e.Kind == "exchange" && hasTag(e, "wounded") })},
		{map[string]string{"disputed": "1"}, `r.hasAttribute("data-disputed")`,
			matching(s.Events, func(e *model.Event) bool { return e.Disputed })},
		{map[string]string{"undisclosed": "1"}, `r.hasAttribute("data-undisclosed")`,
			matching(s.Events, func(e *model.Event) bool { return len(e.Undisclosed) > 0 })},
	} {
		if c.want == 0 || c.want == total {
			t.Fatalf("%v: the record has %d matching events of %d, which tests nothing", c.filters, c.want, total)
		}
		var set strings.Builder
		for name, value := range c.filters {
			fmt.Fprintf(&set, `{ const c = document.querySelector("#events-filters [name=%s]"); if (c.type === "checkbox") c.checked = true; else c.value = %s; }`, name, jsString(value))
		}
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`document.getElementById("events-filters").reset();`)); err != nil {
			t.Fatal(err)
		}
		WaitInPage(t, ctx, "the filters reset", `![...document.querySelectorAll("#events-table tbody tr")].some(r => r.hidden)`)
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](set.String()+
			`document.querySelector("#events-filters [name=kind]").dispatchEvent(new Event("change", {bubbles: true}));`)); err != nil {
			t.Fatal(err)
		}
		status := fmt.Sprintf("Showing %d of %d events, newest first.", c.want, total)
		WaitInPage(t, ctx, fmt.Sprintf("%v: %s", c.filters, status), `(() => {
			const rows = [...document.querySelectorAll("#events-table tbody tr")];
			const shown = rows.filter(r => !r.hidden);
			return document.querySelector("#events-filters .filter-status").textContent === `+jsString(status)+` &&
				shown.length === `+fmt.Sprint(c.want)+` && shown.every(r => `+c.row+`) &&
				rows.filter(r => r.hidden).every(r => !(`+c.row+`));
		})()`)
		if c.want <= tableEventsPerPage {
			continue
		}
		// More than a list page holds: the same view from its address.
		url, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href`))
		if err != nil {
			t.Fatal(err)
		}
		for name, value := range c.filters {
			if !strings.Contains(url, name+"="+value) {
				t.Errorf("%v: the address %s does not keep the filter", c.filters, url)
			}
		}
		openTable(t, ctx, url)
		WaitInPage(t, ctx, fmt.Sprintf("%v from the address", c.filters), `[...document.querySelectorAll("#events-table tbody tr")].filter(r => !r.hidden).length === `+fmt.Sprint(c.want))
	}
}

// The columns sort by keyboard: Tab reaches each column's button, Enter
// and Space sort by it, ascending then descending, over every row, hidden
// or not; the header says how (aria-sort), and so do the caption and the
// address.
func TestEventsTableSortByKeyboard(t *testing.T) {
	ctx := NewBrowser(t)
	site, s := serveTableRecord(t)
	openTable(t, ctx, site+"events/?kind=exchange")
	if err := chromedp.Do(ctx, chromedp.Focus("#events-undisclosed")); err != nil {
		t.Fatal(err)
	}
	focused := ""
	for range 8 {
		press(t, ctx, kb.Tab)
		var err error
		focused, err = chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.closest("thead") ? document.activeElement.textContent.trim() : ""`))
		if err != nil {
			t.Fatal(err)
		}
		if focused == "To Ukraine" {
			break
		}
	}
	if focused != "To Ukraine" {
		t.Fatalf("Tab from the filters does not reach the sort button of the To Ukraine column (last focused %q)", focused)
	}
	// keys reads the column's numbers in the table's order, every row.
	keys := `[...document.querySelectorAll("#events-table tbody tr")].map(r => r.cells[3].hasAttribute("data-n") ? Number(r.cells[3].dataset.n) : null)`
	sortedBy := func(dir string) string {
		return `(() => {
			const th = document.activeElement.closest("th");
			const keys = ` + keys + `;
			// The rows with a number come first, in order; then those without.
			const known = keys.indexOf(null) < 0 ? keys : keys.slice(0, keys.indexOf(null));
			const ordered = known.every((k, i) => i === 0 || (` + map[string]string{"ascending": "known[i-1] <= k", "descending": "known[i-1] >= k"}[dir] + `));
			return th.getAttribute("aria-sort") === "` + dir + `" && keys.length === ` + fmt.Sprint(len(s.Events)) + ` && ordered &&
				known.length < keys.length && keys.slice(known.length).every(k => k === null) &&
				document.querySelectorAll("#events-table [aria-sort]").length === 1;
		})()`
	}
	press(t, ctx, kb.Enter)
	WaitInPage(t, ctx, "sorted by To Ukraine, smallest first", sortedBy("ascending")+` &&
		document.querySelector("#events-table caption").textContent === "Every event, by To Ukraine, smallest first" &&
		new URLSearchParams(location.search).get("sort") === "to-ukraine"`)
	press(t, ctx, " ")
	WaitInPage(t, ctx, "sorted by To Ukraine, largest first", sortedBy("descending")+` &&
		new URLSearchParams(location.search).get("sort") === "-to-ukraine" &&
		document.querySelector("#events-filters .filter-status").textContent.endsWith("by To Ukraine, largest first.")`)
	// Back to the date, oldest first: Shift+Tab to its button, Enter.
	for range 3 {
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab, chromedp.KeyModifiers(chromedp.ModifierShift))); err != nil {
			t.Fatal(err)
		}
	}
	press(t, ctx, kb.Enter)
	WaitInPage(t, ctx, "sorted by date, oldest first", `(() => {
		const dates = [...document.querySelectorAll("#events-table tbody tr")].map(r => r.querySelector("time").getAttribute("datetime"));
		return document.activeElement.textContent.trim() === "Date" &&
			document.activeElement.closest("th").getAttribute("aria-sort") === "ascending" &&
			dates.every((d, i) => i === 0 || dates[i-1] <= d) && dates.length === `+fmt.Sprint(len(s.Events))+`;
	})()`)
}

// Without JavaScript the table lists every event, newest first, as
// aria-sort says, with neither filters nor sort buttons.
func TestEventsTableWithoutJavaScript(t *testing.T) {
	ctx := NewBrowser(t)
	site, s := serveTableRecord(t)
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(site+"events/?kind=talks")); err != nil {
		t.Fatal(err)
	}
	newest := s.Events[len(s.Events)-1]
	ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => {
		const shown = e => e && e.getClientRects().length > 0;
		const rows = [...document.querySelectorAll("#events-table tbody tr")];
		return rows.length === `+fmt.Sprint(len(s.Events))+` && rows.every(shown) &&
			rows[0].querySelector("th[scope=row] a").getAttribute("href") === "/repo/`+newest.Path()+`" &&
			!shown(document.getElementById("events-filters")) &&
			!document.querySelector("#events-table button") &&
			document.querySelector("#events-table thead th[aria-sort=descending]").textContent === "Date" &&
			[...document.querySelectorAll("#events-table thead th")].every(th => th.getAttribute("scope") === "col") &&
			document.querySelector("#events-table caption").textContent !== "";
	})()`))
	if err != nil || !ok {
		t.Errorf("without JavaScript the table does not list every event, newest first, without filters and sort buttons (%v)", err)
	}
}
