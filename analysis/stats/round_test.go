package stats

import (
	"math"
	"math/big"
	"strconv"
	"testing"
)

// TestPercentCase06 checks 四捨五入 on the exact rational for case06's
// rounding pairs (testdata/oracles.json →
// case06_likert_tally_scores.crosscheck_rounding[*].half_up_1dp and
// half_up_0dp, computed with Python fractions).
func TestPercentCase06(t *testing.T) {
	o := loadOracle(t, "oracles.json")
	cases := o.get(t, "case06_likert_tally_scores.crosscheck_rounding").([]any)
	if len(cases) != 12 {
		t.Fatalf("%d rounding cases, want 12", len(cases))
	}
	for _, c := range cases {
		m := c.(map[string]any)
		k, n := int(m["k"].(float64)), int(m["n"].(float64))
		t.Run(strconv.Itoa(k)+"/"+strconv.Itoa(n), func(t *testing.T) {
			for _, d := range []struct {
				digits int
				field  string
			}{{1, "half_up_1dp"}, {0, "half_up_0dp"}} {
				want := m[d.field].(float64)
				if got := PercentValue(k, n, d.digits); got != want {
					t.Errorf("%d digits: %v, want %v", d.digits, got, want)
				}
				if got, w := Percent(k, n, d.digits), strconv.FormatFloat(want, 'f', d.digits, 64); got != w {
					t.Errorf("%d digits: %q, want %q", d.digits, got, w)
				}
				// The float 100k/n rounds the same way through FormatHalfUp,
				// including 29/200·100 = 14.499999999999998
				// (float_k_div_n_times_100).
				kn := m["float_k_div_n_times_100"].(float64)
				if got := RoundHalfUp(kn, d.digits); got != want {
					t.Errorf("RoundHalfUp(%v, %d) = %v, want %v", kn, d.digits, got, want)
				}
			}
		})
	}
}

func TestFormatHalfUp(t *testing.T) {
	tests := []struct {
		x      float64
		digits int
		want   string
	}{
		{2.5, 0, "3"},
		{-2.5, 0, "-3"}, // half away from zero, as 四捨五入 of a magnitude
		{0.05, 1, "0.1"},
		{1.005, 2, "1.01"}, // 1.00499999999999989… in binary; 15 digits say 1.005
		{1.0049, 2, "1.00"},
		{0.004, 2, "0.00"},
		{-0.004, 2, "0.00"}, // no "-0.00"
		{99.95, 1, "100.0"},
		{123456.789, 2, "123456.79"},
		{math.NaN(), 1, NotApplicable},
		{math.Inf(1), 1, NotApplicable},
		{7, -3, "7"}, // negative digits clamp to 0
	}
	for _, tc := range tests {
		t.Run(strconv.FormatFloat(tc.x, 'g', -1, 64), func(t *testing.T) {
			if got := FormatHalfUp(tc.x, tc.digits); got != tc.want {
				t.Errorf("FormatHalfUp(%v, %d) = %q, want %q", tc.x, tc.digits, got, tc.want)
			}
		})
	}
	tests2 := []struct {
		k, n, digits int
		want         string
	}{
		{0, 0, 1, NotApplicable},
		{0, 7, 1, "0.0"},
		{7, 7, 1, "100.0"},
		{1, 3, 2, "33.33"},
		{-1, 8, 0, "-13"},
		{1, 200000, 3, "0.001"}, // 0.0005 → 0.001
	}
	for _, tc := range tests2 {
		if got := Percent(tc.k, tc.n, tc.digits); got != tc.want {
			t.Errorf("Percent(%d, %d, %d) = %q, want %q", tc.k, tc.n, tc.digits, got, tc.want)
		}
	}
	if !math.IsNaN(PercentValue(1, 0, 1)) {
		t.Error("PercentValue with n=0 is not NaN")
	}
}

// FuzzPercent: the printed value is within half a unit of the last digit of
// the exact 100k/n, and ties go up.
func FuzzPercent(f *testing.F) {
	f.Add(29, 200, 1)
	f.Add(1, 16, 1)
	f.Add(-7, 3, 0)
	f.Fuzz(func(t *testing.T, k, n, digits int) {
		s := Percent(k, n, digits)
		if n == 0 {
			if s != NotApplicable {
				t.Fatalf("n=0 gave %q", s)
			}
			return
		}
		d := clampDigits(digits)
		got, ok := new(big.Rat).SetString(s)
		if !ok {
			t.Fatalf("Percent(%d, %d, %d) = %q is not a number", k, n, digits, s)
		}
		exact := new(big.Rat).SetFrac(big.NewInt(int64(k)), big.NewInt(int64(n)))
		exact.Mul(exact, big.NewRat(100, 1))
		diff := new(big.Rat).Sub(got, exact)
		unit := new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(d)), nil))
		half := new(big.Rat).Mul(unit, big.NewRat(1, 2))
		if new(big.Rat).Abs(diff).Cmp(half) > 0 {
			t.Fatalf("Percent(%d, %d, %d) = %s, exact %s", k, n, digits, s, exact.FloatString(d+3))
		}
		// A tie must round away from zero.
		if new(big.Rat).Abs(diff).Cmp(half) == 0 && new(big.Rat).Abs(got).Cmp(new(big.Rat).Abs(exact)) < 0 {
			t.Fatalf("Percent(%d, %d, %d) = %s rounds a tie towards zero", k, n, digits, s)
		}
	})
}

// FuzzFormatHalfUp: never panics; agrees with strconv to within one unit of
// the last digit.
func FuzzFormatHalfUp(f *testing.F) {
	f.Add(14.499999999999998, 0)
	f.Add(-0.05, 1)
	f.Add(1e300, 2)
	f.Fuzz(func(t *testing.T, x float64, digits int) {
		s := FormatHalfUp(x, digits)
		if math.IsNaN(x) || math.IsInf(x, 0) {
			if s != NotApplicable {
				t.Fatalf("FormatHalfUp(%v) = %q", x, s)
			}
			return
		}
		got, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("FormatHalfUp(%v, %d) = %q: %v", x, digits, s, err)
		}
		unit := math.Pow(10, -float64(clampDigits(digits)))
		if math.Abs(got-x) > unit*(1+1e-9)+1e-14*math.Abs(x) {
			t.Fatalf("FormatHalfUp(%v, %d) = %q, too far", x, digits, s)
		}
	})
}
