package publish

import (
	"bytes"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/exchange-timeline/timeline/generator/internal/par"
)

// BenchmarkPublish measures the publish stage: 15,000 pages of 15 KB, each
// in its own directory as pretty URLs want, written in parallel to a
// staging directory that then replaces the output.
func BenchmarkPublish(b *testing.B) {
	page := bytes.Repeat([]byte("<p>page</p>\n"), 15000/12)
	dir := b.TempDir()
	b.SetBytes(int64(15000 * len(page)))
	for i := 0; b.Loop(); i++ {
		out, err := Acquire(filepath.Join(dir, fmt.Sprint(i), "public"), Guard{})
		if err != nil {
			b.Fatal(err)
		}
		stage, err := out.Stage()
		if err != nil {
			b.Fatal(err)
		}
		errs := make([]error, 15000)
		par.For(15000, func(k int) { errs[k] = stage.WriteFile(fmt.Sprintf("events/e%d/index.html", k), page) })
		for _, err := range errs {
			if err != nil {
				b.Fatal(err)
			}
		}
		if _, err := stage.Commit(); err != nil {
			b.Fatal(err)
		}
		out.Release()
	}
}
