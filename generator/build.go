package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"syscall"
	"time"

	"github.com/exchange-timeline/timeline/generator/internal/build"
	"github.com/exchange-timeline/timeline/generator/internal/lang"
	"github.com/exchange-timeline/timeline/generator/internal/publish"
	"github.com/exchange-timeline/timeline/generator/internal/render"
	"github.com/exchange-timeline/timeline/generator/internal/site"
)

// runBuild is "timeline build": validate, render into a staging directory,
// and swap it in only if everything succeeded.
//
// Interrupted (Ctrl-C, SIGTERM), it stops rendering and removes the
// staging directory: the output keeps the old site.
func runBuild(c *config) error {
	start := time.Now()
	boundMemory()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	opts, out, err := c.openSite(ctx)
	if err != nil {
		return err
	}
	defer out.Release()
	stage, err := out.Stage()
	if err != nil {
		return err
	}
	res, diags, err := build.Run(opts, stage)
	if ctx.Err() != nil {
		return errors.Join(errors.New("interrupted: "+c.outDir+" keeps the site it had"), stage.Abort())
	}
	if reportErr := c.report(diags); reportErr != nil || err != nil {
		return errors.Join(stage.Abort(), err, reportErr)
	}
	if _, err := stage.Commit(); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "%s: %s in %s\n", c.outDir, summary(res.Stats), elapsed(start))
	return nil
}

// summary counts what was written: "41 pages (21 events, 8 people, 2 years,
// 12 tags) and 10 other files".
func summary(s render.Stats) string {
	return fmt.Sprintf("%s (%s, %s, %s, %s) and %s",
		lang.Count(s.Pages, "page", "pages"), lang.Count(s.Kinds[site.Event], "event", "events"), lang.Count(s.Kinds[site.Person], "person", "people"),
		lang.Count(s.Kinds[site.Year], "year", "years"), lang.Count(s.Kinds[site.Tag], "tag", "tags"), lang.Count(s.Files-s.Pages, "other file", "other files"))
}

// boundMemory trades a little CPU for memory in a one-shot build, which
// holds the whole site at once: the heap may grow to 1.7 times what is
// live after a collection (rather than Go's default 2), and no further than
// a soft limit of 1.9 GiB. GOGC and GOMEMLIMIT, when set, win.
func boundMemory() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(70)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(1900 << 20)
	}
}

// openSite opens what a build reads, to be interrupted by ctx, and takes
// the output directory it writes.
func (c *config) openSite(ctx context.Context) (build.Options, *publish.Output, error) {
	opts, err := c.siteOptions(ctx)
	if err != nil {
		return opts, nil, err
	}
	out, err := publish.Acquire(c.outDir, c.outputGuard())
	var refused *publish.RefusedError
	if errors.As(err, &refused) {
		err = fmt.Errorf("-out %w", err)
		if errors.Is(err, publish.ErrNotASite) {
			err = fmt.Errorf("%w; build into another directory, delete it yourself, or pass -force to replace it", err)
		}
	}
	return opts, out, err
}

// siteOptions opens the content and the layouts for a build of the site,
// to be interrupted by ctx, with the day each file last changed.
func (c *config) siteOptions(ctx context.Context) (build.Options, error) {
	opts, err := c.buildOptions(true)
	opts.Context = ctx
	if err == nil {
		opts.Changed = lastChanges(c.contentDir)
	}
	return opts, err
}

// outputGuard says what -out may never replace: the content and the
// layouts, and (with what contains them) the current directory, the
// repository around the content and the home directory. Unless -force is
// given, an existing -out must also be a site an earlier build wrote.
func (c *config) outputGuard() publish.Guard {
	g := publish.Guard{Sources: []string{c.contentDir, c.layoutsDir}, Force: c.force}
	if cwd, err := os.Getwd(); err == nil {
		g.Roots = append(g.Roots, cwd)
	}
	if repo := repositoryRoot(c.contentDir); repo != "" {
		g.Roots = append(g.Roots, repo)
	}
	if home, err := os.UserHomeDir(); err == nil {
		g.Roots = append(g.Roots, home)
	}
	return g
}

// repositoryRoot returns the nearest directory at or above dir that holds
// .git, or "".
func repositoryRoot(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Lstat(filepath.Join(abs, ".git")); err == nil {
			return abs
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return ""
		}
		abs = parent
	}
}
