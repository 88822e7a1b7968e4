package serve

import (
	"bufio"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func servedSite(t *testing.T) *httptest.Server {
	t.Helper()
	dir := t.TempDir()
	for name, data := range map[string]string{
		"index.html":            "<!DOCTYPE html><html><body><h1>Home</h1></body></html>",
		"people/index.html":     "<!DOCTYPE html><html><body>People</body></html>",
		"people/ada/index.html": "<!DOCTYPE html><html><body>Ada</body></html>",
		"style.css":             "body{}",
		"404.html":              "<!DOCTYPE html><html><body>Not here</body></html>",
		"feed.xml":              "<feed/>",
	} {
		path := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(path), 0o755)
		os.WriteFile(path, []byte(data), 0o644)
	}
	srv := httptest.NewServer(New(dir, "/repo/").Handler())
	t.Cleanup(srv.Close)
	return srv
}

var noRedirects = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

func get(t *testing.T, url string) (*http.Response, string) {
	t.Helper()
	resp, err := noRedirects.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

// The site is served as GitHub Pages serves a project site.
func TestServesLikeGitHubPages(t *testing.T) {
	srv := servedSite(t)
	tests := []struct {
		path, status, location, body, ctype string
	}{
		{"/repo/", "200", "", "<h1>Home</h1>", "text/html"},
		{"/repo/index.html", "200", "", "<h1>Home</h1>", "text/html"},
		{"/repo/people/ada/", "200", "", "Ada", "text/html"},
		{"/repo/people", "301", "/repo/people/", "", ""},
		{"/repo/people/ada?x=1", "301", "/repo/people/ada/?x=1", "", ""},
		{"/repo/style.css", "200", "", "body{}", "text/css"},
		{"/repo/feed.xml", "200", "", "<feed/>", "xml"},
		{"/repo/nothing/", "404", "", "Not here", "text/html"},
		{"/repo/people/nobody", "404", "", "Not here", "text/html"},
		{"/", "302", "/repo/", "", ""},
		{"/repo", "302", "/repo/", "", ""},
		{"/elsewhere/", "404", "", "Not here", "text/html"},
		{"/repo/%2e%2e/%2e%2e/etc/passwd", "404", "", "Not here", "text/html"},
		{"/repo/..%2f..%2fetc%2fpasswd", "404", "", "Not here", "text/html"},
		{"/repo/people%5c..%5c..%5cx", "404", "", "Not here", "text/html"},
	}
	for _, tt := range tests {
		resp, body := get(t, srv.URL+tt.path)
		if got := resp.Status[:3]; got != tt.status {
			t.Errorf("%s: status %s, want %s", tt.path, resp.Status, tt.status)
		}
		if tt.location != "" && resp.Header.Get("Location") != tt.location {
			t.Errorf("%s: redirects to %q, want %q", tt.path, resp.Header.Get("Location"), tt.location)
		}
		if !strings.Contains(body, tt.body) || !strings.Contains(resp.Header.Get("Content-Type"), tt.ctype) {
			t.Errorf("%s: %s %q", tt.path, resp.Header.Get("Content-Type"), body)
		}
		injected := strings.Contains(body, scriptPath)
		if html := strings.Contains(resp.Header.Get("Content-Type"), "text/html") && tt.body != ""; injected != html {
			t.Errorf("%s: live-reload script injected: %v", tt.path, injected)
		}
	}
	if resp, body := get(t, srv.URL+scriptPath); resp.StatusCode != 200 || !strings.Contains(body, "EventSource") {
		t.Errorf("live.js: %s", resp.Status)
	}
}

func TestInjectBeforeBody(t *testing.T) {
	got := string(inject([]byte("<html><body>x</body></html>")))
	if got != `<html><body>x<script src="/_timeline/live.js" defer></script></body></html>` {
		t.Errorf("got %s", got)
	}
	if got := string(inject([]byte("x"))); !strings.HasSuffix(got, "</script>") {
		t.Errorf("no body: %s", got)
	}
}

// events reads one Server-Sent Event: its name and data.
func readEvent(t *testing.T, r *bufio.Reader) (name, data string) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return
			}
			line = strings.TrimRight(line, "\n")
			switch {
			case strings.HasPrefix(line, "event: "):
				name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				data = strings.TrimPrefix(line, "data: ")
			case line == "" && name != "":
				return
			}
		}
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("no event within 10s")
	}
	return name, data
}

func connect(t *testing.T, url string) *bufio.Reader {
	t.Helper()
	resp, err := http.Get(url + eventsPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	if resp.Header.Get("Content-Type") != "text/event-stream" {
		t.Fatalf("content type %q", resp.Header.Get("Content-Type"))
	}
	r := bufio.NewReader(resp.Body)
	if line, _ := r.ReadString('\n'); line != ": connected\n" {
		t.Fatalf("first line %q", line)
	}
	return r
}

func TestEvents(t *testing.T) {
	s := New(t.TempDir(), "/")
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	r := connect(t, srv.URL)
	r.ReadString('\n')
	s.BuildSucceeded()
	if name, _ := readEvent(t, r); name != "reload" {
		t.Errorf("after a good build: %q", name)
	}
	s.BuildFailed([]string{`content/x.md:3:7: date "2025-02-30" is not a real day`})
	if name, data := readEvent(t, r); name != "failed" || !strings.Contains(data, `content/x.md:3:7: date \"2025-02-30\"`) {
		t.Errorf("after a failed build: %q %q", name, data)
	}
	// A page opened while the build is broken learns it at once.
	late := connect(t, srv.URL)
	late.ReadString('\n')
	if name, _ := readEvent(t, late); name != "failed" {
		t.Errorf("a new page: %q", name)
	}
	s.BuildSucceeded()
	if name, _ := readEvent(t, late); name != "reload" {
		t.Errorf("after the fix: %q", name)
	}
	s.Close()
	if _, err := late.ReadString('\n'); err != io.EOF {
		t.Errorf("the stream is still open after Close: %v", err)
	}
}

// Requests for other host names are refused (DNS rebinding), and every
// response carries nosniff and the Content-Security-Policy.
func TestGuard(t *testing.T) {
	srv := servedSite(t)
	for host, want := range map[string]int{
		"": 200, "localhost:8080": 200, "127.0.0.1:8080": 200, "[::1]:8080": 200, "app.localhost": 200,
		"192.168.1.20:8080": 200, "evil.example": 403, "evil.example:8080": 403, "localhost.evil.example": 403,
	} {
		req, _ := http.NewRequest("GET", srv.URL+"/repo/", nil)
		if host != "" {
			req.Host = host
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %q: %s, want %d", host, resp.Status, want)
		}
		if want == 200 && (resp.Header.Get("X-Content-Type-Options") != "nosniff" || !strings.Contains(resp.Header.Get("Content-Security-Policy"), "script-src 'self'")) {
			t.Errorf("Host %q: headers %v", host, resp.Header)
		}
	}
	req, _ := http.NewRequest("POST", srv.URL+"/repo/", nil)
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: %v %v", resp.Status, err)
	}
}
