package corpus

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/net/html"
)

// The twin is only a twin if Hugo builds the same site: Compare holds the
// two outputs side by side, file by file, after normalising what a reader
// cannot see (whitespace between and around words, the order of
// attributes and of JSON keys).

// Difference is one way two builds of the corpus differ.
type Difference struct {
	Path    string
	Message string
}

func (d Difference) String() string { return d.Path + ": " + d.Message }

// Compared says which files of the site a comparison looks at: every
// file present in one build and not the other is reported, and of the
// files both have, those for which Sample returns true are compared.
// Ignore lists paths neither build is asked to have.
type Compared struct {
	Sample func(path string) bool
	Ignore func(path string) bool
}

// Compare compares the site built in dir a (ours) with the one in dir b
// (Hugo's), and returns the differences and how many files it compared.
func Compare(a, b string, c Compared) ([]Difference, int, error) {
	filesA, err := siteFiles(a, c.Ignore)
	if err != nil {
		return nil, 0, err
	}
	filesB, err := siteFiles(b, c.Ignore)
	if err != nil {
		return nil, 0, err
	}
	var diffs []Difference
	for p := range filesA {
		if !filesB[p] {
			diffs = append(diffs, Difference{p, "only in " + a})
		}
	}
	for p := range filesB {
		if !filesA[p] {
			diffs = append(diffs, Difference{p, "only in " + b})
		}
	}
	compared := 0
	for p := range filesA {
		if !filesB[p] || c.Sample != nil && !c.Sample(p) {
			continue
		}
		compared++
		da, err := os.ReadFile(filepath.Join(a, filepath.FromSlash(p)))
		if err != nil {
			return nil, 0, err
		}
		db, err := os.ReadFile(filepath.Join(b, filepath.FromSlash(p)))
		if err != nil {
			return nil, 0, err
		}
		if msg := CompareFile(p, da, db); msg != "" {
			diffs = append(diffs, Difference{p, msg})
		}
	}
	slices.SortFunc(diffs, func(x, y Difference) int { return strings.Compare(x.Path, y.Path) })
	return diffs, compared, nil
}

// NotTwinned reports the files of either build that the other need not
// have: the marker that says timeline wrote the directory, and the
// redirects from page/1/ of each list to the list itself, which Hugo
// writes whatever it is told.
func NotTwinned(path string) bool {
	return path == ".timeline-site" || strings.HasSuffix(path, "/page/1/index.html")
}

func siteFiles(dir string, ignore func(string) bool) (map[string]bool, error) {
	files := map[string]bool{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if err == nil && (ignore == nil || !ignore(rel)) {
			files[rel] = true
		}
		return err
	})
	return files, err
}

// CompareFile compares two versions of one file of the site, by its kind,
// and says how they differ, or returns "".
func CompareFile(name string, a, b []byte) string {
	var na, nb []string
	var err error
	switch path.Ext(name) {
	case ".html":
		na, nb = NormaliseHTML(a), NormaliseHTML(b)
	case ".json":
		return compareJSON(a, b)
	case ".xml":
		if na, err = normaliseXML(a); err == nil {
			nb, err = normaliseXML(b)
		}
	case ".css", ".js", ".svg", ".png", ".csv":
		if !bytes.Equal(a, b) {
			return fmt.Sprintf("the bytes differ (%d and %d bytes)", len(a), len(b))
		}
		return ""
	default:
		na, nb = strings.Fields(string(a)), strings.Fields(string(b))
	}
	if err != nil {
		return err.Error()
	}
	return firstDifference(na, nb)
}

// firstDifference shows where two token lists part, with the tokens just
// before for context.
func firstDifference(a, b []string) string {
	for i := 0; i < max(len(a), len(b)); i++ {
		if i < len(a) && i < len(b) && a[i] == b[i] {
			continue
		}
		at := func(list []string) string {
			if i >= len(list) {
				return "(end)"
			}
			return fmt.Sprintf("%q", list[i])
		}
		context := strings.Join(a[max(0, i-3):min(i, len(a))], " ")
		return fmt.Sprintf("after %q: %s against %s", context, at(a), at(b))
	}
	return ""
}

// NormaliseHTML returns an HTML document as a list of tokens: each element
// with its attributes in order of name, each run of text with its
// whitespace collapsed, and each end tag. Comments and whitespace between
// elements are left out.
func NormaliseHTML(data []byte) []string {
	z := html.NewTokenizer(bytes.NewReader(data))
	var out []string
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.TextToken:
			if text := strings.Join(strings.Fields(string(z.Text())), " "); text != "" {
				out = append(out, text)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			out = append(out, startTag(z.Token()))
		case html.EndTagToken:
			out = append(out, "</"+z.Token().Data+">")
		case html.DoctypeToken:
			out = append(out, "<!DOCTYPE "+z.Token().Data+">")
		}
	}
}

func startTag(t html.Token) string {
	attrs := slices.Clone(t.Attr)
	slices.SortFunc(attrs, func(a, b html.Attribute) int { return strings.Compare(a.Key, b.Key) })
	var b strings.Builder
	b.WriteString("<" + t.Data)
	for _, a := range attrs {
		fmt.Fprintf(&b, " %s=%q", a.Key, strings.Join(strings.Fields(a.Val), " "))
	}
	b.WriteString(">")
	return b.String()
}

func normaliseXML(data []byte) ([]string, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	var out []string
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			attrs := slices.Clone(t.Attr)
			slices.SortFunc(attrs, func(a, b xml.Attr) int { return strings.Compare(a.Name.Local, b.Name.Local) })
			s := "<" + t.Name.Local
			for _, a := range attrs {
				s += fmt.Sprintf(" %s=%q", a.Name.Local, a.Value)
			}
			out = append(out, s+">")
		case xml.EndElement:
			out = append(out, "</"+t.Name.Local+">")
		case xml.CharData:
			if text := strings.Join(strings.Fields(string(t)), " "); text != "" {
				out = append(out, text)
			}
		}
	}
}

// compareJSON compares two JSON documents as values, so that the order of
// keys and the spacing do not matter.
func compareJSON(a, b []byte) string {
	var va, vb any
	if err := json.Unmarshal(a, &va); err != nil {
		return "not JSON in the first: " + err.Error()
	}
	if err := json.Unmarshal(b, &vb); err != nil {
		return "not JSON in the second: " + err.Error()
	}
	return jsonDifference("", va, vb)
}

func jsonDifference(at string, a, b any) string {
	switch a := a.(type) {
	case map[string]any:
		bm, ok := b.(map[string]any)
		if !ok {
			return fmt.Sprintf("%s: an object against %T", at, b)
		}
		keys := make([]string, 0, len(a)+len(bm))
		for k := range a {
			keys = append(keys, k)
		}
		for k := range bm {
			if _, ok := a[k]; !ok {
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
		for _, k := range keys {
			va, okA := a[k]
			vb, okB := bm[k]
			if !okA || !okB {
				return fmt.Sprintf("%s.%s: %s against %s", at, k, jsonText(va, okA), jsonText(vb, okB))
			}
			if d := jsonDifference(at+"."+k, va, vb); d != "" {
				return d
			}
		}
		return ""
	case []any:
		bl, ok := b.([]any)
		if !ok {
			return fmt.Sprintf("%s: a list against %T", at, b)
		}
		for i := range min(len(a), len(bl)) {
			if d := jsonDifference(fmt.Sprintf("%s[%d]", at, i), a[i], bl[i]); d != "" {
				return d
			}
		}
		if len(a) != len(bl) {
			return fmt.Sprintf("%s: %d items against %d", at, len(a), len(bl))
		}
		return ""
	}
	if fmt.Sprint(a) != fmt.Sprint(b) {
		return fmt.Sprintf("%s: %s against %s", at, jsonText(a, true), jsonText(b, true))
	}
	return ""
}

func jsonText(v any, ok bool) string {
	if !ok {
		return "(missing)"
	}
	data, _ := json.Marshal(v)
	if len(data) > 200 {
		data = append(data[:200], "…"...)
	}
	return string(data)
}
