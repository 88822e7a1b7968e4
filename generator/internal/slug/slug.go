// Package slug turns a title or a name into an id: lowercase ASCII letters
// and digits, words joined by single hyphens, as content file names must be.
//
// Cyrillic is transliterated: Ukrainian by the national system of 2010
// (Cabinet of Ministers resolution 55, used in Ukrainian passports: Дмитро
// Хилюк → dmytro-khyliuk), Russian by the usual English spelling of names
// (BGN/PCGN without diacritics, with -ий and -ый at the end of a word
// written -y: Владимир Мединский → vladimir-medinsky). Other letters with
// diacritics lose them (Łódź → lodz, Straße → strasse); anything else that
// is not a letter or digit separates words.
package slug

import (
	"strings"
	"unicode"

	"github.com/exchange-timeline/timeline/generator/internal/lang"
	"golang.org/x/text/unicode/norm"
)

// Auto, as the language of Make and Romanize, chooses Ukrainian or Russian
// from the letters only one of them has (lang.Cyrillic); text with neither,
// or with both, is taken as Ukrainian.
const Auto lang.Lang = ""

// MaxLen is the longest slug Make returns; a longer one is cut after its
// last whole word that fits.
const MaxLen = 60

// Make returns the slug of s, or "" when s has no letter or digit that can
// be written in ASCII.
func Make(s string, language lang.Lang) string {
	if language == Auto {
		language = Detect(s)
	}
	words := strings.FieldsFunc(Transliterate(s, language), func(r rune) bool {
		return !('a' <= r && r <= 'z' || '0' <= r && r <= '9')
	})
	out := ""
	for _, w := range words {
		next := w
		if out != "" {
			next = out + "-" + w
		}
		if len(next) > MaxLen {
			if out == "" { // a single very long word
				out = w[:MaxLen]
			}
			break
		}
		out = next
	}
	return out
}

// Detect says which language's transliteration suits s: Russian when only
// Russian has its letters, Ukrainian otherwise.
func Detect(s string) lang.Lang {
	if lang.Cyrillic(s) == lang.Russian {
		return lang.Russian
	}
	return lang.Ukrainian
}

// Transliterate writes s in lowercase ASCII as far as it can: Cyrillic by
// language (Auto is Ukrainian here), other letters without their diacritics.
// Apostrophes inside words are dropped ("Zelensky's" → "zelenskys"), and
// "&" becomes " and ". Characters it cannot write stay as they are.
func Transliterate(s string, language lang.Lang) string {
	table, special := ukrainian, ukrainianInitial
	if language == lang.Russian {
		table, special = russian, nil
	}
	rs := []rune(strings.ToLower(norm.NFC.String(s)))
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		initial := i == 0 || !isLetter(rs[i-1])
		next := rune(0)
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		switch {
		case r < 0x80 && r != '&' && r != '\'':
			b.WriteRune(r)
		case r == '&':
			b.WriteString(" and ")
		case isApostrophe(r):
			// Inside a word (Ukrainian м'ясо, English Kherson's) it
			// separates nothing.
		case language == lang.Ukrainian && r == 'з' && next == 'г':
			b.WriteString("zgh") // зг is zgh, so that it is not read as zh
			i++
		case language == lang.Russian && (r == 'и' || r == 'ы') && next == 'й' && (i+2 == len(rs) || !isLetter(rs[i+2])):
			b.WriteString("y") // Мединский → Medinsky
			i++
		case initial && special[r] != "":
			b.WriteString(special[r])
		case table[r] != "" || isCyrillicSign(r):
			b.WriteString(table[r])
		default:
			b.WriteString(latin(r))
		}
	}
	return b.String()
}

func isLetter(r rune) bool { return unicode.IsLetter(r) || isApostrophe(r) }

// isApostrophe matches the apostrophes used inside words: ASCII, the
// typographic one and the modifier letter that Ukrainian spelling uses.
func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' || r == '`' }

// isCyrillicSign matches the letters written as nothing.
func isCyrillicSign(r rune) bool { return r == 'ь' || r == 'ъ' }

// latin writes a non-ASCII letter without its diacritics, or as its usual
// ASCII spelling; anything else becomes a space, which separates words.
func latin(r rune) string {
	if s, ok := latinSpecial[r]; ok {
		return s
	}
	var b strings.Builder
	for _, c := range norm.NFD.String(string(r)) {
		switch {
		case c < 0x80:
			b.WriteRune(c)
		case unicode.Is(unicode.Mn, c): // a combining accent: drop it
		default:
			return " "
		}
	}
	return b.String()
}

// latinSpecial spells the letters that have no decomposition into ASCII.
var latinSpecial = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d",
	'þ': "th", 'ı': "i", 'ħ': "h", 'ŧ': "t", 'ŋ': "ng", 'ĸ': "k", 'ſ': "s",
	'–': " ", '—': " ", '№': " no ",
}

// ukrainian is the 2010 national transliteration, with the Russian letters
// that Ukrainian lacks spelt as in russian.
var ukrainian = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "h", 'ґ': "g", 'д': "d", 'е': "e",
	'є': "ie", 'ж': "zh", 'з': "z", 'и': "y", 'і': "i", 'ї': "i", 'й': "i",
	'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r",
	'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch",
	'ш': "sh", 'щ': "shch", 'ь': "", 'ю': "iu", 'я': "ia",
	'ы': "y", 'э': "e", 'ё': "yo", 'ъ': "",
}

// ukrainianInitial holds the spellings used at the start of a word.
var ukrainianInitial = map[rune]string{
	'є': "ye", 'ї': "yi", 'й': "y", 'ю': "yu", 'я': "ya",
}

// russian is BGN/PCGN without diacritics, with the Ukrainian letters that
// Russian lacks spelt as in ukrainian.
var russian = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "yo",
	'ж': "zh", 'з': "z", 'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m",
	'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u",
	'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch",
	'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya",
	'і': "i", 'ї': "yi", 'є': "ye", 'ґ': "g",
}

// Romanize writes the Cyrillic words of a name in Latin letters, keeping
// their capitals and everything else as it is: "Дмитро Хилюк" → "Dmytro
// Khyliuk". It is the starting point for a name as written in English.
func Romanize(s string, language lang.Lang) string {
	if language == Auto {
		language = Detect(s)
	}
	var b strings.Builder
	rs := []rune(s)
	for i := 0; i < len(rs); {
		if !isLetter(rs[i]) {
			b.WriteRune(rs[i])
			i++
			continue
		}
		j := i
		for j < len(rs) && isLetter(rs[j]) {
			j++
		}
		word := rs[i:j]
		i = j
		if !hasCyrillic(word) {
			b.WriteString(string(word))
			continue
		}
		latin := []rune(Transliterate(string(word), language))
		if len(latin) > 0 && unicode.IsUpper(word[0]) {
			allCaps := len(word) > 1 && string(word) == strings.ToUpper(string(word))
			if allCaps {
				latin = []rune(strings.ToUpper(string(latin)))
			} else {
				latin[0] = unicode.ToUpper(latin[0])
			}
		}
		b.WriteString(string(latin))
	}
	return b.String()
}

// HasCyrillic reports whether s has a Cyrillic letter.
func HasCyrillic(s string) bool { return hasCyrillic([]rune(s)) }

func hasCyrillic(rs []rune) bool {
	for _, r := range rs {
		if unicode.Is(unicode.Cyrillic, r) {
			return true
		}
	}
	return false
}
