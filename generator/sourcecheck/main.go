// Command sourcecheck fetches the address of every source in the content,
// url and archive, and writes a Markdown report of those that no longer
// answer, for the job summary of a scheduled workflow:
//
//	sourcecheck -content content >> "$GITHUB_STEP_SUMMARY"
//
// Each address is asked for once, however many sources name it, with HEAD
// and then GET (some servers answer HEAD wrongly), following redirects. An
// address is gone (404, 410, or a host that no longer exists), failing
// (another error, a server error, no answer in time), or refused: 401, 403
// and 429 say the site turned the checker away, not that the page is gone.
//
// It exits 0 whatever it finds: a dead link is for a person to look at and
// must never fail a build. Only a content directory it cannot read, or a
// mistake on the command line, is an error.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/exchange-timeline/timeline/generator/internal/annotate"
	"github.com/exchange-timeline/timeline/generator/internal/content"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("sourcecheck", flag.ContinueOnError)
	flags.SetOutput(stderr)
	dir := flags.String("content", "content", "the content `directory`")
	timeout := flags.Duration("timeout", 30*time.Second, "how `long` to wait for one address")
	parallel := flags.Int("parallel", 6, "how many addresses to ask for at once")
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if flags.NArg() > 0 || *parallel < 1 {
		fmt.Fprintln(stderr, "usage: sourcecheck [-content DIR] [-timeout 30s] [-parallel 6]")
		return 2
	}
	fsys := os.DirFS(*dir)
	links, err := sourceLinks(fsys)
	if err != nil {
		fmt.Fprintf(stderr, "sourcecheck: %v\n", err)
		return 1
	}
	start := time.Now()
	client := &http.Client{Timeout: *timeout}
	answers := checkAll(context.Background(), client, links, *parallel)
	report(stdout, *dir, links, answers, time.Since(start))
	fmt.Fprintf(stderr, "sourcecheck: %d addresses, %d not answering as they should\n", len(answers), countBad(answers))
	return 0
}

// A link is one address named by a source: where, and which.
type link struct {
	path, field string // the file in the content directory, and the field: "sources[2].url"
	line        int    // of the field in the file
	source      string // the source's id
	url         string
}

// sourceLinks lists the url and archive of every source of every event,
// person and statement, in file order.
func sourceLinks(fsys fs.FS) ([]link, error) {
	files, _ := content.Load(fsys)
	if files.Site == nil && len(files.Events)+len(files.People)+len(files.Statements) == 0 {
		return nil, errors.New("no content found: give -content the content directory")
	}
	var links []link
	add := func(doc *content.Doc, sources []content.Source) {
		locator := doc.Positions.Locator()
		for i, s := range sources {
			for _, f := range []struct{ name, url string }{{"url", s.URL}, {"archive", s.Archive}} {
				if f.url != "" {
					field := fmt.Sprintf("sources[%d].%s", i, f.name)
					line, _ := locator.Locate(field)
					links = append(links, link{doc.Path, field, line, s.ID, f.url})
				}
			}
		}
	}
	for _, e := range files.Events {
		add(&e.Doc, e.Sources)
	}
	for _, p := range files.People {
		add(&p.Doc, p.Sources)
	}
	for _, s := range files.Statements {
		add(&s.Doc, s.Sources)
	}
	return links, nil
}

// An answer is what one address gave.
type answer struct {
	verdict string // "" when it answered, else gone, failing or refused
	detail  string // the status or the error
}

const (
	gone    = "gone"
	failing = "failing"
	refused = "refused"
)

// checkAll asks for each distinct address once, parallel at a time.
func checkAll(ctx context.Context, client *http.Client, links []link, parallel int) map[string]answer {
	var urls []string
	for _, l := range links {
		urls = append(urls, l.url)
	}
	slices.Sort(urls)
	urls = slices.Compact(urls)
	got := make([]answer, len(urls))
	var wg sync.WaitGroup
	slots := make(chan struct{}, parallel)
	for i, url := range urls {
		wg.Go(func() {
			slots <- struct{}{}
			defer func() { <-slots }()
			got[i] = check(ctx, client, url)
		})
	}
	wg.Wait()
	answers := make(map[string]answer, len(urls))
	for i, url := range urls {
		answers[url] = got[i]
	}
	return answers
}

// userAgent names the checker, for the logs of the sites it visits.
const userAgent = "exchange-timeline-sourcecheck/1 (checks that the sources of a public record still answer)"

func check(ctx context.Context, client *http.Client, url string) answer {
	a := fetch(ctx, client, http.MethodHead, url)
	if a.verdict != "" {
		a = fetch(ctx, client, http.MethodGet, url)
	}
	return a
}

func fetch(ctx context.Context, client *http.Client, method, url string) answer {
	req, err := http.NewRequestWithContext(ctx, method, url, nil)
	if err != nil {
		return answer{failing, err.Error()}
	}
	req.Header.Set("User-Agent", userAgent)
	resp, err := client.Do(req)
	if err != nil {
		var dns *net.DNSError
		if errors.As(err, &dns) && dns.IsNotFound {
			return answer{gone, "the host " + dns.Name + " does not exist"}
		}
		return answer{failing, err.Error()}
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20)) // let the connection be reused
	switch code := resp.StatusCode; {
	case code < 400:
		return answer{}
	case code == http.StatusNotFound || code == http.StatusGone:
		return answer{gone, resp.Status}
	case code == http.StatusUnauthorized || code == http.StatusForbidden || code == http.StatusTooManyRequests:
		return answer{refused, resp.Status}
	default:
		return answer{failing, resp.Status}
	}
}

func countBad(answers map[string]answer) int {
	n := 0
	for _, a := range answers {
		if a.verdict != "" {
			n++
		}
	}
	return n
}

// verdicts are the kinds of problem, in the order the report lists them,
// with how the table shows them.
var verdicts = []struct{ verdict, shown string }{
	{gone, "❌ gone"}, {failing, "⚠️ failing"}, {refused, "🚫 refused the checker"},
}

// report writes the Markdown report: a line of totals, then a row for each
// source whose address did not answer as it should, gone first.
func report(w io.Writer, dir string, links []link, answers map[string]answer, took time.Duration) {
	var b strings.Builder
	b.WriteString("### The sources' addresses\n\n")
	counts := map[string]int{}
	for _, a := range answers {
		counts[a.verdict]++
	}
	fmt.Fprintf(&b, "%d addresses of sources checked in %s: %d gone, %d failing, %d refused the checker.",
		len(answers), took.Round(time.Second), counts[gone], counts[failing], counts[refused])
	if countBad(answers) == 0 {
		b.WriteString(" Every address answered.\n")
		io.WriteString(w, b.String())
		return
	}
	b.WriteString(" A gone address needs a new one, or an `archive` copy; a failing one may be down for a while; ")
	b.WriteString("a site that refused the checker is best opened in a browser.\n\n")
	b.WriteString("| | file | line | source | address | answer |\n| --- | --- | ---: | --- | --- | --- |\n")
	for _, v := range verdicts {
		for _, l := range links {
			a := answers[l.url]
			if a.verdict != v.verdict {
				continue
			}
			fmt.Fprintf(&b, "| %s | %s | %d | %s | %s | %s |\n", v.shown, annotate.Cell(path.Join(dir, l.path)), l.line,
				annotate.Cell(l.source), annotate.Cell(l.url), annotate.Cell(a.detail))
		}
	}
	b.WriteString("\n")
	io.WriteString(w, b.String())
}
