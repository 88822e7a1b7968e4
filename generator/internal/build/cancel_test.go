package build

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"sync/atomic"
	"testing"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/corpus"
	"github.com/exchange-timeline/timeline/generator/internal/render"
	"github.com/exchange-timeline/timeline/generator/internal/site"
)

// interruptingFS cancels a build after it has opened a given number of
// files, as Ctrl-C does in the middle of reading, and counts the files
// opened after that.
type interruptingFS struct {
	fs.FS
	cancel      context.CancelFunc
	left, after atomic.Int64
}

func (f *interruptingFS) Open(name string) (fs.File, error) {
	if f.left.Add(-1) == 0 {
		f.cancel()
	} else if f.left.Load() < 0 {
		f.after.Add(1)
	}
	return f.FS.Open(name)
}

// Every stage honours cancellation: interrupted while reading the content,
// a build stops reading (at most a file in flight per CPU), writes nothing
// and returns the context's error.
func TestInterruptedWhileLoading(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	fsys := &interruptingFS{FS: corpus.FS(2000), cancel: cancel}
	fsys.left.Store(100)
	var sink render.MapSink
	res, _, err := Run(Options{Context: ctx, Content: fsys, Layouts: os.DirFS("../../../layouts"),
		BaseURL: site.BaseURL{Path: "/"}, Today: content.NewDate(2030, 1, 1)}, &sink)
	if !errors.Is(err, context.Canceled) || res != nil {
		t.Fatalf("got %v, %v; want the context's error", res, err)
	}
	if n := fsys.after.Load(); n > 64 {
		t.Errorf("%d files were opened after the interruption", n)
	}
	if len(sink.Files) != 0 {
		t.Errorf("%d files written", len(sink.Files))
	}
}

// Interrupted before rendering, nothing is rendered.
func TestInterruptedBeforeRendering(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var sink render.MapSink
	_, _, err := Run(Options{Context: ctx, Content: corpus.FS(20), Layouts: os.DirFS("../../../layouts"),
		BaseURL: site.BaseURL{Path: "/"}, Today: content.NewDate(2030, 1, 1)}, &sink)
	if !errors.Is(err, context.Canceled) || len(sink.Files) != 0 {
		t.Errorf("err %v, %d files written", err, len(sink.Files))
	}
}
