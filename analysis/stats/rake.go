package stats

import (
	"errors"
	"fmt"
	"math"
)

// ErrNotConverged reports raking that did not reach its tolerance within
// the allowed sweeps. Rake still returns its last weights with it.
var ErrNotConverged = errors.New("raking did not converge")

// Margin is one raking variable: the respondents' categories and the
// population count of each category.
type Margin struct {
	Name   string    // question id, for messages
	Labels []string  // category labels, for messages (optional)
	Cat    []int     // per respondent: category index, or −1 when missing
	Target []float64 // population count per category
}

func (m *Margin) label(k int) string {
	if k < len(m.Labels) && m.Labels[k] != "" {
		return m.Labels[k]
	}
	return fmt.Sprintf("#%d", k+1)
}

// RakeOptions tune Rake. Zero values pick the defaults.
type RakeOptions struct {
	// Tol is the largest allowed |achieved share − population share| over
	// every category of every margin (default 1e-10).
	Tol float64
	// MaxIter bounds the full sweeps over the margins (default 1000).
	MaxIter int
	// TrimMin and TrimMax, when positive, bound each weight to
	// [TrimMin, TrimMax] × the mean weight after every sweep. Trimmed weights
	// no longer meet the margins exactly; Rake reports ErrNotConverged when
	// the two cannot be reconciled within Tol.
	TrimMin, TrimMax float64
}

// Raking is the result of Rake.
type Raking struct {
	// Weights sum to the population total (the first margin's total), as
	// survey::rake's do (case02 raked_weights).
	Weights []float64
	// Mean1 are the same weights divided by their mean: they sum to n
	// (ウェイトバック weights; case02 raked_weights_normalised_mean1).
	Mean1      []float64
	Iterations int     // sweeps made
	Converged  bool    // MaxError <= Tol
	MaxError   float64 // largest |achieved − population share| at the end
	Trimmed    int     // weights sitting on a trimming bound at the end
	Kish       DesignEffect
	// Notes say, in Japanese, what the analyst should know (margins whose
	// totals disagree, respondents with missing raking variables).
	Notes []string
}

// Rake adjusts base weights (nil = all 1) by iterative proportional fitting
// so that the weighted share of every category of every margin equals its
// population share (Deming & Stephan 1940; the fixed point survey::rake
// reaches, case02).
//
// Respondents missing a margin's variable keep their weight in that
// margin's step, and the shares are imposed on the respondents who did
// answer it: the missing group's weight total is held where the other
// margins put it. When margins' totals disagree, each is used as shares and
// the result is scaled to the first margin's total (a note says so).
//
// Rake fails when a category has population but no respondents (its share
// cannot be reached), when a category has respondents but zero population,
// and on malformed input.
func Rake(base []float64, margins []Margin, opts RakeOptions) (*Raking, error) {
	if len(margins) == 0 {
		return nil, errors.New("weighting: no margins")
	}
	n := len(margins[0].Cat)
	w0, _, err := weights(base, n)
	if err != nil {
		return nil, fmt.Errorf("weighting: base weights: %w", err)
	}
	if opts.Tol <= 0 {
		opts.Tol = 1e-10
	}
	if opts.MaxIter <= 0 {
		opts.MaxIter = 1000
	}
	if opts.TrimMax > 0 && opts.TrimMin > opts.TrimMax {
		return nil, fmt.Errorf("weighting: trimming bounds %v > %v", opts.TrimMin, opts.TrimMax)
	}
	res := &Raking{}
	shares := make([][]float64, len(margins))
	var popTotal float64
	for mi := range margins {
		m := &margins[mi]
		if len(m.Cat) != n {
			return nil, fmt.Errorf("weighting %s: %d respondents, margin %s has %d", margins[0].Name, n, m.Name, len(m.Cat))
		}
		var total float64
		for k, t := range m.Target {
			if math.IsNaN(t) || math.IsInf(t, 0) || t < 0 {
				return nil, fmt.Errorf("weighting %s: category %s: population %v is not a finite non-negative number", m.Name, m.label(k), t)
			}
			total += t
		}
		if total == 0 {
			return nil, fmt.Errorf("weighting %s: population total is 0", m.Name)
		}
		count := make([]int, len(m.Target))
		cw := make([]float64, len(m.Target))
		missing := 0
		for i, k := range m.Cat {
			if k == -1 {
				missing++
				continue
			}
			if k < 0 || k >= len(m.Target) {
				return nil, fmt.Errorf("weighting %s: respondent %d: category %d out of range [0,%d)", m.Name, i, k, len(m.Target))
			}
			count[k]++
			cw[k] += w0[i]
		}
		if missing == n {
			return nil, fmt.Errorf("weighting %s: no respondent answered it", m.Name)
		}
		for k, t := range m.Target {
			switch {
			case t > 0 && cw[k] == 0:
				return nil, fmt.Errorf("weighting %s: category %s has population %v but no respondents (merge it with a neighbouring category)", m.Name, m.label(k), t)
			case t == 0 && count[k] > 0:
				return nil, fmt.Errorf("weighting %s: category %s has %d respondents but population 0", m.Name, m.label(k), count[k])
			}
		}
		if missing > 0 {
			res.Notes = append(res.Notes, fmt.Sprintf("%sが無回答の%d人は、%sの補正では重みを変えていない。", m.Name, missing, m.Name))
		}
		shares[mi] = make([]float64, len(m.Target))
		for k, t := range m.Target {
			shares[mi][k] = t / total
		}
		if mi == 0 {
			popTotal = total
		} else if math.Abs(total-popTotal) > 1e-9*popTotal {
			res.Notes = append(res.Notes, fmt.Sprintf("%sの母集団合計（%g）が%sの合計（%g）と異なるため、構成比として使い、%sの合計に合わせた。", m.Name, total, margins[0].Name, popTotal, margins[0].Name))
		}
	}

	w := append([]float64(nil), w0...)
	sums := make([][]float64, len(margins))
	for mi := range margins {
		sums[mi] = make([]float64, len(margins[mi].Target))
	}
	measure := func() float64 {
		worst := 0.0
		for mi := range margins {
			s := sums[mi]
			clear(s)
			var known float64
			for i, k := range margins[mi].Cat {
				if k >= 0 {
					s[k] += w[i]
					known += w[i]
				}
			}
			for k := range s {
				worst = math.Max(worst, math.Abs(s[k]/known-shares[mi][k]))
			}
		}
		return worst
	}
	for res.Iterations < opts.MaxIter {
		res.Iterations++
		for mi := range margins {
			m := &margins[mi]
			s := sums[mi]
			clear(s)
			var known float64
			for i, k := range m.Cat {
				if k >= 0 {
					s[k] += w[i]
					known += w[i]
				}
			}
			for k := range s {
				if s[k] > 0 {
					s[k] = shares[mi][k] * known / s[k]
				}
			}
			for i, k := range m.Cat {
				if k >= 0 {
					w[i] *= s[k]
				}
			}
		}
		if opts.TrimMin > 0 || opts.TrimMax > 0 {
			res.Trimmed = trim(w, opts.TrimMin, opts.TrimMax)
		}
		res.MaxError = measure()
		if res.MaxError <= opts.Tol {
			res.Converged = true
			break
		}
	}
	var sw float64
	for _, x := range w {
		sw += x
	}
	res.Weights = make([]float64, n)
	res.Mean1 = make([]float64, n)
	for i, x := range w {
		res.Weights[i] = x / sw * popTotal
		res.Mean1[i] = x / sw * float64(n)
	}
	res.Kish = Kish(res.Weights)
	if !res.Converged {
		return res, fmt.Errorf("weighting: %w after %d sweeps (largest share error %.3g)", ErrNotConverged, res.Iterations, res.MaxError)
	}
	return res, nil
}

// trim clamps w to [lo, hi] × its mean (a bound <= 0 is off) and returns how
// many weights sit on a bound. Clamping moves the mean, so it repeats until
// the bounds hold for the final mean.
func trim(w []float64, lo, hi float64) int {
	c := 0
	for range 100 {
		var s float64
		for _, x := range w {
			s += x
		}
		mean := s / float64(len(w))
		c = 0
		moved := false
		for i, x := range w {
			switch {
			case lo > 0 && x > 0 && x <= lo*mean:
				moved = moved || x < lo*mean*(1-1e-12)
				w[i] = lo * mean
				c++
			case hi > 0 && x >= hi*mean:
				moved = moved || x > hi*mean*(1+1e-12)
				w[i] = hi * mean
				c++
			}
		}
		if !moved {
			break
		}
	}
	return c
}

// CalibratedMeanSE is the standard error of the weighted mean of y after
// raking w to margins, allowing for the raking: the linearised values
// z = w(y−ȳ_w)/Σw are repeatedly replaced by their residuals from the
// margins' category means, z ← z − w·ave(z/w, category), for 10 sweeps, and
// V = n/(n−1)·Σ(z−z̄)² (survey 4.1 svyrecvar on a raked design; oracle
// README; case02 se_calibration_aware).
//
// NaN values of y are missing: those respondents carry z = 0 (domain
// estimation) but still take part in the calibration sweeps. Respondents
// missing a margin's variable form a category of their own there, matching
// Rake, which holds their weight total fixed.
func CalibratedMeanSE(y, w []float64, margins []Margin) (float64, error) {
	n := len(y)
	if len(w) != n {
		return math.NaN(), fmt.Errorf("calibrated se: %d values, %d weights", n, len(w))
	}
	var sw, swy float64
	answered := 0
	for i, v := range y {
		if math.IsNaN(w[i]) || math.IsInf(w[i], 0) || !(w[i] > 0) {
			return math.NaN(), fmt.Errorf("calibrated se: respondent %d: weight %v is not positive", i, w[i])
		}
		if math.IsNaN(v) {
			continue
		}
		answered++
		sw += w[i]
		swy += w[i] * v
	}
	if answered < 2 || n < 2 {
		return math.NaN(), nil
	}
	mean := swy / sw
	z := make([]float64, n)
	for i, v := range y {
		if !math.IsNaN(v) {
			z[i] = w[i] * (v - mean) / sw
		}
	}
	for _, m := range margins {
		if len(m.Cat) != n {
			return math.NaN(), fmt.Errorf("calibrated se: margin %s has %d respondents, want %d", m.Name, len(m.Cat), n)
		}
		for i, k := range m.Cat {
			if k < -1 || k >= len(m.Target) {
				return math.NaN(), fmt.Errorf("calibrated se: margin %s: respondent %d: category %d out of range", m.Name, i, k)
			}
		}
	}
	// survey's svyrecvar stops after 10 sweeps (it does not test for
	// convergence); doing the same reproduces its numbers.
	for range 10 {
		for _, m := range margins {
			K := len(m.Target) + 1 // last slot: missing
			sum := make([]float64, K)
			cnt := make([]float64, K)
			for i, k := range m.Cat {
				if k < 0 {
					k = K - 1
				}
				sum[k] += z[i] / w[i]
				cnt[k]++
			}
			for i, k := range m.Cat {
				if k < 0 {
					k = K - 1
				}
				z[i] -= w[i] * sum[k] / cnt[k]
			}
		}
	}
	var zbar float64
	for _, x := range z {
		zbar += x
	}
	zbar /= float64(n)
	var ss float64
	for _, x := range z {
		ss += (x - zbar) * (x - zbar)
	}
	return math.Sqrt(float64(n) / float64(n-1) * ss), nil
}
