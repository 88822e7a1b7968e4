package render

import (
	"bytes"
	"html/template"
	"strconv"

	"github.com/exchange-timeline/timeline/generator/internal/model"
)

// Page is what every template receives. Fields that do not apply to a page
// kind are nil.
type Page struct {
	Site *model.Site
	Kind string // "home", "event", "person", "people", "year", "years", "tag", "tags", "404"
	// Path is the page's path under the base path: "" for the home page,
	// "events/x/", "404.html".
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
	// Latest holds the newest events, for the home page.
	Latest []*model.Event
}

// LatestOnHome is how many events the home page lists.
const LatestOnHome = 10

// outputs lists every file of the site, in a fixed order.
func (r *Renderer) outputs(s *model.Site) []output {
	outs := []output{
		r.page(&Page{Site: s, Kind: "home", Title: s.Title, Description: s.Description, Latest: s.Latest(LatestOnHome)}, s.Body, nil),
		r.page(&Page{Site: s, Kind: "people", Path: "people/", Title: "People",
			Description: "Everyone named in the exchanges on " + s.Title + "."}, "", nil),
		r.page(&Page{Site: s, Kind: "years", Path: "years/", Title: "Years",
			Description: "The exchanges year by year."}, "", nil),
		r.page(&Page{Site: s, Kind: "tags", Path: "tags/", Title: "Tags",
			Description: "The exchanges by topic."}, "", nil),
		r.page(&Page{Site: s, Kind: "404", Path: "404.html", Title: "Page not found"}, "", constant),
	}
	for _, e := range s.Events {
		outs = append(outs, r.page(&Page{Site: s, Kind: "event", Path: e.Path(), Title: e.Title,
			Description: e.Summary, Event: e}, e.Body, eventDeps(e)))
	}
	for _, p := range s.People {
		outs = append(outs, r.page(&Page{Site: s, Kind: "person", Path: p.Path(), Title: p.Name,
			Description: p.Description, Person: p}, p.Body, personDeps(p)))
	}
	for _, y := range s.Years {
		outs = append(outs, r.page(&Page{Site: s, Kind: "year", Path: y.Path(), Title: yearTitle(y),
			Description: "Every exchange of " + yearTitle(y) + ".", Year: y}, "", yearDeps(y)))
	}
	for _, t := range s.Tags {
		outs = append(outs, r.page(&Page{Site: s, Kind: "tag", Path: t.Path(), Title: "Tagged " + t.Name,
			Description: "Events tagged " + t.Name + ".", Tag: t}, "", eventListDeps(t.Events)))
	}
	outs = append(outs, r.feed(s), r.sitemap(s), r.robots(), nojekyll(),
		r.eventsData(s), r.peopleData(s))
	for _, f := range r.layouts.static {
		outs = append(outs, output{path: f.path, kind: "static", deps: constant, write: func(buf *bytes.Buffer) error {
			_, err := buf.Write(f.data)
			return err
		}})
	}
	return outs
}

// page is the output for one HTML page; body is its Markdown, and deps adds
// to its fingerprint what the page is made from (nil: render it every time).
func (r *Renderer) page(p *Page, body string, deps func(*hasher)) output {
	file := p.Path
	if p.Kind != "404" {
		file += "index.html"
	}
	if r.opts.BaseURL.Origin != "" && p.Kind != "404" {
		p.Canonical = r.absURL(p.Path)
	}
	return output{path: file, kind: p.Kind, deps: deps, write: func(buf *bytes.Buffer) error {
		if body != "" {
			html, err := r.markdown(body)
			if err != nil {
				return err
			}
			p.Body = html
		}
		return r.layouts.pages[p.Kind].ExecuteTemplate(buf, "base.html", p)
	}}
}

func yearTitle(y *model.Year) string {
	return strconv.Itoa(y.Year)
}
