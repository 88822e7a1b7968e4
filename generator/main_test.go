package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/exchange-timeline/timeline/generator/internal/corpus"
	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"timeline":   func() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) },
		"gen-corpus": genCorpus,
	})
}

// genCorpus is the scripts' second command, "gen-corpus N DIR": it writes
// the synthetic corpus of N events (the benchmarks' corpus) into DIR.
func genCorpus() {
	n, err := 0, error(nil)
	if len(os.Args) == 3 {
		n, err = strconv.Atoi(os.Args[1])
	}
	if n <= 0 || err != nil {
		fmt.Fprintln(os.Stderr, "usage: gen-corpus N DIR")
		os.Exit(exitUsage)
	}
	if err := corpus.Write(os.Args[2], corpus.Generate(n)); err != nil {
		fmt.Fprintln(os.Stderr, "gen-corpus:", err)
		os.Exit(exitError)
	}
}

// TestScripts runs the command-line scenarios in testdata/script. Scripts
// find the project's own layouts and content in $LAYOUTS and $CONTENT.
func TestScripts(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *update,
		Setup: func(env *testscript.Env) error {
			env.Setenv("LAYOUTS", filepath.Join(root, "layouts"))
			env.Setenv("CONTENT", filepath.Join(root, "content"))
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exits":   exitsCmd,
			"waitfor": waitforCmd,
		},
	})
}

// exitsCmd is "exits N program args...": it runs the program and fails
// unless it exits with status N. Output is kept for stdout and stderr.
func exitsCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits CODE program [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: bad code %q", args[0])
	}
	got := 0
	var exitErr *exec.ExitError
	if err := ts.Exec(args[1], args[2:]...); errors.As(err, &exitErr) {
		got = exitErr.ExitCode()
	} else if err != nil {
		ts.Fatalf("exits: %v", err)
	}
	if got != want {
		ts.Fatalf("%s exited with status %d, want %d", args[1], got, want)
	}
}

// waitforCmd is "waitfor GLOB": it polls until a file matches GLOB (or,
// with !, until none does), failing after 30 seconds.
func waitforCmd(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: waitfor GLOB")
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		matches, _ := filepath.Glob(ts.MkAbs(args[0]))
		if (len(matches) > 0) != neg {
			return
		}
		if time.Now().After(deadline) {
			ts.Fatalf("waitfor %s: still %d matches after 30s", args[0], len(matches))
		}
		time.Sleep(5 * time.Millisecond) // polling interval, with the deadline above
	}
}
