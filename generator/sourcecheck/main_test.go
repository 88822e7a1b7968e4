package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"
)

// A real server answers as sites do: a page that is there, one that is
// gone, one that answers GET but not HEAD, redirects to both, a site that
// turns robots away, one that fails, and one that never answers.
func sources(t *testing.T) (*httptest.Server, *atomic.Int32) {
	var asked atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) { asked.Add(1) })
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	mux.HandleFunc("/no-head", func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			w.WriteHeader(http.StatusMethodNotAllowed)
		}
	})
	mux.Handle("/moved", http.RedirectHandler("/ok", http.StatusMovedPermanently))
	mux.Handle("/moved-away", http.RedirectHandler("/gone", http.StatusFound))
	mux.HandleFunc("/robots-not-welcome", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusForbidden) })
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusInternalServerError) })
	mux.HandleFunc("/silent", func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, &asked
}

func writeContent(t *testing.T, files map[string]string) string {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	dir := t.TempDir()
	if err := os.CopyFS(dir, fsys); err != nil {
		t.Fatal(err)
	}
	return dir
}

// Every address is asked for once; those that are gone or failing, or
// that turned the checker away, are listed at their source's line, gone
// first; the others are not; and the exit status is 0 all the same.
func TestSourceCheck(t *testing.T) {
	srv, asked := sources(t)
	u := srv.URL
	dir := writeContent(t, map[string]string{
		"_index.md": "---\ntitle: Test\nparties:\n  - {id: ukraine, name: Ukraine}\n---\n",
		"events/2025-01-01-test.md": "---\ntitle: Test\ndate: 2025-01-01\nkind: exchange\nsources:\n" +
			"  - {id: fine, publisher: P, url: \"" + u + "/ok\"}\n" +
			"  - {id: again, publisher: P, url: \"" + u + "/ok\", archive: \"" + u + "/moved\"}\n" +
			"  - {id: lost, publisher: P, url: \"" + u + "/gone\", archive: \"" + u + "/no-head\"}\n" +
			"  - {id: away, publisher: P, url: \"" + u + "/moved-away\"}\n" +
			"---\n",
		"people/anna-test.md": "---\nname: Anna Test\nsources:\n" +
			"  - id: blocked\n    publisher: P\n    url: " + u + "/robots-not-welcome\n" +
			"  - id: down\n    publisher: P\n    url: " + u + "/broken\n" +
			"  - id: mute\n    publisher: P\n    url: " + u + "/silent\n" +
			"---\n",
	})
	var out, errOut strings.Builder
	if code := run([]string{"-content", dir, "-timeout", "300ms"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	got := out.String()
	rows := regexp.MustCompile(`(?m)^\| (❌|⚠️|🚫).*$`).FindAllString(got, -1)
	want := []string{
		`| ❌ gone | ` + dir + `/events/2025-01-01-test.md | 8 | lost | ` + u + `/gone | 404 Not Found |`,
		`| ❌ gone | ` + dir + `/events/2025-01-01-test.md | 9 | away | ` + u + `/moved-away | 404 Not Found |`,
		`| ⚠️ failing | ` + dir + `/people/anna-test.md | 9 | down | ` + u + `/broken | 500 Internal Server Error |`,
		`| ⚠️ failing | ` + dir + `/people/anna-test.md | 12 | mute | ` + u + `/silent |`,
		`| 🚫 refused the checker | ` + dir + `/people/anna-test.md | 6 | blocked | ` + u + `/robots-not-welcome | 403 Forbidden |`,
	}
	if len(rows) != len(want) {
		t.Errorf("%d rows, want %d:\n%s", len(rows), len(want), got)
	}
	for i := range min(len(rows), len(want)) {
		if !strings.HasPrefix(rows[i], strings.ReplaceAll(want[i], "_", `\_`)) {
			t.Errorf("row %d:\n got %s\nwant %s", i+1, rows[i], want[i])
		}
	}
	if !strings.Contains(got, "8 addresses of sources checked in ") || !strings.Contains(got, ": 2 gone, 2 failing, 1 refused the checker.") {
		t.Errorf("totals:\n%s", got)
	}
	// /ok is named twice and reached through /moved: asked for by HEAD
	// once for each address, never twice for one.
	if n := asked.Load(); n != 2 {
		t.Errorf("/ok was asked for %d times, want 2", n)
	}
}

// When every address answers, the report says so in one line.
func TestSourceCheckAllWell(t *testing.T) {
	srv, _ := sources(t)
	dir := writeContent(t, map[string]string{
		"_index.md":           "---\ntitle: Test\nparties:\n  - {id: ukraine, name: Ukraine}\n---\n",
		"people/anna-test.md": "---\nname: Anna Test\nsources:\n  - {id: fine, publisher: P, url: \"" + srv.URL + "/no-head\"}\n---\n",
	})
	var out, errOut strings.Builder
	if code := run([]string{"-content", dir}, &out, &errOut); code != 0 || !strings.Contains(out.String(), "Every address answered.") || strings.Contains(out.String(), "| ") {
		t.Errorf("exit %d:\n%s%s", code, out.String(), errOut.String())
	}
}

// A directory without content is an error, not an empty report.
func TestSourceCheckNoContent(t *testing.T) {
	var out, errOut strings.Builder
	if code := run([]string{"-content", t.TempDir()}, &out, &errOut); code != 1 || !strings.Contains(errOut.String(), "no content found") {
		t.Errorf("exit %d: %s", code, errOut.String())
	}
}
