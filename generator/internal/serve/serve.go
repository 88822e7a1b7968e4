// Package serve is the preview server of watch mode. It serves a published
// site directory the way GitHub Pages does (under the base path, directory
// index.html, /dir redirected to /dir/, 404.html for what is missing), and
// reloads the browser after each build.
//
// Live reload is a script injected into the HTML it serves, never into the
// files on disk. The script listens to a Server-Sent Events stream: after a
// good build the page reloads; after a failed one it shows the errors over
// the page, and the overlay goes when the content is fixed.
package serve

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/exchange-timeline/timeline/generator/internal/site"
)

// Internal URLs of the server; they start with a path no site page can have.
const (
	eventsPath = "/_timeline/events"
	scriptPath = "/_timeline/live.js"
)

//go:embed live.js
var liveScript []byte

var injected = []byte(`<script src="` + scriptPath + `" defer></script>`)

// Server serves one site directory.
type Server struct {
	dir      string // the published site
	basePath string // "/" or "/repo/"

	mu      sync.Mutex
	clients map[chan event]bool
	state   event // the last build's outcome, for pages opened after it
	done    chan struct{}
	once    sync.Once
}

// event is what the browser is told after a build.
type event struct {
	name string // "reload" or "failed"
	data string
}

// New returns a server for the site in dir, published under basePath.
func New(dir, basePath string) *Server {
	return &Server{dir: dir, basePath: basePath, clients: map[chan event]bool{}, done: make(chan struct{})}
}

// BuildSucceeded tells every open page to reload.
func (s *Server) BuildSucceeded() {
	s.broadcast(event{name: "reload", data: "{}"})
}

// BuildFailed shows the errors over every open page, and over pages opened
// until the next good build.
func (s *Server) BuildFailed(messages []string) {
	data, _ := json.Marshal(messages)
	s.broadcast(event{name: "failed", data: string(data)})
}

func (s *Server) broadcast(ev event) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state = ev
	for c := range s.clients {
		select {
		case c <- ev:
		default: // a slow client misses nothing important: it gets the state on reconnect
		}
	}
}

// Close ends the event streams, so that http.Server.Shutdown can finish.
func (s *Server) Close() {
	s.once.Do(func() { close(s.done) })
}

// Handler returns the server's HTTP handler.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+eventsPath, s.events)
	mux.HandleFunc("GET "+scriptPath, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Write(liveScript)
	})
	mux.HandleFunc("GET /", s.site)
	return guard(mux)
}

// ContentSecurityPolicy is sent with every response: the policy the
// published pages declare in a meta tag, so the preview shows what readers
// get, and frame-ancestors, which only a header can set.
const ContentSecurityPolicy = site.ContentSecurityPolicy + "; frame-ancestors 'none'"

// guard refuses requests for other host names, so that a web page cannot
// reach the preview server through DNS rebinding (its host name resolving
// to 127.0.0.1), and sets the security headers of every response.
func guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !localHost(r.Host) {
			http.Error(w, "the preview server answers only to localhost and IP addresses", http.StatusForbidden)
			return
		}
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Content-Security-Policy", ContentSecurityPolicy)
		h.Set("Referrer-Policy", "no-referrer")
		next.ServeHTTP(w, r)
	})
}

// localHost reports whether a Host header names this machine as a person
// typing an address would: localhost, a name under .localhost, or an IP
// address (the one it listens on, when it is not a loopback one).
func localHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.ToLower(strings.Trim(host, "[]")), ".")
	return host == "localhost" || strings.HasSuffix(host, ".localhost") || net.ParseIP(host) != nil
}

// events streams build outcomes to one page.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	c := make(chan event, 4)
	s.mu.Lock()
	s.clients[c] = true
	current := s.state
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.clients, c)
		s.mu.Unlock()
	}()
	// A page opened while the build is broken shows the errors at once.
	fmt.Fprint(w, ": connected\n\n")
	if current.name == "failed" {
		writeEvent(w, current)
	}
	flusher.Flush()
	keepAlive := time.NewTicker(30 * time.Second)
	defer keepAlive.Stop()
	for {
		select {
		case ev := <-c:
			writeEvent(w, ev)
		case <-keepAlive.C:
			fmt.Fprint(w, ": keep-alive\n\n")
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		}
		flusher.Flush()
	}
}

func writeEvent(w io.Writer, ev event) {
	fmt.Fprintf(w, "event: %s\ndata: %s\n\n", ev.name, ev.data)
}

// site serves the files of the site under the base path.
func (s *Server) site(w http.ResponseWriter, r *http.Request) {
	rel, ok := strings.CutPrefix(r.URL.Path, s.basePath)
	if !ok {
		if r.URL.Path+"/" == s.basePath || r.URL.Path == "/" {
			http.Redirect(w, r, s.basePath, http.StatusFound)
			return
		}
		s.notFound(w, r)
		return
	}
	name := strings.TrimSuffix(rel, "/")
	if name == "" {
		name = "."
	}
	if !fs.ValidPath(name) || strings.Contains(name, `\`) {
		s.notFound(w, r)
		return
	}
	root, err := os.OpenRoot(s.dir)
	if err != nil {
		http.Error(w, "the site has not been built yet", http.StatusServiceUnavailable)
		return
	}
	defer root.Close()
	info, err := root.Stat(name)
	switch {
	case err != nil:
		s.notFound(w, r)
	case info.IsDir() && !strings.HasSuffix(r.URL.Path, "/"):
		target := r.URL.Path + "/"
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, target, http.StatusMovedPermanently)
	case info.IsDir():
		if !s.writeFile(w, r, root, path.Join(name, "index.html"), http.StatusOK) {
			s.notFound(w, r)
		}
	default:
		if !s.writeFile(w, r, root, name, http.StatusOK) {
			s.notFound(w, r)
		}
	}
}

// notFound answers with the site's 404.html, as GitHub Pages does.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	if root, err := os.OpenRoot(s.dir); err == nil {
		defer root.Close()
		if s.writeFile(w, r, root, "404.html", http.StatusNotFound) {
			return
		}
	}
	http.NotFound(w, r)
}

// writeFile writes one file of the site, with the live-reload script in
// HTML. It reports false, having written nothing, when there is no such
// file.
func (s *Server) writeFile(w http.ResponseWriter, r *http.Request, root *os.Root, name string, status int) bool {
	f, err := root.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || info.IsDir() {
		return false
	}
	h := w.Header()
	h.Set("Cache-Control", "no-cache")
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	h.Set("Content-Type", ctype)
	if !strings.HasPrefix(ctype, "text/html") {
		if status == http.StatusOK {
			http.ServeContent(w, r, name, info.ModTime(), f)
		} else {
			w.WriteHeader(status)
			io.Copy(w, f)
		}
		return true
	}
	page, err := io.ReadAll(f)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return true
	}
	page = inject(page)
	h.Set("Content-Length", strconv.Itoa(len(page)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(page)
	}
	return true
}

// inject adds the live-reload script before </body>, or at the end.
func inject(page []byte) []byte {
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(page, injected...)
	}
	out := make([]byte, 0, len(page)+len(injected))
	out = append(out, page[:i]...)
	out = append(out, injected...)
	return append(out, page[i:]...)
}

// Listen opens addr for Serve, refusing anything but a host:port.
func Listen(addr string) (net.Listener, error) {
	if _, _, err := net.SplitHostPort(addr); err != nil {
		return nil, fmt.Errorf("address %q: want host:port, like 127.0.0.1:8080", addr)
	}
	l, err := net.Listen("tcp", addr)
	if errors.Is(err, syscall.EADDRINUSE) {
		return nil, fmt.Errorf("%s is in use: stop the other server or choose another address", addr)
	}
	return l, err
}
