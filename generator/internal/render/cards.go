package render

import (
	"bytes"
	"html/template"
	"sync"

	"github.com/exchange-timeline/timeline/generator/internal/model"
)

// cardCache keeps the HTML of each event's card. An event appears on its
// year page, its tag pages and perhaps the home page; after one edit,
// those pages are rendered again with one new card and the others reused,
// as Hugo's partialCached does.
type cardCache struct {
	ed     *edition
	mu     sync.Mutex
	cards  map[string]cachedCard // by event id
	common uint64                // what every card depends on, this build
}

type cachedCard struct {
	fingerprint fingerprint
	html        template.HTML
}

// start prepares the cache for a build of site.
func (c *cardCache) start(site *model.Site) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.common = c.ed.common(site)
	if c.cards == nil {
		c.cards = map[string]cachedCard{}
	}
	if len(c.cards) > len(site.Events)+len(site.Events)/4 {
		live := make(map[string]cachedCard, len(site.Events))
		for _, e := range site.Events {
			if card, ok := c.cards[e.ID]; ok {
				live[e.ID] = card
			}
		}
		c.cards = live
	}
}

// render returns the card of e, from the cache when its inputs have not
// changed.
func (c *cardCache) render(e *model.Event) (template.HTML, error) {
	h := hasher{v: c.common}
	h.card(e)
	fp := h.sum()
	c.mu.Lock()
	card, ok := c.cards[e.ID]
	c.mu.Unlock()
	if ok && card.fingerprint == fp {
		return card.html, nil
	}
	var buf bytes.Buffer
	if err := c.ed.partials.ExecuteTemplate(&buf, "card", e); err != nil {
		return "", err
	}
	// The template's output is escaped HTML.
	card = cachedCard{fp, template.HTML(buf.String())}
	c.mu.Lock()
	c.cards[e.ID] = card
	c.mu.Unlock()
	return card.html, nil
}
