// Package site holds what every layer of the generator shares about the
// published site: where it is served from (BaseURL) and how its addresses
// are joined, the Content-Security-Policy its pages run under, and the kinds
// of file it is made of. It imports nothing of the generator, so the
// renderer, the preview server and the command line can all use it without
// importing each other (see ARCHITECTURE.md).
package site

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net/url"
	"strings"
)

// BaseURL is where the site is served from.
type BaseURL struct {
	// Path starts and ends with "/": "/" or "/repo/".
	Path string
	// Origin is "https://owner.github.io", or "" when only a path was
	// given; absolute links (feed, sitemap, canonical) need it.
	Origin string
}

// ParseBaseURL reads where the site is served from: a path ("/repo/") or a
// full URL ("https://owner.github.io/repo/").
func ParseBaseURL(s string) (BaseURL, error) {
	u, err := url.Parse(s)
	if err != nil || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return BaseURL{}, fmt.Errorf("base URL %q must be a path like /repo/ or a URL like https://owner.github.io/repo/", s)
	}
	var b BaseURL
	switch {
	case u.Scheme == "" && u.Host == "":
	case (u.Scheme == "http" || u.Scheme == "https") && u.Host != "":
		b.Origin = u.Scheme + "://" + u.Host
	default:
		return BaseURL{}, fmt.Errorf("base URL %q must start with https:// or http:// and name a host, or be a path like /repo/", s)
	}
	b.Path = "/" + strings.Trim(u.Path, "/") + "/"
	if b.Path == "//" {
		b.Path = "/"
	}
	return b, nil
}

// URL returns the address of p, a path relative to the site root
// ("events/x/"; a leading "/" is allowed), under the base path:
// "/repo/events/x/".
func (b BaseURL) URL(p string) string {
	return b.Path + strings.TrimPrefix(p, "/")
}

// AbsURL is URL with the origin in front, when there is one.
func (b BaseURL) AbsURL(p string) string {
	return b.Origin + b.URL(p)
}

// String is the base URL as it would be given: "https://owner.github.io/repo/" or "/repo/".
func (b BaseURL) String() string { return b.Origin + b.Path }

// ContentSecurityPolicy is the policy of every page, declared in a meta tag
// by the layouts and sent by the preview server: the site's own scripts,
// styles, images and connections, nothing inline, nothing from elsewhere.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; " +
	"connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"

// PolicyAllowing is ContentSecurityPolicy with the hash of each inline
// script block added to script-src: browsers do not run data blocks such as
// a page's JSON-LD, but checkers (and some future browser) may hold the
// policy against them.
func PolicyAllowing(blocks ...string) string {
	p := ContentSecurityPolicy
	for _, block := range blocks {
		if block == "" {
			continue
		}
		sum := sha256.Sum256([]byte(block))
		p = strings.Replace(p, "script-src 'self'", "script-src 'self' 'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'", 1)
	}
	return p
}
