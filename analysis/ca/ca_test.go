package ca

import (
	"errors"
	"math"
	"strconv"
	"testing"
)

// refCase is a table with its reference values from testdata/reference.R
// (base R 4.2.2: svd() of the standardized residuals, koe's sign rule),
// printed to 17 significant digits.
type refCase struct {
	name       string
	counts     [][]float64
	inertia    []float64
	total      float64
	rows, cols [2][]float64 // principal coordinates on dimensions 1 and 2
}

var refCases = []refCase{
	{
		// Greenacre's smoking data (Correspondence Analysis in Practice,
		// 3rd ed., Exhibit 9.1): λ₁ = 0.0748 (87.8%), λ₂ = 0.0100 (11.8%)
		// as printed there; the digits are reference.R's.
		name:    "smoke",
		counts:  [][]float64{{4, 2, 3, 2}, {4, 3, 7, 4}, {25, 10, 12, 4}, {18, 24, 33, 13}, {10, 6, 7, 2}},
		inertia: []float64{0.07475910588575571114, 0.01001718051222877381, 0.00041357407985622498},
		total:   0.085189860477840704,
		rows: [2][]float64{
			{0.06576838388025906, -0.25895842143040226, 0.38059488705021305, -0.23295190822271838, 0.20108912188410918},
			{0.193737003621610171, 0.243304574901462289, 0.010659907204889494, -0.057743907753215765, -0.078911230929216591},
		},
		cols: [2][]float64{
			{0.393308448578718495, -0.099455920793376937, -0.196320956395290291, -0.293775985243675208},
			{0.0304920711091873527, -0.1410642892001494619, -0.0073591085867477013, 0.1977656563489861019},
		},
	},
	{
		// Made-up terms × the five districts (reference.R, "districts").
		name: "districts",
		counts: [][]float64{{30, 12, 8, 5, 4}, {6, 25, 9, 4, 3}, {10, 11, 14, 12, 9},
			{3, 4, 5, 18, 2}, {8, 7, 6, 5, 20}, {12, 15, 10, 8, 7}},
		inertia: []float64{0.1541111555872821670, 0.1272275927922097705, 0.0939474599942734245, 0.0093733599050270164},
		total:   0.38465956827879239,
		rows: [2][]float64{
			{-0.4444054136231020968, -0.2301253439706480441, 0.1696984772573141287, 0.9528347371085295059, 0.0045543357675411717, -0.0609137536308837491},
			{-0.177153842332233635, -0.319924853770323203, 0.036321334370005037, -0.288344586179367035, 0.774420253071428699, -0.056572207374216643},
		},
		cols: [2][]float64{
			{-0.400628544129704778, -0.216515123998522768, 0.045644460752481401, 0.763231971051899549, 0.035642539266944537},
			{-0.090180638154124193, -0.238887750389856185, -0.061946700379169363, -0.188716651478913477, 0.820770041291205121},
		},
	},
	{
		// Three terms × two age bands: one dimension. By hand, χ² = 11.733…
		// on n = 32, so λ₁ = 11/30; both columns have mass ½, so their
		// coordinates tie in size and the first decides the sign.
		name:    "two",
		counts:  [][]float64{{10, 2}, {5, 5}, {1, 9}},
		inertia: []float64{0.36666666666666659},
		total:   0.36666666666666659,
		rows:    [2][]float64{{0.66666666666666718, 0, -0.80000000000000004}, {0, 0, 0}},
		cols:    [2][]float64{{0.60553007081949817, -0.60553007081949839}, {0, 0}},
	},
}

// tol is the agreement asked of R's LAPACK-based svd() and gonum's.
const tol = 1e-9

func tableOf(counts [][]float64) Table {
	t := Table{Counts: counts}
	for i := range counts {
		t.Rows = append(t.Rows, "r"+strconv.Itoa(i+1))
	}
	for j := range counts[0] {
		t.Cols = append(t.Cols, "c"+strconv.Itoa(j+1))
	}
	return t
}

func TestAgainstR(t *testing.T) {
	for _, rc := range refCases {
		t.Run(rc.name, func(t *testing.T) {
			res, err := Fit(tableOf(rc.counts), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Inertia) != len(rc.inertia) {
				t.Fatalf("%d dimensions, want %d", len(res.Inertia), len(rc.inertia))
			}
			for k, want := range rc.inertia {
				near(t, "inertia "+strconv.Itoa(k+1), res.Inertia[k], want)
				near(t, "inertia % "+strconv.Itoa(k+1), res.InertiaPct[k], 100*want/rc.total)
			}
			near(t, "total", res.Total, rc.total)
			for k := range 2 {
				for i, want := range rc.rows[k] {
					near(t, res.Rows[i].Label+" dim"+strconv.Itoa(k+1), res.Rows[i].Dim[k], want)
				}
				for j, want := range rc.cols[k] {
					near(t, res.Cols[j].Label+" dim"+strconv.Itoa(k+1), res.Cols[j].Dim[k], want)
				}
			}
		})
	}
}

func near(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > tol {
		t.Errorf("%s = %.17g, want %.17g (±%g)", what, got, want, tol)
	}
}

// TestIdentities checks properties every solution has (Greenacre 2017,
// appendix A): total inertia is χ²/n, coordinates are centred at the
// masses' mean, each dimension's contributions sum to 1, and the
// principal inertia is the mass-weighted sum of squared coordinates.
func TestIdentities(t *testing.T) {
	for _, rc := range refCases {
		t.Run(rc.name, func(t *testing.T) {
			res, err := Fit(tableOf(rc.counts), Options{})
			if err != nil {
				t.Fatal(err)
			}
			near(t, "χ²/n", res.Total, chi2(rc.counts)/res.N)
			for k := 0; k < min(2, len(res.Inertia)); k++ {
				for _, pts := range [][]Point{res.Rows, res.Cols} {
					var mean, ctr, in float64
					for _, p := range pts {
						mean += p.Mass * p.Dim[k]
						ctr += p.Contrib[k]
						in += p.Mass * p.Dim[k] * p.Dim[k]
					}
					near(t, "weighted mean", mean, 0)
					near(t, "Σ contributions", ctr, 1)
					near(t, "Σ mass·f²", in, res.Inertia[k])
				}
			}
			var plane float64
			for _, p := range res.Rows {
				plane += p.Contribution
			}
			near(t, "Σ plane contributions", plane, 1)
		})
	}
}

func chi2(n [][]float64) float64 {
	r, c := make([]float64, len(n)), make([]float64, len(n[0]))
	var tot float64
	for i, row := range n {
		for j, x := range row {
			r[i] += x
			c[j] += x
			tot += x
		}
	}
	var x2 float64
	for i, row := range n {
		for j, x := range row {
			e := r[i] * c[j] / tot
			x2 += (x - e) * (x - e) / e
		}
	}
	return x2
}

func TestSignRule(t *testing.T) {
	// Reversing the columns must not flip the chart: the column of largest
	// |coordinate| is positive on each dimension whatever the order.
	for _, rc := range refCases[:2] {
		rev := make([][]float64, len(rc.counts))
		for i, row := range rc.counts {
			for j := len(row) - 1; j >= 0; j-- {
				rev[i] = append(rev[i], row[j])
			}
		}
		a, err := Fit(tableOf(rc.counts), Options{})
		if err != nil {
			t.Fatal(err)
		}
		b, err := Fit(tableOf(rev), Options{})
		if err != nil {
			t.Fatal(err)
		}
		for i := range a.Rows {
			for k := range 2 {
				near(t, rc.name+" reversed "+a.Rows[i].Label, b.Rows[i].Dim[k], a.Rows[i].Dim[k])
			}
		}
	}
}

func TestLabels(t *testing.T) {
	tb := tableOf(refCases[1].counts)
	tests := []struct {
		name   string
		labels int
		want   []bool
	}{
		// Plane contributions of the six rows (reference.R, last lines):
		// r4 0.386, r5 0.336, r1 0.164, r2 0.089, r3 0.021, r6 0.004.
		{"two", 2, []bool{false, false, false, true, true, false}},
		{"four", 4, []bool{true, true, false, true, true, false}},
		{"default labels all six", 0, []bool{true, true, true, true, true, true}},
		{"none", -1, []bool{false, false, false, false, false, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Fit(tb, Options{Labels: tt.labels})
			if err != nil {
				t.Fatal(err)
			}
			for i, p := range res.Rows {
				if p.Labelled != tt.want[i] {
					t.Errorf("%s labelled = %v, want %v (contribution %.3f)", p.Label, p.Labelled, tt.want[i], p.Contribution)
				}
			}
			for _, p := range res.Cols {
				if !p.Labelled {
					t.Errorf("column %s not labelled", p.Label)
				}
			}
		})
	}
}

func TestBadTables(t *testing.T) {
	tests := []struct {
		name string
		t    Table
	}{
		{"one row", Table{Rows: []string{"a"}, Cols: []string{"x", "y"}, Counts: [][]float64{{1, 2}}}},
		{"one column", Table{Rows: []string{"a", "b"}, Cols: []string{"x"}, Counts: [][]float64{{1}, {2}}}},
		{"empty", Table{}},
		{"rows mismatch", Table{Rows: []string{"a", "b"}, Cols: []string{"x", "y"}, Counts: [][]float64{{1, 2}}}},
		{"ragged", Table{Rows: []string{"a", "b"}, Cols: []string{"x", "y"}, Counts: [][]float64{{1, 2}, {3}}}},
		{"negative", Table{Rows: []string{"a", "b"}, Cols: []string{"x", "y"}, Counts: [][]float64{{1, -2}, {3, 4}}}},
		{"NaN", Table{Rows: []string{"a", "b"}, Cols: []string{"x", "y"}, Counts: [][]float64{{1, math.NaN()}, {3, 4}}}},
		{"Inf", Table{Rows: []string{"a", "b"}, Cols: []string{"x", "y"}, Counts: [][]float64{{1, math.Inf(1)}, {3, 4}}}},
		{"empty row", Table{Rows: []string{"a", "b", "c"}, Cols: []string{"x", "y"}, Counts: [][]float64{{1, 2}, {0, 0}, {3, 4}}}},
		{"empty column", Table{Rows: []string{"a", "b"}, Cols: []string{"x", "y", "z"}, Counts: [][]float64{{1, 0, 2}, {3, 0, 4}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Fit(tt.t, Options{}); err == nil {
				t.Error("no error")
			}
		})
	}
	t.Run("proportional rows", func(t *testing.T) {
		_, err := Fit(tableOf([][]float64{{1, 2, 3}, {2, 4, 6}, {10, 20, 30}}), Options{})
		if !errors.Is(err, ErrNoInertia) {
			t.Errorf("err = %v, want ErrNoInertia", err)
		}
	})
}
