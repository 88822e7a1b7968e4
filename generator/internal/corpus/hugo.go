package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// GenerateHugo returns the same corpus as Generate(n) as a Hugo site, with
// templates that make the same pages (events; people, tags and years as
// taxonomies; a home page with totals and the latest events), so that the
// two generators can be timed on the same work. The templates read
// .Params rather than calling .GetTerms, which is slow in Hugo and would
// flatter us.
func GenerateHugo(n int) []File {
	rng := rand.New(rand.NewPCG(1, uint64(n)))
	people := max(n/2, 3)
	files := []File{
		{Path: "hugo.toml", Data: []byte(hugoConfig)},
		{Path: "content/_index.md", Data: []byte(siteFile)},
	}
	for i := range people {
		// The person is the term page of the persons taxonomy; Hugo names
		// it by title, and reads aliases as old URLs, not spellings.
		p := strings.Replace(string(person(rng, i).Data), "\naliases:", "\nspellings:", 1)
		name := p[len("---\nname: "):strings.Index(p, "\nspellings:")]
		p = "---\ntitle: " + name + "\n" + p[len("---\n"):]
		files = append(files, File{Path: "content/persons/" + personID(i) + "/_index.md", Data: []byte(p)})
	}
	for i := range n {
		e, persons, year := eventWithTerms(rng, i, n, people)
		terms := fmt.Sprintf("persons: [%s]\nyears: [\"%s\"]\n", strings.Join(persons, ", "), year)
		data := strings.Replace(string(e.Data), "\n---\n", "\n"+terms+"---\n", 1)
		files = append(files, File{Path: "content/" + e.Path, Data: []byte(data)})
	}
	for name, tmpl := range hugoLayouts {
		files = append(files, File{Path: "layouts/" + name, Data: []byte(tmpl)})
	}
	return files
}

const hugoConfig = `baseURL = "/"
title = "Synthetic Exchange Timeline"
languageCode = "en"
disableKinds = ["RSS"]
paginate = 100

[taxonomies]
tag = "tags"
person = "persons"
year = "years"

[outputs]
home = ["HTML"]
section = ["HTML"]
taxonomy = ["HTML"]
term = ["HTML"]

[markup.goldmark.renderer]
unsafe = false
`

var hugoLayouts = map[string]string{
	"_default/baseof.html": `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{if .IsHome}}{{site.Title}}{{else}}{{.Title}} · {{site.Title}}{{end}}</title>
{{with .Description}}<meta name="description" content="{{.}}">{{end}}
<link rel="stylesheet" href="{{"style.css" | relURL}}">
</head>
<body>
<header><a href="{{"/" | relURL}}">{{site.Title}}</a>
<nav><ul><li><a href="{{"/years/" | relURL}}">Years</a></li><li><a href="{{"/persons/" | relURL}}">People</a></li><li><a href="{{"/tags/" | relURL}}">Tags</a></li></ul></nav></header>
<main>{{block "main" .}}{{end}}</main>
<footer><p>Every figure names its source.</p></footer>
</body>
</html>
`,
	"partials/card.html": `<li><article>
<p><time datetime="{{.Date.Format "2006-01-02"}}">{{.Date.Format "2 January 2006"}}</time> {{.Params.kind}}</p>
<h3><a href="{{.RelPermalink}}">{{.Title}}</a></h3>
{{with .Params.summary}}<p>{{.}}</p>{{end}}
{{partial "totals.html" .}}
<p>People: {{range $i, $p := .Params.people}}{{if $i}}, {{end}}{{with site.GetPage (printf "/persons/%s" $p.id)}}<a href="{{.RelPermalink}}">{{.Title}}</a>{{end}}{{end}}</p>
<ul>{{range .Params.tags}}<li><a href="{{printf "/tags/%s/" (urlize .) | relURL}}">{{.}}</a></li>{{end}}</ul>
</article></li>
`,
	"partials/totals.html": `<dl>{{$figures := .Params.returned}}{{range slice "ukraine" "russia"}}{{$party := .}}{{$sum := 0}}{{range $figures}}{{if and (eq .to $party) .count}}{{$sum = add $sum .count}}{{end}}{{end}}<dt>To {{$party}}</dt><dd>{{$sum}}</dd>{{end}}</dl>
`,
	"_default/single.html": `{{define "main"}}<article>
<h1>{{.Title}}</h1>
<p><time datetime="{{.Date.Format "2006-01-02"}}">{{.Date.Format "2 January 2006"}}</time> {{.Params.kind}} {{with .Params.mediator}}· {{.}}{{end}}</p>
{{with .Params.summary}}<p>{{.}}</p>{{end}}
{{partial "totals.html" .}}
<table><thead><tr><th>Returned to</th><th>Number</th><th>Who</th><th>Source</th></tr></thead><tbody>
{{range .Params.returned}}<tr><td>{{.to}}</td><td>{{with .count}}{{.}}{{else}}not disclosed{{end}}</td><td>{{.group}}</td><td>{{.source}}</td></tr>{{end}}
</tbody></table>
<div>{{.Content}}</div>
<h2>People</h2><ul>{{range .Params.people}}{{with site.GetPage (printf "/persons/%s" .id)}}<li><a href="{{.RelPermalink}}">{{.Title}}</a></li>{{end}}{{end}}</ul>
<h2>Sources</h2><ol>{{range .Params.sources}}<li><a href="{{.url}}">{{.publisher}}{{with .title}}: {{.}}{{end}}</a>{{with .date}}, {{.}}{{end}}</li>{{end}}</ol>
<ul>{{range .Params.tags}}<li><a href="{{printf "/tags/%s/" (urlize .) | relURL}}">{{.}}</a></li>{{end}}</ul>
<nav>{{with .PrevInSection}}<a href="{{.RelPermalink}}">{{.Title}}</a>{{end}} {{with .NextInSection}}<a href="{{.RelPermalink}}">{{.Title}}</a>{{end}}</nav>
</article>{{end}}
`,
	"_default/list.html": `{{define "main"}}<h1>{{.Title}}</h1>
{{with .Params.description}}<p>{{.}}</p>{{end}}
{{.Content}}
{{$pager := .Paginate .Pages}}
<ol>{{range $pager.Pages}}{{partial "card.html" .}}{{end}}</ol>
{{template "_internal/pagination.html" .}}
{{end}}
`,
	"_default/terms.html": `{{define "main"}}<h1>{{.Title}}</h1>
<ul>{{range .Data.Terms.Alphabetical}}<li><a href="{{.Page.RelPermalink}}">{{.Page.Title}}</a> {{.Count}}</li>{{end}}</ul>
{{end}}
`,
	"index.html": `{{define "main"}}<h1>{{site.Title}}</h1>
{{.Content}}
{{$events := where site.RegularPages "Section" "events"}}
{{$ua := 0}}{{$ru := 0}}{{range $events}}{{range .Params.returned}}{{if .count}}{{if eq .to "ukraine"}}{{$ua = add $ua .count}}{{else}}{{$ru = add $ru .count}}{{end}}{{end}}{{end}}{{end}}
<table><tr><th>Ukraine</th><td>{{$ua}}</td></tr><tr><th>Russia</th><td>{{$ru}}</td></tr></table>
<h2>Latest events</h2>
<ol>{{range first 10 $events.ByDate.Reverse}}{{partial "card.html" .}}{{end}}</ol>
<ul>{{range site.Taxonomies.years.Alphabetical}}<li><a href="{{.Page.RelPermalink}}">{{.Page.Title}}</a></li>{{end}}</ul>
{{end}}
`,
}
