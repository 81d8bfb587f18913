package stats

import (
	"fmt"
	"math"
	"sort"
)

// MissingLabel labels the row of respondents who gave no answer.
const MissingLabel = "無回答"

// TallyRow is one line of a 単純集計: an option, or the 無回答 row.
type TallyRow struct {
	Code    string // option code; "" for the 無回答 row
	Label   string // option label, or MissingLabel
	Ord     int    // 1-based option order; the 無回答 row is len(Codes)+1
	Missing bool   // the 無回答 row
	Index   int    // index into Var.Codes; -1 for the 無回答 row

	N         int     // respondents choosing it
	WeightedN float64 // sum of their weights (= N when unweighted)
	// Pct is 100·N/Base (weighted: 100·WeightedN/WeightedBase), unrounded.
	Pct float64
	// PctAnswered is the same on the base of respondents who answered
	// (NaN for the 無回答 row, and when nobody answered).
	PctAnswered float64
	// PctChoices is the share of all choices made (multi: % of responses);
	// for single questions it equals PctAnswered. NaN for the 無回答 row.
	PctChoices float64
}

// Tally is the 単純集計 of one question. The base of Pct is every respondent
// of the wave, 無回答 included, so a single question's rows add up to 100 and
// a multi question's (M.T.) add up to more.
type Tally struct {
	QuestionID string
	Multi      bool
	Weighted   bool

	Base         int     // respondents of the wave (the percentage base)
	WeightedBase float64 // their weight
	Answered     int     // respondents with at least one answer
	WeightedAns  float64
	Choices      int // options chosen in all (= Answered for single questions)
	WeightedCh   float64

	Rows []TallyRow // options in codebook order, then the 無回答 row
}

// Tabulate makes the 単純集計 of v. w holds the respondents' weights, or is
// nil for an unweighted tally.
func Tabulate(v *Var, w []float64) (*Tally, error) {
	if err := v.Validate(); err != nil {
		return nil, err
	}
	ww, weighted, err := weights(w, v.N())
	if err != nil {
		return nil, fmt.Errorf("question %s: %w", v.ID, err)
	}
	k := len(v.Codes)
	t := &Tally{QuestionID: v.ID, Multi: v.Multi, Weighted: weighted, Base: v.N()}
	n := make([]int, k+1)
	wn := make([]float64, k+1)
	for i := range v.N() {
		vals := v.At(i)
		t.WeightedBase += ww[i]
		if len(vals) == 0 {
			n[k]++
			wn[k] += ww[i]
			continue
		}
		t.Answered++
		t.WeightedAns += ww[i]
		for _, j := range vals {
			n[j]++
			wn[j] += ww[i]
			t.Choices++
			t.WeightedCh += ww[i]
		}
	}
	pick := func(c int, wc float64) float64 {
		if weighted {
			return wc
		}
		return float64(c)
	}
	base := pick(t.Base, t.WeightedBase)
	ans := pick(t.Answered, t.WeightedAns)
	ch := pick(t.Choices, t.WeightedCh)
	for j := 0; j <= k; j++ {
		r := TallyRow{Ord: j + 1, Index: j, N: n[j], WeightedN: wn[j]}
		x := pick(n[j], wn[j])
		r.Pct = pct(x, base)
		if j == k {
			r.Missing, r.Label, r.Index = true, MissingLabel, -1
			r.PctAnswered, r.PctChoices = math.NaN(), math.NaN()
		} else {
			r.Code, r.Label = v.Codes[j], v.Label(j)
			r.PctAnswered = pct(x, ans)
			r.PctChoices = pct(x, ch)
		}
		t.Rows = append(t.Rows, r)
	}
	return t, nil
}

// PctString is row i's Pct rounded half-up to digits decimals: exactly on
// the rational N/Base when unweighted, by FormatHalfUp when weighted.
func (t *Tally) PctString(i, digits int) string {
	r := t.Rows[i]
	if !t.Weighted {
		return Percent(r.N, t.Base, digits)
	}
	return FormatHalfUp(r.Pct, digits)
}

// pct is 100·x/base, NaN for an empty base.
func pct(x, base float64) float64 {
	if base == 0 {
		return math.NaN()
	}
	return 100 * x / base
}

// LikertStats summarises a likert question on the respondents who answered
// it (無回答 is left out of every figure here; Tally shows it).
type LikertStats struct {
	QuestionID string
	Weighted   bool
	Base       int     // respondents of the wave
	N          int     // respondents who answered
	WeightedN  float64 // their weight

	// Score is the mean of the option scores (Var.Scores; without scores the
	// first option scores k and the last 1). Unweighted: t interval as R's
	// t.test; weighted: linearisation SE with the same t(n−1) interval
	// (case03 ci95_t_df_n_minus_1).
	Score MeanEstimate

	// Top2 and Bottom2 are the option indexes of the favourable and
	// unfavourable boxes: the two highest- and two lowest-scoring options
	// (one each when the scale has fewer than four options).
	Top2, Bottom2 []int
	// Percentages of the answered base (weighted when weighted).
	Top2Pct, Bottom2Pct, NetPct float64
	// The same boxes on the base of all respondents (無回答 included).
	Top2PctBase, Bottom2PctBase float64
	// 95% interval of the top-2 share as a proportion: Wilson score
	// unweighted (case06), normal with linearisation SE weighted (case03
	// ci95_top2_normal), clipped to [0, 1].
	Top2Low, Top2High float64
	Top2SE            float64 // SE of the top-2 proportion (linearisation when weighted)

	// Median score: R's median() unweighted, the weighted ECDF inverse
	// (svyquantile hf1) weighted. MedianOption is the option with that
	// score, or -1 when the median falls between options.
	Median       float64
	MedianOption int
}

// Likert summarises a likert question v (single answer, ordered options).
func Likert(v *Var, w []float64) (*LikertStats, error) {
	if err := v.Validate(); err != nil {
		return nil, err
	}
	if v.Multi {
		return nil, fmt.Errorf("question %s: likert summary of a multi-answer question", v.ID)
	}
	ww, weighted, err := weights(w, v.N())
	if err != nil {
		return nil, fmt.Errorf("question %s: %w", v.ID, err)
	}
	k := len(v.Codes)
	scores := v.Scores
	if scores == nil {
		scores = make([]float64, k)
		for j := range scores {
			scores[j] = float64(k - j)
		}
	}
	ls := &LikertStats{QuestionID: v.ID, Weighted: weighted, Base: v.N(), MedianOption: -1}

	// Boxes by score, not by position, so a codebook listing the scale from
	// 不満 to 満足 still gets 満足 in the top box.
	order := make([]int, k)
	for j := range order {
		order[j] = j
	}
	sort.SliceStable(order, func(a, b int) bool { return scores[order[a]] > scores[order[b]] })
	box := 1
	if k >= 4 {
		box = 2
	}
	ls.Top2 = append([]int(nil), order[:box]...)
	ls.Bottom2 = append([]int(nil), order[k-box:]...)
	inTop := make([]bool, k)
	inBottom := make([]bool, k)
	for _, j := range ls.Top2 {
		inTop[j] = true
	}
	for _, j := range ls.Bottom2 {
		inBottom[j] = true
	}

	y := make([]float64, v.N())
	top := make([]float64, v.N())
	var base, topW, botW float64
	for i := range v.N() {
		vals := v.At(i)
		base += ww[i]
		if len(vals) == 0 {
			y[i], top[i] = math.NaN(), math.NaN()
			continue
		}
		j := vals[0]
		y[i] = scores[j]
		ls.N++
		ls.WeightedN += ww[i]
		if inTop[j] {
			top[i] = 1
			topW += ww[i]
		}
		if inBottom[j] {
			botW += ww[i]
		}
	}
	var wArg []float64
	if weighted {
		wArg = ww
	}
	if ls.Score, err = WeightedMean(y, wArg); err != nil {
		return nil, fmt.Errorf("question %s: %w", v.ID, err)
	}
	ls.Top2Pct = pct(topW, ls.WeightedN)
	ls.Bottom2Pct = pct(botW, ls.WeightedN)
	ls.NetPct = ls.Top2Pct - ls.Bottom2Pct
	ls.Top2PctBase = pct(topW, base)
	ls.Bottom2PctBase = pct(botW, base)

	topEst, err := WeightedMean(top, wArg)
	if err != nil {
		return nil, fmt.Errorf("question %s: %w", v.ID, err)
	}
	ls.Top2SE = topEst.SE
	if weighted {
		lo, hi := topEst.NormalCI(Level95)
		ls.Top2Low, ls.Top2High = math.Max(0, lo), math.Min(1, hi)
	} else {
		ls.Top2Low, ls.Top2High = Wilson(topW, ls.WeightedN, Level95)
	}

	if weighted {
		ls.Median, err = WeightedMedian(y, ww)
		if err != nil {
			return nil, fmt.Errorf("question %s: %w", v.ID, err)
		}
	} else {
		ls.Median = Median(y)
	}
	for j, s := range scores {
		if s == ls.Median {
			ls.MedianOption = j
			break
		}
	}
	return ls, nil
}
