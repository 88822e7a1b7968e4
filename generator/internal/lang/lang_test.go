package lang

import "testing"

func TestCyrillic(t *testing.T) {
	for in, want := range map[string]Lang{
		"Дмитро Хилюк":        "", // letters both languages have
		"Віталій":             Ukrainian,
		"Ґанна Євгенія":       Ukrainian,
		"Владимир Мединский":  "",
		"Артём Сыроватко":     Russian,
		"ЭДУАРД":              Russian,
		"Підʼєднаний і съезд": "", // both: the text does not say
		"Dmytro Khyliuk":      "",
	} {
		if got := Cyrillic(in); got != want {
			t.Errorf("Cyrillic(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCount(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{{0, "0 events"}, {1, "1 event"}, {2, "2 events"}, {1000, "1,000 events"}} {
		if got := Count(c.n, "event", "events"); got != c.want {
			t.Errorf("Count(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}

func TestNumber(t *testing.T) {
	for n, want := range map[int]string{0: "0", 7: "7", 84: "84", 999: "999", 1000: "1,000", 1212: "1,212", 9990: "9,990", 1234567: "1,234,567", -4500: "-4,500"} {
		if got := Number(n); got != want {
			t.Errorf("Number(%d) = %q, want %q", n, got, want)
		}
	}
}
