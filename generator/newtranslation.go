package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/exchange-timeline/timeline/generator/internal/content"
)

// runNewTranslation is "timeline new translation FILE -lang LANG": it writes
// the translation of FILE (events/DATE-words, people/words,
// statements/DATE-words or _index, with or without content/ and .md) into
// LANG beside it, with each text of the main file to translate in a
// comment above its empty field. An empty field shows the main file's
// text, so the file passes the check as soon as its required text (the
// title, the name) is translated.
func runNewTranslation(c *config, file string) error {
	switch {
	case c.lang == "":
		return usagef("a translation needs -lang, the language to translate into, like -lang uk")
	case !content.ValidLang(c.lang):
		return usagef("-lang %q is not a language code: use the two-letter code of the language, like uk or ru", c.lang)
	case c.date != "" || c.slug != "":
		return usagef("-date and -slug are for new events and people; a translation takes its name from its file")
	}
	rel := strings.TrimSuffix(strings.TrimPrefix(filepath.ToSlash(file), filepath.ToSlash(c.contentDir)+"/"), ".md") + ".md"
	src, err := os.ReadFile(filepath.Join(c.contentDir, rel))
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("there is no %s to translate: give the path of a file in %s, like events/2025-08-24-146-for-146, people/dmytro-khyliuk or _index",
			filepath.ToSlash(filepath.Join(c.contentDir, rel)), c.contentDir)
	}
	if err != nil {
		return err
	}
	main, diags := content.ParseFile(rel, src)
	if diags.HasErrors() {
		return fmt.Errorf("%s has errors: correct them first (timeline check shows them)", filepath.ToSlash(filepath.Join(c.contentDir, rel)))
	}
	files, _ := content.Load(os.DirFS(c.contentDir))
	langs := []string{"en"}
	if files.Site != nil && len(files.Site.Languages) > 0 {
		langs = files.Site.Languages
	}
	if !slices.Contains(langs[1:], c.lang) {
		return fmt.Errorf("the site has no edition in %s (its languages are %s): add %s to languages in %s first",
			c.lang, strings.Join(langs, ", "), c.lang, filepath.ToSlash(filepath.Join(c.contentDir, content.SiteFile)))
	}
	t := &template{}
	t.comment(fmt.Sprintf("The %s translation of %s: its texts, and nothing else; the dates,", c.lang, rel))
	t.comment("figures, people and sources come from the main file. Write each text")
	t.comment("below in " + c.lang + ", after its field (the main file's is in the comment above")
	t.comment("it). A field left empty shows the main file's text. CONTRIBUTING.md,")
	t.comment(`"How to translate", says more. Then run: timeline check`)
	translationFields(t, main, files)
	t.comment("After the closing line: the translated text of the page, if it has one.")
	p := filepath.Join(c.contentDir, strings.TrimSuffix(rel, ".md")+"."+c.lang+".md")
	if err := writeNew(p, "---\n"+t.b.String()+"---\n"); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s already exists, and is not overwritten", filepath.ToSlash(p))
		}
		return err
	}
	fmt.Fprintln(c.stdout, filepath.ToSlash(p))
	return nil
}

// translationFields writes the fields of the translation of main, each
// with the main file's text in a comment.
func translationFields(t *template, main any, files *content.Files) {
	text := func(name, value string) {
		if value == "" {
			return
		}
		t.comment(oneLine(value))
		t.line("", name+":", "")
	}
	switch m := main.(type) {
	case *content.Event:
		text("title", m.Title)
		text("summary", m.Summary)
		text("place", m.Place)
		text("mediator", m.Mediator)
		text("stage", m.Stage)
		var groups []string
		for _, f := range m.Returned {
			if f.Group != "" && !slices.Contains(groups, f.Group) {
				groups = append(groups, f.Group)
			}
		}
		texts(t, "groups", "the figures' groups, by the main file's text: write the translation after each colon", groups)
	case *content.Person:
		text("name", m.Name)
		text("description", m.Description)
		text("captured_place", m.CapturedPlace)
	case *content.Statement:
		text("by", m.By)
		text("covers", m.Covers)
	case *content.Site:
		text("title", m.Title)
		text("description", m.Description)
		t.line("", "parties:", "the sides, by their ids: write each name")
		for _, p := range m.Parties {
			t.comment(oneLine(p.Name))
			t.line("  ", "- id: "+p.ID, "")
			t.line("    ", "name:", "")
		}
		var tags []string
		for _, e := range files.Events {
			for _, tag := range e.Tags {
				if !slices.Contains(tags, tag) {
					tags = append(tags, tag)
				}
			}
		}
		slices.Sort(tags)
		texts(t, "tags", "the tags' labels, by tag id: write each label after its colon", tags)
	}
}

// texts writes a mapping of texts to translate, by key.
func texts(t *template, name, note string, keys []string) {
	if len(keys) == 0 {
		return
	}
	t.line("", name+":", note)
	for _, k := range keys {
		t.line("  ", quote(k)+":", "")
	}
}

// oneLine is a text on one line, for a comment.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
