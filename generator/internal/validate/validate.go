// Package validate checks the rules of the content schema that go beyond the
// shape of one field: dates that must agree, references between files, ids
// that must be unique and safe in a URL, and links that must be web links.
//
// Problems are reported with the front-matter path of the offending value
// (Diagnostic.Field, e.g. "people[2].id"); the build turns that path into a
// line and column.
package validate

import (
	"fmt"
	"hash/maphash"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/diag"
	"github.com/exchange-timeline/timeline/generator/internal/urls"
)

// Check returns every problem in files. today decides which dates lie in the
// future; it is passed in so that checks are repeatable.
func Check(files *content.Files, today content.Date) diag.List {
	return new(Cache).Check(files, today)
}

// A Cache remembers what the last check found, so that checking again
// after one file changed checks that file alone. The ids are checked again
// only when files come or go; the rules between files that depend on their
// content are checked every time.
type Cache struct {
	// listing holds the paths of the events and people last checked, and
	// docs what was found in each, in the same order.
	listing []string
	docs    []checked
	ids     *idCheck // what uniqueIDs found for listing
	used    map[string]bool
	// bodies holds what the rules of each translation's text found, by
	// path: they read nothing but the text.
	bodies map[string]checked
}

type checked struct {
	hash, context uint64
	diags         diag.List
}

// idCheck is the outcome of the id rules for one listing of the files.
type idCheck struct {
	diags  diag.List
	people map[string]*content.Person
	ids    []string
	hash   uint64 // of the person ids, for contextHash
	// broken holds the ids of the files that could not be decoded, by
	// folder ("people", "events"): they exist, and naming them is no error.
	broken map[string]map[string]bool
}

// Check is the package's Check, reusing what is known of unchanged files.
func (cache *Cache) Check(files *content.Files, today content.Date) diag.List {
	c := &checker{files: files, today: today}
	if files.Site != nil {
		c.site(files.Site)
	}
	listing := make([]string, 0, len(files.Events)+len(files.People))
	for _, e := range files.Events {
		listing = append(listing, e.Path)
	}
	for _, p := range files.People {
		listing = append(listing, p.Path)
	}
	decoded := len(listing)
	listing = append(listing, files.Broken...) // the ids are checked again when they change
	sameListing := slices.Equal(listing, cache.listing)
	if !sameListing || cache.ids == nil {
		cache.ids = c.uniqueIDs()
	}
	c.diags = append(c.diags, cache.ids.diags...)
	c.people, c.ids, c.broken = cache.ids.people, cache.ids.ids, cache.ids.broken
	context := c.contextHash(cache.ids.hash)
	previous := cache.previous(sameListing)
	docs := make([]checked, 0, decoded)
	for i, e := range files.Events {
		docs = append(docs, cache.check(c, &e.Doc, context, previous(i, e.Path), func() { c.event(e) }))
	}
	for i, p := range files.People {
		k := len(files.Events) + i
		docs = append(docs, cache.check(c, &p.Doc, context, previous(k, p.Path), func() { c.person(p) }))
	}
	cache.listing, cache.docs = listing, docs
	c.peopleWithoutEvents(cache.usedMap())
	c.redirects()
	c.sameDay()
	c.statements()
	c.translations()
	cache.bodies = cache.checkBodies(c, files.Translations())
	return c.diags
}

// checkBodies runs the rules of each translation's text unless the file
// is as it was: watch mode checks every file on every rebuild, and
// translations are most of them.
func (cache *Cache) checkBodies(c *checker, translations []*content.Translation) map[string]checked {
	bodies := make(map[string]checked, len(translations))
	for _, t := range translations {
		var prev *checked
		if found, ok := cache.bodies[t.Path]; ok {
			prev = &found
		}
		bodies[t.Path] = cache.check(c, &t.Doc, 0, prev, func() { c.body(&t.Doc) })
	}
	return bodies
}

// previous returns a function giving what was found in a file at the last
// check: by position when the listing is the same, by path otherwise.
func (cache *Cache) previous(sameListing bool) func(i int, path string) *checked {
	if sameListing {
		return func(i int, _ string) *checked { return &cache.docs[i] }
	}
	byPath := make(map[string]*checked, len(cache.docs))
	for i := range cache.docs {
		byPath[cache.listing[i]] = &cache.docs[i]
	}
	return func(_ int, path string) *checked { return byPath[path] }
}

// check runs one file's rules, unless the file and everything its rules
// look at elsewhere (context) are as they were.
func (cache *Cache) check(c *checker, doc *content.Doc, context uint64, prev *checked, rules func()) checked {
	if prev != nil && prev.hash == doc.Hash && prev.context == context {
		c.diags = append(c.diags, prev.diags...)
		return *prev
	}
	before := len(c.diags)
	rules()
	return checked{hash: doc.Hash, context: context, diags: slices.Clone(c.diags[before:])}
}

func (cache *Cache) usedMap() map[string]bool {
	if cache.used == nil {
		cache.used = map[string]bool{}
	}
	clear(cache.used)
	return cache.used
}

// contextHash identifies what a file's rules read from other files: the
// party ids, the person ids (peopleHash), and today.
func (c *checker) contextHash(peopleHash uint64) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	h.WriteString(c.today.String())
	for _, p := range c.parties {
		h.WriteString("\x00party:" + p)
	}
	h.WriteString(strconv.FormatUint(peopleHash, 16))
	return h.Sum64()
}

var seed = maphash.MakeSeed()

type checker struct {
	files   *content.Files
	today   content.Date
	parties []string
	people  map[string]*content.Person
	ids     []string // every person id, for suggestions
	broken  map[string]map[string]bool
	diags   diag.List
}

func (c *checker) report(sev diag.Severity, doc *content.Doc, field, hint, format string, args ...any) {
	c.diags = append(c.diags, diag.Diagnostic{Severity: sev, Path: doc.Path, Field: field,
		Message: fmt.Sprintf(format, args...), Hint: hint})
}

func (c *checker) errorf(doc *content.Doc, field, hint, format string, args ...any) {
	c.report(diag.Error, doc, field, hint, format, args...)
}

func (c *checker) warnf(doc *content.Doc, field, hint, format string, args ...any) {
	c.report(diag.Warning, doc, field, hint, format, args...)
}

const idHint = "use " + content.IDRule

// repositoryPattern is a GitHub repository, "owner/name".
var repositoryPattern = regexp.MustCompile(`^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?/[A-Za-z0-9._-]+$`)

func (c *checker) site(s *content.Site) {
	c.body(&s.Doc)
	c.languages(s)
	if s.Repository != "" && !repositoryPattern.MatchString(s.Repository) {
		c.errorf(&s.Doc, "repository", "write the GitHub owner and name, like exchange-timeline/timeline",
			"repository %q is not a GitHub repository", s.Repository)
	}
	for i, p := range s.Parties {
		field := fmt.Sprintf("parties[%d].id", i)
		if !content.ValidID(p.ID) && p.ID != "" {
			c.errorf(&s.Doc, field, idHint, "party id %q is not a valid id", p.ID)
		}
		if slices.Contains(c.parties, p.ID) {
			c.errorf(&s.Doc, field, "give each party its own id", "duplicate party id %q", p.ID)
		}
		c.parties = append(c.parties, p.ID)
	}
}

// uniqueIDs reports files in different folders that share an id: they would
// be written to the same URL.
func (c *checker) uniqueIDs() *idCheck {
	before := len(c.diags)
	defer func() { c.diags = c.diags[:before] }()
	eventPaths := map[string]string{}
	for _, e := range c.files.Events {
		if first, ok := eventPaths[e.ID]; ok {
			c.errorf(&e.Doc, "", "rename one of the files", "duplicate event id %q: %s has the same file name", e.ID, first)
		}
		eventPaths[e.ID] = e.Path
	}
	result := &idCheck{people: map[string]*content.Person{}}
	var h maphash.Hash
	h.SetSeed(seed)
	for _, p := range c.files.People {
		if first, ok := result.people[p.ID]; ok {
			c.errorf(&p.Doc, "", "rename one of the files", "duplicate person id %q: %s has the same file name", p.ID, first.Path)
			continue
		}
		result.people[p.ID] = p
		result.ids = append(result.ids, p.ID)
		h.WriteString(p.ID)
		h.WriteByte(0)
	}
	result.broken = map[string]map[string]bool{}
	for _, p := range c.files.Broken {
		folder, _, _ := strings.Cut(p, "/")
		if result.broken[folder] == nil {
			result.broken[folder] = map[string]bool{}
		}
		result.broken[folder][content.IDOf(p)] = true
		h.WriteString(p)
		h.WriteByte(0)
	}
	result.hash = h.Sum64()
	result.diags = slices.Clone(c.diags[before:])
	return result
}

// datedFile checks the file name and date of an event or a statement: the
// name is the date and words, and the date is not in the future.
func (c *checker) datedFile(doc *content.Doc, what string, date content.Date) {
	named, ok := content.DatedID(doc.ID)
	switch {
	case !ok:
		c.errorf(doc, "", "name it YYYY-MM-DD-words.md, like 2025-08-24-146-for-146.md, with "+content.IDRule,
			"file name %q is not a valid %s id", doc.ID+".md", what)
	case !date.IsZero() && named != date.String():
		c.errorf(doc, "date", "rename the file or correct the date",
			"date %s differs from the date in the file name, %s", date, named)
	}
	if !date.IsZero() && c.today.Before(date) {
		c.warnf(doc, "date", "check the year", "date %s is in the future", date)
	}
}

func (c *checker) event(e *content.Event) {
	doc := &e.Doc
	c.datedFile(doc, "event", e.Date)
	if e.EndDate != nil && e.EndDate.Before(e.Date) {
		c.errorf(doc, "end_date", "end_date is the last day of the event, on or after date",
			"end_date %s is before date %s", e.EndDate, e.Date)
	}
	if kinds := content.EventKinds(); e.Kind != "" && !slices.Contains(kinds, e.Kind) {
		c.errorf(doc, "kind", choiceHint(e.Kind, kinds), "unknown kind %q", e.Kind)
	}
	c.figures(e)
	c.participants(e)
	c.tags(e)
	c.sources(doc, e.Sources)
	c.body(doc)
}

func (c *checker) figures(e *content.Event) {
	var sourceIDs []string
	for _, s := range e.Sources {
		sourceIDs = append(sourceIDs, s.ID)
	}
	numbers := map[string]int{} // party → the official number first given
	for i, f := range e.Returned {
		field := fmt.Sprintf("returned[%d]", i)
		if f.To != "" && !slices.Contains(c.parties, f.To) {
			c.errorf(&e.Doc, field+".to", choiceHint(f.To, c.parties), "unknown party %q", f.To)
		}
		if f.Count != nil && *f.Count < 0 {
			c.errorf(&e.Doc, field+".count", "leave count out when the number was not disclosed",
				"count cannot be negative (%d)", *f.Count)
		}
		c.qualifier(&e.Doc, field, f.Qualifier, f.Count != nil)
		c.officialNumber(e, field, f, numbers)
		if f.Remains && e.Kind != "exchange" {
			c.errorf(&e.Doc, field+".remains", "remove it: every figure of a "+e.Kind+" is counted by its kind",
				"remains: true is for bodies handed over during an exchange")
		}
		switch {
		case f.Source == "":
			c.warnf(&e.Doc, field, "add source: with the id of one of this event's sources", "figure has no source")
		case !slices.Contains(sourceIDs, f.Source):
			c.errorf(&e.Doc, field+".source", choiceHint(f.Source, sourceIDs),
				"unknown source %q: it is not among this event's sources", f.Source)
		}
	}
}

// qualifier checks approx and at_least: each qualifies a count, and a
// number cannot be both about and at least something.
func (c *checker) qualifier(doc *content.Doc, field string, q content.Qualifier, hasCount bool) {
	if field != "" {
		field += "."
	}
	switch {
	case q.Approx && q.AtLeast:
		c.errorf(doc, field+"at_least", "keep the one the source says: \"about\" is approx, \"more than\" is at_least",
			"a figure cannot be both approx and at_least")
	case (q.Approx || q.AtLeast) && !hasCount:
		name := "approx"
		if q.AtLeast {
			name = "at_least"
		}
		c.errorf(doc, field+name, "add the count the source gives, or remove "+name, "%s qualifies a count, and this figure has none", name)
	}
}

// officialNumber checks a figure's official exchange number: a positive
// ordinal of an exchange, the same in every figure of the event that gives
// one for the same party.
func (c *checker) officialNumber(e *content.Event, field string, f content.Figure, first map[string]int) {
	if f.Number == nil {
		return
	}
	switch n := *f.Number; {
	case e.Kind != "exchange":
		c.errorf(&e.Doc, field+".number", "remove it: only exchanges are numbered", "number is given for a %s", e.Kind)
	case n < 1:
		c.errorf(&e.Doc, field+".number", "write the ordinal as a whole number: 68 for the 68th exchange", "number must be 1 or more (%d)", n)
	case first[f.To] != 0 && first[f.To] != n:
		c.errorf(&e.Doc, field+".number", "an exchange has one official number; keep the one the primary source gives",
			"number %d differs from number %d given for %s earlier in this file", n, first[f.To], f.To)
	default:
		first[f.To] = n
	}
}

func (c *checker) participants(e *content.Event) {
	seen := map[content.Participant]bool{}
	for i, p := range e.People {
		field := fmt.Sprintf("people[%d]", i)
		if p.ID != "" && c.people[p.ID] == nil && !c.broken["people"][p.ID] {
			hint := fmt.Sprintf("create content/people/%s.md, or correct the id", p.ID)
			if s := diag.Closest(p.ID, c.ids); s != "" {
				hint = fmt.Sprintf("did you mean %q?", s)
			}
			c.errorf(&e.Doc, field+".id", hint, "unknown person %q", p.ID)
		}
		if p.Role != "" && content.RoleOrder(p.Role) < 0 {
			c.errorf(&e.Doc, field+".role", choiceHint(p.Role, content.Roles()), "unknown role %q", p.Role)
		}
		if seen[p] {
			c.errorf(&e.Doc, field, "remove the repeated entry", "%s is listed twice as %s", p.ID, p.Role)
		}
		seen[p] = true
	}
}

func (c *checker) tags(e *content.Event) {
	for i, t := range e.Tags {
		field := fmt.Sprintf("tags[%d]", i)
		if !content.ValidID(t) {
			c.errorf(&e.Doc, field, idHint, "tag %q is not a valid tag", t)
		}
		if slices.Index(e.Tags, t) < i {
			c.errorf(&e.Doc, field, "remove the repeated tag", "tag %q is listed twice", t)
		}
	}
}

func (c *checker) sources(doc *content.Doc, sources []content.Source) {
	for i, s := range sources {
		field := fmt.Sprintf("sources[%d]", i)
		if s.ID != "" && !content.ValidID(s.ID) {
			c.errorf(doc, field+".id", idHint, "source id %q is not a valid id", s.ID)
		}
		if slices.IndexFunc(sources, func(o content.Source) bool { return o.ID == s.ID }) < i {
			c.errorf(doc, field+".id", "give each source of a file its own id", "duplicate source id %q", s.ID)
		}
		c.webURL(doc, field+".url", s.URL)
		c.webURL(doc, field+".archive", s.Archive)
		switch {
		case s.Date == nil && s.Undated == "" && !doc.Positions.Given(field+".date"): // a date given but wrong is an error already
			c.warnf(doc, field, "add date: YYYY-MM-DD, the day it was published, or, if the page gives none, undated: and why",
				"source %q has no date", s.ID)
		case s.Date != nil && s.Undated != "":
			c.errorf(doc, field+".undated", "remove undated: the source has a date", "source %q has both a date and undated", s.ID)
		}
	}
}

// webURL reports a link that is not an absolute http(s) URL: only those are
// safe to put in an href and useful to a reader.
func (c *checker) webURL(doc *content.Doc, field, raw string) {
	if raw == "" {
		return
	}
	if !urls.Web(raw) {
		name := field[strings.LastIndex(field, ".")+1:]
		c.errorf(doc, field, "write a full web address starting with https://", "%s %q is not an http(s) URL", name, raw)
	}
}

func (c *checker) person(p *content.Person) {
	doc := &p.Doc
	if !content.ValidID(p.ID) {
		c.errorf(doc, "", "rename the file: "+content.IDRule, "file name %q is not a valid person id", p.ID+".md")
	}
	if p.Party != "" && !slices.Contains(c.parties, p.Party) {
		c.errorf(doc, "party", choiceHint(p.Party, c.parties), "unknown party %q", p.Party)
	}
	if p.Captured != nil && c.today.Before(p.Captured.Date) {
		c.warnf(doc, "captured", "check the year", "captured %s is in the future", p.Captured)
	}
	c.portrait(p)
	c.sources(doc, p.Sources)
	c.body(doc)
}

func (c *checker) peopleWithoutEvents(used map[string]bool) {
	if len(c.broken["events"]) > 0 {
		return // an event that cannot be read may name anyone
	}
	for _, e := range c.files.Events {
		for _, p := range e.People {
			used[p.ID] = true
		}
	}
	for _, p := range c.files.People {
		if !used[p.ID] {
			c.warnf(&p.Doc, "", "list them in an event's people, or remove the file", "%s appears in no event", p.ID)
		}
	}
}

// redirects checks the earlier ids in redirect_from: each must be a valid
// id that no page of the same kind has now and no other file claims, as
// each becomes a redirect page at the old URL.
func (c *checker) redirects() {
	check := func(kind string, docs []*content.Doc, from func(i int) []string) {
		if !hasRedirects(len(docs), from) {
			return
		}
		ids := make(map[string]*content.Doc, len(docs))
		claimed := map[string]*content.Doc{}
		for _, d := range docs {
			ids[d.ID] = d
		}
		for i, d := range docs {
			for k, old := range from(i) {
				field := fmt.Sprintf("redirect_from[%d]", k)
				switch page, taken := ids[old], claimed[old]; {
				case !content.ValidID(old):
					c.errorf(d, field, "write the old file name without .md", "redirect_from %q is not a valid id", old)
				case page != nil:
					c.errorf(d, field, "a redirect cannot replace a page that exists: remove it from redirect_from",
						"redirect_from %q is the id of the %s %s", old, kind, page.Path)
				case taken != nil:
					c.errorf(d, field, "an old id can lead to one page only: remove it from one of the files",
						"redirect_from %q is claimed by %s too", old, taken.Path)
				default:
					claimed[old] = d
				}
			}
		}
	}
	events := make([]*content.Doc, len(c.files.Events))
	for i, e := range c.files.Events {
		events[i] = &e.Doc
	}
	check("event", events, func(i int) []string { return c.files.Events[i].RedirectFrom })
	people := make([]*content.Doc, len(c.files.People))
	for i, p := range c.files.People {
		people[i] = &p.Doc
	}
	check("person", people, func(i int) []string { return c.files.People[i].RedirectFrom })
}

func hasRedirects(n int, from func(i int) []string) bool {
	for i := range n {
		if len(from(i)) > 0 {
			return true
		}
	}
	return false
}

// choiceHint suggests the nearest allowed value, or lists them all.
func choiceHint(got string, allowed []string) string {
	if s := diag.Closest(got, allowed); s != "" {
		return fmt.Sprintf("did you mean %q?", s)
	}
	if len(allowed) == 0 {
		return "none are defined"
	}
	return "use one of: " + strings.Join(allowed, ", ")
}
