package render

import (
	"encoding/json"
	"fmt"
	"html/template"
	"strings"

	"github.com/exchange-timeline/timeline/generator/internal/lang"
	"github.com/exchange-timeline/timeline/generator/internal/model"
	"github.com/exchange-timeline/timeline/generator/internal/site"
)

// Portrait is a person's picture as a page shows it.
type Portrait struct {
	// URL is the image's address under the base path, with a version
	// query; AbsURL has the origin too, when -base-url gives one.
	URL, AbsURL string
	Alt         string
}

// portrait returns p's portrait, nil when they have none, and an error when
// the image named is not among the layouts' static files.
func (r *Renderer) portrait(p *model.Person) (*Portrait, error) {
	if p.Portrait == "" {
		return nil, nil
	}
	if _, ok := r.layouts.hashes[p.Portrait]; !ok {
		return nil, fmt.Errorf("the portrait %s of %s is not in the layouts' static/ folder: add the image as static/%s", p.Portrait, p.Doc.Path, p.Portrait)
	}
	return &Portrait{URL: r.asset(p.Portrait), AbsURL: r.opts.BaseURL.Origin + r.asset(p.Portrait), Alt: p.PortraitAlt}, nil
}

// jsonLD returns the schema.org description of a page, for search engines
// and other readers of linked data: an Event for an event, a Person for a
// person, the WebSite on the home page, and nothing on other pages. It is
// JSON with <, > and & escaped, so it is safe in a <script> data block.
func (ed *edition) jsonLD(p *Page) (template.JS, error) {
	var v any
	switch p.Kind {
	case site.Home:
		v = ldWebSite{ldThing: ld("WebSite", p.Site.Title, p.Site.Description, ed.absURL("")), InLanguage: ed.lang}
	case site.Event:
		v = ed.ldEvent(p.Event)
	case site.Person:
		person, err := ed.ldPerson(p.Person)
		if err != nil {
			return "", err
		}
		v = person
	default:
		return "", nil
	}
	data, err := json.Marshal(v) // escapes <, > and &
	return template.JS(data), err
}

type ldThing struct {
	Context     string `json:"@context,omitempty"`
	Type        string `json:"@type"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	URL         string `json:"url,omitempty"`
}

func ld(typ, name, description, url string) ldThing {
	return ldThing{Context: "https://schema.org", Type: typ, Name: name, Description: description, URL: url}
}

type ldWebSite struct {
	ldThing
	InLanguage string `json:"inLanguage,omitempty"`
}

type ldEvent struct {
	ldThing
	StartDate string    `json:"startDate"`
	EndDate   string    `json:"endDate"`
	Location  *ldThing  `json:"location,omitempty"`
	About     []ldThing `json:"about,omitempty"`
	Keywords  string    `json:"keywords,omitempty"`
}

type ldPerson struct {
	ldThing
	AlternateName []string `json:"alternateName,omitempty"`
	Image         string   `json:"image,omitempty"`
}

// ldEvent reads only the event and its people, as the event page's
// fingerprint covers.
func (ed *edition) ldEvent(e *model.Event) ldEvent {
	ev := ldEvent{ldThing: ld("Event", e.Title, e.Summary, ed.absURL(e.Path())), StartDate: e.Date.String(), EndDate: e.Date.String()}
	if e.EndDate != nil {
		ev.EndDate = e.EndDate.String()
	}
	if e.Place != "" {
		ev.Location = &ldThing{Type: "Place", Name: e.Place}
	}
	seen := map[*model.Person]bool{}
	for _, pt := range e.Participants {
		if !seen[pt.Person] {
			seen[pt.Person] = true
			ev.About = append(ev.About, ldThing{Type: "Person", Name: pt.Person.Name, URL: ed.absURL(pt.Person.Path())})
		}
	}
	labels := make([]string, len(e.Tags))
	for i, tag := range e.Tags {
		labels[i] = tag.Label // in the edition's language, where translated
	}
	ev.Keywords = strings.Join(labels, ", ")
	return ev
}

func (ed *edition) ldPerson(p *model.Person) (ldPerson, error) {
	person := ldPerson{ldThing: ld("Person", p.Name, p.Description, ed.absURL(p.Path()))}
	if p.NativeName != "" {
		person.AlternateName = append(person.AlternateName, p.NativeName)
	}
	person.AlternateName = append(person.AlternateName, p.Aliases...)
	if p.MainName != "" {
		person.AlternateName = append(person.AlternateName, p.MainName)
	}
	portrait, err := ed.r.portrait(p)
	if portrait != nil {
		person.Image = portrait.AbsURL
	}
	return person, err
}

// nativeLang returns the language of a name in Cyrillic letters, for the
// lang attribute that tells screen readers how to pronounce it (WCAG
// 3.1.2): "uk" or "ru" when its letters say which (lang.Cyrillic), and
// otherwise fallback, which the layout may derive from the person's side.
func nativeLang(name, fallback string) string {
	if l := lang.Cyrillic(name); l != "" {
		return string(l)
	}
	return fallback
}
