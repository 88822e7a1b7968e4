package render

import (
	"html/template"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/model"
	"github.com/exchange-timeline/timeline/generator/internal/site"
)

// A message the layouts use and a language's file lacks is an error when
// the layouts are parsed, at the call, naming the key and the language's
// file; so is a count given to a message without plural forms.
func TestMissingMessageIsAnError(t *testing.T) {
	fsys := minimalLayouts()
	fsys["home.html"] = &fstest.MapFile{Data: []byte("{{define \"main\"}}\n{{t \"test.only_english\"}} {{tn \"nav.skip\" 2}}{{end}}")}
	fsys["i18n/en.yaml"] = &fstest.MapFile{Data: append(fsys["i18n/en.yaml"].Data, "\ntest.only_english: Hello\n"...)}
	_, diags := New(fsys, Options{BaseURL: site.BaseURL{Path: "/"}, Languages: []string{"en", "uk", "ru"}})
	want := []string{
		`home.html:2:4: the message "test.only_english" is missing in i18n/uk.yaml (every language's translation file needs every message the layouts use)`,
		`home.html:2:4: the message "test.only_english" is missing in i18n/ru.yaml (every language's translation file needs every message the layouts use)`,
		`home.html:2:31: the message "nav.skip" of i18n/en.yaml has no plural forms (one, other...), and it is given a count (every language's translation file needs every message the layouts use)`,
	}
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	for _, w := range want {
		if !strings.Contains(strings.Join(got, "\n"), w) {
			t.Errorf("missing %s\nin %q", w, got)
		}
	}
}

// Messages are HTML, trusted as the layouts are; the values given to them
// are escaped, but for HTML, which the layouts made.
func TestMessageValuesAreEscaped(t *testing.T) {
	r, diags := New(minimalLayouts(), Options{BaseURL: site.BaseURL{Path: "/"}, Languages: []string{"en", "uk"}})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	en, uk := r.editions[0], r.editions[1]
	got, err := en.t("figures.to", "Party", `<script>alert(1)</script> & co`)
	if err != nil || got != "To &lt;script&gt;alert(1)&lt;/script&gt; &amp; co" {
		t.Errorf("t = %q, %v", got, err)
	}
	got, err = uk.t("figures.claim", "Count", template.HTML("<strong>146</strong>"), "Source", "ТАСС")
	if err != nil || got != "<strong>146</strong> (джерело: ТАСС)" {
		t.Errorf("t = %q, %v", got, err)
	}
	if got, err := uk.tn("count.events", 1234); err != nil || got != "1\u202f234 події" {
		t.Errorf("tn = %q, %v", got, err)
	}
	if got := inLang("Ukraine", "en"); got != `<span lang="en">Ukraine</span>` {
		t.Errorf("inLang = %q", got)
	}
}

// In an edition other than the main one, a body's links to pages lead to
// the pages of that edition; links to the files every edition shares do
// not move.
func TestMarkdownLinksStayInTheirEdition(t *testing.T) {
	got := markdownIn(t, "/repo/", "uk/", "[a](/events/x/) [b](/data/events.json) [c](/people/y/#z) [d](/numbers/?kind=exchange) [e](https://example.org/x/)")
	for _, want := range []string{`href="/repo/uk/events/x/"`, `href="/repo/data/events.json"`, `href="/repo/uk/people/y/#z"`,
		`href="/repo/uk/numbers/?kind=exchange"`, `href="https://example.org/x/"`} {
		if !strings.Contains(got, want) {
			t.Errorf("lacks %s:\n%s", want, got)
		}
	}
}

// Dates and ordinals are written as each language writes them.
func TestDatesInEachLanguage(t *testing.T) {
	r, diags := New(minimalLayouts(), Options{BaseURL: site.BaseURL{Path: "/"}, Languages: []string{"en", "uk", "ru"}})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	for i, want := range []struct{ date, rng, ordinal string }{
		{"24 August 2025", "30 May – 2 June 2025", "68th 1st 2nd 3rd 11th 22nd"},
		{"24 серпня 2025", "30 травня – 2 червня 2025", "68-й 1-й 2-й 3-й 11-й 22-й"},
		{"24 августа 2025", "30 мая – 2 июня 2025", "68-й 1-й 2-й 3-й 11-й 22-й"},
	} {
		ed := r.editions[i]
		d, _ := ed.date(date(t, "2025-08-24"))
		end := date(t, "2025-06-02")
		rng := ed.dateRange(date(t, "2025-05-30"), &end)
		var ords []string
		for _, n := range []int{68, 1, 2, 3, 11, 22} {
			o, err := ed.catalog.Ordinal(n)
			if err != nil {
				t.Fatal(err)
			}
			ords = append(ords, o)
		}
		if d != want.date || rng.Start+rng.Sep+rng.End != want.rng || strings.Join(ords, " ") != want.ordinal {
			t.Errorf("%s: %q, %q, %q; want %+v", ed.lang, d, rng.Start+rng.Sep+rng.End, ords, want)
		}
	}
}

func date(t *testing.T, s string) content.Date {
	t.Helper()
	d, err := content.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// A time in captivity is written as precisely as the capture date is
// known, each unit in the language's plural form; an approximate one is
// said to be so without changing the case of the numbers after it.
func TestCaptivityInEachLanguage(t *testing.T) {
	r, diags := New(minimalLayouts(), Options{BaseURL: site.BaseURL{Path: "/"}, Languages: []string{"en", "uk", "ru"}})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	for _, c := range []struct {
		captured            string
		years, months, days int
		want                [3]string // en, uk, ru
	}{
		{"2022-03-03", 3, 5, 21, [3]string{"3 years, 5 months and 21 days", "3 роки, 5 місяців і 21 день", "3 года, 5 месяцев и 21 день"}},
		{"2022-03", 2, 5, 23, [3]string{"about 2 years and 5 months", "приблизно 2 роки і 5 місяців", "примерно 2 года и 5 месяцев"}},
		{"2022", 3, 7, 23, [3]string{"about 3 years", "приблизно 3 роки", "примерно 3 года"}},
		{"2023-08-20", 2, 0, 4, [3]string{"2 years and 4 days", "2 роки і 4 дні", "2 года и 4 дня"}},
		{"2025-01-31", 0, 1, 1, [3]string{"1 month and 1 day", "1 місяць і 1 день", "1 месяц и 1 день"}},
		{"2025-08-24", 0, 0, 0, [3]string{"less than a day", "менше ніж день", "меньше суток"}},
		{"2025-08", 0, 0, 23, [3]string{"less than a month", "менше ніж місяць", "меньше месяца"}},
	} {
		captured, err := content.ParsePartialDate(c.captured)
		if err != nil {
			t.Fatal(err)
		}
		for i, ed := range r.editions {
			got, err := ed.captivity(&model.Captivity{Captured: captured, Years: c.years, Months: c.months, Days: c.days})
			if err != nil || got != c.want[i] {
				t.Errorf("%s: captured %s: %q (%v), want %q", ed.lang, c.captured, got, err, c.want[i])
			}
		}
	}
}
