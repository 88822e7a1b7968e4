// Command bench times full builds of synthetic corpora with timeline and,
// when it is installed, with Hugo, and copies of timeline's output with
// cp -r (the floor set by creating files); then the time from saving an
// event to its page being updated in watch mode. Runs alternate between the
// tools, so that a noisy machine disturbs them alike; compare the ratios.
//
//	go run ./generator/bench [-sizes 1000,10000] [-runs 5] [-edits 50]
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/exchange-timeline/timeline/generator/internal/corpus"
)

func main() {
	sizes := flag.String("sizes", "1000,10000", "corpus sizes, in events")
	runs := flag.Int("runs", 5, "full builds per tool and size")
	edits := flag.Int("edits", 50, "edits timed in watch mode, on the largest corpus of at most 10,000 events")
	dir := flag.String("dir", filepath.Join(os.TempDir(), "timeline-bench"), "work `directory` (emptied first)")
	translate := flag.String("translate", "", "give every event a translation into `language` (uk, ru), and the site an edition in it")
	flag.Parse()
	log.SetFlags(0)
	b := &bench{dir: *dir, translate: *translate}
	b.setUp()
	watched := 0
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 {
			log.Fatalf("bad size %q", s)
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
	translate string // the language of the events' translations, or ""
	timeline  string // the binary
	hugo      string // "" when Hugo is not installed
}

func (b *bench) setUp() {
	if err := os.RemoveAll(b.dir); err != nil {
		log.Fatal(err)
	}
	if err := os.MkdirAll(b.dir, 0o755); err != nil {
		log.Fatal(err)
	}
	b.timeline = filepath.Join(b.dir, "timeline")
	run("go", "build", "-o", b.timeline, "./generator")
	b.hugo, _ = exec.LookPath("hugo")
	out, _ := exec.Command("go", "version").Output()
	fmt.Printf("Machine: %d CPUs, %s", cpus(), out)
	if b.hugo != "" {
		v, _ := exec.Command(b.hugo, "version").Output()
		fmt.Printf("Peer: %s", v)
	} else {
		fmt.Println("Peer: hugo is not installed (apt-get install hugo); comparing with cp -r only")
	}
	fmt.Printf("Date: %s\n\n", time.Now().Format(time.DateOnly))
}

func cpus() int {
	out, err := exec.Command("nproc").Output()
	if n, err2 := strconv.Atoi(strings.TrimSpace(string(out))); err == nil && err2 == nil {
		return n
	}
	return 0
}

// measurement is one timed run of a command.
type measurement struct {
	wall, user, sys time.Duration
	maxRSS          int64 // KiB
}

func measure(dir string, name string, args ...string) measurement {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		log.Fatalf("%s %v: %v\n%s", name, args, err, stderr.Bytes())
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	return measurement{
		wall:   time.Since(start),
		user:   time.Duration(ru.Utime.Nano()),
		sys:    time.Duration(ru.Stime.Nano()),
		maxRSS: ru.Maxrss,
	}
}

func run(name string, args ...string) {
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		log.Fatalf("%s %v: %v", name, args, err)
	}
}

// fullBuilds times fresh builds of an n-event corpus.
func (b *bench) fullBuilds(n, runs int) {
	root := filepath.Join(b.dir, strconv.Itoa(n))
	content, hugoSite := filepath.Join(root, "content"), filepath.Join(root, "hugo")
	layouts, _ := filepath.Abs("layouts")
	source := corpus.Generate(n)
	if b.translate != "" {
		source = corpus.Translate(source, b.translate)
	}
	if err := corpus.Write(content, source); err != nil {
		log.Fatal(err)
	}
	if err := corpus.Write(hugoSite, corpus.GenerateHugo(n)); err != nil {
		log.Fatal(err)
	}
	// Hugo serves the same stylesheet.
	css, err := os.ReadFile(filepath.Join(layouts, "static", "style.css"))
	if err == nil {
		os.MkdirAll(filepath.Join(hugoSite, "static"), 0o755)
		os.WriteFile(filepath.Join(hugoSite, "static", "style.css"), css, 0o644)
	}
	out, hugoOut, copyOut := filepath.Join(root, "public"), filepath.Join(root, "hugo-public"), filepath.Join(root, "copy")
	results := map[string][]measurement{}
	for r := range runs {
		tools := []string{"timeline", "hugo", "cp -r"}
		if r%2 == 1 {
			slices.Reverse(tools)
		}
		for _, tool := range tools {
			switch tool {
			case "timeline":
				os.RemoveAll(out)
				results[tool] = append(results[tool], measure(root, b.timeline, "build", "-content", content, "-layouts", layouts, "-out", out))
			case "hugo":
				if b.hugo == "" {
					continue
				}
				os.RemoveAll(hugoOut)
				results[tool] = append(results[tool], measure(hugoSite, b.hugo, "--quiet", "-d", hugoOut))
			case "cp -r":
				if _, err := os.Stat(out); err != nil {
					continue // timeline has not built yet in this round
				}
				os.RemoveAll(copyOut)
				results[tool] = append(results[tool], measure(root, "cp", "-r", out, copyOut))
			}
		}
	}
	files, size := count(out)
	fmt.Printf("%d events, %d people: timeline writes %d files, %.0f MB; %d runs each\n", n, max(n/2, 3), files, float64(size)/1e6, runs)
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "tool\twall median\tmin\tmax\tuser CPU\tsys CPU\tpeak RSS\t")
	for _, tool := range []string{"timeline", "hugo", "cp -r"} {
		ms := results[tool]
		if len(ms) == 0 {
			continue
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%d MiB\t\n", tool, seconds(median(ms, wall)), seconds(minOf(ms, wall)), seconds(maxOf(ms, wall)),
			seconds(median(ms, user)), seconds(median(ms, sys)), peak(ms)/1024)
	}
	w.Flush()
	ours := results["timeline"]
	if hugo := results["hugo"]; len(hugo) > 0 {
		fmt.Printf("timeline/hugo: wall %.2f×, user CPU %.2f×, peak RSS %.2f×\n",
			ratio(median(ours, wall), median(hugo, wall)), ratio(median(ours, user), median(hugo, user)), float64(peak(ours))/float64(peak(hugo)))
	}
	if cp := results["cp -r"]; len(cp) > 0 {
		fmt.Printf("timeline/cp -r of its output: wall %.2f×\n", ratio(median(ours, wall), median(cp, wall)))
	}
	fmt.Println()
}

func count(dir string) (files int, size int64) {
	filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files++
			if info, err := d.Info(); err == nil {
				size += info.Size()
			}
		}
		return nil
	})
	return files, size
}

func wall(m measurement) time.Duration { return m.wall }
func user(m measurement) time.Duration { return m.user }
func sys(m measurement) time.Duration  { return m.sys }

func sorted(ms []measurement, f func(measurement) time.Duration) []time.Duration {
	ds := make([]time.Duration, len(ms))
	for i, m := range ms {
		ds[i] = f(m)
	}
	slices.Sort(ds)
	return ds
}

func median(ms []measurement, f func(measurement) time.Duration) time.Duration {
	ds := sorted(ms, f)
	return ds[len(ds)/2]
}

func minOf(ms []measurement, f func(measurement) time.Duration) time.Duration {
	return sorted(ms, f)[0]
}

func maxOf(ms []measurement, f func(measurement) time.Duration) time.Duration {
	ds := sorted(ms, f)
	return ds[len(ds)-1]
}

func peak(ms []measurement) int64 {
	var p int64
	for _, m := range ms {
		p = max(p, m.maxRSS)
	}
	return p
}

func ratio(a, b time.Duration) float64 { return float64(a) / float64(b) }

func seconds(d time.Duration) string { return fmt.Sprintf("%.3fs", d.Seconds()) }
