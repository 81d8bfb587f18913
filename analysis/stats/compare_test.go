package stats

import (
	"math"
	"testing"
)

// TestGoodnessOfFit: case02's sample by age (5, 8, 11 of 24) against the
// population margins, as R's chisq.test(x, p = pop, rescale.p = TRUE)
// (testdata/extra_oracles.json gof_case02_age).
func TestGoodnessOfFit(t *testing.T) {
	x := loadOracle(t, "extra_oracles.json")
	const k = "gof_case02_age."
	g, err := GoodnessOfFit(x.vec(t, k+"observed"), x.vec(t, k+"population"))
	if err != nil {
		t.Fatal(err)
	}
	checkF(t, "chi2", g.Chi2, x.f(t, k+"chisq"))
	checkF(t, "df", float64(g.DF), x.f(t, k+"df"))
	checkF(t, "p", g.P, x.f(t, k+"p"))
	checkVec(t, "expected", g.Expected, x.vec(t, k+"expected"))
	if g.SmallExpected {
		t.Error("small expected flagged; the smallest E is 6.24")
	}
	bad := []struct {
		name     string
		obs, pop []float64
	}{
		{"length", []float64{1, 2}, []float64{1}},
		{"one category", []float64{1}, []float64{1}},
		{"negative", []float64{1, -2}, []float64{1, 1}},
		{"respondents without population", []float64{1, 2}, []float64{1, 0}},
		{"no respondents", []float64{0, 0}, []float64{1, 1}},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := GoodnessOfFit(tc.obs, tc.pop); err == nil {
				t.Error("no error")
			}
		})
	}
}

// TestTwoProportions against R's prop.test(c(x1, x2), c(n1, n2),
// correct = FALSE): X-squared = z², p and the interval of the difference
// (testdata/extra_oracles.json prop_*).
func TestTwoProportions(t *testing.T) {
	x := loadOracle(t, "extra_oracles.json")
	tests := []struct {
		name           string
		x1, n1, x2, n2 float64
		key            string
	}{
		{"45/120 vs 30/110", 45, 120, 30, 110, "prop_45_120_vs_30_110."},
		{"62/100 vs 48/100", 62, 100, 48, 100, "prop_62_100_vs_48_100."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := TwoProportions(tc.x1, tc.n1, tc.x2, tc.n2)
			if err != nil {
				t.Fatal(err)
			}
			checkF(t, "z²", r.Z*r.Z, x.f(t, tc.key+"chisq"))
			checkF(t, "p", r.P, x.f(t, tc.key+"p"))
			ci := x.vec(t, tc.key+"ci")
			checkF(t, "ci low", r.CILow, ci[0])
			checkF(t, "ci high", r.CIHigh, ci[1])
			checkF(t, "diff", r.Diff, tc.x1/tc.n1-tc.x2/tc.n2)
		})
	}
	if r, err := TwoProportions(0, 10, 0, 20); err != nil || r.P != 1 || r.Z != 0 {
		t.Errorf("0/10 vs 0/20: %+v, %v", r, err)
	}
	for _, bad := range [][4]float64{{1, 0, 1, 1}, {3, 2, 1, 1}, {math.NaN(), 1, 1, 1}, {-1, 2, 1, 1}} {
		if _, err := TwoProportions(bad[0], bad[1], bad[2], bad[3]); err == nil {
			t.Errorf("TwoProportions%v: no error", bad)
		}
	}
}
