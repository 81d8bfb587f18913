package synth

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// qkind is one of the three free-text questions.
type qkind int

const (
	qFuture qkind = iota
	qOpinion
	qTrouble
)

// style is how a respondent writes.
type style int

const (
	stylePolite style = iota
	stylePlain
	styleBullet
	styleElder
)

const maxAnswer = 200 // runes; longer drafts lose their last sentences

// followups lengthen a complaint or request the way people do when one
// sentence does not feel enough.
var followups = []string{
	"何とかしてほしいです。",
	"ずっと気になっています。",
	"家族もみんなそう言っています。",
	"ほかの地区も同じだと思います。",
	"早めの対応をお願いします。",
	"特に冬場は深刻です。",
	"近所の人とも、よくこの話になります。",
	"数年前から変わっていません。",
	"市でも実態を調べてほしいです。",
	"このままでは住み続けられるか不安です。",
	"ぜひお願いします。",
	"少しずつでも良いので進めてほしいです。",
}

var topicBase = map[string]float64{
	"kotsu": 1.0, "kaimono": 0.4, "kosodate": 0.3, "iryo": 0.5, "menkyo": 0.1,
	"kanko": 0.25, "bosai": 0.5, "digital": 0.5, "shizen": 0.8, "nogyo": 0.3,
	"zerocarbon": 0.35, "iju": 0.5, "kyoiku": 0.3, "community": 0.5, "doro": 0.7,
	"gyosei": 0.8, "kansen": 0.12,
}

var topicByArea = map[string][5]float64{ // 豊科 穂高 三郷 堀金 明科
	"kotsu":   {0.7, 0.9, 1.3, 2.2, 3.2},
	"kaimono": {0.4, 0.7, 1.0, 1.8, 4.0},
	"iryo":    {0.9, 1, 1, 1.2, 1.6},
	"kanko":   {0.5, 4.5, 0.6, 0.5, 0.3},
	"shizen":  {0.9, 1.3, 1.3, 1.3, 1.0},
	"nogyo":   {0.6, 0.9, 2.0, 2.5, 1.2},
	"iju":     {0.9, 1.0, 1.0, 1.2, 1.8},
	"doro":    {1.3, 1.2, 1.0, 0.9, 0.9},
	"gyosei":  {1.3, 1, 1, 1, 1},
	"digital": {1.2, 1, 1, 1, 0.9},
	"bosai":   {1, 1, 1, 1, 1.4},
}

var topicByAge = map[string][6]float64{ // 18～29 30代 40代 50代 60代 70歳以上
	"kotsu":      {1.3, 0.9, 0.9, 1, 1.2, 1.5},
	"kaimono":    {0.6, 0.8, 0.8, 1, 1.3, 1.8},
	"kosodate":   {1.5, 6.0, 3.0, 0.5, 0.3, 0.1},
	"iryo":       {0.3, 0.5, 0.7, 1.2, 2.0, 3.0},
	"menkyo":     {0, 0, 0, 0.3, 2.0, 6.0},
	"bosai":      {0.6, 0.8, 0.9, 1.1, 1.5, 2.0},
	"digital":    {3.0, 2.2, 1.8, 1.0, 0.6, 0.25},
	"nogyo":      {0.4, 0.5, 0.7, 1.2, 1.6, 1.6},
	"zerocarbon": {2.0, 1.3, 1.1, 1, 0.9, 0.6},
	"iju":        {3.0, 1.8, 1.2, 0.9, 0.6, 0.3},
	"kyoiku":     {0.8, 3.0, 3.5, 0.8, 0.3, 0.2},
	"community":  {0.5, 0.9, 1.5, 1.5, 1.2, 1.0},
	"gyosei":     {0.8, 0.9, 1, 1.1, 1.1, 1.1},
	"kansen":     {0.5, 0.8, 0.8, 1, 1.3, 1.5},
}

// topicWeight is how likely person p is to write about topic key: a base
// rate times district, age and sex factors, so that the themes in the text
// follow who wrote it (明科 and 堀金 on buses and shopping, parents of
// young children on nurseries and parks, older residents on hospitals and
// giving up their licence, 穂高 on tourist traffic).
func topicWeight(key string, p *person) float64 {
	w := topicBase[key]
	if m, ok := topicByArea[key]; ok {
		w *= m[p.area]
	}
	if m, ok := topicByAge[key]; ok {
		w *= m[p.age]
	}
	switch {
	case p.sex == 1 && (key == "kosodate" || key == "iryo" || key == "kaimono"):
		w *= 1.35
	case p.sex == 0 && (key == "nogyo" || key == "doro" || key == "gyosei"):
		w *= 1.3
	}
	if p.years <= 2 && key == "iju" { // newcomers write about settling in
		w *= 1.8
	}
	return w
}

var stations = [5]string{"豊科駅", "穂高駅", "中萱駅", "豊科駅", "明科駅"}

// composer writes the free-text answers of one wave.
type composer struct {
	r *rng
}

func (c *composer) compose(p *person, q qkind) string {
	r := c.r
	nothingRate := [...]float64{0.10, 0.12, 0.20}[q]
	if r.chance(nothingRate) {
		if p.style == styleElder && r.chance(0.3) {
			return "特にございません。"
		}
		return r.one(nothings)
	}
	w := make([]float64, len(topics))
	for i, t := range topics {
		w[i] = topicWeight(t.key, p)
	}
	if p.style == styleBullet {
		return c.noise(c.bullets(p, w), p)
	}
	if r.chance(0.09) {
		return c.noise(c.fill(c.oneLiner(topics[r.pick(w)]), p), p)
	}
	n := 1 + r.pick([]float64{0.55, 0.3, 0.12, 0.03})
	var body []string
	for i := 0; i < n; i++ {
		ti := r.pick(w)
		w[ti] = 0
		t := topics[ti]
		var s string
		switch {
		case q == qOpinion && len(t.trouble) > 0 && r.chance(0.3):
			s = r.one(t.trouble) + r.one(t.opinion)
		case q == qFuture && len(t.opinion) > 0 && r.chance(0.15):
			s = r.one(t.future) + r.one(t.opinion)
		default:
			s = r.one(pool(t, q))
		}
		if i > 0 && r.chance(0.45) {
			s = r.one(connectives) + s
		}
		if q != qFuture && r.chance(0.12) {
			s += r.one(followups)
		}
		body = append(body, s)
	}
	var open, closing string
	if r.chance(0.22) {
		open = c.opening(p)
	}
	if r.chance(0.25) || (p.style == styleElder && r.chance(0.4)) {
		if p.style == styleElder && r.chance(0.6) {
			closing = r.one(closings.elder)
		} else {
			closing = r.one(closings.generic)
		}
	}
	breakLines := r.chance(0.12)
	spaced := p.style == styleElder && r.chance(0.3)
	for {
		s := c.fill(c.join(open, body, closing, breakLines), p)
		switch p.style {
		case stylePlain:
			s = plain(s)
		case styleElder:
			s = elder(s, spaced)
		}
		if utf8.RuneCountInString(s) <= maxAnswer {
			return c.noise(s, p)
		}
		switch {
		case len(body) > 1:
			body = body[:len(body)-1]
		case open != "":
			open = ""
		default:
			closing = ""
		}
	}
}

// connectives lead into a second or later point, as people do when they
// list several unrelated things in one box.
var connectives = []string{"また、", "それと、", "あと、", "もう一つ、", "ほかには、", "それから、", "それに、"}

// oneLiner is a bare phrase with an ending that fits its grammar: a te-form
// asks (増やして→増やしてほしい), an adjective stands alone, a noun takes
// a request.
func (c *composer) oneLiner(t topic) string {
	r := c.r
	s := r.one(t.short)
	switch {
	case strings.HasSuffix(s, "て"):
		return s + r.one([]string{"", "ほしい", "ほしいです。", "！"})
	case strings.HasSuffix(s, "い"):
		return s + r.one([]string{"", "。", "です。"})
	default:
		return s + r.one([]string{"", "", "。", "！", "をお願いします", "を希望します。", "が必要"})
	}
}

func pool(t topic, q qkind) []string {
	var s []string
	switch q {
	case qFuture:
		s = t.future
	case qOpinion:
		s = t.opinion
	case qTrouble:
		s = t.trouble
	}
	if len(s) == 0 {
		s = t.opinion
	}
	return s
}

func (c *composer) opening(p *person) string {
	r := c.r
	var cands []string
	cands = append(cands, openings.generic...)
	cands = append(cands, openings.area[p.area]...)
	switch {
	case p.age == 0:
		cands = append(cands, openings.young...)
	case p.age <= 2:
		cands = append(cands, openings.parent...)
	case p.age >= 4:
		cands = append(cands, openings.elder...)
	}
	if p.years <= 2 && p.age >= 1 {
		cands = append(cands, openings.migrant...)
	}
	return r.one(cands)
}

// join lays the sentences out; an opening ending in 、 runs into the first
// sentence, so it never takes a line break after it.
func (c *composer) join(open string, body []string, closing string, breakLines bool) string {
	var b strings.Builder
	sep := ""
	if breakLines {
		sep = "\n"
	}
	if open != "" {
		b.WriteString(open)
		if !strings.HasSuffix(open, "、") {
			b.WriteString(sep)
		}
	}
	for i, s := range body {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(s)
	}
	if closing != "" {
		b.WriteString(sep)
		b.WriteString(closing)
	}
	return b.String()
}

func (c *composer) bullets(p *person, w []float64) string {
	r := c.r
	n := 2 + r.intn(3)
	var items []string
	for i := 0; i < n; i++ {
		ti := r.pick(w)
		w[ti] = 0
		items = append(items, "・"+r.one(topics[ti].short))
	}
	s := strings.Join(items, "\n")
	if r.chance(0.3) {
		s = r.one([]string{"要望です。\n", "以下、箇条書きで。\n", "思いつくまま。\n", "3つあります。\n"}) + s
		if strings.HasPrefix(s, "3つ") && n != 3 {
			s = strings.Replace(s, "3つあります。", "いくつかあります。", 1)
		}
	}
	return c.fill(s, p)
}

func (c *composer) fill(s string, p *person) string {
	s = strings.ReplaceAll(s, "{area}", areas[p.area])
	return strings.ReplaceAll(s, "{station}", stations[p.area])
}

// plainRules turn polite sentence endings plain. Only endings whose plain
// form is unambiguous are listed; anything else stays polite, as it does
// when people mix registers.
var plainRules = []struct{ from, to string }{
	{"てほしいです。", "てほしい。"},
	{"と思います。", "と思う。"},
	{"ています。", "ている。"},
	{"ありません。", "ない。"},
	{"できません。", "できない。"},
	{"足りません。", "足りない。"},
	{"分かりません。", "分からない。"},
	{"わかりません。", "わからない。"},
	{"使えません。", "使えない。"},
	{"行けません。", "行けない。"},
	{"聞き取れません。", "聞き取れない。"},
	{"なりません。", "ならない。"},
	{"手放せません。", "手放せない。"},
	{"てください。", "てほしい。"},
	{"でください。", "でほしい。"},
	{"でしょうか。", "だろうか。"},
	{"なります。", "なる。"},
	{"あります。", "ある。"},
	{"います。", "いる。"},
	{"かかります。", "かかる。"},
	{"感じます。", "感じる。"},
	{"期待します。", "期待する。"},
	{"望みます。", "望む。"},
	{"困ります。", "困る。"},
	{"助かります。", "助かる。"},
	{"混みます。", "混む。"},
	{"しました。", "した。"},
	{"なりました。", "なった。"},
	{"来ました。", "来た。"},
	{"減りました。", "減った。"},
	{"かったです。", "かった。"},
	{"でした。", "だった。"},
	{"いです。", "い。"},
	{"です。", "だ。"},
	{"ですが、", "だが、"},
}

func plain(s string) string {
	for _, rule := range plainRules {
		s = strings.ReplaceAll(s, rule.from, rule.to)
	}
	return s
}

// elder writes the way many older residents do on paper questionnaires:
// 下さい, 致します, 判る, and a full-width space after some sentences.
func elder(s string, spaced bool) string {
	s = strings.ReplaceAll(s, "ください", "下さい")
	s = strings.ReplaceAll(s, "お願いします", "お願い致します")
	s = strings.ReplaceAll(s, "分かりません", "判りません")
	s = strings.ReplaceAll(s, "分からない", "判らない")
	if spaced {
		s = strings.ReplaceAll(s, "。", "。　")
		s = strings.ReplaceAll(s, "。　\n", "。\n")
		s = strings.TrimRight(s, "　")
	}
	return s
}

// typos are slips people make with a kana-kanji converter or a phone
// keyboard; one is applied to a few answers.
var typos = []struct{ from, to string }{
	{"公共交通機関", "公共交通期間"},
	{"づらい", "ずらい"},
	{"意外", "以外"},
	{"充実", "重実"},
	{"ありません", "ありまsん"},
	{"してほしい", "してほしぃ"},
	{"見直して", "見直しして"},
	{"保育園", "保育円"},
	{"対策", "対作"},
	{"整備", "生備"},
	{"お願いします", "お願いしまず"},
	{"ください", "くだい"},
	{"駐車場", "駐車上"},
	{"心配", "心肺"},
}

// noise adds what real typed answers have: full-width alphanumerics,
// half-width katakana, a typo, a dropped final 。.
func (c *composer) noise(s string, p *person) string {
	r := c.r
	if hasASCIIAlnum(s) && r.chance(0.35) {
		s = fullWidthAlnum(s)
	}
	if r.chance(0.045) {
		s = halfWidthKatakana(s)
	}
	if r.chance(0.08) {
		start := r.intn(len(typos))
		for i := range typos {
			t := typos[(start+i)%len(typos)]
			if strings.Contains(s, t.from) {
				s = strings.Replace(s, t.from, t.to, 1)
				break
			}
		}
	}
	if strings.HasSuffix(s, "。") && r.chance(0.15) {
		s = strings.TrimSuffix(s, "。")
	}
	return s
}

func hasASCIIAlnum(s string) bool {
	for _, c := range s {
		if c < 0x80 && (unicode.IsLetter(c) || unicode.IsDigit(c)) {
			return true
		}
	}
	return false
}

// fullWidthAlnum writes ASCII letters, digits and hyphens full width, as a
// Japanese IME does in full-width mode (ＤＸ, ＬＩＮＥ, １０年).
func fullWidthAlnum(s string) string {
	var b strings.Builder
	for _, c := range s {
		switch {
		case c < 0x80 && (unicode.IsLetter(c) || unicode.IsDigit(c)):
			b.WriteRune(c - 0x21 + 0xFF01)
		case c == '-':
			b.WriteRune('－')
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}

// halfWidthKatakana turns katakana into half-width forms (ｺﾐｭﾆﾃｨﾊﾞｽ),
// splitting voiced marks into their own half-width characters as the
// old JIS X 0201 set requires.
func halfWidthKatakana(s string) string {
	var b strings.Builder
	for _, c := range s {
		if !unicode.Is(unicode.Katakana, c) && c != 'ー' {
			b.WriteRune(c)
			continue
		}
		for _, d := range norm.NFD.String(string(c)) {
			switch d {
			case '\u3099':
				b.WriteRune('ﾞ')
			case '\u309A':
				b.WriteRune('ﾟ')
			default:
				b.WriteString(width.Narrow.String(string(d)))
			}
		}
	}
	return b.String()
}
