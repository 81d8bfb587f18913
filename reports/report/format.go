package report

import (
	"math"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// roundHalfUp formats x with the given number of decimals, rounding halves
// away from zero (四捨五入, JIS Z 8401 rule B), which is what readers of a
// Japanese survey report expect; strconv rounds halves to even.
//
// A percentage such as 100·667/2000 = 33.35 may be stored as
// 33.349999999999994. Rounding that binary value exactly would print 33.3
// where a reader with a calculator gets 33.4, so x is first cut to 12
// significant digits (the same idea as a spreadsheet's 15-digit display),
// and the half-up rule is applied to that decimal string with integer
// arithmetic on its digits.
func roundHalfUp(x float64, decimals int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "—"
	}
	neg := x < 0
	if neg {
		x = -x
	}
	// d.dddddddddddde±XX: 12 significant digits, exact as a decimal.
	s := strconv.FormatFloat(x, 'e', 11, 64)
	mant, expPart, _ := strings.Cut(s, "e")
	exp, _ := strconv.Atoi(expPart)
	digits := strings.Replace(mant, ".", "", 1) // 12 digits, value = 0.digits × 10^(exp+1)
	// Position of the decimal point within digits.
	point := exp + 1
	keep := point + decimals // digits kept before rounding
	var kept []byte
	roundUp := false
	switch {
	case keep < 0:
		kept = nil
	case keep >= len(digits):
		kept = []byte(digits + strings.Repeat("0", keep-len(digits)))
	default:
		kept = []byte(digits[:keep])
		roundUp = digits[keep] >= '5'
	}
	if roundUp {
		i := len(kept) - 1
		for ; i >= 0; i-- {
			if kept[i] == '9' {
				kept[i] = '0'
				continue
			}
			kept[i]++
			break
		}
		if i < 0 {
			kept = append([]byte{'1'}, kept...)
		}
	}
	// Left-pad so there is at least one digit before the point.
	intLen := len(kept) - decimals
	if intLen < 1 {
		kept = append([]byte(strings.Repeat("0", 1-intLen)), kept...)
		intLen = 1
	}
	out := string(kept[:intLen])
	out = strings.TrimLeft(out, "0")
	if out == "" {
		out = "0"
	}
	if decimals > 0 {
		out += "." + string(kept[intLen:])
	}
	if neg && strings.Trim(out, "0.") != "" {
		out = "−" + out // U+2212, the typographic minus
	}
	return out
}

// pct formats a percentage with one decimal, half-up.
func pct(x float64) string { return roundHalfUp(x, 1) }

// signed formats x with decimals and an explicit sign (+3.10, −2.05).
func signed(x float64, decimals int) string {
	s := roundHalfUp(x, decimals)
	if !strings.HasPrefix(s, "−") && strings.Trim(s, "0.") != "" {
		s = "+" + s
	}
	return s
}

// comma formats n with thousands separators (1,234).
func comma(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "−" + b.String()
	}
	return b.String()
}

// baseN is how a base is stated under a table: "n=1,234".
func baseN(n int) string { return "n=" + comma(n) }

// pValue formats a p-value the way the methods section explains it.
func pValue(p float64) string {
	if p < 0.001 {
		return "p<0.001"
	}
	return "p=" + roundHalfUp(p, 3)
}

// dispWidth is the width of s in half-width cells, as a Japanese font draws
// it: wide and full-width characters take two, and so do East Asian
// ambiguous ones (○, ・, ①), which Japanese fonts draw full-width. Chart
// label columns are sized from this so Japanese labels do not overflow.
func dispWidth(s string) int {
	w, prev := 0, 0
	for _, r := range s {
		rw := runeWidth(r)
		// VS16 turns a narrow symbol into a wide emoji.
		if r == '\uFE0F' && prev == 1 {
			rw = 1
		}
		w += rw
		prev = rw
	}
	return w
}

func runeWidth(r rune) int {
	if unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || r == '\u200d' || unicode.Is(unicode.Variation_Selector, r) {
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth, width.EastAsianAmbiguous:
		return 2
	}
	return 1
}

// truncWidth cuts s to at most max half-width cells, ending in "…" when cut.
func truncWidth(s string, max int) string {
	if dispWidth(s) <= max {
		return s
	}
	var b strings.Builder
	w := 0
	for _, r := range s {
		rw := runeWidth(r)
		if w+rw > max-2 { // leave room for the full-width ellipsis
			break
		}
		b.WriteRune(r)
		w += rw
	}
	return b.String() + "…"
}

// truncRunes cuts long citizen text to n characters for quotes.
func truncRunes(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n]) + "…（後略）"
}

// num formats a chart coordinate: one decimal, no trailing ".0".
func num(x float64) string {
	s := strconv.FormatFloat(math.Round(x*10)/10, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	if s == "-0" {
		s = "0"
	}
	return s
}
