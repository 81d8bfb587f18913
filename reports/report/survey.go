package report

import (
	"database/sql"
	"errors"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file builds the parts of 調査の概要 and 回答者の属性 that say how
// far the figures can be trusted: the weighting, the 標本誤差 table, and the
// respondents against the population.

// questionNumber matches the "問3 " or "問10(2) " that opens a header, so a
// sentence can say "年齢の構成" rather than "問2 年齢の構成".
var questionNumber = regexp.MustCompile(`^(問|Q|q)[0-9０-９]+([(（][0-9０-９]+[)）])?[\s_.:：．、-]*`)

// shortTitle is a question's title without its number, for use inside a
// sentence; a title that is only a number stays as it is.
func shortTitle(title string) string {
	if s := strings.TrimSpace(questionNumber.ReplaceAllString(title, "")); s != "" {
		return s
	}
	return title
}

// shortName is what a sentence calls question qid.
func (d *waveData) shortName(qid string) string {
	if q := d.byID[qid]; q != nil {
		return shortTitle(q.title)
	}
	return qid
}

// replaceIDs writes question ids inside an analyst's note as names
// ("sexが無回答" → "性別が無回答"). Only whole ids are replaced: an id is
// not taken out of a longer ASCII word. Longer ids go first so "age" does
// not eat into "age_group".
func (d *waveData) replaceIDs(s string, ids []string) string {
	ids = append([]string(nil), ids...)
	sort.SliceStable(ids, func(i, j int) bool { return len(ids[i]) > len(ids[j]) })
	word := func(r rune) bool {
		return r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_')
	}
	for _, id := range ids {
		if id == "" {
			continue
		}
		var b strings.Builder
		rest := s
		for {
			i := strings.Index(rest, id)
			if i < 0 {
				b.WriteString(rest)
				break
			}
			before, after := rest[:i], rest[i+len(id):]
			last, _ := utf8.DecodeLastRuneInString(before)
			first, _ := utf8.DecodeRuneInString(after)
			okL := before == "" || !word(last)
			okR := after == "" || !word(first)
			b.WriteString(before)
			if okL && okR {
				b.WriteString(d.shortName(id))
			} else {
				b.WriteString(id)
			}
			rest = after
		}
		s = b.String()
	}
	return s
}

// splitVars reads weighting.variables (", "-separated).
func splitVars(s string) []string {
	var out []string
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

func (l *loader) loadWeighting(d *waveData) error {
	var vars string
	var iter int
	var deff, neff, lo, hi float64
	var notes sql.NullString
	err := l.db.QueryRow(`SELECT variables, iterations, deff, n_eff, min_weight, max_weight, notes
		FROM weighting WHERE wave_id = ?`, d.w.ID).Scan(&vars, &iter, &deff, &neff, &lo, &hi, &notes)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read weighting: %w", err)
	}
	ids := splitVars(vars)
	d.nEff = neff
	var names []string
	for _, id := range ids {
		names = append(names, d.shortName(id))
	}
	wt := &Weighting{
		Variables:  strings.Join(names, "・"),
		Range:      roundHalfUp(lo, 2) + "〜" + roundHalfUp(hi, 2),
		Iterations: comma(iter),
		Deff:       roundHalfUp(deff, 2),
		NEff:       comma(int(math.Round(neff))),
		Notes:      d.replaceIDs(strings.TrimSpace(notes.String), ids),
	}
	wt.Sentence = wt.Variables + "の人口構成に合わせて集計の重み付け（ウェイトバック）を行いました。回答の少なかった層の回答は重く、多かった層の回答は軽く数えることで、市全体の構成に近づけています。"
	// Kish's design effect n·Σw²/(Σw)² and n_eff = (Σw)²/Σw² come from the
	// analysis (weighting table); here they are only put into words.
	wt.Effect = "その代わり結果の精度はやや下がり、回答者" + d.w.RespondentsText + "人の調査は、重み付けをしない無作為抽出のおよそ" +
		wt.NEff + "人分の精度になります（デザイン効果" + wt.Deff + "、有効標本数" + wt.NEff + "人）。"
	d.w.Weighting = wt
	return nil
}

// moeColumns are the answer shares of a 標本誤差 table's columns; a share
// and its complement have the same margin.
func moeHeading(p float64) string {
	if math.Abs(p-50) < 1e-9 {
		return "50%"
	}
	lo := math.Min(p, 100-p)
	return roundHalfUp(lo, 0) + "%（" + roundHalfUp(100-lo, 0) + "%）"
}

func (l *loader) loadMOE(d *waveData) error {
	type cell struct {
		n      int
		p, moe float64
	}
	var cells []cell
	err := l.each(`SELECT n, p_pct, moe_pct FROM margin_of_error WHERE wave_id = ?
		ORDER BY n DESC, p_pct`, []any{d.w.ID}, func(r *sql.Rows) error {
		var c cell
		if err := r.Scan(&c.n, &c.p, &c.moe); err != nil {
			return err
		}
		cells = append(cells, c)
		return nil
	})
	if err != nil {
		return fmt.Errorf("read margin_of_error: %w", err)
	}
	if len(cells) == 0 {
		return nil
	}
	// Columns: every share seen, folded to ≤ 50 (10 and 90 are one column).
	fold := func(p float64) float64 { return math.Min(p, 100-p) }
	colSet := map[float64]bool{}
	for _, c := range cells {
		colSet[fold(c.p)] = true
	}
	var cols []float64
	for p := range colSet {
		cols = append(cols, p)
	}
	sort.Float64s(cols)
	t := &MOETable{}
	for _, p := range cols {
		t.Ps = append(t.Ps, moeHeading(p))
	}
	byN := map[int]map[float64]float64{}
	var ns []int
	for _, c := range cells {
		if byN[c.n] == nil {
			byN[c.n] = map[float64]float64{}
			ns = append(ns, c.n)
		}
		byN[c.n][fold(c.p)] = c.moe
	}
	// The wave's own row: its respondents, or for a weighted wave its
	// effective size, which the analysis may round either way.
	own := d.w.Respondents
	if d.nEff > 0 {
		own = int(math.Round(d.nEff))
		for _, n := range ns {
			if math.Abs(float64(n)-d.nEff) < 1 {
				own = n
				break
			}
		}
	}
	for _, n := range ns {
		row := MOERow{N: comma(n)}
		if n == own {
			row.Note = "全体"
		}
		for _, p := range cols {
			if v, ok := byN[n][p]; ok {
				row.Cells = append(row.Cells, "±"+roundHalfUp(v, 1))
			} else {
				row.Cells = append(row.Cells, "—")
			}
		}
		t.Rows = append(t.Rows, row)
	}
	// The reading rule, with figures taken from the table as printed: the
	// 1,000 row when there is one (the size readers know from national
	// polls), else the first; and the widest column (50%).
	ex := ns[0]
	for _, n := range ns {
		if n == 1000 {
			ex = n
		}
	}
	p := cols[len(cols)-1]
	m := byN[ex][p]
	ms := roundHalfUp(m, 1)
	mr := roundFloat(m, 1)
	who := "回答者" + comma(ex) + "人"
	if ex == own {
		who = "回答者全体（" + comma(ex) + "人）"
		if d.nEff > 0 {
			who = "回答者全体（重み付けを考えた有効標本数" + comma(ex) + "人）"
		}
	}
	t.Example = "例えば" + who + "で" + roundHalfUp(p, 0) + "%と出た結果は、±" + ms +
		"ポイントの幅で読んでください（本当の割合はおよそ" + roundHalfUp(p-mr, 1) + "%〜" + roundHalfUp(p+mr, 1) + "%の間にあると考えられます）。"
	if ex != own {
		if _, ok := byN[own]; ok {
			whole := "回答者全体（" + comma(own) + "人）"
			if d.nEff > 0 {
				whole = "回答者全体（重み付けを考えた有効標本数" + comma(own) + "人）"
			}
			t.Example += "この調査の" + whole + "では、同じ" + roundHalfUp(p, 0) + "%の幅は±" + roundHalfUp(byN[own][p], 1) + "ポイントです。"
		}
	}
	t.Example += "地区別・年代別など、人数が少ないほど幅は広くなります。"
	d.w.MOE = t
	return nil
}

// roundFloat is x rounded half-up to decimals, as a number: the value a
// reader sees printed, for arithmetic on printed figures.
func roundFloat(x float64, decimals int) float64 {
	v, err := strconv.ParseFloat(strings.Replace(roundHalfUp(x, decimals), "−", "-", 1), 64)
	if err != nil {
		return x
	}
	return v
}

type repRow struct {
	code, label       string
	popPct, pct, wpct float64
	n                 int
}

type repTest struct {
	n    int
	chi2 sql.NullFloat64
	df   sql.NullInt64
	p    sql.NullFloat64
}

// loadRepresentativeness attaches a RepBlock to every demographic question
// that has population margins.
func (l *loader) loadRepresentativeness(d *waveData) error {
	rows := map[string][]repRow{}
	err := l.each(`SELECT question_id, code, label, population_pct, sample_n, sample_pct, weighted_pct
		FROM representativeness WHERE wave_id = ? ORDER BY question_id, ord, code`, []any{d.w.ID}, func(r *sql.Rows) error {
		var qid string
		var x repRow
		if err := r.Scan(&qid, &x.code, &x.label, &x.popPct, &x.n, &x.pct, &x.wpct); err != nil {
			return err
		}
		rows[qid] = append(rows[qid], x)
		return nil
	})
	if err != nil {
		return fmt.Errorf("read representativeness: %w", err)
	}
	tests := map[string]repTest{}
	err = l.each(`SELECT question_id, n, chi2, df, p_value FROM representativeness_tests
		WHERE wave_id = ? ORDER BY question_id`, []any{d.w.ID}, func(r *sql.Rows) error {
		var qid string
		var t repTest
		if err := r.Scan(&qid, &t.n, &t.chi2, &t.df, &t.p); err != nil {
			return err
		}
		tests[qid] = t
		return nil
	})
	if err != nil {
		return fmt.Errorf("read representativeness_tests: %w", err)
	}
	for _, q := range d.questions {
		rs := rows[q.id]
		if len(rs) == 0 || q.q == nil {
			continue
		}
		q.q.Rep = d.repBlock(q, rs, tests[q.id])
	}
	return nil
}

func (d *waveData) repBlock(q *qinfo, rs []repRow, t repTest) *RepBlock {
	name := shortTitle(q.title)
	b := &RepBlock{Title: name, Weighted: d.w.Weighting != nil}
	var total int
	var groups []groupIn
	for _, x := range rs {
		b.Rows = append(b.Rows, RepRow{Label: x.label, PopPct: pct(x.popPct), N: comma(x.n), Pct: pct(x.pct), WeightedPct: pct(x.wpct)})
		total += x.n
		groups = append(groups, groupIn{label: x.label, values: []float64{x.popPct, x.pct},
			texts: []string{pct(x.popPct) + "%", pct(x.pct) + "%"}})
	}
	b.Total = RepRow{Label: "計", PopPct: "100.0", N: comma(total), Pct: "100.0", WeightedPct: "100.0"}
	for _, tr := range q.tally {
		if tr.code == "" && tr.n > 0 {
			b.NoAnswer = "無回答の" + comma(tr.n) + "人は、割合の計算から除いています。"
		}
	}
	b.Chart = newGroupChart(name+"の構成：人口と回答者（"+baseN(total)+"）",
		[]string{"市の人口", "回答者"}, seriesFills(2), groups)
	if t.chi2.Valid && t.p.Valid {
		stat := "χ²=" + roundHalfUp(t.chi2.Float64, 2)
		if t.df.Valid {
			stat += "、自由度" + strconv.FormatInt(t.df.Int64, 10)
		}
		stat += "、" + pValue(t.p.Float64) + "、" + baseN(t.n)
		if t.p.Float64 < 0.05 {
			b.Test = "回答者の" + name + "の構成は、市の人口の構成と統計的に有意に異なります（" + stat + "）。"
			if b.Weighted {
				b.Test += "このため、集計では重み付けをして人口の構成に合わせています。"
			} else {
				b.Test += "重み付けはしていないため、全体の割合はこの偏りを含んでいます。"
			}
		} else {
			b.Test = "回答者の" + name + "の構成は、市の人口の構成と統計的に有意な差はありません（" + stat + "）。"
			if b.Weighted {
				b.Test += "重み付けで、さらに人口の構成にそろえています。"
			}
		}
	}
	return b
}

// headline is the margin-of-error line of a closed question: the most
// chosen option with its ± (tallies.moe_pct, computed by the analysis on
// the effective base) and, when stored, its Wilson 95% interval.
func headline(q *qinfo) string {
	best := -1
	for i, t := range q.tally {
		if t.code == "" || !t.moe.Valid {
			continue
		}
		if best < 0 || t.pct > q.tally[best].pct {
			best = i
		}
	}
	if best < 0 {
		return ""
	}
	t := q.tally[best]
	s := "最も多い「" + t.label + "」（" + pct(t.pct) + "%）の標本誤差は±" + roundHalfUp(t.moe.Float64, 1) + "ポイント"
	if t.lo.Valid && t.hi.Valid {
		s += "、95%信頼区間（ウィルソン法）は" + roundHalfUp(t.lo.Float64, 1) + "〜" + roundHalfUp(t.hi.Float64, 1) + "%"
	}
	return s + "です。"
}
