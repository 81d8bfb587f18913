package draft

import (
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// renderCodebook writes the codebook in the house layout of
// data/sample/codebook.toml: settings first, then one [[question]] per
// drafted question in column order, each under its comments, with the
// left-out columns noted where they stand.
func renderCodebook(res *Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# koe init が「%s」から作った codebook.toml の下書きです（%s、%s行、%d列）。\n",
		oneLine(baseName(res.Path)), encodingName(res.Encoding), thousands(res.Rows), res.Columns)
	b.WriteString("# 「推定」は列の値から見立てた理由、「要確認」は特に確かめてほしい点です。\n")
	b.WriteString("# 設問の id は集計表や SQL で使う名前です。わかりやすい名前（sat_bosai など）に変えてかまいません。\n")
	b.WriteString("# 直したら koe validate で、全行が読めるか確かめてください。\n")
	if !res.Complete {
		fmt.Fprintf(&b, "# 注意: 先頭の%s行だけを見て推定しました。残りの行にしかない値は選択肢にありません。\n", thousands(res.Rows))
	}
	kv := newKV(&b, "encoding", "header_rows", "id_column", "missing")
	kv.line("encoding", quote("auto"), "検出: "+encodingName(res.Encoding))
	note := ""
	if res.HeaderRows == 2 {
		note = "推定: 2行目も見出し（1行目が設問番号、2行目が列名）のようです"
	}
	kv.line("header_rows", strconv.Itoa(res.HeaderRows), note)
	if res.IDColumn != "" {
		comment(&b, res.IDNote)
		kv.line("id_column", quote(res.IDColumn), "")
	}
	if len(res.Missing) > 0 {
		kv.line("missing", list(res.Missing), "無回答として現れた表記")
	}

	qi, si := 0, 0
	for qi < len(res.Questions) || si < len(res.Skipped) {
		if si < len(res.Skipped) && (qi == len(res.Questions) || res.Skipped[si].Column < res.Questions[qi].Column) {
			s := res.Skipped[si]
			b.WriteByte('\n')
			comment(&b, fmt.Sprintf("除外: 列%d「%s」— %s", s.Column, oneLine(s.Header), s.Reason))
			si++
			continue
		}
		writeQuestion(&b, res.Questions[qi])
		qi++
	}
	return b.String()
}

func writeQuestion(b *strings.Builder, q *Question) {
	b.WriteByte('\n')
	for _, n := range q.Notes {
		comment(b, n)
	}
	b.WriteString("[[question]]\n")
	kv := newKV(b, "id", "column", "kind")
	if q.Demographic {
		kv.widen("demographic")
	}
	if q.Separator != "" {
		kv.widen("separator")
	}
	if len(q.Columns) > 0 {
		kv.widen("columns")
	}
	if len(q.Options) > 0 {
		kv.widen("options")
	}
	if len(q.Missing) > 0 {
		kv.widen("missing")
	}
	kv.line("id", quote(q.ID), "")
	switch {
	case len(q.Columns) > 0:
	case q.ByNumber:
		kv.line("column", strconv.Itoa(q.Column), oneLine(q.Header))
	default:
		kv.line("column", quote(q.Header), "")
	}
	kv.line("kind", quote(string(q.Kind)), "")
	if q.Demographic {
		kv.line("demographic", "true", "")
	}
	if q.Separator != "" {
		kv.line("separator", quote(q.Separator), "")
	}
	if len(q.Columns) > 0 {
		kv.line("columns", list(q.Columns), "")
	}
	if len(q.Options) > 0 {
		labels := make([]string, len(q.Options))
		var scores []string
		for i, o := range q.Options {
			labels[i] = o.Label
			if o.HasScore {
				scores = append(scores, strconv.FormatFloat(o.Score, 'f', -1, 64))
			}
		}
		kv.line("options", list(labels), "")
		if len(scores) == len(q.Options) {
			kv.line("scores", "["+strings.Join(scores, ", ")+"]", "")
		}
	}
	if len(q.Missing) > 0 {
		kv.line("missing", list(q.Missing), "")
	}
}

// kv writes "key = value" lines with the values aligned.
type kv struct {
	b     *strings.Builder
	width int
}

func newKV(b *strings.Builder, keys ...string) *kv {
	k := &kv{b: b}
	for _, key := range keys {
		k.widen(key)
	}
	return k
}

func (k *kv) widen(key string) {
	k.width = max(k.width, len(key))
}

func (k *kv) line(key, value, note string) {
	fmt.Fprintf(k.b, "%-*s = %s", k.width, key, value)
	if note != "" {
		k.b.WriteString("  # ")
		k.b.WriteString(oneLine(note))
	}
	k.b.WriteByte('\n')
}

// comment writes a note as comment lines, breaking long notes at 。.
func comment(b *strings.Builder, note string) {
	note = commentSafe(note)
	for _, part := range strings.SplitAfter(note, "。") {
		if part = strings.TrimSpace(part); part != "" {
			b.WriteString("# ")
			b.WriteString(part)
			b.WriteByte('\n')
		}
	}
}

// list renders a TOML array of strings, one item a line when long.
func list(items []string) string {
	q := make([]string, len(items))
	n := 0
	for i, s := range items {
		q[i] = quote(s)
		n += utf8.RuneCountInString(q[i]) + 2
	}
	if n <= 80 {
		return "[" + strings.Join(q, ", ") + "]"
	}
	return "[\n  " + strings.Join(q, ",\n  ") + ",\n]"
}

// quote renders a TOML basic string. TOML has no \x or \a escapes, so
// Go's strconv.Quote will not do; control characters become \uXXXX.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

func encodingName(e string) string {
	switch e {
	case "cp932":
		return "Shift_JIS（cp932）"
	case "utf-8-bom":
		return "UTF-8（BOM 付き）"
	case "utf-8":
		return "UTF-8"
	case "utf-16le", "utf-16be":
		return strings.ToUpper(e)
	}
	return e
}

func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// waveRE finds a wave name in a path: r8, R7, h30 (令和/平成 years).
var waveRE = regexp.MustCompile(`^[rRhH]\d{1,2}$`)

// waveID names the wave after the survey's directory or file when one is
// a 令和/平成 year (r8/survey.csv → R8), else W1.
func waveID(survey string) string {
	parts := strings.Split(survey, "/")
	for i := len(parts) - 1; i >= 0; i-- {
		p := strings.TrimSuffix(parts[i], path.Ext(parts[i]))
		if waveRE.MatchString(p) {
			return strings.ToUpper(p)
		}
	}
	return "W1"
}

// renderConfig writes koe.toml for a single-wave study of the survey.
func renderConfig(res *Result, survey string) string {
	stem := strings.TrimSuffix(baseName(survey), path.Ext(survey))
	if strings.TrimSpace(stem) == "" {
		stem = "調査" // LoadStudy needs a title
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# koe init が「%s」から作った koe.toml の下書きです。\n", oneLine(baseName(res.Path)))
	b.WriteString("# title（報告書の題名）と wave の label を調査の名前に直してください。\n")
	b.WriteString("# 設問の定義は codebook.toml にあります。\n")
	fmt.Fprintf(&b, "title = %s\n", quote(stem))
	b.WriteString("seed  = 1\n\n")
	b.WriteString("[[wave]]\n")
	kv := newKV(&b, "id", "label", "survey", "codebook")
	kv.line("id", quote(waveID(survey)), "")
	kv.line("label", quote(stem), "")
	kv.line("survey", quote(survey), "")
	kv.line("codebook", quote("codebook.toml"), "")
	b.WriteString("# workshops = [\"workshops/*.txt\", \"workshops/*.csv\"]  # ワークショップの記録があれば\n\n")
	b.WriteString("[themes]\nk = 0  # 0 = 自由記述のテーマの数を自動で選ぶ\n\n")
	var by []string
	for _, q := range res.Questions {
		if q.Demographic {
			by = append(by, q.ID)
		}
	}
	if len(by) == 0 {
		by = []string{"area", "age", "sex"}
	}
	b.WriteString("# 母集団の構成で重み付けするなら（population.csv の見出しは question,option,count）:\n")
	b.WriteString("# [weighting]\n# population = \"population.csv\"\n")
	for i, id := range by {
		by[i] = quote(id)
	}
	fmt.Fprintf(&b, "# by = [%s]\n\n", strings.Join(by, ", "))
	b.WriteString("[report]\nmin_cell = 5  # 回答者がこれより少ないセルは公表しない\n")
	return b.String()
}
