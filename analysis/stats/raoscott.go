package stats

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/mathext"
)

// ErrDegenerate reports a weighted table whose design effects cannot be
// estimated (for instance when, within the tested table, the weighted
// respondents leave no variation to measure); svychisq returns NaN there.
var ErrDegenerate = errors.New("design effects cannot be estimated")

// RaoScott is the Rao–Scott second-order correction of Pearson's X² for a
// weighted table, as R's survey::svychisq(statistic = "F") computes it for
// svydesign(ids = ~1, weights = ~w): a single-stage, with-replacement design
// whose weights are treated as fixed (Rao & Scott 1984, Ann. Statist. 12;
// survey 4.1 svychisq.survey.design).
type RaoScott struct {
	// Pearson is X² of the weighted table scaled to n respondents
	// (svytable(..., Ntotal = n)).
	Pearson float64
	// F = Pearson / tr(Δ), referred to F(NumDF, DenDF).
	F            float64
	NumDF, DenDF float64 // d0 = tr(Δ)²/tr(Δ²) and d0·(n−1)
	P            float64
	// MeanDeff is tr(Δ)/df, the mean generalised design effect; the
	// first-order correction refers Pearson/MeanDeff to χ²(df)
	// (svychisq(statistic = "Chisq")).
	MeanDeff       float64
	FirstOrderChi2 float64
	FirstOrderP    float64
}

// WeightedChiSquare tests independence of two categorical variables given
// per respondent (row index, column index, weight). Empty rows and columns
// (zero total weight) are dropped as in ChiSquareTest. The table statistics
// (expected values, residuals, Cramér's V) are those of the weighted table
// scaled to the number of respondents; P is the Rao–Scott F p-value.
func WeightedChiSquare(rows, cols []int, nr, nc int, w []float64) (*ChiSquare, error) {
	n := len(rows)
	if len(cols) != n || len(w) != n {
		return nil, fmt.Errorf("weighted chi-square: %d rows, %d columns, %d weights", n, len(cols), len(w))
	}
	if nr <= 0 || nc <= 0 {
		return nil, ErrNotTestable
	}
	wt := make([][]float64, nr)
	for i := range wt {
		wt[i] = make([]float64, nc)
	}
	var W float64
	for i := range rows {
		if rows[i] < 0 || rows[i] >= nr || cols[i] < 0 || cols[i] >= nc {
			return nil, fmt.Errorf("weighted chi-square: respondent %d: cell (%d, %d) outside %d×%d", i, rows[i], cols[i], nr, nc)
		}
		if math.IsNaN(w[i]) || math.IsInf(w[i], 0) || w[i] < 0 {
			return nil, fmt.Errorf("weighted chi-square: respondent %d: weight %v", i, w[i])
		}
		wt[rows[i]][cols[i]] += w[i]
		W += w[i]
	}
	if n < 2 || W == 0 {
		return nil, ErrNotTestable
	}
	scaled := make([][]float64, nr)
	for i := range wt {
		scaled[i] = make([]float64, nc)
		for j := range wt[i] {
			scaled[i][j] = wt[i][j] / W * float64(n)
		}
	}
	cs, err := ChiSquareTest(scaled)
	if err != nil {
		return nil, err
	}
	rs, err := raoScott(rows, cols, w, nr, nc, cs)
	if err != nil {
		return nil, err
	}
	cs.RaoScott = rs
	cs.P = rs.P
	return cs, nil
}

// raoScott follows svychisq: with cell proportions p̂ (cells of the tested
// table, rows varying fastest), D = diag(p̂), V the linearisation covariance
// of p̂ and C a basis of the interaction contrasts,
// Δ = (Cᵀ D⁻¹ C / n)⁻¹ (Cᵀ D⁻¹ V D⁻¹ C).
func raoScott(rows, cols []int, w []float64, nr, nc int, cs *ChiSquare) (*RaoScott, error) {
	// Renumber the kept rows and columns 0..R−1, 0..C−1.
	rmap := keptIndex(nr, cs.DroppedRows)
	cmap := keptIndex(nc, cs.DroppedCols)
	R, C := cs.Rows, cs.Cols
	K := R * C
	m := (R - 1) * (C - 1)
	n := float64(len(rows))
	p := make([]float64, K)  // cell weight shares
	s2 := make([]float64, K) // cell sums of w²
	var W, S2 float64
	for i := range rows {
		a, b := rmap[rows[i]], cmap[cols[i]]
		if a < 0 || b < 0 {
			continue // only zero weights sit in dropped rows or columns
		}
		k := a + b*R
		p[k] += w[i]
		s2[k] += w[i] * w[i]
		W += w[i]
		S2 += w[i] * w[i]
	}
	for k := range p {
		p[k] /= W
	}
	// Projecting the interaction indicators off the row and column main
	// effects (svychisq's qr.resid(qr(X1), X12)) double-centres them: on a
	// complete R×C grid the column for cell (a, b) is (δ_ia−1/R)(δ_jb−1/C).
	// Δ depends on the contrast space only, not on the basis chosen in it.
	A := mat.NewDense(K, m, nil) // D⁻¹C
	Cm := mat.NewDense(K, m, nil)
	for a := 1; a < R; a++ {
		for b := 1; b < C; b++ {
			col := (a - 1) + (b-1)*(R-1)
			for i := 0; i < R; i++ {
				for j := 0; j < C; j++ {
					v := (kron(i, a) - 1/float64(R)) * (kron(j, b) - 1/float64(C))
					k := i + j*R
					Cm.Set(k, col, v)
					if p[k] > 0 {
						A.Set(k, col, v/p[k])
					}
				}
			}
		}
	}
	denom := mat.NewDense(m, m, nil)
	denom.Mul(Cm.T(), A)
	denom.Scale(1/n, denom)

	// V = n/(n−1)·Σ z_i z_iᵀ with z_i = w_i(e_cell(i) − p̂)/W, which sums to
	// (diag(s2) − s2·p̂ᵀ − p̂·s2ᵀ + S2·p̂p̂ᵀ)/W² over respondents; so
	// AᵀVA needs only A, p̂ and s2, never the K×K matrix.
	sv := mat.NewVecDense(K, s2)
	pv := mat.NewVecDense(K, p)
	As := mat.NewVecDense(m, nil)
	As.MulVec(A.T(), sv)
	Ap := mat.NewVecDense(m, nil)
	Ap.MulVec(A.T(), pv)
	numr := mat.NewDense(m, m, nil)
	var SA mat.Dense // diag(s2)·A
	SA.Apply(func(k, _ int, v float64) float64 { return s2[k] * v }, A)
	numr.Mul(A.T(), &SA)
	for x := 0; x < m; x++ {
		for y := 0; y < m; y++ {
			v := numr.At(x, y) - As.AtVec(x)*Ap.AtVec(y) - Ap.AtVec(x)*As.AtVec(y) + S2*Ap.AtVec(x)*Ap.AtVec(y)
			numr.Set(x, y, v*n/(n-1)/(W*W))
		}
	}
	var delta mat.Dense
	if err := delta.Solve(denom, numr); err != nil {
		return nil, fmt.Errorf("rao-scott: %w (%v)", ErrDegenerate, err)
	}
	var tr, tr2 float64
	for x := 0; x < m; x++ {
		tr += delta.At(x, x)
		for y := 0; y < m; y++ {
			tr2 += delta.At(x, y) * delta.At(y, x)
		}
	}
	if !(tr > 0) || !(tr2 > 0) {
		return nil, fmt.Errorf("rao-scott: %w (trace %v)", ErrDegenerate, tr)
	}
	rs := &RaoScott{Pearson: cs.Chi2}
	rs.NumDF = tr * tr / tr2
	rs.DenDF = rs.NumDF * (n - 1)
	rs.F = cs.Chi2 / tr
	rs.P = fSurvival(rs.F, rs.NumDF, rs.DenDF)
	rs.MeanDeff = tr / float64(m)
	rs.FirstOrderChi2 = cs.Chi2 / rs.MeanDeff
	rs.FirstOrderP = chiSurvival(rs.FirstOrderChi2, m)
	return rs, nil
}

// fSurvival is P(F(d1, d2) > x) through the regularised incomplete beta
// function, which keeps precision where 1−CDF would cancel.
func fSurvival(x, d1, d2 float64) float64 {
	if !(d1 > 0 && d2 > 0) || math.IsNaN(x) {
		return math.NaN()
	}
	if x <= 0 {
		return 1
	}
	return mathext.RegIncBeta(d2/2, d1/2, d2/(d2+d1*x))
}

func kron(i, j int) float64 {
	if i == j {
		return 1
	}
	return 0
}

// keptIndex maps 0..n−1 to positions among the indexes not dropped (−1 for
// dropped ones).
func keptIndex(n int, dropped []int) []int {
	out := make([]int, n)
	d := 0
	k := 0
	for i := 0; i < n; i++ {
		if d < len(dropped) && dropped[d] == i {
			out[i] = -1
			d++
			continue
		}
		out[i] = k
		k++
	}
	return out
}
