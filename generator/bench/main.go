// Command bench times full builds of synthetic corpora with timeline, with
// Hugo building the corpus's twin (a Hugo site that makes the same pages,
// checked file by file after the runs), and with cp -r copying timeline's
// output (the floor set by creating the files); then the time from saving
// an event to its page being updated in watch mode, and watch mode's
// memory over the edits. Runs alternate between the tools, so that a noisy
// machine disturbs them alike, and every figure is a median; each run
// reports wall time beside CPU time (user + system, from the kernel's
// accounting of the process), which other work on the machine disturbs
// far less. Compare the ratios, which are measured in the same run.
//
//	go run ./generator/bench [-tmpfs] [-sizes 1000,10000] [-runs 5] [-edits 50]
//	go run ./generator/bench gen-corpus [-hugo] N DIR
//	go run ./generator/bench compare OURS HUGO
//
// With -tmpfs the corpora, the outputs and the copies live on a RAM disk
// (/dev/shm, or a tmpfs mounted for the run), so that the disk's noise is
// out of the picture; without it, on -dir's file system.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/exchange-timeline/timeline/generator/internal/corpus"
)

func main() {
	log.SetFlags(0)
	if len(os.Args) > 1 {
		switch os.Args[1] {
		case "gen-corpus":
			genCorpus(os.Args[2:])
			return
		case "compare":
			compareSites(os.Args[2:])
			return
		}
	}
	sizes := flag.String("sizes", "1000,10000", "corpus sizes, in events")
	runs := flag.Int("runs", 5, "full builds per tool and size")
	edits := flag.Int("edits", 50, "edits timed in watch mode, on the largest corpus of at most 10,000 events")
	dir := flag.String("dir", "", "work `directory`, emptied first (default: timeline-bench in the temporary directory, or on the RAM disk with -tmpfs)")
	tmpfs := flag.Bool("tmpfs", false, "work on a RAM disk: /dev/shm, or a tmpfs mounted on -dir")
	hugoMax := flag.Int("hugo-max", 10000, "build the Hugo twin only for corpora of at most `N` events (it needs about 250 MB and 9 s of CPU per 1,000)")
	cpus := flag.String("cpus", "", "run the tools on these `CPUs` only (taskset -c LIST)")
	profile := flag.Bool("profile", true, "when a target is missed, profile one more build and print where its CPU time goes")
	translate := flag.String("translate", "", "give every event a translation into `language` (uk, ru), and the site an edition in it (the Hugo twin stays English)")
	flag.Parse()
	b := &bench{hugoMax: *hugoMax, cpus: *cpus, profile: *profile, translate: *translate}
	b.setUp(*dir, *tmpfs)
	defer b.tearDown()
	watched := 0
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 {
			fatalf("bad size %q", s)
		}
		b.fullBuilds(n, *runs)
		if n <= 10000 {
			watched = max(watched, n)
		}
	}
	if watched > 0 && *edits > 0 {
		b.watchEdits(watched, *edits)
	}
}

type bench struct {
	dir       string
	unmount   bool   // the RAM disk was mounted for this run
	timeline  string // the binary
	hugo      string // "" when Hugo is not installed
	hugoMax   int
	cpus      string
	profile   bool
	translate string // the language of the events' translations, or ""
}

func (b *bench) setUp(dir string, tmpfs bool) {
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "timeline-bench")
		if tmpfs {
			dir = "/dev/shm/timeline-bench"
		}
	}
	b.dir = dir
	if err := os.RemoveAll(b.dir); err != nil {
		fatal(err)
	}
	if err := os.MkdirAll(b.dir, 0o755); err != nil {
		fatal(err)
	}
	if tmpfs && !onTmpfs(b.dir) {
		// Not on a RAM disk yet: mount one (root only).
		if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=8g", "tmpfs", b.dir).CombinedOutput(); err != nil {
			fatalf("-tmpfs: %s is not on a RAM disk and mounting one failed: %v %s\nPass -dir with a directory under /dev/shm, or run as root.", b.dir, err, out)
		}
		b.unmount = true
		atExit = b.tearDown
	}
	b.timeline = filepath.Join(b.dir, "timeline")
	run("go", "build", "-o", b.timeline, "./generator")
	b.hugo, _ = exec.LookPath("hugo")
	out, _ := exec.Command("go", "version").Output()
	fmt.Printf("Machine: %d CPUs, load average %s, %s", cpus(), loadAverage(), out)
	fmt.Printf("Work directory: %s (%s)\n", b.dir, fileSystem(b.dir))
	if b.cpus != "" {
		fmt.Printf("Tools pinned to CPUs %s (taskset)\n", b.cpus)
	}
	if b.hugo != "" {
		v, _ := exec.Command(b.hugo, "version").Output()
		fmt.Printf("Peer: %s", v)
	} else {
		fmt.Println("Peer: hugo is not installed (apt-get install hugo); comparing with cp -r only")
	}
	fmt.Printf("Date: %s\n\n", time.Now().Format(time.DateOnly))
}

// atExit runs before a fatal error ends the program, which skips deferred
// calls: the RAM disk mounted for the run is unmounted all the same.
var atExit = func() {}

func fatal(v ...any) {
	atExit()
	log.Fatal(v...)
}

func fatalf(format string, v ...any) {
	atExit()
	log.Fatalf(format, v...)
}

func (b *bench) tearDown() {
	if b.unmount {
		exec.Command("umount", b.dir).Run()
	}
}

func cpus() int {
	out, err := exec.Command("nproc").Output()
	if n, err2 := strconv.Atoi(strings.TrimSpace(string(out))); err == nil && err2 == nil {
		return n
	}
	return 0
}

// loadAverage is the machine's load over the last minute, five and
// fifteen, as /proc/loadavg gives it: what else was running.
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	fields := strings.Fields(string(data))
	if err != nil || len(fields) < 3 {
		return "unknown"
	}
	return strings.Join(fields[:3], " ")
}

func run(name string, args ...string) {
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		fatalf("%s %v: %v", name, args, err)
	}
}

// genCorpus is "bench gen-corpus [-hugo] N DIR": it writes the synthetic
// corpus of N events into DIR, or with -hugo its Hugo twin, a Hugo site
// that builds the same pages (its static files from -layouts).
func genCorpus(args []string) {
	fs := flag.NewFlagSet("gen-corpus", flag.ExitOnError)
	hugo := fs.Bool("hugo", false, "write the Hugo twin of the corpus: a Hugo site that builds the same pages")
	layouts := fs.String("layouts", "layouts", "the layouts `directory` whose static files the Hugo twin serves")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: go run ./generator/bench gen-corpus [-hugo] [-layouts DIR] N DIR")
		fs.PrintDefaults()
	}
	fs.Parse(args)
	n, err := strconv.Atoi(fs.Arg(0))
	if fs.NArg() != 2 || err != nil || n <= 0 {
		fs.Usage()
		os.Exit(2)
	}
	var files []corpus.File
	if *hugo {
		files, err = corpus.GenerateHugo(n, os.DirFS(filepath.Join(*layouts, "static")))
	} else {
		files = corpus.Generate(n)
	}
	if err == nil {
		err = corpus.Write(fs.Arg(1), files)
	}
	if err != nil {
		fatal(err)
	}
}

// compareSites is "bench compare OURS HUGO": it compares a site timeline
// built with the one Hugo built from the twin, and prints how they differ.
func compareSites(args []string) {
	fs := flag.NewFlagSet("compare", flag.ExitOnError)
	fs.Parse(args)
	if fs.NArg() != 2 {
		fatal("usage: go run ./generator/bench compare OURS HUGO")
	}
	if !verifyTwin(fs.Arg(0), fs.Arg(1)) {
		os.Exit(1)
	}
}
