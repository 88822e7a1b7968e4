package site

// Kind is a kind of file of the site: a kind of page ("event", "person"),
// or another file ("feed", "data"). Templates see a page's kind as
// {{.Kind}}, and the build counts what it wrote by kind.
type Kind string

// The kinds of page. Each has a layout of the same name: event.html,
// person.html... (404.html for NotFound).
const (
	Home     Kind = "home"
	Numbers  Kind = "numbers"
	Events   Kind = "events" // every event in one table
	Event    Kind = "event"
	Person   Kind = "person"
	People   Kind = "people"
	Year     Kind = "year"
	Years    Kind = "years"
	Tag      Kind = "tag"
	Tags     Kind = "tags"
	NotFound Kind = "404"
)

// The kinds of the other files.
const (
	Feed     Kind = "feed"     // /feed.xml
	Data     Kind = "data"     // /data/*.json, /data/*.csv
	Search   Kind = "search"   // the search index
	Sitemap  Kind = "sitemap"  // /sitemap.xml and its parts
	Robots   Kind = "robots"   // /robots.txt
	NoJekyll Kind = "nojekyll" // /.nojekyll
	Redirect Kind = "redirect" // a page's earlier address
	Static   Kind = "static"   // a file of the layouts' static/ folder
)
