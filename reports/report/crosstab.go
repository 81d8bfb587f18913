package report

import (
	"database/sql"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

type rawCrosstab struct {
	id         int64
	rowQ, colQ string
	weighted   bool
	n          int
	chi2, p, v sql.NullFloat64
	pAdj       sql.NullFloat64 // Benjamini–Hochberg across the family
	fisherP    sql.NullFloat64 // Fisher's exact test
	small      bool            // small expected counts: the χ² p is approximate
	notes      string          // dropped rows and columns, missing tests
	df         sql.NullInt64
	cells      []rawCell
}

type rawCell struct {
	row, col   string
	n          int
	wn, pct    float64
	res        sql.NullFloat64
	suppressed bool
}

// candidate is a notable cell for the 概要.
type candidate struct {
	xt                 *rawCrosstab
	row, col           string
	rowLabel, colLabel string
	res                float64
	pct, overall       float64
	rowN               int
	title, rowTitle    string
	kind               string // question kind, or "@themes" / "@codes"
}

func (l *loader) loadCrosstabs(d *waveData) error {
	var xts []*rawCrosstab
	err := l.each(`SELECT crosstab_id, row_question, col_question, weighted, n, chi2, df, p_value, cramers_v, p_adj,
			COALESCE(small_expected, 0), fisher_p, COALESCE(notes, '')
		FROM crosstabs WHERE wave_id = ? ORDER BY crosstab_id`, []any{d.w.ID}, func(r *sql.Rows) error {
		var x rawCrosstab
		if err := r.Scan(&x.id, &x.rowQ, &x.colQ, &x.weighted, &x.n, &x.chi2, &x.df, &x.p, &x.v, &x.pAdj,
			&x.small, &x.fisherP, &x.notes); err != nil {
			return err
		}
		xts = append(xts, &x)
		return nil
	})
	if err != nil {
		return fmt.Errorf("read crosstabs: %w", err)
	}
	for _, x := range xts {
		err := l.each(`SELECT row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed
			FROM crosstab_cells WHERE crosstab_id = ? ORDER BY row_code, col_code`, []any{x.id}, func(r *sql.Rows) error {
			var c rawCell
			if err := r.Scan(&c.row, &c.col, &c.n, &c.wn, &c.pct, &c.res, &c.suppressed); err != nil {
				return err
			}
			x.cells = append(x.cells, c)
			return nil
		})
		if err != nil {
			return fmt.Errorf("read crosstab %d cells: %w", x.id, err)
		}
	}
	// Question crosstabs follow the codebook: by question, then demographic.
	qord := map[string]int{}
	for i, q := range d.questions {
		qord[q.id] = i
	}
	rank := func(id string) int {
		if i, ok := qord[id]; ok {
			return i
		}
		return len(qord)
	}
	sort.SliceStable(xts, func(i, j int) bool {
		a, b := xts[i], xts[j]
		if rank(a.colQ) != rank(b.colQ) {
			return rank(a.colQ) < rank(b.colQ)
		}
		if a.colQ != b.colQ {
			return a.colQ < b.colQ
		}
		if rank(a.rowQ) != rank(b.rowQ) {
			return rank(a.rowQ) < rank(b.rowQ)
		}
		if a.rowQ != b.rowQ {
			return a.rowQ < b.rowQ
		}
		return a.id < b.id
	})
	var cands []candidate
	for _, x := range xts {
		if len(x.cells) == 0 {
			continue
		}
		ct, cand := l.buildCrosstab(d, x)
		if cand != nil {
			cands = append(cands, *cand)
		}
		switch x.colQ {
		case themesQuestion:
			if d.w.Themes == nil {
				d.w.Themes = &ThemeSet{Docs: "0"}
			}
			d.w.Themes.Crosstabs = append(d.w.Themes.Crosstabs, ct)
		case codesQuestion:
			d.codeXts = append(d.codeXts, ct)
		default:
			d.w.Crosstabs = append(d.w.Crosstabs, ct)
		}
	}
	d.cands = cands
	return nil
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

func (d *waveData) optionCodes(qid string) []string {
	var out []string
	if q := d.byID[qid]; q != nil {
		for _, o := range q.options {
			out = append(out, o.code)
		}
	}
	return out
}

// buildCrosstab lays out one crosstab and returns its most notable cell.
func (l *loader) buildCrosstab(d *waveData, x *rawCrosstab) (*Crosstab, *candidate) {
	rank := func(qid string) int {
		if q := d.byID[qid]; q != nil {
			return q.ord
		}
		return 1 << 30
	}
	rowTitle := x.rowQ
	if q := d.byID[x.rowQ]; q != nil {
		rowTitle = q.title
	}
	ct := &Crosstab{Anchor: l.anchor("x"), RowTitle: rowTitle, Weighted: x.weighted, Unit: "人"}
	var colCodes []string
	colLabel := func(c string) string { return d.label(x.colQ, c) }
	kind := x.colQ
	switch x.colQ {
	case themesQuestion:
		ct.Title = "自由記述のテーマ × " + rowTitle
		ct.ColTitle = "テーマ"
		ct.Unit = "件"
		for _, t := range d.themes {
			colCodes = append(colCodes, strconv.FormatInt(t.id, 10))
		}
		colLabel = func(c string) string {
			if t := d.themeByID[c]; t != nil {
				return t.label
			}
			return c
		}
	case codesQuestion:
		ct.Title = "政策分野 × " + rowTitle
		ct.ColTitle = "政策分野"
		ct.Unit = "件"
		ct.Multi = true // a document may match several codes
		for _, c := range d.codes {
			colCodes = append(colCodes, c.id)
		}
		colLabel = func(c string) string {
			if k := d.codeByID[c]; k != nil {
				return k.label
			}
			return c
		}
	default:
		colCodes = d.optionCodes(x.colQ)
		title := x.colQ
		if q := d.byID[x.colQ]; q != nil {
			title = q.title
			kind = q.kind
			ct.Multi = q.kind == "multi"
		}
		ct.Title = title + " × " + rowTitle
		ct.ColTitle = title
	}
	rowsSeen, colsSeen := map[string]bool{}, map[string]bool{}
	cell := map[[2]string]rawCell{}
	for _, c := range x.cells {
		rowsSeen[c.row], colsSeen[c.col] = true, true
		cell[[2]string{c.row, c.col}] = c
	}
	rows := order(d.optionCodes(x.rowQ), rowsSeen)
	cols := order(colCodes, colsSeen)
	for _, c := range cols {
		ct.Cols = append(ct.Cols, colLabel(c))
	}
	// Row bases. A single answer puts each respondent in one cell, so the
	// row's cells add up to it; with several answers per respondent they do
	// not, and the base is recovered from any cell as count ÷ row share.
	rowN := map[string]int{}
	rowW := map[string]float64{}
	for _, r := range rows {
		var n int
		var wn float64
		for _, c := range cols {
			if v, ok := cell[[2]string{r, c}]; ok {
				n += v.n
				wn += v.wn
			}
		}
		if ct.Multi {
			n, wn = 0, 0
			for _, c := range cols {
				if v, ok := cell[[2]string{r, c}]; ok && v.pct > 0 {
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
	var totalW float64
	var totalN int
	for _, r := range rows {
		totalW += rowW[r]
		totalN += rowN[r]
	}
	overall := map[string]float64{}
	for _, c := range cols {
		var wn float64
		for _, r := range rows {
			wn += cell[[2]string{r, c}].wn
		}
		if totalW > 0 {
			overall[c] = 100 * wn / totalW
		}
	}
	var best *candidate
	for _, r := range rows {
		xr := XRow{Label: d.label(x.rowQ, r), N: comma(rowN[r])}
		for _, c := range cols {
			v, ok := cell[[2]string{r, c}]
			switch {
			case !ok:
				xr.Cells = append(xr.Cells, XCell{Pct: "—"})
			case v.suppressed:
				xr.Cells = append(xr.Cells, XCell{Pct: "x", Suppressed: true})
			default:
				xc := XCell{Pct: pct(v.pct)}
				if v.res.Valid && v.res.Float64 > residualCut {
					xc.Mark = "▲"
				} else if v.res.Valid && v.res.Float64 < -residualCut {
					xc.Mark = "▼"
				}
				xr.Cells = append(xr.Cells, xc)
				if x.colQ == codesQuestion && xc.Mark == "▲" {
					d.codeNotes[c] = append(d.codeNotes[c], codeNote{demo: x.rowQ, demoOrd: rank(x.rowQ), row: r,
						group: xr.Label, pct: v.pct, n: rowN[r], res: v.res.Float64})
				}
				// The 概要 names a difference only when its table holds up
				// after the correction for testing many tables.
				significant := !x.p.Valid || x.p.Float64 < 0.05
				if x.pAdj.Valid {
					significant = x.pAdj.Float64 < 0.05
				}
				if xc.Mark != "" && significant && (best == nil || math.Abs(v.res.Float64) > math.Abs(best.res)) {
					best = &candidate{xt: x, row: r, col: c, rowLabel: xr.Label, colLabel: colLabel(c),
						res: v.res.Float64, pct: v.pct, overall: overall[c], rowN: rowN[r],
						title: strings.TrimSuffix(ct.Title, " × "+rowTitle), rowTitle: rowTitle, kind: kind}
				}
			}
		}
		ct.Rows = append(ct.Rows, xr)
	}
	ct.Total = XRow{Label: "全体", N: comma(totalN)}
	for _, c := range cols {
		ct.Total.Cells = append(ct.Total.Cells, XCell{Pct: pct(overall[c])})
	}
	ct.Base = baseN(x.n)
	ct.Stat = statLine(x)
	ct.Turned = turn(ct)
	return ct, best
}

// maxXCols is the most category columns a crosstab keeps across an A4
// page: at 8, each column still gets about four full-width characters a
// line beside the group and count columns (measured on the demo report
// printed by Chromium; at 19 columns headers broke after every character).
const maxXCols = 8

// turn lays ct out with the groups across when it has more category
// columns than fit, and turning it makes it narrower.
func turn(ct *Crosstab) *Turned {
	if len(ct.Cols) <= maxXCols || len(ct.Rows)+1 >= len(ct.Cols) {
		return nil
	}
	t := &Turned{Groups: []string{ct.Total.Label}, N: []string{ct.Total.N}}
	for _, r := range ct.Rows {
		t.Groups = append(t.Groups, r.Label)
		t.N = append(t.N, r.N)
	}
	for j, c := range ct.Cols {
		row := XRow{Label: c, Cells: []XCell{ct.Total.Cells[j]}}
		for _, r := range ct.Rows {
			row.Cells = append(row.Cells, r.Cells[j])
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// statLine is the test line under a crosstab: χ², df, p (and the adjusted
// p), Cramér's V; when expected counts are small it says the χ² p is only
// approximate and gives Fisher's exact test where it was computed; then the
// analysis's notes (empty rows dropped, tests not run).
func statLine(x *rawCrosstab) string {
	s := chiLine(x)
	if x.small && x.chi2.Valid {
		s += "。期待度数の小さいセルが多いため、χ²検定のp値は目安です"
	}
	if x.fisherP.Valid {
		s += "。フィッシャーの正確検定：" + pValue(x.fisherP.Float64)
	}
	if x.notes != "" {
		s += "。" + strings.TrimSuffix(x.notes, "。")
	}
	return s
}

func chiLine(x *rawCrosstab) string {
	if !x.chi2.Valid || !x.p.Valid {
		return "検定値なし"
	}
	s := "χ²=" + roundHalfUp(x.chi2.Float64, 2)
	if x.df.Valid {
		s += "、自由度=" + strconv.FormatInt(x.df.Int64, 10)
	}
	s += "、" + pValue(x.p.Float64)
	if x.pAdj.Valid {
		s += "（補正後" + pValue(x.pAdj.Float64) + "）"
	}
	if x.v.Valid {
		s += "、クラメールのV=" + roundHalfUp(x.v.Float64, 3)
	}
	return s
}
