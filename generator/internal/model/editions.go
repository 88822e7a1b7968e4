package model

import (
	"slices"
	"sync"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/digest"
)

// The site is published in each of its languages (content.Site.Languages):
// an edition per language, the first at the site's root. Every edition has
// every page; they differ only in their texts. So an edition is built as a
// whole site, from the main files with the texts of its translations put in
// their place (Localize): the rest of the model, and the renderer, need not
// know about translations, and an edition's pages change, in watch mode,
// with the hashes of the files they show, translations included.

// DefaultLanguage is the language of a site that declares none.
const DefaultLanguage = "en"

// Languages returns the languages of the site, the main files' first,
// each once; codes the validator refuses are left out, so that a mistake
// there is reported once, where it is.
func Languages(s *content.Site) []string {
	var langs []string
	if s != nil {
		for _, l := range s.Languages {
			if content.ValidLang(l) && !slices.Contains(langs, l) {
				langs = append(langs, l)
			}
		}
	}
	if len(langs) == 0 {
		return []string{DefaultLanguage}
	}
	return langs
}

// Editions builds the edition of every language of a site, and keeps what
// it needs to build them again, as watch mode does, patching rather than
// rebuilding.
type Editions struct {
	editions map[string]*edition
}

type edition struct {
	localized localizer
	models    Cache
}

// Build returns one Site per language of files.Site, in the order of the
// languages: the first is the main files', the others are the
// translations'. They are built in parallel. With keep, what they are
// built from is kept for the next Build.
func (eds *Editions) Build(files *content.Files, opts Options, keep bool) []*Site {
	langs := Languages(files.Site)
	if eds.editions == nil || !keep {
		eds.editions = map[string]*edition{}
	}
	sites := make([]*Site, len(langs))
	var wg sync.WaitGroup
	for i, lang := range langs {
		ed := eds.editions[lang]
		if ed == nil {
			ed = &edition{}
			eds.editions[lang] = ed
		}
		o := opts
		o.Lang, o.Languages = lang, langs
		if keep {
			o.Cache = &ed.models
		}
		wg.Go(func() {
			f := files
			if i > 0 {
				f = ed.localized.files(files, lang, langs[0])
			}
			sites[i] = Build(f, o)
		})
	}
	wg.Wait()
	for lang := range eds.editions {
		if !slices.Contains(langs, lang) {
			delete(eds.editions, lang)
		}
	}
	return sites
}

// A localizer makes the files of one edition: a copy of each main file
// with the texts of its translation into the edition's language. It keeps
// its copies, so that an unchanged file and translation give the same copy
// on the next build, as the model's Cache expects of unchanged files.
type localizer struct {
	copies map[any]localized // by main file
}

type localized struct {
	translation any // the translation it was made with, or nil
	copy        any
}

// files returns the files of the edition in lang; fallback is the main
// files' language.
func (l *localizer) files(files *content.Files, lang, fallback string) *content.Files {
	index := translationsIn(files, lang)
	old := l.copies
	l.copies = make(map[any]localized, len(old))
	// localize returns the copy of main for its translation tr (nil
	// when it has none), reusing the last one when neither changed.
	localize := func(main, tr any, make func() any) any {
		if c, ok := old[main]; ok && c.translation == tr {
			l.copies[main] = c
			return c.copy
		}
		c := localized{tr, make()}
		l.copies[main] = c
		return c.copy
	}
	shown := func(untranslated []string) content.Shown {
		return content.Shown{Fallback: fallback, Untranslated: untranslated}
	}
	out := &content.Files{
		Events:     make([]*content.Event, len(files.Events)),
		People:     make([]*content.Person, len(files.People)),
		Statements: make([]*content.Statement, len(files.Statements)),
	}
	out.Site = localize(files.Site, index[files.Site.Path], func() any {
		tr, _ := index[files.Site.Path].(*content.SiteTranslation)
		return localizeSite(files.Site, tr, shown)
	}).(*content.Site)
	for i, e := range files.Events {
		out.Events[i] = localize(e, index[e.Path], func() any {
			tr, _ := index[e.Path].(*content.EventTranslation)
			return localizeEvent(e, tr, shown)
		}).(*content.Event)
	}
	for i, p := range files.People {
		out.People[i] = localize(p, index[p.Path], func() any {
			tr, _ := index[p.Path].(*content.PersonTranslation)
			return localizePerson(p, tr, shown)
		}).(*content.Person)
	}
	for i, st := range files.Statements {
		out.Statements[i] = localize(st, index[st.Path], func() any {
			tr, _ := index[st.Path].(*content.StatementTranslation)
			return localizeStatement(st, tr, shown)
		}).(*content.Statement)
	}
	return out
}

// translationsIn indexes the translations into lang by the path of the
// file they translate.
func translationsIn(files *content.Files, lang string) map[string]any {
	index := map[string]any{}
	for _, t := range files.SiteTranslations {
		if t.Lang == lang {
			index[t.MainPath()] = t
		}
	}
	for _, t := range files.EventTranslations {
		if t.Lang == lang {
			index[t.MainPath()] = t
		}
	}
	for _, t := range files.PersonTranslations {
		if t.Lang == lang {
			index[t.MainPath()] = t
		}
	}
	for _, t := range files.StatementTranslations {
		if t.Lang == lang {
			index[t.MainPath()] = t
		}
	}
	return index
}

// texts puts translated texts in place of the main file's. A text the
// main file has and the translation lacks stays, and is named in
// untranslated by its field; the body is "body".
type texts struct {
	untranslated []string
}

func (t *texts) put(field string, main *string, translated string) {
	switch {
	case translated != "":
		*main = translated
	case *main != "":
		t.untranslated = append(t.untranslated, field)
	}
}

// mix makes the copy's hash cover its translation's bytes too, so that
// what depends on the copy changes with either file.
func mix(main, translation uint64) uint64 {
	d := digest.Of(main)
	d.Uint(translation)
	return d.Sum()
}

func localizeSite(s *content.Site, tr *content.SiteTranslation, shown func([]string) content.Shown) *content.Site {
	c := *s
	var t texts
	if tr != nil {
		c.Hash = mix(s.Hash, tr.Hash)
	} else {
		tr = &content.SiteTranslation{}
	}
	t.put("title", &c.Title, tr.Title)
	t.put("description", &c.Description, tr.Description)
	t.put("body", &c.Body, tr.Body)
	c.Parties = slices.Clone(s.Parties)
	for i := range c.Parties {
		p := &c.Parties[i]
		if k := slices.IndexFunc(tr.Parties, func(q content.Party) bool { return q.ID == p.ID }); k >= 0 {
			p.Name = tr.Parties[k].Name
		} else {
			p.Lang = shown(nil).Fallback
		}
	}
	// Tags keep the main files' labels where the translation has none.
	c.Tags = slices.Clone(s.Tags)
	for _, l := range c.Tags {
		if tr.Tags.Get(l.Key) == "" {
			t.untranslated = append(t.untranslated, "tags."+l.Key)
		}
	}
	for _, l := range tr.Tags {
		if i := slices.IndexFunc(c.Tags, func(m content.KeyedText) bool { return m.Key == l.Key }); i >= 0 {
			c.Tags[i].Text = l.Text
		} else {
			c.Tags = append(c.Tags, l)
		}
	}
	c.Shown = shown(t.untranslated)
	return &c
}

func localizeEvent(e *content.Event, tr *content.EventTranslation, shown func([]string) content.Shown) *content.Event {
	c := *e
	var t texts
	var groups content.Texts
	if tr != nil {
		c.Hash = mix(e.Hash, tr.Hash)
		groups = tr.Groups
	} else {
		tr = &content.EventTranslation{}
	}
	t.put("title", &c.Title, tr.Title)
	t.put("summary", &c.Summary, tr.Summary)
	t.put("place", &c.Place, tr.Place)
	t.put("mediator", &c.Mediator, tr.Mediator)
	t.put("stage", &c.Stage, tr.Stage)
	t.put("body", &c.Body, tr.Body)
	if len(e.Returned) > 0 {
		c.Returned = slices.Clone(e.Returned)
		for i := range c.Returned {
			f := &c.Returned[i]
			if g := groups.Get(f.Group); g != "" {
				f.Group = g
			} else if f.Group != "" {
				f.GroupLang = shown(nil).Fallback
			}
		}
	}
	c.Shown = shown(t.untranslated)
	return &c
}

func localizePerson(p *content.Person, tr *content.PersonTranslation, shown func([]string) content.Shown) *content.Person {
	c := *p
	c.MainName = p.Name
	var t texts
	if tr != nil {
		c.Hash = mix(p.Hash, tr.Hash)
	} else {
		tr = &content.PersonTranslation{}
	}
	t.put("name", &c.Name, tr.Name)
	t.put("description", &c.Description, tr.Description)
	t.put("captured_place", &c.CapturedPlace, tr.CapturedPlace)
	t.put("body", &c.Body, tr.Body)
	c.Shown = shown(t.untranslated)
	return &c
}

func localizeStatement(st *content.Statement, tr *content.StatementTranslation, shown func([]string) content.Shown) *content.Statement {
	c := *st
	var t texts
	if tr != nil {
		c.Hash = mix(st.Hash, tr.Hash)
	} else {
		tr = &content.StatementTranslation{}
	}
	t.put("by", &c.By, tr.By)
	t.put("covers", &c.Covers, tr.Covers)
	t.put("body", &c.Body, tr.Body)
	c.Shown = shown(t.untranslated)
	return &c
}
