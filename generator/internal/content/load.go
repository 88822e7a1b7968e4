package content

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"io/fs"
	"path"
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/exchange-timeline/timeline/generator/internal/diag"
	"github.com/exchange-timeline/timeline/generator/internal/par"
)

// Files is everything read from a content directory.
type Files struct {
	Site       *Site // nil when _index.md is missing or unreadable
	Events     []*Event
	People     []*Person
	Statements []*Statement
	// The translations, in path order (translations.go).
	SiteTranslations      []*SiteTranslation
	EventTranslations     []*EventTranslation
	PersonTranslations    []*PersonTranslation
	StatementTranslations []*StatementTranslation
	// Broken lists the files that could not be read or decoded at all (a
	// YAML syntax error, say): they are still known by their ids, so that
	// their one error is the only one, not also "unknown person" in every
	// file that names them.
	Broken []string
}

// Docs returns every file read, the site settings first.
func (f *Files) Docs() []*Doc {
	docs := make([]*Doc, 0, 1+len(f.Events)+len(f.People)+len(f.Statements))
	if f.Site != nil {
		docs = append(docs, &f.Site.Doc)
	}
	for _, e := range f.Events {
		docs = append(docs, &e.Doc)
	}
	for _, p := range f.People {
		docs = append(docs, &p.Doc)
	}
	for _, s := range f.Statements {
		docs = append(docs, &s.Doc)
	}
	return docs
}

// IDOf returns the id of the file at path p: its name without ".md".
func IDOf(p string) string {
	return strings.TrimSuffix(path.Base(p), ".md")
}

// SiteFile is the path of the site settings inside the content directory.
const SiteFile = "_index.md"

// Load reads and decodes every content file of fsys in parallel. Files that
// cannot be read are left out of Files; their problems are in the list.
func Load(fsys fs.FS) (*Files, diag.List) {
	files, diags, _ := new(Cache).Load(context.Background(), fsys, nil)
	return files, diags
}

// A Cache keeps decoded files between loads of the same directory, so that
// a rebuild reads again only the files that changed. It is not safe for
// concurrent use.
type Cache struct {
	// paths and listDiags are the last listing of the directory;
	// entries[i] is the decoded paths[i], and index finds i.
	paths     []string
	listDiags diag.List
	entries   []cacheEntry
	index     map[string]int
}

type cacheEntry struct {
	doc   any
	diags diag.List
}

// Load decodes the files of fsys that are new or named in changed (slash
// paths inside fsys) and takes the others from the cache. The directory is
// listed again only when changed names a path the cache does not know or
// that is gone: a file was added, deleted or renamed, or a directory was.
// Once ctx is done it reads no more files and returns ctx's error; the
// cache then starts afresh on the next load.
func (c *Cache) Load(ctx context.Context, fsys fs.FS, changed map[string]bool) (*Files, diag.List, error) {
	var todo []int
	if c.index == nil || c.needsListing(fsys, changed) {
		todo = c.relist(fsys, changed)
	} else {
		for p := range changed {
			todo = append(todo, c.index[p])
		}
	}
	par.For(len(todo), func(k int) {
		if ctx.Err() != nil {
			return
		}
		i := todo[k]
		c.entries[i] = readFile(fsys, c.paths[i])
	})
	if err := ctx.Err(); err != nil {
		*c = Cache{}
		return &Files{}, nil, err
	}
	files, diags := c.files()
	return files, diags, nil
}

// relist lists the directory again, keeps the entries of unchanged files
// and returns the indexes of the files to read.
func (c *Cache) relist(fsys fs.FS, changed map[string]bool) (todo []int) {
	paths, listDiags := listFiles(fsys)
	entries := make([]cacheEntry, len(paths))
	index := make(map[string]int, len(paths))
	for i, p := range paths {
		index[p] = i
		if old, ok := c.index[p]; ok && !changed[p] {
			entries[i] = c.entries[old]
		} else {
			todo = append(todo, i)
		}
	}
	c.paths, c.listDiags, c.entries, c.index = paths, listDiags, entries, index
	return todo
}

func (c *Cache) needsListing(fsys fs.FS, changed map[string]bool) bool {
	for p := range changed {
		if _, known := c.index[p]; !known {
			return true
		}
		if _, err := fs.Stat(fsys, p); err != nil {
			return true
		}
	}
	return false
}

// files assembles the decoded files in path order.
func (c *Cache) files() (*Files, diag.List) {
	diags := slices.Clone(c.listDiags)
	files := &Files{}
	for i, e := range c.entries {
		diags = append(diags, e.diags...)
		switch doc := e.doc.(type) {
		case nil:
			files.Broken = append(files.Broken, c.paths[i])
		case *Site:
			files.Site = doc
		case *Event:
			files.Events = append(files.Events, doc)
		case *Person:
			files.People = append(files.People, doc)
		case *Statement:
			files.Statements = append(files.Statements, doc)
		case *SiteTranslation:
			files.SiteTranslations = append(files.SiteTranslations, doc)
		case *EventTranslation:
			files.EventTranslations = append(files.EventTranslations, doc)
		case *PersonTranslation:
			files.PersonTranslations = append(files.PersonTranslations, doc)
		case *StatementTranslation:
			files.StatementTranslations = append(files.StatementTranslations, doc)
		}
	}
	if _, ok := c.index[SiteFile]; files.Site == nil && !ok {
		diags = append(diags, diag.Diagnostic{Path: SiteFile, Message: "the site settings file is missing",
			Hint: "create it with a title and the parties; see CONTRIBUTING.md"})
	}
	return files, diags
}

// MaxFileSize bounds a content file: a file larger than this is surely not
// an event or a person, and reading it would only cost memory.
const MaxFileSize = 1 << 20

func readFile(fsys fs.FS, p string) cacheEntry {
	src, err := readLimited(fsys, p)
	if err != nil {
		return cacheEntry{diags: diag.List{readError(p, err)}}
	}
	doc, diags := ParseFile(p, src)
	return cacheEntry{doc, diags}
}

var errTooLarge = errors.New("too large")

func readLimited(fsys fs.FS, p string) ([]byte, error) {
	f, err := fsys.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// One read into a buffer of the file's size, where the size is known.
	size := 0
	if info, err := f.Stat(); err == nil && info.Size() <= MaxFileSize {
		size = int(info.Size())
	}
	buf := bytes.NewBuffer(make([]byte, 0, size+bytes.MinRead))
	_, err = buf.ReadFrom(io.LimitReader(f, MaxFileSize+1))
	if err == nil && buf.Len() > MaxFileSize {
		err = errTooLarge
	}
	return buf.Bytes(), err
}

// readError explains why a listed file could not be read.
func readError(p string, err error) diag.Diagnostic {
	switch {
	case errors.Is(err, errTooLarge):
		return diag.Diagnostic{Path: p, Line: 1, Col: 1, Message: fmt.Sprintf("the file is larger than %d KiB", MaxFileSize>>10),
			Hint: "an event or a person fits in a few KiB; split it, or remove what is not text"}
	case errors.Is(err, fs.ErrNotExist):
		return diag.Diagnostic{Path: p, Line: 1, Col: 1, Message: "the file disappeared while the site was being built",
			Hint: "build again"}
	case strings.Contains(err.Error(), "escapes"):
		return diag.Diagnostic{Path: p, Line: 1, Col: 1, Message: "the file is a link to a file outside the content directory",
			Hint: "links out of content/ are refused: put the file itself there"}
	}
	return diag.Diagnostic{Path: p, Line: 1, Col: 1, Message: "the file cannot be read: " + err.Error()}
}

// ParseFile reads one content file; its path inside the content directory
// says what it is. It returns a *Site, *Event, *Person or *Statement, or
// one of their translations (a *SiteTranslation...), or nil when the file
// cannot be read at all.
func ParseFile(p string, src []byte) (any, diag.List) {
	if d, ok := notText(p, src); ok {
		return nil, diag.List{d}
	}
	invisible := controls(p, src)
	parsed, err := split(src)
	if err != nil && len(invisible) > 0 {
		return nil, invisible // YAML refuses most of them: they are the one mistake
	}
	if err != nil {
		se := err.(*syntaxError)
		return nil, diag.List{{Path: p, Line: se.line, Col: se.col, Message: se.msg, Hint: se.hint}}
	}
	id, lang := splitLang(IDOf(p))
	doc := Doc{
		ID:       id,
		Path:     p,
		Body:     parsed.body,
		BodyLine: parsed.bodyLine,
		Hash:     hashFile(p, src),
	}
	d := &decoder{path: p, fm: &parsed.fm, diags: invisible, positions: new(Positions)}
	doc.Positions = d.positions
	if lang != "" {
		return parseTranslation(d, Translation{Doc: doc, Lang: lang})
	}
	switch {
	case p == SiteFile:
		s := &Site{Doc: doc}
		d.decode(s)
		return s, d.diags
	case strings.HasPrefix(p, "people/"):
		person := &Person{Doc: doc}
		d.decode(person)
		return person, d.diags
	case strings.HasPrefix(p, "statements/"):
		st := &Statement{Doc: doc}
		d.decode(st)
		return st, d.diags
	}
	e := &Event{Doc: doc}
	d.decode(e)
	return e, d.diags
}

// parseTranslation decodes a translation file into the type of the file it
// translates, which its directory says.
func parseTranslation(d *decoder, t Translation) (any, diag.List) {
	var v any
	switch p := t.Path; {
	case isSiteFile(p):
		v = &SiteTranslation{Translation: t}
	case strings.HasPrefix(p, "people/"):
		v = &PersonTranslation{Translation: t}
	case strings.HasPrefix(p, "statements/"):
		v = &StatementTranslation{Translation: t}
	default:
		v = &EventTranslation{Translation: t}
	}
	d.main, d.mainPath = mainType(reflect.TypeOf(v).Elem()), t.MainPath()
	d.decode(v)
	return v, d.diags
}

// notText reports a file that is not UTF-8 text without NUL bytes, at its
// first bad byte: a binary file or one saved in another encoding.
func notText(p string, src []byte) (diag.Diagnostic, bool) {
	if i := bytes.IndexByte(src, 0); i >= 0 {
		line, col := lineCol(src, i)
		return diag.Diagnostic{Path: p, Line: line, Col: col, Message: "the file contains a NUL byte",
			Hint: "it looks like a binary file, not Markdown"}, true
	}
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size == 1 {
			line, col := lineCol(src, i)
			return diag.Diagnostic{Path: p, Line: line, Col: col, Message: "the file is not valid UTF-8 text",
				Hint: "save it as UTF-8, the encoding every editor offers"}, true
		}
		i += size
	}
	return diag.Diagnostic{}, false
}

// lineCol gives the 1-based line and column of a byte offset.
func lineCol(src []byte, offset int) (line, col int) {
	return 1 + bytes.Count(src[:offset], []byte("\n")), offset - bytes.LastIndexByte(src[:offset], '\n')
}

// hashSeed makes Doc.Hash comparable within one process; hashes are never
// stored.
var hashSeed = maphash.MakeSeed()

// hashFile identifies a file by its path, which is its id, and its bytes.
func hashFile(p string, src []byte) uint64 {
	var h maphash.Hash
	h.SetSeed(hashSeed)
	h.WriteString(p)
	h.WriteByte(0)
	h.Write(src)
	return h.Sum64()
}
