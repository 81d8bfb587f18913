package stats

import (
	"fmt"
	"math"
)

// Hensachi returns each value's 偏差値 among the values: 50 + 10·(x − mean)/SD.
// Reports differ on the SD's divisor; popSD selects n (the population SD,
// which the quadrant convention uses) over n − 1 (case06 hensachi notes).
// It fails when fewer than two values are given or all are equal (the SD is
// zero and every 偏差値 would be undefined).
func Hensachi(x []float64, popSD bool) ([]float64, error) {
	n := len(x)
	if n < 2 {
		return nil, fmt.Errorf("偏差値 needs at least two values, got %d: %w", n, ErrDegenerate)
	}
	var mean float64
	for _, v := range x {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("偏差値 of a value that is not a finite number: %w", ErrDegenerate)
		}
		mean += v
	}
	mean /= float64(n)
	var ss float64
	for _, v := range x {
		ss += (v - mean) * (v - mean)
	}
	div := float64(n - 1)
	if popSD {
		div = float64(n)
	}
	sd := math.Sqrt(ss / div)
	if sd == 0 {
		return nil, fmt.Errorf("偏差値 of values that are all equal: %w", ErrDegenerate)
	}
	out := make([]float64, n)
	for i, v := range x {
		out[i] = 50 + 10*(v-mean)/sd
	}
	return out, nil
}

// The four quadrants of the satisfaction × importance (CS) chart.
const (
	QuadrantImprovePriority  = "重点改善" // important, not satisfying: the plan's first targets
	QuadrantMaintainPriority = "重点維持" // important and satisfying
	QuadrantImprove          = "改善"   // less important, not satisfying
	QuadrantMaintain         = "維持"   // less important, satisfying
)

// QuadrantOf places a field by its 偏差値: importance ≥ 50 and satisfaction
// < 50 is 重点改善, and so on; 50 (the mean of the fields) counts as high
// (case06 hensachi.quadrant_rule).
func QuadrantOf(satHensachi, impHensachi float64) string {
	switch {
	case impHensachi >= 50 && satHensachi < 50:
		return QuadrantImprovePriority
	case impHensachi >= 50:
		return QuadrantMaintainPriority
	case satHensachi < 50:
		return QuadrantImprove
	}
	return QuadrantMaintain
}

// QuadrantMeaning explains a quadrant in plain Japanese for the report.
func QuadrantMeaning(q string) string {
	switch q {
	case QuadrantImprovePriority:
		return "重要度が高いのに満足度が低い分野です。優先して改善を検討すべき分野です。"
	case QuadrantMaintainPriority:
		return "重要度も満足度も高い分野です。今の水準を保つことが求められます。"
	case QuadrantImprove:
		return "重要度は比較的低く、満足度も低い分野です。"
	case QuadrantMaintain:
		return "重要度は比較的低く、満足度は高い分野です。"
	}
	return ""
}
