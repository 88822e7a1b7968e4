package slug

import (
	"testing"
	"unicode/utf8"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/lang"
)

// FuzzMake checks that whatever a title or a name holds, its slug is a
// valid id (lowercase ASCII words joined by single hyphens, within MaxLen)
// or empty, and that making it again gives the same slug.
func FuzzMake(f *testing.F) {
	for _, s := range []string{"Дмитро Хилюк", "Владимир Мединский", "Łódź – Straße", "146 for 146, with two journalists", "", "---", "Ї є ґ", "日本語", "a\x00b", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, language := range []lang.Lang{Detect(s), lang.Ukrainian, lang.Russian} {
			got := Make(s, language)
			if got != "" && (!content.ValidID(got) || len(got) > MaxLen) {
				t.Fatalf("Make(%q, %v) = %q: not a valid id", s, language, got)
			}
			if again := Make(got, language); again != got {
				t.Fatalf("Make(%q) = %q, but Make(%q) = %q", s, got, got, again)
			}
			if r := Romanize(s, language); !utf8.ValidString(r) && utf8.ValidString(s) {
				t.Fatalf("Romanize(%q) = %q is not UTF-8", s, r)
			}
		}
	})
}
