package ca

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/mat"
)

// DefaultLabels is how many rows a chart labels by default: about as many
// words as an A4 scatter plot can print without overlapping.
const DefaultLabels = 30

// Table is a contingency table: Counts[i][j] is the count of row i in
// column j (for koe, documents using term i written by respondents in
// group j).
type Table struct {
	Rows   []string
	Cols   []string
	Counts [][]float64
}

// Options tune Fit. The zero value asks for the defaults.
type Options struct {
	Labels int // rows to mark Labelled; 0 means DefaultLabels, negative none
}

// Point is a row or column of the table placed on the first two dimensions.
type Point struct {
	Label string
	Mass  float64 // share of the grand total
	// Dim holds the principal coordinates on dimensions 1 and 2; a table
	// with one dimension (two rows or two columns) has Dim[1] = 0.
	Dim [2]float64
	// Contrib is the point's share of each dimension's inertia,
	// mass·coordinate²/λ; over all rows (or all columns) each sums to 1.
	Contrib [2]float64
	// Contribution is the point's share of the inertia of the plane of the
	// first two dimensions: mass·(f₁² + f₂²)/(λ₁ + λ₂). The distinctive rows
	// are those with the largest.
	Contribution float64
	Labelled     bool // rows: among the Options.Labels largest Contribution; columns: always
}

// Result is a fitted correspondence analysis.
type Result struct {
	Rows, Cols []Point
	N          float64   // grand total of the table
	Total      float64   // total inertia, χ²/N
	Inertia    []float64 // principal inertia λₖ = σₖ² of every dimension, k = 1 … min(I, J) − 1
	InertiaPct []float64 // 100·λₖ/Total
}

// ErrNoInertia is returned for a table whose rows are all proportional
// (every row has the same profile): there is nothing to draw.
var ErrNoInertia = errors.New("ca: the rows all have the same profile (no inertia)")

// Fit computes the correspondence analysis of t, following Greenacre
// (2017), Correspondence Analysis in Practice, 3rd ed., appendix A:
//
//	P = N/n,  r = P1,  c = Pᵀ1
//	S = D_r^{-1/2} (P − r cᵀ) D_c^{-1/2} = U Σ Vᵀ         (A.3–A.4)
//	F = D_r^{-1/2} U Σ  (rows),  G = D_c^{-1/2} V Σ  (columns)   (A.6–A.7)
//	λₖ = σₖ²,  Σₖ λₖ = χ²/n                               (A.8)
//	ctrᵢₖ = rᵢ fᵢₖ²/λₖ                                     (A.9 and ch. 11)
//
// Singular vectors have no intrinsic sign, so each dimension is oriented
// to make the column coordinate of largest absolute value positive (values
// within a relative 1e-9 of it count as tied, and the first column decides).
func Fit(t Table, opt Options) (*Result, error) {
	if err := check(t); err != nil {
		return nil, err
	}
	if opt.Labels == 0 {
		opt.Labels = DefaultLabels
	}
	I, J := len(t.Rows), len(t.Cols)
	var n float64
	r, c := make([]float64, I), make([]float64, J)
	for i, row := range t.Counts {
		for j, x := range row {
			r[i] += x
			c[j] += x
			n += x
		}
	}
	for i := range r {
		r[i] /= n
	}
	for j := range c {
		c[j] /= n
	}
	s := mat.NewDense(I, J, nil)
	for i, row := range t.Counts {
		for j, x := range row {
			s.Set(i, j, (x/n-r[i]*c[j])/math.Sqrt(r[i]*c[j]))
		}
	}
	var svd mat.SVD
	if !svd.Factorize(s, mat.SVDThin) {
		return nil, errors.New("ca: singular value decomposition did not converge")
	}
	sv := svd.Values(nil)
	var u, v mat.Dense
	svd.UTo(&u)
	svd.VTo(&v)

	K := min(I, J) - 1
	res := &Result{N: n, Inertia: make([]float64, K), InertiaPct: make([]float64, K)}
	for k := range K {
		res.Inertia[k] = sv[k] * sv[k]
		res.Total += res.Inertia[k]
	}
	// When every row has the column profile, S is rounding noise of order
	// 1e-16 and its inertia of order 1e-32; a real table's inertia χ²/n is
	// never near 1e-20.
	if res.Total < 1e-20 {
		return nil, ErrNoInertia
	}
	for k := range K {
		// A dimension whose inertia is rounding noise carries no direction.
		if res.Inertia[k] < 1e-13*res.Total {
			res.Inertia[k] = 0
		}
		res.InertiaPct[k] = 100 * res.Inertia[k] / res.Total
	}

	res.Rows = make([]Point, I)
	res.Cols = make([]Point, J)
	for i := range res.Rows {
		res.Rows[i] = Point{Label: t.Rows[i], Mass: r[i]}
	}
	for j := range res.Cols {
		res.Cols[j] = Point{Label: t.Cols[j], Mass: c[j], Labelled: true}
	}
	for k := 0; k < min(2, K); k++ {
		if res.Inertia[k] == 0 {
			continue
		}
		sign := orientation(&v, k, c)
		for i := range res.Rows {
			res.Rows[i].Dim[k] = sign * u.At(i, k) * sv[k] / math.Sqrt(r[i])
			res.Rows[i].Contrib[k] = u.At(i, k) * u.At(i, k)
		}
		for j := range res.Cols {
			res.Cols[j].Dim[k] = sign * v.At(j, k) * sv[k] / math.Sqrt(c[j])
			res.Cols[j].Contrib[k] = v.At(j, k) * v.At(j, k)
		}
	}
	plane := res.Inertia[0]
	if K > 1 {
		plane += res.Inertia[1]
	}
	for _, pts := range [][]Point{res.Rows, res.Cols} {
		for i := range pts {
			p := &pts[i]
			p.Contribution = p.Mass * (p.Dim[0]*p.Dim[0] + p.Dim[1]*p.Dim[1]) / plane
		}
	}
	markLabels(res.Rows, opt.Labels)
	return res, nil
}

// orientation returns the sign that makes the column coordinate of
// largest absolute value on dimension k positive.
func orientation(v *mat.Dense, k int, c []float64) float64 {
	best := 0.0
	for j := range c {
		best = math.Max(best, math.Abs(v.At(j, k)/math.Sqrt(c[j])))
	}
	for j := range c {
		g := v.At(j, k) / math.Sqrt(c[j])
		if math.Abs(g) >= best*(1-1e-9) {
			if g < 0 {
				return -1
			}
			return 1
		}
	}
	return 1
}

// markLabels marks the labels rows with the largest Contribution, ties
// going to the label that sorts first.
func markLabels(rows []Point, labels int) {
	if labels <= 0 {
		return
	}
	idx := make([]int, len(rows))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int {
		if c := cmp.Compare(rows[b].Contribution, rows[a].Contribution); c != 0 {
			return c
		}
		return cmp.Compare(rows[a].Label, rows[b].Label)
	})
	for _, i := range idx[:min(labels, len(idx))] {
		rows[i].Labelled = true
	}
}

// check validates the table's shape and counts, naming the first fault.
func check(t Table) error {
	if len(t.Rows) < 2 || len(t.Cols) < 2 {
		return fmt.Errorf("ca: the table is %d×%d; correspondence analysis needs at least 2 rows and 2 columns", len(t.Rows), len(t.Cols))
	}
	if len(t.Counts) != len(t.Rows) {
		return fmt.Errorf("ca: %d rows of counts for %d row labels", len(t.Counts), len(t.Rows))
	}
	colSum := make([]float64, len(t.Cols))
	for i, row := range t.Counts {
		if len(row) != len(t.Cols) {
			return fmt.Errorf("ca: row %q has %d counts for %d columns", t.Rows[i], len(row), len(t.Cols))
		}
		sum := 0.0
		for j, x := range row {
			if math.IsNaN(x) || math.IsInf(x, 0) || x < 0 {
				return fmt.Errorf("ca: count %v at row %q, column %q is not a finite non-negative number", x, t.Rows[i], t.Cols[j])
			}
			sum += x
			colSum[j] += x
		}
		if sum == 0 {
			return fmt.Errorf("ca: row %q is empty", t.Rows[i])
		}
	}
	for j, s := range colSum {
		if s == 0 {
			return fmt.Errorf("ca: column %q is empty", t.Cols[j])
		}
	}
	return nil
}
