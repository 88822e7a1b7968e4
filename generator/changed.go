package main

import (
	"path/filepath"

	"github.com/exchange-timeline/timeline/generator/internal/diag"
	"github.com/exchange-timeline/timeline/generator/internal/lang"
)

// aboutChange sorts the problems for "timeline check -changed FILE...":
// own, those in the files the change touches, and elsewhere, the errors in
// other files, which still fail the check. The warnings about other files
// are not the contributor's to fix: they are only counted, in hidden, for
// one line that says how many there are.
func aboutChange(diags diag.List, changed []string) (own, elsewhere diag.List, hidden int) {
	touched := map[string]bool{}
	for _, name := range changed {
		touched[absPath(name)] = true
	}
	for _, d := range diags {
		switch {
		case touched[absPath(d.Path)]:
			own = append(own, d)
		case d.Severity == diag.Error:
			elsewhere = append(elsewhere, d)
		default:
			hidden++
		}
	}
	return own, elsewhere, hidden
}

func absPath(name string) string {
	if abs, err := filepath.Abs(filepath.FromSlash(name)); err == nil {
		return abs
	}
	return filepath.Clean(name)
}

// hiddenLine is the one line that stands for the warnings left out.
func hiddenLine(hidden int) string {
	return lang.Count(hidden, "warning", "warnings") + " in files this change does not touch (timeline check without -changed lists them)"
}
