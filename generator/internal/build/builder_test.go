package build

import (
	"bytes"
	"fmt"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/corpus"
	"github.com/exchange-timeline/timeline/generator/internal/render"
	"github.com/exchange-timeline/timeline/generator/internal/site"
)

// disk stands for a published directory: the files a sink was given, less
// those a build removed.
type disk struct{ render.MapSink }

func (d *disk) apply(t *testing.T, b *Builder, changes Changes) (*Result, bool) {
	t.Helper()
	res, diags, err := b.Build(changes, &d.MapSink)
	if err != nil {
		t.Fatal(err)
	}
	if res == nil {
		return nil, false
	}
	if diags.HasErrors() {
		t.Fatalf("a result with errors: %v", diags)
	}
	for _, name := range res.Removed {
		delete(d.Files, name)
	}
	return res, true
}

func copyFS(t *testing.T, fsys fs.FS) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		m[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestRebuildEqualsFreshBuild applies a long random sequence of edits of
// every kind to a synthetic site in two languages, its translations
// included, and checks after each that the files of the incremental
// rebuilds are exactly those of a fresh build.
func TestRebuildEqualsFreshBuild(t *testing.T) {
	contentFS := fstest.MapFS{}
	for _, f := range corpus.Translate(corpus.Generate(40), "uk") {
		contentFS[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	layoutsFS := copyFS(t, os.DirFS("../../../layouts"))
	opts := Options{Content: contentFS, Layouts: layoutsFS, ContentDir: "content", LayoutsDir: "layouts",
		BaseURL: site.BaseURL{Path: "/repo/"}, Today: content.NewDate(2030, 1, 1),
		// Small pages, so that edits move events between pages of a list.
		EventsPerPage: 2, PeoplePerPage: 3}
	b := NewBuilder(opts)
	var d disk
	if _, ok := d.apply(t, b, Changes{}); !ok {
		t.Fatal("first build failed")
	}
	for _, paginated := range []string{"people/page/2/index.html", "tags/civilians/page/2/index.html", "uk/tags/civilians/page/2/index.html"} {
		if _, ok := d.Files[paginated]; !ok {
			t.Fatalf("no %s: the test does not exercise pagination", paginated)
		}
	}
	rng := rand.New(rand.NewPCG(7, 7))
	edits := editors()
	everythingChanged := false // since the last good build
	for step := range 120 {
		name := edits[rng.IntN(len(edits))].name
		changes := Changes{Content: map[string]bool{}}
		for _, e := range edits {
			if e.name == name {
				e.apply(rng, contentFS, layoutsFS, &changes)
			}
		}
		everythingChanged = everythingChanged || changes.Layouts || changes.Content[content.SiteFile]
		res, ok := d.apply(t, b, changes)
		want := freshBuild(t, opts)
		if !ok {
			if want != nil {
				t.Fatalf("step %d (%s): the rebuild failed but a fresh build succeeds", step, name)
			}
			continue
		}
		if res.Rendered == res.Stats.Files() && !everythingChanged {
			t.Errorf("step %d (%s): a rebuild rendered all %d outputs", step, name, res.Rendered)
		}
		everythingChanged = false
		compareFiles(t, fmt.Sprintf("step %d (%s)", step, name), d.Files, want)
	}
}

func freshBuild(t *testing.T, opts Options) map[string][]byte {
	var sink render.MapSink
	res, _, err := Run(opts, &sink)
	if err != nil {
		t.Fatal(err)
	}
	if res == nil {
		return nil
	}
	return sink.Files
}

func compareFiles(t *testing.T, when string, got, want map[string][]byte) {
	t.Helper()
	for name, data := range want {
		if g, ok := got[name]; !ok {
			t.Errorf("%s: %s is missing", when, name)
		} else if !bytes.Equal(g, data) {
			t.Errorf("%s: %s differs from a fresh build", when, name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: %s should have been removed", when, name)
		}
	}
}

type editor struct {
	name  string
	apply func(rng *rand.Rand, c, l fstest.MapFS, ch *Changes)
}

// pick chooses a main file under prefix (not a translation).
func pick(rng *rand.Rand, fsys fstest.MapFS, prefix string) string {
	return pickWhere(rng, fsys, func(name string) bool { return strings.HasPrefix(name, prefix) && !isTranslation(name) })
}

// pickTranslation chooses a translation file under prefix.
func pickTranslation(rng *rand.Rand, fsys fstest.MapFS, prefix string) string {
	return pickWhere(rng, fsys, func(name string) bool { return strings.HasPrefix(name, prefix) && isTranslation(name) })
}

func isTranslation(name string) bool { return strings.HasSuffix(name, ".uk.md") }

func pickWhere(rng *rand.Rand, fsys fstest.MapFS, ok func(string) bool) string {
	var names []string
	for name := range fsys {
		if ok(name) {
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		return ""
	}
	slices.Sort(names)
	return names[rng.IntN(len(names))]
}

func replaceIn(fsys fstest.MapFS, name, old, new string, ch *Changes) {
	if name == "" {
		return
	}
	fsys[name] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys[name].Data), old, new, 1))}
	ch.Content[name] = true
}

// moveTranslation moves the translation of the main file from beside to,
// or deletes it when to is "", as a contributor moves a file with its
// translation.
func moveTranslation(c fstest.MapFS, from, to string, ch *Changes) {
	tr := strings.TrimSuffix(from, ".md") + ".uk.md"
	if c[tr] == nil {
		return
	}
	if to != "" {
		moved := strings.TrimSuffix(to, ".md") + ".uk.md"
		c[moved] = c[tr]
		ch.Content[moved] = true
	}
	delete(c, tr)
	ch.Content[tr] = true
}

func editors() []editor {
	n := 0
	next := func() int { n++; return n }
	// mend fixes what the editors that break files broke, so that the
	// sequence does not stay broken for long: a misspelt kind, a fact set
	// in a translation, a translation left without its event.
	mend := func(_ *rand.Rand, c, _ fstest.MapFS, ch *Changes) {
		for _, name := range slices.Sorted(maps.Keys(c)) {
			data := string(c[name].Data)
			switch main := strings.TrimSuffix(name, ".uk.md") + ".md"; {
			case strings.Contains(data, "kidn: "):
				replaceIn(c, name, "kidn: ", "kind: ", ch)
			case !isTranslation(name):
			case c[main] == nil:
				delete(c, name)
				ch.Content[name] = true
			case strings.Contains(data, "date: "):
				replaceIn(c, name, "date: 2001-01-01\n", "", ch)
			}
		}
	}
	return []editor{
		{"mend broken files", mend},
		{"mend broken files again", mend},
		{"mend broken files once more", mend},
		{"retitle an event", func(rng *rand.Rand, c, _ fstest.MapFS, ch *Changes) {
			replaceIn(c, pick(rng, c, "events/"), "title: ", fmt.Sprintf("title: Edited %d ", next()), ch)
		}},
		{"edit an event's body", func(rng *rand.Rand, c, _ fstest.MapFS, ch *Changes) {
			replaceIn(c, pick(rng, c, "events/"), "report.", fmt.Sprintf("report %d.", next()), ch)
		}},
		{"change a figure", func(rng *rand.Rand, c, _ fstest.MapFS, ch *Changes) {
			replaceIn(c, pick(rng, c, "events/"), "count: ", fmt.Sprintf("count: %d", next()), ch)
		}},
		{"rename a person", func(rng *rand.Rand, c, _ fstest.MapFS, ch *Changes) {
			replaceIn(c, pick(rng, c, "people/"), "name: ", fmt.Sprintf("name: Renamed %d ", next()), ch)
		}},
		{"retag an event", func(rng *rand.Rand, c, _ fstest.MapFS, ch *Changes) {
			replaceIn(c, pick(rng, c, "events/"), "tags: [", fmt.Sprintf("tags: [new-tag-%d, ", next()%4), ch)
		}},
		{"delete an event", func(rng *rand.Rand, c, _ fstest.MapFS, ch *Changes) {
			if name := pick(rng, c, "events/"); name != "" {
				delete(c, name)
				ch.Content[name] = true
				moveTranslation(c, name, "", ch)
			}
		}},
		{"add an event", func(rng *rand.Rand, c, _ fstest.MapFS, ch *Changes) {
			i := next()
			name := fmt.Sprintf("events/2019-0%d-1%d-added-%d.md", 1+i%9, i%10, i)
			ch.Content[name] = true
			c[name] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
				"---\ntitle: Added %d\ndate: 2019-0%d-1%d\nkind: exchange\nreturned:\n  - {to: ukraine, count: %d, source: s}\npeople:\n  - {id: person-00001, role: released}\ntags: [added]\nsources:\n  - {id: s, publisher: P, url: \"https://example.org/%d\", date: 2019-01-01}\n---\nBody %d.\n",
				i, 1+i%9, i%10, i, i, i))}
		}},
		{"rename an event file", func(rng *rand.Rand, c, _ fstest.MapFS, ch *Changes) {
			if name := pick(rng, c, "events/"); name != "" {
				renamed := strings.Replace(name, ".md", fmt.Sprintf("-renamed-%d.md", next()), 1)
				c[renamed] = c[name]
				delete(c, name)
				ch.Content[name], ch.Content[renamed] = true, true
				moveTranslation(c, name, renamed, ch)
			}
		}},
		{"rename an event file, keeping a redirect", func(rng *rand.Rand, c, _ fstest.MapFS, ch *Changes) {
			if name := pick(rng, c, "events/"); name != "" && !strings.Contains(string(c[name].Data), "redirect_from") {
				renamed := strings.Replace(name, ".md", fmt.Sprintf("-moved-%d.md", next()), 1)
				old := strings.TrimSuffix(name[strings.LastIndex(name, "/")+1:], ".md")
				c[renamed] = &fstest.MapFile{Data: []byte(strings.Replace(string(c[name].Data), "kind: ", "redirect_from: ["+old+"]\nkind: ", 1))}
				delete(c, name)
				ch.Content[name], ch.Content[renamed] = true, true
				moveTranslation(c, name, renamed, ch)
			}
		}},
		{"move an event to another year", func(rng *rand.Rand, c, _ fstest.MapFS, ch *Changes) {
			if name := pick(rng, c, "events/"); name != "" {
				i := next()
				data := string(c[name].Data)
				old := name[len("events/") : len("events/")+10]
				moved := fmt.Sprintf("2018-0%d-2%d", 1+i%9, i%8)
				movedName := strings.Replace(name, old, moved, 1)
				c[movedName] = &fstest.MapFile{Data: []byte(strings.Replace(data, "date: "+old, "date: "+moved, 1))}
				delete(c, name)
				ch.Content[name], ch.Content[movedName] = true, true
				moveTranslation(c, name, movedName, ch)
			}
		}},
		{"break and keep a broken event", func(rng *rand.Rand, c, _ fstest.MapFS, ch *Changes) {
			replaceIn(c, pick(rng, c, "events/"), "kind: ", "kidn: ", ch)
		}},
		{"edit the site settings", func(_ *rand.Rand, c, _ fstest.MapFS, ch *Changes) {
			replaceIn(c, content.SiteFile, "title: ", fmt.Sprintf("title: Site %d ", next()), ch)
		}},
		{"give a person a portrait", func(rng *rand.Rand, c, l fstest.MapFS, ch *Changes) {
			name := pick(rng, c, "people/")
			if name == "" || strings.Contains(string(c[name].Data), "portrait:") {
				return
			}
			image := "portraits/" + strings.TrimSuffix(strings.TrimPrefix(name, "people/"), ".md") + ".png"
			if l["static/"+image] == nil {
				l["static/"+image] = &fstest.MapFile{Data: []byte(fmt.Sprintf("png %d", next()))}
				ch.Layouts = true
			}
			replaceIn(c, name, "description: ", fmt.Sprintf("portrait: %s\nportrait_alt: Portrait %d\ndescription: ", image, next()), ch)
		}},
		{"describe a portrait again", func(rng *rand.Rand, c, _ fstest.MapFS, ch *Changes) {
			for _, name := range slices.Sorted(maps.Keys(c)) {
				if strings.Contains(string(c[name].Data), "portrait_alt: ") && rng.IntN(2) == 0 {
					replaceIn(c, name, "portrait_alt: ", fmt.Sprintf("portrait_alt: Seen again %d, ", next()), ch)
					return
				}
			}
		}},
		{"edit the stylesheet", func(_ *rand.Rand, _, l fstest.MapFS, ch *Changes) {
			l["static/style.css"] = &fstest.MapFile{Data: append(l["static/style.css"].Data, fmt.Sprintf("/* %d */\n", next())...)}
			ch.Layouts = true
		}},
		{"retitle a translation", func(rng *rand.Rand, c, _ fstest.MapFS, ch *Changes) {
			replaceIn(c, pickTranslation(rng, c, "events/"), "title: ", fmt.Sprintf("title: Змінено %d ", next()), ch)
		}},
		{"edit a translation's body", func(rng *rand.Rand, c, _ fstest.MapFS, ch *Changes) {
			replaceIn(c, pickTranslation(rng, c, "events/"), "report.", fmt.Sprintf("звіт %d.", next()), ch)
		}},
		{"delete a translation", func(rng *rand.Rand, c, _ fstest.MapFS, ch *Changes) {
			if name := pickTranslation(rng, c, ""); name != "" {
				delete(c, name)
				ch.Content[name] = true
			}
		}},
		{"translate an event", func(rng *rand.Rand, c, _ fstest.MapFS, ch *Changes) {
			name := pick(rng, c, "events/")
			tr := strings.TrimSuffix(name, ".md") + ".uk.md"
			if name == "" || c[tr] != nil {
				return
			}
			groups := ""
			if strings.Contains(string(c[name].Data), "group: soldiers") {
				groups = "groups:\n  soldiers: військові\n"
			}
			c[tr] = &fstest.MapFile{Data: []byte(fmt.Sprintf("---\ntitle: Перекладено %d\n%s---\nТекст %d.\n", next(), groups, next()))}
			ch.Content[tr] = true
		}},
		{"translate a person", func(rng *rand.Rand, c, _ fstest.MapFS, ch *Changes) {
			name := pick(rng, c, "people/")
			tr := strings.TrimSuffix(name, ".md") + ".uk.md"
			if name == "" || c[tr] != nil {
				return
			}
			c[tr] = &fstest.MapFile{Data: []byte(fmt.Sprintf("---\nname: Особа %d\ndescription: Синтетична особа\n---\n", next()))}
			ch.Content[tr] = true
		}},
		{"label a tag in the translation", func(_ *rand.Rand, c, _ fstest.MapFS, ch *Changes) {
			site := "_index.uk.md"
			if c[site] == nil {
				return
			}
			if strings.Contains(string(c[site].Data), "tags:") {
				replaceIn(c, site, "civilians: ", fmt.Sprintf("civilians: мітка %d ", next()), ch)
			} else {
				replaceIn(c, site, "parties:", fmt.Sprintf("tags:\n  civilians: цивільні %d\nparties:", next()), ch)
			}
		}},
		{"delete an event, leaving its translation", func(rng *rand.Rand, c, _ fstest.MapFS, ch *Changes) {
			if name := pickTranslation(rng, c, "events/"); name != "" {
				main := strings.TrimSuffix(name, ".uk.md") + ".md"
				delete(c, main)
				ch.Content[main] = true
			}
		}},
		{"set a fact in a translation", func(rng *rand.Rand, c, _ fstest.MapFS, ch *Changes) {
			replaceIn(c, pickTranslation(rng, c, "events/"), "title: ", "date: 2001-01-01\ntitle: ", ch)
		}},
		{"edit a template", func(_ *rand.Rand, _, l fstest.MapFS, ch *Changes) {
			replaceIn(l, "person.html", "<h1>", fmt.Sprintf("<h1 data-edit=\"%d\">", next()), &Changes{Content: map[string]bool{}})
			ch.Layouts = true
		}},
	}
}
