package main

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/exchange-timeline/timeline/generator/internal/build"
	"github.com/exchange-timeline/timeline/generator/internal/corpus"
	"github.com/exchange-timeline/timeline/generator/internal/publish"
	"github.com/exchange-timeline/timeline/generator/internal/render"
	"github.com/exchange-timeline/timeline/generator/internal/serve"
	"github.com/exchange-timeline/timeline/generator/internal/site"
	"github.com/exchange-timeline/timeline/generator/sitetest"
)

// syncBuffer is a bytes.Buffer safe for the watch loop and the test.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// project is a content and a layouts directory in t.TempDir(), with the
// watch loop running on them.
type project struct {
	t                     *testing.T
	content, layouts, out string
	log                   *syncBuffer
	cfg                   *config
}

func newProject(t *testing.T, events int) *project {
	t.Helper()
	return newProjectOf(t, corpus.Generate(events))
}

// newTranslatedProject is newProject with a Ukrainian edition: a
// translation beside every event.
func newTranslatedProject(t *testing.T, events int) *project {
	t.Helper()
	return newProjectOf(t, corpus.Translate(corpus.Generate(events), "uk"))
}

func newProjectOf(t *testing.T, files []corpus.File) *project {
	t.Helper()
	dir := t.TempDir()
	p := &project{t: t, content: filepath.Join(dir, "content"), layouts: filepath.Join(dir, "layouts"),
		out: filepath.Join(dir, "public"), log: &syncBuffer{}}
	for _, f := range files {
		p.write("content/"+f.Path, string(f.Data))
	}
	if out, err := exec.Command("cp", "-r", "../layouts", p.layouts).CombinedOutput(); err != nil {
		t.Fatalf("copying the layouts: %v %s", err, out)
	}
	base, _ := site.ParseBaseURL("/repo/")
	p.cfg = &config{contentDir: p.content, layoutsDir: p.layouts, outDir: p.out, baseURL: base,
		stdout: p.log, stderr: p.log}
	return p
}

// start runs the watch loop (with server, if not nil) until the test ends,
// and waits for its first build.
func (p *project) start(server *serve.Server) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- p.cfg.watch(ctx, server) }()
	p.t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			p.t.Errorf("watch: %v", err)
		}
	})
	p.waitForLog("Watching ")
	p.waitForFreshBuild()
}

// path turns "content/events/x.md" into a path in the project.
func (p *project) path(rel string) string {
	return filepath.Join(filepath.Dir(p.content), filepath.FromSlash(rel))
}

func (p *project) write(rel, data string) {
	p.t.Helper()
	path := p.path(rel)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		p.t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		p.t.Fatal(err)
	}
}

func (p *project) read(rel string) string {
	p.t.Helper()
	data, err := os.ReadFile(p.path(rel))
	if err != nil {
		p.t.Fatal(err)
	}
	return string(data)
}

func (p *project) run(name string, args ...string) {
	p.t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = filepath.Dir(p.content)
	if out, err := cmd.CombinedOutput(); err != nil {
		p.t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
}

// event is the path of the i-th event's main file (not a translation).
func (p *project) event(i int) string {
	entries, err := os.ReadDir(filepath.Join(p.content, "events"))
	if err != nil {
		p.t.Fatal(err)
	}
	var mains []string
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".uk.md") {
			mains = append(mains, e.Name())
		}
	}
	return "content/events/" + mains[i]
}

func (p *project) waitForLog(text string) {
	p.t.Helper()
	sitetest.Eventually(p.t, "waiting for "+text, func() string {
		if strings.Contains(p.log.String(), text) {
			return ""
		}
		return fmt.Sprintf("not in the log:\n%s", p.log)
	})
}

// waitForFreshBuild waits until -out holds exactly what a fresh build of
// the current files writes.
func (p *project) waitForFreshBuild() {
	p.t.Helper()
	sitetest.Eventually(p.t, "public/ equal to a fresh build", func() string {
		var want render.MapSink
		opts, err := p.cfg.siteOptions(context.Background())
		if err != nil {
			return err.Error()
		}
		res, diags, err := build.Run(opts, &want)
		if err != nil || res == nil {
			return fmt.Sprintf("a fresh build fails: %v %v", err, diags)
		}
		return sameFiles(readTree(p.t, p.out), want.Files)
	})
}

func readTree(t *testing.T, dir string) map[string][]byte {
	files := map[string][]byte{}
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(dir, path)
		if rel == publish.MarkerFile {
			return nil // publishing marks the site; a build does not make it
		}
		data, err := os.ReadFile(path)
		if err == nil {
			files[filepath.ToSlash(rel)] = data
		}
		return nil
	})
	return files
}

func sameFiles(got, want map[string][]byte) string {
	for name, data := range want {
		if g, ok := got[name]; !ok {
			return name + " is missing"
		} else if !bytes.Equal(g, data) {
			return name + " differs"
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			return name + " should not be there"
		}
	}
	return ""
}

// TestWatchSavePatterns saves files the ways real tools do; after each,
// public/ must become byte-identical to a fresh build of the same files.
func TestWatchSavePatterns(t *testing.T) {
	// The saves of translations are made on a site with a Ukrainian
	// edition.
	tests := []struct {
		name string
		save func(p *project)
	}{
		{"write in place", func(p *project) {
			e := p.event(3)
			p.write(e, strings.Replace(p.read(e), "title: ", "title: Edited ", 1))
		}},
		{"truncate and write, as VS Code does", func(p *project) {
			e := p.event(4)
			data := strings.Replace(p.read(e), "title: ", "title: Truncated ", 1)
			f, err := os.OpenFile(p.path(e), os.O_WRONLY|os.O_TRUNC, 0)
			if err != nil {
				t.Fatal(err)
			}
			f.WriteString(data[:10])
			f.WriteString(data[10:])
			f.Close()
		}},
		{"sed -i", func(p *project) {
			p.run("sed", "-i", "s/^title: /title: Sed /", strings.TrimPrefix(p.event(5), ""))
		}},
		{"vim: backup by rename, then a new file", func(p *project) {
			e := p.event(6)
			data := strings.Replace(p.read(e), "title: ", "title: Vim ", 1)
			p.write("content/events/4913", "")
			os.Remove(p.path("content/events/4913"))
			os.Rename(p.path(e), p.path(e+"~"))
			p.write(e, data)
			os.Remove(p.path(e + "~"))
		}},
		{"git checkout of many files", func(p *project) {
			for i := range 20 {
				e := p.event(i)
				p.write(e, strings.Replace(p.read(e), "count: ", "count: 1", 1))
			}
		}},
		{"cp -r of a folder of events", func(p *project) {
			src := t.TempDir()
			for i := range 3 {
				name := fmt.Sprintf("2003-03-0%d-copied-%d.md", i+1, i)
				os.WriteFile(filepath.Join(src, name), []byte(fmt.Sprintf("---\ntitle: Copied %d\ndate: 2003-03-0%d\nkind: talks\nsources:\n  - {id: s, publisher: P, url: \"https://example.org/%d\", date: 2003-03-01}\n---\n", i, i+1, i)), 0o644)
			}
			p.run("cp", "-r", src, p.path("content/events/copied"))
		}},
		{"rm", func(p *project) { os.Remove(p.path(p.event(7))) }},
		{"mv", func(p *project) {
			e := p.event(8)
			p.run("mv", e, strings.Replace(e, ".md", "-moved.md", 1))
		}},
		{"a new directory and a file in it at once", func(p *project) {
			p.write("content/people/new/deeper/person-new.md", "---\nname: New Person\n---\n")
		}},
		{"mv of a directory", func(p *project) {
			p.write("content/events/old-dir/2004-04-04-in-dir.md", "---\ntitle: In a dir\ndate: 2004-04-04\nkind: talks\nsources:\n  - {id: s, publisher: P, url: \"https://example.org/\", date: 2004-04-04}\n---\n")
			p.waitForFreshBuild()
			p.run("mv", "content/events/old-dir", "content/events/new-dir")
		}},
		{"rm -r of a directory", func(p *project) {
			p.write("content/events/doomed/2004-05-05-doomed.md", "---\ntitle: Doomed\ndate: 2004-05-05\nkind: talks\nsources:\n  - {id: s, publisher: P, url: \"https://example.org/\", date: 2004-05-05}\n---\n")
			p.waitForFreshBuild()
			os.RemoveAll(p.path("content/events/doomed"))
		}},
		{"a burst of 200 new files", func(p *project) {
			for i := range 200 {
				p.write(fmt.Sprintf("content/events/2005-01-01-burst-%03d.md", i), fmt.Sprintf("---\ntitle: Burst %d\ndate: 2005-01-01\nkind: exchange\nstage: part %[1]d\nsources:\n  - {id: s, publisher: P, url: \"https://example.org/%d\", date: 2005-01-01}\n---\nBody.\n", i, i))
			}
		}},
		{"a layout", func(p *project) {
			css := p.read("layouts/static/style.css")
			p.write("layouts/static/style.css", css+"\n.changed { color: red; }\n")
		}},
		{"the site settings", func(p *project) {
			p.write("content/_index.md", strings.Replace(p.read("content/_index.md"), "title: ", "title: Renamed ", 1))
		}},
		{"a translation, by sed -i", func(p *project) {
			p.run("sed", "-i", "s/^title: /title: Виправлено /", strings.TrimSuffix(p.event(9), ".md")+".uk.md")
		}},
		{"a translation removed, then written again", func(p *project) {
			tr := strings.TrimSuffix(p.event(10), ".md") + ".uk.md"
			data := p.read(tr)
			os.Remove(p.path(tr))
			p.waitForFreshBuild()
			p.write(tr, strings.Replace(data, "title: ", "title: Знову ", 1))
		}},
		{"an event moved with its translation", func(p *project) {
			e := p.event(11)
			moved := strings.Replace(e, ".md", "-moved.md", 1)
			p.run("mv", e, moved)
			p.run("mv", strings.TrimSuffix(e, ".md")+".uk.md", strings.TrimSuffix(moved, ".md")+".uk.md")
		}},
		{"the site's translation", func(p *project) {
			p.write("content/_index.uk.md", strings.Replace(p.read("content/_index.uk.md"), "title: ", "title: Перейменовано ", 1))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newProject(t, 30)
			if strings.Contains(tt.name, "translation") {
				p = newTranslatedProject(t, 30)
			}
			p.start(nil)
			tt.save(p)
			p.waitForFreshBuild()
		})
	}
}

// A broken file never stops watching: public/ keeps the last good site and
// the next good save recovers.
func TestWatchBrokenThenFixed(t *testing.T) {
	p := newProject(t, 20)
	p.start(nil)
	good := readTree(t, p.out)
	e := p.event(2)
	original := p.read(e)
	p.write(e, strings.Replace(original, "kind: ", "kidn: ", 1))
	p.waitForLog("build failed (1 error); " + p.out + " keeps the last good site")
	if !strings.Contains(p.log.String(), ": unknown field \"kidn\" (did you mean \"kind\"?)") {
		t.Errorf("the error is not reported:\n%s", p.log)
	}
	if problem := sameFiles(readTree(t, p.out), good); problem != "" {
		t.Errorf("a failed build changed public/: %s", problem)
	}
	p.write(e, strings.Replace(original, "title: ", "title: Fixed ", 1))
	p.waitForFreshBuild()
}

// Each rebuild prints one line: what changed, files written and removed,
// and how long it took.
func TestWatchLogLine(t *testing.T) {
	p := newProject(t, 20)
	p.start(nil)
	e := p.event(1)
	p.write(e, strings.Replace(p.read(e), "title: ", "title: Logged ", 1))
	p.waitForFreshBuild()
	p.waitForLog(filepath.Base(p.content) + "/events/")
	lines := strings.Split(strings.TrimSpace(p.log.String()), "\n")
	last := lines[len(lines)-1]
	if !strings.Contains(last, filepath.FromSlash(e)) || !strings.Contains(last, "files written, 0 removed in ") {
		t.Errorf("rebuild line: %q", last)
	}
}

func TestWatchPolling(t *testing.T) {
	p := newProject(t, 10)
	p.cfg.poll = 30 * time.Millisecond
	p.start(nil)
	e := p.event(0)
	p.write(e, strings.Replace(p.read(e), "title: ", "title: Polled ", 1))
	p.waitForFreshBuild()
	os.Remove(p.path(p.event(1)))
	p.waitForFreshBuild()
}

// When the content or layouts directory is replaced (moved away and copied
// back, deleted and restored from a backup), watch says so, rebuilds
// everything from the new directory once it is back, and follows later
// edits: public/ ends equal to a fresh build each time, pages of files
// the restored copy lacks included.
func TestWatchRootReplaced(t *testing.T) {
	for _, poll := range []time.Duration{0, 50 * time.Millisecond} {
		for _, root := range []string{"content", "layouts"} {
			t.Run(fmt.Sprintf("%s, poll=%s", root, poll), func(t *testing.T) {
				p := newProject(t, 8)
				// In a repository, so that pages say when their files last
				// changed: what is read again must keep that too.
				p.run("git", "init", "-q")
				p.run("git", "add", "content")
				p.run("git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-q", "-m", "synthetic")
				p.cfg.poll = poll
				p.start(nil)
				defer func() {
					if t.Failed() {
						t.Logf("log:\n%s", p.log)
					}
				}()

				p.run("mv", root, "moved")
				p.run("cp", "-r", "moved", root)
				p.waitForLog(root + " is back; rebuilding everything")
				e := p.event(2)
				p.write(e, strings.Replace(p.read(e), "title: ", "title: After the copy ", 1))
				p.waitForFreshBuild()
				if !strings.Contains(p.read("public/index.html")+p.read("public/"+strings.TrimSuffix(strings.TrimPrefix(e, "content/"), ".md")+"/index.html"), "After the copy") {
					t.Error("the edit after the copy is not on the site")
				}

				p.run("cp", "-r", root, "backup")
				if root == "content" {
					os.Remove(p.path(strings.Replace(p.event(3), "content/", "backup/", 1)))
				}
				p.run("rm", "-rf", root)
				p.run("cp", "-r", "backup", root)
				sitetest.Eventually(t, "the restore seen", func() string {
					if n := strings.Count(p.log.String(), root+" is back; rebuilding everything"); n != 2 {
						return fmt.Sprintf("%d times back in the log:\n%s", n, p.log)
					}
					return ""
				})
				p.waitForFreshBuild()
				e = p.event(1)
				p.write(e, strings.Replace(p.read(e), "title: ", "title: After the restore ", 1))
				p.waitForFreshBuild()
			})
		}
	}
}
