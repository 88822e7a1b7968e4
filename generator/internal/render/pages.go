package render

import (
	"bytes"
	"html/template"
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
	// page in every edition, this one included, the main one first.
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

// outputs lists every file of the site, in a fixed order: the pages, feed,
// redirects and search index of each edition, then the files the editions
// share.
func (r *Renderer) outputs(sites []*model.Site) []output {
	var outs, pages []output
	for _, s := range sites {
		ed := r.edition(s)
		edPages := ed.pageOutputs(s)
		pages = append(pages, edPages...)
		outs = append(outs, edPages...)
		outs = append(outs, ed.feed(s))
		outs = append(outs, ed.redirects(s)...)
		outs = append(outs, ed.searchIndex(s))
	}
	main := r.editions[0]
	common := main.common(sites[0])
	shared := []output{r.robots(), nojekyll(), r.eventsData(sites[0], common), r.peopleData(sites[0], common)}
	shared = append(shared, r.sitemaps(pages)...)
	for _, f := range r.layouts.static {
		shared = append(shared, output{path: f.path, kind: site.Static, deps: constant, write: func(buf *bytes.Buffer) error {
			_, err := buf.Write(f.data)
			return err
		}})
	}
	for i := range shared {
		shared[i].common = common
	}
	return append(outs, shared...)
}

// pageOutputs lists the pages of the edition of s.
func (ed *edition) pageOutputs(s *model.Site) []output {
	latest := s.Latest(LatestOnHome)
	stats := newStatistics(s)
	text := ed.text
	pages := []output{
		ed.page(s, &Page{Kind: site.Home, Title: s.Title, Description: s.Description, Events: latest}, s.Body,
			allDeps(homeDeps(s, latest), latestDeps(s))),
		ed.page(s, &Page{Kind: site.Numbers, Path: "numbers/", Title: text("page.numbers.title"), Statistics: stats,
			Description: text("page.numbers.description", "Site", s.Title)}, "",
			allDeps(yearsDeps(s), statisticsDeps(stats), undisclosedDeps(s))),
		ed.page(s, &Page{Kind: site.Years, Path: "years/", Title: text("page.years.title"), Description: text("page.years.description")}, "", yearsDeps(s)),
		ed.page(s, &Page{Kind: site.Tags, Path: "tags/", Title: text("page.tags.title"), Description: text("page.tags.description")}, "", tagsDeps(s)),
		ed.page(s, &Page{Kind: site.NotFound, Path: "404.html", Title: text("page.notfound.title")}, "", constant),
	}
	pages = append(pages, paginate(s.People, ed.r.opts.PeoplePerPage, "people/", func(people []*model.Person, pager *Pager, path string) output {
		return ed.page(s, &Page{Kind: site.People, Path: path, Title: text("page.people.title"), People: people, Pager: pager,
			Description: text("page.people.description", "Site", s.Title)}, "", peopleDeps(people, pager))
	})...)
	for _, e := range s.Events {
		pages = append(pages, ed.page(s, &Page{Kind: site.Event, Path: e.Path(), Title: e.Title,
			Description: e.Summary, Event: e}, e.Body, eventDeps(e)))
	}
	for _, p := range s.People {
		pages = append(pages, ed.page(s, &Page{Kind: site.Person, Path: p.Path(), Title: p.Name,
			Description: p.Description, Person: p}, p.Body, personDeps(p)))
	}
	for _, y := range s.Years {
		title := strconv.Itoa(y.Year)
		pages = append(pages, paginate(y.Events, ed.r.opts.EventsPerPage, y.Path(), func(events []*model.Event, pager *Pager, path string) output {
			return ed.page(s, &Page{Kind: site.Year, Path: path, Title: title, Year: y, Events: events, Pager: pager,
				Description: text("page.year.description", "Year", title)}, "", yearDeps(y, events, pager))
		})...)
	}
	for _, t := range s.Tags {
		pages = append(pages, paginate(t.Events, ed.r.opts.EventsPerPage, t.Path(), func(events []*model.Event, pager *Pager, path string) output {
			return ed.page(s, &Page{Kind: site.Tag, Path: path, Title: text("page.tag.title", "Tag", t.Label), Tag: t, Events: events, Pager: pager,
				Description: text("page.tag.description", "Tag", t.Label)}, "", tagDeps(t, events, pager))
		})...)
	}
	return pages
}

// paginate splits items into pages of size, the first at dir and the others
// at dir/page/N/, and makes an output of each.
func paginate[T any](items []T, size int, dir string, page func(items []T, pager *Pager, path string) output) []output {
	if len(items) <= size {
		return []output{page(items, nil, dir)}
	}
	count := (len(items) + size - 1) / size
	links := make([]PagerLink, count)
	for i := range links {
		links[i] = PagerLink{Number: i + 1, Path: dir}
		if i > 0 {
			links[i].Path = dir + "page/" + strconv.Itoa(i+1) + "/"
		}
	}
	outs := make([]output, count)
	for i := range outs {
		end := min((i+1)*size, len(items))
		outs[i] = page(items[i*size:end], &Pager{Number: i + 1, Pages: links}, links[i].Path)
	}
	return outs
}

// page is the output for one HTML page of the edition of s; body is its
// Markdown, and deps adds to its fingerprint what the page is made from
// (nil: render it every time).
func (ed *edition) page(s *model.Site, p *Page, body string, deps func(*hasher)) output {
	p.Site, p.Edition, p.Alternates = s, ed.public(), ed.alternates(p.Path)
	file := p.Path
	if p.Kind != site.NotFound {
		file += "index.html"
	}
	if ed.r.opts.BaseURL.Origin != "" && p.Kind != site.NotFound {
		p.Canonical = ed.absURL(p.Path)
	}
	return output{path: ed.prefix + file, kind: p.Kind, page: p, common: ed.common(s), deps: deps, write: func(buf *bytes.Buffer) error {
		if body != "" {
			html, err := ed.markdown(body)
			if err != nil {
				return err
			}
			p.Body = html
			// The outputs live until the build ends; their HTML need not.
			defer func() { p.Body = "" }()
		}
		return ed.templates[p.Kind].ExecuteTemplate(buf, "base.html", p)
	}}
}
