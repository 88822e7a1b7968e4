package slug

import (
	"testing"

	"github.com/exchange-timeline/timeline/generator/internal/lang"
)

func TestMake(t *testing.T) {
	for _, tc := range []struct {
		in       string
		language lang.Lang
		want     string
	}{
		// ASCII
		{"146 for 146, with two journalists freed", Auto, "146-for-146-with-two-journalists-freed"},
		{"  Easter: 246 for 246!  ", Auto, "easter-246-for-246"},
		{"Kherson's mayor & 84 others", Auto, "khersons-mayor-and-84-others"},
		{"A--B__C", Auto, "a-b-c"},
		// Ukrainian, KMU 2010 (names of people already on the site)
		{"Дмитро Хилюк", Auto, "dmytro-khyliuk"},
		{"Володимир Зеленський", Auto, "volodymyr-zelenskyi"},
		{"Андрій Єрмак", Auto, "andrii-yermak"},
		{"Рустем Умєров", Auto, "rustem-umierov"},
		{"Максим Буткевич", Auto, "maksym-butkevych"},
		// the examples of the resolution: initial and other positions,
		// зг, the apostrophe and the soft sign
		{"Згорани Розгон", lang.Ukrainian, "zghorany-rozghon"},
		{"Єнакієве Гаєвич", lang.Ukrainian, "yenakiieve-haievych"},
		{"Їжакевич Кадиївка", lang.Ukrainian, "yizhakevych-kadyivka"},
		{"Йосипівка Стрий", lang.Ukrainian, "yosypivka-stryi"},
		{"Юрій Корюківка", lang.Ukrainian, "yurii-koriukivka"},
		{"Яготин Костянтин", lang.Ukrainian, "yahotyn-kostiantyn"},
		{"Знам'янка Феодосія", lang.Ukrainian, "znamianka-feodosiia"},
		{"Знам’янка Знамʼянка", lang.Ukrainian, "znamianka-znamianka"},
		{"Щербухи Гоща", lang.Ukrainian, "shcherbukhy-hoshcha"},
		{"Ґалаґан Горґани", lang.Ukrainian, "galagan-horgany"},
		{"Наталія Львів", lang.Ukrainian, "nataliia-lviv"},
		// Russian, found by its letters or asked for
		{"Владимир Мединский", lang.Russian, "vladimir-medinsky"},
		{"Фёдор Достоевский", Auto, "fyodor-dostoevsky"},
		{"Объезд Эхо Ы", Auto, "obezd-ekho-y"},
		{"Красный Мыс", Auto, "krasny-mys"},
		{"Юрий Щукин", lang.Russian, "yury-shchukin"},
		{"Государственная Дума", lang.Russian, "gosudarstvennaya-duma"},
		// without distinctive letters, Ukrainian
		{"Владимир Мединский", Auto, "vladymyr-medynskyi"},
		// Latin letters with diacritics, and others
		{"Łódź – São Paulo, Straße", Auto, "lodz-sao-paulo-strasse"},
		{"Ærøskøbing Ångström Œuvre İstanbul", Auto, "aeroskobing-angstrom-oeuvre-istanbul"},
		{"Türkiye’s talks in İstanbul", Auto, "turkiyes-talks-in-istanbul"},
		{"Cafe\u0301 cafe", Auto, "cafe-cafe"}, // a combining accent
		// nothing usable
		{"", Auto, ""},
		{"!!! ???", Auto, ""},
		{"北京", Auto, ""},
	} {
		if got := Make(tc.in, tc.language); got != tc.want {
			t.Errorf("Make(%q, %q) = %q, want %q", tc.in, tc.language, got, tc.want)
		}
	}
}

func TestMakeLength(t *testing.T) {
	long := "Ukraine and Russia exchange prisoners of war in the largest swap since the war began in 2022"
	got := Make(long, Auto)
	if want := "ukraine-and-russia-exchange-prisoners-of-war-in-the-largest"; got != want {
		t.Errorf("got %q (%d), want %q", got, len(got), want)
	}
	word := "a" + string(make([]byte, 0)) // one word longer than MaxLen
	for len(word) <= MaxLen {
		word += "b"
	}
	if got := Make(word, Auto); len(got) != MaxLen {
		t.Errorf("one long word: got %d characters", len(got))
	}
}

func TestRomanize(t *testing.T) {
	for in, want := range map[string]string{
		"Дмитро Хилюк":        "Dmytro Khyliuk",
		"Анна-Марія Пʼятак":   "Anna-Mariia Piatak",
		"Фёдор Достоевский":   "Fyodor Dostoevsky",
		"José Дмитро":         "José Dmytro",
		"ЗСУ":                 "ZSU",
		"Ukrainian Armed":     "Ukrainian Armed",
		"олег Ivanov, 2022 р": "oleh Ivanov, 2022 r",
	} {
		if got := Romanize(in, Auto); got != want {
			t.Errorf("Romanize(%q) = %q, want %q", in, got, want)
		}
	}
	if !HasCyrillic("a б") || HasCyrillic("Łódź") {
		t.Error("HasCyrillic")
	}
}
