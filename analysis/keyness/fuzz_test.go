package keyness

import (
	"math"
	"testing"
)

// FuzzLogLikelihood holds the statistic to its invariants on any counts:
// no panic, NaN exactly for impossible tables, otherwise G² ≥ 0 and finite,
// p in [0, 1], and the same answer with the rows swapped.
func FuzzLogLikelihood(f *testing.F) {
	for _, tc := range rG2 {
		f.Add(tc.a, tc.n1, tc.c, tc.n2)
	}
	f.Add(0, 0, 0, 0)
	f.Add(1<<30, 1<<30, 0, 1<<30)
	f.Fuzz(func(t *testing.T, a, n1, c, n2 int) {
		const limit = 1 << 40 // far beyond any survey; keeps n1+n2 from overflowing
		if n1 > limit || n2 > limit || n1 < -limit || n2 < -limit {
			t.Skip()
		}
		g2, p := LogLikelihood(a, n1, c, n2)
		possible := a >= 0 && c >= 0 && a <= n1 && c <= n2
		if !possible {
			if !math.IsNaN(g2) || !math.IsNaN(p) {
				t.Fatalf("LogLikelihood(%d, %d, %d, %d) = %v, %v, want NaN", a, n1, c, n2, g2, p)
			}
			return
		}
		if math.IsNaN(g2) || math.IsInf(g2, 0) || g2 < 0 || math.IsNaN(p) || p < 0 || p > 1 {
			t.Fatalf("LogLikelihood(%d, %d, %d, %d) = %v, %v", a, n1, c, n2, g2, p)
		}
		g2r, pr := LogLikelihood(c, n2, a, n1)
		if math.Abs(g2r-g2) > 1e-9*math.Max(1, g2) || math.Abs(pr-p) > 1e-9 {
			t.Fatalf("rows swapped: %v, %v against %v, %v", g2r, pr, g2, p)
		}
	})
}
