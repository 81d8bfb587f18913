package ca

import (
	"math"
	"testing"
)

// FuzzFit builds small tables from arbitrary bytes (first byte: number of
// columns; then one count per byte) and checks that Fit either refuses the
// table or returns finite coordinates and percentages adding up to 100.
func FuzzFit(f *testing.F) {
	f.Add([]byte{3, 4, 2, 3, 4, 3, 7, 25, 10, 12})
	f.Add([]byte{2, 0, 0, 1, 1})
	f.Add([]byte{2, 1, 2, 2, 4})
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) < 2 {
			return
		}
		cols := int(b[0]%6) + 1
		b = b[1:]
		rows := len(b) / cols
		if rows > 40 {
			rows = 40
		}
		tb := Table{}
		for j := range cols {
			tb.Cols = append(tb.Cols, string(rune('a'+j)))
		}
		for i := range rows {
			tb.Rows = append(tb.Rows, string(rune('A'+i%26))+string(rune('0'+i/26)))
			row := make([]float64, cols)
			for j := range row {
				row[j] = float64(b[i*cols+j] % 16)
			}
			tb.Counts = append(tb.Counts, row)
		}
		res, err := Fit(tb, Options{})
		if err != nil {
			return
		}
		var pct float64
		for _, p := range res.InertiaPct {
			pct += p
		}
		if math.Abs(pct-100) > 1e-6 {
			t.Errorf("inertia percentages add up to %v", pct)
		}
		for _, pts := range [][]Point{res.Rows, res.Cols} {
			for _, p := range pts {
				for _, x := range []float64{p.Dim[0], p.Dim[1], p.Contribution, p.Contrib[0], p.Contrib[1]} {
					if math.IsNaN(x) || math.IsInf(x, 0) {
						t.Fatalf("point %s has a non-finite value: %+v", p.Label, p)
					}
				}
			}
		}
	})
}
