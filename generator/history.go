package main

import (
	"bytes"
	"context"
	"os/exec"
	"path"
	"strings"
	"time"

	"github.com/exchange-timeline/timeline/generator/internal/content"
)

// lastChanges reads from git the day each file under dir last changed, by
// its slash path inside dir, for the "Cite this page" block of event and
// person pages. One git log over the directory's history answers for every
// file; without git, or outside a repository, it returns nil and pages
// show no date. A file's uncommitted edits are not its history yet.
func lastChanges(dir string) map[string]content.Date {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	// %x00 marks each commit; --relative names files inside dir.
	cmd := exec.CommandContext(ctx, "git", "-C", dir, "log", "--format=%x00%cs", "--name-only", "--relative", "--no-renames", "--", ".")
	out, err := cmd.Output()
	if err != nil {
		return nil
	}
	return parseLastChanges(out)
}

// parseLastChanges reads git log's output, newest commit first: a file's
// first appearance is its last change.
func parseLastChanges(out []byte) map[string]content.Date {
	changes := map[string]content.Date{}
	var day content.Date
	for line := range bytes.Lines(out) {
		text := strings.TrimRight(string(line), "\n")
		if d, ok := strings.CutPrefix(text, "\x00"); ok {
			day, _ = content.ParseDate(d)
			continue
		}
		if text == "" || day.IsZero() {
			continue
		}
		name := path.Clean(text)
		if _, seen := changes[name]; !seen {
			changes[name] = day
		}
	}
	return changes
}
