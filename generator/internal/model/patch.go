package model

import (
	"slices"

	"github.com/exchange-timeline/timeline/generator/internal/content"
)

// A Cache keeps the last model built, so that the next build can patch it
// when the content was only edited in ways that leave the site's structure
// alone: the same files, the same site settings, and no change to an
// event's date, draft flag, tags or people, or to a person's name. That is
// the common case in watch mode (a title, a figure, a sentence), and
// patching costs a few events' worth of work instead of the whole site's.
type Cache struct {
	site   *Site
	files  content.Files // the files it was built from
	drafts bool
	// eventOf and personOf give the model object of each file, in the
	// order of files (nil for a draft left out).
	eventOf  []*Event
	personOf []*Person
}

func (c *Cache) remember(s *Site, files *content.Files, opts Options, eventOf []*Event, personOf []*Person) {
	if c == nil {
		return
	}
	*c = Cache{site: s, files: snapshot(files), drafts: opts.Drafts, eventOf: eventOf, personOf: personOf}
}

// snapshot copies the lists of files, which the content cache reuses.
func snapshot(files *content.Files) content.Files {
	return content.Files{Site: files.Site, Events: slices.Clone(files.Events), People: slices.Clone(files.People),
		Statements: slices.Clone(files.Statements)}
}

// patch updates the last model for files and returns it, or returns nil
// when a new model must be built.
func (c *Cache) patch(files *content.Files, opts Options) *Site {
	if c == nil || c.site == nil || files.Site != c.files.Site || opts.Drafts != c.drafts ||
		len(files.Events) != len(c.files.Events) || len(files.People) != len(c.files.People) ||
		!slices.Equal(files.Statements, c.files.Statements) {
		return nil
	}
	var events, people []int // indexes of the changed files
	for i, e := range files.Events {
		if old := c.files.Events[i]; e != old {
			if !sameEventPlace(old, e) {
				return nil
			}
			events = append(events, i)
		}
	}
	for i, p := range files.People {
		if old := c.files.People[i]; p != old {
			if old.Path != p.Path || old.Name != p.Name {
				return nil
			}
			people = append(people, i)
		}
	}
	s := c.site
	for _, i := range events {
		if e := c.eventOf[i]; e != nil {
			e.Event = files.Events[i]
			s.figures(e)
		}
	}
	for _, i := range people {
		p := c.personOf[i]
		p.Person = files.People[i]
		p.Party = s.party(p.Person.Party)
		p.findCaptivity()
	}
	if len(events) > 0 {
		s.countAll()
	}
	c.files = snapshot(files)
	return s
}

// sameEventPlace reports whether an edited event keeps its place in the
// site: its id, date, draft flag, tags and people.
func sameEventPlace(old, e *content.Event) bool {
	return old.Path == e.Path && old.Date.Compare(e.Date) == 0 && old.Draft == e.Draft &&
		slices.Equal(old.Tags, e.Tags) && slices.Equal(old.People, e.People)
}
