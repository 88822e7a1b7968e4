package model

import (
	"strings"

	"github.com/exchange-timeline/timeline/generator/internal/content"
)

// The links of a file are what Build links it by: whatever in it decides
// its place among the other files (the order of events and of people,
// years, tags, who took part in what). Build reads those fields only
// through these structs, so a link added to the model is a field added
// here; and the last model can be patched rather than built again exactly
// when no edited file's links changed (patch.go).

type eventLinks struct {
	id     string
	date   content.Date
	draft  bool
	tags   []string
	people []content.Participant
}

func linksOfEvent(e *content.Event) eventLinks {
	return eventLinks{id: e.ID, date: e.Date, draft: e.Draft, tags: e.Tags, people: e.People}
}

type personLinks struct {
	id string
	// sortName is the name in lower case, which people are sorted by.
	sortName string
}

func linksOfPerson(p *content.Person) personLinks {
	return personLinks{id: p.ID, sortName: strings.ToLower(p.Name)}
}
