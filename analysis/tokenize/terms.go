package tokenize

import (
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// Terms returns the content words of one document in text order: base forms
// of nouns (一般, サ変接続, 形容動詞語幹, 固有名詞 other than persons' names),
// of independent verbs and of adjectives, with negation attached and noun
// runs joined (see the package documentation). Numbers, symbols, stopwords
// and mask placeholders such as 〔氏名〕 never become terms.
func (t *Tokenizer) Terms(text string) []Term {
	s := stripPlaceholders(Normalize(text))
	buf := t.getBuf()
	toks := t.analyze(s, *buf)
	out := t.terms(s, toks)
	*buf = toks
	t.putBuf(buf)
	return out
}

// TermsAll runs Terms over texts on all cores; result i belongs to texts[i]
// and is a slice of its own.
func (t *Tokenizer) TermsAll(texts []string) [][]Term {
	out := make([][]Term, len(texts))
	// Survey answers repeat (特になし, なし, バスを増やしてほしい), so each
	// distinct short text is analysed once and its terms copied to the
	// repeats. Long texts rarely repeat and would only grow the map.
	first := make(map[string]int)
	same := make([]int, len(texts)) // index of the first equal text, or -1
	todo := make([]int, 0, len(texts))
	for i, s := range texts {
		same[i] = -1
		if len(s) <= maxCachedText {
			if j, ok := first[s]; ok {
				same[i] = j
				continue
			}
			first[s] = i
		}
		todo = append(todo, i)
	}

	workers := min(runtime.GOMAXPROCS(0), len(todo))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				k := int(next.Add(1) - 1)
				if k >= len(todo) {
					return
				}
				i := todo[k]
				out[i] = t.Terms(texts[i])
			}
		})
	}
	wg.Wait()
	for i, j := range same {
		if j >= 0 {
			out[i] = slices.Clone(out[j])
		}
	}
	return out
}

// maxCachedText is the longest text (in bytes) TermsAll looks for repeats
// of: 40 characters of Japanese covers one-phrase answers.
const maxCachedText = 120

// placeholders are the strings Mask writes; Terms reads them as gaps.
var placeholders = []string{PhonePlaceholder, EmailPlaceholder, PostalPlaceholder, AddressPlaceholder, NumberPlaceholder, NamePlaceholder}

// stripPlaceholders blanks mask placeholders, URLs and e-mail addresses,
// which are not words of the text.
func stripPlaceholders(s string) string {
	if spans := protectedSpans(s); len(spans) > 0 {
		b := []byte(s)
		for _, sp := range spans {
			for i := sp[0]; i < sp[1]; i++ {
				b[i] = ' '
			}
		}
		s = string(b)
	}
	if !strings.Contains(s, "〔") {
		return s
	}
	for _, p := range placeholders {
		s = strings.ReplaceAll(s, p, " ")
	}
	return s
}

const (
	posNoun = "名詞"
	posVerb = "動詞"
	posAdj  = "形容詞"
)

// terms walks the tokens of s once.
func (t *Tokenizer) terms(s string, toks []tok) []Term {
	var out []Term
	for i := 0; i < len(toks); {
		k := &toks[i]
		switch {
		case k.cls.isContentNoun() || k.cls == clsPrefix:
			j, ok := t.nounRun(toks, i)
			if !ok {
				i++
				continue
			}
			out, i = t.emitRun(toks, i, j, out)
		case k.cls == clsVerb:
			base := k.base
			if next := t.negation(toks, i+1, negVerb); next > 0 {
				if v := t.negVerbForm(s, k); v != "" {
					base, i = v, next-1
				}
			}
			out = t.add(out, base, posVerb)
			i++
		case k.cls == clsAdj:
			base := k.base
			if next := t.negation(toks, i+1, negVerb); next > 0 {
				if a := negAdjForm(k.base); a != "" {
					base, i = a, next-1
				}
			}
			out = t.add(out, base, posAdj)
			i++
		default:
			i++
		}
	}
	return out
}

// nounRun returns the end (exclusive) of the noun run starting at i: content
// nouns, with suffixes after a noun and prefixes before one. ok is false when
// there is no content noun in it.
func (t *Tokenizer) nounRun(toks []tok, i int) (int, bool) {
	j := i
	content := false
	for j < len(toks) {
		c := toks[j].cls
		switch {
		case c.isContentNoun():
			content = true
		case (c == clsSuffix || c == clsSuffixPlace) && j > i:
		case c == clsPrefix && j+1 < len(toks) && toks[j+1].cls.isContentNoun():
		default:
			return j, content
		}
		j++
	}
	return j, content
}

// emitRun adds the terms of the noun run toks[i:j] and returns the index to
// continue from (past any negation it absorbed).
func (t *Tokenizer) emitRun(toks []tok, i, j int, out []Term) ([]Term, int) {
	last := &toks[j-1]
	suffix, next := "", j
	switch last.cls {
	case clsNounAdjv:
		if n := t.negation(toks, j, negAdjv); n > 0 {
			suffix, next = "ではない", n
		}
	case clsNounSahen:
		if j < len(toks) && toks[j].cls == clsVerb {
			switch toks[j].base {
			case "する":
				if n := t.negation(toks, j+1, negVerb); n > 0 {
					suffix, next = "しない", n
				}
			case "できる", "出来る":
				if n := t.negation(toks, j+1, negVerb); n > 0 {
					suffix, next = "できない", n
				}
			}
		}
	}
	// Honorific prefixes (お店, ご意見) add politeness, not meaning.
	for i < j-1 && toks[i].cls == clsPrefix && politePrefix(toks[i].base) {
		i++
	}
	if t.compounds {
		if j-i == 1 {
			return t.add(out, toks[i].base+suffix, posNoun), next
		}
		var sb strings.Builder
		for x := i; x < j; x++ {
			sb.WriteString(toks[x].base)
		}
		sb.WriteString(suffix)
		return t.add(out, sb.String(), posNoun), next
	}
	for x := i; x < j; x++ {
		if !toks[x].cls.isContentNoun() {
			continue
		}
		b := toks[x].base
		if x == j-1 {
			b += suffix
		}
		out = t.add(out, b, posNoun)
	}
	return out, next
}

func politePrefix(s string) bool {
	return s == "お" || s == "ご" || s == "御"
}

func (t *Tokenizer) add(out []Term, base, pos string) []Term {
	if _, stop := t.stop[foldASCII(base)]; stop {
		return out
	}
	return append(out, Term{Base: base, POS: pos})
}

// negHead says what the negation follows: a verb or adjective, or a
// 形容動詞 stem (便利), which takes だ/で before ない.
type negHead uint8

const (
	negVerb negHead = iota
	negAdjv
)

// negation looks for a negating auxiliary (ない, ぬ, ず, ん) at toks[i:],
// across the few words that may stand between a head and its negation
// (足りていない, 行きません, 便利ではありません). It returns the negating
// returns the index after the negating token, or 0 when the head is not
// negated or the negation is part of an obligation (行かなければならない).
func (t *Tokenizer) negation(toks []tok, i int, head negHead) int {
	for j, bridged := i, 0; j < len(toks) && bridged <= 4; j++ {
		k := &toks[j]
		if t.isNegator(k) {
			form := t.sys.feature(int(k.id), t.sys.cform)
			if k.src != srcKnown {
				form = ""
			}
			switch {
			case strings.HasPrefix(form, "仮定"):
				return 0 // なければ, ねば: an obligation
			case form == "連用テ接続" && j+1 < len(toks) && (toks[j+1].key == "て" || toks[j+1].key == "ちゃ"):
				return 0 // なくては, なくちゃ
			case j+2 < len(toks) && toks[j+1].key == "と" && mustAfterTo[toks[j+2].base]:
				return 0 // ないといけない, ないとだめ
			}
			return j + 1
		}
		if !t.bridges(k, head) {
			return 0
		}
		bridged++
	}
	return 0
}

// mustAfterTo are the words that make ないと an obligation.
var mustAfterTo = map[string]bool{"いける": true, "なる": true, "だめ": true, "駄目": true, "ダメ": true, "まずい": true}

func (t *Tokenizer) isNegator(k *tok) bool {
	switch k.cls {
	case clsAux:
		return k.base == "ない" || k.base == "ぬ" || k.base == "ん"
	case clsAdj:
		return k.base == "ない" || k.base == "無い"
	}
	return false
}

// bridges reports whether k may stand between a head and its negation.
func (t *Tokenizer) bridges(k *tok, head negHead) bool {
	switch k.cls {
	case clsParticle:
		switch k.key {
		case "は", "も":
			return true
		case "て", "で":
			return head == negVerb
		case "じゃ", "では", "じゃあ":
			return head == negAdjv
		}
	case clsAux:
		switch k.base {
		case "ます":
			return true
		case "れる", "られる", "せる", "させる":
			return head == negVerb
		case "だ":
			return head == negAdjv
		}
	case clsVerbAux:
		return head == negVerb
	case clsVerb:
		// 行きはしない; 便利ではありません
		if head == negVerb {
			return k.base == "する"
		}
		return k.base == "ある"
	}
	return false
}

// negVerbForm spells a negated verb as it would be written with ない: the
// 未然形 stem from the base form and conjugation type (行きません → 行かない).
func (t *Tokenizer) negVerbForm(s string, k *tok) string {
	base := k.base
	if base == "ある" {
		return "ない"
	}
	ctype := ""
	if k.src == srcKnown {
		ctype = t.sys.feature(int(k.id), t.sys.ctype)
	}
	if stem := mizen(base, ctype); stem != "" {
		return stem + "ない"
	}
	// Unusual types (文語 verbs): the written 未然形 is right when present.
	if k.src == srcKnown && t.sys.feature(int(k.id), t.sys.cform) == "未然形" {
		return foldASCII(s[k.start:k.end]) + "ない"
	}
	return ""
}

// godanA maps a 五段 verb's final kana to its 未然形 (あ段) kana.
var godanA = map[rune]string{
	'う': "わ", 'く': "か", 'ぐ': "が", 'す': "さ", 'つ': "た",
	'ぬ': "な", 'ぶ': "ば", 'む': "ま", 'る': "ら",
}

// mizen returns the 未然形 stem used before ない, for IPA conjugation types.
func mizen(base, ctype string) string {
	last, n := utf8.DecodeLastRuneInString(base)
	stem := base[:len(base)-n]
	switch {
	case strings.HasPrefix(ctype, "五段"):
		if a, ok := godanA[last]; ok {
			return stem + a
		}
	case strings.HasPrefix(ctype, "一段"):
		if last == 'る' {
			return stem
		}
	case strings.HasPrefix(ctype, "カ変"):
		if base == "くる" {
			return "こ"
		}
		return stem // 来る → 来
	case ctype == "サ変・スル":
		if strings.HasSuffix(base, "する") {
			return strings.TrimSuffix(base, "する") + "し"
		}
	case ctype == "サ変・−スル":
		return strings.TrimSuffix(base, "する") + "し"
	case ctype == "サ変・−ズル":
		return strings.TrimSuffix(base, "ずる") + "じ"
	}
	return ""
}

// negAdjForm spells a negated adjective: 少ない → 少なくない, いい → よくない.
func negAdjForm(base string) string {
	switch base {
	case "いい":
		return "よくない"
	case "ない", "無い":
		return ""
	}
	if !strings.HasSuffix(base, "い") {
		return ""
	}
	return strings.TrimSuffix(base, "い") + "くない"
}

// TopicTerms are the terms themes are found on: the nouns (with
// compounds), which say what an answer is about. Verbs and adjectives
// (増やす, 困る, 多い) say how residents feel about it and are used
// everywhere, so they blur topics; a document without a noun keeps all its
// terms. The pipeline and the theme evaluation harness both use this, so
// the harness measures what the pipeline does.
func TopicTerms(ts []Term) []string {
	var out []string
	for _, t := range ts {
		if t.POS == "名詞" {
			out = append(out, t.Base)
		}
	}
	if len(out) == 0 {
		for _, t := range ts {
			out = append(out, t.Base)
		}
	}
	return out
}
