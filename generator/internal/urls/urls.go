// Package urls says which link destinations the site may contain. Content
// is untrusted: a link in a body or a field could run script in a reader's
// browser (javascript:, vbscript:, data:) or point at their disk (file:).
package urls

import (
	"html"
	"net/url"
	"strings"
)

// allowedSchemes are the schemes a link may have; a link without a scheme
// (a path or a #fragment) is always allowed.
var allowedSchemes = []string{"http", "https", "mailto"}

// Allowed reports whether dest, a link destination as written in Markdown,
// may appear in a page. Markdown decodes character references ("&#106;")
// and backslash escapes, and browsers ignore tabs and newlines in URLs and
// read schemes in any case, so all of that is undone before the scheme is
// judged.
func Allowed(dest string) bool {
	dest = html.UnescapeString(strings.ReplaceAll(dest, `\`, ""))
	dest = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || r < ' ' {
			return -1
		}
		return r
	}, strings.TrimSpace(dest))
	scheme, _, found := strings.Cut(dest, ":")
	if !found || strings.ContainsAny(scheme, "/?#") {
		return true // no scheme: a relative path, query or fragment
	}
	scheme = strings.ToLower(scheme)
	for _, s := range allowedSchemes {
		if scheme == s {
			return true
		}
	}
	return false
}

// Web reports whether raw is an absolute http(s) URL with a host, as the
// url and archive fields of sources must be.
func Web(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && !strings.ContainsAny(raw, " \t\n")
}
