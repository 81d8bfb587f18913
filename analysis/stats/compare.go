package stats

import (
	"fmt"
	"math"
)

// GOF is a χ² goodness-of-fit test of a sample's composition against the
// population's (e.g. respondents by district against the resident register).
type GOF struct {
	N        float64   // respondents counted
	Expected []float64 // n·population share
	Chi2     float64   // Σ(O−E)²/E
	DF       int       // categories − 1
	P        float64
	// SmallExpected is set when some E < 5 (the χ² approximation is rough).
	SmallExpected bool
}

// GoodnessOfFit compares observed counts with population counts (or shares;
// only their proportions matter), as R's chisq.test(observed, p = pop,
// rescale.p = TRUE).
func GoodnessOfFit(observed, population []float64) (*GOF, error) {
	k := len(observed)
	if k != len(population) {
		return nil, fmt.Errorf("goodness of fit: %d observed categories, %d population", k, len(population))
	}
	if k < 2 {
		return nil, fmt.Errorf("goodness of fit: %w", ErrNotTestable)
	}
	var n, pt float64
	for i := range observed {
		o, p := observed[i], population[i]
		if math.IsNaN(o) || math.IsInf(o, 0) || o < 0 || math.IsNaN(p) || math.IsInf(p, 0) || p < 0 {
			return nil, fmt.Errorf("goodness of fit: category %d: observed %v, population %v", i, o, p)
		}
		if p == 0 && o > 0 {
			return nil, fmt.Errorf("goodness of fit: category %d has respondents but no population", i)
		}
		n += o
		pt += p
	}
	if n == 0 || pt == 0 {
		return nil, fmt.Errorf("goodness of fit: %w", ErrNotTestable)
	}
	g := &GOF{N: n, Expected: make([]float64, k), DF: k - 1}
	for i := range observed {
		e := n * population[i] / pt
		g.Expected[i] = e
		if e > 0 {
			d := observed[i] - e
			g.Chi2 += d * d / e
		}
		if e < 5 {
			g.SmallExpected = true
		}
	}
	g.P = chiSurvival(g.Chi2, g.DF)
	return g, nil
}

// TwoProp compares two proportions, typically one item in two waves.
type TwoProp struct {
	P1, P2 float64 // the proportions (0–1)
	Diff   float64 // P1 − P2
	// CILow, CIHigh are the 95% Wald interval of the difference with
	// unpooled variance, as R's prop.test(correct = FALSE)$conf.int.
	CILow, CIHigh float64
	// Z is the pooled-variance z statistic; Z² is prop.test's X-squared.
	Z float64
	P float64 // two-sided p-value of Z
}

// TwoProportions compares x1 of n1 with x2 of n2. The sizes may be
// fractional: for weighted estimates pass p·n_eff and n_eff (Kish), which
// keeps the test honest about the weights' cost.
func TwoProportions(x1, n1, x2, n2 float64) (*TwoProp, error) {
	for _, v := range []float64{x1, n1, x2, n2} {
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
			return nil, fmt.Errorf("two proportions: %v is not a finite non-negative number", v)
		}
	}
	if n1 == 0 || n2 == 0 || x1 > n1 || x2 > n2 {
		return nil, fmt.Errorf("two proportions: need 0 <= x <= n and n > 0 (got %v/%v, %v/%v)", x1, n1, x2, n2)
	}
	t := &TwoProp{P1: x1 / n1, P2: x2 / n2}
	t.Diff = t.P1 - t.P2
	z := zQuantile(Level95)
	se := math.Sqrt(t.P1*(1-t.P1)/n1 + t.P2*(1-t.P2)/n2)
	t.CILow = math.Max(-1, t.Diff-z*se)
	t.CIHigh = math.Min(1, t.Diff+z*se)
	pool := (x1 + x2) / (n1 + n2)
	sp := math.Sqrt(pool * (1 - pool) * (1/n1 + 1/n2))
	if sp == 0 {
		t.Z, t.P = 0, 1
		if t.Diff != 0 {
			t.Z, t.P = math.Copysign(math.Inf(1), t.Diff), 0
		}
		return t, nil
	}
	t.Z = t.Diff / sp
	t.P = NormalTwoSided(t.Z)
	return t, nil
}
