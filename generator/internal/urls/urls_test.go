package urls

import "testing"

func TestAllowed(t *testing.T) {
	for _, ok := range []string{"https://example.org/", "http://x", "HTTPS://X", "mailto:a@example.org", "/people/x/", "other/", "#sources", "?q=1", "a/b:c"} {
		if !Allowed(ok) {
			t.Errorf("%q is refused", ok)
		}
	}
	for _, bad := range []string{"javascript:alert(1)", "JavaScript:alert(1)", " javascript:x", "java\tscript:x", "java\nscript:x", "vbscript:x", "data:text/html,x", "DATA:image/png;base64,x", "file:///etc/passwd", "ftp://example.org/", "jav\x00ascript:x", "&#106;avascript:x", "&#x6A;avascript:x", `java\script:x`, "javascript&colon;x"} {
		if Allowed(bad) {
			t.Errorf("%q is allowed", bad)
		}
	}
}

func TestWeb(t *testing.T) {
	for _, ok := range []string{"https://example.org/", "http://example.org/a?b#c"} {
		if !Web(ok) {
			t.Errorf("%q is refused", ok)
		}
	}
	for _, bad := range []string{"javascript:alert(1)", "example.org", "ftp://example.org/", "https://", "https://exa mple.org/", "//example.org/"} {
		if Web(bad) {
			t.Errorf("%q is allowed", bad)
		}
	}
}
