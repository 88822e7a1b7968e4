package site

import (
	"strings"
	"testing"
)

func TestParseBaseURL(t *testing.T) {
	for in, want := range map[string]BaseURL{
		"/":                             {Path: "/"},
		"":                              {Path: "/"},
		"/repo":                         {Path: "/repo/"},
		"/repo/":                        {Path: "/repo/"},
		"https://owner.github.io/repo/": {Path: "/repo/", Origin: "https://owner.github.io"},
		"https://example.org":           {Path: "/", Origin: "https://example.org"},
		"http://localhost:8080/a/b":     {Path: "/a/b/", Origin: "http://localhost:8080"},
	} {
		if got, err := ParseBaseURL(in); err != nil || got != want {
			t.Errorf("ParseBaseURL(%q) = %+v, %v; want %+v", in, got, err, want)
		}
	}
	for _, bad := range []string{"ftp://example.org/", "https:///repo/", "/repo/?x=1", "javascript:alert(1)", "//host/"} {
		if got, err := ParseBaseURL(bad); err == nil {
			t.Errorf("ParseBaseURL(%q) = %+v, want an error", bad, got)
		}
	}
}

func TestURL(t *testing.T) {
	b := BaseURL{Path: "/repo/", Origin: "https://owner.github.io"}
	for in, want := range map[string]string{"": "/repo/", "events/x/": "/repo/events/x/", "/people/y/": "/repo/people/y/"} {
		if got := b.URL(in); got != want {
			t.Errorf("URL(%q) = %q, want %q", in, got, want)
		}
		if got := b.AbsURL(in); got != b.Origin+want {
			t.Errorf("AbsURL(%q) = %q, want %q", in, got, b.Origin+want)
		}
	}
}

func TestPolicyAllowing(t *testing.T) {
	if got := PolicyAllowing(); got != ContentSecurityPolicy {
		t.Errorf("PolicyAllowing() = %q, want the policy itself", got)
	}
	// The hash of "{}" is the base64 of its SHA-256.
	got := PolicyAllowing("{}")
	if !strings.Contains(got, "script-src 'self' 'sha256-RBNvo1WzZ4oRRq0W9+hknpT7T8If536DEMBg9hyq/4o='") {
		t.Errorf("PolicyAllowing(\"{}\") = %q, without the block's hash in script-src", got)
	}
}
