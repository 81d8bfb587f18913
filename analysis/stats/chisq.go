package stats

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// ErrNotTestable reports a table with fewer than two non-empty rows or
// columns, which has no test of independence.
var ErrNotTestable = errors.New("fewer than two non-empty rows or columns")

// ChiSquare is Pearson's test of independence of a two-way table.
//
// All-zero rows and columns are dropped before the test (R's chisq.test
// returns NaN and a wrong df for them; case01 t4x3_zero_row): the matrices
// keep the input's shape with NaN in dropped rows and columns, and Rows,
// Cols and DF describe the table actually tested.
type ChiSquare struct {
	N           float64 // total of the tested table
	Rows, Cols  int     // shape of the tested table
	DroppedRows []int   // input row indexes left out (all zero)
	DroppedCols []int   // input column indexes left out (all zero)

	Chi2     float64 // Pearson X² (no continuity correction)
	DF       int     // (Rows−1)(Cols−1)
	P        float64 // upper tail of χ²(DF); the Rao–Scott p when RaoScott is set
	G2       float64 // likelihood-ratio statistic 2ΣO·ln(O/E)
	G2P      float64
	CramersV float64 // √(X²/(N·(min(Rows,Cols)−1))) (vcd::assocstats)
	// Yates's continuity-corrected X² and its p, for 2×2 tables (else NaN).
	YatesChi2, YatesP float64

	Expected     [][]float64 // r_i·c_j/N
	Residuals    [][]float64 // Pearson (O−E)/√E
	AdjResiduals [][]float64 // (O−E)/√(E(1−r_i/N)(1−c_j/N)) (Haberman; R's stdres)

	MinExpected   float64
	BelowFive     int     // cells with E < 5
	FracBelowFive float64 // their share of the tested cells
	// SmallExpected is Cochran's warning: some E < 1, or more than 20% of
	// the cells have E < 5. The χ² p is then only approximate; for 2×2
	// tables report Fisher's exact test instead.
	SmallExpected bool

	// RaoScott is the design-based correction for weighted tables; nil for
	// unweighted ones. When set, P is its p-value and Chi2 is Pearson's X²
	// of the weighted table scaled to the number of respondents.
	RaoScott *RaoScott
}

// ChiSquareTest runs Pearson's test on a table of counts (or of weighted
// counts already scaled to the sample size), rows × columns (case01).
func ChiSquareTest(table [][]float64) (*ChiSquare, error) {
	nr := len(table)
	if nr == 0 {
		return nil, ErrNotTestable
	}
	nc := len(table[0])
	for i, row := range table {
		if len(row) != nc {
			return nil, fmt.Errorf("row %d has %d cells, row 0 has %d", i, len(row), nc)
		}
		for j, x := range row {
			if math.IsNaN(x) || math.IsInf(x, 0) || x < 0 {
				return nil, fmt.Errorf("cell (%d, %d) is %v, not a finite non-negative count", i, j, x)
			}
		}
	}
	rowT := make([]float64, nr)
	colT := make([]float64, nc)
	for i, row := range table {
		for j, x := range row {
			rowT[i] += x
			colT[j] += x
		}
	}
	cs := &ChiSquare{YatesChi2: math.NaN(), YatesP: math.NaN()}
	var keepR, keepC []int
	for i, t := range rowT {
		if t > 0 {
			keepR = append(keepR, i)
		} else {
			cs.DroppedRows = append(cs.DroppedRows, i)
		}
	}
	for j, t := range colT {
		if t > 0 {
			keepC = append(keepC, j)
		} else {
			cs.DroppedCols = append(cs.DroppedCols, j)
		}
	}
	if len(keepR) < 2 || len(keepC) < 2 {
		return nil, ErrNotTestable
	}
	cs.Rows, cs.Cols = len(keepR), len(keepC)
	for _, i := range keepR {
		cs.N += rowT[i]
	}
	cs.Expected = nanMatrix(nr, nc)
	cs.Residuals = nanMatrix(nr, nc)
	cs.AdjResiduals = nanMatrix(nr, nc)
	N := cs.N
	cs.MinExpected = math.Inf(1)
	cells := 0
	for _, i := range keepR {
		for _, j := range keepC {
			o := table[i][j]
			e := rowT[i] * colT[j] / N
			d := o - e
			cs.Expected[i][j] = e
			cs.Residuals[i][j] = d / math.Sqrt(e)
			cs.AdjResiduals[i][j] = d / math.Sqrt(e*(1-rowT[i]/N)*(1-colT[j]/N))
			cs.Chi2 += d * d / e
			if o > 0 {
				cs.G2 += 2 * o * math.Log(o/e)
			}
			cs.MinExpected = math.Min(cs.MinExpected, e)
			if e < 5 {
				cs.BelowFive++
			}
			cells++
		}
	}
	cs.FracBelowFive = float64(cs.BelowFive) / float64(cells)
	cs.SmallExpected = cs.MinExpected < 1 || cs.FracBelowFive > 0.2
	cs.DF = (cs.Rows - 1) * (cs.Cols - 1)
	cs.P = chiSurvival(cs.Chi2, cs.DF)
	cs.G2P = chiSurvival(cs.G2, cs.DF)
	cs.CramersV = math.Sqrt(cs.Chi2 / (N * float64(min(cs.Rows, cs.Cols)-1)))
	if cs.Rows == 2 && cs.Cols == 2 {
		// R's chisq.test(correct = TRUE): |O−E| shrinks by at most 1/2.
		var y float64
		for _, i := range keepR {
			for _, j := range keepC {
				e := cs.Expected[i][j]
				d := math.Abs(table[i][j] - e)
				d -= math.Min(0.5, d)
				y += d * d / e
			}
		}
		cs.YatesChi2 = y
		cs.YatesP = chiSurvival(y, 1)
	}
	return cs, nil
}

// chiSurvival is P(χ²(df) > x).
func chiSurvival(x float64, df int) float64 {
	if df <= 0 || math.IsNaN(x) {
		return math.NaN()
	}
	return distuv.ChiSquared{K: float64(df)}.Survival(x)
}

// NormalTwoSided is the two-sided p-value 2·P(Z > |z|) of a standard normal
// statistic, e.g. of an adjusted residual (case01 cell_p_two_sided).
func NormalTwoSided(z float64) float64 {
	// erfc keeps precision in the far tail where 1−Φ would cancel.
	return math.Erfc(math.Abs(z) / math.Sqrt2)
}

func nanMatrix(r, c int) [][]float64 {
	m := make([][]float64, r)
	for i := range m {
		m[i] = make([]float64, c)
		for j := range m[i] {
			m[i][j] = math.NaN()
		}
	}
	return m
}
