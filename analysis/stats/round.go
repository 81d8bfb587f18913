package stats

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// NotApplicable is what formatted figures print when there is no base
// (n = 0) or no value: Japanese reports show such cells as "-" (該当なし).
const NotApplicable = "-"

// maxDigits bounds the decimals the rounding helpers accept; reports print
// one or two, and a bound keeps a bad argument from allocating huge numbers.
const maxDigits = 15

// Percent formats 100·k/n rounded half-up (四捨五入) to digits decimals. The
// rounding is done on the exact rational, so 29/200 prints "14.5" although
// 29.0/200*100 is 14.4999… in floating point, and 1/16 prints "6.3" where R's
// round() and printf give 6.2. With n == 0 it returns NotApplicable.
func Percent(k, n, digits int) string {
	if n == 0 {
		return NotApplicable
	}
	r := new(big.Rat).SetFrac(big.NewInt(int64(k)), big.NewInt(int64(n)))
	r.Mul(r, big.NewRat(100, 1))
	return formatRat(r, clampDigits(digits))
}

// PercentValue is Percent as a number (NaN when n == 0).
func PercentValue(k, n, digits int) float64 {
	s := Percent(k, n, digits)
	if s == NotApplicable {
		return math.NaN()
	}
	f, _ := strconv.ParseFloat(s, 64)
	return f
}

// FormatHalfUp formats x rounded half-up (away from zero on ties) to digits
// decimals. x is first written with 15 significant digits, the precision a
// float64 carries reliably, and that decimal is rounded exactly: so a
// weighted percentage that would be 14.5 in exact arithmetic but came out as
// 14.499999999999998 still rounds to 15, while genuinely smaller values are
// not pushed up. NaN and ±Inf give NotApplicable.
func FormatHalfUp(x float64, digits int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return NotApplicable
	}
	r, ok := new(big.Rat).SetString(strconv.FormatFloat(x, 'e', 14, 64))
	if !ok {
		return NotApplicable
	}
	return formatRat(r, clampDigits(digits))
}

// RoundHalfUp is FormatHalfUp as a number; NaN and ±Inf come back unchanged.
func RoundHalfUp(x float64, digits int) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	f, _ := strconv.ParseFloat(FormatHalfUp(x, digits), 64)
	return f
}

func clampDigits(d int) int {
	if d < 0 {
		return 0
	}
	if d > maxDigits {
		return maxDigits
	}
	return d
}

// formatRat rounds r half-up on its magnitude to digits decimals and prints
// it with exactly that many decimals.
func formatRat(r *big.Rat, digits int) string {
	neg := r.Sign() < 0
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(digits)), nil)
	num := new(big.Int).Abs(r.Num())
	num.Mul(num, scale)
	den := r.Denom()
	q, rem := new(big.Int).QuoRem(num, den, new(big.Int))
	rem.Lsh(rem, 1)
	if rem.Cmp(den) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	s := q.String()
	if digits > 0 {
		if len(s) <= digits {
			s = strings.Repeat("0", digits-len(s)+1) + s
		}
		s = s[:len(s)-digits] + "." + s[len(s)-digits:]
	}
	if neg && q.Sign() != 0 {
		s = "-" + s
	}
	return s
}
