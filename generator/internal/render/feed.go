package render

import (
	"bytes"
	"crypto/sha1"
	"encoding/xml"
	"fmt"

	"github.com/exchange-timeline/timeline/generator/internal/model"
	"github.com/exchange-timeline/timeline/generator/internal/site"
)

// FeedSize is how many of the latest events the Atom feed carries.
const FeedSize = 20

type atomFeed struct {
	XMLName  xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang     string      `xml:"xml:lang,attr"`
	Title    string      `xml:"title"`
	Subtitle string      `xml:"subtitle,omitempty"`
	ID       string      `xml:"id"`
	Updated  string      `xml:"updated"`
	Author   atomPerson  `xml:"author"`
	Links    []atomLink  `xml:"link"`
	Entries  []atomEntry `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomEntry struct {
	Title     string     `xml:"title"`
	ID        string     `xml:"id"`
	Updated   string     `xml:"updated"`
	Published string     `xml:"published"`
	Link      atomLink   `xml:"link"`
	Summary   string     `xml:"summary,omitempty"`
	Content   *atomText  `xml:"content"`
	Category  []atomTerm `xml:"category"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

type atomTerm struct {
	Term string `xml:"term,attr"`
}

// feed writes the edition's feed, /feed.xml or /uk/feed.xml. Its ids are
// name-based UUIDs of the event ids (and of the language, in an edition
// other than the main one), so they stay the same when the site moves to
// another address, and its dates are the events' own, so the feed is the
// same on every build.
func (ed *edition) feed(s *model.Site, common uint64) output {
	latest := s.Latest(FeedSize)
	path := ed.prefix + "feed.xml"
	return output{path: path, kind: site.Feed, fingerprint: fingerprintOf(named(common, path), latest...), write: func(buf *bytes.Buffer) error {
		f := atomFeed{
			Lang:     ed.lang,
			Title:    s.Title,
			Subtitle: s.Description,
			ID:       uuidURN("site:" + s.Title),
			Author:   atomPerson{Name: s.Title},
			Links: []atomLink{
				{Rel: "self", Type: "application/atom+xml", Href: ed.absURL("feed.xml")},
				{Rel: "alternate", Type: "text/html", Href: ed.absURL("")},
			},
		}
		for _, e := range latest {
			entry, err := ed.feedEntry(e)
			if err != nil {
				return err
			}
			f.Entries = append(f.Entries, entry)
			f.Updated = max(f.Updated, entry.Updated)
		}
		if f.Updated == "" {
			f.Updated = "1970-01-01T00:00:00Z"
		}
		return writeXML(buf, f)
	}}
}

func (ed *edition) feedEntry(e *model.Event) (atomEntry, error) {
	body, err := ed.markdown(e.Body)
	if err != nil {
		return atomEntry{}, err
	}
	updated := e.Date
	if e.EndDate != nil {
		updated = *e.EndDate
	}
	entry := atomEntry{
		Title:     e.Title,
		ID:        uuidURN("event:" + ed.idPrefix() + e.ID),
		Published: e.Date.String() + "T00:00:00Z",
		Updated:   updated.String() + "T00:00:00Z",
		Link:      atomLink{Rel: "alternate", Type: "text/html", Href: ed.absURL(e.Path())},
		Summary:   e.Summary,
	}
	if body != "" {
		entry.Content = &atomText{Type: "html", Body: string(body)}
	}
	for _, t := range e.Tags {
		entry.Category = append(entry.Category, atomTerm{Term: t.Name})
	}
	return entry, nil
}

// idPrefix tells apart the ids of the feed entries of an edition other
// than the main one, which are other texts: "uk:".
func (ed *edition) idPrefix() string {
	if ed.prefix == "" {
		return ""
	}
	return ed.lang + ":"
}

// uuidURN returns a version 5 (SHA-1, name-based) UUID for name in the URL
// namespace of RFC 4122, as an Atom id.
func uuidURN(name string) string {
	ns := []byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}
	h := sha1.Sum(append(ns, "exchange-timeline:"+name...))
	u := h[:16]
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}
