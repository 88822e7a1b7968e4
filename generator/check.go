package main

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/exchange-timeline/timeline/generator/internal/annotate"
	"github.com/exchange-timeline/timeline/generator/internal/build"
	"github.com/exchange-timeline/timeline/generator/internal/diag"
	"github.com/exchange-timeline/timeline/generator/internal/lang"
)

// Output formats of "timeline check".
const (
	formatText   = "text"   // path:line:col: message (hint), on stderr
	formatGitHub = "github" // workflow-command annotations on stdout, and the job summary
)

// defaultFormat is github inside GitHub Actions, text elsewhere.
func defaultFormat() string {
	if os.Getenv("GITHUB_ACTIONS") == "true" {
		return formatGitHub
	}
	return formatText
}

// runCheck is "timeline check": validation alone.
func runCheck(c *config) error {
	if c.format != formatText && c.format != formatGitHub && c.format != "" {
		return usagef("unknown format %q (use github or text)", c.format)
	}
	start := time.Now()
	opts, err := c.buildOptions(false)
	if err != nil {
		return err
	}
	diags := build.Check(opts)
	if err := c.report(diags); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "%s: no errors (%s) in %s\n", c.contentDir, lang.Count(len(diags), "warning", "warnings"), elapsed(start))
	return nil
}

// annotate reports diags as GitHub annotations on stdout, and writes the
// job summary when $GITHUB_STEP_SUMMARY names a file.
func (c *config) annotate(diags diag.List) error {
	workspace := os.Getenv("GITHUB_WORKSPACE")
	for i := range diags {
		diags[i].Path = annotate.RelativePath(diags[i].Path, workspace)
	}
	if _, err := annotate.Write(c.stdout, diags); err != nil {
		return err
	}
	if name := os.Getenv("GITHUB_STEP_SUMMARY"); name != "" {
		return appendSummary(name, "timeline check: "+c.contentDir, diags)
	}
	return nil
}

// appendSummary adds the report to the job summary file; GitHub expects
// each step to append to it.
func appendSummary(name, heading string, diags diag.List) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return fmt.Errorf("job summary: %w", err)
	}
	err = annotate.Summary(f, heading, diags)
	return errors.Join(err, f.Close())
}
