// Package model turns validated content into the site readers see: events in
// date order, people with their events, years, tags, and the totals of people
// returned to each side.
//
// Model types embed the content types, so templates reach front-matter fields
// directly ({{.Title}}) next to what the model adds ({{.Year}}, {{.Totals}}).
package model

import (
	"bytes"
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Site is the whole site.
type Site struct {
	*content.Site
	Parties []*content.Party
	Events  []*Event  // by date, then id
	People  []*Person // by name, then id
	Years   []*Year   // oldest first
	Tags    []*Tag    // by name
	Totals  Totals
	// Statements are the official statements, by date; Aggregates, the
	// sets of events they count together.
	Statements []*Statement
	Aggregates []*Aggregate
	// Lang is the language of this edition of the site, and Languages
	// those of every edition, the main files' first (see editions.go).
	Lang      string
	Languages []string
	hash      uint64
}

// MainLang is the language of the main files, and of the edition at the
// site's root.
func (s *Site) MainLang() string { return s.Languages[0] }

// Event is one event with its links to the rest of the site. Tags shadows
// the front matter's tag names with the Tag pages they link to.
type Event struct {
	*content.Event
	Participants []Participant
	// Figures has one entry per party that received anyone, in the order
	// the parties are listed in the site settings; Remains, the same for
	// the bodies handed over during an exchange.
	Figures, Remains []*PartyFigures
	// Ordinals are the parties' official numbers of the exchange.
	Ordinals []Ordinal
	// Counts is what the event adds to the totals.
	Counts []Count
	// Undisclosed are the parties whose figures for this event were not
	// disclosed, so that nothing is counted for them (see undisclosed).
	Undisclosed []*content.Party
	Disputed    bool
	// Aggregates are the sets of events that official statements count
	// together that this event is part of.
	Aggregates []*Aggregate
	// Changed is the day the event's file last changed, or zero.
	Changed    content.Date
	Year       *Year
	Tags       []*Tag
	Prev, Next *Event
	links      eventLinks
	hash       uint64
}

// Participant is a person's part in an event.
type Participant struct {
	Person *Person
	Role   string
}

// Path is the event's page, relative to the site root.
func (e *Event) Path() string { return "events/" + e.ID + "/" }

// AllFigures are the event's figures of people, then those of remains.
func (e *Event) AllFigures() []*PartyFigures {
	return append(e.Figures[:len(e.Figures):len(e.Figures)], e.Remains...)
}

// LastDay is the event's end date, or its date when it lasted one day.
func (e *Event) LastDay() content.Date {
	if e.EndDate != nil {
		return *e.EndDate
	}
	return e.Date
}

// Person is one person with the events they appear in. Party shadows the
// front matter's party id with the party it names.
type Person struct {
	*content.Person
	Party *content.Party // nil when not given
	// Events lists each event once, in date order.
	Events []*Event
	// Roles groups Events by role, in the order of content.Roles.
	Roles     []*RoleEvents
	Captivity *Captivity // nil unless captured and later released
	// Changed is the day the person's file last changed, or zero.
	Changed content.Date
	links   personLinks
	hash    uint64
}

// RoleEvents are the events in which a person had one role.
type RoleEvents struct {
	Role   string
	Events []*Event
}

func (p *Person) Path() string { return "people/" + p.ID + "/" }

// Year is a calendar year with its events.
type Year struct {
	Year       int
	Events     []*Event
	Totals     Totals
	Prev, Next *Year
	hash       uint64
}

func (y *Year) Path() string { return "years/" + strconv.Itoa(y.Year) + "/" }

// collation orders names as readers of a language expect: Ukrainian і
// after и, not after я as in Unicode's order (CLDR's collation, by
// golang.org/x/text/collate).
type collation struct {
	c   *collate.Collator
	buf collate.Buffer
}

func newCollation(lang string) *collation {
	return &collation{c: collate.New(language.Make(lang), collate.IgnoreCase)}
}

func (c *collation) key(s string) []byte {
	return bytes.Clone(c.c.KeyFromString(&c.buf, s))
}

// Tag is a tag with its events.
type Tag struct {
	// Name is the tag's id, Label what readers see: its label in the
	// site settings, or its id; LabelLang is the language of Label where
	// it is not the page's.
	Name, Label, LabelLang string
	Events                 []*Event
	hash, nameHash         uint64
}

func (t *Tag) Path() string { return "tags/" + t.Name + "/" }

// Options change what goes into the model.
type Options struct {
	// Drafts includes events marked draft: true.
	Drafts bool
	// Cache, when set, lets a build patch the previous model rather than
	// build a new one, as watch mode rebuilds the same site again and
	// again.
	Cache *Cache
	// Changed gives the day each content file (by its path in the content
	// directory) last changed, as far as it is known.
	Changed map[string]content.Date
	// Lang is the language of the edition built, which sorts names;
	// Languages are those of every edition (Editions sets both). Without
	// them the site is in DefaultLanguage.
	Lang      string
	Languages []string
}

// Build links validated files into a Site. It expects content that passed
// validation: references that do not resolve are skipped, not reported.
func Build(files *content.Files, opts Options) *Site {
	if s := opts.Cache.patch(files, opts); s != nil {
		return s
	}
	s := &Site{Site: files.Site, Lang: cmp.Or(opts.Lang, DefaultLanguage), Languages: opts.Languages}
	if len(s.Languages) == 0 {
		s.Languages = []string{s.Lang}
	}
	for i := range files.Site.Parties {
		s.Parties = append(s.Parties, &files.Site.Parties[i])
	}
	people, personOf := s.addPeople(files.People, opts.Changed)
	s.Events = make([]*Event, 0, len(files.Events))
	eventOf := make([]*Event, len(files.Events))
	byID := make(map[string]*Event, len(files.Events))
	for i, ce := range files.Events {
		links := linksOfEvent(ce)
		if links.draft && !opts.Drafts {
			continue
		}
		eventOf[i] = s.newEvent(ce, links, people)
		eventOf[i].Changed = opts.Changed[ce.Path]
		s.Events = append(s.Events, eventOf[i])
		byID[links.id] = eventOf[i]
	}
	slices.SortFunc(s.Events, byDate)
	for i, e := range s.Events {
		if i > 0 {
			e.Prev, s.Events[i-1].Next = s.Events[i-1], e
		}
		for _, p := range e.Participants {
			p.Person.addEvent(e, p.Role)
		}
	}
	s.groupByYear()
	s.groupByTag()
	for _, p := range s.People {
		s.finish(p)
	}
	s.addStatements(files.Statements, byID)
	s.countAll()
	s.hashAll()
	opts.Cache.remember(s, files, opts, eventOf, personOf)
	return s
}

func (s *Site) party(id string) *content.Party {
	for _, p := range s.Parties {
		if p.ID == id {
			return p
		}
	}
	return nil
}

// addPeople makes the people, sorted by name; it returns them by id and in
// the order of files.
func (s *Site) addPeople(files []*content.Person, changed map[string]content.Date) (map[string]*Person, []*Person) {
	byID := make(map[string]*Person, len(files))
	personOf := make([]*Person, len(files))
	type keyed struct {
		key    []byte // the name's collation key, made once per person
		person *Person
	}
	people := make([]keyed, len(files))
	order := newCollation(s.Lang)
	for i, cp := range files {
		p := &Person{Person: cp, links: linksOfPerson(cp), Changed: changed[cp.Path]}
		byID[p.links.id] = p
		personOf[i] = p
		people[i] = keyed{order.key(cp.Name), p}
	}
	slices.SortFunc(people, func(a, b keyed) int {
		return cmp.Or(bytes.Compare(a.key, b.key), strings.Compare(a.person.ID, b.person.ID))
	})
	s.People = make([]*Person, len(people))
	for i, k := range people {
		s.People[i] = k.person
	}
	return byID, personOf
}

func (s *Site) newEvent(ce *content.Event, links eventLinks, people map[string]*Person) *Event {
	e := &Event{Event: ce, Participants: make([]Participant, 0, len(links.people)), links: links}
	for _, p := range links.people {
		if person := people[p.ID]; person != nil {
			e.Participants = append(e.Participants, Participant{Person: person, Role: p.Role})
		}
	}
	s.figures(e)
	return e
}

func (p *Person) addEvent(e *Event, role string) {
	if !slices.Contains(p.Events, e) {
		p.Events = append(p.Events, e)
	}
	i := slices.IndexFunc(p.Roles, func(r *RoleEvents) bool { return r.Role == role })
	if i < 0 {
		p.Roles = append(p.Roles, &RoleEvents{Role: role})
		i = len(p.Roles) - 1
	}
	p.Roles[i].Events = append(p.Roles[i].Events, e)
}

// finish orders the person's roles and works out what their file alone
// decides.
func (s *Site) finish(p *Person) {
	slices.SortFunc(p.Roles, func(a, b *RoleEvents) int {
		return cmp.Compare(content.RoleOrder(a.Role), content.RoleOrder(b.Role))
	})
	s.derive(p)
}

// derive works out what a person's file decides once they are linked to
// their events: their side and their time in captivity.
func (s *Site) derive(p *Person) {
	p.Party = s.party(p.Person.Party)
	p.findCaptivity()
}

func (p *Person) findCaptivity() {
	p.Captivity = nil
	if p.Captured == nil {
		return
	}
	for _, r := range p.Roles {
		if r.Role != "released" {
			continue
		}
		for _, e := range r.Events {
			if !e.Date.Before(p.Captured.Date) {
				p.Captivity = captivity(*p.Captured, e)
				return
			}
		}
	}
}

func (s *Site) groupByYear() {
	for _, e := range s.Events {
		if n := len(s.Years); n == 0 || s.Years[n-1].Year != e.links.date.Year() {
			y := &Year{Year: e.links.date.Year()}
			if n > 0 {
				y.Prev, s.Years[n-1].Next = s.Years[n-1], y
			}
			s.Years = append(s.Years, y)
		}
		y := s.Years[len(s.Years)-1]
		y.Events = append(y.Events, e)
		e.Year = y
	}
}

func (s *Site) groupByTag() {
	byName := map[string]*Tag{}
	for _, e := range s.Events {
		for _, name := range e.links.tags {
			t := byName[name]
			if t == nil {
				t = s.newTag(name)
				byName[name] = t
				s.Tags = append(s.Tags, t)
			}
			t.Events = append(t.Events, e)
			e.Tags = append(e.Tags, t)
		}
	}
	order := newCollation(s.Lang)
	keys := make(map[*Tag][]byte, len(s.Tags))
	for _, t := range s.Tags {
		keys[t] = order.key(t.Label)
	}
	slices.SortFunc(s.Tags, func(a, b *Tag) int {
		return cmp.Or(bytes.Compare(keys[a], keys[b]), strings.Compare(a.Name, b.Name))
	})
}

func (s *Site) newTag(name string) *Tag {
	t := &Tag{Name: name, Label: s.Site.Tags.Get(name), LabelLang: s.LangOf("tags." + name)}
	if t.Label == "" {
		t.Label, t.LabelLang = name, s.Shown.Fallback
	}
	return t
}

// LatestOf returns the most recent event of a kind, or nil.
func (s *Site) LatestOf(kind string) *Event {
	for i := len(s.Events) - 1; i >= 0; i-- {
		if s.Events[i].Kind == kind {
			return s.Events[i]
		}
	}
	return nil
}

// Latest returns the n most recent events, newest first.
func (s *Site) Latest(n int) []*Event {
	latest := slices.Clone(s.Events[max(0, len(s.Events)-n):])
	slices.Reverse(latest)
	return latest
}
