package main

import (
	"fmt"
	"os"
	"slices"
	"text/tabwriter"
	"time"
)

func wall(m measurement) time.Duration { return m.wall }
func cpu(m measurement) time.Duration  { return m.cpu() }
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

func peak(ms []measurement) int64 {
	var p int64
	for _, m := range ms {
		p = max(p, m.maxRSS)
	}
	return p
}

func ratio(a, b time.Duration) float64 { return float64(a) / float64(b) }

// print writes the table of one size: per tool the median wall time with
// its range, the median CPU time and its parts, the peak memory, and the
// CPU time per file written.
func (r *sizeRun) print() {
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "tool\twall\t(min–max)\tCPU\tuser\tsys\tpeak RSS\tCPU per file\t")
	for _, tool := range []string{timeline, hugo, copying} {
		ms := r.results[tool]
		if len(ms) == 0 {
			continue
		}
		ws := sorted(ms, wall)
		fmt.Fprintf(w, "%s\t%s\t(%.2f–%.2f)\t%s\t%s\t%s\t%d MB\t%.0f µs\t\n", tool, seconds(median(ms, wall)), ws[0].Seconds(), ws[len(ws)-1].Seconds(),
			seconds(median(ms, cpu)), seconds(median(ms, user)), seconds(median(ms, sys)), peak(ms)/1e6,
			float64(median(ms, cpu).Microseconds())/float64(max(r.files, 1)))
	}
	w.Flush()
	ours := r.results[timeline]
	if h := r.results[hugo]; len(h) > 0 {
		fmt.Printf("timeline/hugo: wall %.2f×, CPU %.2f×, peak RSS %.2f×\n",
			ratio(median(ours, wall), median(h, wall)), ratio(median(ours, cpu), median(h, cpu)), float64(peak(ours))/float64(peak(h)))
	}
	if c := r.results[copying]; len(c) > 0 {
		fmt.Printf("timeline/cp -r of its output: wall %.2f×, CPU %.2f×\n", ratio(median(ours, wall), median(c, wall)), ratio(median(ours, cpu), median(c, cpu)))
	}
}

// A target is one of issue 15's, for one corpus size.
type target struct {
	what  string
	value float64 // measured
	limit float64
	unit  string
	ok    bool // measured at all
}

// targets prints the targets for the size, met or not, and reports
// whether any was missed.
func (r *sizeRun) targets() (missed bool) {
	ours, h, c := r.results[timeline], r.results[hugo], r.results[copying]
	hugoOK := len(h) > 0 && r.twinOK
	wallHugo := target{what: "wall ≤ %.2g× the Hugo twin's", unit: "×", ok: hugoOK}
	cpuHugo := target{what: "CPU ≤ %.2g× the Hugo twin's", unit: "×", ok: hugoOK}
	if hugoOK {
		wallHugo.value = ratio(median(ours, wall), median(h, wall))
		cpuHugo.value = ratio(median(ours, cpu), median(h, cpu))
	}
	wallCopy := target{what: "wall ≤ %.2g× cp -r of the output", unit: "×", ok: len(c) > 0}
	if len(c) > 0 {
		wallCopy.value = ratio(median(ours, wall), median(c, wall))
	}
	rss := target{what: "peak RSS ≤ %.0f MB", value: float64(peak(ours)) / 1e6, unit: " MB", ok: true}
	var list []target
	switch r.n {
	case 1000:
		wallHugo.limit, rss.limit = 0.3, 60
		list = []target{wallHugo, rss}
	case 10000:
		wallHugo.limit, cpuHugo.limit, wallCopy.limit, rss.limit = 0.3, 0.35, 2.5, 250
		list = []target{wallHugo, cpuHugo, wallCopy, rss}
	case 100000:
		rss.limit, wallCopy.limit = 2000, 3
		list = []target{rss, wallCopy}
	}
	for _, t := range list {
		what := fmt.Sprintf(t.what, t.limit)
		switch {
		case !t.ok:
			fmt.Printf("Target %s: not measured\n", what)
		case t.value <= t.limit:
			fmt.Printf("Target %s: met (%.2f%s)\n", what, t.value, t.unit)
		default:
			fmt.Printf("Target %s: MISSED (%.2f%s)\n", what, t.value, t.unit)
			missed = true
		}
	}
	return missed
}
