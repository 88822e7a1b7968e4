package render

import (
	"bytes"
	"html/template"
	"sync"

	"github.com/exchange-timeline/timeline/generator/internal/model"
)

// eventCache keeps a fragment of output made for each event: its card, its
// row in the table of every event, its lines in a CSV file. An event's
// card appears on its year page, its tag pages and perhaps the home page;
// every row and line is in one long file. After one edit, those files are
// written again with one new fragment and the others reused, as Hugo's
// partialCached does.
type eventCache struct {
	r *Renderer
	// reuse says fragments are kept for later calls: the next build's, or
	// this build's other pages'.
	reuse  bool
	mu     sync.Mutex
	cached map[string]fragment // by event id
	common uint64              // what every fragment depends on, this build
	// size is the length of the last file written from the fragments, to
	// size the next one's buffer.
	size int
}

type fragment struct {
	fingerprint fingerprint
	text        string
}

// start prepares the cache for a build of site.
func (c *eventCache) start(site *model.Site) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.common = c.r.common(site)
	if c.cached == nil {
		c.cached = map[string]fragment{}
	}
	if len(c.cached) > len(site.Events)+len(site.Events)/4 {
		live := make(map[string]fragment, len(site.Events))
		for _, e := range site.Events {
			if f, ok := c.cached[e.ID]; ok {
				live[e.ID] = f
			}
		}
		c.cached = live
	}
}

// get returns event e's fragment, which write makes, from the cache when
// what deps hashes (everything write reads) has not changed.
func (c *eventCache) get(e *model.Event, deps func(*hasher), write func(*bytes.Buffer) error) (string, error) {
	h := hasher{v: c.common}
	deps(&h)
	fp := h.sum()
	c.mu.Lock()
	cached, ok := c.cached[e.ID]
	c.mu.Unlock()
	if ok && cached.fingerprint == fp {
		return cached.text, nil
	}
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return "", err
	}
	cached = fragment{fp, buf.String()}
	if c.reuse {
		c.mu.Lock()
		c.cached[e.ID] = cached
		c.mu.Unlock()
	}
	return cached.text, nil
}

func (c *eventCache) lastSize() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.size
}

func (c *eventCache) setSize(n int) {
	c.mu.Lock()
	c.size = n
	c.mu.Unlock()
}

// render is get for the partial template name executed with data.
func (c *eventCache) render(name string, e *model.Event, data any, deps func(*hasher)) (template.HTML, error) {
	html, err := c.get(e, deps, func(buf *bytes.Buffer) error {
		return c.r.layouts.partials.ExecuteTemplate(buf, name, data)
	})
	// The template's output is escaped HTML.
	return template.HTML(html), err
}

// card is the template function eventCard: the "card" template, which may
// show only the event and its people.
func (r *Renderer) card(e *model.Event) (template.HTML, error) {
	return r.cards.render("card", e, e, func(h *hasher) { h.card(e) })
}
