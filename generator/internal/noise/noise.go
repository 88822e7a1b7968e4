// Package noise names the files and folders that editors, operating
// systems and version control leave beside the files a person edits: swap
// files, backups, lock files, temporary files of atomic saves, .git. The
// content loader skips them without a word, where any other file that
// would not be published is an error, and the watcher ignores their events,
// so the two always agree on what counts as an edit.
package noise

import (
	"regexp"
	"strings"
)

// Is reports whether a file or folder name (not a path) is noise.
func Is(name string) bool {
	switch {
	case names[name]:
		return true
	case strings.HasSuffix(name, "~"), strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"):
		return true // backups (vim, emacs, nano) and emacs auto-saves
	case strings.Contains(name, "___jb_"):
		return true // JetBrains IDEs' safe-write files
	}
	for _, prefix := range prefixes {
		if strings.HasPrefix(name, prefix) {
			return true
		}
	}
	for _, suffix := range suffixes {
		if strings.HasSuffix(name, suffix) {
			return true
		}
	}
	return patterns.MatchString(name)
}

var names = map[string]bool{
	// version control and editors' project folders
	".git": true, ".hg": true, ".svn": true, ".gitkeep": true, ".gitignore": true, ".gitattributes": true,
	".keep": true, ".idea": true, ".vscode": true,
	// operating systems
	".DS_Store": true, "Thumbs.db": true, "desktop.ini": true, ".directory": true,
	// vim's test of whether a directory is writable
	"4913": true,
}

var prefixes = []string{
	".#",              // emacs lock links
	"._",              // macOS resource forks on foreign file systems
	".~lock.",         // LibreOffice locks
	".goutputstream-", // GNOME's atomic saves (gedit)
	".nfs",            // NFS's silly renames of open files that were deleted
}

var suffixes = []string{".tmp", ".bak", ".orig", ".kate-swp", ".crdownload", ".part"}

// patterns: vim's swap files (.swp, .swo, ... down to .swa, and .swx) and
// the temporary file GNU sed -i writes before renaming it over the file.
var patterns = regexp.MustCompile(`\.sw[a-px]$|^sed[A-Za-z0-9]{6}$`)
