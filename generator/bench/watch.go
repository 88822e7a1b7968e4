package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// watchEdits times, in watch mode on the n-event corpus, how long each of
// edits saves of one event takes to reach its page in the output, and how
// the process's memory changes over the edits: it must not grow.
func (b *bench) watchEdits(n, edits int) {
	root := filepath.Join(b.dir, strconv.Itoa(n))
	content, out := filepath.Join(root, "content"), filepath.Join(root, "watched")
	layouts, _ := filepath.Abs("layouts")
	cmd := exec.Command(b.timeline, "watch", "-content", content, "-layouts", layouts, "-out", out)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		fatal(err)
	}
	if err := cmd.Start(); err != nil {
		fatal(err)
	}
	defer func() {
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
	}()
	lines := bufio.NewScanner(stdout)
	for lines.Scan() && !strings.HasPrefix(lines.Text(), "Watching") {
	}
	go func() { // keep the pipe drained
		for lines.Scan() {
		}
	}()
	events, _ := filepath.Glob(filepath.Join(content, "events", "*.md"))
	slices.Sort(events)
	file := events[len(events)/2]
	page := filepath.Join(out, "events", strings.TrimSuffix(filepath.Base(file), ".md"), "index.html")
	original, err := os.ReadFile(file)
	if err != nil {
		fatal(err)
	}
	title := regexp.MustCompile(`(?m)^title: .*$`)
	var latencies []time.Duration
	var memory []string // resident memory at a few points
	checkpoints := map[int]bool{1: true, edits / 10: true, edits / 2: true, edits: true}
	var rssFirst, rssLast int64
	for i := 1; i <= edits; i++ {
		marker := fmt.Sprintf("Bench edit %d", i)
		edited := title.ReplaceAll(original, []byte("title: "+marker))
		start := time.Now()
		if err := os.WriteFile(file, edited, 0o644); err != nil {
			fatal(err)
		}
		latencies = append(latencies, waitFor(page, []byte(marker+"<"), start))
		if checkpoints[i] {
			rssLast = rss(cmd.Process.Pid)
			if i == 1 {
				rssFirst = rssLast
			}
			memory = append(memory, fmt.Sprintf("%d MB after %d", rssLast*1024/1e6, i))
		}
		time.Sleep(20 * time.Millisecond) // let each edit be its own rebuild
	}
	os.WriteFile(file, original, 0o644)
	slices.Sort(latencies)
	fmt.Printf("Watch mode, %d events: save of one event to its page updated, %d edits\n", n, edits)
	fmt.Printf("  median %s, min %s, p90 %s, max %s\n", ms(latencies[len(latencies)/2]), ms(latencies[0]),
		ms(latencies[len(latencies)*9/10]), ms(latencies[len(latencies)-1]))
	fmt.Printf("  resident memory: %s\n", strings.Join(memory, ", "))
	median := latencies[len(latencies)/2]
	if n == 10000 {
		verdict := map[bool]string{true: "met", false: "MISSED"}
		fmt.Printf("Target save-to-page ≤ 50 ms at 10,000 events: %s (median %s)\n", verdict[median <= 50*time.Millisecond], ms(median))
		grew := float64(rssLast-rssFirst) / float64(rssFirst)
		fmt.Printf("Target memory does not grow over the edits: %s (%+.0f%% from the first edit to the last)\n", verdict[grew <= 0.1], grew*100)
	}
}

// waitFor polls path until it contains want, and returns the time since
// start.
func waitFor(path string, want []byte, start time.Time) time.Duration {
	deadline := start.Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if data, err := os.ReadFile(path); err == nil && bytes.Contains(data, want) {
			return time.Since(start)
		}
		time.Sleep(200 * time.Microsecond)
	}
	fatalf("%s did not show %q within 30s", path, want)
	return 0
}

// rss returns a process's resident memory in KiB, from /proc.
func rss(pid int) int64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb
		}
	}
	return 0
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }
