package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/exchange-timeline/timeline/generator/internal/build"
	"github.com/exchange-timeline/timeline/generator/internal/diag"
	"github.com/exchange-timeline/timeline/generator/internal/lang"
	"github.com/exchange-timeline/timeline/generator/internal/publish"
	"github.com/exchange-timeline/timeline/generator/internal/serve"
	"github.com/exchange-timeline/timeline/generator/internal/watch"
)

// runWatch is "timeline watch": build, then rebuild on every change until
// interrupted.
func runWatch(c *config) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return c.watch(ctx, nil)
}

// runServe is "timeline serve": watch, and serve the site with live reload.
func runServe(c *config) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	listener, err := serve.Listen(c.addr)
	if err != nil {
		return fmt.Errorf("-addr: %w", err)
	}
	srv := serve.New(c.outDir, c.baseURL.Path)
	httpServer := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second}
	httpServer.RegisterOnShutdown(srv.Close)
	served := make(chan error, 1)
	go func() { served <- httpServer.Serve(listener) }()
	fmt.Fprintf(c.stdout, "Serving %s at http://%s%s (Ctrl-C to stop)\n", c.outDir, listener.Addr(), c.baseURL.Path)
	err = c.watch(ctx, srv)
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	srv.Close()
	if serr := httpServer.Shutdown(shutdownCtx); serr != nil {
		err = errors.Join(err, serr)
	}
	if serr := <-served; !errors.Is(serr, http.ErrServerClosed) {
		err = errors.Join(err, serr)
	}
	return err
}

// liveSite is a site kept up to date by watch mode.
type liveSite struct {
	c       *config
	builder *build.Builder
	out     *publish.Output
	dir     *publish.Dir // nil until the first good build
	server  *serve.Server
	// warned holds the warnings printed so far, so that each rebuild
	// prints only new ones.
	warned map[string]bool
}

// watch builds once, then after each batch of changes, until ctx is done.
// A failed build never stops it: the errors are printed, the last good site
// stays in place, and the next good save publishes again.
func (c *config) watch(ctx context.Context, server *serve.Server) error {
	opts, out, err := c.openSite(ctx)
	if err != nil {
		return err
	}
	defer out.Release()
	site := &liveSite{c: c, builder: build.NewBuilder(opts), out: out, server: server, warned: map[string]bool{}}
	site.rebuild(build.Changes{}, "first build")
	w, err := watch.New(watch.Options{
		Roots: []string{c.contentDir, c.layoutsDir},
		Poll:  c.poll,
		Logf:  func(format string, args ...any) { fmt.Fprintln(c.stderr, diag.Printable(fmt.Sprintf(format, args...))) },
	})
	if err != nil {
		return err
	}
	defer w.Close()
	fmt.Fprintf(c.stdout, "Watching %s and %s for changes\n", c.contentDir, c.layoutsDir)
	contentRoot, _ := filepath.Abs(c.contentDir)
	layoutsRoot, _ := filepath.Abs(c.layoutsDir)
	for {
		select {
		case <-ctx.Done():
			return nil
		case batch := <-w.C:
			if len(batch.Reset) > 0 {
				// A directory was replaced: what was opened is another one,
				// or none. Open them again and read everything.
				opts, err := c.siteOptions(ctx)
				if err != nil {
					fmt.Fprintln(c.stderr, diag.Printable(err.Error()))
					continue
				}
				site.builder.Reopen(opts)
				site.rebuild(build.Changes{}, "everything, read again")
				continue
			}
			changed := relevant(batch, contentRoot, layoutsRoot)
			if len(changed) == 0 {
				continue
			}
			changes := build.Changes{Content: batch.Changed[contentRoot], Layouts: len(batch.Changed[layoutsRoot]) > 0}
			site.rebuild(changes, describe(changed))
		}
	}
}

// rebuild runs one build and prints one line about it.
func (s *liveSite) rebuild(changes build.Changes, what string) {
	start := time.Now()
	written, removed, diags, err := s.publish(changes)
	s.print(diags)
	clock := time.Now().Format(time.TimeOnly)
	if err == nil && !diags.HasErrors() {
		fmt.Fprintf(s.c.stdout, "%s %s: %s written, %d removed in %s\n", clock, what, lang.Count(written, "file", "files"), removed, elapsed(start))
		if s.server != nil {
			s.server.BuildSucceeded()
		}
		return
	}
	if err != nil {
		fmt.Fprintln(s.c.stderr, diag.Printable(err.Error()))
		diags = append(diags, diag.Diagnostic{Message: err.Error()})
	}
	fmt.Fprintf(s.c.stderr, "%s %s: build failed (%s); %s keeps the last good site\n", clock, what, lang.Count(diags.Count(diag.Error), "error", "errors"), s.c.outDir)
	if s.server != nil {
		var messages []string
		for _, d := range diags {
			if d.Severity == diag.Error {
				messages = append(messages, d.String())
			}
		}
		s.server.BuildFailed(messages)
	}
}

// print prints the errors, and the warnings not printed before.
func (s *liveSite) print(diags diag.List) {
	warned := map[string]bool{}
	for _, d := range diags {
		line := d.String()
		if d.Severity == diag.Warning {
			warned[line] = true
			if s.warned[line] {
				continue
			}
		}
		fmt.Fprintln(s.c.stderr, line)
	}
	s.warned = warned
}

// publish builds and writes: into a staging directory swapped in whole
// until a first build has succeeded, then in place.
func (s *liveSite) publish(changes build.Changes) (written, removed int, diags diag.List, err error) {
	if s.dir != nil {
		res, diags, err := s.builder.Build(changes, s.dir)
		if res == nil || err != nil {
			return 0, 0, diags, errors.Join(err, s.dir.Abort())
		}
		written, err := s.dir.Commit(res.Removed)
		return written, len(res.Removed), diags, err
	}
	stage, err := s.out.Stage()
	if err != nil {
		return 0, 0, nil, err
	}
	res, diags, err := s.builder.Build(changes, stage)
	if res == nil || err != nil {
		return 0, 0, diags, errors.Join(err, stage.Abort())
	}
	if s.dir, err = stage.Commit(); err != nil {
		return 0, 0, diags, err
	}
	return res.Rendered, 0, diags, nil
}

// relevant lists the changed paths, as the user knows them
// ("content/events/x.md"). Every file that is not an editor's or a tool's
// (the watcher leaves those out) matters: in the content, a file that is
// not Markdown is an error to show.
func relevant(batch watch.Batch, contentRoot, layoutsRoot string) []string {
	var names []string
	for _, root := range []string{contentRoot, layoutsRoot} {
		for rel := range batch.Changed[root] {
			names = append(names, filepath.Join(filepath.Base(root), filepath.FromSlash(rel)))
		}
	}
	slices.Sort(names)
	return names
}

// describe names what changed: "content/events/x.md", or "… and 3 more".
// The names are made printable: they are the user's, and may hold anything.
func describe(names []string) string {
	if len(names) <= 2 {
		return diag.Printable(strings.Join(names, ", "))
	}
	return fmt.Sprintf("%s and %d more", diag.Printable(names[0]), len(names)-1)
}
