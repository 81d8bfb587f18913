package stats

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"

	"gonum.org/v1/gonum/stat/distuv"
)

// Level95 is the confidence level of every interval the package reports.
const Level95 = 0.95

// MeanEstimate is a mean with its spread and a 95% interval. Fields that
// cannot be computed (no answers, or only one) are NaN.
type MeanEstimate struct {
	N    int     // observations used (non-missing)
	SumW float64 // sum of their weights (= N when unweighted)
	Mean float64
	// SD is the sample standard deviation (divisor n−1). Weighted, it is the
	// square root of survey::svyvar: n/(n−1)·Σw(y−ȳ)²/Σw.
	SD float64
	// SE is SD/√n unweighted; weighted it is the linearisation SE of
	// survey::svymean with ids=~1 (with replacement, weights fixed):
	// √(n/(n−1)·Σ(w_i(y_i−ȳ_w))²)/Σw (oracle README, case03 se_formula).
	SE     float64
	DF     int     // n−1, the degrees of freedom of the t interval
	CILow  float64 // ȳ − t(0.975, n−1)·SE
	CIHigh float64 // ȳ + t(0.975, n−1)·SE
}

// NormalCI returns mean ± z·SE with z the standard normal quantile for the
// level (what survey's confint(svymean(...)) prints).
func (m MeanEstimate) NormalCI(level float64) (lo, hi float64) {
	z := zQuantile(level)
	return m.Mean - z*m.SE, m.Mean + z*m.SE
}

// Mean is the unweighted mean of y, skipping NaN (missing) values, with the
// t interval of R's t.test.
func Mean(y []float64) MeanEstimate {
	est, _ := WeightedMean(y, nil)
	return est
}

// WeightedMean is the weighted mean of y with linearisation SE; NaN values
// of y are missing and skipped. A nil w is the unweighted case (sample SD,
// SE = SD/√n, which the weighted formulas reduce to when every w is 1).
func WeightedMean(y, w []float64) (MeanEstimate, error) {
	ww, _, err := weights(w, len(y))
	if err != nil {
		return MeanEstimate{}, err
	}
	est := MeanEstimate{Mean: math.NaN(), SD: math.NaN(), SE: math.NaN(), CILow: math.NaN(), CIHigh: math.NaN()}
	var sw, swy float64
	for i, v := range y {
		if math.IsNaN(v) {
			continue
		}
		if math.IsInf(v, 0) {
			return MeanEstimate{}, fmt.Errorf("observation %d is infinite", i)
		}
		est.N++
		sw += ww[i]
		swy += ww[i] * v
	}
	est.SumW = sw
	if est.N == 0 || sw == 0 {
		return est, nil
	}
	mean := swy / sw
	est.Mean = mean
	if est.N < 2 {
		return est, nil
	}
	n := float64(est.N)
	var ss, sz2 float64
	for i, v := range y {
		if math.IsNaN(v) {
			continue
		}
		d := v - mean
		ss += ww[i] * d * d
		z := ww[i] * d
		sz2 += z * z
	}
	est.SD = math.Sqrt(n / (n - 1) * ss / sw)
	est.SE = math.Sqrt(n/(n-1)*sz2) / sw
	est.DF = est.N - 1
	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(est.DF)}.Quantile(0.5 + Level95/2)
	est.CILow = mean - t*est.SE
	est.CIHigh = mean + t*est.SE
	return est, nil
}

// zQuantile is the two-sided standard normal critical value for level.
func zQuantile(level float64) float64 {
	if !(level > 0 && level < 1) {
		return math.NaN()
	}
	return distuv.UnitNormal.Quantile(0.5 + level/2)
}

// Wilson is the Wilson score interval for k successes out of n (R's
// prop.test(k, n, correct = FALSE)$conf.int; case06 top2_wilson_ci95).
// k and n may be weighted or effective sizes. It returns NaNs when n <= 0.
func Wilson(k, n, level float64) (lo, hi float64) {
	if !(n > 0) || k < 0 || k > n {
		return math.NaN(), math.NaN()
	}
	z := zQuantile(level)
	p := k / n
	z2 := z * z
	centre := (p + z2/(2*n)) / (1 + z2/n)
	half := z / (1 + z2/n) * math.Sqrt(p*(1-p)/n+z2/(4*n*n))
	return math.Max(0, centre-half), math.Min(1, centre+half)
}

// ClopperPearson is the exact binomial interval (R's binom.test; case06
// top2_clopper_pearson_ci95), from beta quantiles.
func ClopperPearson(k, n int, level float64) (lo, hi float64) {
	if n <= 0 || k < 0 || k > n || !(level > 0 && level < 1) {
		return math.NaN(), math.NaN()
	}
	alpha := 1 - level
	lo, hi = 0, 1
	if k > 0 {
		lo = distuv.Beta{Alpha: float64(k), Beta: float64(n - k + 1)}.Quantile(alpha / 2)
	}
	if k < n {
		hi = distuv.Beta{Alpha: float64(k + 1), Beta: float64(n - k)}.Quantile(1 - alpha/2)
	}
	return lo, hi
}

// Median is R's median(): the middle value, or the mean of the two middle
// values, of the non-NaN values. NaN when there are none.
func Median(y []float64) float64 {
	v := make([]float64, 0, len(y))
	for _, x := range y {
		if !math.IsNaN(x) {
			v = append(v, x)
		}
	}
	if len(v) == 0 {
		return math.NaN()
	}
	sort.Float64s(v)
	h := len(v) / 2
	if len(v)%2 == 1 {
		return v[h]
	}
	return (v[h-1] + v[h]) / 2
}

// WeightedMedian is the smallest y whose weighted cumulative share reaches
// one half: the inverse of the weighted ECDF without interpolation, as
// survey::svyquantile(qrule = "hf1") (case03 weighted_median_svyquantile).
func WeightedMedian(y, w []float64) (float64, error) {
	ww, _, err := weights(w, len(y))
	if err != nil {
		return math.NaN(), err
	}
	// The cumulative share runs over the answers sorted by value, ties in
	// input order (as R's stable order() gives them), so that the weights
	// are summed in the same order every time. Answers take few distinct
	// values (a 5-point scale, ages in years): they are put in order with
	// a counting sort, one bucket per value, which is the same order
	// without comparing answers (sort.SliceStable over a million answers'
	// indices took a quarter of a second).
	if m, ok := medianByValue(y, ww); ok {
		return m, nil
	}
	type obs struct {
		y float64
		i int
	}
	xs := make([]obs, 0, len(y))
	var total float64
	for i, x := range y {
		if !math.IsNaN(x) {
			xs = append(xs, obs{x, i})
			total += ww[i]
		}
	}
	if len(xs) == 0 || total == 0 {
		return math.NaN(), nil
	}
	slices.SortFunc(xs, func(a, b obs) int {
		switch {
		case a.y < b.y:
			return -1
		case a.y > b.y:
			return 1
		}
		return cmp.Compare(a.i, b.i)
	})
	var cum float64
	for _, o := range xs {
		cum += ww[o.i]
		if cum >= total/2 {
			return o.y, nil
		}
	}
	return xs[len(xs)-1].y, nil
}

// maxMedianValues is how many distinct values medianByValue buckets before
// WeightedMedian sorts instead.
const maxMedianValues = 4096

// medianByValue is WeightedMedian by a counting sort of the answers on
// their distinct values; ok is false when there are more than
// maxMedianValues of them. 0 and −0 share a bucket, as they tie in a sort.
func medianByValue(y, ww []float64) (float64, bool) {
	slot := map[float64]int32{}
	var vals []float64
	var counts []int32
	bucket := make([]int32, len(y)) // −1 = missing
	var total float64
	for i, x := range y {
		if math.IsNaN(x) {
			bucket[i] = -1
			continue
		}
		b, ok := slot[x]
		if !ok {
			if len(vals) == maxMedianValues {
				return 0, false
			}
			b = int32(len(vals))
			slot[x] = b
			vals = append(vals, x)
			counts = append(counts, 0)
		}
		bucket[i] = b
		counts[b]++
		total += ww[i]
	}
	if len(vals) == 0 || total == 0 {
		return math.NaN(), true
	}
	// Buckets in order of value; each starts where the smaller ones end.
	byValue := make([]int32, len(vals))
	for b := range byValue {
		byValue[b] = int32(b)
	}
	slices.SortFunc(byValue, func(a, b int32) int { return cmp.Compare(vals[a], vals[b]) })
	start := make([]int32, len(vals))
	var at int32
	for _, b := range byValue {
		start[b] = at
		at += counts[b]
	}
	order := make([]int32, at)
	for i, b := range bucket {
		if b >= 0 {
			order[start[b]] = int32(i)
			start[b]++
		}
	}
	var cum float64
	for _, i := range order {
		cum += ww[i]
		if cum >= total/2 {
			return y[i], true
		}
	}
	return y[order[len(order)-1]], true
}

// DesignEffect summarises how much unequal weights cost in precision.
type DesignEffect struct {
	N    int     // respondents
	Deff float64 // Kish deff = n·Σw²/(Σw)² (= 1 + CV² of the weights)
	Deft float64 // √deff, the factor on standard errors
	NEff float64 // effective sample size (Σw)²/Σw² = n/deff
}

// Kish computes Kish's design effect of weights w (oracle README; case02
// kish_deff, kish_deft, n_eff). Empty or all-zero weights give NaNs.
func Kish(w []float64) DesignEffect {
	d := DesignEffect{N: len(w)}
	var s, s2 float64
	for _, x := range w {
		s += x
		s2 += x * x
	}
	if len(w) == 0 || s2 == 0 {
		d.Deff, d.Deft, d.NEff = math.NaN(), math.NaN(), math.NaN()
		return d
	}
	d.Deff = float64(len(w)) * s2 / (s * s)
	d.Deft = math.Sqrt(d.Deff)
	d.NEff = s * s / s2
	return d
}
