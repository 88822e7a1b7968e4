package render

import (
	"fmt"
	"slices"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/model"
	"github.com/exchange-timeline/timeline/generator/internal/site"
	"github.com/exchange-timeline/timeline/generator/internal/validate"
)

// A Plan lists the files of one build of a site, before they are rendered.
type Plan struct {
	sites []*model.Site // an edition each, as model.Editions builds them
	outs  []output
}

// Plan lists the files the site will have, from its editions: a Site per
// language of the renderer's Options, in their order.
func (r *Renderer) Plan(sites []*model.Site) *Plan {
	return &Plan{sites: sites, outs: r.outputs(sites)}
}

// Outputs lists the files of the plan, each with the content that makes
// it, for validate.Outputs: the check and the build look at the same list
// before anything is rendered.
func (p *Plan) Outputs() []validate.Output {
	list := make([]validate.Output, len(p.outs))
	for i, o := range p.outs {
		list[i] = o.from
		list[i].Path = o.path
		if o.kind == site.Static {
			list[i].Static = "static/" + o.path
		}
		if o.page != nil && o.from.Doc == nil {
			list[i].Doc, list[i].Field = pageOrigin(o.page)
		}
	}
	return list
}

// pageOrigin is the content that makes a page: an event's or a person's
// file; for a tag's or a year's pages, the first event that names it.
func pageOrigin(p *Page) (doc *content.Doc, field string) {
	switch {
	case p.Event != nil:
		return &p.Event.Doc, ""
	case p.Person != nil:
		return &p.Person.Doc, ""
	case p.Tag != nil && len(p.Tag.Events) > 0:
		e := p.Tag.Events[0]
		return &e.Doc, fmt.Sprintf("tags[%d]", slices.Index(e.Event.Tags, p.Tag.Name))
	case p.Year != nil && len(p.Year.Events) > 0:
		return &p.Year.Events[0].Doc, "date"
	}
	return nil, ""
}
