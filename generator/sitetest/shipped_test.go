package sitetest

import (
	"maps"
	"os"
	"slices"
	"testing"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/model"
)

// pageKind is one page of the shipped site that stands for its kind in one
// edition: kind is "event" in the main edition, "uk/event" in another, and
// edition the folder of the edition, "" or "uk/".
type pageKind struct{ kind, path, edition string }

// pageKinds returns a page of each kind of the shipped site, as a path
// under the base path. The pages are chosen from the site's data rather
// than named, so that the tests hold whatever the content says (make test
// never fails on content that timeline check accepts), and they are the
// most demanding of their kind: a disputed event if there is one, the
// person and the tag with the most events, the latest year.
func pageKinds(t *testing.T) []pageKind {
	t.Helper()
	_, events, people := shippedRecord(t)
	event := slices.IndexFunc(events, func(e recordEvent) bool { return e.Disputed })
	event = max(event, 0)
	person := slices.MaxFunc(people, func(a, b recordPerson) int { return len(a.Events) - len(b.Events) })
	tagEvents := map[string]int{}
	for _, e := range events {
		for _, tag := range e.Tags {
			tagEvents[tag]++
		}
	}
	kinds := []pageKind{
		{"home", "", ""},
		{"numbers", "numbers/", ""},
		{"events", "events/", ""},
		{"event", "events/" + events[event].ID + "/", ""},
		{"person", "people/" + person.ID + "/", ""},
		{"people", "people/", ""},
		{"year", "years/" + events[len(events)-1].Date[:4] + "/", ""},
		{"years", "years/", ""},
	}
	if len(tagEvents) > 0 {
		tags := slices.Sorted(maps.Keys(tagEvents))
		tag := slices.MaxFunc(tags, func(a, b string) int { return tagEvents[a] - tagEvents[b] })
		kinds = append(kinds, pageKind{"tag", "tags/" + tag + "/", ""})
	}
	kinds = append(kinds, pageKind{"tags", "tags/", ""}, pageKind{"404", "404.html", ""})
	all := kinds
	for _, edition := range shippedEditions(t)[1:] {
		for _, pk := range kinds {
			all = append(all, pageKind{edition + pk.kind, edition + pk.path, edition})
		}
	}
	return all
}

// shippedEditions are the folders of the shipped site's editions: "" for
// the main one, at the root, then "uk/" and the others.
func shippedEditions(t *testing.T) []string {
	t.Helper()
	src, err := os.ReadFile("../../content/_index.md")
	if err != nil {
		t.Fatal(err)
	}
	s, _ := content.ParseFile(content.SiteFile, src)
	var out []string
	for i, lang := range model.Languages(s.(*content.Site)) {
		if i == 0 {
			lang = ""
		} else {
			lang += "/"
		}
		out = append(out, lang)
	}
	return out
}
