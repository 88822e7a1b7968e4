package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exchange-timeline/timeline/generator/sitetest"
)

// A file name is text from a pull request: printed, it must not forge a
// GitHub annotation (a line starting with "::", or "##[" anywhere), and it
// must not reach a terminal's escape codes. There are more errors than
// GitHub annotates, so the names are also printed as plain lines.
func TestPrintedNamesAreEscaped(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{"content/_index.md": "---\ntitle: T\nparties: [{id: a, name: A}]\n---\n"}
	for i := range 11 {
		files[fmt.Sprintf("content/events/2025-01-%02d-x.md", i+1)] = "---\nsoruces: x\n---\n"
	}
	evil := []string{
		"content/events/zz\n::error::forged.md",
		"content/events/zz ##[error]forged.md",
		"content/events/zz\x1b[2J\x1b]0;owned\x07.md",
		"content/people/\u202eevil.md",
	}
	for _, name := range evil {
		files[name] = "---\nname: x\nunknown\x1b[31m: \"red\x1b[0m\"\n---\n"
	}
	sitetest.WriteFiles(t, dir, files)
	content := filepath.Join(dir, "content")

	var stdout, stderr bytes.Buffer
	if code := run([]string{"check", "-format", "github", "-content", content, "-layouts", "../layouts"}, &stdout, &stderr); code != exitError {
		t.Fatalf("exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
	out := stdout.String() + stderr.String()
	if !strings.Contains(out, "not shown as annotations") {
		t.Fatalf("no plain lines past the annotations:\n%s", out)
	}
	annotations := 0
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(strings.TrimLeft(line, " \t"), "::") {
			if !strings.HasPrefix(line, "::error file=") && !strings.HasPrefix(line, "::warning file=") {
				t.Errorf("forged workflow command: %q", line)
			}
			annotations++
		}
	}
	if annotations != 10 {
		t.Errorf("%d annotations, want GitHub's 10", annotations)
	}
	if strings.Contains(out, "##[") {
		t.Errorf("a legacy workflow command (##[) is printed:\n%s", out)
	}
	if strings.ContainsAny(out, "\x1b\x07\u202e") {
		t.Errorf("control characters printed:\n%q", out)
	}
	if !strings.Contains(out, `zz\n::error::forged.md`) {
		t.Errorf("the newline is not shown escaped:\n%s", out)
	}

	stdout.Reset()
	stderr.Reset()
	run([]string{"check", "-format", "text", "-content", content, "-layouts", "../layouts"}, &stdout, &stderr)
	text := stdout.String() + stderr.String()
	if strings.ContainsAny(text, "\x1b\x07\u202e") || strings.Contains(text, "\n::") {
		t.Errorf("text output carries escape codes or a forged line:\n%q", text)
	}
	if !strings.Contains(text, `zz\x1b[2J\x1b]0;owned\a.md`) {
		t.Errorf("the escape codes are not shown escaped:\n%s", text)
	}
}
