package render

import (
	"bytes"
	"fmt"
	"html/template"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/model"
	"github.com/exchange-timeline/timeline/generator/internal/site"
	"github.com/exchange-timeline/timeline/generator/internal/validate"
)

// A redirect page stands at the URL a page had before its file was renamed
// (redirect_from): a meta refresh, a canonical link and a visible link, so
// that links people shared keep working on a static host. It is part of
// the generator rather than the layouts, as it must work whatever they are.
var redirectPage = template.Must(template.New("redirect").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{.Policy}}">
<title>{{.Title}}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{{.Canonical}}">
<meta http-equiv="refresh" content="0; url={{.Target}}">
</head>
<body>
<p>This page has moved: <a href="{{.Target}}">{{.Title}}</a>.</p>
</body>
</html>
`))

// redirects returns a redirect output for each earlier id of each event and
// person.
func (r *Renderer) redirects(s *model.Site) []output {
	var outs []output
	add := func(dir string, doc *content.Doc, old []string, title, target string, deps func(*hasher)) {
		for k, id := range old {
			page := struct{ Lang, Policy, Title, Canonical, Target string }{
				Lang: s.Lang, Policy: site.ContentSecurityPolicy, Title: title, Canonical: r.absURL(target), Target: r.url(target)}
			if page.Lang == "" {
				page.Lang = "en"
			}
			outs = append(outs, output{path: dir + id + "/index.html", kind: site.Redirect, deps: deps,
				write: func(buf *bytes.Buffer) error { return redirectPage.Execute(buf, page) },
				from:  validate.Output{Doc: doc, Field: fmt.Sprintf("redirect_from[%d]", k)}})
		}
	}
	for _, e := range s.Events {
		if len(e.RedirectFrom) > 0 {
			add("events/", &e.Doc, e.RedirectFrom, e.Title, e.Path(), func(h *hasher) { h.doc(&e.Doc) })
		}
	}
	for _, p := range s.People {
		if len(p.RedirectFrom) > 0 {
			add("people/", &p.Doc, p.RedirectFrom, p.Name, p.Path(), func(h *hasher) { h.doc(&p.Doc) })
		}
	}
	return outs
}
