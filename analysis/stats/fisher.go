package stats

import (
	"errors"
	"fmt"
	"math"
)

// Fisher is Fisher's exact test of a 2×2 table.
type Fisher struct {
	P       float64 // two-sided, as R's fisher.test
	PLess   float64 // alternative "less" (odds ratio < 1)
	PGreat  float64 // alternative "greater" (odds ratio > 1)
	OddsRat float64 // sample odds ratio ad/bc (Inf or NaN with zero cells)
}

// fisherRelErr is the slack R's fisher.test allows when it collects the
// tables "as or less likely" than the observed one, so that tables tied in
// exact arithmetic are not lost to rounding (R stats:::fisher.test,
// relErr <- 1 + 10^(-7)).
const fisherRelErr = 1 + 1e-7

// FisherExact2x2 tests the table [[a, b], [c, d]] with fixed margins. Given
// the margins, a follows the hypergeometric law; the two-sided p-value sums
// the probabilities of every table no more likely than the observed one
// (R fisher.test; case01 t2x2_small fisher_p_*).
func FisherExact2x2(a, b, c, d int) (Fisher, error) {
	if a < 0 || b < 0 || c < 0 || d < 0 {
		return Fisher{}, fmt.Errorf("fisher: negative count in [[%d %d] [%d %d]]", a, b, c, d)
	}
	m := a + c // first column total
	n := b + d // second column total
	k := a + b // first row total
	lo := max(0, k-n)
	hi := min(k, m)
	logp := make([]float64, hi-lo+1)
	best := math.Inf(-1)
	for x := lo; x <= hi; x++ {
		lp := lchoose(m, x) + lchoose(n, k-x) - lchoose(m+n, k)
		logp[x-lo] = lp
		best = math.Max(best, lp)
	}
	// Normalise in the log domain first so large tables do not underflow.
	dens := make([]float64, len(logp))
	var sum float64
	for i, lp := range logp {
		dens[i] = math.Exp(lp - best)
		sum += dens[i]
	}
	for i := range dens {
		dens[i] /= sum
	}
	obs := dens[a-lo]
	var f Fisher
	for i, p := range dens {
		x := lo + i
		if p <= obs*fisherRelErr {
			f.P += p
		}
		if x <= a {
			f.PLess += p
		}
		if x >= a {
			f.PGreat += p
		}
	}
	f.P = math.Min(1, f.P)
	f.PLess = math.Min(1, f.PLess)
	f.PGreat = math.Min(1, f.PGreat)
	f.OddsRat = float64(a) * float64(d) / (float64(b) * float64(c))
	return f, nil
}

// lchoose is log C(n, k).
func lchoose(n, k int) float64 {
	a, _ := math.Lgamma(float64(n) + 1)
	b, _ := math.Lgamma(float64(k) + 1)
	c, _ := math.Lgamma(float64(n-k) + 1)
	return a - b - c
}

// ErrTooManyTables reports an r×c exact test whose enumeration would exceed
// its budget; use the χ² test (or a coarser table) instead.
var ErrTooManyTables = errors.New("too many tables to enumerate for an exact test")

// FisherExact is Fisher's exact test of an r×c table of counts (two-sided:
// the probability, given both margins, of every table no more likely than
// the observed one; R's fisher.test, case01 t4x3_zero_row.reduced
// fisher_p_two_sided_rxc). All-zero rows and columns are ignored. 2×2
// tables go to FisherExact2x2; larger ones are enumerated, at most
// maxTables of them (ErrTooManyTables beyond), and only P is set.
func FisherExact(table [][]int, maxTables int) (Fisher, error) {
	var rows [][]int
	for i, r := range table {
		if len(r) != len(table[0]) {
			return Fisher{}, fmt.Errorf("fisher: row %d has %d cells, row 0 has %d", i, len(r), len(table[0]))
		}
		s := 0
		for _, x := range r {
			if x < 0 {
				return Fisher{}, fmt.Errorf("fisher: negative count %d in row %d", x, i)
			}
			s += x
		}
		if s > 0 {
			rows = append(rows, r)
		}
	}
	if len(rows) == 0 {
		return Fisher{}, ErrNotTestable
	}
	var keep []int
	for j := range rows[0] {
		for _, r := range rows {
			if r[j] > 0 {
				keep = append(keep, j)
				break
			}
		}
	}
	if len(rows) < 2 || len(keep) < 2 {
		return Fisher{}, ErrNotTestable
	}
	R, C := len(rows), len(keep)
	if R == 2 && C == 2 {
		return FisherExact2x2(rows[0][keep[0]], rows[0][keep[1]], rows[1][keep[0]], rows[1][keep[1]])
	}
	rowT := make([]int, R)
	colT := make([]int, C)
	var sObs float64
	for i, r := range rows {
		for b, j := range keep {
			rowT[i] += r[j]
			colT[b] += r[j]
			sObs += lfact(r[j])
		}
	}
	// P(table) ∝ 1/Πn_ij!, so a table is no more likely than the observed
	// one when Σ log n_ij! ≥ that of the observed, up to R's relative slack.
	limit := sObs - math.Log(fisherRelErr)
	// log P(table) = K − Σ log n_ij!: every term is ≤ 1, so nothing overflows.
	K := -lfact(sumInts(rowT))
	for _, t := range rowT {
		K += lfact(t)
	}
	for _, t := range colT {
		K += lfact(t)
	}
	var all, tail float64
	count := 0
	rem := append([]int(nil), rowT...)
	var walk func(j, i, colRem int, s float64) bool
	walk = func(j, i, colRem int, s float64) bool {
		if j == C-1 {
			// The last column is forced by what the rows still need.
			for _, x := range rem {
				s += lfact(x)
			}
			count++
			if count > maxTables {
				return false
			}
			p := math.Exp(K - s)
			all += p
			if s >= limit {
				tail += p
			}
			return true
		}
		if i == R-1 {
			if colRem > rem[i] {
				return true
			}
			rem[i] -= colRem
			ok := walk(j+1, 0, colT[j+1], s+lfact(colRem))
			rem[i] += colRem
			return ok
		}
		rest := 0
		for k := i + 1; k < R; k++ {
			rest += rem[k]
		}
		for x := max(0, colRem-rest); x <= min(colRem, rem[i]); x++ {
			rem[i] -= x
			ok := walk(j, i+1, colRem-x, s+lfact(x))
			rem[i] += x
			if !ok {
				return false
			}
		}
		return true
	}
	if !walk(0, 0, colT[0], 0) {
		return Fisher{}, fmt.Errorf("fisher %d×%d, n=%d: %w (more than %d)", R, C, sumInts(rowT), ErrTooManyTables, maxTables)
	}
	return Fisher{P: math.Min(1, tail/all), PLess: math.NaN(), PGreat: math.NaN(), OddsRat: math.NaN()}, nil
}

func lfact(n int) float64 {
	v, _ := math.Lgamma(float64(n) + 1)
	return v
}

func sumInts(x []int) int {
	s := 0
	for _, v := range x {
		s += v
	}
	return s
}
