package render

import (
	"bytes"
	"html/template"
	"path"
	"slices"
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
	Path  string
	Title string // the page's own title, without the site's
	// Edition is the edition the page belongs to; Alternates the same
	// page in every edition, this one included, the main one first, set
	// while the page is written.
	Edition     *Edition
	Alternates  []Alternate
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
	ed       *edition
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

// Untranslated reports whether the page's own text, its title, summary or
// body, is shown in the main files' language, for want of a translation:
// the page then says so in a line.
func (p *Page) Untranslated() bool {
	var doc *content.Doc
	var fields []string
	switch {
	case p.Event != nil:
		doc, fields = &p.Event.Doc, []string{"title", "summary", "body"}
	case p.Person != nil:
		doc, fields = &p.Person.Doc, []string{"name", "description", "body"}
	case p.Kind == site.Home:
		doc, fields = &p.Site.Doc, []string{"title", "body"}
	default:
		return false
	}
	return slices.ContainsFunc(fields, func(f string) bool { return doc.LangOf(f) != "" })
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

// Sizes are how many items a page of a long list holds, and how the
// edition being written says things: Text is its interface string for a
// key (lang.Catalog.T), for the titles and descriptions made here.
type Sizes struct {
	Events, People int
	Text           func(key string, pairs ...any) string
}

// pageLists are the site's kinds of page, in the order of the site's files.
func pageLists() []PageList {
	return []PageList{
		{Kind: site.Home, SiteWide: true, Pages: func(s *model.Site, _ Sizes) []*Page {
			return []*Page{{Kind: site.Home, Title: s.Title, Description: s.Description, Events: s.Latest(LatestOnHome), markdown: s.Body}}
		}},
		{Kind: site.Numbers, SiteWide: true, Pages: func(s *model.Site, in Sizes) []*Page {
			return []*Page{{Kind: site.Numbers, Path: "numbers/", Title: in.Text("page.numbers.title"), Statistics: newStatistics(s),
				Description: in.Text("page.numbers.description", "Site", s.Title)}}
		}},
		{Kind: site.Events, SiteWide: true, Pages: func(s *model.Site, in Sizes) []*Page {
			// Every event on one page, however many: its filters act on all.
			return []*Page{{Kind: site.Events, Path: "events/", Title: in.Text("page.events.title"), Events: s.Latest(len(s.Events)),
				Description: in.Text("page.events.description", "Site", s.Title)}}
		}},
		{Kind: site.Years, SiteWide: true, Pages: func(_ *model.Site, in Sizes) []*Page {
			return []*Page{{Kind: site.Years, Path: "years/", Title: in.Text("page.years.title"), Description: in.Text("page.years.description")}}
		}},
		{Kind: site.Tags, SiteWide: true, Pages: func(_ *model.Site, in Sizes) []*Page {
			return []*Page{{Kind: site.Tags, Path: "tags/", Title: in.Text("page.tags.title"), Description: in.Text("page.tags.description")}}
		}},
		{Kind: site.NotFound, Pages: func(_ *model.Site, in Sizes) []*Page {
			return []*Page{{Kind: site.NotFound, Path: "404.html", Title: in.Text("page.notfound.title")}}
		}},
		{Kind: site.People, Pages: func(s *model.Site, in Sizes) []*Page {
			return Paginate(s.People, in.People, "people/", func(people []*model.Person, pager *Pager, path string) *Page {
				return &Page{Kind: site.People, Path: path, Title: in.Text("page.people.title"), People: people, Pager: pager,
					Description: in.Text("page.people.description", "Site", s.Title)}
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
		{Kind: site.Year, Pages: func(s *model.Site, in Sizes) []*Page {
			var pages []*Page
			for _, y := range s.Years {
				title := strconv.Itoa(y.Year)
				pages = append(pages, Paginate(y.Events, in.Events, y.Path(), func(events []*model.Event, pager *Pager, path string) *Page {
					return &Page{Kind: site.Year, Path: path, Title: title, Year: y, Events: events, Pager: pager,
						Description: in.Text("page.year.description", "Year", title)}
				})...)
			}
			return pages
		}},
		{Kind: site.Tag, Pages: func(s *model.Site, in Sizes) []*Page {
			var pages []*Page
			for _, t := range s.Tags {
				pages = append(pages, Paginate(t.Events, in.Events, t.Path(), func(events []*model.Event, pager *Pager, path string) *Page {
					return &Page{Kind: site.Tag, Path: path, Title: in.Text("page.tag.title", "Tag", t.Label), Tag: t, Events: events, Pager: pager,
						Description: in.Text("page.tag.description", "Tag", t.Label)}
				})...)
			}
			return pages
		}},
	}
}

// outputs lists every file of the site, in a fixed order, each with its
// fingerprint: the pages, feed, redirects and search index of each
// edition, then the files the editions share.
func (r *Renderer) outputs(sites []*model.Site) []output {
	var outs, pages []output
	for _, s := range sites {
		ed := r.edition(s)
		common := ed.common(s)
		in := Sizes{Events: r.opts.EventsPerPage, People: r.opts.PeoplePerPage, Text: ed.text}
		var edPages []output
		for _, list := range r.lists {
			kind := named(common, string(list.Kind))
			for _, p := range list.Pages(s, in) {
				p.Site = s
				edPages = append(edPages, ed.page(p, p.fingerprint(kind, list.SiteWide)))
			}
		}
		pages = append(pages, edPages...)
		outs = append(outs, edPages...)
		outs = append(outs, ed.feed(s, common))
		outs = append(outs, ed.redirects(s, common)...)
		outs = append(outs, ed.searchIndex(s, common))
	}
	common := r.editions[0].common(sites[0])
	outs = append(outs, r.robots(common), nojekyll(common), r.eventsData(sites[0], common), r.peopleData(sites[0], common),
		r.eventsCSV(sites[0], common), r.figuresCSV(sites[0], common))
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

// page is the output of one HTML page of the edition.
func (ed *edition) page(p *Page, fingerprint uint64) output {
	p.Edition, p.ed = ed.public, ed
	file := p.Path
	if path.Ext(file) != ".html" {
		file += "index.html"
	}
	if ed.r.opts.BaseURL.Origin != "" && p.Kind != site.NotFound {
		p.Canonical = ed.absURL(p.Path)
	}
	return output{path: ed.prefix + file, kind: p.Kind, page: p, fingerprint: fingerprint, write: func(buf *bytes.Buffer) error {
		if p.markdown != "" {
			html, err := ed.markdown(p.markdown)
			if err != nil {
				return err
			}
			p.Body = html
			// The outputs live until the build ends; their HTML need not.
			defer func() { p.Body = "" }()
		}
		// Worked out for the pages written, not for every page planned:
		// a rebuild in watch mode writes a few of them.
		p.Alternates = ed.alternates(p.Path)
		defer func() { p.Alternates = nil }()
		return ed.templates[p.Kind].ExecuteTemplate(buf, "base.html", p)
	}}
}
