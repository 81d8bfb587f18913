package stats

import (
	"errors"
	"testing"
)

// oracleMark turns the oracle's "+"/"-" (1.96) and "++"/"--" (2.58) marks into
// Marks, combining both columns the way MarkOf reports the stronger one.
func oracleMark(m196, m258 string) Mark {
	switch {
	case m258 == "++":
		return MarkVeryHigh
	case m258 == "--":
		return MarkVeryLow
	case m196 == "+":
		return MarkHigh
	case m196 == "-":
		return MarkLow
	}
	return MarkNone
}

// TestChiSquareCase01 checks Pearson's test and its by-products against R
// (chisq.test, vcd::assocstats, p.adjust) for the three tables of case01.
// Every expected number comes from
// testdata/oracles.json → case01_contingency_tables.expected.<table>.<field>.
func TestChiSquareCase01(t *testing.T) {
	o := loadOracle(t, "oracles.json")
	const c1 = "case01_contingency_tables"
	tests := []struct {
		name    string
		input   string // inputs.tables.<name>.counts
		exp     string // expected.<...> holding the results of the tested table
		dropRow []int
	}{
		{"2x2 small", "t2x2_small", "t2x2_small", nil},
		{"5x6 district by age", "t5x6_district_age", "t5x6_district_age", nil},
		// The all-zero row 山間部 (index 1) is dropped; the oracle's numbers
		// are for the reduced 3×3 table (expected.t4x3_zero_row.reduced).
		{"4x3 with zero row", "t4x3_zero_row", "t4x3_zero_row.reduced", []int{1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			counts := o.mat(t, c1+".inputs.tables."+tc.input+".counts")
			e := c1 + ".expected." + tc.exp + "."
			cs, err := ChiSquareTest(counts)
			if err != nil {
				t.Fatal(err)
			}
			if len(cs.DroppedRows) != len(tc.dropRow) || (len(tc.dropRow) > 0 && cs.DroppedRows[0] != tc.dropRow[0]) {
				t.Fatalf("dropped rows %v, want %v", cs.DroppedRows, tc.dropRow)
			}
			// Compare on the kept rows only: the oracle's matrices are the
			// reduced table's.
			kept := keptList(len(counts), cs.DroppedRows)
			sub := func(m [][]float64) [][]float64 {
				var out [][]float64
				for _, i := range kept {
					out = append(out, m[i])
				}
				return out
			}
			checkF(t, "N", cs.N, o.f(t, e+"N"))
			checkF(t, "chi2", cs.Chi2, o.f(t, e+"pearson_chisq"))
			checkF(t, "df", float64(cs.DF), o.f(t, e+"df"))
			checkF(t, "p", cs.P, o.f(t, e+"p_value"))
			checkF(t, "G2", cs.G2, o.f(t, e+"likelihood_ratio_G2"))
			checkF(t, "G2 p", cs.G2P, o.f(t, e+"likelihood_ratio_p"))
			checkF(t, "Cramér's V", cs.CramersV, o.f(t, e+"cramers_v"))
			checkF(t, "min expected", cs.MinExpected, o.f(t, e+"min_expected"))
			checkF(t, "cells E<5", float64(cs.BelowFive), o.f(t, e+"n_cells_expected_lt5"))
			checkF(t, "share E<5", cs.FracBelowFive, o.f(t, e+"frac_cells_expected_lt5"))
			checkMat(t, "expected", sub(cs.Expected), o.mat(t, e+"expected"))
			checkMat(t, "pearson residuals", sub(cs.Residuals), o.mat(t, e+"pearson_residuals"))
			checkMat(t, "adjusted residuals", sub(cs.AdjResiduals), o.mat(t, e+"adjusted_std_residuals"))

			// Cochran's rule (case01 notes): t2x2 has 25% and t4x3 33% of
			// cells below 5, the 5x6 table none.
			wantSmall := o.f(t, e+"frac_cells_expected_lt5") > 0.2 || o.f(t, e+"min_expected") < 1
			if cs.SmallExpected != wantSmall {
				t.Errorf("small expected = %v, want %v", cs.SmallExpected, wantSmall)
			}

			adj := sub(cs.AdjResiduals)
			m196 := o.strMat(t, e+"marks_1.96")
			m258 := o.strMat(t, e+"marks_2.58")
			var flatP []float64
			for i := range adj {
				for j := range adj[i] {
					if got, want := MarkOf(adj[i][j]), oracleMark(m196[i][j], m258[i][j]); got != want {
						t.Errorf("mark[%d][%d] = %q, want %q", i, j, got.Glyph(), want.Glyph())
					}
					flatP = append(flatP, NormalTwoSided(adj[i][j]))
				}
			}
			cellP := o.mat(t, e+"cell_p_two_sided")
			for i := range cellP {
				for j := range cellP[i] {
					checkF(t, "cell p", flatP[i*len(cellP[i])+j], cellP[i][j])
				}
			}
			for _, m := range []struct {
				method Adjust
				field  string
			}{{BH, "cell_p_BH"}, {Holm, "cell_p_holm"}, {Bonferroni, "cell_p_bonferroni"}} {
				got, err := AdjustP(flatP, m.method)
				if err != nil {
					t.Fatal(err)
				}
				want := o.mat(t, e+m.field)
				for i := range want {
					for j := range want[i] {
						checkF(t, string(m.method), got[i*len(want[i])+j], want[i][j])
					}
				}
			}
			if cs.Rows == 2 && cs.Cols == 2 {
				checkF(t, "Yates", cs.YatesChi2, o.f(t, e+"yates_chisq"))
				checkF(t, "Yates p", cs.YatesP, o.f(t, e+"yates_p"))
			}
		})
	}
}

func TestChiSquareNotTestable(t *testing.T) {
	tests := []struct {
		name  string
		table [][]float64
	}{
		{"empty", nil},
		{"one row", [][]float64{{3, 4, 5}}},
		{"one non-empty column", [][]float64{{3, 0}, {4, 0}}},
		{"all zero", [][]float64{{0, 0}, {0, 0}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := ChiSquareTest(tc.table); !errors.Is(err, ErrNotTestable) {
				t.Errorf("err = %v, want ErrNotTestable", err)
			}
		})
	}
	if _, err := ChiSquareTest([][]float64{{1, 2}, {3}}); err == nil {
		t.Error("ragged table: no error")
	}
	if _, err := ChiSquareTest([][]float64{{1, -2}, {3, 4}}); err == nil {
		t.Error("negative count: no error")
	}
}

// TestFisher checks the two-sided and one-sided p-values against R's
// fisher.test: case01 expected.t2x2_small.fisher_p_* and the extra tables of
// testdata/extra_oracles.json (made by testdata/extra_oracles.R).
func TestFisher(t *testing.T) {
	o := loadOracle(t, "oracles.json")
	x := loadOracle(t, "extra_oracles.json")
	const e = "case01_contingency_tables.expected.t2x2_small."
	tests := []struct {
		name             string
		a, b, c, d       int
		p, less, greater float64
	}{
		{"case01 t2x2_small", 2, 10, 8, 5, o.f(t, e+"fisher_p_two_sided"), o.f(t, e+"fisher_p_less"), o.f(t, e+"fisher_p_greater")},
		{"3 1 1 3", 3, 1, 1, 3, x.f(t, "fisher_3_1_1_3.p"), x.f(t, "fisher_3_1_1_3.less"), x.f(t, "fisher_3_1_1_3.greater")},
		{"10 20 30 5", 10, 20, 30, 5, x.f(t, "fisher_10_20_30_5.p"), x.f(t, "fisher_10_20_30_5.less"), x.f(t, "fisher_10_20_30_5.greater")},
		{"0 5 5 0", 0, 5, 5, 0, x.f(t, "fisher_0_5_5_0.p"), x.f(t, "fisher_0_5_5_0.less"), x.f(t, "fisher_0_5_5_0.greater")},
		{"120 80 95 105", 120, 80, 95, 105, x.f(t, "fisher_120_80_95_105.p"), x.f(t, "fisher_120_80_95_105.less"), x.f(t, "fisher_120_80_95_105.greater")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := FisherExact2x2(tc.a, tc.b, tc.c, tc.d)
			if err != nil {
				t.Fatal(err)
			}
			checkF(t, "two-sided", f.P, tc.p)
			checkF(t, "less", f.PLess, tc.less)
			checkF(t, "greater", f.PGreat, tc.greater)
		})
	}
	// case01 expected.t2x2_small.sample_odds_ratio_ad_bc = 0.125.
	f, _ := FisherExact2x2(2, 10, 8, 5)
	checkF(t, "sample odds ratio", f.OddsRat, o.f(t, e+"sample_odds_ratio_ad_bc"))
	if _, err := FisherExact2x2(-1, 0, 0, 0); err == nil {
		t.Error("negative count: no error")
	}
}

// TestAdjustPWithNaN: NaN (R's NA) entries are outside the family, as in
// p.adjust(c(0.01, NA, 0.04, 0.03, 0.2)) (extra_oracles.json p_adjust_with_na).
func TestAdjustPWithNaN(t *testing.T) {
	x := loadOracle(t, "extra_oracles.json")
	p := x.vec(t, "p_adjust_with_na.p")
	for _, m := range []Adjust{BH, Holm} {
		t.Run(string(m), func(t *testing.T) {
			got, err := AdjustP(p, m)
			if err != nil {
				t.Fatal(err)
			}
			checkVec(t, string(m), got, x.vec(t, "p_adjust_with_na."+string(m)))
		})
	}
	if _, err := AdjustP([]float64{0.5}, "fdr"); err == nil {
		t.Error("unknown method: no error")
	}
	if _, err := AdjustP([]float64{1.5}, BH); err == nil {
		t.Error("p > 1: no error")
	}
}

// TestFisherRxC: the 3×3 table left of case01's t4x3 after its empty row
// is dropped (expected.t4x3_zero_row.reduced.fisher_p_two_sided_rxc); the
// empty row may stay in the input. 2×2 input goes to FisherExact2x2.
func TestFisherRxC(t *testing.T) {
	o := loadOracle(t, "oracles.json")
	raw := o.mat(t, "case01_contingency_tables.inputs.tables.t4x3_zero_row.counts")
	tab := make([][]int, len(raw))
	for i, r := range raw {
		for _, x := range r {
			tab[i] = append(tab[i], int(x))
		}
	}
	f, err := FisherExact(tab, 1_000_000)
	if err != nil {
		t.Fatal(err)
	}
	checkF(t, "p", f.P, o.f(t, "case01_contingency_tables.expected.t4x3_zero_row.reduced.fisher_p_two_sided_rxc"))

	f2, err := FisherExact([][]int{{2, 10}, {8, 5}}, 10)
	if err != nil {
		t.Fatal(err)
	}
	checkF(t, "2x2 p", f2.P, o.f(t, "case01_contingency_tables.expected.t2x2_small.fisher_p_two_sided"))

	if _, err := FisherExact(tab, 10); !errors.Is(err, ErrTooManyTables) {
		t.Errorf("budget 10: err = %v, want ErrTooManyTables", err)
	}
	if _, err := FisherExact([][]int{{1, 2, 3}}, 10); !errors.Is(err, ErrNotTestable) {
		t.Errorf("one row: err = %v", err)
	}
}
