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

// TestRebuildEqualsFreshBuild edits a synthetic site in two languages in
// every way its files can change, translations included, field by field
// from the schema (edits.go), and checks after each edit that the files of
// the incremental rebuilds are exactly those of a fresh build.
func TestRebuildEqualsFreshBuild(t *testing.T) {
	opts := testOptions(t)
	checkRebuilds(t, opts, 2)
}

// testOptions is a synthetic site of 40 events with two official
// statements, in English and Ukrainian (every event, a person and a
// statement translated), and the shipped layouts, in memory.
func testOptions(t *testing.T) Options {
	t.Helper()
	contentFS := fstest.MapFS{}
	for _, f := range corpus.Translate(corpus.Generate(40), "uk") {
		contentFS[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	addStatements(t, contentFS)
	contentFS["statements/2021-01-01-running-total.uk.md"] = &fstest.MapFile{Data: []byte("---\nby: Синтетичний омбудсман\n---\nЗагальна цифра.\n")}
	contentFS["statements/2021-01-02-aggregate.uk.md"] = &fstest.MapFile{Data: []byte("---\nby: Синтетичний міністр\n---\n")}
	contentFS["people/person-00001.uk.md"] = &fstest.MapFile{Data: []byte("---\nname: Особа 1\ndescription: Синтетична особа\n---\nБіографія.\n")}
	return Options{Content: contentFS, Layouts: copyFS(t, os.DirFS("../../../layouts")), ContentDir: "content", LayoutsDir: "layouts",
		BaseURL: site.BaseURL{Path: "/repo/"}, Today: content.NewDate(2030, 1, 1),
		// Small pages, so that edits move events between pages of a list.
		EventsPerPage: 2, PeoplePerPage: 3}
}

// addStatements adds a running total and an aggregate over two exchanges.
func addStatements(t *testing.T, fsys fstest.MapFS) {
	var exchanges []string
	for _, name := range slices.Sorted(maps.Keys(fsys)) {
		if strings.HasPrefix(name, "events/") && !isTranslation(name) && strings.Contains(string(fsys[name].Data), "\nkind: exchange\n") {
			exchanges = append(exchanges, strings.TrimSuffix(strings.TrimPrefix(name, "events/"), ".md"))
		}
	}
	if len(exchanges) < 2 {
		t.Fatal("the corpus has fewer than two exchanges")
	}
	const sources = "sources:\n  - id: s\n    publisher: Synthetic Ombudsman\n    url: https://example.org/statement\n    date: 2021-01-01\n"
	fsys["statements/2021-01-01-running-total.md"] = &fstest.MapFile{Data: []byte("---\ndate: 2021-01-01\nby: A synthetic ombudsman\n" +
		"party: ukraine\nkind: repatriation\nto: russia\ncount: 5000\napprox: true\n" + sources +
		"  - id: t\n    publisher: Synthetic Television\n    url: https://example.org/tv\n    undated: the page gives no date\n" +
		"    archive: https://web.archive.org/example.org/tv\n---\nA running total.\n")}
	fsys["statements/2021-01-02-aggregate.md"] = &fstest.MapFile{Data: []byte("---\ndate: 2021-01-02\nby: A synthetic minister\n" +
		"party: russia\nkind: exchange\nto: ukraine\ncount: 90000\nevents: [" + exchanges[0] + ", " + exchanges[1] + "]\n" + sources + "---\n")}
}

// checkRebuilds builds the site of opts, then applies every editor rounds
// times, in a random order, checking that each rebuild writes what a fresh
// build writes. An edit that breaks the site is undone, and the rebuild
// after that is checked too. Every editor of a field must find something
// to change, so that each field of the schema is edited.
func checkRebuilds(t *testing.T, opts Options, rounds int) {
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
	contentFS, layoutsFS := opts.Content.(fstest.MapFS), opts.Layouts.(fstest.MapFS)
	edits := append(fieldEditors(contentFS), editors()...)
	rng := rand.New(rand.NewPCG(7, 7))
	changed := map[string]int{} // how often each editor changed something
	built := map[string]int{}   // and how often the site then built
	everythingChanged := false  // since the last good build
	good := true                // the last build succeeded
	rebuild := func(step string, changes Changes) bool {
		t.Helper()
		everythingChanged = everythingChanged || changes.Layouts || changes.Content[content.SiteFile]
		res, ok := d.apply(t, b, changes)
		want := freshBuild(t, opts)
		if !ok {
			if want != nil {
				t.Fatalf("%s: the rebuild failed but a fresh build succeeds", step)
			}
			return false
		}
		if res.Rendered == res.Stats.Files && !everythingChanged {
			t.Errorf("%s: a rebuild rendered all %d outputs", step, res.Rendered)
		}
		everythingChanged = false
		compareFiles(t, step, d.Files, want)
		return true
	}
	for round := range rounds {
		for k, i := range rng.Perm(len(edits)) {
			e := edits[i]
			step := fmt.Sprintf("round %d, step %d (%s)", round, k, e.name)
			before := maps.Clone(contentFS)
			changes := Changes{Content: map[string]bool{}}
			e.apply(rng, contentFS, layoutsFS, &changes)
			if len(changes.Content) == 0 && !changes.Layouts {
				continue
			}
			changed[e.name]++
			wasGood := good
			if good = rebuild(step, changes); good {
				built[e.name]++
				continue
			}
			if e.keepsBroken {
				continue
			}
			if !wasGood { // broken before: this edit built on it; now mend that
				fix := Changes{Content: map[string]bool{}}
				fixBroken(contentFS, &fix)
				if good = rebuild(step+", mended", fix); good {
					continue
				}
			}
			for name := range changes.Content { // undo the edit
				if f, ok := before[name]; ok {
					contentFS[name] = f
				} else {
					delete(contentFS, name)
				}
			}
			if good = rebuild(step+", undone", changes); !good {
				t.Fatalf("%s: undoing it leaves the site broken", step)
			}
		}
	}
	for _, e := range edits {
		switch {
		case e.field && changed[e.name] == 0:
			t.Errorf("%s: no file had anything to change", e.name)
		case e.field && built[e.name] == 0:
			t.Logf("%s: every edit broke the site, so only failed builds and their undoing were checked", e.name)
		}
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

// fixBroken mends what "break and keep a broken event" broke.
func fixBroken(c fstest.MapFS, ch *Changes) {
	for name := range c {
		if strings.Contains(string(c[name].Data), "kidn: ") {
			replaceIn(c, name, "kidn: ", "kind: ", ch)
		}
	}
}

type editor struct {
	name  string
	apply func(rng *rand.Rand, c, l fstest.MapFS, ch *Changes)
	// field marks the editors of one field of the schema; keepsBroken,
	// those whose broken site is kept for the next edits to build on.
	field, keepsBroken bool
}

// pick chooses a main file under prefix, not a translation.
func pick(rng *rand.Rand, fsys fstest.MapFS, prefix string) string {
	return pickWhere(rng, fsys, mainUnder(prefix))
}

// pickTranslation chooses a translation under prefix.
func pickTranslation(rng *rand.Rand, fsys fstest.MapFS, prefix string) string {
	return pickWhere(rng, fsys, translationUnder(prefix))
}

func pickWhere(rng *rand.Rand, fsys fstest.MapFS, match func(string) bool) string {
	var names []string
	for name := range fsys {
		if match(name) {
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		return ""
	}
	slices.Sort(names)
	return names[rng.IntN(len(names))]
}

// isTranslation reports whether a file of the test's site is a
// translation: they are into Ukrainian.
func isTranslation(name string) bool { return strings.HasSuffix(name, ".uk.md") }

func mainUnder(prefix string) func(string) bool {
	return func(name string) bool { return strings.HasPrefix(name, prefix) && !isTranslation(name) }
}

func translationUnder(prefix string) func(string) bool {
	return func(name string) bool { return strings.HasPrefix(name, prefix) && isTranslation(name) }
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

func replaceIn(fsys fstest.MapFS, name, old, new string, ch *Changes) {
	if name == "" {
		return
	}
	fsys[name] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys[name].Data), old, new, 1))}
	ch.Content[name] = true
}

func editors() []editor {
	n := 0
	next := func() int { n++; return n }
	return []editor{
		{name: "edit an event's body", apply: func(rng *rand.Rand, c, _ fstest.MapFS, ch *Changes) {
			replaceIn(c, pick(rng, c, "events/"), "report.", fmt.Sprintf("report %d.", next()), ch)
		}},
		{name: "delete an event", apply: func(rng *rand.Rand, c, _ fstest.MapFS, ch *Changes) {
			if name := pick(rng, c, "events/"); name != "" {
				delete(c, name)
				ch.Content[name] = true
				moveTranslation(c, name, "", ch)
			}
		}},
		{name: "add an event", apply: func(rng *rand.Rand, c, _ fstest.MapFS, ch *Changes) {
			i := next()
			name := fmt.Sprintf("events/2019-0%d-1%d-added-%d.md", 1+i%9, i%10, i)
			ch.Content[name] = true
			c[name] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
				"---\ntitle: Added %d\ndate: 2019-0%d-1%d\nkind: exchange\nreturned:\n  - {to: ukraine, count: %d, source: s}\npeople:\n  - {id: person-00001, role: released}\ntags: [added]\nsources:\n  - {id: s, publisher: P, url: \"https://example.org/%d\", date: 2019-01-01}\n---\nBody %d.\n",
				i, 1+i%9, i%10, i, i, i))}
		}},
		{name: "rename an event file", apply: func(rng *rand.Rand, c, _ fstest.MapFS, ch *Changes) {
			if name := pick(rng, c, "events/"); name != "" {
				renamed := strings.Replace(name, ".md", fmt.Sprintf("-renamed-%d.md", next()), 1)
				c[renamed] = c[name]
				delete(c, name)
				ch.Content[name], ch.Content[renamed] = true, true
				moveTranslation(c, name, renamed, ch)
			}
		}},
		{name: "rename an event file, keeping a redirect", apply: func(rng *rand.Rand, c, _ fstest.MapFS, ch *Changes) {
			if name := pick(rng, c, "events/"); name != "" && !strings.Contains(string(c[name].Data), "redirect_from") {
				renamed := strings.Replace(name, ".md", fmt.Sprintf("-moved-%d.md", next()), 1)
				old := strings.TrimSuffix(name[strings.LastIndex(name, "/")+1:], ".md")
				c[renamed] = &fstest.MapFile{Data: []byte(strings.Replace(string(c[name].Data), "kind: ", "redirect_from: ["+old+"]\nkind: ", 1))}
				delete(c, name)
				ch.Content[name], ch.Content[renamed] = true, true
				moveTranslation(c, name, renamed, ch)
			}
		}},
		{name: "move an event to another year", apply: func(rng *rand.Rand, c, _ fstest.MapFS, ch *Changes) {
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
		// The next edit builds on the broken site, then checkRebuilds mends it.
		{name: "break and keep a broken event", keepsBroken: true, apply: func(rng *rand.Rand, c, _ fstest.MapFS, ch *Changes) {
			replaceIn(c, pick(rng, c, "events/"), "kind: ", "kidn: ", ch)
		}},
		{name: "delete a person", apply: func(rng *rand.Rand, c, _ fstest.MapFS, ch *Changes) {
			if name := pick(rng, c, "people/"); name != "" {
				delete(c, name)
				ch.Content[name] = true
				moveTranslation(c, name, "", ch)
			}
		}},
		{name: "add a person", apply: func(_ *rand.Rand, c, _ fstest.MapFS, ch *Changes) {
			name := fmt.Sprintf("people/added-%d.md", next())
			c[name] = &fstest.MapFile{Data: []byte("---\nname: Added Person\nparty: russia\n---\nA biography.\n")}
			ch.Content[name] = true
		}},
		{name: "delete a statement", apply: func(rng *rand.Rand, c, _ fstest.MapFS, ch *Changes) {
			if name := pick(rng, c, "statements/"); name != "" {
				delete(c, name)
				ch.Content[name] = true
				moveTranslation(c, name, "", ch)
			}
		}},
		// Translations: the fields of each kind are edited from the schema
		// (edits.go); these add, rewrite and remove whole translations.
		{name: "edit a translation's body", apply: func(rng *rand.Rand, c, _ fstest.MapFS, ch *Changes) {
			replaceIn(c, pickTranslation(rng, c, "events/"), "report.", fmt.Sprintf("звіт %d.", next()), ch)
		}},
		{name: "delete a translation", apply: func(rng *rand.Rand, c, _ fstest.MapFS, ch *Changes) {
			if name := pickTranslation(rng, c, "events/"); name != "" {
				delete(c, name)
				ch.Content[name] = true
			}
		}},
		{name: "translate an event", apply: func(rng *rand.Rand, c, _ fstest.MapFS, ch *Changes) {
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
		{name: "translate a person", apply: func(rng *rand.Rand, c, _ fstest.MapFS, ch *Changes) {
			name := pick(rng, c, "people/")
			tr := strings.TrimSuffix(name, ".md") + ".uk.md"
			if name == "" || c[tr] != nil {
				return
			}
			c[tr] = &fstest.MapFile{Data: []byte(fmt.Sprintf("---\nname: Особа %d\n---\n", next()))}
			ch.Content[tr] = true
		}},
		{name: "delete an event, leaving its translation", apply: func(rng *rand.Rand, c, _ fstest.MapFS, ch *Changes) {
			if name := pickTranslation(rng, c, "events/"); name != "" {
				main := strings.TrimSuffix(name, ".uk.md") + ".md"
				delete(c, main)
				ch.Content[main] = true
			}
		}},
		{name: "set a fact in a translation", apply: func(rng *rand.Rand, c, _ fstest.MapFS, ch *Changes) {
			replaceIn(c, pickTranslation(rng, c, "events/"), "title: ", "date: 2001-01-01\ntitle: ", ch)
		}},
		{name: "give a person a portrait", apply: func(rng *rand.Rand, c, l fstest.MapFS, ch *Changes) {
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
		{name: "edit a translation file of the layouts", apply: func(_ *rand.Rand, _, l fstest.MapFS, ch *Changes) {
			replaceIn(l, "i18n/uk.yaml", "nav.timeline: ", fmt.Sprintf("nav.timeline: Хронологія %d ", next()), &Changes{Content: map[string]bool{}})
			ch.Layouts = true
		}},
		{name: "edit the stylesheet", apply: func(_ *rand.Rand, _, l fstest.MapFS, ch *Changes) {
			l["static/style.css"] = &fstest.MapFile{Data: append(l["static/style.css"].Data, fmt.Sprintf("/* %d */\n", next())...)}
			ch.Layouts = true
		}},
		{name: "edit a template", apply: func(_ *rand.Rand, _, l fstest.MapFS, ch *Changes) {
			replaceIn(l, "person.html", `<article class="person-page"`, fmt.Sprintf(`<article class="person-page" data-edit="%d"`, next()), &Changes{Content: map[string]bool{}})
			ch.Layouts = true
		}},
	}
}
