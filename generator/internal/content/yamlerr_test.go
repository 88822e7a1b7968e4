package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Mistakes made on every line of the shipped events are reported on that
// line: never on the line of the list or quote around it, nor the line
// before.
func TestYAMLMistakesOnEveryLine(t *testing.T) {
	files, _ := filepath.Glob("../../../content/events/*.md")
	if len(files) < 10 {
		t.Fatalf("only %d events found", len(files))
	}
	mistakes := map[string]func(lines []string, i int) (string, bool){
		// a tab in place of the indentation
		"tab": func(lines []string, i int) (string, bool) {
			if !strings.HasPrefix(lines[i], "  ") {
				return "", false
			}
			lines[i] = "\t" + strings.TrimLeft(lines[i], " ")
			return "a tab indents this line", true
		},
		// a line of prose among the fields
		"prose": func(lines []string, i int) (string, bool) {
			if strings.HasPrefix(lines[i+1], " ") || strings.HasSuffix(lines[i], ":") || strings.HasSuffix(lines[i], "|") {
				return "", false // inside a list or a block: prose there may be valid
			}
			lines[i] += "\nFive soldiers were returned"
			return "this line is not a field: it has no colon", true
		},
		// a top-level field indented under one that has its value
		"indent": func(lines []string, i int) (string, bool) {
			if i == 0 || strings.HasPrefix(lines[i], " ") || strings.HasPrefix(lines[i-1], " ") || strings.HasSuffix(lines[i-1], ":") {
				return "", false
			}
			lines[i] = "  " + lines[i]
			return "this line is indented more than the line above", true
		},
	}
	tried := 0
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		parts := strings.SplitN(string(src), "---\n", 3)
		fm := strings.Split(strings.TrimSuffix(parts[1], "\n"), "\n")
		for kind, mistake := range mistakes {
			for i := range len(fm) - 1 {
				lines := append([]string(nil), fm...)
				want, ok := mistake(lines, i)
				if !ok {
					continue
				}
				wantLine := i + 2 // after the opening ---
				if kind == "prose" {
					wantLine++
				}
				tried++
				edited := "---\n" + strings.Join(lines, "\n") + "\n---\n" + parts[2]
				_, diags := ParseFile("events/"+filepath.Base(name), []byte(edited))
				if len(diags) != 1 || diags[0].Line != wantLine || diags[0].Message != want {
					t.Errorf("%s, %s on line %d: got %v", filepath.Base(name), kind, wantLine, diags)
				}
			}
		}
	}
	t.Logf("%d mistakes tried", tried)
}
