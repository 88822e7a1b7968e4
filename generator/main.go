// Command timeline builds the Exchange Timeline site: Markdown files with
// front matter in content/, html/template layouts in layouts/, a static site
// in public/. See DESIGN.md for the content schema and README.md for use.
//
//	timeline build   validate, then write the site to -out
//	timeline check   validate only
//	timeline new     write a new event or person file to fill in
//
// Exit codes: 0 success, 1 content or build errors, 2 bad usage.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/exchange-timeline/timeline/generator/internal/build"
	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/diag"
	"github.com/exchange-timeline/timeline/generator/internal/render"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

const usage = `usage: timeline <command> [flags]

commands:
  build    validate the content, then write the site to -out
  check    validate the content only (-format github: annotations for GitHub Actions)
  new      new event TITLE -date YYYY-MM-DD, or new person NAME: write a file to fill in
  watch    build, then rebuild -out on every change (-poll DURATION to poll)
  serve    build, watch, and serve the site with live reload (-addr 127.0.0.1:8080)

flags shared by all commands:
  -content DIR     content directory (default "content")
  -layouts DIR     layouts directory (default "layouts")
  -out DIR         output directory (default "public")
  -base-url URL    "/", "/repo/" or "https://owner.github.io/repo/" (default "/")
  -drafts          include events marked draft: true

Run "timeline <command> -h" for a command's flags.
`

// usageError is a mistake on the command line (exit code 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return usageError{fmt.Sprintf(format, args...)}
}

// errFlags reports a flag error that the flag package has already printed,
// with the command's flags.
var errFlags = errors.New("bad flags")

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "-help" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stderr, usage)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	if args[0] == "new" {
		return runNew(args[1:], stdout, stderr)
	}
	if args[0] == "gen-corpus" {
		return runGenCorpus(args[1:], stdout, stderr)
	}
	commands := map[string]func(*config) error{
		"build": runBuild,
		"check": runCheck,
		"watch": runWatch,
		"serve": runServe,
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "timeline: unknown command %q\n\n%s", args[0], usage)
		return exitUsage
	}
	cfg, err := parseFlags(args[0], args[1:], stdout, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err == nil {
		err = cfg.profiled(cmd)
	}
	var usageErr usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errFlags):
		return exitUsage
	case errors.As(err, &usageErr):
		fmt.Fprintf(stderr, "timeline %s: %v\n", args[0], err)
		return exitUsage
	case errors.Is(err, errFailed):
		return exitError
	}
	fmt.Fprintf(stderr, "timeline %s: %v\n", args[0], err)
	return exitError
}

// config is the parsed command line.
type config struct {
	contentDir, layoutsDir, outDir string
	baseURL                        render.BaseURL
	drafts                         bool
	force                          bool          // build, watch, serve: replace an -out that is not a site
	format                         string        // check: "github" or "text"
	poll                           time.Duration // watch, serve: poll instead of file events
	addr                           string        // serve: where to listen
	cpuProfile, memProfile         string
	stdout, stderr                 io.Writer
}

func parseFlags(name string, args []string, stdout, stderr io.Writer) (*config, error) {
	cfg := &config{stdout: stdout, stderr: stderr}
	fs := flag.NewFlagSet("timeline "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.contentDir, "content", "content", "content `directory`")
	fs.StringVar(&cfg.layoutsDir, "layouts", "layouts", "layouts `directory`")
	fs.StringVar(&cfg.outDir, "out", "public", "output `directory`")
	base := fs.String("base-url", "/", "base `URL`: a path such as /repo/, or https://owner.github.io/repo/")
	fs.BoolVar(&cfg.drafts, "drafts", false, "include events marked draft: true")
	fs.StringVar(&cfg.cpuProfile, "cpuprofile", "", "write a CPU profile to `file`")
	fs.StringVar(&cfg.memProfile, "memprofile", "", "write a memory profile to `file` when done")
	if name == "check" {
		fs.StringVar(&cfg.format, "format", defaultFormat(), "output `format`: github (annotations) or text")
	}
	if name != "check" {
		fs.BoolVar(&cfg.force, "force", false, "replace -out even if it is not a site an earlier build wrote")
	}
	if name == "watch" || name == "serve" {
		fs.DurationVar(&cfg.poll, "poll", 0, "poll for changes at this `interval` instead of using file events")
	}
	if name == "serve" {
		fs.StringVar(&cfg.addr, "addr", "127.0.0.1:8080", "`host:port` to listen on")
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, err
		}
		return nil, errFlags
	}
	if fs.NArg() > 0 {
		return nil, usagef("unexpected argument %q", fs.Arg(0))
	}
	var err error
	if cfg.baseURL, err = render.ParseBaseURL(*base); err != nil {
		return nil, usageError{err.Error()}
	}
	return cfg, nil
}

// buildOptions opens the content and, when layouts is true, the layouts
// directories as file systems rooted there: a symbolic link that leads out
// of them cannot be followed, so content cannot pull in files from
// elsewhere on the machine.
func (c *config) buildOptions(layouts bool) (build.Options, error) {
	now := time.Now()
	opts := build.Options{
		ContentDir: c.contentDir,
		LayoutsDir: c.layoutsDir,
		BaseURL:    c.baseURL,
		Drafts:     c.drafts,
		Today:      content.NewDate(now.Year(), now.Month(), now.Day()),
	}
	contentRoot, err := os.OpenRoot(c.contentDir)
	if err != nil {
		return opts, fmt.Errorf("the content directory: %w", err)
	}
	opts.Content = contentRoot.FS()
	if layouts {
		layoutsRoot, err := os.OpenRoot(c.layoutsDir)
		if err != nil {
			return opts, fmt.Errorf("the layouts directory: %w", err)
		}
		opts.Layouts = layoutsRoot.FS()
	}
	return opts, nil
}

// errFailed reports that problems were found and already printed.
var errFailed = errors.New("failed")

// report prints diagnostics and a count, and returns errFailed when any is
// an error.
func (c *config) report(diags diag.List) error {
	for _, d := range diags {
		fmt.Fprintln(c.stderr, d)
	}
	errs, warns := diags.Count(diag.Error), diags.Count(diag.Warning)
	if errs > 0 {
		fmt.Fprintf(c.stderr, "%s, %s\n", count(errs, "error"), count(warns, "warning"))
		return errFailed
	}
	return nil
}

func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func elapsed(start time.Time) string {
	return time.Since(start).Round(time.Millisecond).String()
}
