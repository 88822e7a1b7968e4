package main

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
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
	opts, err := c.buildOptions(true)
	if err != nil {
		return err
	}
	diags, coverage := build.CheckCoverage(opts)
	if c.changed {
		err = c.reportChange(aboutChange(diags, c.args))
	} else {
		err = c.report(diags)
	}
	for _, u := range coverage {
		fmt.Fprintln(c.stdout, untranslatedLine(u.Lang, u.Total, u.Paths))
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "%s: no errors (%s) in %s\n", c.contentDir, lang.Count(diags.Count(diag.Warning), "warning", "warnings"), elapsed(start))
	return nil
}

// untranslatedLine sums up, in one line, the files (of total) without a
// translation into a language: not a problem, work that remains.
func untranslatedLine(language string, total int, paths []string) string {
	if len(paths) == 0 {
		return fmt.Sprintf("%s: every file is translated (%s)", language, lang.Count(total, "file", "files"))
	}
	const named = 5
	list := strings.Join(paths[:min(len(paths), named)], ", ")
	if more := len(paths) - named; more > 0 {
		list += fmt.Sprintf(" and %s more", lang.Number(more))
	}
	return fmt.Sprintf("%s: %s of %s have no translation: %s", language, lang.Number(len(paths)), lang.Count(total, "file", "files"), list)
}

// annotate reports the problems as GitHub annotations on stdout, and
// writes the job summary when $GITHUB_STEP_SUMMARY names a file. With
// -changed, the problems of the change (own) come first, then the errors
// elsewhere, in a table of their own in the summary; the warnings left out
// (hidden) are one plain line in both.
func (c *config) annotate(own, elsewhere diag.List, hidden int) error {
	workspace := os.Getenv("GITHUB_WORKSPACE")
	all := slices.Concat(own, elsewhere)
	for i := range all {
		all[i].Path = annotate.RelativePath(all[i].Path, workspace)
	}
	own, elsewhere = all[:len(own)], all[len(own):]
	if _, err := annotate.Write(c.stdout, all); err != nil {
		return err
	}
	if hidden > 0 {
		fmt.Fprintln(c.stdout, hiddenLine(hidden))
	}
	if name := os.Getenv("GITHUB_STEP_SUMMARY"); name != "" {
		return c.appendSummary(name, own, elsewhere, hidden)
	}
	return nil
}

// appendSummary adds the report to the job summary file; GitHub expects
// each step to append to it.
func (c *config) appendSummary(name string, own, elsewhere diag.List, hidden int) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return fmt.Errorf("job summary: %w", err)
	}
	heading := "timeline check: " + c.contentDir
	if !c.changed {
		err = annotate.Summary(f, heading, own)
	} else {
		err = annotate.Summary(f, heading+", the files this change touches", own)
		if len(elsewhere) > 0 {
			err = errors.Join(err, annotate.Summary(f, heading+", errors in other files", elsewhere))
		}
	}
	if err == nil && hidden > 0 {
		_, err = fmt.Fprintf(f, "%s.\n\n", hiddenLine(hidden))
	}
	return errors.Join(err, f.Close())
}
