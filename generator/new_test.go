package main

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/exchange-timeline/timeline/generator/internal/build"
	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/diag"
	yaml "go.yaml.in/yaml/v3"
)

// Every field of the content types has a comment in the new files, and no
// comment is left over from a field that is gone.
func TestNewFieldNotes(t *testing.T) {
	want := map[string]bool{}
	for _, v := range []any{content.Event{}, content.Figure{}, content.Participant{}, content.Source{}, content.Person{}} {
		names, _ := content.Fields(v)
		for _, name := range names {
			key := reflect.TypeOf(v).Name() + "." + name
			want[key] = true
			if fieldNotes[key] == "" {
				t.Errorf("fieldNotes has no comment for %s", key)
			}
		}
	}
	for key := range fieldNotes {
		if !want[key] {
			t.Errorf("fieldNotes[%q] is not a field of the content types", key)
		}
	}
}

var testDate, _ = content.ParseDate("2001-01-10")

// keysOf returns the keys of a YAML mapping node, in order, and the values.
func keysOf(t *testing.T, n *yaml.Node) ([]string, map[string]*yaml.Node) {
	t.Helper()
	if n.Kind != yaml.MappingNode {
		t.Fatalf("not a mapping at line %d", n.Line)
	}
	var keys []string
	values := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		keys = append(keys, n.Content[i].Value)
		values[n.Content[i].Value] = n.Content[i+1]
	}
	return keys, values
}

// frontMatter parses the YAML between the --- lines of a new file.
func frontMatter(t *testing.T, text string) *yaml.Node {
	t.Helper()
	body, ok := strings.CutPrefix(text, "---\n")
	body, _, ok2 := strings.Cut(body, "\n---\n")
	if !ok || !ok2 {
		t.Fatalf("no front matter in\n%s", text)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(body), &doc); err != nil {
		t.Fatalf("%v in\n%s", err, text)
	}
	return doc.Content[0]
}

// The new files hold every field of the content types, in their order,
// nested lists included: for a person, the source entry is there in
// comments.
func TestNewFileHasEveryField(t *testing.T) {
	event := (&newFile{kind: "event", title: "T", date: testDate, words: "t", contentDir: t.TempDir()}).text()
	keys, values := keysOf(t, frontMatter(t, event))
	if names, _ := content.Fields(content.Event{}); !slices.Equal(keys, names) {
		t.Errorf("event fields %v, want %v", keys, names)
	}
	for field, v := range map[string]any{"returned": content.Figure{}, "people": content.Participant{}, "sources": content.Source{}} {
		list := values[field]
		if list.Kind != yaml.SequenceNode || len(list.Content) != 1 {
			t.Errorf("%s: want a list of one entry", field)
			continue
		}
		keys, _ := keysOf(t, list.Content[0])
		if names, _ := content.Fields(v); !slices.Equal(keys, names) {
			t.Errorf("%s entry fields %v, want %v", field, keys, names)
		}
	}

	person := (&newFile{kind: "person", title: "P", words: "p", contentDir: t.TempDir()}).text()
	keys, values = keysOf(t, frontMatter(t, person))
	if names, _ := content.Fields(content.Person{}); !slices.Equal(keys, names) {
		t.Errorf("person fields %v, want %v", keys, names)
	}
	if values["sources"].Kind != yaml.SequenceNode || len(values["sources"].Content) != 0 {
		t.Errorf("a new person's sources should be an empty list")
	}
	// Uncommented as the comment says, the source entry has every field.
	uncommented := strings.Replace(person, "sources: []", "sources:", 1)
	uncommented = regexp.MustCompile(`(?m)^# ( *[-a-z])`).ReplaceAllString(uncommented, "  $1")
	_, values = keysOf(t, frontMatter(t, uncommented))
	if list := values["sources"]; list.Kind != yaml.SequenceNode || len(list.Content) != 1 {
		t.Fatalf("uncommented, a person's sources hold one entry:\n%s", uncommented)
	}
	keys, _ = keysOf(t, values["sources"].Content[0])
	if names, _ := content.Fields(content.Source{}); !slices.Equal(keys, names) {
		t.Errorf("person source fields %v, want %v", keys, names)
	}
}

// fill puts a value after the first line starting with prefix.
func fill(t *testing.T, text, prefix, value string) string {
	t.Helper()
	re := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(prefix) + `( +#.*)?$`)
	loc := re.FindStringIndex(text)
	if loc == nil {
		t.Fatalf("no line %q in\n%s", prefix, text)
	}
	return text[:loc[0]] + prefix + " " + value + text[loc[1]:]
}

// A person file as written passes the check; an event file does once its
// placeholders are filled in, and not before.
func TestNewFilesPassTheCheck(t *testing.T) {
	dir := t.TempDir()
	fsys := fstest.MapFS{"_index.md": {Data: []byte("---\ntitle: S\nparties:\n  - {id: north, name: North}\n---\n")}}
	person := (&newFile{kind: "person", title: "Дмитро Хилюк", words: "dmytro-khyliuk", contentDir: dir}).text()
	event := (&newFile{kind: "event", title: "Swap: 10 for 10, #1", date: testDate, words: "swap-10-for-10-1", contentDir: dir}).text()
	fsys["people/dmytro-khyliuk.md"] = &fstest.MapFile{Data: []byte(person)}
	check := func() []string {
		diags := build.Check(build.Options{Content: fsys, ContentDir: "content", Today: content.NewDate(2030, 1, 1)})
		var errs []string
		for _, d := range diags {
			if d.Severity == diag.Error {
				errs = append(errs, d.String())
			}
		}
		return errs
	}
	if errs := check(); len(errs) > 0 {
		t.Errorf("the new person file does not pass:\n%s\n%s", strings.Join(errs, "\n"), person)
	}

	fsys["events/2001-01-10-swap-10-for-10-1.md"] = &fstest.MapFile{Data: []byte(event)}
	errs := check()
	if len(errs) == 0 {
		t.Errorf("an event with its placeholders empty passes the check")
	}
	for _, want := range []string{`"kind" is empty`, `"to" is empty`, `"id" is empty`, `"role" is empty`, `"publisher" is empty`, `"url" is empty`} {
		if !strings.Contains(strings.Join(errs, "\n"), want) {
			t.Errorf("no error %s in\n%s", want, strings.Join(errs, "\n"))
		}
	}
	for _, f := range [][2]string{
		{"kind:", "exchange"},
		{"  - to:", "north"}, {"    count:", "10"}, {"    source:", "wire"},
		{"  - id:", "dmytro-khyliuk"}, {"    role:", "released"},
		{"  - id:", "wire"}, {"    publisher:", "Wire"}, {"    url:", "https://example.org/1"},
	} {
		event = fill(t, event, f[0], f[1])
	}
	fsys["events/2001-01-10-swap-10-for-10-1.md"] = &fstest.MapFile{Data: []byte(event)}
	if errs := check(); len(errs) > 0 {
		t.Errorf("the new event file, filled in, does not pass:\n%s\n%s", strings.Join(errs, "\n"), event)
	}
}
