package validate

import "testing"

func TestSuspicious(t *testing.T) {
	for body, want := range map[string]bool{
		"Plain text with a [link](https://example.org/) and mailto:a@b.c": false,
		"HTTPS://EXAMPLE.ORG and http://x":                                false,
		"A note: nothing here":                                            true, // "note:" could be a scheme
		"[x](javascript:alert(1))":                                        true,
		"x data:text/html":                                                true,
		"&#106;avascript:x":                                               true,
		`java\script:x`:                                                   true,
		"no colon at all":                                                 false,
		"12:30 and :start and +:x":                                        false,
	} {
		if got := suspicious(body); got != want {
			t.Errorf("suspicious(%q) = %v, want %v", body, got, want)
		}
	}
}
