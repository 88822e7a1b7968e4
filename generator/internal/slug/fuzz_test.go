package slug

import (
	"regexp"
	"testing"
	"unicode/utf8"
)

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// FuzzMake checks that whatever a title or a name holds, its slug is a
// valid id (lowercase ASCII words joined by single hyphens, within MaxLen)
// or empty, and that making it again gives the same slug.
func FuzzMake(f *testing.F) {
	for _, s := range []string{"Дмитро Хилюк", "Владимир Мединский", "Łódź – Straße", "146 for 146, with two journalists", "", "---", "Ї є ґ", "日本語", "a\x00b", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, lang := range []Lang{Detect(s), Ukrainian, Russian} {
			got := Make(s, lang)
			if got != "" && (!idPattern.MatchString(got) || len(got) > MaxLen) {
				t.Fatalf("Make(%q, %v) = %q: not a valid id", s, lang, got)
			}
			if again := Make(got, lang); again != got {
				t.Fatalf("Make(%q) = %q, but Make(%q) = %q", s, got, got, again)
			}
			if r := Romanize(s, lang); !utf8.ValidString(r) && utf8.ValidString(s) {
				t.Fatalf("Romanize(%q) = %q is not UTF-8", s, r)
			}
		}
	})
}
