package stats

import (
	"math"
	"testing"
)

// likertCase06 is case06's likert item (inputs.likert): 6/12/9/7/3
// respondents from 満足 to 不満 and 3 無回答.
func likertCase06(scores []float64) *Var {
	v := &Var{ID: "sat", Codes: []string{"満足", "やや満足", "どちらともいえない", "やや不満", "不満"}, Scores: scores}
	for j, n := range []int{6, 12, 9, 7, 3} {
		for range n {
			v.Values = append(v.Values, []int{j})
		}
	}
	for range 3 {
		v.Values = append(v.Values, nil)
	}
	return v
}

// TestTallyCase06 checks the 単純集計 on both bases against
// testdata/oracles.json → case06_likert_tally_scores.expected.single_tally.
func TestTallyCase06(t *testing.T) {
	o := loadOracle(t, "oracles.json")
	const e = "case06_likert_tally_scores.expected.single_tally."
	v := likertCase06(nil)
	tal, err := Tabulate(v, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkF(t, "base", float64(tal.Base), o.f(t, e+"n_total_incl_NA"))
	checkF(t, "answered", float64(tal.Answered), o.f(t, e+"n_valid"))
	if len(tal.Rows) != 6 || !tal.Rows[5].Missing || tal.Rows[5].Label != MissingLabel {
		t.Fatalf("rows %+v: want 5 options and a 無回答 row last", tal.Rows)
	}
	for _, r := range tal.Rows {
		checkF(t, r.Label+" % of all", r.Pct, o.f(t, e+"percent_base_incl_NA."+r.Label))
		if !r.Missing {
			checkF(t, r.Label+" % of answered", r.PctAnswered, o.f(t, e+"percent_base_valid."+r.Label))
		}
	}
	// 22.5 and 17.5 and 7.5 print half-up; they are exact halves.
	for i, want := range []string{"15", "30", "23", "18", "8", "8"} {
		if got := tal.PctString(i, 0); got != want {
			t.Errorf("row %d at 0 decimals = %s, want %s", i, got, want)
		}
	}
	// Weighted with all weights 1 gives the same numbers through the
	// weighted path.
	w := make([]float64, v.N())
	for i := range w {
		w[i] = 1
	}
	tw, err := Tabulate(v, w)
	if err != nil {
		t.Fatal(err)
	}
	for i := range tal.Rows {
		checkF(t, "weighted pct", tw.Rows[i].Pct, tal.Rows[i].Pct)
		if got, want := tw.PctString(i, 1), tal.PctString(i, 1); got != want {
			t.Errorf("weighted row %d = %s, unweighted %s", i, got, want)
		}
	}
}

// TestTallyMultiCase06: the three bases of multiple-answer percentages,
// case06 expected.multiple_answer.
func TestTallyMultiCase06(t *testing.T) {
	o := loadOracle(t, "oracles.json")
	const e = "case06_likert_tally_scores.expected.multiple_answer."
	v := &Var{ID: "media", Multi: true, Codes: []string{"広報紙", "ホームページ", "SNS", "回覧板", "その他"}}
	for _, r := range o.mat(t, "case06_likert_tally_scores.inputs.multiple_answer.responses") {
		var vals []int
		for j, x := range r {
			if x == 1 {
				vals = append(vals, j)
			}
		}
		v.Values = append(v.Values, vals)
	}
	tal, err := Tabulate(v, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkF(t, "respondents", float64(tal.Base), o.f(t, e+"n_respondents"))
	checkF(t, "answered", float64(tal.Answered), o.f(t, e+"n_answered"))
	checkF(t, "choices per answering respondent", float64(tal.Choices)/float64(tal.Answered), o.f(t, e+"mean_selections_per_answering_respondent"))
	var all, ans, ch []float64
	for _, r := range tal.Rows[:5] {
		all = append(all, r.Pct)
		ans = append(ans, r.PctAnswered)
		ch = append(ch, r.PctChoices)
	}
	checkVec(t, "% of respondents", all, o.vec(t, e+"pct_of_respondents_incl_NA"))
	checkVec(t, "% of answering respondents", ans, o.vec(t, e+"pct_of_respondents_excl_NA"))
	checkVec(t, "% of responses", ch, o.vec(t, e+"pct_of_responses"))
	// One respondent chose nothing: the 無回答 row has 1 of 10.
	if m := tal.Rows[5]; m.N != 1 || m.Pct != 10 {
		t.Errorf("無回答 row n=%d pct=%v, want 1 and 10", m.N, m.Pct)
	}
}

// TestLikertCase06 checks boxes, score mean and intervals against
// case06_likert_tally_scores.expected.*.
func TestLikertCase06(t *testing.T) {
	o := loadOracle(t, "oracles.json")
	const e = "case06_likert_tally_scores.expected."
	tests := []struct {
		name   string
		scores []float64
		check  func(t *testing.T, ls *LikertStats)
	}{
		{"scores 1 to 5", []float64{5, 4, 3, 2, 1}, func(t *testing.T, ls *LikertStats) {
			checkF(t, "mean", ls.Score.Mean, o.f(t, e+"mean_1to5"))
			checkF(t, "sd", ls.Score.SD, o.f(t, e+"sd_1to5"))
			checkF(t, "se", ls.Score.SE, o.f(t, e+"se_1to5"))
			ci := o.vec(t, e+"ci95_t_1to5")
			checkF(t, "ci low", ls.Score.CILow, ci[0])
			checkF(t, "ci high", ls.Score.CIHigh, ci[1])
			checkF(t, "median", ls.Median, o.f(t, e+"median_1to5"))
			if ls.MedianOption != 2 {
				t.Errorf("median option %d, want 2 (%s)", ls.MedianOption, o.get(t, e+"median_label"))
			}
		}},
		{"scores +2 to -2", []float64{2, 1, 0, -1, -2}, func(t *testing.T, ls *LikertStats) {
			checkF(t, "mean", ls.Score.Mean, o.f(t, e+"weighted_avg_score_pm2"))
		}},
		// Without scores the first option scores k and the last 1: the 1..5
		// scale of this item.
		{"no scores", nil, func(t *testing.T, ls *LikertStats) {
			checkF(t, "mean (default scores 5..1)", ls.Score.Mean, o.f(t, e+"mean_1to5"))
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ls, err := Likert(likertCase06(tc.scores), nil)
			if err != nil {
				t.Fatal(err)
			}
			if ls.N != 37 || ls.Base != 40 {
				t.Errorf("n %d base %d, want 37 and 40 (case06 single_tally)", ls.N, ls.Base)
			}
			checkF(t, "top2", ls.Top2Pct, o.f(t, e+"top2_box_pct_valid"))
			checkF(t, "bottom2", ls.Bottom2Pct, o.f(t, e+"bottom2_box_pct_valid"))
			checkF(t, "net", ls.NetPct, o.f(t, e+"net_top2_minus_bottom2_pct"))
			checkF(t, "top2 on all", ls.Top2PctBase, o.f(t, e+"top2_box_pct_incl_NA_base"))
			wil := o.vec(t, e+"top2_wilson_ci95")
			checkF(t, "wilson low", ls.Top2Low, wil[0])
			checkF(t, "wilson high", ls.Top2High, wil[1])
			tc.check(t, ls)
		})
	}
	// Reversed listing: boxes still by score.
	v := likertCase06([]float64{2, 1, 0, -1, -2})
	rev := &Var{ID: "rev", Codes: []string{"不満", "やや不満", "どちらともいえない", "やや満足", "満足"}, Scores: []float64{-2, -1, 0, 1, 2}}
	for _, vals := range v.Values {
		if len(vals) == 0 {
			rev.Values = append(rev.Values, nil)
			continue
		}
		rev.Values = append(rev.Values, []int{4 - vals[0]})
	}
	ls, err := Likert(rev, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkF(t, "reversed top2", ls.Top2Pct, o.f(t, e+"top2_box_pct_valid"))
	if _, err := Likert(&Var{ID: "m", Multi: true, Codes: []string{"a"}, Values: [][]int{{0}}}, nil); err == nil {
		t.Error("multi-answer likert: no error")
	}
}

// TestIntervalsCase06: Wilson and Clopper–Pearson for 18 of 37
// (case06 expected.top2_wilson_ci95, top2_clopper_pearson_ci95).
func TestIntervalsCase06(t *testing.T) {
	o := loadOracle(t, "oracles.json")
	const e = "case06_likert_tally_scores.expected."
	lo, hi := Wilson(18, 37, Level95)
	checkVec(t, "wilson", []float64{lo, hi}, o.vec(t, e+"top2_wilson_ci95"))
	lo, hi = ClopperPearson(18, 37, Level95)
	checkVec(t, "clopper-pearson", []float64{lo, hi}, o.vec(t, e+"top2_clopper_pearson_ci95"))
	if lo, _ := Wilson(1, 0, Level95); !math.IsNaN(lo) {
		t.Error("wilson with n=0 is not NaN")
	}
	if lo, hi := ClopperPearson(0, 10, Level95); lo != 0 || !(hi > 0 && hi < 1) {
		t.Errorf("clopper-pearson 0/10 = [%v, %v]", lo, hi)
	}
}

func TestTabulateErrors(t *testing.T) {
	if _, err := Tabulate(&Var{ID: "x", Codes: []string{"a"}, Values: [][]int{{1}}}, nil); err == nil {
		t.Error("bad index: no error")
	}
	if _, err := Tabulate(&Var{ID: "x", Codes: []string{"a"}, Values: [][]int{{0}}}, []float64{1, 2}); err == nil {
		t.Error("weights length: no error")
	}
	tal, err := Tabulate(&Var{ID: "x", Codes: []string{"a"}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if tal.PctString(0, 1) != NotApplicable || !math.IsNaN(tal.Rows[0].Pct) {
		t.Errorf("empty wave: %q %v", tal.PctString(0, 1), tal.Rows[0].Pct)
	}
}
