package render

import (
	"bytes"
	"encoding/xml"
	"strconv"

	"github.com/exchange-timeline/timeline/generator/internal/site"
)

type urlSet struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	// XHTML declares the namespace of the alternates' links.
	XHTML string       `xml:"xmlns:xhtml,attr,omitempty"`
	URLs  []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc string `xml:"loc"`
	// Alternates are the page in every edition, and x-default, when the
	// site has several.
	Alternates []sitemapLink `xml:"xhtml:link"`
}

type sitemapLink struct {
	Rel      string `xml:"rel,attr"`
	HrefLang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

type sitemapIndex struct {
	XMLName  xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
	Sitemaps []sitemapURL `xml:"sitemap"`
}

// SitemapLimit is the most URLs one sitemap file may list, by the sitemap
// protocol.
const SitemapLimit = 50000

// sitemaps writes /sitemap.xml with every page of every edition, each with
// its alternates in the others; past SitemapLimit pages it is an index of
// /sitemap-1.xml, /sitemap-2.xml and so on. The protocol wants absolute
// URLs; without an origin in -base-url they are site-absolute paths.
func (r *Renderer) sitemaps(pages []output, common uint64) []output {
	var paths []*Page
	for _, p := range pages {
		if p.kind != site.NotFound {
			paths = append(paths, p.page)
		}
	}
	if len(paths) <= SitemapLimit {
		return []output{r.urlSet("sitemap.xml", paths, common)}
	}
	var outs []output
	var index sitemapIndex
	var names []string
	for i := 0; i*SitemapLimit < len(paths); i++ {
		name := "sitemap-" + strconv.Itoa(i+1) + ".xml"
		outs = append(outs, r.urlSet(name, paths[i*SitemapLimit:min((i+1)*SitemapLimit, len(paths))], common))
		index.Sitemaps = append(index.Sitemaps, sitemapURL{Loc: r.absURL(name)})
		names = append(names, name)
	}
	return append(outs, output{path: "sitemap.xml", kind: site.Sitemap, fingerprint: fingerprintOfNames(named(common, "sitemap.xml"), names...),
		write: func(buf *bytes.Buffer) error { return writeXML(buf, index) }})
}

func (r *Renderer) urlSet(name string, pages []*Page, common uint64) output {
	names := make([]string, 2*len(pages))
	for i, p := range pages {
		names[2*i], names[2*i+1] = p.Edition.Lang, p.Path
	}
	return output{path: name, kind: site.Sitemap, fingerprint: fingerprintOfNames(named(common, name), names...),
		write: func(buf *bytes.Buffer) error {
			set := urlSet{URLs: make([]sitemapURL, len(pages))}
			for i, p := range pages {
				u := &set.URLs[i]
				alternates := p.ed.alternates(p.Path)
				for _, a := range alternates {
					if a.Current {
						u.Loc = a.AbsURL
					}
				}
				if len(alternates) < 2 {
					continue
				}
				set.XHTML = "http://www.w3.org/1999/xhtml"
				for _, a := range alternates {
					u.Alternates = append(u.Alternates, sitemapLink{Rel: "alternate", HrefLang: a.Lang, Href: a.AbsURL})
				}
				u.Alternates = append(u.Alternates, sitemapLink{Rel: "alternate", HrefLang: "x-default", Href: alternates[0].AbsURL})
			}
			return writeXML(buf, set)
		}}
}

// writeXML writes v as an indented XML document.
func writeXML(buf *bytes.Buffer, v any) error {
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(buf)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	return buf.WriteByte('\n')
}

// robots writes /robots.txt, pointing crawlers at the sitemap when its
// absolute address is known.
func (r *Renderer) robots(common uint64) output {
	return output{path: "robots.txt", kind: site.Robots, fingerprint: named(common, "robots.txt"), write: func(buf *bytes.Buffer) error {
		buf.WriteString("User-agent: *\nAllow: /\n")
		if r.opts.BaseURL.Origin != "" {
			buf.WriteString("Sitemap: " + r.absURL("sitemap.xml") + "\n")
		}
		return nil
	}}
}

// nojekyll writes /.nojekyll, which tells GitHub Pages to publish the files
// as they are.
func nojekyll(common uint64) output {
	return output{path: ".nojekyll", kind: site.NoJekyll, fingerprint: named(common, ".nojekyll"), write: func(*bytes.Buffer) error { return nil }}
}
