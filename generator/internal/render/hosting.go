package render

import (
	"bytes"
	"encoding/xml"

	"github.com/exchange-timeline/timeline/generator/internal/model"
)

type urlSet struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc string `xml:"loc"`
}

// sitemap writes /sitemap.xml with every page. The sitemap protocol wants
// absolute URLs; without an origin in -base-url they are site-absolute paths.
func (r *Renderer) sitemap(s *model.Site) output {
	return output{path: "sitemap.xml", kind: "sitemap", write: func(buf *bytes.Buffer) error {
		set := urlSet{}
		add := func(p string) { set.URLs = append(set.URLs, sitemapURL{Loc: r.absURL(p)}) }
		add("")
		for _, e := range s.Events {
			add(e.Path())
		}
		add("people/")
		for _, p := range s.People {
			add(p.Path())
		}
		add("years/")
		for _, y := range s.Years {
			add(y.Path())
		}
		add("tags/")
		for _, t := range s.Tags {
			add(t.Path())
		}
		buf.WriteString(xml.Header)
		enc := xml.NewEncoder(buf)
		enc.Indent("", "  ")
		if err := enc.Encode(set); err != nil {
			return err
		}
		return buf.WriteByte('\n')
	}}
}

// robots writes /robots.txt, pointing crawlers at the sitemap when its
// absolute address is known.
func (r *Renderer) robots() output {
	return output{path: "robots.txt", kind: "robots", deps: constant, write: func(buf *bytes.Buffer) error {
		buf.WriteString("User-agent: *\nAllow: /\n")
		if r.opts.BaseURL.Origin != "" {
			buf.WriteString("Sitemap: " + r.absURL("sitemap.xml") + "\n")
		}
		return nil
	}}
}

// nojekyll writes /.nojekyll, which tells GitHub Pages to publish the files
// as they are.
func nojekyll() output {
	return output{path: ".nojekyll", kind: "nojekyll", deps: constant, write: func(*bytes.Buffer) error { return nil }}
}
