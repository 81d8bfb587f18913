package tokenize

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize prepares text for analysis and display:
//
//   - Aozora Bunko markup goes: ruby readings 《よみ》, the ruby start mark ｜,
//     and editor's notes ［＃…］ (with the ※ that marks a missing character);
//   - Unicode NFKC folds width and compatibility forms (ｱｲｳ→アイウ, ＡＢＣ→ABC,
//     １２３→123), except that 〜 … ‥ ゛ ゜ are kept and ～ or ~ become 〜;
//   - runs of ! and ? fold to one (!!! → !, ?!?! → !?), runs of spaces and
//     tabs to one space, and runs of blank lines to one line break; the text
//     is trimmed;
//   - zero-width characters and other controls are removed.
//
// URLs and e-mail addresses are left exactly as NFKC gives them. Normalize is
// idempotent.
func Normalize(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	// Invisible characters go before NFKC, which could otherwise compose
	// what they separated on a second pass.
	if hasInvisible(s) {
		s = strings.Map(func(r rune) rune {
			if isInvisible(r) {
				return -1
			}
			return r
		}, s)
	}
	s = stripAozora(s)
	// Once more for the 《》 NFKC makes from vertical forms (︽ ︾).
	s = stripAozora(nfkcKeep(s))
	if !needsFold(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	last := 0
	for _, sp := range protectedSpans(s) {
		foldInto(&b, s[last:sp[0]])
		b.WriteString(s[sp[0]:sp[1]])
		last = sp[1]
	}
	foldInto(&b, s[last:])
	return strings.TrimSpace(b.String())
}

// needsFold reports whether foldInto or trimming could change s, so clean
// text skips the copy.
func needsFold(s string) bool {
	if s == "" {
		return false
	}
	prevSpace := true // a leading space must be trimmed
	prevBang := false
	for _, r := range s {
		switch {
		case r == ' ':
			if prevSpace {
				return true
			}
			prevSpace, prevBang = true, false
		case unicode.IsSpace(r) || isInvisible(r) || r == '~':
			return true
		case r == '!' || r == '?':
			if prevBang {
				return true
			}
			prevSpace, prevBang = false, true
		default:
			prevSpace, prevBang = false, false
		}
	}
	return prevSpace
}

// hasInvisible reports whether isInvisible holds for a rune of s. Every such
// rune is ASCII or starts with the byte C2 (C1 controls), E2 (U+200B–U+200D,
// U+2060) or EF (U+FEFF), so only those bytes need decoding: Japanese text is
// mostly E3 (kana, CJK punctuation) and E4–E9 (kanji).
func hasInvisible(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 || c == 0x7f:
			if isInvisible(rune(c)) {
				return true
			}
		case c == 0xc2 || c == 0xe2 || c == 0xef:
			if r, _ := utf8.DecodeRuneInString(s[i:]); isInvisible(r) {
				return true
			}
		}
	}
	return false
}

// containsAnyOf reports whether s contains one of subs. For a few multi-byte
// characters it is several times faster than strings.ContainsAny, which
// decodes s rune by rune.
func containsAnyOf(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// isInvisible reports characters that carry nothing for analysis: controls
// other than tab and newline, zero-width spaces and joiners, the BOM.
func isInvisible(r rune) bool {
	switch r {
	case '\t', '\n':
		return false
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
		return true
	}
	return unicode.IsControl(r) && r != '\r'
}

// foldInto writes s with whitespace, !? runs and tildes folded.
func foldInto(b *strings.Builder, s string) {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case isInvisible(r):
			i += n
		case unicode.IsSpace(r):
			j, newline := i, false
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsSpace(r2) && !isInvisible(r2) {
					break
				}
				if r2 == '\n' || r2 == '\r' || r2 == '\u2028' || r2 == '\u2029' {
					newline = true
				}
				j += n2
			}
			if newline {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
			i = j
		case r == '!' || r == '?':
			var bang, q bool
			for i < len(s) && (s[i] == '!' || s[i] == '?') {
				if s[i] == '!' {
					bang = true
				} else {
					q = true
				}
				i++
			}
			switch {
			case bang && q:
				b.WriteString("!?")
			case bang:
				b.WriteByte('!')
			default:
				b.WriteByte('?')
			}
		case r == '~':
			b.WriteString("〜")
			i += n
		default:
			b.WriteString(s[i : i+n])
			i += n
		}
	}
}

// The patterns run on NFKC text, where every URL and address is ASCII.
var (
	reURL   = regexp.MustCompile(`(?:https?|ftp)://[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%()]+|www\.[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]*`)
	reEmail = regexp.MustCompile(`[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}`)
)

// protectedSpans returns the sorted, disjoint byte spans of URLs and e-mail
// addresses in s.
func protectedSpans(s string) [][2]int {
	if !strings.Contains(s, "://") && !strings.Contains(s, "www.") && !strings.Contains(s, "@") {
		return nil
	}
	var spans [][2]int
	for _, m := range reURL.FindAllStringIndex(s, -1) {
		spans = append(spans, [2]int{m[0], trimURLEnd(s, m[0], m[1])})
	}
	for _, m := range reEmail.FindAllStringIndex(s, -1) {
		spans = append(spans, [2]int{m[0], m[1]})
	}
	return mergeSpans(spans)
}

// trimURLEnd drops sentence punctuation and an unbalanced closing bracket
// that the URL pattern took from the text after it.
func trimURLEnd(s string, start, end int) int {
	for end > start {
		c := s[end-1]
		switch c {
		case '.', ',', '!', '?', ';', ':', '\'':
			end--
			continue
		case ')':
			if strings.Count(s[start:end], "(") < strings.Count(s[start:end], ")") {
				end--
				continue
			}
		}
		break
	}
	return end
}

// mergeSpans sorts spans and merges overlapping ones.
func mergeSpans(spans [][2]int) [][2]int {
	if len(spans) < 2 {
		return spans
	}
	for i := 1; i < len(spans); i++ {
		for j := i; j > 0 && (spans[j][0] < spans[j-1][0] || spans[j][0] == spans[j-1][0] && spans[j][1] > spans[j-1][1]); j-- {
			spans[j], spans[j-1] = spans[j-1], spans[j]
		}
	}
	out := spans[:1]
	for _, sp := range spans[1:] {
		last := &out[len(out)-1]
		if sp[0] < last[1] {
			if sp[1] > last[1] {
				last[1] = sp[1]
			}
			continue
		}
		out = append(out, sp)
	}
	return out
}

// nfkcKeep applies NFKC to s except for the runes NFKC would spoil for
// Japanese analysis; ～ (U+FF5E) becomes ~ here and 〜 later, outside URLs.
func nfkcKeep(s string) string {
	if !containsAnyOf(s, nfkcKept) {
		// String returns s itself when it is already in NFKC.
		return norm.NFKC.String(s)
	}
	if norm.NFKC.IsNormalString(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	last := 0
	for i, r := range s {
		switch r {
		case '〜', '…', '‥', '゛', '゜':
			b.WriteString(norm.NFKC.String(s[last:i]))
			b.WriteRune(r)
			last = i + utf8.RuneLen(r)
		}
	}
	b.WriteString(norm.NFKC.String(s[last:]))
	return b.String()
}

// nfkcKept are the characters nfkcKeep keeps from NFKC.
var nfkcKept = []string{"〜", "…", "‥", "゛", "゜"}

// aozoraMarks start what stripAozora removes.
var aozoraMarks = []string{"《", "｜", "［"}

// stripAozora removes Aozora Bunko ruby and annotations. 《…》 goes only when it
// holds kana on one line (a reading), so 《重要》 written as a bracket stays;
// ｜ goes only when such a reading follows it on the line.
func stripAozora(s string) string {
	if !containsAnyOf(s, aozoraMarks) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch r {
		case '《':
			if end := rubyEnd(s, i+n); end > 0 {
				i = end
				continue
			}
		case '｜':
			if rubyAhead(s, i+n) {
				i += n
				continue
			}
		case '※':
			if strings.HasPrefix(s[i+n:], "［＃") {
				if end := noteEnd(s, i+n); end > 0 {
					i = end
					continue
				}
			}
		case '［':
			if strings.HasPrefix(s[i+n:], "＃") {
				if end := noteEnd(s, i); end > 0 {
					i = end
					continue
				}
			}
		}
		b.WriteString(s[i : i+n])
		i += n
	}
	return b.String()
}

// rubyEnd returns the offset after the 》 closing a kana reading that starts
// at i, or 0.
func rubyEnd(s string, i int) int {
	count := 0
	for j := i; j < len(s); {
		r, n := utf8.DecodeRuneInString(s[j:])
		switch {
		case r == '》':
			if count == 0 {
				return 0
			}
			return j + n
		case isKana(r) && count < 40:
			count++
			j += n
		default:
			return 0
		}
	}
	return 0
}

// rubyAhead reports whether a kana reading 《…》 follows on the same line, with
// no other ｜ before it.
func rubyAhead(s string, i int) bool {
	for j, count := i, 0; j < len(s) && count < 40; count++ {
		r, n := utf8.DecodeRuneInString(s[j:])
		switch r {
		case '《':
			return rubyEnd(s, j+n) > 0
		case '\n', '｜', '》':
			return false
		}
		j += n
	}
	return false
}

// noteEnd returns the offset after the ］ closing the note opened by ［ at i,
// on the same line, or 0.
func noteEnd(s string, i int) int {
	for j := i; j < len(s); {
		r, n := utf8.DecodeRuneInString(s[j:])
		switch r {
		case '］':
			return j + n
		case '\n':
			return 0
		}
		j += n
	}
	return 0
}

func isKana(r rune) bool {
	return (r >= 'ぁ' && r <= 'ゖ') || (r >= 'ゝ' && r <= 'ゞ') ||
		(r >= 'ァ' && r <= 'ヺ') || (r >= 'ー' && r <= 'ヾ') || r == '・' ||
		(r >= 'ｦ' && r <= 'ﾟ')
}
