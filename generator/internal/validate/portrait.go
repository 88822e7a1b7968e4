package validate

import (
	"path"
	"slices"
	"strings"

	"github.com/exchange-timeline/timeline/generator/internal/content"
)

// portraitName reports whether a portrait names what it may: a JPEG or PNG
// image in the layouts' static/portraits/ folder, with a name that is a
// valid id, so safe in a URL.
func portraitName(p string) bool {
	name, ok := strings.CutPrefix(p, "portraits/")
	ext := path.Ext(name)
	return ok && slices.Contains([]string{".jpg", ".jpeg", ".png"}, ext) && content.ValidID(strings.TrimSuffix(name, ext))
}

// portrait checks a person's portrait fields: a file name the site can
// publish, and a text alternative for the picture (WCAG 1.1.1). Whether
// the file exists is for Portraits, which knows the layouts' files.
func (c *checker) portrait(p *content.Person) {
	doc := &p.Doc
	switch {
	case p.Portrait != "" && !portraitName(p.Portrait):
		c.errorf(doc, "portrait", "put a JPEG or PNG image in layouts/static/portraits/ and write its name, like portraits/dmytro-khyliuk.jpg",
			"portrait %q is not an image in portraits/", p.Portrait)
	case p.Portrait != "" && p.PortraitAlt == "":
		c.errorf(doc, "portrait", "add portrait_alt: what the picture shows, for people who cannot see it",
			"portrait has no portrait_alt")
	case p.Portrait == "" && p.PortraitAlt != "":
		c.errorf(doc, "portrait_alt", "add portrait: with the image, or remove portrait_alt",
			"portrait_alt without a portrait")
	}
}
