package dedup

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// isTrailing reports the punctuation that ends a sentence or trails off;
// respondents add or drop it freely, so it never tells two answers apart.
// ー and 〜 are absent on purpose: they end words (コーヒー) and moods.
func isTrailing(r rune) bool {
	switch r {
	case '。', '．', '.', '！', '!', '？', '?', '、', '，', ',', '…', '‥', '｡', '､':
		return true
	}
	return unicode.IsSpace(r)
}

func isASCIIAlnum(r rune) bool {
	return r < utf8.RuneSelf && (r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
}

// Key returns the form of text that exact duplicates share: surrounding
// space and trailing sentence punctuation removed, every run of whitespace
// dropped (Japanese needs no spaces between words) except between two ASCII
// letters or digits, where it becomes one space so that Latin words stay
// apart, and ASCII letters lowered. It expects text already normalised
// (NFKC and the like) by the caller. When nothing changes but the ends, the
// result shares memory with text.
func Key(text string) string {
	end := len(text)
	for end > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:end])
		if !isTrailing(r) {
			break
		}
		end -= n
	}
	start := 0
	for start < end {
		r, n := utf8.DecodeRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += n
	}
	s := text[start:end]
	if !needsKeyFold(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	var prev rune // last rune written
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			j := i + n
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsSpace(r2) {
					break
				}
				j += n2
			}
			next, _ := utf8.DecodeRuneInString(s[j:])
			if isASCIIAlnum(prev) && isASCIIAlnum(next) {
				b.WriteByte(' ')
				prev = ' '
			}
			i = j
			continue
		}
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		b.WriteRune(r)
		prev = r
		i += n
	}
	return b.String()
}

// needsKeyFold reports whether s holds whitespace or an upper-case ASCII
// letter, the only things Key rewrites inside a text. It reads bytes: the
// only non-ASCII spaces are U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028,
// U+2029, U+202F, U+205F and U+3000, so only the lead bytes C2, E1, E2 and
// E3 need a closer look, and kana and kanji (lead bytes E3–E9) mostly pass
// on one comparison.
func needsKeyFold(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			if c >= 'A' && c <= 'Z' || c == ' ' || c >= '\t' && c <= '\r' {
				return true
			}
		case c == 0xC2 || c == 0xE1 || c == 0xE2 || c == 0xE3 && i+1 < len(s) && s[i+1] == 0x80:
			if r, _ := utf8.DecodeRuneInString(s[i:]); unicode.IsSpace(r) {
				return true
			}
		}
	}
	return false
}

// appendCore appends the runes of key that carry its wording: letters,
// digits and marks, with punctuation, symbols and spaces left out, so that a
// copy differing only in a comma or a ★ shingles the same way.
func appendCore(dst []rune, key string) []rune {
	for _, r := range key {
		if isWording(r) {
			dst = append(dst, r)
		}
	}
	return dst
}

// isWording reports whether r is neither punctuation, a symbol nor a space.
// Kana and the common kanji, most of every answer, skip the Unicode tables.
func isWording(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return isASCIIAlnum(r)
	case r >= 'ぁ' && r <= 'ゖ', r >= 'ァ' && r <= 'ヺ', r == 'ー', r >= 0x4e00 && r <= 0x9fff:
		return true
	}
	return !unicode.IsPunct(r) && !unicode.IsSymbol(r) && !unicode.IsSpace(r)
}
