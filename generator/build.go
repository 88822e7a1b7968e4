package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/exchange-timeline/timeline/generator/internal/build"
	"github.com/exchange-timeline/timeline/generator/internal/publish"
	"github.com/exchange-timeline/timeline/generator/internal/render"
)

// runBuild is "timeline build": validate, render into a staging directory,
// and swap it in only if everything succeeded.
func runBuild(c *config) error {
	start := time.Now()
	stage, err := publish.Stage(c.outDir)
	if err != nil {
		return err
	}
	opts, err := c.buildOptions()
	if err != nil {
		return errors.Join(err, stage.Abort())
	}
	res, diags, err := build.Run(opts, stage)
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
		count(s.Pages(), "page"), count(s["event"], "event"), peopleCount(s["person"]),
		count(s["year"], "year"), count(s["tag"], "tag"), count(s.Files()-s.Pages(), "other file"))
}

func peopleCount(n int) string {
	if n == 1 {
		return "1 person"
	}
	return fmt.Sprintf("%d people", n)
}
