package render

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/digest"
	"github.com/exchange-timeline/timeline/generator/internal/model"
	"github.com/exchange-timeline/timeline/generator/internal/site"
)

// SearchIndexPath is the file the site's search script reads, relative to
// the site root.
const SearchIndexPath = "search-index.json"

// The search index is what layouts/static/search.js searches: every person
// with the names they are known by, every tag, each with the events it
// belongs to, and every event with its title, summary, date, kind, place
// and mediator. A reader's browser downloads it on first use of the search
// box, so it is compact: short keys, no indentation, and no text twice.
// People and tags list their events by number, counted from the oldest
// event (the last of the list, so that numbers stay put when events are
// added), each number after the first written as its difference from the
// one before, which is shorter and compresses better; events give their
// kind by its position in the list of kinds; addresses are built from an
// id and a prefix; and a date is left out when the event's id begins with
// it. The texts are kept as written: matching spellings, numbers and dates
// is the script's work, on the index and the query alike.
//
//	{"months": [12 month names, as after a day], "monthsAlone": [12 month names, as alone],
//	 "kinds": [kind labels, in content.EventKinds() order],
//	 "urls": {"event": prefix, "person": prefix},
//	 "tags": [{"n": name, "e": [events]}],
//	 "people": [{"i": id, "n": name, "o": [native name, name in the main files, aliases...], "d": description, "e": [events]}],
//	 "events": [{"i": id, "t": title, "d": "YYYY-MM-DD", "e": end date, "k": kind (0 when left out),
//	             "s": summary, "l": place, "m": mediator}]}
//
// Events are newest first, the order in which results are listed.
type searchPerson struct {
	ID          string   `json:"i"`
	Name        string   `json:"n"`
	Other       []string `json:"o,omitempty"`
	Description string   `json:"d,omitempty"`
	Events      []int    `json:"e,omitempty"`
}

type searchEvent struct {
	ID       string `json:"i"`
	Title    string `json:"t"`
	Date     string `json:"d,omitempty"`
	EndDate  string `json:"e,omitempty"`
	Kind     int    `json:"k,omitempty"`
	Summary  string `json:"s,omitempty"`
	Place    string `json:"l,omitempty"`
	Mediator string `json:"m,omitempty"`
}

type searchTag struct {
	Name   string `json:"n"`
	Events []int  `json:"e"`
}

type searchHeader struct {
	Months      []string          `json:"months"`
	MonthsAlone []string          `json:"monthsAlone,omitempty"`
	Kinds       []string          `json:"kinds"`
	URLs        map[string]string `json:"urls"`
	Tags        []searchTag       `json:"tags"`
}

// A searchEdition is what one search index holds: the texts of one
// language's edition of the site, with its path, month names and labels.
// Each edition has an index of its own, searched by the same script.
type searchEdition struct {
	path        string
	months      []string // as written after a day: "24 August 2025"
	monthsAlone []string // as a month is named alone, where that differs: "серпень 2025"
	kind        func(kind string) string
	event       func(*model.Event) searchEventText
	person      func(*model.Person) searchPersonText
	// people and events keep the items' encodings between builds.
	people, events jsonList
}

type searchEventText struct{ title, summary, place, mediator string }

type searchPersonText struct {
	name, description string
	other             []string // the native name and the aliases
}

// newSearch is the search index of the edition: its texts, as the model
// of the edition has them, and the English names of people besides their
// names in the edition's language.
func (ed *edition) newSearch() *searchEdition {
	months := ed.catalog.MonthsAfterDay()
	se := &searchEdition{
		path:   ed.prefix + SearchIndexPath,
		months: months,
		kind:   func(kind string) string { return ed.text(labelKey(kind)) },
		event: func(e *model.Event) searchEventText {
			return searchEventText{title: e.Title, summary: e.Summary, place: e.Place, mediator: e.Mediator}
		},
		person: func(p *model.Person) searchPersonText {
			t := searchPersonText{name: p.Name, description: p.Description}
			for _, other := range append([]string{p.NativeName, p.MainName}, p.Aliases...) {
				if other != "" && other != p.Name && !slices.Contains(t.other, other) {
					t.other = append(t.other, other)
				}
			}
			return t
		},
	}
	if alone := ed.catalog.MonthsAlone(); !slices.Equal(alone, months) {
		se.monthsAlone = alone
	}
	return se
}

// searchIndex is the output of an edition's index, made of the whole
// site; each item's encoding is kept while what it is made of stays the
// same.
func (ed *edition) searchIndex(s *model.Site, common uint64) output {
	se := ed.search
	return output{path: se.path, kind: site.Search, fingerprint: fingerprintOf(named(common, se.path), s),
		write: func(buf *bytes.Buffer) error { return ed.writeSearchIndex(buf, s, se, common) }}
}

func (ed *edition) writeSearchIndex(buf *bytes.Buffer, s *model.Site, se *searchEdition, common uint64) error {
	r := ed.r
	eventNumber := make(map[*model.Event]int, len(s.Events))
	for i, e := range s.Events {
		eventNumber[e] = i
	}
	header := searchHeader{Months: se.months, MonthsAlone: se.monthsAlone, URLs: map[string]string{"event": ed.url("events/"), "person": ed.url("people/")}}
	for _, k := range content.EventKinds() {
		header.Kinds = append(header.Kinds, se.kind(k))
	}
	for _, t := range s.Tags {
		header.Tags = append(header.Tags, searchTag{Name: t.Name, Events: deltas(t.Events, eventNumber)})
	}

	base := named(common, se.path)
	people := make([]jsonItem, len(s.People))
	for i, p := range s.People {
		events := deltas(p.Events, eventNumber)
		// The item is made of the person and of their events' numbers,
		// which move when an earlier event is added.
		d := digest.Of(fingerprintOf(base, p))
		for _, n := range events {
			d.Int(n)
		}
		people[i] = jsonItem{key: p.ID, fingerprint: d.Sum(),
			value: func() any {
				t := se.person(p)
				return searchPerson{ID: p.ID, Name: t.name, Other: t.other, Description: t.description, Events: events}
			}}
	}
	events := make([]jsonItem, len(s.Events))
	for i, e := range s.Events {
		events[len(s.Events)-1-i] = jsonItem{key: e.ID, fingerprint: fingerprintOf(base, e),
			value: func() any { return searchEventOf(e, se) }}
	}

	data, err := json.Marshal(header)
	if err != nil {
		return err
	}
	// The header's closing brace gives way to the two lists.
	buf.Write(data[:len(data)-1])
	buf.WriteString(`,"people":`)
	if err := se.people.writeArray(buf, people, !r.opts.Once); err != nil {
		return err
	}
	buf.WriteString(`,"events":`)
	if err := se.events.writeArray(buf, events, !r.opts.Once); err != nil {
		return err
	}
	buf.WriteString("}\n")
	return nil
}

// deltas numbers a person's or a tag's events as the index does: in order,
// the first by its number, each other by its difference from the one
// before.
func deltas(events []*model.Event, number map[*model.Event]int) []int {
	numbers := make([]int, len(events))
	for i, e := range events {
		numbers[i] = number[e]
	}
	slices.Sort(numbers)
	for i := len(numbers) - 1; i > 0; i-- {
		numbers[i] -= numbers[i-1]
	}
	return numbers
}

func searchEventOf(e *model.Event, ed *searchEdition) searchEvent {
	t := ed.event(e)
	se := searchEvent{ID: e.ID, Title: t.title, Summary: t.summary, Place: t.place, Mediator: t.mediator,
		Kind: slices.Index(content.EventKinds(), e.Kind)}
	if date := e.Date.String(); !strings.HasPrefix(e.ID+"-", date+"-") {
		se.Date = date
	}
	if e.EndDate != nil {
		se.EndDate = e.EndDate.String()
	}
	return se
}
