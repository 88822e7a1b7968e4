package build

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"sync/atomic"
	"testing"

	"github.com/exchange-timeline/timeline/generator/internal/corpus"
)

type heapSink struct {
	n     atomic.Int64
	at    map[int64]bool
}

func (s *heapSink) WriteFile(path string, data []byte) error {
	n := s.n.Add(1)
	if s.at[n] {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		fmt.Printf("file %d (%s): live heap %d MB\n", n, path, m.HeapAlloc>>20)
		f, _ := os.Create(fmt.Sprintf("/tmp/pw/heap-%d.prof", n))
		pprof.WriteHeapProfile(f)
		f.Close()
	}
	return nil
}

func TestHeapTmp(t *testing.T) {
	if os.Getenv("HEAP") == "" {
		t.Skip()
	}
	dir := t.TempDir()
	files := corpus.Generate(10000)
	for i := range files {
		if files[i].Path == "_index.md" {
			files[i].Data = []byte(string(files[i].Data))
		}
	}
	corpus.Write(dir+"/c", files)
	files = nil
	opts := benchOptions(nil, 10)
	opts.Content = os.DirFS(dir + "/c")
	if _, _, err := Run(opts, &heapSink{at: map[int64]bool{1: true, 5000: true, 12000: true, 15300: true, 15370: true}}); err != nil {
		t.Fatal(err)
	}
}
