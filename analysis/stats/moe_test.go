package stats

import (
	"strconv"
	"testing"
)

// TestMOECase07 checks the 標本誤差 tables against R and, once rounded
// half-up to one decimal, against the published tables they reproduce
// (testdata/oracles.json → case07_margin_of_error_tables: expected.moe_srs,
// moe_srs_fpc, moe_two_stage_k2_deff2_noFPC; inputs.published_reference_*).
func TestMOECase07(t *testing.T) {
	o := loadOracle(t, "oracles.json")
	const c = "case07_margin_of_error_tables."
	ps := o.vec(t, c+"inputs.p_percent")
	var srsN []int
	for _, n := range o.vec(t, c+"inputs.n") {
		srsN = append(srsN, int(n))
	}
	twoN := []int{1910, 1500, 1000, 500, 300, 100} // inputs.published_reference_two_stage.rows keys
	N := int(o.f(t, c+"inputs.fpc_population_N"))
	tests := []struct {
		name      string
		ns        []int
		opt       MOEOptions
		exact     string // expected.<field>.<n>
		published string // inputs.<field>.rows.<n>, compared after rounding
	}{
		{"SRS", srsN, MOEOptions{Method: MOESRS}, "expected.moe_srs", "inputs.published_reference_naikakufu_srs"},
		{"SRS with FPC", srsN, MOEOptions{Method: MOEFPC, Population: N}, "expected.moe_srs_fpc", ""},
		{"two-stage", twoN, MOEOptions{Method: MOETwoStage}, "expected.moe_two_stage_k2_deff2_noFPC", "inputs.published_reference_two_stage"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tab, err := MOETable(tc.ns, ps, tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			for i, n := range tc.ns {
				key := strconv.Itoa(n)
				checkVec(t, "n="+key, tab[i], o.vec(t, c+tc.exact+"."+key))
				if tc.published == "" {
					continue
				}
				pub := o.vec(t, c+tc.published+".rows."+key)
				for j := range pub {
					if got := RoundHalfUp(tab[i][j], 1); got != pub[j] {
						t.Errorf("n=%d P=%v: rounded %v, published %v", n, ps[j], got, pub[j])
					}
				}
			}
		})
	}
	// Kish-adjusted example: deff of case02's raked weights, n = 24, P = 50
	// (expected.kish_adjusted_example).
	ex := c + "expected.kish_adjusted_example."
	m, err := MarginOfError(50, int(o.f(t, ex+"n")), MOEOptions{Deff: o.f(t, ex+"deff")})
	if err != nil {
		t.Fatal(err)
	}
	checkF(t, "kish-adjusted", m, o.f(t, ex+"moe_p50"))

	for _, bad := range []struct {
		p   float64
		n   int
		opt MOEOptions
	}{
		{-1, 10, MOEOptions{}}, {50, 0, MOEOptions{}}, {50, 10, MOEOptions{Method: MOEFPC, Population: 5}},
		{50, 10, MOEOptions{Method: 9}}, {50, 10, MOEOptions{Deff: -1}},
	} {
		if _, err := MarginOfError(bad.p, bad.n, bad.opt); err == nil {
			t.Errorf("MarginOfError(%v, %d, %+v): no error", bad.p, bad.n, bad.opt)
		}
	}
}
