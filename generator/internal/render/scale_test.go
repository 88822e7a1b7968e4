package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/exchange-timeline/timeline/generator/internal/lang"
	"github.com/exchange-timeline/timeline/generator/internal/site"
)

// Past SitemapLimit URLs, sitemap.xml is an index of parts, each within the
// limit, that together list every page once.
func TestSitemapIndex(t *testing.T) {
	r := &Renderer{opts: Options{BaseURL: site.BaseURL{Path: "/repo/", Origin: "https://owner.github.io"}}}
	catalogs, errs := lang.LoadCatalogs(os.DirFS("../../../layouts"), []string{"en"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	ed := &edition{r: r, lang: "en", catalog: catalogs["en"]}
	r.editions = []*edition{ed}
	en := &Edition{Lang: "en"}
	var pages []output
	for i := range 2*SitemapLimit + 10 {
		path := fmt.Sprintf("events/e%d/", i)
		p := &Page{Kind: site.Event, Path: path, Edition: en, ed: ed}
		pages = append(pages, output{path: p.Path + "index.html", kind: p.Kind, page: p})
	}
	pages = append(pages, output{path: "404.html", kind: site.NotFound, page: &Page{Kind: site.NotFound, Path: "404.html"}})
	outs := r.sitemaps(pages, 0)
	if len(outs) != 4 || outs[3].path != "sitemap.xml" {
		t.Fatalf("outputs: %d, last %s", len(outs), outs[len(outs)-1].path)
	}
	var index struct {
		XMLName  xml.Name
		Sitemaps []struct {
			Loc string `xml:"loc"`
		} `xml:"sitemap"`
	}
	unmarshal(t, outs[3], &index)
	if index.XMLName.Local != "sitemapindex" || len(index.Sitemaps) != 3 || index.Sitemaps[0].Loc != "https://owner.github.io/repo/sitemap-1.xml" {
		t.Errorf("index: %+v", index)
	}
	seen := map[string]bool{}
	for _, part := range outs[:3] {
		var set struct {
			URLs []struct {
				Loc string `xml:"loc"`
			} `xml:"url"`
		}
		unmarshal(t, part, &set)
		if len(set.URLs) > SitemapLimit {
			t.Errorf("%s lists %d URLs", part.path, len(set.URLs))
		}
		for _, u := range set.URLs {
			if seen[u.Loc] || strings.HasSuffix(u.Loc, "404.html") {
				t.Errorf("%s listed twice, or a 404 page", u.Loc)
			}
			seen[u.Loc] = true
		}
	}
	if len(seen) != 2*SitemapLimit+10 {
		t.Errorf("%d pages listed, want %d", len(seen), 2*SitemapLimit+10)
	}
}

func unmarshal(t *testing.T, o output, v any) {
	t.Helper()
	var buf bytes.Buffer
	if err := o.write(&buf); err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(buf.Bytes(), v); err != nil {
		t.Fatalf("%s: %v", o.path, err)
	}
}

// A list is cut into pages of the given size: the first at the list's own
// path, the others at page/N/, each linking to all.
func TestPaginate(t *testing.T) {
	items := make([]int, 205)
	var got []string
	outs := Paginate(items, 100, "tags/x/", func(page []int, pager *Pager, path string) *Page {
		prev, next := "", ""
		if l := pager.Prev(); l != nil {
			prev = l.Path
		}
		if l := pager.Next(); l != nil {
			next = l.Path
		}
		got = append(got, fmt.Sprintf("%s %d items, page %d of %d, prev %q, next %q", path, len(page), pager.Number, len(pager.Pages), prev, next))
		return &Page{Path: path}
	})
	want := []string{
		`tags/x/ 100 items, page 1 of 3, prev "", next "tags/x/page/2/"`,
		`tags/x/page/2/ 100 items, page 2 of 3, prev "tags/x/", next "tags/x/page/3/"`,
		`tags/x/page/3/ 5 items, page 3 of 3, prev "tags/x/page/2/", next ""`,
	}
	if len(outs) != 3 || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s", strings.Join(got, "\n"))
	}
	one := Paginate(items[:100], 100, "tags/y/", func(page []int, pager *Pager, path string) *Page {
		if pager != nil || len(page) != 100 || path != "tags/y/" {
			t.Errorf("a list that fits one page: %v %d %s", pager, len(page), path)
		}
		return &Page{Path: path}
	})
	if len(one) != 1 {
		t.Errorf("%d pages for a list that fits one", len(one))
	}
}
