package lang

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// catalogFiles are translation files whose plural message names its form,
// so that a test sees which form the rule chose.
func catalogFiles() fstest.MapFS {
	common := "\nnumber.ordinal:\n  one: \"{{.Count}}st\"\n  two: \"{{.Count}}nd\"\n  few: \"{{.Count}}rd\"\n  other: \"{{.Count}}th\"\nform:\n  one: \"{{.Count}} one\"\n  few: \"{{.Count}} few\"\n  many: \"{{.Count}} many\"\n  other: \"{{.Count}} other\"\n" +
		"greeting: \"Hello, {{.Name}}\"\n"
	return fstest.MapFS{
		"i18n/en.yaml": {Data: []byte("language:\n  name: English\nnumber:\n  group: \",\"\ndate:\n" +
			"  months: January February March April May June July August September October November December\n" +
			"  months_after_day: January February March April May June July August September October November December\n" + common)},
		"i18n/uk.yaml": {Data: []byte("language:\n  name: Українська\nnumber:\n  group: \"\\u202F\"\ndate:\n" +
			"  months: січень лютий березень квітень травень червень липень серпень вересень жовтень листопад грудень\n" +
			"  months_after_day: січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня\n" + common)},
		"i18n/ru.yaml": {Data: []byte("language:\n  name: Русский\nnumber:\n  group: \"\\u202F\"\ndate:\n" +
			"  months: январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь\n" +
			"  months_after_day: января февраля марта апреля мая июня июля августа сентября октября ноября декабря\n" + common)},
	}
}

func loadCatalogs(t *testing.T, fsys fstest.MapFS) map[string]*Catalog {
	t.Helper()
	catalogs, errs := LoadCatalogs(fsys, []string{"en", "uk", "ru"})
	if len(errs) > 0 {
		t.Fatalf("LoadCatalogs: %v", errs)
	}
	return catalogs
}

// The plural forms of CLDR's cardinal rules (unicode.org/cldr, "Language
// Plural Rules"): English one for 1, other otherwise; Ukrainian and
// Russian one for 1, 21, 101... but not 11; few for 2-4, 22-24... but not
// 12-14; many for the rest of the whole numbers.
func TestPluralFormsFollowCLDR(t *testing.T) {
	catalogs := loadCatalogs(t, catalogFiles())
	want := map[string]map[int]string{
		"en": {0: "other", 1: "one", 2: "other", 5: "other", 11: "other", 21: "other", 22: "other", 25: "other", 101: "other"},
		"uk": {0: "many", 1: "one", 2: "few", 5: "many", 11: "many", 21: "one", 22: "few", 25: "many", 101: "one"},
		"ru": {0: "many", 1: "one", 2: "few", 5: "many", 11: "many", 21: "one", 22: "few", 25: "many", 101: "one"},
	}
	forms := map[plural.Form]string{plural.One: "one", plural.Few: "few", plural.Many: "many", plural.Other: "other"}
	for lang, cases := range want {
		for n, form := range cases {
			got, err := catalogs[lang].N("form", n)
			if err != nil {
				t.Fatal(err)
			}
			if wantText := itoa(n) + " " + form; got != wantText {
				t.Errorf("%s: N(form, %d) = %q, want %q", lang, n, got, wantText)
			}
			// golang.org/x/text carries CLDR's rules apart from go-i18n:
			// the two must agree.
			if xform := forms[plural.Cardinal.MatchPlural(language.Make(lang), n, 0, 0, 0, 0)]; xform != form {
				t.Errorf("%s: %d is %s by golang.org/x/text, %s by CLDR's table", lang, n, xform, form)
			}
		}
	}
}

func itoa(n int) string { return Number(n) }

func TestCatalogNumbersAndDates(t *testing.T) {
	catalogs := loadCatalogs(t, catalogFiles())
	day := time.Date(2025, time.August, 24, 0, 0, 0, 0, time.UTC)
	for lang, want := range map[string][4]string{
		"en": {"1,234,567", "24 August 2025", "August 2025", "English"},
		"uk": {"1\u202f234\u202f567", "24 серпня 2025", "серпень 2025", "Українська"},
		"ru": {"1\u202f234\u202f567", "24 августа 2025", "август 2025", "Русский"},
	} {
		c := catalogs[lang]
		if got := [4]string{c.Number(1234567), c.Date(day), c.MonthYear(day), c.Name}; got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
	if got, _ := catalogs["uk"].N("form", 1000); got != "1\u202f000 many" {
		t.Errorf("uk count of 1000 = %q", got)
	}
	if got, err := catalogs["en"].T("greeting", "Name", "Ann"); got != "Hello, Ann" || err != nil {
		t.Errorf("T(greeting) = %q, %v", got, err)
	}
}

// A message missing, a value not given, a count given to a message
// without plural forms (or none to one with them), and a plural message
// without a form its language needs are errors that name the file and
// the key.
func TestCatalogErrors(t *testing.T) {
	catalogs := loadCatalogs(t, catalogFiles())
	uk := catalogs["uk"]
	for _, c := range []struct {
		err  func() error
		want string
	}{
		{func() error { _, err := uk.T("nav.missing"); return err }, "i18n/uk.yaml: nav.missing: the message is missing"},
		{func() error { _, err := uk.T("greeting"); return err }, `i18n/uk.yaml: greeting: executing "" at <.Name>: map has no entry for key "Name"`},
		{func() error { _, err := uk.N("greeting", 2); return err }, "i18n/uk.yaml: greeting: the message has no plural forms (one, other...), but is given a count"},
		{func() error { _, err := uk.T("form"); return err }, "i18n/uk.yaml: form: the message has plural forms: give it a count"},
	} {
		if err := c.err(); err == nil || err.Error() != c.want {
			t.Errorf("got %v, want %s", err, c.want)
		}
	}

	fsys := catalogFiles()
	fsys["i18n/ru.yaml"].Data = []byte(strings.Replace(string(fsys["i18n/ru.yaml"].Data), "  few: \"{{.Count}} few\"\n", "", 1))
	fsys["i18n/ru.yaml"].Data = []byte(strings.Replace(string(fsys["i18n/ru.yaml"].Data), "март апрель", "март", 1))
	delete(fsys, "i18n/uk.yaml")
	_, errs := LoadCatalogs(fsys, []string{"en", "uk", "ru"})
	var got []string
	for _, err := range errs {
		var ce *CatalogError
		if !errors.As(err, &ce) {
			t.Errorf("%v is not a CatalogError", err)
		}
		got = append(got, err.Error())
	}
	want := []string{
		"i18n/uk.yaml: the translation file of the interface in uk is missing",
		"i18n/ru.yaml: date.months: gives 11 names, not 12",
		`i18n/ru.yaml: form: message "form" has no plural form "few"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
