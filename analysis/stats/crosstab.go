package stats

import (
	"errors"
	"fmt"
	"math"
)

// CrosstabOptions tune Crosstab.
type CrosstabOptions struct {
	// MinCell is the smallest respondent count a published cell may show;
	// cells with 0 < n < MinCell are suppressed (see Suppress). 0 or 1
	// suppresses nothing.
	MinCell int
	// FisherMaxTables bounds the tables Fisher's exact test of an r×c table
	// may enumerate (0 = DefaultFisherMaxTables).
	FisherMaxTables int
}

// DefaultFisherMaxTables keeps an exact test to well under a second.
const DefaultFisherMaxTables = 1_000_000

// CrossTable is a cross tabulation of a row question (usually a
// demographic) by a column question, on the respondents who answered both.
// Matrices are rows × columns in codebook order.
type CrossTable struct {
	RowID, ColID       string
	RowCodes, ColCodes []string
	RowLabels          []string
	ColLabels          []string
	RowMulti, ColMulti bool
	Weighted           bool

	N         int     // respondents who answered both questions
	WeightedN float64 // their weight

	Counts   [][]int     // respondents in each cell
	WCounts  [][]float64 // their weight (= Counts when unweighted)
	RowN     []int       // respondents choosing each row option (the row % base)
	RowW     []float64
	ColN     []int // respondents choosing each column option
	ColW     []float64
	RowPct   [][]float64 // 100·cell/row base (weighted when weighted); 0 in empty rows
	ColPct   [][]float64 // 100·cell/column base; 0 in empty columns
	TotalPct []float64   // 100·column base/N: the 全体 row

	// Expected counts and adjusted standardized residuals of the tested
	// tables (the whole table, or each option's chosen-vs-not table for a
	// multi-answer question); NaN where no test covers the cell.
	Expected  [][]float64
	Residuals [][]float64
	Marks     [][]Mark
	// Suppressed marks cells hidden in published tables (MinCell).
	Suppressed [][]bool

	// Test is the χ² test of the whole table when both questions are
	// single-answer; nil otherwise or when the table is not testable.
	Test *ChiSquare
	// Fisher is Fisher's exact test of an unweighted table: always for 2×2,
	// and for larger tables when SmallExpected (only P is set then; nil when
	// the table is too large to enumerate). Report it instead of χ² when
	// SmallExpected.
	Fisher *Fisher
	// OptionTests hold, when exactly one question is multi-answer, one test
	// per option of it: the single question against "chose the option or
	// not" (nil where not testable). OptionPBH are their p-values adjusted
	// together by Benjamini–Hochberg.
	OptionTests []*ChiSquare
	OptionPBH   []float64
	// SmallExpected is set when any test run has small expected counts.
	SmallExpected bool
	// Notes explain, in Japanese for the report, what was dropped or why a
	// test is missing or only approximate.
	Notes []string

	opts CrosstabOptions
}

// Crosstab tabulates row by col. w holds the respondents' weights, or is nil
// for an unweighted table. Respondents missing either question are left out
// (N counts those who answered both). With a multi-answer question the cell
// counts are respondents (not answers) and the percentages use the
// respondent base, so they may add up to more than 100.
func Crosstab(row, col *Var, w []float64, opts CrosstabOptions) (*CrossTable, error) {
	if err := row.Validate(); err != nil {
		return nil, err
	}
	if err := col.Validate(); err != nil {
		return nil, err
	}
	if row.N() != col.N() {
		return nil, fmt.Errorf("crosstab %s × %s: %d and %d respondents", row.ID, col.ID, row.N(), col.N())
	}
	ww, weighted, err := weights(w, row.N())
	if err != nil {
		return nil, fmt.Errorf("crosstab %s × %s: %w", row.ID, col.ID, err)
	}
	R, C := len(row.Codes), len(col.Codes)
	ct := &CrossTable{
		RowID: row.ID, ColID: col.ID,
		RowCodes: row.Codes, ColCodes: col.Codes,
		RowMulti: row.Multi, ColMulti: col.Multi, Weighted: weighted,
		Counts: intMatrix(R, C), WCounts: floatMatrix(R, C), opts: opts,
		RowN: make([]int, R), RowW: make([]float64, R),
		ColN: make([]int, C), ColW: make([]float64, C),
	}
	for a := range R {
		ct.RowLabels = append(ct.RowLabels, row.Label(a))
	}
	for b := range C {
		ct.ColLabels = append(ct.ColLabels, col.Label(b))
	}
	both := make([]int, 0, row.N())
	for i := range row.N() {
		rv, cv := row.At(i), col.At(i)
		if len(rv) == 0 || len(cv) == 0 {
			continue
		}
		both = append(both, i)
		wi := ww[i]
		ct.N++
		ct.WeightedN += wi
		for _, a := range rv {
			ct.RowN[a]++
			ct.RowW[a] += wi
			for _, b := range cv {
				ct.Counts[a][b]++
				ct.WCounts[a][b] += wi
			}
		}
		for _, b := range cv {
			ct.ColN[b]++
			ct.ColW[b] += wi
		}
	}
	ct.percentages()

	ct.Expected = nanMatrix(R, C)
	ct.Residuals = nanMatrix(R, C)
	switch {
	case !row.Multi && !col.Multi:
		if err := ct.testWhole(row, col, both, ww); err != nil {
			return nil, err
		}
	case row.Multi && col.Multi:
		ct.Notes = append(ct.Notes, "両方の設問が複数回答のため、検定は行っていない。")
	default:
		if err := ct.testOptions(row, col, both, ww); err != nil {
			return nil, err
		}
	}
	ct.Marks = make([][]Mark, R)
	for a := range R {
		ct.Marks[a] = make([]Mark, C)
		for b := range C {
			ct.Marks[a][b] = MarkOf(ct.Residuals[a][b])
		}
	}
	ct.Suppressed = Suppress(ct.Counts, opts.MinCell)
	for a := range R {
		if ct.RowN[a] == 0 {
			ct.Notes = append(ct.Notes, fmt.Sprintf("「%s」に該当する回答者がいないため、表では「%s」とし、検定から除いた。", ct.RowLabels[a], NotApplicable))
		}
	}
	for b := range C {
		if ct.ColN[b] == 0 {
			ct.Notes = append(ct.Notes, fmt.Sprintf("「%s」を選んだ回答者がいないため、検定から除いた。", ct.ColLabels[b]))
		}
	}
	if weighted {
		ct.Notes = append(ct.Notes, "ウェイト付き集計。検定はRao–Scottの二次補正によるF検定。")
	}
	if ct.SmallExpected {
		msg := "期待度数が1未満のセル、または5未満のセルが2割を超えるため、χ²検定の結果は目安にとどまる。"
		if ct.Fisher != nil {
			msg += "フィッシャーの正確確率検定の結果を参照。"
		}
		ct.Notes = append(ct.Notes, msg)
	}
	return ct, nil
}

// RowPctString is cell (a, b)'s row percentage rounded half-up to digits
// decimals: exactly on the count ratio when unweighted, by FormatHalfUp when
// weighted; NotApplicable for an empty row.
func (ct *CrossTable) RowPctString(a, b, digits int) string {
	if !ct.Weighted {
		return Percent(ct.Counts[a][b], ct.RowN[a], digits)
	}
	if ct.RowW[a] == 0 {
		return NotApplicable
	}
	return FormatHalfUp(ct.RowPct[a][b], digits)
}

func (ct *CrossTable) percentages() {
	R, C := len(ct.RowCodes), len(ct.ColCodes)
	ct.RowPct = floatMatrix(R, C)
	ct.ColPct = floatMatrix(R, C)
	ct.TotalPct = make([]float64, C)
	val := func(a, b int) float64 {
		if ct.Weighted {
			return ct.WCounts[a][b]
		}
		return float64(ct.Counts[a][b])
	}
	for a := range R {
		rb := float64(ct.RowN[a])
		if ct.Weighted {
			rb = ct.RowW[a]
		}
		for b := range C {
			cb := float64(ct.ColN[b])
			if ct.Weighted {
				cb = ct.ColW[b]
			}
			if rb > 0 {
				ct.RowPct[a][b] = 100 * val(a, b) / rb
			}
			if cb > 0 {
				ct.ColPct[a][b] = 100 * val(a, b) / cb
			}
		}
	}
	total := float64(ct.N)
	if ct.Weighted {
		total = ct.WeightedN
	}
	for b := range C {
		cb := float64(ct.ColN[b])
		if ct.Weighted {
			cb = ct.ColW[b]
		}
		if total > 0 {
			ct.TotalPct[b] = 100 * cb / total
		}
	}
}

// runTest runs the χ² test (Rao–Scott when weighted) of respondents' cells.
func runTest(rows, cols []int, nr, nc int, w []float64, weighted bool) (*ChiSquare, error) {
	if weighted {
		// w is read only (a copy here was 8 MB per test of a million
		// respondents, one test per option of a multi-answer question).
		return WeightedChiSquare(rows, cols, nr, nc, w)
	}
	tab := floatMatrix(nr, nc)
	for i := range rows {
		tab[rows[i]][cols[i]]++
	}
	return ChiSquareTest(tab)
}

func (ct *CrossTable) testWhole(row, col *Var, both []int, ww []float64) error {
	R, C := len(row.Codes), len(col.Codes)
	ri := make([]int, len(both))
	ci := make([]int, len(both))
	wi := make([]float64, len(both))
	for k, i := range both {
		ri[k], ci[k], wi[k] = row.At(i)[0], col.At(i)[0], ww[i]
	}
	cs, err := runTest(ri, ci, R, C, wi, ct.Weighted)
	if err != nil {
		if errors.Is(err, ErrNotTestable) {
			ct.Notes = append(ct.Notes, "回答のある行または列が2つ未満のため、検定できない。")
			return nil
		}
		if errors.Is(err, ErrDegenerate) {
			ct.Notes = append(ct.Notes, noteDegenerate)
			return nil
		}
		return fmt.Errorf("crosstab %s × %s: %w", row.ID, col.ID, err)
	}
	ct.Test = cs
	ct.Expected = cs.Expected
	ct.Residuals = cs.AdjResiduals
	ct.SmallExpected = cs.SmallExpected
	// Fisher's test: always for 2×2, and for larger tables when the χ²
	// approximation is in doubt and the enumeration stays within budget.
	if !ct.Weighted && (cs.Rows == 2 && cs.Cols == 2 || cs.SmallExpected) {
		budget := ct.opts.FisherMaxTables
		if budget <= 0 {
			budget = DefaultFisherMaxTables
		}
		f, err := FisherExact(ct.Counts, budget)
		switch {
		case err == nil:
			ct.Fisher = &f
		case errors.Is(err, ErrTooManyTables):
			ct.Notes = append(ct.Notes, "表が大きく、フィッシャーの正確確率検定は計算していない。")
		default:
			return fmt.Errorf("crosstab %s × %s: %w", row.ID, col.ID, err)
		}
	}
	return nil
}

// testOptions tests each option of the multi-answer question separately:
// the single question's groups against "chose it / did not", a table whose
// rows do not overlap, so Pearson's test applies.
func (ct *CrossTable) testOptions(row, col *Var, both []int, ww []float64) error {
	multi, single := col, row
	multiIsCol := true
	if row.Multi {
		multi, single, multiIsCol = row, col, false
	}
	K, S := len(multi.Codes), len(single.Codes)
	ct.OptionTests = make([]*ChiSquare, K)
	ps := make([]float64, K)
	si := make([]int, len(both))
	wi := make([]float64, len(both))
	for k, i := range both {
		si[k], wi[k] = single.At(i)[0], ww[i]
	}
	chosen := make([]int, len(both))
	// Up to 64 options, each respondent's choices as one word, read once:
	// going through every respondent's answers again for each option cost
	// 6.6 s of a million respondents' crosstabs.
	var masks []uint64
	if K <= 64 {
		masks = make([]uint64, len(both))
		for k, i := range both {
			for _, x := range multi.At(i) {
				if x >= 0 && x < K {
					masks[k] |= 1 << uint(x)
				}
			}
		}
	}
	degenerate := false
	for j := range K {
		ps[j] = math.NaN()
		if masks != nil {
			bit := uint64(1) << uint(j)
			for k, m := range masks {
				chosen[k] = 1
				if m&bit != 0 {
					chosen[k] = 0
				}
			}
		} else {
			for k, i := range both {
				chosen[k] = 1
				for _, x := range multi.At(i) {
					if x == j {
						chosen[k] = 0
						break
					}
				}
			}
		}
		cs, err := runTest(si, chosen, S, 2, wi, ct.Weighted)
		if errors.Is(err, ErrNotTestable) {
			continue
		}
		if errors.Is(err, ErrDegenerate) {
			degenerate = true
			continue
		}
		if err != nil {
			return fmt.Errorf("crosstab %s × %s: option %s: %w", row.ID, col.ID, multi.Codes[j], err)
		}
		ct.OptionTests[j] = cs
		ps[j] = cs.P
		ct.SmallExpected = ct.SmallExpected || cs.SmallExpected
		for s := range S {
			a, b := s, j
			if !multiIsCol {
				a, b = j, s
			}
			ct.Expected[a][b] = cs.Expected[s][0]
			ct.Residuals[a][b] = cs.AdjResiduals[s][0]
		}
	}
	adj, err := AdjustP(ps, BH)
	if err != nil {
		return fmt.Errorf("crosstab %s × %s: %w", row.ID, col.ID, err)
	}
	ct.OptionPBH = adj
	if degenerate {
		ct.Notes = append(ct.Notes, noteDegenerate)
	}
	ct.Notes = append(ct.Notes, "複数回答のため、選択肢ごとに「選んだ／選ばなかった」のχ²検定を行い、p値はBenjamini–Hochberg法で補正した。")
	return nil
}

const noteDegenerate = "ウェイト付きの分散が推定できない（有効な回答が少ない、または偏りが極端な）ため、一部または全部の検定を行っていない。"

func keptList(n int, dropped []int) []int {
	m := keptIndex(n, dropped)
	var out []int
	for i, k := range m {
		if k >= 0 {
			out = append(out, i)
		}
	}
	return out
}

func intMatrix(r, c int) [][]int {
	m := make([][]int, r)
	for i := range m {
		m[i] = make([]int, c)
	}
	return m
}

func floatMatrix(r, c int) [][]float64 {
	m := make([][]float64, r)
	for i := range m {
		m[i] = make([]float64, c)
	}
	return m
}
