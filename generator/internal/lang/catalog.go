package lang

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	texttemplate "text/template"
	"time"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/nicksnyder/go-i18n/v2/i18n/template"
	yaml "go.yaml.in/yaml/v3"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// The interface strings of the site (the words of the layouts, not of the
// content) are in one translation file per language, CatalogDir/<lang>.yaml,
// in the format of github.com/nicksnyder/go-i18n, which also chooses the
// plural forms by CLDR's rules: a message is a text, or a set of forms
// (one, few, many, other) chosen by a count, and may name values given to
// it, as {{.Count}} or {{.Party}}. Keys are nested, joined by dots:
//
//	nav:
//	  timeline: Хронологія        # nav.timeline
//	events:                       # events: with a count
//	  one: "{{.Count}} подія"
//	  few: "{{.Count}} події"
//	  many: "{{.Count}} подій"
//	  other: "{{.Count}} події"
//
// The file also holds how the language writes numbers and dates, which the
// Catalog reads itself: the keys in catalogKeys.

// CatalogDir is the folder of the translation files, in the layouts.
const CatalogDir = "i18n"

// The keys a Catalog reads itself, besides those of the layouts.
const (
	// keyName is the language's name in itself: "Українська".
	keyName = "language.name"
	// keyGroup separates groups of three digits: "," or a narrow
	// no-break space.
	keyGroup = "number.group"
	// keyMonths are the months' names, twelve words: as a month is named
	// alone ("August 2025") and after a day ("24 August 2025"), which
	// differ in languages with cases ("серпень", "24 серпня").
	keyMonths      = "date.months"
	keyMonthsOfDay = "date.months_after_day"
	// keyOrdinal writes an ordinal number, its forms chosen by CLDR's
	// ordinal rules (Ordinal).
	keyOrdinal = "number.ordinal"
)

// Catalog is the interface strings of one language.
type Catalog struct {
	// Lang is the language, as in the file's name: "uk".
	Lang string
	// Name is the language's name in itself, for the language switch.
	Name string
	// File is the file it was read from, for messages: "i18n/uk.yaml".
	File      string
	tag       language.Tag
	localizer *i18n.Localizer
	messages  map[string]*i18n.Message
	group     string
	months    [12]string // alone
	monthsOf  [12]string // after a day
	// plain keeps the messages asked for without values (headings,
	// labels), which are the same every time: key → string.
	plain sync.Map
}

// LoadCatalogs reads the translation file of each language from fsys (the
// layouts). It returns every problem found, each naming its file.
func LoadCatalogs(fsys fs.FS, langs []string) (map[string]*Catalog, []error) {
	bundle := i18n.NewBundle(language.Make(langs[0]))
	bundle.RegisterUnmarshalFunc("yaml", yaml.Unmarshal)
	catalogs := map[string]*Catalog{}
	var errs []error
	for _, l := range langs {
		file := CatalogDir + "/" + l + ".yaml"
		data, err := fs.ReadFile(fsys, file)
		if errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, &CatalogError{File: file, Message: "the translation file of the interface in " + l + " is missing",
				Hint: "the site has an edition in " + l + ": copy " + CatalogDir + "/" + langs[0] + ".yaml and translate it"})
			continue
		}
		if err != nil {
			errs = append(errs, &CatalogError{File: file, Message: err.Error()})
			continue
		}
		mf, err := bundle.ParseMessageFileBytes(data, file)
		if err != nil {
			errs = append(errs, &CatalogError{File: file, Message: "the file cannot be read: " + strings.TrimPrefix(err.Error(), "yaml: ")})
			continue
		}
		c := &Catalog{Lang: l, File: file, tag: language.Make(l), localizer: i18n.NewLocalizer(bundle, l), messages: map[string]*i18n.Message{}}
		for _, m := range mf.Messages {
			c.messages[m.ID] = m
		}
		catalogs[l] = c
	}
	for _, c := range catalogs {
		errs = append(errs, c.prepare()...)
	}
	return catalogs, errs
}

// CatalogError is a problem of a translation file, or of a message in it.
type CatalogError struct {
	File, Key, Message, Hint string
}

func (e *CatalogError) Error() string {
	s := e.File + ": "
	if e.Key != "" {
		s += e.Key + ": "
	}
	return s + e.Message
}

// prepare reads the keys the catalog uses itself, and checks that every
// message with plural forms has those the language needs.
func (c *Catalog) prepare() []error {
	var errs []error
	missing := map[string]bool{}
	text := func(key string) string {
		s, err := c.T(key)
		if err != nil {
			errs = append(errs, err)
			missing[key] = true
		}
		return s
	}
	c.Name, c.group = text(keyName), text(keyGroup)
	for _, m := range []struct {
		key  string
		into *[12]string
	}{{keyMonths, &c.months}, {keyMonthsOfDay, &c.monthsOf}} {
		names := strings.Fields(text(m.key))
		if len(names) != 12 && !missing[m.key] {
			errs = append(errs, &CatalogError{File: c.File, Key: m.key, Message: fmt.Sprintf("gives %d names, not 12", len(names)),
				Hint: "write the twelve months' names, January first, separated by spaces"})
			continue
		}
		copy(m.into[:], names)
	}
	for n := range 200 {
		if _, err := c.Ordinal(n); err != nil {
			errs = append(errs, err)
			break
		}
	}
	// Every form the language's rule can choose for a whole number is
	// chosen by one of 0 to 199: one count of each is enough.
	var counts []int
	forms := map[plural.Form]bool{}
	for n := range 200 {
		if f := plural.Cardinal.MatchPlural(c.tag, n, 0, 0, 0, 0); !forms[f] {
			forms[f] = true
			counts = append(counts, n)
		}
	}
	for _, key := range slices.Sorted(maps.Keys(c.messages)) {
		if !c.IsPlural(key) || key == keyOrdinal {
			continue
		}
		// The values the message names are given where it is used.
		for _, n := range counts {
			if _, err := c.localize(key, &n, nil, formsOnly); err != nil {
				errs = append(errs, err)
				break
			}
		}
	}
	return errs
}

// Has reports whether the catalog has a message.
func (c *Catalog) Has(key string) bool { return c.messages[key] != nil }

// IsPlural reports whether a message has plural forms, to be chosen by a
// count.
func (c *Catalog) IsPlural(key string) bool {
	m := c.messages[key]
	return m != nil && (m.Zero != "" || m.One != "" || m.Two != "" || m.Few != "" || m.Many != "")
}

// parser executes messages as text/template does, but refuses a value
// that is not given rather than writing "<no value>"; go-i18n keeps each
// message as parsed by it. formsOnly lets a missing value be, to check a
// message's forms without its values; its (empty) functions keep go-i18n
// from keeping what it parses.
var (
	parser    = &template.TextParser{Option: "missingkey=error"}
	formsOnly = &template.TextParser{Option: "missingkey=zero", Funcs: texttemplate.FuncMap{}}
)

// templatePosition is the start of text/template's errors, which name no
// file for a message.
var templatePosition = regexp.MustCompile(`^template: :\d+(:\d+)?: `)

// T returns the message key, with values given as pairs of a name and a
// value: T("home.latest", "Date", "24 August 2025").
func (c *Catalog) T(key string, pairs ...any) (string, error) {
	if len(pairs) > 0 {
		return c.localize(key, nil, pairs, parser)
	}
	if s, ok := c.plain.Load(key); ok {
		return s.(string), nil
	}
	s, err := c.localize(key, nil, nil, parser)
	if err == nil {
		c.plain.Store(key, s)
	}
	return s, err
}

// N returns the form of the message key for the count n, with n written as
// the language writes numbers in the value Count, and other values given as
// pairs as for T.
func (c *Catalog) N(key string, n int, pairs ...any) (string, error) {
	return c.localize(key, &n, pairs, parser)
}

func (c *Catalog) localize(key string, count *int, pairs []any, parser template.Parser) (string, error) {
	m := c.messages[key]
	if m == nil {
		return "", &CatalogError{File: c.File, Key: key, Message: "the message is missing",
			Hint: "add it to the translation file of each language"}
	}
	if plural := c.IsPlural(key); plural != (count != nil) {
		msg := "the message has plural forms: give it a count"
		if !plural {
			msg = "the message has no plural forms (one, other...), but is given a count"
		}
		return "", &CatalogError{File: c.File, Key: key, Message: msg}
	}
	data := make(map[string]any, len(pairs)/2+1)
	for i := 0; i+1 < len(pairs); i += 2 {
		name, ok := pairs[i].(string)
		if !ok {
			return "", &CatalogError{File: c.File, Key: key, Message: fmt.Sprintf("value names are words, not %v", pairs[i])}
		}
		data[name] = pairs[i+1]
	}
	lc := &i18n.LocalizeConfig{MessageID: key, TemplateData: data, TemplateParser: parser}
	if count != nil {
		data["Count"] = c.Number(*count)
		lc.PluralCount = *count
	}
	s, err := c.localizer.Localize(lc)
	if err != nil {
		return "", &CatalogError{File: c.File, Key: key, Message: templatePosition.ReplaceAllString(err.Error(), "")}
	}
	return s, nil
}

// Ordinal writes the ordinal of n: "68th" in English, "68-й" in
// Ukrainian. Its form is chosen by CLDR's ordinal rules (1st, 2nd, 3rd,
// 4th, 11th, 21st), which golang.org/x/text/feature/plural has and
// go-i18n, which counts with the cardinal rules, does not.
func (c *Catalog) Ordinal(n int) (string, error) {
	m := c.messages[keyOrdinal]
	if m == nil {
		return "", &CatalogError{File: c.File, Key: keyOrdinal, Message: "the message is missing",
			Hint: "give the forms of an ordinal number, like one: \"{{.Count}}st\", other: \"{{.Count}}th\""}
	}
	form := plural.Ordinal.MatchPlural(c.tag, n, 0, 0, 0, 0)
	text := map[plural.Form]string{plural.Zero: m.Zero, plural.One: m.One, plural.Two: m.Two,
		plural.Few: m.Few, plural.Many: m.Many, plural.Other: m.Other}[form]
	if text == "" {
		text = m.Other // the language writes every ordinal the same way
	}
	if !strings.Contains(text, "{{.Count}}") {
		return "", &CatalogError{File: c.File, Key: keyOrdinal, Message: fmt.Sprintf("the form for %d does not write {{.Count}}", n)}
	}
	return strings.ReplaceAll(text, "{{.Count}}", strconv.Itoa(n)), nil
}

// Number writes n with its digits grouped in threes, as the language does:
// "1,000" in English, "1 000" (with a narrow no-break space) in Ukrainian.
func (c *Catalog) Number(n int) string { return group(n, c.group) }

// DigitGroup is what Number writes between groups of three digits.
func (c *Catalog) DigitGroup() string { return c.group }

// Date writes a day as the language does: "24 August 2025", "24 серпня
// 2025".
func (c *Catalog) Date(t time.Time) string {
	return c.DayMonth(t) + " " + strconv.Itoa(t.Year())
}

// DayMonth writes a day without its year, as the first day of a range
// within one year: "30 May", "30 травня".
func (c *Catalog) DayMonth(t time.Time) string {
	return strconv.Itoa(t.Day()) + " " + c.monthsOf[t.Month()-1]
}

// MonthYear writes a month: "August 2025", "серпень 2025".
func (c *Catalog) MonthYear(t time.Time) string {
	return c.months[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// MonthsAfterDay are the months' names as written after a day, January
// first, for the search index's dates.
func (c *Catalog) MonthsAfterDay() []string { return c.monthsOf[:] }

// MonthsAlone are the months' names as a month is named alone.
func (c *Catalog) MonthsAlone() []string { return c.months[:] }
