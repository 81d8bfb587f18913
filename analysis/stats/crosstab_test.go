package stats

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestCrosstabCase01 builds respondents from case01's tables and checks the
// percentages and residuals Crosstab derives (expected numbers:
// testdata/oracles.json → case01_contingency_tables.expected.<table>).
func TestCrosstabCase01(t *testing.T) {
	o := loadOracle(t, "oracles.json")
	const c1 = "case01_contingency_tables"
	tests := []struct {
		name, input, exp string
		emptyRow         int // -1 = none
	}{
		{"2x2 small", "t2x2_small", "t2x2_small", -1},
		{"5x6 district by age", "t5x6_district_age", "t5x6_district_age", -1},
		{"4x3 with zero row", "t4x3_zero_row", "t4x3_zero_row.reduced", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			counts := o.mat(t, c1+".inputs.tables."+tc.input+".counts")
			e := c1 + ".expected." + tc.exp + "."
			row, col := varsFromTable(counts)
			// A respondent who skipped the column question is left out.
			row.Values = append(row.Values, []int{0})
			col.Values = append(col.Values, nil)
			ct, err := Crosstab(row, col, nil, CrosstabOptions{MinCell: 3})
			if err != nil {
				t.Fatal(err)
			}
			checkF(t, "N", float64(ct.N), o.f(t, e+"N"))
			var rowPct, colPct, resid [][]float64
			for i := range counts {
				if i == tc.emptyRow {
					if ct.RowN[i] != 0 || !math.IsNaN(ct.Residuals[i][0]) || ct.RowPct[i][0] != 0 {
						t.Errorf("empty row %d: n %d, residual %v, row%% %v", i, ct.RowN[i], ct.Residuals[i][0], ct.RowPct[i][0])
					}
					continue
				}
				rowPct = append(rowPct, ct.RowPct[i])
				colPct = append(colPct, ct.ColPct[i])
				resid = append(resid, ct.Residuals[i])
			}
			checkMat(t, "row %", rowPct, o.mat(t, e+"row_percent"))
			checkMat(t, "column %", colPct, o.mat(t, e+"col_percent"))
			checkMat(t, "adjusted residuals", resid, o.mat(t, e+"adjusted_std_residuals"))
			checkF(t, "chi2", ct.Test.Chi2, o.f(t, e+"pearson_chisq"))
			checkF(t, "p", ct.Test.P, o.f(t, e+"p_value"))
			if tc.emptyRow >= 0 {
				if !strings.Contains(strings.Join(ct.Notes, "\n"), "検定から除いた") {
					t.Errorf("notes %q do not mention the dropped row", ct.Notes)
				}
			}
			// Fisher: 2×2 always; the 4×3 table because of its small
			// expected counts (case01 fisher_p_two_sided_rxc); not 5×6.
			switch tc.input {
			case "t2x2_small":
				checkF(t, "fisher", ct.Fisher.P, o.f(t, e+"fisher_p_two_sided"))
			case "t4x3_zero_row":
				checkF(t, "fisher", ct.Fisher.P, o.f(t, e+"fisher_p_two_sided_rxc"))
			default:
				if ct.Fisher != nil {
					t.Errorf("fisher computed for a table without small expected counts")
				}
			}
			if ct.SmallExpected != ct.Test.SmallExpected {
				t.Error("SmallExpected not carried from the test")
			}
			for i := range counts {
				for j := range counts[i] {
					n := int(counts[i][j])
					if n > 0 && n < 3 && !ct.Suppressed[i][j] {
						t.Errorf("cell (%d,%d) n=%d not suppressed", i, j, n)
					}
				}
			}
		})
	}
}

// svyData are case02's 24 respondents (testdata/oracles.json →
// case02_raking_ipf.inputs.sample) as Vars, with the raked weights of
// expected.raked_weights, plus two respondents with a missing answer that
// every crosstab must leave out.
func svyData(t *testing.T) (district, age, aware, lik3 *Var, w []float64) {
	o := loadOracle(t, "oracles.json")
	sample := o.get(t, "case02_raking_ipf.inputs.sample").([]any)
	w = o.vec(t, "case02_raking_ipf.expected.raked_weights")
	district = &Var{ID: "district", Codes: []string{"A", "B", "C"}}
	age = &Var{ID: "age", Codes: []string{"18-39", "40-64", "65+"}}
	aware = &Var{ID: "aware", Codes: []string{"1", "0"}}
	lik3 = &Var{ID: "lik3", Codes: []string{"top", "mid", "low"}}
	idx := func(codes []string, s string) int {
		for k, c := range codes {
			if c == s {
				return k
			}
		}
		t.Fatalf("code %q not in %v", s, codes)
		return -1
	}
	for _, r := range sample {
		m := r.(map[string]any)
		district.Values = append(district.Values, []int{idx(district.Codes, m["district"].(string))})
		age.Values = append(age.Values, []int{idx(age.Codes, m["age"].(string))})
		aware.Values = append(aware.Values, []int{idx(aware.Codes, fmt.Sprint(m["aware"]))})
		l := m["likert"].(float64)
		k := 2
		switch {
		case l >= 4:
			k = 0
		case l == 3:
			k = 1
		}
		lik3.Values = append(lik3.Values, []int{k})
	}
	// Two respondents with a missing answer: one each side.
	district.Values = append(district.Values, nil, []int{0})
	age.Values = append(age.Values, nil, []int{0})
	aware.Values = append(aware.Values, []int{0}, nil)
	lik3.Values = append(lik3.Values, []int{0}, nil)
	w = append(w, 4000, 7000)
	return
}

// TestCrosstabWeightedRaoScott checks the weighted χ² against
// survey::svychisq on the complete cases (testdata/extra_oracles.json,
// made by testdata/extra_oracles.R).
func TestCrosstabWeightedRaoScott(t *testing.T) {
	x := loadOracle(t, "extra_oracles.json")
	district, age, aware, lik3, w := svyData(t)
	tests := []struct {
		name     string
		row, col *Var
		key      string
	}{
		{"district x aware", district, aware, "rao_scott_district_x_aware"},
		{"age x lik3", age, lik3, "rao_scott_age_x_lik3"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := slices.Clone(w)
			ct, err := Crosstab(tc.row, tc.col, w, CrosstabOptions{})
			if err != nil {
				t.Fatal(err)
			}
			// The test reads the weights without copying them: it must
			// not change them.
			if !slices.Equal(w, before) {
				t.Fatal("Crosstab changed the weights it was given")
			}
			if ct.N != 24 {
				t.Fatalf("N = %d, want the 24 complete cases", ct.N)
			}
			rs := ct.Test.RaoScott
			if rs == nil {
				t.Fatal("no Rao–Scott result for a weighted table")
			}
			k := tc.key + "."
			checkF(t, "Pearson on scaled table", rs.Pearson, x.f(t, k+"pearson_scaled"))
			checkF(t, "F", rs.F, x.f(t, k+"F"))
			checkF(t, "ndf", rs.NumDF, x.f(t, k+"ndf"))
			checkF(t, "ddf", rs.DenDF, x.f(t, k+"ddf"))
			checkF(t, "p", rs.P, x.f(t, k+"p"))
			checkF(t, "test p", ct.Test.P, x.f(t, k+"p"))
			checkF(t, "first-order p", rs.FirstOrderP, x.f(t, k+"chisq_p"))
			// svytable(..., Ntotal = n) is the weighted table scaled to n.
			want := x.mat(t, k+"scaled_table")
			got := floatMatrix(len(want), len(want[0]))
			for i := range want {
				for j := range want[i] {
					got[i][j] = ct.WCounts[i][j] / ct.WeightedN * float64(ct.N)
				}
			}
			checkMat(t, "scaled table", got, want)
		})
	}
}

// TestCrosstabUnweightedSvyData: the weight-1 path on the same respondents
// (extra_oracles.json unweighted_district_x_aware, from R's chisq.test).
func TestCrosstabUnweightedSvyData(t *testing.T) {
	x := loadOracle(t, "extra_oracles.json")
	district, _, aware, _, _ := svyData(t)
	ct, err := Crosstab(district, aware, nil, CrosstabOptions{})
	if err != nil {
		t.Fatal(err)
	}
	checkF(t, "chi2", ct.Test.Chi2, x.f(t, "unweighted_district_x_aware.chisq"))
	checkF(t, "p", ct.Test.P, x.f(t, "unweighted_district_x_aware.p"))
	checkMat(t, "residuals", ct.Residuals, x.mat(t, "unweighted_district_x_aware.stdres"))
	if ct.Test.RaoScott != nil {
		t.Error("unweighted table has a Rao–Scott result")
	}
}

// TestCrosstabMulti: with a multi-answer column, cells count respondents,
// row % use the respondent base, and each option is tested as its own
// group × (chosen, not chosen) table.
func TestCrosstabMulti(t *testing.T) {
	// case06 inputs.multiple_answer.responses (10 respondents × 5 media),
	// crossed with a made-up 2-group split: the first five are 豊科, the rest
	// 穂高. Respondent 10 chose nothing and is left out (N = 9).
	resp := [][]int{{1, 1, 0, 0, 0}, {1, 0, 1, 0, 0}, {0, 1, 1, 1, 0}, {1, 0, 0, 0, 0}, {1, 1, 1, 0, 1},
		{0, 0, 1, 0, 0}, {1, 0, 0, 1, 0}, {0, 1, 0, 0, 0}, {1, 1, 0, 0, 0}, {0, 0, 0, 0, 0}}
	media := &Var{ID: "media", Multi: true, Codes: []string{"広報紙", "ホームページ", "SNS", "回覧板", "その他"}}
	area := &Var{ID: "area", Codes: []string{"豊科", "穂高"}}
	for i, r := range resp {
		var vals []int
		for j, x := range r {
			if x == 1 {
				vals = append(vals, j)
			}
		}
		media.Values = append(media.Values, vals)
		area.Values = append(area.Values, []int{i / 5})
	}
	ct, err := Crosstab(area, media, nil, CrosstabOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if ct.N != 9 {
		t.Fatalf("N = %d, want 9", ct.N)
	}
	if got := ct.RowPctString(1, 1, 1); got != "50.0" { // 穂高×ホームページ: 2 of 4
		t.Errorf("RowPctString = %q, want 50.0", got)
	}
	// 豊科: 5 respondents; 広報紙 chosen by 4 → 80%.
	if ct.RowN[0] != 5 || ct.Counts[0][0] != 4 || !near(ct.RowPct[0][0], 80) {
		t.Errorf("豊科×広報紙: base %d, n %d, %% %v; want 5, 4, 80", ct.RowN[0], ct.Counts[0][0], ct.RowPct[0][0])
	}
	// 穂高 without respondent 10: 4 answered; 広報紙 2 → 50%.
	if ct.RowN[1] != 4 || ct.Counts[1][0] != 2 || !near(ct.RowPct[1][0], 50) {
		t.Errorf("穂高×広報紙: base %d, n %d, %% %v; want 4, 2, 50", ct.RowN[1], ct.Counts[1][0], ct.RowPct[1][0])
	}
	if ct.Test != nil {
		t.Error("multi-answer table has a whole-table test")
	}
	if len(ct.OptionTests) != 5 || len(ct.OptionPBH) != 5 {
		t.Fatalf("option tests %d, BH %d; want 5", len(ct.OptionTests), len(ct.OptionPBH))
	}
	for j := range media.Codes {
		// The same test by hand: area × (chosen j, not chosen).
		tab := [][]float64{{0, 0}, {0, 0}}
		for i, r := range resp {
			if i == 9 {
				continue
			}
			tab[i/5][1-r[j]]++
		}
		want, err := ChiSquareTest(tab)
		if err != nil {
			t.Fatal(err)
		}
		got := ct.OptionTests[j]
		checkF(t, "option chi2", got.Chi2, want.Chi2)
		checkF(t, "option p", got.P, want.P)
		for a := range 2 {
			checkF(t, "option residual", ct.Residuals[a][j], want.AdjResiduals[a][0])
		}
	}
	// Transposed: the multi question in the rows gives the same tests.
	tr, err := Crosstab(media, area, nil, CrosstabOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for j := range media.Codes {
		checkF(t, "transposed p", tr.OptionTests[j].P, ct.OptionTests[j].P)
		checkF(t, "transposed residual", tr.Residuals[j][0], ct.Residuals[0][j])
	}
	both, err := Crosstab(media, media, nil, CrosstabOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if both.Test != nil || both.OptionTests != nil || len(both.Notes) == 0 {
		t.Error("multi × multi: expected no tests and a note")
	}
}

func TestCrosstabErrors(t *testing.T) {
	a := &Var{ID: "a", Codes: []string{"x", "y"}, Values: [][]int{{0}, {1}}}
	tests := []struct {
		name string
		row  *Var
		col  *Var
		w    []float64
	}{
		{"length mismatch", a, &Var{ID: "b", Codes: []string{"x"}, Values: [][]int{{0}}}, nil},
		{"index out of range", a, &Var{ID: "b", Codes: []string{"x"}, Values: [][]int{{0}, {3}}}, nil},
		{"two answers to single", a, &Var{ID: "b", Codes: []string{"x", "y"}, Values: [][]int{{0, 1}, {0}}}, nil},
		{"repeated multi answer", a, &Var{ID: "b", Multi: true, Codes: []string{"x", "y"}, Values: [][]int{{0, 0}, {0}}}, nil},
		{"no options", a, &Var{ID: "b", Values: [][]int{nil, nil}}, nil},
		{"weights length", a, a, []float64{1}},
		{"negative weight", a, a, []float64{1, -1}},
		{"NaN weight", a, a, []float64{1, math.NaN()}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Crosstab(tc.row, tc.col, tc.w, CrosstabOptions{}); err == nil {
				t.Error("no error")
			}
		})
	}
	// Nobody answered both: a table, no test, a note.
	b := &Var{ID: "b", Codes: []string{"x", "y"}, Values: [][]int{nil, nil}}
	ct, err := Crosstab(a, b, nil, CrosstabOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if ct.N != 0 || ct.Test != nil || len(ct.Notes) == 0 {
		t.Errorf("empty table: N %d, test %v, notes %v", ct.N, ct.Test, ct.Notes)
	}
}

// synthetic makes n respondents with a row question of r options and a
// column question of c options whose answers lean on the row.
func synthetic(n, r, c int, seed uint64) (row, col *Var, w []float64) {
	rng := rand.New(rand.NewPCG(seed, 1))
	row = &Var{ID: "area", Values: make([][]int, n)}
	col = &Var{ID: "q", Values: make([][]int, n)}
	for a := range r {
		row.Codes = append(row.Codes, fmt.Sprint("r", a))
	}
	for b := range c {
		col.Codes = append(col.Codes, fmt.Sprint("c", b))
	}
	w = make([]float64, n)
	for i := range n {
		a := rng.IntN(r)
		row.Values[i] = []int{a}
		if rng.Float64() < 0.05 {
			col.Values[i] = nil
		} else {
			col.Values[i] = []int{(a + rng.IntN(c) + rng.IntN(2)) % c}
		}
		w[i] = 0.5 + rng.Float64()
	}
	return row, col, w
}

func BenchmarkCrosstab100k(b *testing.B) {
	row, col, w := synthetic(100_000, 5, 6, 1)
	b.Run("unweighted", func(b *testing.B) {
		for b.Loop() {
			if _, err := Crosstab(row, col, nil, CrosstabOptions{MinCell: 5}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("weighted", func(b *testing.B) {
		for b.Loop() {
			if _, err := Crosstab(row, col, w, CrosstabOptions{MinCell: 5}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
