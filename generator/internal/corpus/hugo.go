package corpus

import (
	"embed"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"strings"
)

// The Hugo twin (hugo/): the same corpus as a Hugo site whose templates
// make the same pages as ours, page for page, so that `make bench` times
// the two generators on the same work. Compare checks that they agree.
//
//go:embed all:hugo
var hugoSite embed.FS

// GenerateHugo returns Generate(n) as a Hugo site: its configuration and
// templates, the static files of static (our layouts' static/ folder, for
// the same assets), and the content. Events are pages of the section
// "events"; people, tags and years are taxonomies, so the events' front
// matter lists their people and year as terms (the people with their
// roles move to "participants"); a person is the content of their term
// page, whose aliases are "spellings" (Hugo reads aliases as old URLs).
func GenerateHugo(n int, static fs.FS) ([]File, error) {
	var files []File
	err := fs.WalkDir(hugoSite, "hugo", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := hugoSite.ReadFile(p)
		files = append(files, File{Path: strings.TrimPrefix(p, "hugo/"), Data: data})
		return err
	})
	if err != nil {
		return nil, err
	}
	err = fs.WalkDir(static, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return err
		}
		data, err := fs.ReadFile(static, p)
		files = append(files, File{Path: "static/" + p, Data: data})
		return err
	})
	if err != nil {
		return nil, err
	}
	rng := rand.New(rand.NewPCG(1, uint64(n)))
	people := max(n/2, 3)
	files = append(files, File{Path: "content/_index.md", Data: []byte(siteFile)},
		File{Path: "content/numbers/_index.md", Data: []byte("---\ntitle: The numbers\n---\n")})
	for i := range people {
		p := strings.Replace(string(person(rng, i).Data), "\naliases:", "\nspellings:", 1)
		name := p[len("---\nname: "):strings.Index(p, "\nspellings:")]
		p = "---\ntitle: " + name + "\n" + p[len("---\n"):]
		files = append(files, File{Path: "content/people/" + personID(i) + "/_index.md", Data: []byte(p)})
	}
	for i := range n {
		e, persons, year := eventWithTerms(rng, i, n, people)
		data := strings.Replace(string(e.Data), "\npeople:\n", "\nparticipants:\n", 1)
		terms := fmt.Sprintf("people: [%s]\nyears: [\"%s\"]\n", strings.Join(persons, ", "), year)
		data = strings.Replace(data, "\n---\n", "\n"+terms+"---\n", 1)
		files = append(files, File{Path: "content/" + e.Path, Data: []byte(data)})
	}
	return files, nil
}
