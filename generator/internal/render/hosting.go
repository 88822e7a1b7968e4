package render

import (
	"bytes"
	"encoding/xml"
	"strconv"

	"github.com/exchange-timeline/timeline/generator/internal/site"
)

type urlSet struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc string `xml:"loc"`
}

type sitemapIndex struct {
	XMLName  xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
	Sitemaps []sitemapURL `xml:"sitemap"`
}

// SitemapLimit is the most URLs one sitemap file may list, by the sitemap
// protocol.
const SitemapLimit = 50000

// sitemaps writes /sitemap.xml with every page; past SitemapLimit pages it
// is an index of /sitemap-1.xml, /sitemap-2.xml and so on. The protocol
// wants absolute URLs; without an origin in -base-url they are site-absolute
// paths.
func (r *Renderer) sitemaps(pages []output, common uint64) []output {
	var paths []string
	for _, p := range pages {
		if p.kind != site.NotFound {
			paths = append(paths, p.page.Path)
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

func (r *Renderer) urlSet(name string, paths []string, common uint64) output {
	return output{path: name, kind: site.Sitemap, fingerprint: fingerprintOfNames(named(common, name), paths...),
		write: func(buf *bytes.Buffer) error {
			set := urlSet{URLs: make([]sitemapURL, len(paths))}
			for i, p := range paths {
				set.URLs[i].Loc = r.absURL(p)
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
