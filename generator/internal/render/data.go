package render

import (
	"bytes"
	"encoding/json"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/model"
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

func (r *Renderer) eventsData(s *model.Site) output {
	return r.jsonOutput("data/events.json", func() any {
		list := make([]eventData, len(s.Events))
		for i, e := range s.Events {
			ev := *e.Event
			ev.Returned, ev.People, ev.Tags, ev.Sources = nonNil(ev.Returned), nonNil(ev.People), nonNil(ev.Tags), nonNil(ev.Sources)
			list[i] = eventData{Event: &ev, URL: r.absURL(e.Path()), Totals: map[string]int{}, Disputed: e.Disputed}
			for _, f := range e.Figures {
				if f.Known {
					list[i].Totals[f.Party.ID] = f.Total
				}
			}
		}
		return map[string]any{"events": list}
	})
}

func (r *Renderer) peopleData(s *model.Site) output {
	return r.jsonOutput("data/people.json", func() any {
		list := make([]personData, len(s.People))
		for i, p := range s.People {
			person := *p.Person
			person.Aliases, person.Sources = nonNil(person.Aliases), nonNil(person.Sources)
			list[i] = personData{Person: &person, URL: r.absURL(p.Path()), Events: []string{}}
			for _, e := range p.Events {
				list[i].Events = append(list[i].Events, e.ID)
			}
			if p.Captivity != nil {
				list[i].CaptivityDays = p.Captivity.TotalDays
			}
		}
		return map[string]any{"people": list}
	})
}

func (r *Renderer) jsonOutput(path string, data func() any) output {
	return output{path: path, kind: "data", write: func(buf *bytes.Buffer) error {
		enc := json.NewEncoder(buf)
		enc.SetIndent("", " ")
		return enc.Encode(data())
	}}
}

// nonNil makes an absent list encode as [] rather than null, so that readers
// of the data files can rely on every list field being a list.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
