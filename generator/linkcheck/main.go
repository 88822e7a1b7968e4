// Command linkcheck serves a built site with a real static server under its
// base path, as GitHub Pages serves a project site, and crawls it: every
// page and asset, every link, zero broken ones. make validate-links runs it.
//
//	linkcheck -root DIR -base /REPO/    serve DIR with python3 -m http.server; the site is DIR/REPO
//	linkcheck -url http://host:port/REPO/   crawl a server that is already running
//
// With -root, every file of the site is also fetched, whether or not a link
// leads to it, and files that no link reaches are listed. It exits 1 when
// any link is broken.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/exchange-timeline/timeline/generator/internal/crawl"
	"github.com/exchange-timeline/timeline/generator/internal/site"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("linkcheck", flag.ContinueOnError)
	fs.SetOutput(stderr)
	root := fs.String("root", "", "`directory` to serve; the site is in its subdirectory named by -base")
	base := fs.String("base", "/", "the site's base `path`, e.g. /exchange-timeline/")
	server := fs.String("server", "python3 -u -m http.server --bind 127.0.0.1 --directory {root} 0", "static server `command`; {root} is replaced, and it must print its port")
	target := fs.String("url", "", "crawl this running site instead of starting a server")
	timeout := fs.Duration("timeout", 5*time.Minute, "give up after this `long`")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if (*root == "") == (*target == "") || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "linkcheck: give either -root DIR (with -base /REPO/) or -url URL")
		return 2
	}
	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()

	opts := crawl.Options{Base: *target}
	var files []string
	if *root != "" {
		baseURL, err := site.ParseBaseURL(*base)
		if err != nil || baseURL.Origin != "" {
			fmt.Fprintf(stderr, "linkcheck: -base %q: give the path the site is served under, like /repo/\n", *base)
			return 2
		}
		basePath := baseURL.Path
		if files, err = siteFiles(filepath.Join(*root, filepath.FromSlash(basePath))); err != nil {
			fmt.Fprintf(stderr, "linkcheck: %v\n", err)
			return 1
		}
		url, stop, err := serve(ctx, *server, *root, stderr)
		if err != nil {
			fmt.Fprintf(stderr, "linkcheck: %v\n", err)
			return 1
		}
		defer stop()
		opts.Base = strings.TrimSuffix(url, "/") + basePath
		opts.Start = files
	}
	start := time.Now()
	res, err := crawl.Run(ctx, opts)
	if err != nil {
		fmt.Fprintf(stderr, "linkcheck: %v\n", err)
		return 1
	}
	for _, p := range res.Problems {
		fmt.Fprintf(stderr, "%s\n", p)
	}
	for _, p := range res.Redirects {
		fmt.Fprintf(stderr, "note: %s\n", p)
	}
	if *root != "" && len(res.Unlinked) > 0 {
		fmt.Fprintf(stdout, "linkcheck: no link leads to %s (fetched all the same)\n", strings.Join(res.Unlinked, ", "))
	}
	var kinds []string
	for _, k := range slices.Sorted(maps.Keys(res.Fetched)) {
		kinds = append(kinds, fmt.Sprintf("%d %s", res.Fetched[k], k))
	}
	total := 0
	for _, n := range res.Fetched {
		total += n
	}
	fmt.Fprintf(stdout, "linkcheck: %s: fetched %d files (%s), checked %d links (%d to other sites, not fetched): %d broken, %d through a redirect, in %s\n",
		opts.Base, total, strings.Join(kinds, ", "), res.Links, res.External, len(res.Problems), len(res.Redirects),
		time.Since(start).Round(time.Millisecond))
	if len(res.Problems) > 0 {
		return 1
	}
	return 0
}

// siteFiles lists the URL paths, relative to the site's root, of every file
// in dir: "", "events/x/", "style.css"... (an index.html is its directory).
func siteFiles(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if path.Base(rel) == "index.html" {
			rel = strings.TrimSuffix(rel, "index.html")
		}
		out = append(out, rel)
		return nil
	})
	if err == nil && len(out) == 0 {
		err = fmt.Errorf("no files in %s: build the site there first", dir)
	}
	return out, err
}

var portLine = regexp.MustCompile(`port (\d+)`)

// serve starts the static server on root and returns its URL once it says
// which port it listens on, and a function that stops it.
func serve(ctx context.Context, command, root string, stderr io.Writer) (string, func(), error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return "", nil, err
	}
	argv := strings.Fields(command)
	for i, a := range argv {
		argv[i] = strings.ReplaceAll(a, "{root}", abs)
	}
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return "", nil, err
	}
	cmd.Stderr = io.Discard // its request log
	if err := cmd.Start(); err != nil {
		return "", nil, fmt.Errorf("starting the server: %w", err)
	}
	stop := func() {
		cmd.Process.Kill()
		cmd.Wait()
	}
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if m := portLine.FindStringSubmatch(sc.Text()); m != nil {
				found <- m[1]
				break
			}
		}
		io.Copy(io.Discard, out)
	}()
	select {
	case port := <-found:
		return "http://127.0.0.1:" + port + "/", stop, nil
	case <-time.After(20 * time.Second):
		stop()
		return "", nil, fmt.Errorf("%s did not say which port it listens on", argv[0])
	}
}
