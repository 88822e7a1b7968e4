package digest

import "testing"

func TestDigest(t *testing.T) {
	sum := func(add func(*Digest)) uint64 {
		var d Digest
		add(&d)
		return d.Sum()
	}
	seen := map[uint64]string{}
	for name, add := range map[string]func(*Digest){
		"nothing":   func(*Digest) {},
		"0":         func(d *Digest) { d.Uint(0) },
		"1":         func(d *Digest) { d.Uint(1) },
		"1, 2":      func(d *Digest) { d.Uint(1); d.Uint(2) },
		"2, 1":      func(d *Digest) { d.Uint(2); d.Uint(1) },
		"false":     func(d *Digest) { d.Bool(false) },
		"0, 0":      func(d *Digest) { d.Uint(0); d.Uint(0) },
		`"a"`:       func(d *Digest) { d.String("a") },
		`"b"`:       func(d *Digest) { d.String("b") },
		`"a", "b"`:  func(d *Digest) { d.String("a"); d.String("b") },
		`"ab"`:      func(d *Digest) { d.String("ab") },
		"of 7":      func(d *Digest) { *d = Of(7) },
		"of 7, 1":   func(d *Digest) { *d = Of(7); d.Uint(1) },
		"int 3":     func(d *Digest) { d.Int(3) },
		"int 3, 3":  func(d *Digest) { d.Int(3); d.Int(3) },
		"uint 3, 4": func(d *Digest) { d.Uint(3); d.Uint(4) },
	} {
		s := sum(add)
		if s == 0 {
			t.Errorf("%s: the sum is 0", name)
		}
		if other, ok := seen[s]; ok {
			t.Errorf("%s and %s have the same sum", name, other)
		}
		seen[s] = name
		if again := sum(add); again != s {
			t.Errorf("%s: %x, then %x", name, s, again)
		}
	}
}
