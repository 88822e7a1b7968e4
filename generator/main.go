// Command timeline builds the Exchange Timeline site: Markdown files with
// front matter in content/, html/template layouts in layouts/, a static site
// in public/. README.md says how to use it, CONTRIBUTING.md what the content
// files hold, and ARCHITECTURE.md how it is built.
//
// Every command, with its flags, is an entry of the table in commands.
//
// Exit codes: 0 success, 1 content or build errors, 2 bad usage.
package main

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/exchange-timeline/timeline/generator/internal/build"
	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/diag"
	"github.com/exchange-timeline/timeline/generator/internal/lang"
	"github.com/exchange-timeline/timeline/generator/internal/site"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

// A command is one of timeline's commands.
type command struct {
	name string
	// words is what follows the name besides flags, for the usage line:
	// "event TITLE -date YYYY-MM-DD | person NAME"; args is how many
	// words it takes.
	words string
	args  int
	about string // one line, for the list of commands
	doc   string // more, for the command's own help
	flags []flags
	run   func(*config) error
}

// flags adds flags to a command's flag set, parsed into c.
type flags func(fs *flag.FlagSet, c *config)

// commands is the table of commands, in the order the usage lists them.
func commands() []command {
	site := []flags{contentFlag, siteFlags, profileFlags}
	return []command{
		{name: "build", about: "validate the content, then write the site to -out",
			flags: append(site, forceFlag), run: runBuild},
		{name: "check", words: "[-changed FILE...]",
			about: "validate the content only (-format github: annotations for GitHub Actions)",
			doc: "Checks the content against the layouts: everything the build would refuse.\n" +
				"With -changed, the words are the files a change touches: their problems\n" +
				"come first, then the errors elsewhere; the warnings about other files are\n" +
				"counted in one line.",
			flags: append(site, formatFlag, changedFlag), run: runCheck},
		{name: "new", words: "event TITLE -date YYYY-MM-DD | person NAME | translation FILE -lang LANG", args: 2,
			about: "new event TITLE -date YYYY-MM-DD, new person NAME, or new translation FILE -lang LANG: write a file to fill in",
			doc: "Writes content/events/DATE-words.md or content/people/words.md, the file\n" +
				"name made from the title or the name, with every field in place and a\n" +
				"comment on each; or, beside FILE (events/DATE-words, people/words,\n" +
				"statements/DATE-words or _index), its translation into LANG, with the\n" +
				"texts to translate. It never overwrites a file. It prints the path.",
			flags: []flags{contentFlag, newFlags}, run: runNew},
		{name: "watch", about: "build, then rebuild -out on every change (-poll DURATION to poll)",
			flags: append(site, forceFlag, pollFlag), run: runWatch},
		{name: "serve", about: "build, watch, and serve the site with live reload (-addr 127.0.0.1:8080)",
			flags: append(site, forceFlag, pollFlag, addrFlag), run: runServe},
	}
}

// config is the parsed command line.
type config struct {
	contentDir, layoutsDir, outDir string
	base                           string       // -base-url as given
	baseURL                        site.BaseURL // parsed
	drafts                         bool
	force                          bool          // build, watch, serve: replace an -out that is not a site
	format                         string        // check: "github" or "text"
	changed                        bool          // check: the words are the files a change touches
	poll                           time.Duration // watch, serve: poll instead of file events
	addr                           string        // serve: where to listen
	cpuProfile, memProfile         string
	date, slug, lang               string   // new
	args                           []string // the words after the command's name
	stdout, stderr                 io.Writer
}

func contentFlag(fs *flag.FlagSet, c *config) {
	fs.StringVar(&c.contentDir, "content", "content", "content `directory`")
}

// siteFlags say what the site is made of and where it goes.
func siteFlags(fs *flag.FlagSet, c *config) {
	fs.StringVar(&c.layoutsDir, "layouts", "layouts", "layouts `directory`")
	fs.StringVar(&c.outDir, "out", "public", "output `directory`")
	fs.StringVar(&c.base, "base-url", "/", "base `URL`: a path such as /repo/, or https://owner.github.io/repo/")
	fs.BoolVar(&c.drafts, "drafts", false, "include events marked draft: true")
}

func profileFlags(fs *flag.FlagSet, c *config) {
	fs.StringVar(&c.cpuProfile, "cpuprofile", "", "write a CPU profile to `file`")
	fs.StringVar(&c.memProfile, "memprofile", "", "write a memory profile to `file` when done")
}

func forceFlag(fs *flag.FlagSet, c *config) {
	fs.BoolVar(&c.force, "force", false, "replace -out even if it is not a site an earlier build wrote")
}

func formatFlag(fs *flag.FlagSet, c *config) {
	fs.StringVar(&c.format, "format", defaultFormat(), "output `format`: github (annotations) or text")
}

func changedFlag(fs *flag.FlagSet, c *config) {
	fs.BoolVar(&c.changed, "changed", false, "the words are the files a change touches: their problems first, the warnings about other files in one line")
}

func pollFlag(fs *flag.FlagSet, c *config) {
	fs.DurationVar(&c.poll, "poll", 0, "poll for changes at this `interval` instead of using file events")
}

func addrFlag(fs *flag.FlagSet, c *config) {
	fs.StringVar(&c.addr, "addr", "127.0.0.1:8080", "`host:port` to listen on")
}

func newFlags(fs *flag.FlagSet, c *config) {
	fs.StringVar(&c.date, "date", "", "the event's first day, `YYYY-MM-DD`")
	fs.StringVar(&c.slug, "slug", "", "the `words` of the file name, instead of those made from the title or name")
	fs.StringVar(&c.lang, "lang", "", "the `language` of a translation; for a person, how to transliterate Cyrillic, uk or ru (default: ru if only Russian has its letters, else uk)")
}

// usage lists the commands and the flags most of them share.
func usage() string {
	var b strings.Builder
	b.WriteString("usage: timeline <command> [flags]\n\ncommands:\n")
	for _, cmd := range commands() {
		fmt.Fprintf(&b, "  %-8s %s\n", cmd.name, cmd.about)
	}
	b.WriteString(`
flags shared by build, check, watch and serve:
  -content DIR     content directory (default "content")
  -layouts DIR     layouts directory (default "layouts")
  -out DIR         output directory (default "public")
  -base-url URL    "/", "/repo/" or "https://owner.github.io/repo/" (default "/")
  -drafts          include events marked draft: true

Run "timeline <command> -h" for a command's flags.
`)
	return b.String()
}

// usageError is a mistake on the command line (exit code 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return usageError{fmt.Sprintf(format, args...)}
}

// errUsagePrinted reports a mistake on the command line for which the
// command's usage has already been printed.
var errUsagePrinted = errors.New("bad usage")

// errFailed reports that problems were found and already printed.
var errFailed = errors.New("failed")

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "-help" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stderr, usage())
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	var cmd *command
	for _, c := range commands() {
		if c.name == args[0] {
			cmd = &c
		}
	}
	if cmd == nil {
		fmt.Fprintf(stderr, "timeline: unknown command %q\n\n%s", args[0], usage())
		return exitUsage
	}
	cfg, err := cmd.parse(args[1:], stdout, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err == nil {
		err = cfg.profiled(cmd.run)
	}
	var usageErr usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errUsagePrinted):
		return exitUsage
	case errors.As(err, &usageErr):
		fmt.Fprintf(stderr, "timeline %s: %v\n", cmd.name, err)
		return exitUsage
	case errors.Is(err, errFailed):
		return exitError
	}
	fmt.Fprintf(stderr, "timeline %s: %s\n", cmd.name, diag.Printable(err.Error()))
	return exitError
}

// parse reads the command's flags and words; flags may come before, between
// or after the words.
func (cmd *command) parse(args []string, stdout, stderr io.Writer) (*config, error) {
	cfg := &config{stdout: stdout, stderr: stderr}
	fs := flag.NewFlagSet("timeline "+cmd.name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: timeline %s %s\n\n%s\n\nflags:\n", cmd.name, strings.TrimSpace(cmd.words+" [flags]"), cmp.Or(cmd.doc, cmd.about))
		fs.PrintDefaults()
	}
	for _, add := range cmd.flags {
		add(fs, cfg)
	}
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, errUsagePrinted
		}
		if fs.NArg() == 0 {
			break
		}
		cfg.args, args = append(cfg.args, fs.Arg(0)), fs.Args()[1:]
	}
	switch {
	case cfg.changed: // check -changed FILE...: any number of files
	case len(cfg.args) > cmd.args && cmd.args == 0:
		return nil, usagef("unexpected argument %q", cfg.args[0])
	case len(cfg.args) != cmd.args:
		fs.Usage()
		return nil, errUsagePrinted
	}
	if cfg.base != "" {
		var err error
		if cfg.baseURL, err = site.ParseBaseURL(cfg.base); err != nil {
			return nil, usageError{err.Error()}
		}
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

// report prints the problems found, each on its line ("path:line:col:
// message (hint)") or, for check -format github, as annotations; then one
// line counting them, when any is an error, and returns errFailed.
func (c *config) report(diags diag.List) error {
	return c.reportChange(diags, nil, 0)
}

// reportChange is report for check -changed: the problems of the change
// (own) first, then the errors elsewhere; the warnings elsewhere, hidden,
// are one line that counts them.
func (c *config) reportChange(own, elsewhere diag.List, hidden int) error {
	diags := slices.Concat(own, elsewhere)
	if c.format == formatGitHub {
		if err := c.annotate(own, elsewhere, hidden); err != nil {
			return err
		}
	} else {
		for _, d := range diags {
			fmt.Fprintln(c.stderr, d)
		}
		if hidden > 0 {
			fmt.Fprintln(c.stderr, hiddenLine(hidden))
		}
	}
	errs, warns := diags.Count(diag.Error), diags.Count(diag.Warning)+hidden
	if errs > 0 {
		fmt.Fprintf(c.stderr, "%s, %s\n", lang.Count(errs, "error", "errors"), lang.Count(warns, "warning", "warnings"))
		return errFailed
	}
	return nil
}

func elapsed(start time.Time) string {
	return time.Since(start).Round(time.Millisecond).String()
}
