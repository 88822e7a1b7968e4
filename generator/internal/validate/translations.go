package validate

import (
	"fmt"
	"slices"
	"strings"

	"github.com/exchange-timeline/timeline/generator/internal/content"
)

// languages checks the site's languages: codes, each once.
func (c *checker) languages(s *content.Site) {
	for i, l := range s.Languages {
		field := fmt.Sprintf("languages[%d]", i)
		switch {
		case !content.ValidLang(l):
			c.errorf(&s.Doc, field, "use the two-letter code of the language (ISO 639-1), like en, uk or ru", "language %q is not a language code", l)
		case slices.Index(s.Languages, l) < i:
			c.errorf(&s.Doc, field, "remove the repeated code", "language %q is listed twice", l)
		}
	}
	c.tagLabels(&s.Doc, s.Tags)
}

// translations checks every translation file: a language the site has an
// edition in, a main file beside it, and texts only for what the main file
// has. The rules look at the main files, so they run on every check; they
// are a few lookups a file.
func (c *checker) translations() {
	site := c.files.Site
	if site == nil {
		return
	}
	mains := map[string]any{}
	for _, e := range c.files.Events {
		mains[e.Path] = e
	}
	for _, p := range c.files.People {
		mains[p.Path] = p
	}
	for _, st := range c.files.Statements {
		mains[st.Path] = st
	}
	for _, t := range c.files.SiteTranslations {
		if c.translation(&t.Translation, true) {
			c.siteTranslation(t)
		}
	}
	for _, t := range c.files.EventTranslations {
		if e, ok := mains[t.MainPath()].(*content.Event); c.translation(&t.Translation, ok) {
			c.eventTranslation(t, e)
		}
	}
	for _, t := range c.files.PersonTranslations {
		if p, ok := mains[t.MainPath()].(*content.Person); c.translation(&t.Translation, ok) {
			c.textOf(&t.Doc, "description", t.Description, p.Description, p.Path)
			c.textOf(&t.Doc, "captured_place", t.CapturedPlace, p.CapturedPlace, p.Path)
		}
	}
	for _, t := range c.files.StatementTranslations {
		if st, ok := mains[t.MainPath()].(*content.Statement); c.translation(&t.Translation, ok) {
			c.textOf(&t.Doc, "covers", t.Covers, st.Covers, st.Path)
		}
	}
}

// translation checks what every translation needs, its language and its
// main file (hasMain); it reports whether the rules of its type can be
// checked against the main file. Its text is checked apart (checkBodies).
func (c *checker) translation(t *content.Translation, hasMain bool) bool {
	langs := c.files.Site.Languages
	doc := &t.Doc
	ok := true
	switch {
	case len(langs) == 0:
		c.errorf(doc, "", "add languages: [en, "+t.Lang+"] to "+content.SiteFile+": the first is the language of the main files",
			"the site declares no languages, so this translation into %s is not published", t.Lang)
		ok = false
	case t.Lang == langs[0]:
		c.errorf(doc, "", "put its texts in "+t.MainPath(), "%s is the language of the main files: a translation into it translates nothing", t.Lang)
		ok = false
	case !slices.Contains(langs, t.Lang):
		c.errorf(doc, "", "add "+t.Lang+" to languages in "+content.SiteFile+", or rename the file",
			"%s is not among the site's languages (%s)", t.Lang, strings.Join(langs, ", "))
		ok = false
	}
	switch {
	case !hasMain && slices.Contains(c.files.Broken, t.MainPath()):
		ok = false // the main file cannot be read: its own error is the one to fix
	case !hasMain:
		c.errorf(doc, "", "a translation sits beside the file it translates, with its name: rename it, or create "+t.MainPath(),
			"there is no file %s for this translation", t.MainPath())
		ok = false
	}
	return ok
}

// textOf reports a text translated for a field the main file leaves
// empty: it would be shown nowhere.
func (c *checker) textOf(doc *content.Doc, field, translated, main, mainPath string) {
	if translated != "" && main == "" {
		c.errorf(doc, field, "remove it, or add "+field+" to "+mainPath, "%s is translated, but %s has none", field, mainPath)
	}
}

func (c *checker) eventTranslation(t *content.EventTranslation, e *content.Event) {
	doc := &t.Doc
	c.textOf(doc, "summary", t.Summary, e.Summary, e.Path)
	c.textOf(doc, "place", t.Place, e.Place, e.Path)
	c.textOf(doc, "mediator", t.Mediator, e.Mediator, e.Path)
	c.textOf(doc, "stage", t.Stage, e.Stage, e.Path)
	var groups []string
	for _, f := range e.Returned {
		if f.Group != "" && !slices.Contains(groups, f.Group) {
			groups = append(groups, f.Group)
		}
	}
	for i, g := range t.Groups {
		if slices.Contains(groups, g.Key) {
			continue
		}
		hint := "the figures of " + e.Path + " name no group"
		if len(groups) > 0 {
			hint = choiceHint(g.Key, groups)
		}
		c.errorf(doc, fmt.Sprintf("groups[%d]", i), hint, "group %q is not a group of %s", g.Key, e.Path)
	}
}

func (c *checker) siteTranslation(t *content.SiteTranslation) {
	doc := &t.Doc
	c.textOf(doc, "description", t.Description, c.files.Site.Description, content.SiteFile)
	for i, p := range t.Parties {
		field := fmt.Sprintf("parties[%d].id", i)
		switch {
		case !slices.Contains(c.parties, p.ID):
			c.errorf(doc, field, choiceHint(p.ID, c.parties), "unknown party %q", p.ID)
		case slices.IndexFunc(t.Parties, func(o content.Party) bool { return o.ID == p.ID }) < i:
			c.errorf(doc, field, "give each party one name", "duplicate party id %q", p.ID)
		}
	}
	c.tagLabels(doc, t.Tags)
}

// tagLabels checks the labels of tags: valid tags, each once, and each on
// some event (a warning, as a label for a tag no event has yet is only
// unused).
func (c *checker) tagLabels(doc *content.Doc, labels content.Texts) {
	if len(labels) == 0 {
		return
	}
	used := map[string]bool{}
	for _, e := range c.files.Events {
		for _, tag := range e.Tags {
			used[tag] = true
		}
	}
	for i, l := range labels {
		field := fmt.Sprintf("tags[%d]", i)
		switch {
		case !content.ValidID(l.Key):
			c.errorf(doc, field, idHint, "tag %q is not a valid tag", l.Key)
		case !used[l.Key]:
			c.warnf(doc, field, "check the tag, or remove its label", "tag %q is on no event", l.Key)
		}
	}
}

// Untranslated lists the main files of the site without a translation
// into one of its languages.
type Untranslated struct {
	Lang string
	// Total counts the files that can be translated; Paths are those
	// that are not, in the order of the files.
	Total int
	Paths []string
}

// Coverage says, for each language of the site after the first, which
// main files have no translation into it: the site settings, events,
// people and statements. It is what "timeline check" sums up in one line
// per language, as a list of work to do rather than of problems.
func Coverage(files *content.Files) []Untranslated {
	if files.Site == nil || len(files.Site.Languages) < 2 {
		return nil
	}
	translated := map[string]bool{} // lang + main path
	for _, t := range files.Translations() {
		translated[t.Lang+"\x00"+t.MainPath()] = true
	}
	var mains []string
	for _, d := range files.Docs() {
		mains = append(mains, d.Path)
	}
	var out []Untranslated
	for _, lang := range files.Site.Languages[1:] {
		u := Untranslated{Lang: lang, Total: len(mains)}
		for _, p := range mains {
			if !translated[lang+"\x00"+p] {
				u.Paths = append(u.Paths, p)
			}
		}
		out = append(out, u)
	}
	return out
}
