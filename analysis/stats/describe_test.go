package stats

import (
	"math"
	"math/rand/v2"
	"sort"
	"testing"
)

// TestWeightedMeanCase03 checks the weighted likert mean and top-2 share
// with linearisation SE against survey::svymean
// (testdata/oracles.json → case03_weighted_mean_se.expected.*).
func TestWeightedMeanCase03(t *testing.T) {
	o := loadOracle(t, "oracles.json")
	const c = "case03_weighted_mean_se."
	const e = c + "expected."
	y := o.vec(t, c+"inputs.y_likert")
	w := o.vec(t, c+"inputs.weights")

	est, err := WeightedMean(y, w)
	if err != nil {
		t.Fatal(err)
	}
	checkF(t, "mean", est.Mean, o.f(t, e+"weighted_mean"))
	checkF(t, "se", est.SE, o.f(t, e+"se"))
	checkF(t, "sd² = svyvar", est.SD*est.SD, o.f(t, e+"svyvar_y"))
	tci := o.vec(t, e+"ci95_t_df_n_minus_1")
	checkF(t, "t ci low", est.CILow, tci[0])
	checkF(t, "t ci high", est.CIHigh, tci[1])
	lo, hi := est.NormalCI(Level95)
	checkVec(t, "normal ci", []float64{lo, hi}, o.vec(t, e+"ci95_normal"))

	top := make([]float64, len(y))
	for i, v := range y {
		if v >= 4 {
			top[i] = 1
		}
	}
	te, err := WeightedMean(top, w)
	if err != nil {
		t.Fatal(err)
	}
	checkF(t, "top2", te.Mean, o.f(t, e+"weighted_top2"))
	checkF(t, "top2 se", te.SE, o.f(t, e+"se_top2"))
	lo, hi = te.NormalCI(Level95)
	checkVec(t, "top2 normal ci", []float64{lo, hi}, o.vec(t, e+"ci95_top2_normal"))

	k := Kish(w)
	checkF(t, "kish deff", k.Deff, o.f(t, e+"kish_deff"))
	checkF(t, "n_eff", k.NEff, o.f(t, e+"n_eff"))

	u := Mean(y)
	checkF(t, "unweighted mean", u.Mean, o.f(t, e+"unweighted.mean"))
	checkF(t, "unweighted sd", u.SD, o.f(t, e+"unweighted.sd"))
	checkF(t, "unweighted se", u.SE, o.f(t, e+"unweighted.se"))
	uci := o.vec(t, e+"unweighted.ci95_t")
	checkF(t, "unweighted ci low", u.CILow, uci[0])
	checkF(t, "unweighted ci high", u.CIHigh, uci[1])
	checkF(t, "median", Median(y), o.f(t, e+"unweighted.median"))
	wm, err := WeightedMedian(y, w)
	if err != nil {
		t.Fatal(err)
	}
	checkF(t, "weighted median", wm, o.f(t, e+"weighted_median_svyquantile"))
}

// TestLikertWeightedCase03: Likert on the case03 item, weighted, gives the
// svymean numbers for the score and the top-2 share (case03 expected).
func TestLikertWeightedCase03(t *testing.T) {
	o := loadOracle(t, "oracles.json")
	const c = "case03_weighted_mean_se."
	y := o.vec(t, c+"inputs.y_likert")
	w := o.vec(t, c+"inputs.weights")
	v := &Var{ID: "q", Codes: []string{"5", "4", "3", "2", "1"}, Scores: []float64{5, 4, 3, 2, 1}}
	for _, x := range y {
		v.Values = append(v.Values, []int{5 - int(x)})
	}
	ls, err := Likert(v, w)
	if err != nil {
		t.Fatal(err)
	}
	checkF(t, "mean", ls.Score.Mean, o.f(t, c+"expected.weighted_mean"))
	checkF(t, "se", ls.Score.SE, o.f(t, c+"expected.se"))
	checkF(t, "top2 %", ls.Top2Pct, 100*o.f(t, c+"expected.weighted_top2"))
	checkF(t, "top2 se", ls.Top2SE, o.f(t, c+"expected.se_top2"))
	ci := o.vec(t, c+"expected.ci95_top2_normal")
	checkF(t, "top2 low", ls.Top2Low, ci[0])
	checkF(t, "top2 high", ls.Top2High, ci[1])
	checkF(t, "median", ls.Median, o.f(t, c+"expected.weighted_median_svyquantile"))
}

func TestMeanEdgeCases(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name     string
		y        []float64
		wantN    int
		wantMean float64
	}{
		{"empty", nil, 0, nan},
		{"all missing", []float64{nan, nan}, 0, nan},
		{"one value", []float64{nan, 3}, 1, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := Mean(tc.y)
			if m.N != tc.wantN || !near(m.Mean, tc.wantMean) {
				t.Errorf("n %d mean %v, want %d %v", m.N, m.Mean, tc.wantN, tc.wantMean)
			}
			if !math.IsNaN(m.SE) || !math.IsNaN(m.CILow) {
				t.Errorf("se %v ci %v with fewer than two values", m.SE, m.CILow)
			}
		})
	}
	if _, err := WeightedMean([]float64{1, math.Inf(1)}, nil); err == nil {
		t.Error("infinite value: no error")
	}
	if k := Kish(nil); !math.IsNaN(k.Deff) {
		t.Error("kish of no weights is not NaN")
	}
}

// TestWeightedMedianOrder checks WeightedMedian against its definition,
// worked out the slow way (a stable sort of the indices by value), on
// answers with many ties, missing values, -0 and weights that make the
// cumulative share land exactly on one half.
func TestWeightedMedianOrder(t *testing.T) {
	slow := func(y, w []float64) float64 {
		var idx []int
		var total float64
		for i, x := range y {
			if !math.IsNaN(x) {
				idx = append(idx, i)
				total += w[i]
			}
		}
		if len(idx) == 0 || total == 0 {
			return math.NaN()
		}
		sort.SliceStable(idx, func(a, b int) bool { return y[idx[a]] < y[idx[b]] })
		var cum float64
		for _, i := range idx {
			cum += w[i]
			if cum >= total/2 {
				return y[i]
			}
		}
		return y[idx[len(idx)-1]]
	}
	rng := rand.New(rand.NewPCG(3, 5))
	for trial := range 500 {
		n := 1 + rng.IntN(60)
		y, w := make([]float64, n), make([]float64, n)
		for i := range y {
			switch rng.IntN(8) {
			case 0:
				y[i] = math.NaN()
			case 1:
				y[i] = math.Copysign(0, -1)
			default:
				y[i] = float64(rng.IntN(5))
			}
			w[i] = []float64{1, 0.1, 0.2, 0.3, 2.5, 1e-9}[rng.IntN(6)]
		}
		got, err := WeightedMedian(y, w)
		if err != nil {
			t.Fatal(err)
		}
		want := slow(y, w)
		if !(got == want || math.IsNaN(got) && math.IsNaN(want)) || math.Signbit(got) != math.Signbit(want) {
			t.Fatalf("trial %d: y %v w %v: %v, want %v", trial, y, w, got, want)
		}
	}
	// More distinct values than are bucketed: the sort.
	y, w := make([]float64, 3*maxMedianValues), make([]float64, 3*maxMedianValues)
	for i := range y {
		y[i] = float64(rng.IntN(2*maxMedianValues)) / 7
		w[i] = 0.1 + rng.Float64()
	}
	y[5] = math.NaN()
	if got, want := must(WeightedMedian(y, w)), slow(y, w); got != want {
		t.Errorf("%d distinct values: %v, want %v", 2*maxMedianValues, got, want)
	}
	if got, _ := WeightedMedian([]float64{2, 1, 3, 2}, []float64{1, 1, 1, 1}); got != 2 {
		t.Errorf("median of 1 2 2 3 = %v, want 2", got)
	}
}

// BenchmarkWeightedMedian: a million weighted 5-point answers, one in ten
// missing (a tally of a million-respondent wave finds one per likert and
// number question).
func BenchmarkWeightedMedian(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	y, w := make([]float64, 1_000_000), make([]float64, 1_000_000)
	for i := range y {
		y[i] = float64(1 + rng.IntN(5))
		if rng.IntN(10) == 0 {
			y[i] = math.NaN()
		}
		w[i] = 0.5 + rng.Float64()
	}
	for b.Loop() {
		if _, err := WeightedMedian(y, w); err != nil {
			b.Fatal(err)
		}
	}
}

func must(x float64, err error) float64 {
	if err != nil {
		panic(err)
	}
	return x
}
