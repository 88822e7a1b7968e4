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
<p>{{.Moved}}</p>
</body>
</html>
`))

// redirects returns a redirect output for each earlier id of each event and
// person, in the edition of s.
func (ed *edition) redirects(s *model.Site, common uint64) []output {
	var outs []output
	add := func(dir string, doc *content.Doc, old []string, title, target string, to model.Hashed) {
		moved, err := ed.t("page.moved", "Link", link(ed.url(target), title))
		if err != nil {
			panic(err) // checkMessages found the message
		}
		for k, id := range old {
			page := struct {
				Lang, Policy, Title, Canonical, Target string
				Moved                                  template.HTML
			}{Lang: ed.lang, Policy: site.ContentSecurityPolicy, Title: title, Canonical: ed.absURL(target), Target: ed.url(target), Moved: moved}
			path := ed.prefix + dir + id + "/index.html"
			outs = append(outs, output{path: path, kind: site.Redirect, fingerprint: fingerprintOf(named(common, path), to),
				write: func(buf *bytes.Buffer) error { return redirectPage.Execute(buf, page) },
				from:  validate.Output{Doc: doc, Field: fmt.Sprintf("redirect_from[%d]", k)}})
		}
	}
	for _, e := range s.Events {
		if len(e.RedirectFrom) > 0 {
			add("events/", &e.Doc, e.RedirectFrom, e.Title, e.Path(), e)
		}
	}
	for _, p := range s.People {
		if len(p.RedirectFrom) > 0 {
			add("people/", &p.Doc, p.RedirectFrom, p.Name, p.Path(), p)
		}
	}
	return outs
}
