package render

import (
	"github.com/exchange-timeline/timeline/generator/internal/diag"
	"github.com/exchange-timeline/timeline/generator/internal/model"
)

// Shadowed reports the static files of the layouts that have the path of a
// file the site generates (a static/robots.txt, a static/events/x/index.html
// beside an event x): one of the two would silently replace the other. It
// renders nothing, so that check can tell before a build.
func (r *Renderer) Shadowed(site *model.Site) diag.List {
	return shadowed(r.outputs(site))
}

func shadowed(outs []output) diag.List {
	generated := make(map[string]bool, len(outs))
	for _, o := range outs {
		if o.kind != "static" {
			generated[o.path] = true
		}
	}
	var diags diag.List
	for _, o := range outs {
		if o.kind == "static" && generated[o.path] {
			diags = append(diags, diag.Diagnostic{Path: "static/" + o.path,
				Message: "this static file has the path of a file the site generates, " + o.path,
				Hint:    "rename or remove it: one of the two would replace the other"})
		}
	}
	return diags
}
