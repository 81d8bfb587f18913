package dedup

import (
	"math"
	"math/rand/v2"
	"slices"
	"sync"
)

// mix64 is the finaliser of SplitMix64 (Steele, Lea and Flood, "Fast
// splittable pseudorandom number generators", OOPSLA 2014): it spreads every
// input bit over the whole word, so the FNV-style rune fold before it needs
// no avalanche of its own.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

const fnvPrime = 0x100000001b3

// appendShingles appends a 32-bit fingerprint of every k-rune window of
// core. A core shorter than k is one shingle, the whole core; an empty core
// has none. The fingerprints are neither sorted nor deduplicated; setOf
// does both.
func appendShingles(dst []uint32, core []rune, k int, seed uint64) []uint32 {
	if len(core) == 0 {
		return dst
	}
	if len(core) < k {
		k = len(core)
	}
	for i := 0; i+k <= len(core); i++ {
		h := seed
		for _, r := range core[i : i+k] {
			h = (h ^ uint64(r)) * fnvPrime
		}
		dst = append(dst, uint32(mix64(h)>>32))
	}
	return dst
}

// numShingles is how many fingerprints appendShingles makes for a core of
// n runes, before deduplication.
func numShingles(n, k int) int {
	if n == 0 {
		return 0
	}
	return max(1, n-k+1)
}

// setOf sorts and deduplicates fingerprints in place.
func setOf(sh []uint32) []uint32 {
	slices.Sort(sh)
	return slices.Compact(sh)
}

// jaccardSets is |a∩b| / |a∪b| of two sorted, duplicate-free sets; two empty
// sets are identical (1).
func jaccardSets(a, b []uint32) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	inter := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			inter++
			i++
			j++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

// jaccardAtLeast reports whether jaccardSets(a, b) >= t, usually without
// walking both sets to the end: it needs an intersection of at least the
// smallest I with I/(|a|+|b|−I) >= t, so it stops as soon as that many
// common shingles are seen or can no longer be.
func jaccardAtLeast(a, b []uint32, t float64) bool {
	la, lb := len(a), len(b)
	if la == 0 && lb == 0 {
		return 1 >= t
	}
	lo := min(la, lb)
	// The same division jaccardSets would do, so the two never disagree.
	ok := func(i int) bool { return float64(i)/float64(la+lb-i) >= t }
	need := int(math.Ceil(t * float64(la+lb) / (1 + t)))
	need = max(0, min(need, lo))
	for need > 0 && ok(need-1) {
		need--
	}
	for need <= lo && !ok(need) {
		need++
	}
	if need > lo {
		return false
	}
	inter := 0
	i, j := 0, 0
	for inter < need {
		if inter+min(la-i, lb-j) < need {
			return false
		}
		x, y := a[i], b[j]
		if x == y {
			inter++
		}
		if x <= y {
			i++
		}
		if y <= x {
			j++
		}
	}
	return true
}

// Jaccard returns the similarity Find verifies near-duplicates with: the
// Jaccard index of the sets of shingle-rune windows of the two texts' keys,
// punctuation, symbols and spaces left out (see Key). A shingle length below
// 1 means the default, 3. Shingles are compared through 32-bit
// fingerprints; for two answers of 40 characters a collision, which would
// raise the value by about 1/80, has a chance of about 4·10⁻⁷.
func Jaccard(a, b string, shingle int) float64 {
	if shingle < 1 {
		shingle = defaultShingle
	}
	sa := setOf(appendShingles(nil, appendCore(nil, Key(a)), shingle, 0))
	sb := setOf(appendShingles(nil, appendCore(nil, Key(b)), shingle, 0))
	return jaccardSets(sa, sb)
}

// minHasher turns a shingle set into band keys for locality-sensitive
// hashing. Permutation i is approximated by the multiply-add-shift hash of a
// 32-bit fingerprint x, (a_i·x + b_i mod 2⁶⁴) >> 32, which is 2-universal
// (Dietzfelbinger, "Universal hashing and k-wise independent random
// variables via integer arithmetic without primes", STACS 1996). MinHash
// proper needs min-wise independent permutations; every candidate is
// verified by its exact Jaccard index, so the approximation can cost a
// little recall, never a wrong group.
type minHasher struct {
	a, b        []uint64
	bands, rows int
	bandSeed    uint64
}

func newMinHasher(hashes, bands, rows int, seed uint64) *minHasher {
	rng := rand.New(rand.NewPCG(seed, 0x6b6f652d64656475)) // "koe-dedu"
	m := &minHasher{a: make([]uint64, hashes), b: make([]uint64, hashes), bands: bands, rows: rows}
	for i := range m.a {
		m.a[i] = rng.Uint64() | 1
		m.b[i] = rng.Uint64()
	}
	m.bandSeed = rng.Uint64()
	return m
}

// signature fills sig (length bands·rows) with the minimum of each
// permutation over the shingles. An empty shingle list leaves every value
// at its maximum, the same for every such text. Four running minima per
// permutation keep four multiplications in flight; taking the top 32 bits
// after the minimum gives the same value as before it.
func (m *minHasher) signature(sig []uint32, sh []uint32) {
	sig = sig[:m.bands*m.rows]
	a, b := m.a[:len(sig)], m.b[:len(sig)]
	for i := range sig {
		ai, bi := a[i], b[i]
		v0, v1, v2, v3 := uint64(math.MaxUint64), uint64(math.MaxUint64), uint64(math.MaxUint64), uint64(math.MaxUint64)
		k := 0
		for ; k+4 <= len(sh); k += 4 {
			x := sh[k : k+4 : k+4]
			v0 = min(v0, ai*uint64(x[0])+bi)
			v1 = min(v1, ai*uint64(x[1])+bi)
			v2 = min(v2, ai*uint64(x[2])+bi)
			v3 = min(v3, ai*uint64(x[3])+bi)
		}
		for ; k < len(sh); k++ {
			v0 = min(v0, ai*uint64(sh[k])+bi)
		}
		sig[i] = uint32(min(v0, v1, v2, v3) >> 32)
	}
}

// bandKey hashes the rows of band j of sig to 32 bits. Two texts share a
// band key when they agree on every row of the band, or by a 2⁻³² accident
// that verification catches.
func (m *minHasher) bandKey(sig []uint32, j int) uint32 {
	h := m.bandSeed ^ uint64(j)*0x9e3779b97f4a7c15
	for _, v := range sig[j*m.rows : (j+1)*m.rows] {
		h = (h ^ uint64(v)) * fnvPrime
	}
	return uint32(mix64(h) >> 32)
}

// candidateProb is the chance that two texts of Jaccard similarity s share
// at least one of b bands of r rows: 1 − (1 − sʳ)ᵇ (Leskovec, Rajaraman and
// Ullman, Mining of Massive Datasets, 3rd ed., §3.4.2).
func candidateProb(s float64, b, r int) float64 {
	return 1 - math.Pow(1-math.Pow(s, float64(r)), float64(b))
}

// minRecall is the chance Find must give a pair exactly at the threshold of
// becoming a candidate. A pair that is never a candidate is lost for good,
// while a false candidate only costs one verification, so the bands favour
// recall.
const minRecall = 0.95

// chooseBands picks bands × rows ≤ hashes for a threshold: among the
// layouts that make a pair at the threshold a candidate with probability at
// least minRecall, the one with the smallest false-candidate area
// ∫₀ᵗ P(s) ds (the area-under-the-S-curve criterion of the book cited at
// candidateProb; the integral by the midpoint rule on 200 steps). At the
// default threshold 0.8 and 128 hashes that is 13 bands of 7 rows (91
// hashes used), which makes a pair at 0.8 a candidate with probability
// 0.953, one at 0.9 with 0.9998, one at 0.5 with 0.097 and one at 0.3 with
// 0.0028 (all from candidateProb).
func chooseBands(t float64, hashes int) (bands, rows int) {
	key := layoutKey{t, hashes}
	layouts.Lock()
	l, ok := layouts.m[key]
	layouts.Unlock()
	if ok {
		return l[0], l[1]
	}
	defer func() {
		layouts.Lock()
		if len(layouts.m) < 64 { // a few option sets per run, not an unbounded cache
			layouts.m[key] = [2]int{bands, rows}
		}
		layouts.Unlock()
	}()

	bestArea := math.Inf(1)
	bands, rows = hashes, 1 // the most permissive layout, if nothing qualifies
	for b := 1; b <= hashes; b++ {
		// For a fixed number of bands, more rows lower both the recall and
		// the area, so only the most rows that keep the recall can win.
		r := hashes / b
		for r > 0 && candidateProb(t, b, r) < minRecall {
			r--
		}
		if r == 0 {
			continue
		}
		const steps = 200
		area := 0.0
		for i := range steps {
			s := t * (float64(i) + 0.5) / steps
			area += candidateProb(s, b, r)
		}
		area *= t / steps
		if area < bestArea-1e-12 {
			bestArea, bands, rows = area, b, r
		}
	}
	return bands, rows
}

// layouts caches chooseBands, which costs milliseconds: Find is also called
// on a handful of texts at a time.
var layouts = struct {
	sync.Mutex
	m map[layoutKey][2]int
}{m: make(map[layoutKey][2]int)}

type layoutKey struct {
	t      float64
	hashes int
}

// seedWord spreads the caller's seed over 64 bits so that seeds 1 and 2
// give unrelated hashes.
func seedWord(seed int64) uint64 {
	return mix64(uint64(seed) + 0x9e3779b97f4a7c15)
}
