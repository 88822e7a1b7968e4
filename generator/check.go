package main

import (
	"fmt"
	"time"

	"github.com/exchange-timeline/timeline/generator/internal/build"
)

// runCheck is "timeline check": validation alone.
func runCheck(c *config) error {
	start := time.Now()
	opts := c.buildOptions()
	diags := build.Check(opts)
	if err := c.report(diags); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "%s: no errors (%s) in %s\n", c.contentDir, count(len(diags), "warning"), elapsed(start))
	return nil
}
