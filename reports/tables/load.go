package tables

import (
	"database/sql"
	"fmt"
	"koe/ingest"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Crosstabs whose columns are themes or policy codes (reports/store).
const (
	themesQuestion = "@themes"
	codesQuestion  = "@codes"
	// residualCut marks cells as the report does: |adjusted residual| >
	// 1.96, the two-sided 5% point of the standard normal (Haberman 1973).
	residualCut = 1.96
)

type wave struct {
	id, label, part          string
	src, sha, enc            string
	read, loaded, quar       int
	respondents, sdocs, wdoc int
	workshops                int
}

func (l *loader) waves() ([]*wave, error) {
	var out []*wave
	err := l.each(`SELECT wave_id, label, COALESCE(source_path, ''), COALESCE(source_sha256, ''), COALESCE(encoding, ''),
			rows_read, rows_loaded, rows_quarantined FROM waves ORDER BY ord, wave_id`, nil, func(r *sql.Rows) error {
		var w wave
		if err := r.Scan(&w.id, &w.label, &w.src, &w.sha, &w.enc, &w.read, &w.loaded, &w.quar); err != nil {
			return err
		}
		w.part = part(w.id, "w"+strconv.Itoa(len(out)+1))
		out = append(out, &w)
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, w := range out {
		if err := l.db.QueryRow(`SELECT COUNT(*) FROM respondents WHERE wave_id = ?`, w.id).Scan(&w.respondents); err != nil {
			return nil, fmt.Errorf("count respondents: %w", err)
		}
		if err := l.db.QueryRow(`SELECT COALESCE(SUM(source = 'survey'), 0), COALESCE(SUM(source = 'workshop'), 0)
			FROM docs WHERE wave_id = ?`, w.id).Scan(&w.sdocs, &w.wdoc); err != nil {
			return nil, fmt.Errorf("count docs: %w", err)
		}
		if err := l.db.QueryRow(`SELECT COUNT(*) FROM workshops WHERE wave_id = ?`, w.id).Scan(&w.workshops); err != nil {
			return nil, fmt.Errorf("count workshops: %w", err)
		}
	}
	return out, nil
}

// summary is the report's 調査の概要, one row per wave.
func (l *loader) summary(waves []*wave) *file {
	t := &table{header: []string{"調査ID", "調査", "調査票ファイル", "文字コード", "SHA-256", "読み込んだ行", "集計した行（有効回答）",
		"不備のため除外した行", "回答者", "自由記述の回答", "ワークショップ", "ワークショップの発言・付箋"}}
	for _, w := range waves {
		t.add(txt(w.id), txt(w.label), txt(w.src), txt(w.enc), txt(w.sha), integer(w.read), integer(w.loaded),
			integer(w.quar), integer(w.respondents), integer(w.sdocs), integer(w.workshops), integer(w.wdoc))
	}
	return &file{name: l.name("summary"), title: "調査の概要（調査ごとの件数）", kind: "調査の概要", t: t}
}

type question struct {
	id, title, kind, part string
	demographic           bool
	options               []option
}

type option struct{ code, label string }

func (q *question) label(code string) string {
	for _, o := range q.options {
		if o.code == code {
			return o.label
		}
	}
	return code
}

var kindLabels = map[string]string{"single": "単一回答", "multi": "複数回答", "likert": "評価尺度", "number": "数値", "text": "自由記述"}

// wave builds one wave's files in the report's order.
func (l *loader) wave(w *wave) ([]*file, error) {
	args := []any{w.id}
	var qs []*question
	byID := map[string]*question{}
	err := l.each(`SELECT question_id, COALESCE(title, ''), column_name, kind, is_demographic FROM questions
		WHERE wave_id = ? ORDER BY ord, question_id`, args, func(r *sql.Rows) error {
		var q question
		var col string
		if err := r.Scan(&q.id, &q.title, &col, &q.kind, &q.demographic); err != nil {
			return err
		}
		if q.title == "" {
			q.title = ingest.QuestionTitle(q.id, col)
		}
		q.part = part(q.id, fmt.Sprintf("q%02d", len(qs)+1))
		qs = append(qs, &q)
		byID[q.id] = &q
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read questions: %w", err)
	}
	err = l.each(`SELECT question_id, code, label FROM options WHERE wave_id = ? ORDER BY question_id, ord, code`, args, func(r *sql.Rows) error {
		var qid string
		var o option
		if err := r.Scan(&qid, &o.code, &o.label); err != nil {
			return err
		}
		if q := byID[qid]; q != nil {
			q.options = append(q.options, o)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read options: %w", err)
	}
	var files []*file
	// The report shows the demographics first (回答者の属性), then the rest.
	var order []*question
	for _, q := range qs {
		if q.demographic && (q.kind == "single" || q.kind == "multi") {
			order = append(order, q)
		}
	}
	for _, q := range qs {
		if !(q.demographic && (q.kind == "single" || q.kind == "multi")) {
			order = append(order, q)
		}
	}
	for _, q := range order {
		f, err := l.tally(w, q)
		if err != nil {
			return nil, fmt.Errorf("question %s: %w", q.id, err)
		}
		if f != nil {
			files = append(files, f)
		}
	}
	if f, err := l.stats(w, qs, byID); err != nil {
		return nil, err
	} else if f != nil {
		files = append(files, f)
	}
	themes, err := l.themes(w)
	if err != nil {
		return nil, err
	}
	codes, err := l.codes(w)
	if err != nil {
		return nil, err
	}
	xs, txs, err := l.crosstabs(w, qs, byID, themes, codes)
	if err != nil {
		return nil, err
	}
	files = append(files, xs...)
	if themes.f != nil {
		files = append(files, themes.f)
	}
	if codes.f != nil {
		files = append(files, codes.f)
	}
	files = append(files, txs...)
	ws, err := l.words(w, qs)
	if err != nil {
		return nil, err
	}
	files = append(files, ws...)
	q, err := l.quarantine(w)
	if err != nil {
		return nil, err
	}
	if q != nil {
		files = append(files, q)
	}
	return files, nil
}

func baseText(n int) string { return strconv.Itoa(n) }

// tally is a question's 単純集計: one row per option, 無回答 last.
func (l *loader) tally(w *wave, q *question) (*file, error) {
	t := &table{header: []string{"選択肢", "コード", "人数", "％", "基数"}}
	base := -1
	err := l.each(`SELECT code, label, n, pct, base_n FROM tallies WHERE wave_id = ? AND question_id = ?
		ORDER BY code = '', ord, code`, []any{w.id, q.id}, func(r *sql.Rows) error {
		var code, label string
		var n, b int
		var p float64
		if err := r.Scan(&code, &label, &n, &p, &b); err != nil {
			return err
		}
		if base < 0 {
			base = b
		}
		t.add(txt(label), txt(code), integer(n), pct(p), integer(b))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read tallies: %w", err)
	}
	if len(t.rows) == 0 {
		return nil, nil
	}
	note := kindLabels[q.kind]
	if q.kind == "multi" {
		note += "（合計は100%を超えます）"
	}
	return &file{
		name:  l.name(w.part + "_tally_" + q.part),
		title: "単純集計 " + q.title, kind: "単純集計", wave: w.label, question: q.id,
		base: baseText(base), note: note, t: t,
	}, nil
}

// stats is the 平均などの要約 of every likert and number question.
func (l *loader) stats(w *wave, qs []*question, byID map[string]*question) (*file, error) {
	t := &table{header: []string{"設問ID", "設問", "種類", "回答者", "平均", "標準偏差", "平均の95%信頼区間（下限）",
		"平均の95%信頼区間（上限）", "肯定的な回答（上位2つ）％", "否定的な回答（下位2つ）％"}}
	type row struct {
		q     *question
		cells []cell
	}
	var rows []row
	rank := map[string]int{}
	for i, q := range qs {
		rank[q.id] = i
	}
	err := l.each(`SELECT question_id, n, mean, sd, ci_low, ci_high, top2_pct, bottom2_pct
		FROM question_stats WHERE wave_id = ? ORDER BY question_id`, []any{w.id}, func(r *sql.Rows) error {
		var qid string
		var n int
		var mean, sd, lo, hi, top2, bottom2 sql.NullFloat64
		if err := r.Scan(&qid, &n, &mean, &sd, &lo, &hi, &top2, &bottom2); err != nil {
			return err
		}
		q := byID[qid]
		if q == nil || (q.kind != "likert" && q.kind != "number") {
			return nil
		}
		opt := func(x sql.NullFloat64, digits int) cell {
			if !x.Valid {
				return cell{}
			}
			return decimal(x.Float64, digits)
		}
		rows = append(rows, row{q, []cell{txt(q.id), txt(q.title), txt(kindLabels[q.kind]), integer(n),
			opt(mean, 2), opt(sd, 2), opt(lo, 2), opt(hi, 2), opt(top2, 1), opt(bottom2, 1)}})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read question_stats: %w", err)
	}
	if len(rows) == 0 {
		return nil, nil
	}
	sort.SliceStable(rows, func(i, j int) bool { return rank[rows[i].q.id] < rank[rows[j].q.id] })
	for _, r := range rows {
		t.add(r.cells...)
	}
	return &file{name: l.name(w.part + "_stats"), title: "平均などの要約（評価尺度・数値の設問）", kind: "要約統計", wave: w.label,
		note: "平均は選択肢の点数の平均。％は回答者に対する割合", t: t}, nil
}

type themeSet struct {
	f      *file
	labels map[string]string
	order  []string // theme ids in the report's order
}

type themeRow struct {
	id       int64
	parent   sql.NullInt64
	label    string
	n        int
	terms    string
	children []*themeRow
}

// themes lists the wave's themes as the report does: broad themes by
// size, each followed by its sub-themes by size.
func (l *loader) themes(w *wave) (themeSet, error) {
	ts := themeSet{labels: map[string]string{}}
	var all []*themeRow
	err := l.each(`SELECT theme_id, parent_id, label, n_docs, top_terms FROM themes WHERE wave_id = ? ORDER BY theme_id`,
		[]any{w.id}, func(r *sql.Rows) error {
			var t themeRow
			if err := r.Scan(&t.id, &t.parent, &t.label, &t.n, &t.terms); err != nil {
				return err
			}
			all = append(all, &t)
			return nil
		})
	if err != nil {
		return ts, fmt.Errorf("read themes: %w", err)
	}
	if len(all) == 0 {
		return ts, nil
	}
	byID := map[int64]*themeRow{}
	for _, t := range all {
		byID[t.id] = t
	}
	var top []*themeRow
	for _, t := range all {
		if p, ok := byID[t.parent.Int64]; t.parent.Valid && ok && p != t {
			p.children = append(p.children, t)
		} else {
			top = append(top, t)
		}
	}
	bySize := func(s []*themeRow) {
		sort.SliceStable(s, func(i, j int) bool {
			if s[i].n != s[j].n {
				return s[i].n > s[j].n
			}
			return s[i].id < s[j].id
		})
	}
	bySize(top)
	var docs int
	if err := l.db.QueryRow(`SELECT COUNT(DISTINCT dt.doc_id) FROM doc_themes dt
		JOIN themes t ON t.theme_id = dt.theme_id WHERE t.wave_id = ?`, w.id).Scan(&docs); err != nil {
		return ts, fmt.Errorf("count themed docs: %w", err)
	}
	if docs == 0 {
		for _, t := range top {
			docs += t.n
		}
	}
	share := func(n int) cell {
		if docs == 0 {
			return cell{}
		}
		return pct(100 * float64(n) / float64(docs))
	}
	t := &table{header: []string{"テーマ", "上位のテーマ", "件数", "％", "特徴的な言葉"}}
	var walk func(r *themeRow, parent string)
	walk = func(r *themeRow, parent string) {
		id := strconv.FormatInt(r.id, 10)
		ts.labels[id] = r.label
		ts.order = append(ts.order, id)
		t.add(txt(r.label), txt(parent), integer(r.n), share(r.n), txt(r.terms))
		bySize(r.children)
		for _, c := range r.children {
			walk(c, r.label)
		}
	}
	for _, r := range top {
		walk(r, "")
	}
	ts.f = &file{name: l.name(w.part + "_themes"), title: "自由記述のテーマ", kind: "テーマ", wave: w.label,
		base: baseText(docs), note: "％は分析した意見（基数）に対する割合", t: t}
	return ts, nil
}

type codeSet struct {
	f      *file
	labels map[string]string
	order  []string
}

// codes counts the documents each policy code matched, most first.
func (l *loader) codes(w *wave) (codeSet, error) {
	cs := codeSet{labels: map[string]string{}}
	var total int
	if err := l.db.QueryRow(`SELECT COUNT(*) FROM docs WHERE wave_id = ?`, w.id).Scan(&total); err != nil {
		return cs, fmt.Errorf("count docs: %w", err)
	}
	t := &table{header: []string{"政策分野", "区分", "件数", "％"}}
	err := l.each(`SELECT c.code_id, c.label, COALESCE(c.pillar, ''), COUNT(DISTINCT dc.doc_id)
		FROM codes c JOIN doc_codes dc ON dc.code_id = c.code_id JOIN docs d ON d.doc_id = dc.doc_id
		WHERE d.wave_id = ? GROUP BY c.code_id, c.label, c.pillar
		ORDER BY COUNT(DISTINCT dc.doc_id) DESC, c.code_id`, []any{w.id}, func(r *sql.Rows) error {
		var id, label, pillar string
		var n int
		if err := r.Scan(&id, &label, &pillar, &n); err != nil {
			return err
		}
		cs.labels[id] = label
		cs.order = append(cs.order, id)
		t.add(txt(label), txt(pillar), integer(n), pct(100*float64(n)/float64(max(total, 1))))
		return nil
	})
	if err != nil {
		return cs, fmt.Errorf("read codes: %w", err)
	}
	if len(t.rows) > 0 {
		cs.f = &file{name: l.name(w.part + "_codes"), title: "政策分野に当てはまる意見の件数", kind: "政策分野", wave: w.label,
			base: baseText(total), note: "1件が複数の分野に当てはまることがあります。％は自由記述・発言（基数）に対する割合", t: t}
	}
	return cs, nil
}

type xcell struct {
	n          int
	wn, pct    float64
	res        sql.NullFloat64
	suppressed bool
}

type crosstab struct {
	id         int64
	rowQ, colQ string
	weighted   bool
	n          int
	chi2, p, v sql.NullFloat64
	df         sql.NullInt64
	cells      map[[2]string]xcell
	rows, cols map[string]bool
}

// crosstabs writes each crosstab as the report lays it out (rows: the
// demographic's groups after a 全体 row; columns: the question's options),
// question crosstabs first, then those of themes and policy codes.
func (l *loader) crosstabs(w *wave, qs []*question, byID map[string]*question, themes themeSet, codes codeSet) (qfiles, tfiles []*file, err error) {
	var xs []*crosstab
	err = l.each(`SELECT crosstab_id, row_question, col_question, weighted, n, chi2, df, p_value, cramers_v
		FROM crosstabs WHERE wave_id = ? ORDER BY crosstab_id`, []any{w.id}, func(r *sql.Rows) error {
		x := crosstab{cells: map[[2]string]xcell{}, rows: map[string]bool{}, cols: map[string]bool{}}
		if err := r.Scan(&x.id, &x.rowQ, &x.colQ, &x.weighted, &x.n, &x.chi2, &x.df, &x.p, &x.v); err != nil {
			return err
		}
		xs = append(xs, &x)
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("read crosstabs: %w", err)
	}
	for _, x := range xs {
		err := l.each(`SELECT row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed
			FROM crosstab_cells WHERE crosstab_id = ? ORDER BY row_code, col_code`, []any{x.id}, func(r *sql.Rows) error {
			var row, col string
			var c xcell
			if err := r.Scan(&row, &col, &c.n, &c.wn, &c.pct, &c.res, &c.suppressed); err != nil {
				return err
			}
			x.cells[[2]string{row, col}] = c
			x.rows[row], x.cols[col] = true, true
			return nil
		})
		if err != nil {
			return nil, nil, fmt.Errorf("read crosstab %d cells: %w", x.id, err)
		}
	}
	rank := map[string]int{}
	for i, q := range qs {
		rank[q.id] = i
	}
	rk := func(id string) int {
		if i, ok := rank[id]; ok {
			return i
		}
		return len(rank)
	}
	sort.SliceStable(xs, func(i, j int) bool {
		a, b := xs[i], xs[j]
		if rk(a.colQ) != rk(b.colQ) {
			return rk(a.colQ) < rk(b.colQ)
		}
		if a.colQ != b.colQ {
			return a.colQ < b.colQ
		}
		if rk(a.rowQ) != rk(b.rowQ) {
			return rk(a.rowQ) < rk(b.rowQ)
		}
		if a.rowQ != b.rowQ {
			return a.rowQ < b.rowQ
		}
		return a.id < b.id
	})
	for _, x := range xs {
		if len(x.cells) == 0 {
			continue
		}
		f := l.crosstab(w, x, byID, themes, codes)
		if x.colQ == themesQuestion || x.colQ == codesQuestion {
			tfiles = append(tfiles, f)
		} else {
			qfiles = append(qfiles, f)
		}
	}
	return qfiles, tfiles, nil
}

func (l *loader) crosstab(w *wave, x *crosstab, byID map[string]*question, themes themeSet, codes codeSet) *file {
	rowQ := byID[x.rowQ]
	rowTitle, rowPart := x.rowQ, part(x.rowQ, "demographic")
	var rowCodes []string
	if rowQ != nil {
		rowTitle, rowPart = rowQ.title, rowQ.part
		for _, o := range rowQ.options {
			rowCodes = append(rowCodes, o.code)
		}
	}
	rowLabel := func(c string) string {
		if rowQ != nil {
			return rowQ.label(c)
		}
		return c
	}
	var colCodes []string
	colLabel := func(c string) string { return c }
	title, colPart, unit := x.colQ, part(x.colQ, "question"), "人数"
	multi := false
	switch x.colQ {
	case themesQuestion:
		title, colPart, unit = "自由記述のテーマ", "themes", "件数"
		colCodes = themes.order
		colLabel = func(c string) string {
			if s, ok := themes.labels[c]; ok {
				return s
			}
			return c
		}
	case codesQuestion:
		title, colPart, unit, multi = "政策分野", "codes", "件数", true
		colCodes = codes.order
		colLabel = func(c string) string {
			if s, ok := codes.labels[c]; ok {
				return s
			}
			return c
		}
	default:
		if q := byID[x.colQ]; q != nil {
			title, colPart, multi = q.title, q.part, q.kind == "multi"
			for _, o := range q.options {
				colCodes = append(colCodes, o.code)
			}
			colLabel = q.label
		}
	}
	rows := order(rowCodes, x.rows)
	cols := order(colCodes, x.cols)

	// Row bases as the report recovers them: a single answer puts each
	// respondent in one cell, so the row's cells add up to its base; with
	// several answers per respondent the base is count ÷ row share.
	rowN := map[string]int{}
	rowW := map[string]float64{}
	for _, r := range rows {
		var n int
		var wn float64
		for _, c := range cols {
			if v, ok := x.cells[[2]string{r, c}]; ok {
				n += v.n
				wn += v.wn
			}
		}
		if multi {
			n, wn = 0, 0
			for _, c := range cols {
				if v, ok := x.cells[[2]string{r, c}]; ok && v.pct > 0 {
					wn = v.wn * 100 / v.pct
					if x.weighted {
						n = int(math.Round(wn))
					} else {
						n = int(math.Round(float64(v.n) * 100 / v.pct))
					}
					break
				}
			}
		}
		rowN[r], rowW[r] = n, wn
	}
	var totalN int
	var totalW float64
	for _, r := range rows {
		totalN += rowN[r]
		totalW += rowW[r]
	}

	header := []string{rowTitle, unit}
	for _, c := range cols {
		header = append(header, colLabel(c))
	}
	header = append(header, "特に高い(▲)・低い(▼)")
	t := &table{header: header}
	total := []cell{txt("全体"), integer(totalN)}
	for _, c := range cols {
		var wn float64
		for _, r := range rows {
			wn += x.cells[[2]string{r, c}].wn
		}
		if totalW > 0 {
			total = append(total, pct(100*wn/totalW))
		} else {
			total = append(total, pct(0))
		}
	}
	t.add(append(total, txt(""))...)
	for _, r := range rows {
		row := []cell{txt(rowLabel(r)), integer(rowN[r])}
		var marks []string
		for _, c := range cols {
			v, ok := x.cells[[2]string{r, c}]
			switch {
			case !ok:
				row = append(row, absent)
			case v.suppressed:
				row = append(row, suppressed)
			default:
				row = append(row, pct(v.pct))
				if v.res.Valid && v.res.Float64 > residualCut {
					marks = append(marks, colLabel(c)+"▲")
				} else if v.res.Valid && v.res.Float64 < -residualCut {
					marks = append(marks, colLabel(c)+"▼")
				}
			}
		}
		t.add(append(row, txt(strings.Join(marks, "、")))...)
	}

	var notes []string
	notes = append(notes, "行％")
	if multi {
		notes = append(notes, "複数回答")
	}
	if x.weighted {
		notes = append(notes, "ウェイト付き")
	}
	notes = append(notes, statLine(x))
	qcol := x.colQ
	if x.colQ == themesQuestion || x.colQ == codesQuestion {
		qcol = title // テーマ or 政策分野, not the database's marker
	}
	return &file{
		name:  l.name(w.part + "_crosstab_" + colPart + "_by_" + rowPart),
		title: title + " × " + rowTitle, kind: "クロス集計", wave: w.label, question: qcol, demography: x.rowQ,
		base: baseText(x.n), note: strings.Join(notes, "、"), t: t,
	}
}

// order lists codes in the given order, then any others seen, sorted.
func order(known []string, seen map[string]bool) []string {
	var out []string
	in := map[string]bool{}
	for _, c := range known {
		if seen[c] && !in[c] {
			out = append(out, c)
			in[c] = true
		}
	}
	var rest []string
	for c := range seen {
		if !in[c] {
			rest = append(rest, c)
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}

// statLine states the test as the report does, in ASCII digits.
func statLine(x *crosstab) string {
	if !x.chi2.Valid || !x.p.Valid {
		return "検定値なし"
	}
	s := "χ²=" + decimal(x.chi2.Float64, 2).s
	if x.df.Valid {
		s += "、自由度=" + strconv.FormatInt(x.df.Int64, 10)
	}
	if x.p.Float64 < 0.001 {
		s += "、p<0.001"
	} else {
		s += "、p=" + decimal(x.p.Float64, 3).s
	}
	if x.v.Valid {
		s += "、クラメールのV=" + decimal(x.v.Float64, 3).s
	}
	return s
}

// quarantine lists the rows set aside: where and why, never the raw cell
// (it may hold personal data).
func (l *loader) quarantine(w *wave) (*file, error) {
	t := &table{header: []string{"ファイル", "行", "列", "列名", "理由"}}
	err := l.each(`SELECT source_path, line, col, COALESCE(column_name, ''), reason FROM quarantine
		WHERE wave_id = ? ORDER BY source_path, line, col IS NOT NULL, col, reason`, []any{w.id}, func(r *sql.Rows) error {
		var path, colName, reason string
		var line int
		var col sql.NullInt64
		if err := r.Scan(&path, &line, &col, &colName, &reason); err != nil {
			return err
		}
		c := cell{}
		if col.Valid {
			c = integer(int(col.Int64))
		}
		t.add(txt(path), integer(line), c, txt(colName), txt(reason))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read quarantine: %w", err)
	}
	if len(t.rows) == 0 {
		return nil, nil
	}
	return &file{name: l.name(w.part + "_quarantine"), title: "除外した行", kind: "除外した行", wave: w.label,
		base: baseText(w.read), note: "行はファイルの物理的な行番号。基数は読み込んだ行。元の記入内容は載せていません", t: t}, nil
}
