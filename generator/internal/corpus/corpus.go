// Package corpus writes a synthetic content directory of any size, for
// benchmarks: N events and N/2 people shaped like the real content (figures
// with sources, three people and two tags per event, bodies of about 300
// words with paragraphs, a list, links and emphasis). The same N always
// gives the same files.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing/fstest"
	"time"
)

// A File is one file of the corpus, with a slash-separated path relative to
// the content directory.
type File struct {
	Path string
	Data []byte
}

var (
	words = strings.Fields(`exchange prisoners soldiers civilians returned border mediation
		agreement statement ministry families convoy medical released captivity talks
		delegation officials announced confirmed reported lists names region wounded
		remains repatriation humanitarian committee negotiators ceasefire delegates
		journalists volunteers detained transfer bus hospital rehabilitation agency`)
	tags    = []string{"civilians", "wounded", "journalists", "uae-mediation", "istanbul-agreements", "remains", "kursk", "young-soldiers", "medics", "officers", "women", "elderly"}
	first   = []string{"Anna", "Bohdan", "Daria", "Ivan", "Kateryna", "Maksym", "Olena", "Petro", "Sofia", "Taras", "Yulia", "Zakhar"}
	last    = []string{"Synthenko", "Testchuk", "Exampliuk", "Fixturenko", "Mockovych", "Samplenko", "Dummyuk", "Stubenko"}
	roles   = []string{"released", "released", "announced", "quoted", "mentioned", "negotiated"}
	epoch   = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	parties = []string{"ukraine", "russia"}
)

// Generate returns the site file, n events and n/2 people.
func Generate(n int) []File {
	rng := rand.New(rand.NewPCG(1, uint64(n)))
	people := max(n/2, 3)
	files := []File{{Path: "_index.md", Data: []byte(siteFile)}}
	for i := range people {
		files = append(files, person(rng, i))
	}
	for i := range n {
		files = append(files, event(rng, i, n, people))
	}
	return files
}

const siteFile = `---
title: Synthetic Exchange Timeline
description: A generated corpus for benchmarks; nothing in it is real.
languages: [en]
parties:
  - id: ukraine
    name: Ukraine
  - id: russia
    name: Russia
---
A *synthetic* corpus. Every name and number here is made up.
`

func personID(i int) string { return fmt.Sprintf("person-%05d", i) }

func person(rng *rand.Rand, i int) File {
	name := first[i%len(first)] + " " + last[(i/len(first))%len(last)] + fmt.Sprintf(" %d", i)
	var b strings.Builder
	fmt.Fprintf(&b, "---\nname: %s\naliases: [%s]\ndescription: A synthetic person for benchmarks\nparty: %s\n",
		name, strings.Replace(name, "y", "i", 1), parties[i%2])
	if i%3 == 0 {
		fmt.Fprintf(&b, "captured: %s\ncaptured_place: Synthetic region\n", epoch.AddDate(0, 0, rng.IntN(3000)).Format(time.DateOnly))
	}
	b.WriteString("sources:\n  - id: registry\n    publisher: Synthetic Registry\n    url: https://example.org/people/" + personID(i) + "\n    date: 2001-01-01\n---\n")
	b.WriteString(body(rng, 80))
	return File{Path: "people/" + personID(i) + ".md", Data: []byte(b.String())}
}

// event i of n is dated so that the n events spread over about 25 years.
func event(rng *rand.Rand, i, n, people int) File {
	f, _, _ := eventWithTerms(rng, i, n, people)
	return f
}

// eventWithTerms also returns the event's people and year, which the Hugo
// version of the corpus lists as taxonomy terms.
func eventWithTerms(rng *rand.Rand, i, n, people int) (f File, persons []string, year string) {
	day := func(i int) int { return i * 9000 / n }
	date := epoch.AddDate(0, 0, day(i)).Format(time.DateOnly)
	id := fmt.Sprintf("%s-synthetic-event-%06d", date, i)
	kind := "exchange"
	if i%10 == 9 {
		kind = "repatriation"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: Synthetic event %d\ndate: %s\nkind: %s\nsummary: A generated %s for benchmarks, number %d.\nmediator: Synthetic Mediator\n",
		i, date, kind, kind, i)
	// Past 9,000 events, days have several: each is a stage of its own.
	if i > 0 && day(i-1) == day(i) || i+1 < n && day(i+1) == day(i) {
		fmt.Fprintf(&b, "stage: part %d\n", i)
	}
	b.WriteString("returned:\n")
	count := 10 + rng.IntN(300)
	for _, p := range parties {
		fmt.Fprintf(&b, "  - to: %s\n    count: %d\n    group: soldiers\n    source: wire\n", p, count)
		fmt.Fprintf(&b, "  - to: %s\n    count: %d\n    group: civilians\n    source: wire\n", p, rng.IntN(20))
	}
	if i%7 == 0 {
		fmt.Fprintf(&b, "  - to: ukraine\n    count: %d\n    source: ministry\n", count+5)
	}
	b.WriteString("people:\n")
	for k := range 3 {
		persons = append(persons, personID((i*3+k)%people))
		fmt.Fprintf(&b, "  - id: %s\n    role: %s\n", persons[k], roles[(i+k)%len(roles)])
	}
	fmt.Fprintf(&b, "tags: [%s, %s]\n", tags[i%len(tags)], tags[(i+1+(i/len(tags))%(len(tags)-1))%len(tags)])
	fmt.Fprintf(&b, "sources:\n  - id: wire\n    publisher: Synthetic Wire\n    title: Report %d\n    url: https://example.org/wire/%d\n    date: %s\n", i, i, date)
	fmt.Fprintf(&b, "  - id: ministry\n    publisher: Synthetic Ministry\n    url: https://example.com/ministry/%d\n    date: %s\n---\n", i, date)
	b.WriteString(body(rng, 300))
	return File{Path: "events/" + id + ".md", Data: []byte(b.String())}, persons, date[:4]
}

// body returns about n words of Markdown: paragraphs with emphasis and a
// link, and a short list.
func body(rng *rand.Rand, n int) string {
	var b strings.Builder
	for written := 0; written < n; {
		sentence := 8 + rng.IntN(10)
		for k := range sentence {
			w := words[rng.IntN(len(words))]
			switch {
			case k == 0:
				w = strings.ToUpper(w[:1]) + w[1:]
			case rng.IntN(25) == 0:
				w = "*" + w + "*"
			case rng.IntN(40) == 0:
				w = "[" + w + "](https://example.org/" + w + ")"
			}
			b.WriteString(w)
			b.WriteByte(' ')
		}
		b.WriteString("report.")
		written += sentence + 1
		if rng.IntN(4) == 0 {
			b.WriteString("\n\n")
		}
		if written > n/2 && written-sentence-1 <= n/2 {
			b.WriteString("\n\n- first item\n- second *item*\n- third item\n\n")
		}
	}
	b.WriteString("\n")
	return b.String()
}

// FS returns Generate(n) as an in-memory content directory.
func FS(n int) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, f := range Generate(n) {
		fsys[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}

// Write writes files into dir, which must not exist yet.
func Write(dir string, files []File) error {
	if _, err := os.Stat(dir); err == nil {
		return fmt.Errorf("%s already exists", dir)
	}
	for _, f := range files {
		path := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Translate makes files a site with an edition in lang too: the site file
// declares the two languages, and the site and every event get a
// translation beside them, with a title, a summary, the mediator, the
// figures' groups and a body of their own (the people, as in a record
// being translated, keep only their main files).
func Translate(files []File, lang string) []File {
	rng := rand.New(rand.NewPCG(2, uint64(len(files))))
	out := make([]File, 0, 2*len(files))
	for _, f := range files {
		switch {
		case f.Path == "_index.md":
			f.Data = []byte(strings.Replace(string(f.Data), "languages: [en]", "languages: [en, "+lang+"]", 1))
			out = append(out, f, File{Path: "_index." + lang + ".md", Data: []byte(
				"---\ntitle: Синтетична хронологія обмінів\ndescription: Створений корпус для вимірювань.\n" +
					"parties:\n  - {id: ukraine, name: Україна}\n  - {id: russia, name: Росія}\n---\nСинтетичний корпус.\n")})
		case strings.HasPrefix(f.Path, "events/"):
			id := strings.TrimSuffix(strings.TrimPrefix(f.Path, "events/"), ".md")
			number := id[strings.LastIndexByte(id, '-')+1:]
			var b strings.Builder
			fmt.Fprintf(&b, "---\ntitle: Синтетична подія %s\nsummary: Створена подія для вимірювань, номер %s.\nmediator: Синтетичний посередник\n", number, number)
			b.WriteString("groups:\n  soldiers: військові\n  civilians: цивільні\n---\n")
			b.WriteString(body(rng, 300))
			out = append(out, f, File{Path: "events/" + id + "." + lang + ".md", Data: []byte(b.String())})
		default:
			out = append(out, f)
		}
	}
	return out
}
