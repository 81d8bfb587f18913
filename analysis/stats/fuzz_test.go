package stats

import (
	"math"
	"testing"
)

// varsFromBytes decodes fuzz input into two questions over the same
// respondents. Byte 0 sets the shapes and flags; then each respondent takes
// three bytes: row answer, column answer, weight.
func varsFromBytes(data []byte) (row, col *Var, w []float64) {
	if len(data) < 1 {
		return nil, nil, nil
	}
	h := data[0]
	R, C := int(h%4)+1, int(h/4%4)+1
	row = &Var{ID: "r", Multi: h&0x10 != 0}
	col = &Var{ID: "c", Multi: h&0x20 != 0}
	for a := range R {
		row.Codes = append(row.Codes, string(rune('a'+a)))
	}
	for b := range C {
		col.Codes = append(col.Codes, string(rune('A'+b)))
	}
	weighted := h&0x40 != 0
	decode := func(v *Var, x byte, k int) []int {
		if x%7 == 0 {
			return nil // 無回答
		}
		if !v.Multi {
			return []int{int(x) % k}
		}
		var vals []int
		for j := range k {
			if x>>j&1 == 1 {
				vals = append(vals, j)
			}
		}
		return vals
	}
	for p := 1; p+2 < len(data); p += 3 {
		row.Values = append(row.Values, decode(row, data[p], R))
		col.Values = append(col.Values, decode(col, data[p+1], C))
		w = append(w, float64(data[p+2]%8)/2)
	}
	if !weighted {
		w = nil
	}
	return row, col, w
}

// FuzzCrosstab: any well-formed pair of questions tabulates without error
// or panic, and the table is internally consistent.
func FuzzCrosstab(f *testing.F) {
	f.Add([]byte{0x05, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13})
	f.Add([]byte{0x75, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 15, 16, 17})
	f.Add([]byte{0x4f, 1, 1, 0, 2, 2, 0, 3, 3, 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		row, col, w := varsFromBytes(data)
		if row == nil {
			return
		}
		ct, err := Crosstab(row, col, w, CrosstabOptions{MinCell: 3})
		if err != nil {
			t.Fatalf("Crosstab: %v", err)
		}
		n := 0
		for i := range row.Values {
			if len(row.Values[i]) > 0 && len(col.Values[i]) > 0 {
				n++
			}
		}
		if ct.N != n {
			t.Fatalf("N = %d, want %d", ct.N, n)
		}
		for a := range ct.RowPct {
			var s float64
			for b := range ct.RowPct[a] {
				x := ct.RowPct[a][b]
				if math.IsNaN(x) || x < 0 || x > 100+1e-9 {
					t.Fatalf("row %% [%d][%d] = %v", a, b, x)
				}
				s += x
			}
			base := ct.RowW[a]
			if !ct.Weighted {
				base = float64(ct.RowN[a])
			}
			if !col.Multi && base > 0 && math.Abs(s-100) > 1e-9 {
				t.Fatalf("row %d adds up to %v", a, s)
			}
		}
		if ct.Test != nil && (ct.Test.P < 0 || ct.Test.P > 1+1e-12) {
			t.Fatalf("p = %v", ct.Test.P)
		}
		if _, err := Tabulate(col, w); err != nil {
			t.Fatalf("Tabulate: %v", err)
		}
		if !col.Multi {
			if _, err := Likert(col, w); err != nil {
				t.Fatalf("Likert: %v", err)
			}
		}
	})
}
