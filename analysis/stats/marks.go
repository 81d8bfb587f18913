package stats

import "math"

// Residual mark thresholds: |adjusted residual| ≥ 1.96 is significant at 5%
// and ≥ 2.58 at 1% (two-sided; the rounded normal quantiles reports quote,
// as in case01 marks_1.96 / marks_2.58).
const (
	Z05 = 1.96
	Z01 = 2.58
)

// Mark flags a cell whose share differs from the whole table's.
type Mark int

// The marks, from none to the strongest.
const (
	MarkNone     Mark = iota
	MarkHigh          // residual ≥ +1.96
	MarkVeryHigh      // residual ≥ +2.58
	MarkLow           // residual ≤ −1.96
	MarkVeryLow       // residual ≤ −2.58
)

// MarkOf is the mark for an adjusted residual (none for NaN).
func MarkOf(z float64) Mark {
	switch {
	case math.IsNaN(z):
		return MarkNone
	case z >= Z01:
		return MarkVeryHigh
	case z >= Z05:
		return MarkHigh
	case z <= -Z01:
		return MarkVeryLow
	case z <= -Z05:
		return MarkLow
	}
	return MarkNone
}

// Glyph is the symbol printed beside the percentage.
func (m Mark) Glyph() string {
	switch m {
	case MarkHigh:
		return "▲"
	case MarkVeryHigh:
		return "▲▲"
	case MarkLow:
		return "▼"
	case MarkVeryLow:
		return "▼▼"
	}
	return ""
}

// Meaning explains the mark in plain Japanese for the report's legend.
func (m Mark) Meaning() string {
	switch m {
	case MarkHigh:
		return "全体と比べて多い（5%水準で有意）"
	case MarkVeryHigh:
		return "全体と比べて特に多い（1%水準で有意）"
	case MarkLow:
		return "全体と比べて少ない（5%水準で有意）"
	case MarkVeryLow:
		return "全体と比べて特に少ない（1%水準で有意）"
	}
	return ""
}

// Legend lists the marks in the order a report's legend shows them.
func Legend() []Mark { return []Mark{MarkVeryHigh, MarkHigh, MarkLow, MarkVeryLow} }
