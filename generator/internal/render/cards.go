package render

import (
	"bytes"
	"html/template"
	"sync"

	"github.com/exchange-timeline/timeline/generator/internal/model"
)

// eventCache keeps the HTML of one template executed for each event: the
// event's card, or its row in the table of every event. An event's card
// appears on its year page, its tag pages and perhaps the home page; every
// row is on /events/. After one edit, those pages are rendered again with
// one new card or row and the others reused, as Hugo's partialCached does.
type eventCache struct {
	r        *Renderer
	template string
	mu       sync.Mutex
	html     map[string]cachedHTML // by event id
	common   uint64                // what every fragment depends on, this build
}

type cachedHTML struct {
	fingerprint fingerprint
	html        template.HTML
}

// start prepares the cache for a build of site.
func (c *eventCache) start(site *model.Site) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.common = c.r.common(site)
	if c.html == nil {
		c.html = map[string]cachedHTML{}
	}
	if len(c.html) > len(site.Events)+len(site.Events)/4 {
		live := make(map[string]cachedHTML, len(site.Events))
		for _, e := range site.Events {
			if h, ok := c.html[e.ID]; ok {
				live[e.ID] = h
			}
		}
		c.html = live
	}
}

// render returns the template executed with data for event e, from the
// cache when what deps hashes (all that data shows) has not changed.
func (c *eventCache) render(e *model.Event, data any, deps func(*hasher)) (template.HTML, error) {
	h := hasher{v: c.common}
	deps(&h)
	fp := h.sum()
	c.mu.Lock()
	cached, ok := c.html[e.ID]
	c.mu.Unlock()
	if ok && cached.fingerprint == fp {
		return cached.html, nil
	}
	var buf bytes.Buffer
	if err := c.r.layouts.partials.ExecuteTemplate(&buf, c.template, data); err != nil {
		return "", err
	}
	// The template's output is escaped HTML.
	cached = cachedHTML{fp, template.HTML(buf.String())}
	c.mu.Lock()
	c.html[e.ID] = cached
	c.mu.Unlock()
	return cached.html, nil
}

// card is the template function eventCard: the "card" template, which may
// show only the event and its people.
func (r *Renderer) card(e *model.Event) (template.HTML, error) {
	return r.cards.render(e, e, func(h *hasher) { h.card(e) })
}
