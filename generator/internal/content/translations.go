package content

import (
	"path"
	"reflect"
	"regexp"
	"strings"
)

// A translation file sits beside the file it translates, with the language
// before ".md", as Hugo's users know it: content/events/<id>.uk.md next to
// content/events/<id>.md, content/people/<id>.ru.md, content/statements/
// <id>.uk.md, and content/_index.uk.md for the site. It holds only texts;
// the facts (dates, figures, people, sources, tags...) come from the main
// file alone, and setting one in a translation is an error at its line.
// Ids cannot contain dots, so the language suffix is never part of one.

// Translation is what every translation file has besides its texts. Its
// Doc.ID is the id of the file it translates.
type Translation struct {
	Doc
	// Lang is the language of the texts, from the file name: "uk".
	Lang string `json:"-"`
}

// MainPath is the path of the file translated: "events/x.md" for
// "events/x.uk.md".
func (t *Translation) MainPath() string {
	return strings.TrimSuffix(t.Path, "."+t.Lang+".md") + ".md"
}

// EventTranslation is content/events/<id>.<lang>.md. Its body, when it has
// one, is the translated account.
type EventTranslation struct {
	Translation
	Title    string `field:"title,required"`
	Summary  string `field:"summary"`
	Place    string `field:"place"`
	Mediator string `field:"mediator"`
	Stage    string `field:"stage"`
	// Groups translates the `group` texts of the main file's figures,
	// keyed by the English text.
	Groups Texts `field:"groups"`
}

// PersonTranslation is content/people/<id>.<lang>.md. Its body is the
// translated biography.
type PersonTranslation struct {
	Translation
	// Name is the name as written in the language of the translation.
	Name          string `field:"name,required"`
	Description   string `field:"description"`
	CapturedPlace string `field:"captured_place"`
}

// StatementTranslation is content/statements/<id>.<lang>.md.
type StatementTranslation struct {
	Translation
	By     string `field:"by,required"`
	Covers string `field:"covers"`
}

// SiteTranslation is content/_index.<lang>.md: the site's name and
// description, the parties' names, the tags' labels and, as its body, the
// home page's introduction.
type SiteTranslation struct {
	Translation
	Title       string  `field:"title,required"`
	Description string  `field:"description"`
	Parties     []Party `field:"parties"`
	Tags        Texts   `field:"tags"`
}

// Texts is a mapping of texts by key, such as the labels of tags by tag
// id, kept in the order of the file so that problems can name an entry by
// its place: "groups[2]".
type Texts []KeyedText

// KeyedText is one entry of Texts.
type KeyedText struct{ Key, Text string }

// Get returns the text for key, or "".
func (l Texts) Get(key string) string {
	for _, e := range l {
		if e.Key == key {
			return e.Text
		}
	}
	return ""
}

var textsType = reflect.TypeFor[Texts]()

// langPattern is what a language code in a file name looks like: "uk",
// "ru", "en".
var langPattern = regexp.MustCompile(`^[a-z]{2,3}$`)

// ValidLang reports whether s has the shape of a language code as the
// site uses them: two or three lowercase letters (ISO 639).
func ValidLang(s string) bool { return langPattern.MatchString(s) }

// splitLang splits a file's name without ".md" into the id of the file it
// is about and the language of a translation: "x.uk" is "x", "uk"; "x" is
// "x", "". A suffix that is not a language code stays in the id, which is
// then not a valid id.
func splitLang(name string) (id, lang string) {
	i := strings.LastIndexByte(name, '.')
	if i < 0 || !ValidLang(name[i+1:]) {
		return name, ""
	}
	return name[:i], name[i+1:]
}

// isSiteFile reports whether p is the site settings or one of their
// translations: _index.md, _index.uk.md.
func isSiteFile(p string) bool {
	if p == SiteFile {
		return true
	}
	id, lang := splitLang(strings.TrimSuffix(p, ".md"))
	return lang != "" && id == strings.TrimSuffix(SiteFile, ".md") && path.Ext(p) == ".md"
}

// mainType is the content type a translation type translates: the facts
// of that type are what a translation may not set.
func mainType(t reflect.Type) reflect.Type {
	switch t {
	case reflect.TypeFor[EventTranslation]():
		return reflect.TypeFor[Event]()
	case reflect.TypeFor[PersonTranslation]():
		return reflect.TypeFor[Person]()
	case reflect.TypeFor[StatementTranslation]():
		return reflect.TypeFor[Statement]()
	case reflect.TypeFor[SiteTranslation]():
		return reflect.TypeFor[Site]()
	}
	return nil
}

// Translations returns what every translation file has, for the stages
// that treat them alike: sites', events', people's, statements'.
func (f *Files) Translations() []*Translation {
	var out []*Translation
	for _, t := range f.SiteTranslations {
		out = append(out, &t.Translation)
	}
	for _, t := range f.EventTranslations {
		out = append(out, &t.Translation)
	}
	for _, t := range f.PersonTranslations {
		out = append(out, &t.Translation)
	}
	for _, t := range f.StatementTranslations {
		out = append(out, &t.Translation)
	}
	return out
}
