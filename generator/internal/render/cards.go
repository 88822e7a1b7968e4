package render

import (
	"bytes"
	"html/template"
	"sync"

	"github.com/exchange-timeline/timeline/generator/internal/digest"
	"github.com/exchange-timeline/timeline/generator/internal/model"
)

// cardCache keeps the HTML of the cards of model values: a template
// executed with one event or one person, shown on every list the value is
// on. An event appears on its year page, its tag pages and perhaps the
// home page; after one edit, those pages are rendered again with one new
// card and the others reused, as Hugo's partialCached does. A card is
// found by its template and the hash of its value (model/hash.go), so it
// is used again exactly while neither changes.
type cardCache struct {
	ed     *edition
	mu     sync.Mutex
	cards  map[uint64]cachedCard // by fingerprint
	common uint64                // what every card depends on, this build
	build  int                   // counts the builds, to forget unused cards
}

type cachedCard struct {
	text string
	used int // the last build that used it
}

// start prepares the cache for a build of s, forgetting the cards the last
// build did not use when they are many.
func (c *cardCache) start(s *model.Site) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.common = c.ed.common(s)
	if c.cards == nil {
		c.cards = map[uint64]cachedCard{}
	}
	used := 0
	for _, card := range c.cards {
		if card.used == c.build {
			used++
		}
	}
	if len(c.cards) > used+used/4 {
		for fp, card := range c.cards {
			if card.used != c.build {
				delete(c.cards, fp)
			}
		}
	}
	c.build++
}

// render is the template function cached NAME VALUE: the template NAME
// executed with VALUE, from the cache while the value's hash is the same.
// The template may show only what the value's hash covers.
func (c *cardCache) render(name string, v model.Hashed) (template.HTML, error) {
	html, err := c.get(name, v, func(buf *bytes.Buffer) error {
		return c.ed.partials.ExecuteTemplate(buf, name, v)
	})
	// The template's output is escaped HTML.
	return template.HTML(html), err
}

// get returns the piece of output called name that write makes of v (a
// card, a row of a table, lines of a CSV file), from the cache while v's
// hash is the same. write may use only what the hash covers.
func (c *cardCache) get(name string, v model.Hashed, write func(*bytes.Buffer) error) (string, error) {
	d := digest.Of(c.common)
	d.String(name)
	d.Uint(v.Hash())
	fp := d.Sum()
	c.mu.Lock()
	card, ok := c.cards[fp]
	if ok {
		card.used = c.build
		c.cards[fp] = card
	}
	c.mu.Unlock()
	if ok {
		return card.text, nil
	}
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return "", err
	}
	card = cachedCard{buf.String(), c.build}
	c.mu.Lock()
	c.cards[fp] = card
	c.mu.Unlock()
	return card.text, nil
}
