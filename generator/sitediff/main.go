// Command sitediff says what a change does to the site: it compares two
// builds of it, before and after, and writes a Markdown report for the
// pull request's job summary: the pages added, changed and removed, and
// every figure of the home page (and of /numbers/), before and after.
//
//	sitediff -before DIR -after DIR >> "$GITHUB_STEP_SUMMARY"
//
// The check workflow builds the pull request's base and head and runs it.
// It exits 1 only when a directory cannot be read.
package main

import (
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("sitediff", flag.ContinueOnError)
	flags.SetOutput(stderr)
	before := flags.String("before", "", "the `directory` of the site before the change")
	after := flags.String("after", "", "the `directory` of the site after the change")
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *before == "" || *after == "" || flags.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: sitediff -before DIR -after DIR")
		return 2
	}
	old, err := readSite(os.DirFS(*before))
	if err != nil {
		fmt.Fprintf(stderr, "sitediff: the site before: %v\n", err)
		return 1
	}
	cur, err := readSite(os.DirFS(*after))
	if err != nil {
		fmt.Fprintf(stderr, "sitediff: the site after: %v\n", err)
		return 1
	}
	if _, err := io.WriteString(stdout, report(old, cur)); err != nil {
		fmt.Fprintf(stderr, "sitediff: %v\n", err)
		return 1
	}
	return 0
}

// A snapshot is one build of the site: the hash of every file, and the
// figures of the pages that give the site's totals and counts.
type snapshot struct {
	files   map[string][sha256.Size]byte
	figures map[string][]figure // by page
}

// figurePages are the pages whose figures the report compares, with how it
// names them: the home page, and the numbers' own page, where the site has
// one.
var figurePages = []struct{ file, name string }{
	{"index.html", "the home page"},
	{"numbers/index.html", "/numbers/"},
}

func readSite(fsys fs.FS) (*snapshot, error) {
	s := &snapshot{files: map[string][sha256.Size]byte{}, figures: map[string][]figure{}}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		s.files[p] = sha256.Sum256(data)
		for _, page := range figurePages {
			if p == page.file {
				s.figures[p], err = pageFigures(data)
			}
		}
		return err
	})
	if err == nil && len(s.files) == 0 {
		err = errors.New("no files: build the site there first")
	}
	return s, err
}

// changes are the files added, changed and removed, in path order.
type changes struct{ added, changed, removed []string }

func compare(old, cur *snapshot, keep func(string) bool) changes {
	var c changes
	for p, h := range cur.files {
		switch o, ok := old.files[p]; {
		case !keep(p):
		case !ok:
			c.added = append(c.added, p)
		case o != h:
			c.changed = append(c.changed, p)
		}
	}
	for p := range old.files {
		if _, ok := cur.files[p]; !ok && keep(p) {
			c.removed = append(c.removed, p)
		}
	}
	slices.Sort(c.added)
	slices.Sort(c.changed)
	slices.Sort(c.removed)
	return c
}

func isPage(p string) bool { return path.Ext(p) == ".html" }

// address is a page's path as a reader sees it: "/events/x/".
func address(p string) string {
	return "/" + strings.TrimSuffix(p, "index.html")
}

// listedInFull is how many pages of one list the report names before
// folding the rest away.
const listedInFull = 20

// maxListed bounds a list, as GitHub takes at most 1 MiB of summary.
const maxListed = 1000

func report(old, cur *snapshot) string {
	var b strings.Builder
	b.WriteString("### What this change does to the site\n\n")
	pages := compare(old, cur, isPage)
	others := compare(old, cur, func(p string) bool { return !isPage(p) })
	b.WriteString("| | before | after |\n| --- | ---: | ---: |\n")
	fmt.Fprintf(&b, "| Pages | %d | %d |\n", count(old, isPage), count(cur, isPage))
	fmt.Fprintf(&b, "| Other files (feed, data, styles…) | %d | %d |\n\n", len(old.files)-count(old, isPage), len(cur.files)-count(cur, isPage))
	list(&b, "page added", "pages added", pages.added, address)
	list(&b, "page changed", "pages changed", pages.changed, address)
	list(&b, "page removed", "pages removed", pages.removed, address)
	if len(pages.added)+len(pages.changed)+len(pages.removed) == 0 {
		b.WriteString("No page is added, changed or removed.\n\n")
	}
	all := slices.Concat(others.added, others.changed, others.removed)
	slices.Sort(all)
	list(&b, "other file added, changed or removed", "other files added, changed or removed", all, func(p string) string { return p })
	for _, page := range figurePages {
		_, before := old.files[page.file]
		_, after := cur.files[page.file]
		if before || after {
			figures(&b, page.name, old.figures[page.file], cur.figures[page.file])
		}
	}
	return b.String()
}

func count(s *snapshot, keep func(string) bool) int {
	n := 0
	for p := range s.files {
		if keep(p) {
			n++
		}
	}
	return n
}

// list writes one list of pages: in full when short, folded away in a
// <details> element when long.
func list(b *strings.Builder, one, many string, paths []string, show func(string) string) {
	if len(paths) == 0 {
		return
	}
	title := fmt.Sprintf("%d %s", len(paths), many)
	if len(paths) == 1 {
		title = "1 " + one
	}
	if len(paths) > listedInFull {
		fmt.Fprintf(b, "<details><summary><b>%s</b></summary>\n\n", title)
	} else {
		fmt.Fprintf(b, "**%s**\n\n", title)
	}
	for i, p := range paths {
		if i == maxListed {
			fmt.Fprintf(b, "- …and %d more\n", len(paths)-i)
			break
		}
		fmt.Fprintf(b, "- `%s`\n", show(p))
	}
	if len(paths) > listedInFull {
		b.WriteString("\n</details>\n")
	}
	b.WriteString("\n")
}
