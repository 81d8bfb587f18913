package tokenize

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The placeholders Mask writes in place of personal data.
const (
	PhonePlaceholder   = "〔電話番号〕"
	EmailPlaceholder   = "〔メール〕"
	PostalPlaceholder  = "〔郵便番号〕"
	AddressPlaceholder = "〔住所〕"
	NumberPlaceholder  = "〔番号〕"
	NamePlaceholder    = "〔氏名〕"
)

// MaskCounts counts what Mask replaced, by kind.
type MaskCounts struct {
	Phone   int // telephone numbers: fixed, mobile, free dial, +81
	Email   int
	Postal  int // postal codes (〒390-0000, 399-8205)
	Address int // street numbers (4丁目2番3号, 5000番地, 穂高1234-5)
	Number  int // 12-digit My Number-like and 16-digit card-like numbers
	Name    int // persons' names
}

// Total is the number of replacements of every kind.
func (c MaskCounts) Total() int {
	return c.Phone + c.Email + c.Postal + c.Address + c.Number + c.Name
}

// Add adds o to c.
func (c *MaskCounts) Add(o MaskCounts) {
	c.Phone += o.Phone
	c.Email += o.Email
	c.Postal += o.Postal
	c.Address += o.Address
	c.Number += o.Number
	c.Name += o.Name
}

type maskKind uint8

const (
	kindNone maskKind = iota // a protected span (a URL): left as it is
	kindEmail
	kindPhone
	kindPostal
	kindNumber
	kindAddress
	kindName
)

func (k maskKind) placeholder() string {
	switch k {
	case kindEmail:
		return EmailPlaceholder
	case kindPhone:
		return PhonePlaceholder
	case kindPostal:
		return PostalPlaceholder
	case kindNumber:
		return NumberPlaceholder
	case kindAddress:
		return AddressPlaceholder
	case kindName:
		return NamePlaceholder
	}
	return ""
}

func (c *MaskCounts) count(k maskKind) {
	switch k {
	case kindEmail:
		c.Email++
	case kindPhone:
		c.Phone++
	case kindPostal:
		c.Postal++
	case kindNumber:
		c.Number++
	case kindAddress:
		c.Address++
	case kindName:
		c.Name++
	}
}

type span struct {
	start, end int
	kind       maskKind
}

// Mask returns Normalize(text) with personal data replaced by placeholders
// (〔電話番号〕〔メール〕〔郵便番号〕〔住所〕〔番号〕〔氏名〕) and how many of each
// it replaced. Numbers and addresses are found by pattern first; names are
// then found on the tokens of what is left.
func (t *Tokenizer) Mask(text string) (string, MaskCounts) {
	var counts MaskCounts
	s := Normalize(text)
	if s == "" {
		return s, counts
	}
	s = apply(s, patternSpans(s), &counts)

	buf := t.getBuf()
	toks := t.analyze(s, *buf)
	spans := t.nameSpans(s, toks)
	spans = append(spans, t.lotSpans(s, toks)...)
	*buf = toks
	t.putBuf(buf)
	return apply(s, spans, &counts), counts
}

// MaskTerms returns what Mask returns and, with it, Terms of the masked
// text. A text with nothing to mask (most answers) is tokenized once for
// both, where Mask followed by Terms would tokenize it twice: the masked
// text is then the string Mask tokenized, so its tokens are the ones Terms
// would find. Where masking changed the text, Terms runs on the masked text.
func (t *Tokenizer) MaskTerms(text string) (string, MaskCounts, []Term) {
	var counts MaskCounts
	s := Normalize(text)
	if s == "" {
		return s, counts, t.Terms(s)
	}
	s = apply(s, patternSpans(s), &counts)
	buf := t.getBuf()
	toks := t.analyze(s, *buf)
	spans := t.nameSpans(s, toks)
	spans = append(spans, t.lotSpans(s, toks)...)
	masked := apply(s, spans, &counts)
	// Terms reads the placeholders (and protected spans) as gaps and
	// normalises again: reuse the tokens only when neither changes s.
	reuse := masked == s && stripPlaceholders(Normalize(s)) == s
	var terms []Term
	if reuse {
		terms = t.terms(s, toks)
	}
	*buf = toks
	t.putBuf(buf)
	if !reuse {
		terms = t.Terms(masked)
	}
	return masked, counts, terms
}

// apply replaces the spans (kindNone spans stay) and counts them. Overlaps are
// settled in favour of the span found first.
func apply(s string, spans []span, c *MaskCounts) string {
	if len(spans) == 0 {
		return s
	}
	sort.SliceStable(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	var b strings.Builder
	b.Grow(len(s) + 16)
	last := 0
	for _, sp := range spans {
		if sp.start < last || sp.end <= sp.start {
			continue
		}
		b.WriteString(s[last:sp.start])
		if sp.kind == kindNone {
			b.WriteString(s[sp.start:sp.end])
		} else {
			b.WriteString(sp.kind.placeholder())
			c.count(sp.kind)
		}
		last = sp.end
	}
	b.WriteString(s[last:])
	return b.String()
}

// patternSpans finds e-mail addresses, URLs (kept), telephone numbers, postal
// codes, long ID numbers and street numbers by their shape.
func patternSpans(s string) []span {
	var spans []span
	taken := func(a, b int) bool {
		for _, sp := range spans {
			if a < sp.end && sp.start < b {
				return true
			}
		}
		return false
	}
	if strings.Contains(s, "@") {
		for _, m := range reEmail.FindAllStringIndex(s, -1) {
			spans = append(spans, span{m[0], m[1], kindEmail})
		}
	}
	if strings.Contains(s, "://") || strings.Contains(s, "www.") {
		for _, m := range reURL.FindAllStringIndex(s, -1) {
			if !taken(m[0], m[1]) {
				spans = append(spans, span{m[0], trimURLEnd(s, m[0], m[1]), kindNone})
			}
		}
	}
	for _, sp := range numberSpans(s) {
		if !taken(sp.start, sp.end) {
			spans = append(spans, sp)
		}
	}
	for _, re := range addressPatterns {
		for _, m := range re.FindAllStringIndex(s, -1) {
			if !taken(m[0], m[1]) && !digitBefore(s, m[0]) {
				spans = append(spans, span{m[0], m[1], kindAddress})
			}
		}
	}
	return spans
}

// Street numbers with their markers. Kanji numerals are accepted before 丁目,
// where they are common.
const (
	num    = `[0-9]+`
	knum   = `(?:[0-9]+|[一二三四五六七八九十]+)`
	hyphen = `[-‐‑‒–—―−ー]`
)

var addressPatterns = []*regexp.Regexp{
	// 4丁目2番3号, 4丁目2-3, 四丁目2番地
	regexp.MustCompile(knum + `丁目(?:\s?` + num + `(?:番地?|` + hyphen + `)(?:の?` + num + `号?(?:` + hyphen + num + `)?)?)?`),
	// 5000番地, 5000番地1, 5000番地の1, 1234番地5号
	regexp.MustCompile(num + `番地(?:の?` + num + `号?)?(?:` + hyphen + num + `)?`),
	// 2番3号
	regexp.MustCompile(num + `番` + num + `号`),
}

// reLot is a lot number written with hyphens (1234-5, 1-2-3), or a bare
// number; lotSpans keeps it only after a place name.
var reLot = regexp.MustCompile(num + `(?:` + hyphen + num + `){0,3}`)

func digitBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r >= '0' && r <= '9'
}

func isHyphen(r rune) bool {
	switch r {
	case '-', '‐', '‑', '‒', '–', '—', '―', '−', 'ー':
		return true
	}
	return false
}

// numberSpans scans runs of digits joined by hyphens, brackets or single
// spaces, and classifies each run by its digit count and grouping.
func numberSpans(s string) []span {
	var out []span
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		isStart := r >= '0' && r <= '9' || (r == '+' || r == '(') && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9'
		if !isStart || digitBefore(s, i) {
			i += n
			continue
		}
		end := numberRunEnd(s, i)
		out = append(out, classifyRun(s, i, end)...)
		i = end
		if i == 0 {
			i += n
		}
	}
	return out
}

// numberRunEnd returns the end of the digit run at i: digits, and separators
// that have a digit after them.
func numberRunEnd(s string, i int) int {
	end := i
	for j := i; j < len(s); {
		r, n := utf8.DecodeRuneInString(s[j:])
		switch {
		case r >= '0' && r <= '9':
			j += n
			end = j
		case r == ')':
			j += n
			end = j
		case isHyphen(r) || r == ' ' || r == '(' || r == '+':
			r2, _ := utf8.DecodeRuneInString(s[j+n:])
			if !(r2 >= '0' && r2 <= '9') && !(r == ' ' && r2 == '(') {
				return trimRunEnd(s, i, end)
			}
			j += n
		default:
			return trimRunEnd(s, i, end)
		}
	}
	return trimRunEnd(s, i, end)
}

// trimRunEnd drops a trailing ")" that opened before the run.
func trimRunEnd(s string, start, end int) int {
	if end > start && s[end-1] == ')' && strings.Count(s[start:end], "(") < strings.Count(s[start:end], ")") {
		return end - 1
	}
	return end
}

// classifyRun decides what the digit run s[a:b] is. A run joined by spaces
// that is nothing as a whole is tried piece by piece.
func classifyRun(s string, a, b int) []span {
	// (090-1234-5678): brackets around the whole number stay in the text.
	if s[a] == '(' && s[b-1] == ')' && strings.Count(s[a:b], "(") == 1 && strings.Count(s[a:b], ")") == 1 {
		a, b = a+1, b-1
	}
	if k, start := classifyDigits(s, a, b); k != kindNone {
		return []span{{start, b, k}}
	}
	if !strings.Contains(s[a:b], " ") {
		return nil
	}
	var out []span
	for p := a; p < b; {
		q := strings.IndexByte(s[p:b], ' ')
		if q < 0 {
			q = b - p
		}
		if k, start := classifyDigits(s, p, p+q); k != kindNone {
			out = append(out, span{start, p + q, k})
		}
		p += q + 1
	}
	return out
}

// classifyDigits classifies one run; start moves back over a 〒 before it.
func classifyDigits(s string, a, b int) (maskKind, int) {
	if a >= b || decimalAround(s, a, b) {
		return kindNone, a
	}
	var groups []int
	digits := 0
	inGroup := false
	for _, r := range s[a:b] {
		if r >= '0' && r <= '9' {
			digits++
			if !inGroup {
				groups = append(groups, 0)
				inGroup = true
			}
			groups[len(groups)-1]++
			continue
		}
		inGroup = false
	}
	lead := s[a]
	if lead == '(' && a+1 < b {
		lead = s[a+1]
	}
	// A postal mark may be separated from the code by one space.
	post := strings.TrimSuffix(s[:a], " ")
	if strings.HasSuffix(post, "〒") {
		if digits == 7 && (len(groups) == 1 || len(groups) == 2 && groups[0] == 3) {
			return kindPostal, len(post) - len("〒")
		}
	}
	switch {
	case s[a] == '+':
		// +81-263-72-3111: the country code, then the number without its 0.
		if strings.HasPrefix(s[a:b], "+81") && (digits == 11 || digits == 12) {
			return kindPhone, a
		}
	case lead == '0' && (digits == 10 || digits == 11):
		if phoneGroups(groups) {
			return kindPhone, a
		}
	case digits == 7 && len(groups) == 2 && groups[0] == 3 && groups[1] == 4 && !strings.ContainsAny(s[a:b], " ()"):
		return kindPostal, a
	case digits == 12 && (len(groups) == 1 || len(groups) == 3 && groups[0] == 4 && groups[1] == 4):
		return kindNumber, a
	case digits == 16 && (len(groups) == 1 || len(groups) == 4 && groups[0] == 4 && groups[1] == 4 && groups[2] == 4):
		return kindNumber, a
	}
	return kindNone, a
}

// phoneGroups accepts the ways Japanese numbers are grouped: unbroken, or an
// area code of 2–5 digits and a subscriber number of 4 (3 for 0120 numbers)
// with a middle group between.
func phoneGroups(g []int) bool {
	switch len(g) {
	case 1:
		return true
	case 2:
		return g[0] >= 2 && g[0] <= 5 && g[1] >= 6
	case 3:
		return g[0] >= 2 && g[0] <= 5 && g[1] >= 1 && g[1] <= 4 && (g[2] == 4 || g[2] == 3)
	}
	return false
}

// decimalAround reports whether the run is part of a larger number written
// with . , / or : (3.14, 1,000,000, 2024/10/15, 10:30).
func decimalAround(s string, a, b int) bool {
	if a >= 2 && strings.ContainsRune(".,/:", rune(s[a-1])) && s[a-2] >= '0' && s[a-2] <= '9' {
		return true
	}
	if b+1 < len(s) && strings.ContainsRune(".,/:", rune(s[b])) && s[b+1] >= '0' && s[b+1] <= '9' {
		return true
	}
	return false
}

// honorifics follow a name. The kana ones also follow given names written
// in hiragana (ゆいちゃん), which IPA does not know and cuts into odd pieces.
var honorifics = []string{"さん", "ちゃん", "くん", "様", "さま", "氏", "君", "殿"}

var kanaHonorifics = []string{"さん", "ちゃん", "くん"}

// titles confirm that an IPA person word before them is a name (田中先生,
// 田中方 on an envelope).
var titles = []string{"方", "先生", "議員", "市長", "町長", "村長", "課長", "部長", "係長", "社長", "会長", "院長", "校長", "園長", "先輩"}

// notNames are hiragana words that take さん or ちゃん without being names.
var notNames = map[string]bool{
	"みな": true, "みんな": true, "おばあ": true, "おじい": true, "ばあ": true, "じい": true,
	"おかあ": true, "おとう": true, "かあ": true, "とう": true, "おねえ": true, "おにい": true,
	"ねえ": true, "にい": true, "あか": true, "おば": true, "おじ": true, "おまわり": true,
	"おいしゃ": true, "おくさ": true, "おこさ": true, "おきゃく": true, "おとなり": true,
	"ばば": true, "じじ": true, "おかみ": true, "だんな": true, "おばちゃ": true,
	"おっちゃ": true, "あんちゃ": true, "ぼっちゃ": true, "おつかれ": true, "ごくろう": true,
	"おかげ": true, "おひさま": true, "おつきさま": true, "おでん": true, "わんちゃ": true,
	"ねこ": true, "いぬ": true, "おひめ": true, "おうじ": true, "おばけ": true,
}

// nameSpans finds persons' names in the tokens of s.
func (t *Tokenizer) nameSpans(s string, toks []tok) []span {
	mark := make([]bool, len(toks))
	for i := range toks {
		if toks[i].cls == clsPerson && pairedName(toks, i) {
			mark[i] = true
		}
	}
	// An honorific or a title names the word before it.
	for i := 1; i < len(toks); i++ {
		if mark[i-1] || toks[i-1].end != toks[i].start {
			continue
		}
		if h := honorificAt(s, toks, i); h != "" && toks[i].cls != clsPerson {
			mark[i-1] = t.namedBy(s, toks, i, h)
		} else if titleAt(s, toks, i) {
			p := &toks[i-1]
			mark[i-1] = p.cls == clsPerson || p.src == srcUnknown && p.cls == clsProper
		}
	}
	var spans []span
	for i := range toks {
		if mark[i] {
			spans = append(spans, span{toks[i].start, toks[i].end, kindName})
		}
	}
	spans = append(spans, kanaNames(s, toks)...)
	return joinNames(s, toks, spans)
}

// joinNames merges name spans that touch or stand a space apart (山田 花子),
// and takes in an IPA surname just before a name (石川さくらさん).
func joinNames(s string, toks []tok, spans []span) []span {
	if len(spans) == 0 {
		return nil
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	out := spans[:1]
	for _, sp := range spans[1:] {
		last := &out[len(out)-1]
		if sp.start <= last.end || sp.start == last.end+1 && s[last.end] == ' ' {
			last.end = max(last.end, sp.end)
			continue
		}
		out = append(out, sp)
	}
	for x := range out {
		for i := len(toks) - 1; i >= 0; i-- {
			if toks[i].end == out[x].start && toks[i].cls == clsPerson {
				out[x].start = toks[i].start
				break
			}
		}
	}
	return out
}

// pairedName reports whether the IPA person token toks[i] stands next to
// another, or one space from it (山田花子, 伊藤 一郎). A person token alone is
// left to the honorific rules: IPA tags many place names as surnames when they
// stand alone (越前 in 越前そば).
func pairedName(toks []tok, i int) bool {
	isPerson := func(j int) bool { return j >= 0 && j < len(toks) && toks[j].cls == clsPerson }
	spaceAt := func(j int) bool {
		return j >= 0 && j < len(toks) && toks[j].cls == clsSpace && toks[j].end-toks[j].start == 1
	}
	if !(isPerson(i-1) || isPerson(i+1) || spaceAt(i-1) && isPerson(i-2) || spaceAt(i+1) && isPerson(i+2)) {
		return false
	}
	// A pair glued to a place word (安曇|野市 before the user dictionary
	// fixed it) is a mis-split place name.
	b := i
	for isPerson(b + 1) {
		b++
	}
	return !(b+1 < len(toks) && (toks[b+1].cls == clsSuffixPlace || toks[b+1].cls == clsPlace))
}

// honorificAt returns the honorific that starts at toks[i] and ends on a
// token boundary (so ちゃんと, 様子 and さんま are not honorifics), if any.
func honorificAt(s string, toks []tok, i int) string {
	start := toks[i].start
	for _, h := range honorifics {
		if !strings.HasPrefix(s[start:], h) {
			continue
		}
		for j := i; j < len(toks) && j < i+3; j++ {
			if toks[j].end == start+len(h) {
				return h
			}
		}
	}
	return ""
}

func titleAt(s string, toks []tok, i int) bool {
	for _, h := range titles {
		if strings.HasPrefix(s[toks[i].start:], h) && toks[i].end == toks[i].start+len(h) {
			return true
		}
	}
	return false
}

// namedBy reports whether the word before honorific h at toks[i] is a name:
// an IPA person word, an unknown word, or a place that is also a surname
// (松本さん). Given names in hiragana are kanaNames' job.
func (t *Tokenizer) namedBy(s string, toks []tok, i int, h string) bool {
	p := &toks[i-1]
	// お伊勢さん, お稲荷さん: a polite prefix makes it a shrine or a thing.
	if i >= 2 && toks[i-2].cls == clsPrefix && politePrefix(toks[i-2].base) && toks[i-2].end == p.start {
		return false
	}
	// 朝倉氏遺跡, まるさん商店: the honorific is inside a proper name.
	end := toks[i].start + len(h)
	nounAfter := false
	for j := i; j < len(toks) && j < i+3; j++ {
		if toks[j].start == end {
			nounAfter = toks[j].cls.isContentNoun()
			break
		}
	}
	if nounAfter && (h == "氏" || p.cls != clsPerson) {
		return false
	}
	word := s[p.start:p.end]
	switch {
	case p.cls == clsPerson:
		// 八百屋さん, 魚屋さん: a shop, though IPA lists 八百屋 as a surname.
		return !(h == "さん" && strings.HasSuffix(word, "屋"))
	case p.src == srcUnknown && (p.cls == clsProper || p.cls == clsNoun):
		// An unknown katakana word before さん is a job (アテンダントさん).
		return !(h == "さん" && isKatakanaString(word))
	case (p.src == srcUser || p.src == srcKnown && p.cls == clsPlace) && p.seg == 0:
		return t.surnameToken(p)
	case h == "ちゃん" || h == "くん":
		// サクラちゃん: a katakana word before ちゃん or くん is a name;
		// before さん it is a job (ガイドさん, スタッフさん).
		return isKatakanaString(word) && p.src == srcKnown && p.cls.isContentNoun()
	}
	return false
}

// kanaNames finds given names written in hiragana before さん, ちゃん or くん.
// IPA cuts them into odd pieces (けん|たく|ん for けんたくん), so the name is
// read from the text: the hiragana before the honorific, back to the
// previous particle, adverb or symbol, at most 6 characters.
func kanaNames(s string, toks []tok) []span {
	var out []span
	for _, h := range kanaHonorifics {
		from, ti := 0, 0
		// ti walks the tokens in step with the occurrences of h.
		for {
			p := strings.Index(s[from:], h)
			if p < 0 {
				break
			}
			p += from
			from = p + len(h)
			for ti < len(toks) && toks[ti].end <= p-1 {
				ti++
			}
			// toks[ti] now holds the byte before the honorific.
			if p == 0 || ti >= len(toks) || toks[ti].start >= p {
				continue
			}
			if sp, ok := kanaNameBefore(s, toks, ti, p, h); ok {
				out = append(out, sp)
			}
		}
	}
	return out
}

// kanaNameBefore reads the name ending at byte p, where toks[ti] holds the
// byte before p and h starts at p.
func kanaNameBefore(s string, toks []tok, ti, p int, h string) (span, bool) {
	end := p + len(h)
	// The honorific must end a word: not さんま, not a word that contains
	// it (おばあちゃん); ちゃんと after a name is kagome's adverb misreading.
	endsWord := false
	for j := ti; j < len(toks) && toks[j].start < end+1; j++ {
		if toks[j].end == end {
			endsWord = true
		}
	}
	if !endsWord && !(h == "ちゃん" && strings.HasPrefix(s[p:], "ちゃんと")) {
		return span{}, false
	}
	if toks[ti].end >= end {
		return span{}, false // the honorific is inside a dictionary word
	}
	for j := ti; j < len(toks) && toks[j].start <= end; j++ {
		if toks[j].start == end && toks[j].cls.isContentNoun() {
			return span{}, false // まるさん商店: part of a shop's name
		}
	}
	start := p
	runes := 0
	for j := ti; j >= 0; j-- {
		q := &toks[j]
		w := s[q.start:min(q.end, p)]
		if q.cls == clsParticle && q.end <= p || q.cls == clsOther || q.cls == clsSymbol || q.cls == clsSpace || !isHiraganaString(w) {
			break
		}
		runes += utf8.RuneCountInString(w)
		if runes > 6 {
			return span{}, false
		}
		start = q.start
	}
	if start == p {
		return span{}, false
	}
	name := s[start:p]
	if notNames[name] || utf8.RuneCountInString(name) < 2 {
		return span{}, false
	}
	return span{start, p, kindName}, true
}

// surnameToken reports whether a place token is also an IPA surname.
func (t *Tokenizer) surnameToken(p *tok) bool {
	if p.src == srcUser {
		e := &t.users[p.id]
		return e.surname && len(e.segs) == 1
	}
	return t.sys.isSurname(p.key)
}

// lotSpans finds lot numbers written after a place name (穂高1234-5,
// 豊科田沢5000): a hyphenated run, or a number of 3 digits or more, that no
// counter or noun follows (穂高300世帯 and 三郷2024年 are not addresses).
func (t *Tokenizer) lotSpans(s string, toks []tok) []span {
	var out []span
	for i := 1; i < len(toks); i++ {
		k := &toks[i]
		if k.cls != clsNum || toks[i-1].end != k.start {
			continue
		}
		if c := toks[i-1].cls; c != clsPlace && c != clsSuffixPlace {
			continue
		}
		loc := reLot.FindStringIndex(s[k.start:])
		if loc == nil || loc[0] != 0 {
			continue
		}
		end := k.start + loc[1]
		if lot := s[k.start:end]; strings.IndexFunc(lot, isHyphen) < 0 && len(lot) < 3 {
			continue
		}
		j := i
		for j < len(toks) && toks[j].start < end {
			j++
		}
		if j < len(toks) && toks[j].start == end && quantityAfter(s, &toks[j]) {
			i = j - 1
			continue
		}
		out = append(out, span{k.start, end, kindAddress})
		i = j - 1
	}
	return out
}

// quantityAfter reports whether the token after a number makes it a quantity
// or part of a name: a counter (年, 人, 円), a noun, or a Latin unit (km, %).
func quantityAfter(s string, k *tok) bool {
	switch k.cls {
	case clsSuffix, clsSuffixOther, clsSuffixPlace, clsHonorific, clsNum:
		return true
	}
	if k.cls.isContentNoun() {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[k.start:])
	return r < utf8.RuneSelf && (unicode.IsLetter(r) || r == '%' || r == '.')
}

func hasKanji(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

func isKanaString(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !isKana(r) {
			return false
		}
	}
	return true
}

func isHiraganaString(s string) bool {
	for _, r := range s {
		if !(r >= 'ぁ' && r <= 'ゖ' || r == 'ゝ' || r == 'ゞ' || r == 'ー') {
			return false
		}
	}
	return s != ""
}

func isKatakanaString(s string) bool {
	for _, r := range s {
		if !(r >= 'ァ' && r <= 'ヺ' || r == 'ー') {
			return false
		}
	}
	return s != ""
}
