package sitetest

import (
	"fmt"
	"hash/crc32"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exchange-timeline/timeline/generator/internal/build"
	"github.com/exchange-timeline/timeline/generator/internal/corpus"
)

// The Hugo twin of the synthetic corpus (corpus.GenerateHugo), which
// make bench times against us, builds the same site as we do: the same
// files, and in a sample of every kind of page the same elements,
// attributes and text once whitespace and the order of attributes are
// normalised (JSON files compared as values). Lists are cut into short
// pages, so that every kind of list page is there on a small corpus.
// Without Hugo the test is skipped, unless REQUIRE_HUGO is set, as CI
// sets it.
func TestHugoTwin(t *testing.T) {
	hugo, err := exec.LookPath("hugo")
	if err != nil {
		if os.Getenv("REQUIRE_HUGO") != "" {
			t.Fatal("hugo is not installed (apt-get install hugo), and REQUIRE_HUGO is set")
		}
		t.Skip("hugo is not installed (apt-get install hugo): the Hugo twin of the benchmarks is not checked")
	}
	const events, eventsPerPage, peoplePerPage = 300, 10, 20
	dir := t.TempDir()
	built, _ := buildWith(t, build.Options{Content: corpus.FS(events), EventsPerPage: eventsPerPage, PeoplePerPage: peoplePerPage})
	ours := filepath.Join(dir, "ours")
	files := map[string]string{}
	for name, data := range built {
		files[name] = string(data)
	}
	WriteFiles(t, ours, files)

	twin, err := corpus.GenerateHugo(events, os.DirFS("../../layouts/static"))
	if err != nil {
		t.Fatal(err)
	}
	twin = append(twin, corpus.File{Path: "sizes.toml",
		Data: fmt.Appendf(nil, "paginate = %d\n[params]\neventsPerPage = %[1]d\npeoplePerPage = %d\n", eventsPerPage, peoplePerPage)})
	src, theirs := filepath.Join(dir, "hugo"), filepath.Join(dir, "hugo-public")
	if err := corpus.Write(src, twin); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(hugo, "--quiet", "--config", "hugo.toml,sizes.toml", "-d", theirs)
	cmd.Dir = src
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("hugo: %v\n%s", err, out)
	}

	compared := map[string]int{}
	diffs, _, err := corpus.Compare(ours, theirs, corpus.Compared{Ignore: corpus.NotTwinned, Sample: func(path string) bool {
		kind := kindOf(path)
		// one event or person page in five, every other file
		if (kind == "event" || kind == "person") && crc32.ChecksumIEEE([]byte(path))%5 != 0 {
			return false
		}
		compared[kind]++
		return true
	}})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diffs[:min(len(diffs), 20)] {
		t.Error(d)
	}
	if len(diffs) > 20 {
		t.Errorf("… and %d more differences", len(diffs)-20)
	}
	for _, kind := range []string{"home", "numbers", "events", "event", "person", "people", "people page", "years", "year",
		"year page", "tags", "tag", "tag page", "404", "feed.xml", "sitemap.xml", "robots.txt", "search-index.json",
		"data/events.json", "data/people.json", "data/events.csv", "data/figures.csv", "style.css"} {
		if compared[kind] == 0 {
			t.Errorf("no %s compared: the sample misses a kind of file", kind)
		}
	}
	t.Logf("compared %v", compared)
}

// kindOf says what kind of file of the site a path is, for the sample.
func kindOf(path string) string {
	parts := strings.Split(strings.TrimSuffix(path, "index.html"), "/")
	paged := strings.Contains(path, "/page/")
	switch {
	case path == "index.html":
		return "home"
	case path == "404.html":
		return "404"
	case len(parts) == 2 && parts[1] == "":
		return parts[0] // numbers/, events/, people/, years/, tags/
	case parts[0] == "people" && paged:
		return "people page"
	case parts[0] == "events":
		return "event"
	case parts[0] == "people":
		return "person"
	case parts[0] == "years" || parts[0] == "tags":
		kind := strings.TrimSuffix(parts[0], "s")
		if paged {
			kind += " page"
		}
		return kind
	}
	return path
}
