package draft

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"koe/ingest"
)

const (
	// maxSingle is how many distinct values a single question has before
	// the draft asks the analyst to check it ("≤ ~12" in the brief).
	maxSingle = 12
	// maxCategories is the most options a drafted single may have; beyond
	// it, short repeated values are a code list (places, facilities) that
	// the draft leaves out rather than list.
	maxCategories = 60
	// maxMultiOptions is the most options a drafted multi may have.
	maxMultiOptions = 40
)

// guess turns column statistics into questions and skipped columns.
func guess(res *Result, cols []*column) {
	done := make([]bool, len(cols))
	skip := func(c *column, reason string) {
		res.Skipped = append(res.Skipped, Skipped{Column: c.index + 1, Header: c.header, Reason: reason})
		done[c.index] = true
	}
	res.Missing = missingSeen(cols)

	for _, c := range cols {
		if p := personal(c.header); p != "" {
			skip(c, fmt.Sprintf("個人情報（%s）と思われる列のため取り込みません", p))
		}
	}
	if c := cols[0]; !done[0] && guessID(res, c) {
		done[0] = true
	}
	for _, c := range cols {
		switch {
		case done[c.index]:
		case c.values == 0 && c.cells == 0:
			skip(c, "値が1つもない列です")
		case c.values == 0:
			skip(c, fmt.Sprintf("無回答（%s）しかない列です", strings.Join(sortedKeys(c.missing), "、")))
		case c.dates*10 >= c.values*9:
			skip(c, "日時の列です（koe は回答日時を集計に使いません）")
		}
	}

	for _, b := range blocks(cols, done) {
		q := blockQuestion(b)
		res.Questions = append(res.Questions, q)
		for _, c := range b {
			done[c.index] = true
		}
	}
	for _, c := range cols {
		if done[c.index] {
			continue
		}
		if q := columnQuestion(c); q != nil {
			res.Questions = append(res.Questions, q)
		} else {
			skip(c, codeListReason(c))
		}
	}
	sort.SliceStable(res.Questions, func(i, j int) bool { return res.Questions[i].Column < res.Questions[j].Column })
	sort.SliceStable(res.Skipped, func(i, j int) bool { return res.Skipped[i].Column < res.Skipped[j].Column })
	// Ids are handed out in column order, so that a later column gets the
	// suffix (_2, _3) when two headers give the same id.
	taken := newIDs()
	for _, q := range res.Questions {
		q.ID = taken.take(q.idBase, q.idFallback)
	}
}

func missingSeen(cols []*column) []string {
	total := map[string]int{}
	for _, c := range cols {
		for v, n := range c.missing {
			total[v] += n
		}
	}
	keys := sortedKeys(total)
	sortByCount(keys, total)
	return keys
}

func sortedKeys(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// guessID decides whether the first column is the respondent id.
func guessID(res *Result, c *column) bool {
	if c.repeat || c.norm == "" || c.dates > 0 || timestampHeader(c.header) {
		return false
	}
	n := res.Rows
	switch {
	case idLike(c.header) && c.empties+c.dups <= max(1, n/20):
		res.IDColumn = c.header
		res.IDNote = fmt.Sprintf("推定: 先頭列「%s」は回答者ごとに異なる番号のため id_column としました", c.header)
		if c.empties > 0 {
			res.IDNote += fmt.Sprintf("。要確認: ID が空の行が%d行あります。取り込み時にその行は隔離されます", c.empties)
		}
		if c.dups > 0 {
			res.IDNote += fmt.Sprintf("。要確認: 前の行と同じ ID の行が%d行あります（%s）。取り込み時にその行は隔離されます",
				c.dups, strings.Join(c.dupFirst, "、"))
		}
		return true
	case c.dups == 0 && c.empties == 0 && c.values == n && n >= 5 && c.codes == c.values:
		res.IDColumn = c.header
		res.IDNote = fmt.Sprintf("推定: 先頭列「%s」の値がすべて異なるため id_column としました。回答者の番号でなければ消してください", c.header)
		return true
	}
	return false
}

// blocks finds runs of adjacent 0/1 columns (with a trailing "その他"
// column), split where the headers' shared prefix changes.
func blocks(cols []*column, done []bool) [][]*column {
	binary := func(c *column) bool {
		return !done[c.index] && !c.repeat && c.values > 0 && c.marks == c.values
	}
	other := func(c *column) bool {
		if done[c.index] || c.repeat || c.values == 0 {
			return false
		}
		h := strings.ToLower(c.norm)
		if strings.Contains(h, "その他") || strings.Contains(h, "other") || strings.Contains(h, "それ以外") {
			return true
		}
		// Mostly marks, and the rest is text written in (not another code,
		// which would make this a coded question of its own).
		return c.counts != nil && c.marks*2 >= c.values && c.numeric == c.counts["0"]+c.counts["1"]
	}
	var runs [][]*column
	for i := 0; i < len(cols); {
		if !binary(cols[i]) {
			i++
			continue
		}
		j := i
		for j < len(cols) && binary(cols[j]) {
			j++
		}
		run := cols[i:j]
		if j < len(cols) && other(cols[j]) {
			run = cols[i : j+1]
			j++
		}
		runs = append(runs, run)
		i = j
	}
	var out [][]*column
	for _, run := range runs {
		for _, seg := range splitRun(run) {
			if len(seg) >= 2 {
				out = append(out, seg)
			}
		}
	}
	return out
}

// blockKey is the shared part of a block column's header: the first
// header row when there are two, else the prefix before _ [ : or space.
func blockKey(c *column) string {
	if c.top != "" {
		return c.top
	}
	k, _ := groupKey(c.header)
	return k
}

// splitRun cuts a run where the key changes. A key that no neighbour
// shares is no key at all (テーマパーク（…） is a label, not a prefix), and
// keyless columns stay together.
func splitRun(run []*column) [][]*column {
	keys := make([]string, len(run))
	for i, c := range run {
		keys[i] = blockKey(c)
	}
	shared := make([]string, len(run))
	for i, k := range keys {
		if k != "" && ((i > 0 && keys[i-1] == k) || (i+1 < len(run) && keys[i+1] == k)) {
			shared[i] = k
		}
	}
	var out [][]*column
	start := 0
	for i := 1; i <= len(run); i++ {
		if i == len(run) || shared[i] != shared[start] {
			out = append(out, run[start:i])
			start = i
		}
	}
	return out
}

func blockQuestion(b []*column) *Question {
	first := b[0]
	key := blockKey(first)
	q := &Question{Kind: ingest.Multi, Column: first.index + 1, Header: first.header}
	labels := make([]string, len(b))
	seen := map[string]bool{}
	useLabels := true
	allDigits := true
	for i, c := range b {
		q.Columns = append(q.Columns, c.header)
		k, l := groupKey(c.header)
		if c.top != "" {
			k, l = c.top, c.norm
		}
		if k != key || key == "" {
			l = c.norm
		}
		labels[i] = l
		if l == "" || seen[l] {
			useLabels = false
		}
		seen[l] = true
		if _, ok := ingest.ParseNumber(l); !ok {
			allDigits = false
		}
	}
	changed := false
	for i, c := range b {
		if labels[i] != c.norm {
			changed = true
		}
	}
	for i, c := range b {
		o := Option{Code: c.norm, Label: c.norm, Count: chosenCount(c)}
		if useLabels && changed && !allDigits {
			o.Code, o.Label = labels[i], labels[i]
		}
		q.Options = append(q.Options, o)
	}
	if !(useLabels && changed && !allDigits) {
		q.Options = nil // each column's header is its option's label
	}
	q.idBase, q.idFallback = baseID(key), fmt.Sprintf("q%02d", first.index+1)
	note := fmt.Sprintf("推定: 0/1 の列が%d個並んでいるため、1つの複数回答（multi）にまとめました", len(b))
	if key != "" && b[len(b)-1].top == first.top && blockKey(b[len(b)-1]) == key {
		note += fmt.Sprintf("（見出しの共通部分「%s」）", key)
	} else {
		note += "。見出しに共通部分がないので、まとまりが正しいか（前後の列が別の設問でないか）確認してください"
	}
	q.Notes = append(q.Notes, note)
	for _, c := range b {
		if c.marks < c.values {
			q.Notes = append(q.Notes, fmt.Sprintf("「%s」列には記述が%d件あります。選ばれたものとして数え、記述は自由記述として分析します",
				c.header, c.values-c.marks))
		}
	}
	return q
}

// chosenCount counts a block column's cells that mean chosen.
func chosenCount(c *column) int {
	n := 0
	for v, k := range c.counts {
		switch v {
		case "0", "FALSE", "false", "False", "×":
		default:
			n += k
		}
	}
	return n
}

// quantityWords in a header mark a count or an amount, not a code.
var quantityWords = []string{"人数", "回数", "年数", "日数", "件数", "台数", "数", "金額", "円", "歳", "年齢", "時間", "分", "点数", "得点", "点", "距離", "km", "nps", "何", "いくつ", "月額", "面積", "率", "%"}

func quantityHeader(h string) bool {
	h = strings.ToLower(h)
	for _, w := range quantityWords {
		if strings.Contains(h, w) {
			return true
		}
	}
	return false
}

// columnQuestion guesses one column's question, or nil to leave it out.
func columnQuestion(c *column) *Question {
	q := &Question{Column: c.index + 1, Header: c.header, ByNumber: c.repeat}
	q.idBase, q.idFallback = baseID(c.header), fmt.Sprintf("q%02d", c.index+1)
	if q.idBase == "" && c.top != "" {
		q.idBase = baseID(c.top)
	}
	d := c.distinct()
	switch {
	case d >= 0 && likertQuestion(q, c):
	case d >= 0 && multiQuestion(q, c):
	case numberQuestion(q, c, d):
	case d >= 0 && singleQuestion(q, c):
	case d >= 0 && codeList(c):
		return nil
	default:
		q.Kind = ingest.Text
		q.Notes = append(q.Notes, fmt.Sprintf("推定: 値の長さや内容がまちまち（%s）なため text（自由記述）としました", textEvidence(c)))
	}
	if q.Kind == ingest.Single {
		if id := demographic(c.header); id != "" {
			q.Demographic = true
			q.idBase = id
			q.Notes = append(q.Notes, "属性（demographic）: 見出しから回答者の属性と判断しました。他の設問とのクロス集計に使います")
		}
	} else if q.Kind == ingest.Number && demographic(c.header) != "" {
		q.Notes = append(q.Notes, "見出しは属性のようですが数値の列です。クロス集計の属性にするには区分（年代など）の single 列が必要です")
	}
	if c.repeat {
		if c.norm == "" {
			q.Notes = append(q.Notes, "見出しが空のため列番号で指定しました")
		} else {
			q.Notes = append(q.Notes, fmt.Sprintf("見出し「%s」が複数の列にあるため列番号で指定しました", c.header))
		}
	}
	return q
}

func textEvidence(c *column) string {
	d := c.distinct()
	if d < 0 {
		return fmt.Sprintf("%d件の回答のほとんどが異なる", c.values)
	}
	return fmt.Sprintf("%d件の回答に%d通りの値、平均%.0f文字", c.values, d, c.meanDistinctRunes())
}

func likertQuestion(q *Question, c *column) bool {
	g := matchScale(c.counts)
	if g == nil {
		return false
	}
	q.Kind = ingest.Likert
	for i, l := range g.labels {
		q.Options = append(q.Options, Option{Code: l, Label: c.display(l), Score: g.scores[i], HasScore: true, Count: c.counts[l]})
	}
	n := len(g.labels)
	if n == 5 {
		q.Notes = append(q.Notes, fmt.Sprintf("推定: 値が「%s」〜「%s」の5段階の%sの尺度に当てはまるため likert としました（得点 +2〜−2）",
			g.labels[0], g.labels[4], g.family))
	} else {
		q.Notes = append(q.Notes, fmt.Sprintf("推定: 値が「%s」〜「%s」の4段階の%sの尺度に当てはまるため likert としました。中間の選択肢がないため得点は 2, 1, −1, −2（5段階と両端をそろえる）",
			g.labels[0], g.labels[3], g.family))
	}
	if len(g.unseen) > 0 {
		q.Notes = append(q.Notes, fmt.Sprintf("「%s」を選んだ人はいませんが、尺度の一部として残しました", strings.Join(g.unseen, "」「")))
	}
	if len(g.strays) > 0 {
		q.Missing = g.strays
		q.Notes = append(q.Notes, fmt.Sprintf("要確認: 尺度にない値 %s を無回答（missing）扱いにしました。誤入力なら元データを直し、選択肢なら options と scores に加えてください",
			countList(g.strays, c.counts)))
	}
	return true
}

func countList(vs []string, counts map[string]int) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = fmt.Sprintf("「%s」（%d件）", oneLine(v), counts[v])
	}
	return strings.Join(parts, "、")
}

// oneLine keeps a value on one comment line, short.
func oneLine(s string) string {
	s = commentSafe(s)
	if r := []rune(s); len(r) > 30 {
		s = string(r[:30]) + "…"
	}
	return s
}

// commentSafe replaces what a TOML comment may not hold (line breaks and
// other control characters) with spaces.
func commentSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if (r < 0x20 && r != '\t') || r == 0x7f {
			return ' '
		}
		return r
	}, s)
}

// separators are tried in this order; the one that explains the cells
// with the fewest options wins.
var separators = []struct{ sep, name string }{
	{"\n", "改行"}, {";", "「;」"}, {"|", "「|」"}, {"、", "「、」"}, {",", "「,」"},
}

type multiGuess struct {
	sep, name string
	pieces    []string
	counts    map[string]int
	missing   []string
}

// matchSeparator finds a separator that splits the cells into a small set
// of known values: values that also fill a cell alone, for most pieces.
func matchSeparator(counts map[string]int) *multiGuess {
	var best *multiGuess
	for _, s := range separators {
		joined, total, known, runes := 0, 0, 0, 0
		pieces := map[string]int{}
		var missing []string
		for v, n := range counts {
			if !strings.Contains(v, s.sep) {
				continue
			}
			joined += n
			for _, p := range strings.Split(v, s.sep) {
				p = strings.TrimSpace(p)
				if p == "" {
					continue
				}
				if missingTokens[p] {
					if !contains(missing, p) {
						missing = append(missing, p)
					}
					continue
				}
				pieces[p] += n
			}
		}
		if joined < 2 {
			continue
		}
		for v, n := range counts {
			if !strings.Contains(v, s.sep) {
				pieces[v] += n
			}
		}
		distinctKnown := 0
		for p, n := range pieces {
			total += n
			runes += utf8.RuneCountInString(p)
			if counts[p] > 0 {
				known += n
				distinctKnown++
			}
		}
		if len(pieces) > maxMultiOptions || len(pieces) >= len(counts) || distinctKnown*2 < len(pieces) ||
			known*10 < total*8 || runes > 40*len(pieces) {
			continue
		}
		if best == nil || len(pieces) < len(best.pieces) {
			g := &multiGuess{sep: s.sep, name: s.name, counts: pieces, missing: missing}
			for p := range pieces {
				g.pieces = append(g.pieces, p)
			}
			sort.Strings(missing)
			best = g
		}
	}
	if best == nil {
		return nil
	}
	if best.sep == "," && commaSpace(counts) {
		best.sep, best.name = ", ", "「, 」（Google フォームの形式）"
	}
	best.pieces = formOrder(best.pieces, counts, best.sep)
	return best
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// commaSpace reports whether every comma in the cells is followed by a
// space, as Google Forms joins the choices of a checkbox question.
func commaSpace(counts map[string]int) bool {
	for v := range counts {
		for i := strings.Index(v, ","); i >= 0; {
			if i+1 >= len(v) || v[i+1] != ' ' {
				return false
			}
			j := strings.Index(v[i+1:], ",")
			if j < 0 {
				break
			}
			i += 1 + j
		}
	}
	return true
}

// formOrder puts the options in the order the form listed them, as far as
// the cells show it: forms join the chosen options in the form's order,
// so an option that comes before another in more cells goes first. Ties
// go to the more frequent option, then to the text.
func formOrder(pieces []string, counts map[string]int, sep string) []string {
	idx := map[string]int{}
	for i, p := range pieces {
		idx[p] = i
	}
	n := len(pieces)
	before := make([][]int, n)
	for i := range before {
		before[i] = make([]int, n)
	}
	freq := make([]int, n)
	for v, k := range counts {
		var seq []int
		for _, p := range strings.Split(v, splitSep(sep)) {
			if i, ok := idx[strings.TrimSpace(p)]; ok {
				seq = append(seq, i)
				freq[i] += k
			}
		}
		for a := 0; a < len(seq); a++ {
			for b := a + 1; b < len(seq); b++ {
				before[seq[a]][seq[b]] += k
			}
		}
	}
	// Take first, each time, the option that the fewest remaining options
	// come before: a chain a→b→c then reads a, b, c even where a and c
	// never share a cell.
	left := make([]bool, n)
	for i := range left {
		left[i] = true
	}
	rank := make([]int, 0, n)
	for len(rank) < n {
		best, bestLoss := -1, 0
		for a := 0; a < n; a++ {
			if !left[a] {
				continue
			}
			loss := 0
			for b := 0; b < n; b++ {
				if left[b] && before[b][a] > before[a][b] {
					loss++
				}
			}
			if best < 0 || loss < bestLoss || (loss == bestLoss && (freq[a] > freq[best] || (freq[a] == freq[best] && pieces[a] < pieces[best]))) {
				best, bestLoss = a, loss
			}
		}
		left[best] = false
		rank = append(rank, best)
	}
	out := make([]string, n)
	for i, r := range rank {
		out[i] = pieces[r]
	}
	return out
}

// splitSep is the separator that cells are split at: ingest/survey trims
// ", " to ",", but keeps a separator that is only white space.
func splitSep(sep string) string {
	if t := strings.TrimSpace(sep); t != "" {
		return t
	}
	return sep
}

func multiQuestion(q *Question, c *column) bool {
	g := matchSeparator(c.counts)
	if g == nil {
		return false
	}
	q.Kind = ingest.Multi
	q.Separator = g.sep
	for _, p := range g.pieces {
		q.Options = append(q.Options, Option{Code: p, Label: p, Count: g.counts[p]})
	}
	q.Missing = g.missing
	q.Notes = append(q.Notes, fmt.Sprintf("推定: 1つのセルに複数の値が%sで区切られているため multi としました（選択肢%d個、回答に現れた順）",
		g.name, len(g.pieces)))
	return true
}

// numberQuestion takes a column of numbers. A few non-numbers (at most
// three values, 1% of the cells) become missing values to check; small
// integer codes without a quantity word in the header become single.
func numberQuestion(q *Question, c *column, d int) bool {
	strayN := c.values - c.numeric
	if c.numeric == 0 || c.moreStrays || len(c.strays) > 3 || (strayN > 1 && strayN*100 > c.values) {
		return false
	}
	if strayN == 0 && d >= 0 && d <= maxSingle && c.integer == c.numeric && c.min >= 0 && !quantityHeader(c.norm) {
		q.Kind = ingest.Single
		codes := make([]string, 0, d)
		for v := range c.counts {
			codes = append(codes, v)
		}
		sort.Slice(codes, func(i, j int) bool {
			a, _ := ingest.ParseNumber(codes[i])
			b, _ := ingest.ParseNumber(codes[j])
			if a != b {
				return a < b
			}
			return codes[i] < codes[j]
		})
		for _, v := range codes {
			q.Options = append(q.Options, Option{Code: v, Label: v, Count: c.counts[v]})
		}
		q.Notes = append(q.Notes, fmt.Sprintf("推定: %d種類の整数コード（%s〜%s）だけの列のため single としました。各コードの意味を {code = \"1\", label = \"…\"} の形で書いてください。数量なら kind = \"number\" にしてください",
			d, codes[0], codes[len(codes)-1]))
		return true
	}
	q.Kind = ingest.Number
	note := fmt.Sprintf("推定: 数値の列のため number としました（観測範囲 %s〜%s）", fmtNum(c.min), fmtNum(c.max))
	if d >= 0 && d <= maxSingle && c.integer == c.numeric && c.max <= 99 {
		note += "。選択肢のコードなら kind = \"single\" にして options を書いてください"
	}
	q.Notes = append(q.Notes, note)
	if strayN > 0 {
		strays := make([]string, 0, len(c.strays))
		for v := range c.strays {
			strays = append(strays, v)
		}
		sortByCount(strays, c.strays)
		q.Missing = strays
		q.Notes = append(q.Notes, fmt.Sprintf("要確認: 数値でない値 %s を無回答（missing）扱いにしました。誤入力なら元データを直してください",
			countList(strays, c.strays)))
	}
	return true
}

func fmtNum(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// singletons counts the values that fill one cell only.
func singletons(c *column) int {
	n := 0
	for _, k := range c.counts {
		if k == 1 {
			n++
		}
	}
	return n
}

// singleQuestion takes a column of a few values that repeat. Free text
// also repeats a few answers (なし, 特になし) but most of its values are
// one-offs; a closed question's values nearly all recur.
func singleQuestion(q *Question, c *column) bool {
	d := len(c.counts)
	if d == 0 || d > maxCategories || c.values < 2*d || c.sentences()*5 >= c.values {
		return false // too varied, or prose (options seldom end in 。)
	}
	// A closed question whose "その他" answers were typed into the same
	// column has many one-offs too, but a few values fill nearly every cell.
	frequent, covered := 0, 0
	for _, k := range c.counts {
		if k >= max(3, c.values/100) {
			frequent++
			covered += k
		}
	}
	if singletons(c)*2 > d && (frequent < 2 || covered*10 < c.values*9) {
		return false
	}
	q.Kind = ingest.Single
	vals, how := orderOptions(c.counts)
	for _, v := range vals {
		q.Options = append(q.Options, Option{Code: v, Label: c.display(v), Count: c.counts[v]})
	}
	switch {
	case d == 1:
		q.Notes = append(q.Notes, "推定: 値が1種類だけの列のため single としました。集計に不要なら消してください")
	case d <= maxSingle:
		q.Notes = append(q.Notes, fmt.Sprintf("推定: %d種類の値が繰り返し現れるため single としました（並びは%s）", d, how))
	default:
		q.Notes = append(q.Notes, fmt.Sprintf("要確認: 値が%d種類あります。選択肢なら single のまま（並びは%s）、自由記述なら kind = \"text\" にしてください", d, how))
	}
	var rare []string
	if c.values >= 200 && d >= 3 {
		for _, v := range vals {
			if c.counts[v] <= 2 {
				rare = append(rare, v)
			}
		}
	}
	if len(rare) > 0 {
		more := ""
		if len(rare) > 5 {
			more = fmt.Sprintf(" ほか%d種類", len(rare)-5)
			rare = rare[:5]
		}
		q.Notes = append(q.Notes, fmt.Sprintf("要確認: 回答が2件以下の値 %s%s があります。誤入力なら missing に加えるか元データを直し、「その他」の記述なら text の列に分けることを検討してください",
			countList(rare, c.counts), more))
	}
	return true
}

// codeList reports a column of many short values that recur: place or
// facility names from a list, too many to be options.
func codeList(c *column) bool {
	d := len(c.counts)
	return d > maxCategories && c.values >= 2*d && c.meanDistinctRunes() <= 20 && c.sentences()*10 < c.values
}

func codeListReason(c *column) string {
	vals := sortedKeys(c.counts)
	sortByCount(vals, c.counts)
	if len(vals) > 3 {
		vals = vals[:3]
	}
	for i, v := range vals {
		vals[i] = oneLine(v)
	}
	return fmt.Sprintf("短い値が%d種類ある一覧の列です（多い順に %s …）。集計に使うなら kind = \"single\" と options を、自由記述なら kind = \"text\" を書いて加えてください",
		len(c.counts), strings.Join(vals, "、"))
}

// azuminoDistricts are the city's five districts in its own order.
var azuminoDistricts = []string{"豊科", "穂高", "三郷", "堀金", "明科"}

var sexOrder = []string{"男性", "男", "女性", "女"}

// orderOptions puts single options in a sensible order and says which.
func orderOptions(counts map[string]int) ([]string, string) {
	vals := sortedKeys(counts)
	sortByCount(vals, counts)
	if known := knownOrder(vals, azuminoDistricts); known != nil {
		return known, "市の地区の順"
	}
	if ordered := scaleOrder(vals); ordered != nil {
		return ordered, "尺度の順"
	}
	if ordered := numericOrder(vals); ordered != nil {
		return ordered, "数値の順"
	}
	if known := leadOrder(vals, sexOrder); known != nil {
		return known, "男性・女性を先に、ほかは回答の多い順"
	}
	return vals, "回答の多い順"
}

// knownOrder returns vals in order's order when every value is in order.
func knownOrder(vals, order []string) []string {
	pos := map[string]int{}
	for i, o := range order {
		pos[o] = i
	}
	for _, v := range vals {
		if _, ok := pos[v]; !ok {
			return nil
		}
	}
	out := append([]string(nil), vals...)
	sort.SliceStable(out, func(i, j int) bool { return pos[out[i]] < pos[out[j]] })
	return out
}

// leadOrder puts the values listed in lead first, in that order, when at
// least two of them are present.
func leadOrder(vals, lead []string) []string {
	var first, rest []string
	for _, l := range lead {
		if contains(vals, l) {
			first = append(first, l)
		}
	}
	if len(first) < 2 {
		return nil
	}
	for _, v := range vals {
		if !contains(first, v) {
			rest = append(rest, v)
		}
	}
	return append(first, rest...)
}

// scaleOrder orders values that all belong to one rating scale (fewer
// than a likert needs: 満足 and 不満 only, say).
func scaleOrder(vals []string) []string {
	if len(vals) < 2 {
		return nil
	}
	for _, sv := range variants() {
		order := append(sv.polar[:2:2], middles...)
		order = append(order, sv.polar[2:]...)
		if out := knownOrder(vals, order); out != nil {
			return out
		}
	}
	return nil
}

// numericOrder orders labels by the first number in them (18～29歳, 30代;
// 1,000円未満, 1,000円以上 3,000円未満), "未満"/"以下" first among equal
// numbers, and labels without a number last. It applies when most labels
// hold a number.
func numericOrder(vals []string) []string {
	type key struct {
		x     float64
		has   bool
		below bool
	}
	keys := map[string]key{}
	with := 0
	for _, v := range vals {
		k := key{}
		if s, rest, ok := firstNumber(v); ok {
			x, _ := ingest.ParseNumber(strings.ReplaceAll(s, ",", ""))
			k = key{x: x, has: true, below: belowWord(rest)}
			with++
		}
		keys[v] = k
	}
	if with < 2 || with*5 < len(vals)*3 {
		return nil
	}
	out := append([]string(nil), vals...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := keys[out[i]], keys[out[j]]
		switch {
		case a.has != b.has:
			return a.has
		case !a.has:
			return false // both without numbers: keep the frequency order
		case a.x != b.x:
			return a.x < b.x
		}
		return a.below && !b.below
	})
	return out
}

// firstNumber finds the first run of digits (with thousands commas and a
// decimal point) and returns it and the text after it.
func firstNumber(v string) (string, string, bool) {
	start := strings.IndexAny(v, "0123456789")
	if start < 0 {
		return "", "", false
	}
	end := start
	for end < len(v) {
		ch := v[end]
		if (ch >= '0' && ch <= '9') || ((ch == ',' || ch == '.') && end+1 < len(v) && v[end+1] >= '0' && v[end+1] <= '9') {
			end++
			continue
		}
		break
	}
	return v[start:end], v[end:], true
}

func belowWord(rest string) bool {
	for _, w := range []string{"未満", "以下", "まで"} {
		if i := strings.Index(rest, w); i >= 0 && !strings.Contains(rest[:i], "以上") {
			return true
		}
	}
	return false
}
