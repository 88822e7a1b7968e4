package sitetest

import (
	"os/exec"
	"testing"
)

// go.mod and go.sum list exactly what the module needs: go mod tidy would
// change nothing.
func TestGoModTidy(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Fatal("the go command is not on PATH")
	}
	cmd := exec.Command(gobin, "mod", "tidy", "-diff")
	cmd.Dir = "../.."
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("go mod tidy would change go.mod or go.sum (run go mod tidy): %v\n%s", err, out)
	}
}
