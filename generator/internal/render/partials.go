package render

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"sync"
)

// partialCache renders a template once per build for each key and reuses
// the HTML, as Hugo's partialCached does: the page header, which differs
// only by which navigation link is current, is the same on ten thousand
// event pages. It is emptied at the start of every build, so the cached
// HTML may depend on anything every page's fingerprint covers (the site
// settings, the layouts, the base URL) and on its key.
type partialCache struct {
	ed   *edition
	mu   sync.Mutex
	html map[string]template.HTML
}

func (c *partialCache) start() {
	c.mu.Lock()
	c.html = map[string]template.HTML{}
	c.mu.Unlock()
}

// render is the template function partialCached NAME DATA KEY...: the
// template NAME executed with DATA the first time this build it is called
// with these keys, and the same HTML afterwards. Only what the keys tell
// apart may vary with DATA.
func (c *partialCache) render(name string, data any, keys ...any) (template.HTML, error) {
	key := name + "\x00" + fmt.Sprint(keys...)
	c.mu.Lock()
	html, ok := c.html[key]
	c.mu.Unlock()
	if ok {
		return html, nil
	}
	var buf bytes.Buffer
	if err := c.ed.partials.ExecuteTemplate(&buf, name, data); err != nil {
		return "", err
	}
	// The template's output is escaped HTML.
	html = template.HTML(strings.Clone(buf.String()))
	c.mu.Lock()
	c.html[key] = html
	c.mu.Unlock()
	return html, nil
}
