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
	// one page's worth on year and tag pages, every event on the table of
	// events (newest first).
	Events []*model.Event
	// Rows are the rows of the table of every event, newest first.
	Rows []*EventRow
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

// outputs lists every file of the site, in a fixed order.
func (r *Renderer) outputs(s *model.Site) []output {
	latest := s.Latest(LatestOnHome)
	stats := newStatistics(s)
	rows := eventRowsOf(s)
	pages := []output{
		r.page(&Page{Site: s, Kind: site.Home, Title: s.Title, Description: s.Description, Events: latest}, s.Body,
			allDeps(homeDeps(s, latest), latestDeps(s))),
		r.page(&Page{Site: s, Kind: site.Numbers, Path: "numbers/", Title: "The numbers", Statistics: stats,
			Description: "What " + s.Title + " counts, year by year and in all, beside the official counts."}, "",
			allDeps(yearsDeps(s), statisticsDeps(stats), undisclosedDeps(s))),
		r.eventsPage(s, rows),
		r.page(&Page{Site: s, Kind: site.Years, Path: "years/", Title: "Years", Description: "The exchanges year by year."}, "", yearsDeps(s)),
		r.page(&Page{Site: s, Kind: site.Tags, Path: "tags/", Title: "Tags", Description: "The exchanges by topic."}, "", tagsDeps(s)),
		r.page(&Page{Site: s, Kind: site.NotFound, Path: "404.html", Title: "Page not found"}, "", constant),
	}
	pages = append(pages, paginate(s.People, r.opts.PeoplePerPage, "people/", func(people []*model.Person, pager *Pager, path string) output {
		return r.page(&Page{Site: s, Kind: site.People, Path: path, Title: "People", People: people, Pager: pager,
			Description: "Everyone named in the exchanges on " + s.Title + "."}, "", peopleDeps(people, pager))
	})...)
	for _, e := range s.Events {
		pages = append(pages, r.page(&Page{Site: s, Kind: site.Event, Path: e.Path(), Title: e.Title,
			Description: e.Summary, Event: e}, e.Body, eventDeps(e)))
	}
	for _, p := range s.People {
		pages = append(pages, r.page(&Page{Site: s, Kind: site.Person, Path: p.Path(), Title: p.Name,
			Description: p.Description, Person: p}, p.Body, personDeps(p)))
	}
	for _, y := range s.Years {
		title := strconv.Itoa(y.Year)
		pages = append(pages, paginate(y.Events, r.opts.EventsPerPage, y.Path(), func(events []*model.Event, pager *Pager, path string) output {
			return r.page(&Page{Site: s, Kind: site.Year, Path: path, Title: title, Year: y, Events: events, Pager: pager,
				Description: "Every exchange of " + title + "."}, "", yearDeps(y, events, pager))
		})...)
	}
	for _, t := range s.Tags {
		pages = append(pages, paginate(t.Events, r.opts.EventsPerPage, t.Path(), func(events []*model.Event, pager *Pager, path string) output {
			return r.page(&Page{Site: s, Kind: site.Tag, Path: path, Title: "Tagged " + t.Name, Tag: t, Events: events, Pager: pager,
				Description: "Events tagged " + t.Name + "."}, "", tagDeps(t, events, pager))
		})...)
	}
	outs := append(pages, r.feed(s), r.robots(), nojekyll(), r.eventsData(s), r.peopleData(s), r.eventsCSV(s, rows), r.figuresCSV(s))
	outs = append(outs, r.redirects(s)...)
	outs = append(outs, r.searchIndex(s, r.search))
	outs = append(outs, r.sitemaps(pages)...)
	for _, f := range r.layouts.static {
		outs = append(outs, output{path: f.path, kind: site.Static, deps: constant, write: func(buf *bytes.Buffer) error {
			_, err := buf.Write(f.data)
			return err
		}})
	}
	return outs
}

func newestFirst[T any](items []T) []T {
	out := slices.Clone(items)
	slices.Reverse(out)
	return out
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

// page is the output for one HTML page; body is its Markdown, and deps adds
// to its fingerprint what the page is made from (nil: render it every time).
func (r *Renderer) page(p *Page, body string, deps func(*hasher)) output {
	file := p.Path
	if p.Kind != site.NotFound {
		file += "index.html"
	}
	if r.opts.BaseURL.Origin != "" && p.Kind != site.NotFound {
		p.Canonical = r.absURL(p.Path)
	}
	return output{path: file, kind: p.Kind, page: p, deps: deps, write: func(buf *bytes.Buffer) error {
		if body != "" {
			html, err := r.markdown(body)
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
