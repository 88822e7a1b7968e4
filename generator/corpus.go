package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"github.com/exchange-timeline/timeline/generator/internal/corpus"
)

// runGenCorpus is "timeline gen-corpus N -out DIR [-hugo DIR]", a hidden
// command for benchmarks: it writes a synthetic content directory of N
// events and N/2 people into DIR, which must not exist yet, and with -hugo
// the same corpus as a Hugo site.
func runGenCorpus(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("timeline gen-corpus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "`directory` to create")
	hugo := fs.String("hugo", "", "`directory` to create with the same corpus as a Hugo site")
	n := 0
	if len(args) > 0 {
		n, _ = strconv.Atoi(args[0])
		args = args[1:]
	}
	if err := fs.Parse(args); err != nil || n <= 0 || *out == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: timeline gen-corpus N -out DIR [-hugo DIR]")
		return exitUsage
	}
	err := writeCorpus(corpus.Generate(n), *out)
	if err == nil && *hugo != "" {
		err = writeCorpus(corpus.GenerateHugo(n), *hugo)
	}
	if err != nil {
		fmt.Fprintln(stderr, "timeline gen-corpus:", err)
		return exitError
	}
	fmt.Fprintf(stdout, "%s: %d events, %d people\n", *out, n, max(n/2, 3))
	return exitOK
}

func writeCorpus(files []corpus.File, dir string) error {
	if _, err := os.Stat(dir); err == nil {
		return fmt.Errorf("%s already exists", dir)
	}
	for _, f := range files {
		path := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
