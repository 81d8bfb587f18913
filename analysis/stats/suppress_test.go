package stats

import (
	"fmt"
	"testing"
)

func TestSuppress(t *testing.T) {
	tests := []struct {
		name    string
		counts  [][]int
		minCell int
		want    [][]bool
	}{
		{"nothing small", [][]int{{5, 6}, {7, 8}}, 5, [][]bool{{false, false}, {false, false}}},
		{"min cell off", [][]int{{1, 6}, {7, 8}}, 0, [][]bool{{false, false}, {false, false}}},
		// (0,0)=2 is primary. Row 0 takes its smallest other cell (0,1)=10;
		// column 0 then takes (1,0)=15 and column 1 takes (1,1)=30, after
		// which every line holds two hidden cells.
		{"one small cell", [][]int{{2, 10, 20}, {15, 30, 40}, {25, 35, 50}}, 5, [][]bool{
			{true, true, false}, {true, true, false}, {false, false, false}}},
		// Zero cells stay visible and are not chosen while a non-zero
		// cell is available: row 0 complements with 8, not 0.
		{"zero not used", [][]int{{3, 0, 8}, {9, 9, 9}}, 5, [][]bool{
			{true, false, true}, {true, false, true}}},
		// Two small cells in one row protect each other along the row;
		// their columns each need a partner.
		{"two small in a row", [][]int{{1, 2, 30}, {12, 11, 40}}, 3, [][]bool{
			{true, true, false}, {true, true, false}}},
		// One row: the column rule cannot be met; the row rule still is.
		{"single row", [][]int{{2, 10, 30}}, 5, [][]bool{{true, true, false}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Suppress(tc.counts, tc.minCell)
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("Suppress = %v, want %v", got, tc.want)
			}
		})
	}
}

// FuzzSuppress: on any table of at least 2×2, every small cell is hidden,
// no zero cell is hidden while its line has a non-zero candidate, and every
// row and column holds zero or at least two hidden cells.
func FuzzSuppress(f *testing.F) {
	f.Add([]byte{2, 10, 20, 15, 30, 40, 25, 35, 50}, uint8(3), uint8(5))
	f.Add([]byte{0, 1, 0, 1}, uint8(2), uint8(3))
	f.Fuzz(func(t *testing.T, data []byte, cols, minCell uint8) {
		c := int(cols%6) + 2
		r := len(data) / c
		if r < 2 || r > 20 {
			return
		}
		counts := make([][]int, r)
		for i := range counts {
			for j := range c {
				counts[i] = append(counts[i], int(data[i*c+j]%20))
			}
		}
		h := Suppress(counts, int(minCell%10))
		for i := range counts {
			n := 0
			for j := range counts[i] {
				small := counts[i][j] > 0 && counts[i][j] < int(minCell%10)
				if small && !h[i][j] {
					t.Fatalf("small cell (%d,%d) visible", i, j)
				}
				if h[i][j] {
					n++
				}
			}
			if n == 1 {
				t.Fatalf("row %d has one hidden cell: %v → %v", i, counts, h)
			}
		}
		for j := range c {
			n := 0
			for i := range counts {
				if h[i][j] {
					n++
				}
			}
			if n == 1 {
				t.Fatalf("column %d has one hidden cell: %v → %v", j, counts, h)
			}
		}
	})
}
