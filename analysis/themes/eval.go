package themes

import (
	"cmp"
	"math"
	"slices"
)

// contingency cross-tabulates two labelings of the same items: cell counts
// keyed by (a, b) label pair, and the row and column totals.
func contingency(a, b []int) (cells map[[2]int]int, rows, cols map[int]int) {
	cells = make(map[[2]int]int)
	rows = make(map[int]int)
	cols = make(map[int]int)
	for i := range a {
		cells[[2]int{a[i], b[i]}]++
		rows[a[i]]++
		cols[b[i]]++
	}
	return cells, rows, cols
}

// sortedCounts returns the values of m in key order, so that floating-point
// sums never depend on map iteration order.
func sortedCounts[K comparable](m map[K]int, less func(x, y K) int) []int {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, less)
	out := make([]int, len(keys))
	for i, k := range keys {
		out[i] = m[k]
	}
	return out
}

func cmpInt(x, y int) int { return cmp.Compare(x, y) }

func cmpPair(x, y [2]int) int {
	if c := cmp.Compare(x[0], y[0]); c != 0 {
		return c
	}
	return cmp.Compare(x[1], y[1])
}

func choose2(n int) float64 { return float64(n) * float64(n-1) / 2 }

// ARI is the adjusted Rand index of two labelings of the same items
// (Hubert and Arabie 1985, "Comparing partitions", J. Classification 2:193–218):
//
//	ARI = (Σᵢⱼ C(nᵢⱼ,2) − E) / (½(Σᵢ C(aᵢ,2) + Σⱼ C(bⱼ,2)) − E),
//	E = Σᵢ C(aᵢ,2) · Σⱼ C(bⱼ,2) / C(n,2).
//
// It is 1 for identical partitions whatever the label values, about 0 for
// independent ones, and may be negative. When the denominator is zero (both
// labelings put everything in one cluster, or everything in its own) the
// partitions are identical and ARI is 1, as in sklearn and mclust. It returns
// NaN when the lengths differ or are zero.
func ARI(a, b []int) float64 {
	if len(a) != len(b) || len(a) == 0 {
		return math.NaN()
	}
	cells, rows, cols := contingency(a, b)
	var sumCells, sumRows, sumCols float64
	for _, n := range sortedCounts(cells, cmpPair) {
		sumCells += choose2(n)
	}
	for _, n := range sortedCounts(rows, cmpInt) {
		sumRows += choose2(n)
	}
	for _, n := range sortedCounts(cols, cmpInt) {
		sumCols += choose2(n)
	}
	expected := sumRows * sumCols / choose2(len(a))
	maxIndex := (sumRows + sumCols) / 2
	if maxIndex == expected {
		return 1
	}
	return (sumCells - expected) / (maxIndex - expected)
}

// NMI is the normalized mutual information of two labelings, with the
// arithmetic-mean normalisation NMI = I(a;b) / ((H(a)+H(b))/2) (Strehl and
// Ghosh 2002 use the geometric mean; the arithmetic one is sklearn's default
// since 0.22 and the "NMI_sum" of Vinh, Epps and Bailey 2010). Natural logs;
// the base cancels. When both entropies are zero (one cluster each) it
// returns 1, as sklearn does. It returns NaN when the lengths differ or are
// zero.
func NMI(a, b []int) float64 {
	if len(a) != len(b) || len(a) == 0 {
		return math.NaN()
	}
	n := float64(len(a))
	cells, rows, cols := contingency(a, b)
	entropy := func(counts []int) float64 {
		var h float64
		for _, c := range counts {
			p := float64(c) / n
			h -= p * math.Log(p)
		}
		return h
	}
	ha := entropy(sortedCounts(rows, cmpInt))
	hb := entropy(sortedCounts(cols, cmpInt))
	if ha == 0 && hb == 0 {
		return 1
	}
	keys := make([][2]int, 0, len(cells))
	for k := range cells {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, cmpPair)
	var mi float64
	for _, k := range keys {
		nij := float64(cells[k])
		mi += nij / n * math.Log(n*nij/(float64(rows[k[0]])*float64(cols[k[1]])))
	}
	return max(mi, 0) / ((ha + hb) / 2)
}
