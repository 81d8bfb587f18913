package report

import (
	"math"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/width"

	"koe/analysis/stats"
)

// roundHalfUp formats x with the given number of decimals, rounding halves
// away from zero (四捨五入, JIS Z 8401 rule B), which is what readers of a
// Japanese survey report expect; strconv rounds halves to even. The rule is
// analysis/stats.FormatHalfUp, the one the CSV exports (reports/tables)
// use too, so a figure reads the same in the report and in Excel: x is
// taken at 15 significant digits, so 100·667/2000, stored as
// 33.349999999999994, prints 33.4 as a reader with a calculator expects.
// The report writes the typographic minus (U+2212) and "—" for no value.
func roundHalfUp(x float64, decimals int) string {
	s := stats.FormatHalfUp(x, decimals)
	if s == stats.NotApplicable {
		return "—"
	}
	if rest, ok := strings.CutPrefix(s, "-"); ok {
		return "−" + rest
	}
	return s
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
