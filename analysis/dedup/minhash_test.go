package dedup

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestJaccard(t *testing.T) {
	const tol = 1e-12
	tests := []struct {
		name string
		a, b string
		want float64
	}{
		// バスの本数を増やしてほしい has 13 characters, so 11 shingles;
		// バスの運賃を下げてほしい has 12, so 10. They share バスの, てほし
		// and ほしい: 3 / (11 + 10 − 3) = 1/6. Same topic, different
		// request: far below any sensible threshold.
		{"same topic, different request", "バスの本数を増やしてほしい", "バスの運賃を下げてほしい", 1.0 / 6},
		// Only punctuation and spaces differ: the shingles skip both.
		{"punctuation only", "バスの本数を、増やしてほしい！", "バスの本数を増やして ほしい。", 1},
		// 15 characters, 13 shingles each; バス→電車 replaces バスの and
		// スの本 by 電車の and 車の本: 11 / (13 + 13 − 11) = 11/15.
		{"one word of a short answer", "バスの本数を増やしてほしいです", "電車の本数を増やしてほしいです", 11.0 / 15},
		// Shorter than the shingle: the whole text is the one shingle.
		{"shorter than a shingle, same", "駅", "駅。", 1},
		{"shorter than a shingle, different", "駅", "道", 0},
		{"both empty", "。", "", 1},
		{"one empty", "", "バス", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Jaccard(tt.a, tt.b, 3); math.Abs(got-tt.want) > tol {
				t.Errorf("Jaccard(%q, %q) = %.15f, want %.15f (±%g)", tt.a, tt.b, got, tt.want, tol)
			}
			if got, back := Jaccard(tt.a, tt.b, 3), Jaccard(tt.b, tt.a, 3); got != back {
				t.Errorf("not symmetric: %v and %v", got, back)
			}
		})
	}
}

func TestChooseBands(t *testing.T) {
	const tol = 5e-4
	tests := []struct {
		name        string
		t           float64
		hashes      int
		bands, rows int
		atT         float64 // candidateProb at the threshold, from 1 − (1 − tʳ)ᵇ by hand
	}{
		// 1 − (1 − 0.8⁷)¹³ = 1 − (1 − 0.2097152)¹³ = 0.9531.
		{"default", 0.8, 128, 13, 7, 0.9531},
		// Identical sets only: every row must agree, one band of all 128.
		{"threshold 1", 1, 128, 1, 128, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, r := chooseBands(tt.t, tt.hashes)
			if b != tt.bands || r != tt.rows {
				t.Fatalf("chooseBands(%v, %d) = %d×%d, want %d×%d", tt.t, tt.hashes, b, r, tt.bands, tt.rows)
			}
			if p := candidateProb(tt.t, b, r); math.Abs(p-tt.atT) > tol {
				t.Errorf("candidateProb(%v) = %.4f, want %.4f (±%g)", tt.t, p, tt.atT, tol)
			}
		})
	}
	// Every threshold Find accepts gets a layout that meets minRecall.
	for th := minThreshold; th <= 1; th += 0.05 {
		b, r := chooseBands(th, defaultHashes)
		if b*r > defaultHashes || candidateProb(th, b, r) < minRecall {
			t.Errorf("threshold %.2f: %d×%d gives %.3f", th, b, r, candidateProb(th, b, r))
		}
	}
}

func TestJaccardAtLeast(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	randSet := func() []uint32 {
		s := make([]uint32, rng.IntN(30))
		for i := range s {
			s[i] = uint32(rng.IntN(40)) // a small universe, so sets overlap
		}
		return setOf(s)
	}
	for i := range 2000 {
		a, b := randSet(), randSet()
		for _, th := range []float64{0.5, 0.6, 2.0 / 3, 0.8, 0.9, 1} {
			want := jaccardSets(a, b) >= th
			if got := jaccardAtLeast(a, b, th); got != want {
				t.Fatalf("case %d, t=%v: jaccardAtLeast = %v, jaccardSets = %v (%v vs %v)", i, th, got, jaccardSets(a, b), a, b)
			}
		}
	}
}

func TestRadixSortHigh32(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 2, 100, 70000} {
		a := make([]uint64, n)
		for i := range a {
			// Few distinct keys, so runs are long and stability shows; the
			// low half is the position, as findNear builds it.
			a[i] = uint64(rng.Uint32()%50)<<32 | uint64(i)
		}
		want := slices.Clone(a)
		slices.Sort(want) // key then position: exactly a stable sort by key
		got := radixSortHigh32(a, make([]uint64, n))
		if !slices.Equal(got, want) {
			t.Errorf("n=%d: radix sort differs from a stable sort", n)
		}
	}
}

func TestSplitRuns(t *testing.T) {
	a := []uint64{1 << 32, 1 << 32, 1 << 32, 2 << 32, 3 << 32, 3 << 32, 4 << 32}
	for n := 1; n <= 8; n++ {
		pieces := splitRuns(a, n)
		if len(pieces) > n {
			t.Errorf("n=%d: %d pieces", n, len(pieces))
		}
		var all []uint64
		for i, p := range pieces {
			if len(p) == 0 {
				t.Errorf("n=%d: empty piece %d", n, i)
			}
			if i > 0 && p[0]>>32 == pieces[i-1][len(pieces[i-1])-1]>>32 {
				t.Errorf("n=%d: a run is split between pieces %d and %d", n, i-1, i)
			}
			all = append(all, p...)
		}
		if !slices.Equal(all, a) {
			t.Errorf("n=%d: pieces do not cover the band", n)
		}
	}
}
