package render

import (
	"bytes"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/model"
	"github.com/exchange-timeline/timeline/generator/internal/site"
)

// SearchIndexPath is the file the site's search script reads, relative to
// the site root.
const SearchIndexPath = "search-index.json"

// The search index is what layouts/static/search.js searches: every person
// with the names they are known by, and every event with its title and
// summary. It is compact (short keys, no indentation) because a reader's
// browser downloads it on first use of the search box; matching Latin and
// Cyrillic spellings is the script's work, on the index and the query
// alike, so the index keeps the names as written.
//
//	{"people": [{"n": name, "o": [native name, aliases...], "d": description, "u": url}],
//	 "events": [{"t": title, "s": summary, "d": "YYYY-MM-DD", "k": kind label, "u": url}]}
type searchPerson struct {
	Name        string   `json:"n"`
	Other       []string `json:"o,omitempty"`
	Description string   `json:"d,omitempty"`
	URL         string   `json:"u"`
}

type searchEvent struct {
	Title   string `json:"t"`
	Summary string `json:"s,omitempty"`
	Date    string `json:"d"`
	Kind    string `json:"k"`
	URL     string `json:"u"`
}

// searchIndex is the output of the index, made of the whole site; each
// item's encoding is kept while the hash of its event or person stays the
// same.
func (r *Renderer) searchIndex(s *model.Site, common uint64) output {
	return output{path: SearchIndexPath, kind: site.Search, fingerprint: fingerprintOf(named(common, SearchIndexPath), s),
		write: func(buf *bytes.Buffer) error {
			base := named(common, "search")
			people := make([]jsonItem, len(s.People))
			for i, p := range s.People {
				people[i] = jsonItem{key: p.ID, fingerprint: fingerprintOf(base, p),
					value: func() any { return r.searchPerson(p) }}
			}
			// Newest first, the order in which the results are listed.
			events := make([]jsonItem, len(s.Events))
			for i, e := range s.Events {
				events[len(s.Events)-1-i] = jsonItem{key: e.ID, fingerprint: fingerprintOf(base, e),
					value: func() any {
						return searchEvent{Title: e.Title, Summary: e.Summary, Date: e.Date.String(), Kind: content.Label(e.Kind), URL: r.url(e.Path())}
					}}
			}
			buf.WriteString(`{"people": `)
			if err := r.searchPeople.writeArray(buf, people, !r.opts.Once); err != nil {
				return err
			}
			buf.WriteString(`, "events": `)
			if err := r.searchEvents.writeArray(buf, events, !r.opts.Once); err != nil {
				return err
			}
			buf.WriteString("}\n")
			return nil
		}}
}

func (r *Renderer) searchPerson(p *model.Person) searchPerson {
	sp := searchPerson{Name: p.Name, Description: p.Description, URL: r.url(p.Path())}
	if p.NativeName != "" {
		sp.Other = append(sp.Other, p.NativeName)
	}
	sp.Other = append(sp.Other, p.Aliases...)
	return sp
}
