package render

import (
	"bytes"
	"encoding/json"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/model"
	"github.com/exchange-timeline/timeline/generator/internal/site"
)

// The JSON data files publish the whole dataset for reuse. Their field
// names are the front-matter names (documented in CONTRIBUTING.md) plus the
// derived fields below; they are a public interface: add fields, never
// rename or remove them.

// eventData is one entry of /data/events.json.
type eventData struct {
	*content.Event
	URL string `json:"url"`
	// Totals maps each party to the number counted for it (see
	// model.PartyFigures.Total); parties with no disclosed number are left
	// out.
	Totals   map[string]int `json:"totals"`
	Disputed bool           `json:"disputed"`
	// Counted is what the event adds to the site's totals, by the counting
	// rule (CONTRIBUTING.md, "How totals are counted"): the totals are
	// these added up per kind and party. It differs from Totals for remains
	// handed over in an exchange (kind "repatriation") and for the last
	// event of a set that official statements count together (aggregate).
	Counted []countedData `json:"counted"`
}

// countedData is one entry of an event's Counted.
type countedData struct {
	Kind  string `json:"kind"`
	To    string `json:"to"`
	Count int    `json:"count"`
	content.Qualifier
	// Aggregate is set when the count includes what official statements
	// add for a set of events ending with this one.
	Aggregate bool `json:"aggregate,omitempty"`
}

// personData is one entry of /data/people.json.
type personData struct {
	*content.Person
	URL string `json:"url"`
	// Events lists the ids of the events the person appears in.
	Events []string `json:"events"`
	// CaptivityDays is the days between capture and release, when both
	// are known to the day.
	CaptivityDays int `json:"captivity_days,omitempty"`
}

func (r *Renderer) newEventData(e *model.Event) any {
	ev := *e.Event
	ev.Returned, ev.People, ev.Tags, ev.Sources = nonNil(ev.Returned), nonNil(ev.People), nonNil(ev.Tags), nonNil(ev.Sources)
	ev.RedirectFrom = nonNil(ev.RedirectFrom)
	d := eventData{Event: &ev, URL: r.absURL(e.Path()), Totals: map[string]int{}, Disputed: e.Disputed}
	for _, f := range e.Figures {
		if f.Known {
			d.Totals[f.Party.ID] = f.Total
		}
	}
	d.Counted = make([]countedData, len(e.Counts))
	for i, c := range e.Counts {
		d.Counted[i] = countedData{Kind: c.Kind, To: c.Party.ID, Count: c.N, Qualifier: c.Bound, Aggregate: c.Aggregate != nil}
	}
	return d
}

func (r *Renderer) newPersonData(p *model.Person) any {
	person := *p.Person
	person.Aliases, person.Sources, person.RedirectFrom = nonNil(person.Aliases), nonNil(person.Sources), nonNil(person.RedirectFrom)
	d := personData{Person: &person, URL: r.absURL(p.Path()), Events: []string{}}
	for _, e := range p.Events {
		d.Events = append(d.Events, e.ID)
	}
	if p.Captivity != nil {
		d.CaptivityDays = p.Captivity.TotalDays
	}
	return d
}

// The data files are rendered on every build, an item's encoding kept while
// its fingerprint, that of the model value it shows, stays the same. They
// are the site's, from its main edition.

func (r *Renderer) eventsData(s *model.Site, common uint64) output {
	return output{path: "data/events.json", kind: site.Data, fingerprint: alwaysRender, write: func(buf *bytes.Buffer) error {
		items := make([]jsonItem, len(s.Events))
		base := named(common, "data")
		for i, e := range s.Events {
			items[i] = jsonItem{key: e.ID, fingerprint: fingerprintOf(base, e),
				value: func() any { return r.newEventData(e) }}
		}
		return r.eventsJSON.write(buf, "events", items, !r.opts.Once)
	}}
}

func (r *Renderer) peopleData(s *model.Site, common uint64) output {
	return output{path: "data/people.json", kind: site.Data, fingerprint: alwaysRender, write: func(buf *bytes.Buffer) error {
		items := make([]jsonItem, len(s.People))
		base := named(common, "data")
		for i, p := range s.People {
			items[i] = jsonItem{key: p.ID, fingerprint: fingerprintOf(base, p),
				value: func() any { return r.newPersonData(p) }}
		}
		return r.peopleJSON.write(buf, "people", items, !r.opts.Once)
	}}
}

// jsonItem is one element of a JSON data file.
type jsonItem struct {
	key         string
	fingerprint uint64
	value       func() any
}

// jsonList writes {"NAME": [items]}, one compact item per line, and keeps
// each item's encoding, so that a rebuild encodes again only the items
// whose fingerprint changed. Only one goroutine writes a given file at a
// time.
type jsonList struct {
	encoded []encodedItem // in the order of the last file written
	size    int           // of the last file written, to size the next buffer
}

type encodedItem struct {
	key         string
	fingerprint uint64
	data        []byte
}

// write writes the file; with keep, it keeps the items' encodings for the
// next build.
func (l *jsonList) write(buf *bytes.Buffer, name string, items []jsonItem, keep bool) error {
	buf.WriteString("{\"" + name + "\": ")
	if err := l.writeArray(buf, items, keep); err != nil {
		return err
	}
	buf.WriteString("}\n")
	return nil
}

// writeArray writes the items as a JSON array, one per line.
func (l *jsonList) writeArray(buf *bytes.Buffer, items []jsonItem, keep bool) error {
	var encoded []encodedItem
	if keep {
		encoded = make([]encodedItem, len(items))
	}
	var byKey map[string]encodedItem // built only if the items moved
	start := buf.Len()
	buf.Grow(l.size)
	buf.WriteByte('[')
	for i, it := range items {
		var e encodedItem
		if i < len(l.encoded) && l.encoded[i].key == it.key {
			e = l.encoded[i]
		} else {
			if byKey == nil {
				byKey = make(map[string]encodedItem, len(l.encoded))
				for _, old := range l.encoded {
					byKey[old.key] = old
				}
			}
			e = byKey[it.key]
		}
		if e.data == nil || e.fingerprint != it.fingerprint {
			data, err := json.Marshal(it.value())
			if err != nil {
				return err
			}
			e = encodedItem{it.key, it.fingerprint, data}
		}
		if keep {
			encoded[i] = e
		}
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteByte('\n')
		buf.Write(e.data)
	}
	buf.WriteString("\n]")
	l.encoded, l.size = encoded, buf.Len()-start
	return nil
}

// nonNil makes an absent list encode as [] rather than null, so that readers
// of the data files can rely on every list field being a list.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
