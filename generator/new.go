package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/lang"
	"github.com/exchange-timeline/timeline/generator/internal/slug"
	yaml "go.yaml.in/yaml/v3"
)

// runNew is "timeline new event TITLE -date YYYY-MM-DD", "timeline new
// person NAME" and "timeline new translation FILE -lang LANG".
func runNew(c *config) error {
	kind, title := c.args[0], strings.TrimSpace(c.args[1])
	if kind == "translation" {
		return runNewTranslation(c, title)
	}
	if kind != "event" && kind != "person" {
		return usagef("new writes an event, a person or a translation, not %q", kind)
	}
	if title == "" {
		return usagef("the %s needs a %s", kind, map[string]string{"event": "title", "person": "name"}[kind])
	}
	if c.lang != "" && c.lang != string(lang.Ukrainian) && c.lang != string(lang.Russian) {
		return usagef("unknown -lang %q (use uk or ru)", c.lang)
	}
	n := newFile{kind: kind, title: title, lang: lang.Lang(c.lang), contentDir: c.contentDir}
	if kind == "event" {
		if c.date == "" {
			return usagef("an event needs -date YYYY-MM-DD, its first day")
		}
		d, err := content.ParseDate(c.date)
		if err != nil {
			return usagef("-date: %v", err)
		}
		n.date = d
	} else if c.date != "" {
		return usagef("-date is for events; a person has captured: in the file")
	}
	n.words = c.slug
	if n.words == "" {
		n.words = slug.Make(title, n.lang)
		if n.words == "" {
			return usagef("%q has no letters or digits to make a file name from: give one with -slug words-like-these", title)
		}
	} else if !content.ValidID(n.words) {
		return usagef("-slug %q: use "+content.IDRule, n.words)
	}
	path, err := n.write()
	if err != nil {
		return err
	}
	fmt.Fprintln(c.stdout, path)
	return nil
}

// newFile is the file "timeline new" writes.
type newFile struct {
	kind, title, words string
	lang               lang.Lang
	date               content.Date
	contentDir         string
}

func (n *newFile) path() string {
	if n.kind == "event" {
		return filepath.Join(n.contentDir, "events", n.date.String()+"-"+n.words+".md")
	}
	return filepath.Join(n.contentDir, "people", n.words+".md")
}

// write creates the file, failing if it exists.
func (n *newFile) write() (string, error) {
	if fi, err := os.Stat(n.contentDir); err != nil || !fi.IsDir() {
		return "", fmt.Errorf("no content directory %s (run this from the project's root, or give -content DIR)", n.contentDir)
	}
	p := n.path()
	err := writeNew(p, n.text())
	if errors.Is(err, fs.ErrExist) {
		what := "an event on that day with a title giving the same file name"
		if n.kind == "person" {
			what = "a person whose name gives the same file name"
		}
		return "", fmt.Errorf("%s already exists, and is not overwritten: if it is %s, choose other words with -slug", p, what)
	}
	if err != nil {
		return "", err
	}
	return filepath.ToSlash(p), nil
}

// writeNew creates the file p with text, and its folder if need be; it
// fails with fs.ErrExist rather than overwrite a file.
func writeNew(p, text string) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.WriteString(text)
	if err = errors.Join(err, f.Close()); err != nil {
		os.Remove(p)
	}
	return err
}

// text is the new file: front matter with every field of the content type,
// each with a comment, and no body.
func (n *newFile) text() string {
	t := &template{parties: n.parties()}
	t.comment("Fill in the values and delete the optional lines you do not need;")
	t.comment("CONTRIBUTING.md explains every field. Then run: timeline check")
	if n.kind == "event" {
		t.fields(content.Event{}, "", map[string]string{
			"title": quote(n.title),
			"date":  n.date.String(),
			"draft": "false",
		}, true)
		t.comment("After the closing line: what happened, in your own words, with context.")
	} else {
		values := map[string]string{"name": quote(n.title)}
		if slug.HasCyrillic(n.title) {
			values["name"] = quote(slug.Romanize(n.title, n.lang))
			values["native_name"] = quote(n.title)
		}
		t.fields(content.Person{}, "", values, false)
		t.comment("After the closing line: a short biography, in your own words.")
	}
	return "---\n" + t.b.String() + "---\n"
}

// parties lists the party ids of the site, for the comments; nil when
// _index.md cannot be read.
func (n *newFile) parties() []string {
	src, err := os.ReadFile(filepath.Join(n.contentDir, content.SiteFile))
	if err != nil {
		return nil
	}
	site, _ := content.ParseFile(content.SiteFile, src)
	s, ok := site.(*content.Site)
	if !ok || s == nil {
		return nil
	}
	var ids []string
	for _, p := range s.Parties {
		if p.ID != "" {
			ids = append(ids, p.ID)
		}
	}
	return ids
}

// template writes YAML lines with aligned comments.
type template struct {
	b       strings.Builder
	parties []string
}

// commentColumn is where comments start, when the value leaves room.
const commentColumn = 28

func (t *template) line(prefix, text, note string) {
	s := prefix + text
	if note != "" {
		s += strings.Repeat(" ", max(2, commentColumn-len([]rune(s)))) + "# " + note
	}
	t.b.WriteString(strings.TrimRight(s, " ") + "\n")
}

func (t *template) comment(text string) { t.b.WriteString("# " + text + "\n") }

// fields writes every front-matter field of the struct v, in the order of
// the struct, from content.Fields, so that a field added to the content
// types appears here too. Lists of structs get one entry with every field
// of the item type: a real one to fill in when entries is true, one in
// comments otherwise (so that the file passes the check as it is).
func (t *template) fields(v any, indent string, values map[string]string, entries bool) {
	typ := reflect.TypeOf(v)
	names, required := content.Fields(v)
	for _, name := range names {
		ft := content.FieldType(v, name)
		note := t.note(typ.Name(), name)
		if required[name] && !strings.HasPrefix(note, "required") {
			note = "required: " + note
		}
		switch {
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct:
			sub := &template{parties: t.parties}
			sub.fields(reflect.Zero(ft.Elem()).Interface(), indent+"    ", nil, true)
			lines := strings.Split(strings.TrimSuffix(sub.b.String(), "\n"), "\n")
			lines[0] = indent + "  - " + lines[0][len(indent)+4:]
			if entries {
				t.line(indent, name+":", note)
			} else {
				t.line(indent, name+": []", note)
				for i, l := range lines {
					lines[i] = "#" + l[1:]
				}
			}
			t.b.WriteString(strings.Join(lines, "\n") + "\n")
		case values[name] != "":
			t.line(indent, name+": "+values[name], note)
		case ft.Kind() == reflect.Slice:
			t.line(indent, name+": []", note)
		case ft.Kind() == reflect.Bool:
			t.line(indent, name+": false", note)
		default:
			t.line(indent, name+":", note)
		}
	}
}

// note is the comment on a field, with the choices the site allows.
func (t *template) note(typ, name string) string {
	n := fieldNotes[typ+"."+name]
	if strings.Contains(n, "{parties}") {
		parties := "a party id from content/_index.md"
		if len(t.parties) > 0 {
			parties = strings.Join(t.parties, " | ")
		}
		n = strings.ReplaceAll(n, "{parties}", parties)
	}
	n = strings.ReplaceAll(n, "{kinds}", strings.Join(content.EventKinds(), " | "))
	n = strings.ReplaceAll(n, "{roles}", strings.Join(content.Roles(), " | "))
	return n
}

// fieldNotes are the comments of the new files, by type and field. A test
// checks that every field of the content types has one.
var fieldNotes = map[string]string{
	"Event.title":         "a short headline",
	"Event.date":          "YYYY-MM-DD, the first day; the file name starts with it",
	"Event.end_date":      "the last day, if it lasted several days",
	"Event.kind":          "{kinds}",
	"Event.summary":       "one sentence for cards, the feed and search results",
	"Event.place":         "where it happened",
	"Event.mediator":      "who mediated",
	"Event.returned":      "the figures: one entry per source, side and group",
	"Event.people":        "the people named; delete the entry if there are none",
	"Event.tags":          "lowercase words joined by hyphens, e.g. [journalists, civilians]",
	"Event.sources":       "at least one; who said it, and where",
	"Event.draft":         "true keeps it off the site until it is ready",
	"Event.redirect_from": "earlier ids of this event, if its file was renamed: their links keep working",
	"Event.stage":         "a few words naming this stage, when one exchange was reported as several events on the same date",

	"Figure.to":       "the side that received them: {parties}",
	"Figure.count":    "the number; leave it empty when it was not disclosed",
	"Figure.approx":   "true when the source says about this many",
	"Figure.at_least": "true when the source says more than this many",
	"Figure.number":   "the receiving side's official number of this exchange (68 for its 68th), if its source gives one",
	"Figure.remains":  "true for bodies handed over during an exchange: they count with the remains",
	"Figure.group":    "who: soldiers, civilians, wounded, bodies…",
	"Figure.source":   "the id of the source below that gave this number",

	"Participant.id":   "a file name in content/people/, without .md",
	"Participant.role": "{roles}",

	"Source.id":        "a short name, unique in this file, e.g. ru-mod",
	"Source.publisher": "who published it, or who said it and where",
	"Source.title":     "the article's title",
	"Source.url":       "the https:// address",
	"Source.date":      "YYYY-MM-DD, when it was published",
	"Source.undated":   "only if the page gives no date: why",
	"Source.archive":   "an https:// address of a saved copy",

	"Person.name":           "the name as usually written in English",
	"Person.native_name":    "the name in its own script",
	"Person.aliases":        "other spellings readers may search for, e.g. [Dmytro Khylyuk]",
	"Person.description":    "one line: who they are",
	"Person.party":          "their side: {parties}",
	"Person.captured":       "when they were taken: YYYY, YYYY-MM or YYYY-MM-DD",
	"Person.captured_place": "where they were taken",
	"Person.portrait":       "an image in layouts/static/portraits/, e.g. portraits/dmytro-khyliuk.jpg, that the site may publish",
	"Person.portrait_alt":   "required with portrait: what the picture shows, for people who cannot see it",
	"Person.sources":        "sources for the facts on the page; to add one, remove the [] and the # below",
	"Person.redirect_from":  "earlier ids of this person, if the file was renamed: their links keep working",
}

// quote writes s as a YAML scalar, quoted only when it needs to be.
func quote(s string) string {
	out, err := yaml.Marshal(s)
	if err != nil {
		return fmt.Sprintf("%q", s)
	}
	return strings.TrimSuffix(string(out), "\n")
}
