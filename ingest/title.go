package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// QuestionTitle is what reports and exports call a question, from its id
// and its stored column name: the header text, or for a question spread
// over 0/1 columns (column names joined with "; ") the part those headers
// share, such as "問9" from "問9_広報あづみの; 問9_市ホームページ". A column
// number ("#59"), or headers that share nothing up to a separator, leave the
// question id as the last resort. A codebook's title = "…" overrides it.
func QuestionTitle(id, column string) string {
	if !strings.Contains(column, "; ") {
		column = strings.TrimSpace(column)
		if column == "" || strings.HasPrefix(column, "#") {
			return id
		}
		return column
	}
	var headers []string
	for _, h := range strings.Split(column, "; ") {
		if h = strings.TrimSpace(h); h != "" {
			headers = append(headers, h)
		}
	}
	if p := sharedPrefix(headers); p != "" {
		return p
	}
	return id
}

// sharedPrefix is the longest common prefix of headers that ends at a
// separator, with the separator and any unclosed bracket trimmed. Cutting
// only at a separator keeps "自然が豊か" and "自然災害" from sharing a
// misleading "自然".
func sharedPrefix(headers []string) string {
	if len(headers) < 2 {
		return ""
	}
	p := headers[0]
	for _, h := range headers[1:] {
		n := 0
		for n < len(p) && n < len(h) && p[n] == h[n] {
			n++
		}
		// Back off to a rune boundary: the headers may differ inside one
		// multi-byte character.
		for n > 0 && n < len(p) && !utf8.RuneStart(p[n]) {
			n--
		}
		p = p[:n]
	}
	// The prefix must end where every header has a separator (in it or
	// right after it); otherwise cut back to its last separator.
	atBoundary := true
	for _, h := range headers {
		if len(h) == len(p) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(h[len(p):])
		if !isTitleSep(r) {
			atBoundary = false
			break
		}
	}
	if !atBoundary {
		i := strings.LastIndexFunc(p, isTitleSep)
		if i < 0 {
			return ""
		}
		p = p[:i]
	}
	p = strings.TrimRightFunc(p, isTitleSep)
	// A prefix ending inside brackets ("問9（情報源：") is closed off by
	// dropping the bracket and what follows it.
	if i := unclosedBracket(p); i >= 0 {
		p = strings.TrimRightFunc(p[:i], isTitleSep)
	}
	if !strings.ContainsFunc(p, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		return ""
	}
	return p
}

func isTitleSep(r rune) bool {
	switch r {
	case '_', '-', ':', '：', '・', '／', '/', '|', '｜', '－', '‐', '―', '(', '（', '[', '［', '【', '「', '『', '<', '＜':
		return true
	}
	return unicode.IsSpace(r)
}

// unclosedBracket is the byte index of the last opening bracket of s that
// is not closed, or -1.
func unclosedBracket(s string) int {
	pairs := map[rune]rune{')': '(', '）': '（', ']': '[', '］': '［', '】': '【', '」': '「', '』': '『', '>': '<', '＞': '＜'}
	var stack []int
	var open []rune
	for i, r := range s {
		switch r {
		case '(', '（', '[', '［', '【', '「', '『', '<', '＜':
			stack = append(stack, i)
			open = append(open, r)
		default:
			if o, ok := pairs[r]; ok && len(open) > 0 && open[len(open)-1] == o {
				stack, open = stack[:len(stack)-1], open[:len(open)-1]
			}
		}
	}
	if len(stack) == 0 {
		return -1
	}
	return stack[0]
}
