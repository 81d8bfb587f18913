package ingest

import (
	"math"
	"strconv"
	"strings"
)

// ParseNumber reads a number as people type it in a spreadsheet. The cell
// is NFKC-normalised first, so full-width digits, "，" and "．" arrive as
// ASCII. Thousands separators must group by three; NaN and infinities, which
// strconv would accept, are refused. Both the reader and `koe init` use it,
// so a column init drafts as a number is one the reader accepts.
func ParseNumber(v string) (float64, bool) {
	s := strings.Replace(v, "\u2212", "-", 1) // the minus sign that NFKC keeps
	sign := ""
	if s != "" && (s[0] == '-' || s[0] == '+') {
		sign, s = s[:1], s[1:]
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	if intPart == "" || (hasFrac && frac == "") {
		return 0, false
	}
	if strings.Contains(intPart, ",") {
		groups := strings.Split(intPart, ",")
		if len(groups[0]) < 1 || len(groups[0]) > 3 {
			return 0, false
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return 0, false
			}
		}
		intPart = strings.Join(groups, "")
	}
	if !allDigits(intPart) || (hasFrac && !allDigits(frac)) {
		return 0, false
	}
	num := sign + intPart
	if hasFrac {
		num += "." + frac
	}
	x, err := strconv.ParseFloat(num, 64)
	if err != nil || math.IsInf(x, 0) {
		return 0, false
	}
	return x, true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// StripNotes removes "(…)", "[…]" and "【…】" notes from a header (NFKC has
// already made full-width brackets ASCII), so that 「お名前（任意）」 is read
// as お名前.
func StripNotes(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch r {
		case '(', '[', '【':
			depth++
			continue
		case ')', ']', '】':
			if depth > 0 {
				depth--
			}
			continue
		}
		if depth == 0 {
			b.WriteRune(r)
		}
	}
	return b.String()
}
