package model

import (
	"reflect"
	"slices"

	"github.com/exchange-timeline/timeline/generator/internal/content"
)

// A Cache keeps the last model built, so that the next build can patch it
// when no file came or went and no edited file's links changed (links.go):
// the common case in watch mode (a title, a figure, a sentence), where
// patching costs a few events' worth of work instead of the whole site's.
// A patch works out again what Build works out from each edited file, then
// the counts and the hashes of the whole site, as Build does.
type Cache struct {
	site    *Site
	files   content.Files // the files it was built from
	drafts  bool
	changed map[string]content.Date
	// eventOf and personOf give the model value of each file, in the
	// order of files (nil for a draft left out).
	eventOf  []*Event
	personOf []*Person
}

func (c *Cache) remember(s *Site, files *content.Files, opts Options, eventOf []*Event, personOf []*Person) {
	if c == nil {
		return
	}
	*c = Cache{site: s, files: snapshot(files), drafts: opts.Drafts, changed: opts.Changed, eventOf: eventOf, personOf: personOf}
}

// snapshot copies the lists of files, which the content cache reuses.
func snapshot(files *content.Files) content.Files {
	return content.Files{Site: files.Site, Events: slices.Clone(files.Events), People: slices.Clone(files.People),
		Statements: slices.Clone(files.Statements)}
}

// patch updates the last model for files and returns it, or returns nil
// when a new model must be built: the options, the settings or a statement
// changed, a file came or went, or an edited file's links changed.
func (c *Cache) patch(files *content.Files, opts Options) *Site {
	if c == nil || c.site == nil || files.Site != c.files.Site || opts.Drafts != c.drafts ||
		reflect.ValueOf(opts.Changed).UnsafePointer() != reflect.ValueOf(c.changed).UnsafePointer() ||
		len(files.Events) != len(c.files.Events) || len(files.People) != len(c.files.People) ||
		!slices.Equal(files.Statements, c.files.Statements) {
		return nil
	}
	var events, people []int // indexes of the edited files
	for i, e := range files.Events {
		if old := c.files.Events[i]; e != old {
			if !reflect.DeepEqual(linksOfEvent(old), linksOfEvent(e)) {
				return nil
			}
			events = append(events, i)
		}
	}
	for i, p := range files.People {
		if old := c.files.People[i]; p != old {
			if !reflect.DeepEqual(linksOfPerson(old), linksOfPerson(p)) {
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
		s.derive(p)
	}
	if len(events) > 0 {
		s.countAll() // from the events' figures and the statements only
	}
	s.hashAll()
	c.files = snapshot(files)
	return s
}
