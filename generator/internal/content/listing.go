package content

import (
	"io/fs"
	"path"
	"strings"

	"github.com/exchange-timeline/timeline/generator/internal/diag"
	"github.com/exchange-timeline/timeline/generator/internal/noise"
)

// folders are the folders of a content directory; files in them, at any
// depth, are read.
var folders = []string{"events", "people", "statements"}

// listFiles finds the content files: _index.md and its translations, and
// the Markdown files under the folders, translations among them. Nothing else is skipped in silence but the files of editors
// and tools (internal/noise): any other file would not be published, which
// is an error that says how to rename or move it.
func listFiles(fsys fs.FS) ([]string, diag.List) {
	var paths []string
	var diags diag.List
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			diags = append(diags, diag.Diagnostic{Path: p, Message: err.Error()})
			return nil
		}
		if p == "." || noise.Is(d.Name()) {
			if d.IsDir() && p != "." {
				return fs.SkipDir
			}
			return nil
		}
		if hint, ok := unpublished(p, d.IsDir()); ok {
			if d.IsDir() {
				diags = append(diags, diag.Diagnostic{Path: p, Message: "this folder is not published", Hint: hint})
				return fs.SkipDir
			}
			diags = append(diags, diag.Diagnostic{Path: p, Message: "this file is not published", Hint: hint})
			return nil
		}
		if !d.IsDir() {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		diags = append(diags, diag.Diagnostic{Path: ".", Message: err.Error()})
	}
	return paths, diags
}

// unpublished says how to fix a file or folder that would not be
// published, or reports false when it will be.
func unpublished(p string, dir bool) (hint string, ok bool) {
	name := path.Base(p)
	top, _, nested := strings.Cut(p, "/")
	if strings.HasPrefix(name, ".") {
		return "hidden " + map[bool]string{true: "folders", false: "files"}[dir] +
			" are not read: rename it to " + strings.TrimLeft(name, "."), true
	}
	if dir {
		if nested || isFolder(top) {
			return "", false
		}
		return folderHint(top), true
	}
	if !nested {
		if isSiteFile(p) {
			return "", false
		}
		if strings.EqualFold(trimMarkdownExt(name), "_index") {
			return "rename it to " + SiteFile, true
		}
		return "events go in " + folders[0] + "/, people in " + folders[1] + "/, statements in " + folders[2] + "/", true
	}
	if !isFolder(top) {
		return folderHint(top), true // reported for the folder already, unless it is a file's name
	}
	if stem := trimMarkdownExt(name); stem != name && !strings.HasSuffix(name, ".md") {
		return "rename it to " + stem + ".md: only .md files are read", true
	}
	if !strings.HasSuffix(name, ".md") {
		return "only Markdown files (.md) are read in content/: move it out (images go in layouts/static/)", true
	}
	return "", false
}

func isFolder(name string) bool {
	for _, f := range folders {
		if name == f {
			return true
		}
	}
	return false
}

func folderHint(name string) string {
	if s := diag.Closest(strings.ToLower(name), folders); s != "" || isFolder(strings.ToLower(name)) {
		if s == "" {
			s = strings.ToLower(name)
		}
		return "rename the folder to " + s + "/"
	}
	return "content/ holds " + strings.Join(folders, "/, ") + "/ and " + SiteFile + ": move it into one of them, or out of content/"
}

// markdownExts are the other names people give Markdown files, and the
// .txt some editors add; each becomes .md.
var markdownExts = []string{".md.txt", ".markdown.txt", ".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn", ".md"}

// trimMarkdownExt removes a Markdown extension in any case ("x.MD",
// "x.markdown", "x.md.txt"), or returns name as it is.
func trimMarkdownExt(name string) string {
	lower := strings.ToLower(name)
	for _, ext := range markdownExts {
		if strings.HasSuffix(lower, ext) {
			return name[:len(name)-len(ext)]
		}
	}
	return name
}
