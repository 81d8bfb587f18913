package stats

import (
	"fmt"
	"math"
	"sort"
)

// Adjust names a multiple-comparison adjustment of a family of p-values.
type Adjust string

// The adjustments of R's p.adjust that reports use.
const (
	BH         Adjust = "BH"         // Benjamini–Hochberg false discovery rate
	Holm       Adjust = "holm"       // Holm step-down family-wise error
	Bonferroni Adjust = "bonferroni" // Bonferroni family-wise error
)

// AdjustP adjusts a family of p-values as R's p.adjust(p, method) does
// (case01 cell_p_BH, cell_p_holm, cell_p_bonferroni). NaN entries are not
// part of the family (R's NA) and stay NaN.
func AdjustP(p []float64, method Adjust) ([]float64, error) {
	out := make([]float64, len(p))
	idx := make([]int, 0, len(p))
	for i, x := range p {
		out[i] = math.NaN()
		if math.IsNaN(x) {
			continue
		}
		if x < 0 || x > 1 {
			return nil, fmt.Errorf("p-value %d is %v, outside [0, 1]", i, x)
		}
		idx = append(idx, i)
	}
	n := float64(len(idx))
	switch method {
	case Bonferroni:
		for _, i := range idx {
			out[i] = math.Min(1, n*p[i])
		}
	case Holm:
		// Smallest first: multiply the i-th smallest by n−i+1 and carry the
		// running maximum so adjusted values keep the order of the raw ones.
		sort.SliceStable(idx, func(a, b int) bool { return p[idx[a]] < p[idx[b]] })
		run := 0.0
		for r, i := range idx {
			run = math.Max(run, (n-float64(r))*p[i])
			out[i] = math.Min(1, run)
		}
	case BH:
		// Largest first: multiply the p-value of rank i by n/i and carry the
		// running minimum.
		sort.SliceStable(idx, func(a, b int) bool { return p[idx[a]] > p[idx[b]] })
		run := math.Inf(1)
		for r, i := range idx {
			rank := n - float64(r)
			run = math.Min(run, n/rank*p[i])
			out[i] = math.Min(1, run)
		}
	default:
		return nil, fmt.Errorf("unknown p-value adjustment %q (want BH, holm or bonferroni)", method)
	}
	return out, nil
}
