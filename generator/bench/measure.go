package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"syscall"
	"time"

	"github.com/exchange-timeline/timeline/generator/internal/corpus"
)

// measurement is one timed run of a command.
type measurement struct {
	wall, user, sys time.Duration
	maxRSS          int64 // bytes
}

func (m measurement) cpu() time.Duration { return m.user + m.sys }

// measure runs a command in dir and times it. CPU time and peak memory
// come from the kernel's accounting of the child (getrusage).
func (b *bench) measure(dir, name string, args ...string) measurement {
	if b.cpus != "" {
		args = append([]string{"-c", b.cpus, name}, args...)
		name = "taskset"
	}
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		fatalf("%s %v: %v\n%s", name, args, err, stderr.Bytes())
	}
	wall := time.Since(start)
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	return measurement{wall: wall, user: time.Duration(ru.Utime.Nano()), sys: time.Duration(ru.Stime.Nano()), maxRSS: ru.Maxrss << 10}
}

// The tools timed, in the order of the tables.
const (
	timeline = "timeline"
	hugo     = "hugo (twin)"
	copying  = "cp -r"
)

// sizeRun is what the runs of one corpus size measured.
type sizeRun struct {
	n       int
	files   int
	bytes   int64
	results map[string][]measurement
	twinOK  bool // Hugo built the same site
}

// fullBuilds times fresh builds of an n-event corpus: timeline, Hugo on
// the twin, and cp -r of timeline's output, in alternating order.
func (b *bench) fullBuilds(n, runs int) {
	root := filepath.Join(b.dir, strconv.Itoa(n))
	content, hugoSite := filepath.Join(root, "content"), filepath.Join(root, "hugo")
	layouts, _ := filepath.Abs("layouts")
	source := corpus.Generate(n)
	if b.translate != "" {
		source = corpus.Translate(source, b.translate)
	}
	if err := corpus.Write(content, source); err != nil {
		fatal(err)
	}
	withHugo := b.hugo != "" && n <= b.hugoMax
	if withHugo {
		twin, err := corpus.GenerateHugo(n, os.DirFS(filepath.Join(layouts, "static")))
		if err == nil {
			err = corpus.Write(hugoSite, twin)
		}
		if err != nil {
			fatal(err)
		}
	}
	out, hugoOut, copyOut := filepath.Join(root, "public"), filepath.Join(root, "hugo-public"), filepath.Join(root, "copy")
	r := &sizeRun{n: n, results: map[string][]measurement{}}
	for i := range runs {
		tools := []string{timeline, hugo, copying}
		if i%2 == 1 {
			slices.Reverse(tools)
		}
		for _, tool := range tools {
			switch tool {
			case timeline:
				os.RemoveAll(out)
				r.results[tool] = append(r.results[tool], b.measure(root, b.timeline, "build", "-content", content, "-layouts", layouts, "-out", out))
			case hugo:
				if !withHugo {
					continue
				}
				os.RemoveAll(hugoOut)
				r.results[tool] = append(r.results[tool], b.measure(hugoSite, b.hugo, "--quiet", "-d", hugoOut))
			case copying:
				if _, err := os.Stat(out); err != nil {
					continue // timeline has not built yet in this round
				}
				os.RemoveAll(copyOut)
				r.results[tool] = append(r.results[tool], b.measure(root, "cp", "-r", out, copyOut))
			}
		}
	}
	r.files, r.bytes = count(out)
	fmt.Printf("%d events, %d people: timeline writes %d files, %.0f MB; %d runs each, alternating; medians\n",
		n, max(n/2, 3), r.files, float64(r.bytes)/1e6, runs)
	switch {
	case withHugo && b.translate != "":
		fmt.Printf("Twin: not compared, and the ratios to Hugo do not compare the same work: timeline builds an edition in %s too, the Hugo twin English only\n", b.translate)
	case withHugo:
		r.twinOK = verifyTwin(out, hugoOut)
	}
	r.print()
	if missed := r.targets(); missed && b.profile {
		b.profileBuild(root, content, layouts)
	}
	fmt.Println()
	// The copies are not needed again; the corpus and output stay for
	// the watch-mode edits.
	os.RemoveAll(copyOut)
	os.RemoveAll(hugoOut)
}

// verifyTwin checks that Hugo built the same site as timeline, so that
// the ratios compare the same work.
func verifyTwin(ours, theirs string) bool {
	diffs, compared, err := corpus.Compare(ours, theirs, corpus.Compared{Ignore: corpus.NotTwinned})
	if err != nil {
		fatal(err)
	}
	if len(diffs) == 0 {
		fmt.Printf("Twin: Hugo built the same site (%d files compared, no differences)\n", compared)
		return true
	}
	fmt.Printf("Twin: Hugo's site differs from timeline's in %d of %d files; its ratios do not compare the same work:\n", len(diffs), compared)
	for _, d := range diffs[:min(len(diffs), 10)] {
		fmt.Println("  ", d)
	}
	return false
}

// profileBuild builds once more with a CPU profile and prints where the
// time goes.
func (b *bench) profileBuild(root, content, layouts string) {
	out, prof := filepath.Join(root, "profiled"), filepath.Join(root, "cpu.prof")
	os.RemoveAll(out)
	m := b.measure(root, b.timeline, "build", "-content", content, "-layouts", layouts, "-out", out, "-cpuprofile", prof)
	os.RemoveAll(out)
	fmt.Printf("Where the CPU time goes (timeline build -cpuprofile, %s wall, %s CPU; go tool pprof -top -cum %s):\n",
		seconds(m.wall), seconds(m.cpu()), prof)
	top, err := exec.Command("go", "tool", "pprof", "-top", "-cum", "-nodecount=30", b.timeline, prof).Output()
	if err != nil {
		fmt.Println("  go tool pprof failed:", err)
		return
	}
	os.Stdout.Write(top)
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

func seconds(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }
