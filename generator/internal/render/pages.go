package render

import (
	"bytes"
	"html/template"
	"path"
	"strconv"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/model"
	"github.com/exchange-timeline/timeline/generator/internal/site"
)

// Page is what every template receives. Fields that do not apply to a page
// kind are nil.
type Page struct {
	Site *model.Site
	Kind site.Kind
	// Path is the page's path under the base path: "" for the home page,
	// "events/x/", "tags/x/page/2/", "404.html".
	Path        string
	Title       string // the page's own title, without the site's
	Description string
	// Body is the page's Markdown, as HTML: the home page's introduction,
	// an event's account or a person's biography.
	Body template.HTML
	// Canonical is the page's absolute URL, or "" without an origin.
	Canonical string

	Event  *model.Event
	Person *model.Person
	Year   *model.Year
	Tag    *model.Tag
	// Events lists the events of a list page: the latest on the home page,
	// one page's worth on year and tag pages.
	Events []*model.Event
	// People lists one page's worth of people on the people index.
	People []*model.Person
	// Pager links the pages of a list too long for one page; nil when it
	// fits on one.
	Pager *Pager
	// Statistics are the totals by year and the charts of /numbers/.
	Statistics *Statistics
	// About is what a page of a kind added through Options.Pages is about
	// (a place, say), for its layout; the kinds above have the fields
	// above.
	About model.Hashed

	// markdown is the Markdown that becomes Body when the page is written.
	markdown string
}

// Changed is the day the page's event or person file last changed, or
// zero when that is not known or the page has no such file.
func (p *Page) Changed() content.Date {
	switch {
	case p.Event != nil:
		return p.Event.Changed
	case p.Person != nil:
		return p.Person.Changed
	}
	return content.Date{}
}

// FirstPage reports whether the page is the first (or only) of its list,
// where summaries such as a year's totals belong.
func (p *Page) FirstPage() bool { return p.Pager == nil || p.Pager.Number == 1 }

// Pager links the pages of one list.
type Pager struct {
	Number int // this page's number, from 1
	Pages  []PagerLink
}

// PagerLink is one page of a list.
type PagerLink struct {
	Number int
	Path   string
}

// Prev and Next are the neighbouring pages, or nil.
func (p *Pager) Prev() *PagerLink { return p.link(p.Number - 1) }
func (p *Pager) Next() *PagerLink { return p.link(p.Number + 1) }

func (p *Pager) link(n int) *PagerLink {
	if n < 1 || n > len(p.Pages) {
		return nil
	}
	return &p.Pages[n-1]
}

// LatestOnHome is how many events the home page lists.
const LatestOnHome = 10

// Default list sizes (see Options): list pages stay small however large the
// site grows.
const (
	DefaultEventsPerPage = 100
	DefaultPeoplePerPage = 200
)

// A PageList makes the pages of one kind from the model. The site's are in
// pageLists; Options.Pages adds more. A page's fingerprint is made from
// the hashes of the model values it is given (fingerprint.go), so a new
// kind needs nothing else: its values in the model, its list here, and its
// layout (ARCHITECTURE.md, "A new page kind").
type PageList struct {
	// Kind is the pages' kind; their layout is Kind + ".html".
	Kind site.Kind
	// SiteWide says the pages show what the whole site adds up to
	// (.Site.Events, .Site.Years, .Site.Totals...), so that any change to
	// the content may change them. Other pages may read of .Site only the
	// settings of content/_index.md; a test holds the shipped layouts to
	// that.
	SiteWide bool
	// Pages returns the pages of the kind; sizes bound long lists.
	Pages func(s *model.Site, sizes Sizes) []*Page
}

// Sizes are how many items a page of a long list holds.
type Sizes struct{ Events, People int }

// pageLists are the site's kinds of page, in the order of the site's files.
func pageLists() []PageList {
	return []PageList{
		{Kind: site.Home, SiteWide: true, Pages: func(s *model.Site, _ Sizes) []*Page {
			return []*Page{{Kind: site.Home, Title: s.Title, Description: s.Description, Events: s.Latest(LatestOnHome), markdown: s.Body}}
		}},
		{Kind: site.Numbers, SiteWide: true, Pages: func(s *model.Site, _ Sizes) []*Page {
			return []*Page{{Kind: site.Numbers, Path: "numbers/", Title: "The numbers", Statistics: newStatistics(s),
				Description: "What " + s.Title + " counts, year by year and in all, beside the official counts."}}
		}},
		{Kind: site.Events, SiteWide: true, Pages: func(s *model.Site, _ Sizes) []*Page {
			// Every event on one page, however many: its filters act on all.
			return []*Page{{Kind: site.Events, Path: "events/", Title: "Every event", Events: s.Latest(len(s.Events)),
				Description: "Every event on " + s.Title + " in one table: dates, figures, sources."}}
		}},
		{Kind: site.Years, SiteWide: true, Pages: func(*model.Site, Sizes) []*Page {
			return []*Page{{Kind: site.Years, Path: "years/", Title: "Years", Description: "The exchanges year by year."}}
		}},
		{Kind: site.Tags, SiteWide: true, Pages: func(*model.Site, Sizes) []*Page {
			return []*Page{{Kind: site.Tags, Path: "tags/", Title: "Tags", Description: "The exchanges by topic."}}
		}},
		{Kind: site.NotFound, Pages: func(*model.Site, Sizes) []*Page {
			return []*Page{{Kind: site.NotFound, Path: "404.html", Title: "Page not found"}}
		}},
		{Kind: site.People, Pages: func(s *model.Site, sizes Sizes) []*Page {
			return Paginate(s.People, sizes.People, "people/", func(people []*model.Person, pager *Pager, path string) *Page {
				return &Page{Kind: site.People, Path: path, Title: "People", People: people, Pager: pager,
					Description: "Everyone named in the exchanges on " + s.Title + "."}
			})
		}},
		{Kind: site.Event, Pages: func(s *model.Site, _ Sizes) []*Page {
			pages := make([]*Page, len(s.Events))
			for i, e := range s.Events {
				pages[i] = &Page{Kind: site.Event, Path: e.Path(), Title: e.Title, Description: e.Summary, Event: e, markdown: e.Body}
			}
			return pages
		}},
		{Kind: site.Person, Pages: func(s *model.Site, _ Sizes) []*Page {
			pages := make([]*Page, len(s.People))
			for i, p := range s.People {
				pages[i] = &Page{Kind: site.Person, Path: p.Path(), Title: p.Name, Description: p.Description, Person: p, markdown: p.Body}
			}
			return pages
		}},
		{Kind: site.Year, Pages: func(s *model.Site, sizes Sizes) []*Page {
			var pages []*Page
			for _, y := range s.Years {
				title := strconv.Itoa(y.Year)
				pages = append(pages, Paginate(y.Events, sizes.Events, y.Path(), func(events []*model.Event, pager *Pager, path string) *Page {
					return &Page{Kind: site.Year, Path: path, Title: title, Year: y, Events: events, Pager: pager,
						Description: "Every exchange of " + title + "."}
				})...)
			}
			return pages
		}},
		{Kind: site.Tag, Pages: func(s *model.Site, sizes Sizes) []*Page {
			var pages []*Page
			for _, t := range s.Tags {
				pages = append(pages, Paginate(t.Events, sizes.Events, t.Path(), func(events []*model.Event, pager *Pager, path string) *Page {
					return &Page{Kind: site.Tag, Path: path, Title: "Tagged " + t.Name, Tag: t, Events: events, Pager: pager,
						Description: "Events tagged " + t.Name + "."}
				})...)
			}
			return pages
		}},
	}
}

// outputs lists every file of the site, in a fixed order, each with its
// fingerprint.
func (r *Renderer) outputs(s *model.Site) []output {
	common := r.common(s)
	var pages []output
	for _, list := range r.lists {
		kind := named(common, string(list.Kind))
		for _, p := range list.Pages(s, Sizes{Events: r.opts.EventsPerPage, People: r.opts.PeoplePerPage}) {
			p.Site = s
			pages = append(pages, r.page(p, p.fingerprint(kind, list.SiteWide)))
		}
	}
	outs := append(pages, r.feed(s, common), r.robots(common), nojekyll(common), r.eventsData(s, common), r.peopleData(s, common),
		r.eventsCSV(s, common), r.figuresCSV(s, common))
	outs = append(outs, r.redirects(s, common)...)
	outs = append(outs, r.searchIndex(s, r.search, common))
	outs = append(outs, r.sitemaps(pages, common)...)
	for _, f := range r.layouts.static {
		outs = append(outs, output{path: f.path, kind: site.Static, fingerprint: named(common, f.path), write: func(buf *bytes.Buffer) error {
			_, err := buf.Write(f.data)
			return err
		}})
	}
	return outs
}

// Paginate splits items into pages of size, the first at dir and the others
// at dir/page/N/, and makes a page of each.
func Paginate[T any](items []T, size int, dir string, page func(items []T, pager *Pager, path string) *Page) []*Page {
	if len(items) <= size {
		return []*Page{page(items, nil, dir)}
	}
	count := (len(items) + size - 1) / size
	links := make([]PagerLink, count)
	for i := range links {
		links[i] = PagerLink{Number: i + 1, Path: dir}
		if i > 0 {
			links[i].Path = dir + "page/" + strconv.Itoa(i+1) + "/"
		}
	}
	pages := make([]*Page, count)
	for i := range pages {
		end := min((i+1)*size, len(items))
		pages[i] = page(items[i*size:end], &Pager{Number: i + 1, Pages: links}, links[i].Path)
	}
	return pages
}

// page is the output of one HTML page.
func (r *Renderer) page(p *Page, fingerprint uint64) output {
	file := p.Path
	if path.Ext(file) != ".html" {
		file += "index.html"
	}
	if r.opts.BaseURL.Origin != "" && p.Kind != site.NotFound {
		p.Canonical = r.absURL(p.Path)
	}
	return output{path: file, kind: p.Kind, page: p, fingerprint: fingerprint, write: func(buf *bytes.Buffer) error {
		if p.markdown != "" {
			html, err := r.markdown(p.markdown)
			if err != nil {
				return err
			}
			p.Body = html
			// The outputs live until the build ends; their HTML need not.
			defer func() { p.Body = "" }()
		}
		return r.layouts.pages[p.Kind].ExecuteTemplate(buf, "base.html", p)
	}}
}
