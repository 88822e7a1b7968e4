// Package digest mixes hashes into one. The model hashes each of its values
// from the hashes of the files it is made of and of the values it links to;
// the renderer fingerprints each output from the hashes of the values it is
// given (ARCHITECTURE.md, "Incremental rebuilds"). The inputs are mostly
// hashes already, so a Digest mixes 64-bit words, as FNV mixes bytes,
// rather than streaming bytes: every build digests every value and output.
//
// Digests are compared only within one process: the seed of String changes
// from run to run.
package digest

import "hash/maphash"

// A Digest is a hash being built. The zero Digest is ready to use.
type Digest struct{ v uint64 }

// Of returns a Digest that starts from v, such as a digest of what many
// others share.
func Of(v uint64) Digest { return Digest{v} }

// Uint adds v.
func (d *Digest) Uint(v uint64) {
	d.v = (d.v^v)*0x100000001b3 + 0x9e3779b97f4a7c15 // the addition makes a 0 count
	d.v ^= d.v >> 29
}

// Int adds n.
func (d *Digest) Int(n int) { d.Uint(uint64(n)) }

// Bool adds b.
func (d *Digest) Bool(b bool) {
	if b {
		d.Uint(1)
	} else {
		d.Uint(2)
	}
}

var seed = maphash.MakeSeed()

// String adds s.
func (d *Digest) String(s string) { d.Uint(maphash.String(seed, s)) }

// Sum returns the hash of what was added, with every input bit spread over
// the result (splitmix64's finaliser). It is never 0, which callers may use
// to mean "no hash".
func (d *Digest) Sum() uint64 {
	z := d.v + 0x9e3779b97f4a7c15
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	if z ^= z >> 31; z == 0 {
		return 1
	}
	return z
}
