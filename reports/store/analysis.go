package store

import (
	"database/sql"
	"fmt"
	"math"
	"strings"
)

// TermCount is one doc_terms row.
type TermCount struct {
	Term, POS string
	N         int
}

// DocTerms writes a document's content words.
func (t *Tx) DocTerms(docID int64, terms []TermCount) error {
	id := any(docID)
	for _, tc := range terms {
		if err := t.docTerms.add(id, t.terms.str(tc.Term), t.terms.str(tc.POS), tc.N); err != nil {
			return fmt.Errorf("terms of docs up to %d: %w", docID, err)
		}
	}
	return nil
}

// ThemeRow is one themes row.
type ThemeRow struct {
	WaveID   string
	ThemeID  int64
	ParentID int64 // 0 = none
	Label    string
	NDocs    int
	TopTerms string
}

// DocGroup records a document's duplicate group and whether it is a
// non-answer.
//
// Most documents are alone and answer something: those are marked many to
// a statement (see flushSingles) rather than with an UPDATE each.
func (t *Tx) DocGroup(docID, dupOf int64, size int, nonAnswer bool) error {
	if size <= 1 && !nonAnswer {
		t.singles = append(t.singles, docID)
		if len(t.singles) >= maxRows {
			return t.flushSingles()
		}
		return nil
	}
	var of any
	if size > 1 {
		of = dupOf
	}
	t.grouped = append(t.grouped, docID, of, size, boolInt(nonAnswer))
	if len(t.grouped) >= 4*maxRows {
		return t.flushGrouped()
	}
	return nil
}

// flushGrouped marks the pending grouped documents, many to a statement
// (one UPDATE each cost 8 s of a million-respondent analysis, where most
// documents repeat another).
func (t *Tx) flushGrouped() error {
	n := len(t.grouped) / 4
	if n == 0 {
		return nil
	}
	q := `WITH v(id, of, n, na) AS (VALUES (?,?,?,?)` + strings.Repeat(",(?,?,?,?)", n-1) +
		`) UPDATE docs SET dup_of = v.of, group_size = v.n, non_answer = v.na FROM v WHERE docs.doc_id = v.id`
	err := execFused(t.tx.Query(q, t.grouped...))
	clear(t.grouped)
	t.grouped = t.grouped[:0]
	if err != nil {
		return fmt.Errorf("mark grouped documents: %w", err)
	}
	return nil
}

// Theme writes a theme.
func (t *Tx) Theme(r ThemeRow) error {
	var parent any
	if r.ParentID != 0 {
		parent = r.ParentID
	}
	_, err := t.Exec(`INSERT INTO themes (wave_id, theme_id, parent_id, label, n_docs, top_terms) VALUES (?,?,?,?,?,?)`,
		r.WaveID, r.ThemeID, parent, r.Label, r.NDocs, r.TopTerms)
	return err
}

// DocTheme writes a document's theme membership.
func (t *Tx) DocTheme(docID, themeID int64, weight float64) error {
	return t.docThemes.add(docID, themeID, weight)
}

// AdjustCrosstabFamilies adjusts the p-values of a wave's crosstabs for
// multiple testing, family by family (the tables that share a row
// question), with adjust (Benjamini–Hochberg in koe), and stores p_adj.
func (t *Tx) AdjustCrosstabFamilies(wave string, adjust func([]float64) ([]float64, error)) error {
	rows, err := t.q.Query(`SELECT crosstab_id, row_question, p_value FROM crosstabs WHERE wave_id = ? AND p_value IS NOT NULL ORDER BY row_question, crosstab_id`, wave)
	if err != nil {
		return err
	}
	type fam struct {
		ids []int64
		ps  []float64
	}
	var order []string
	fams := map[string]*fam{}
	for rows.Next() {
		var id int64
		var rq string
		var p float64
		if err := rows.Scan(&id, &rq, &p); err != nil {
			rows.Close()
			return err
		}
		f := fams[rq]
		if f == nil {
			f = &fam{}
			fams[rq] = f
			order = append(order, rq)
		}
		f.ids = append(f.ids, id)
		f.ps = append(f.ps, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, rq := range order {
		f := fams[rq]
		adj, err := adjust(f.ps)
		if err != nil {
			return fmt.Errorf("adjust p-values of the %s tables: %w", rq, err)
		}
		for i, id := range f.ids {
			if _, err := t.Exec(`UPDATE crosstabs SET p_adj = ? WHERE crosstab_id = ?`, nf(adj[i]), id); err != nil {
				return err
			}
		}
	}
	return nil
}

// ThemeStability records the agreement of the themes with a run under
// another seed.
func (t *Tx) ThemeStability(wave string, seed, other int64, docs int, ari float64) error {
	_, err := t.Exec(`INSERT INTO theme_stability (wave_id, seed, other_seed, docs, ari) VALUES (?,?,?,?,?)`, wave, seed, other, docs, ari)
	return err
}

// Code writes a code definition.
func (t *Tx) Code(id, label, pillar string) error {
	_, err := t.Exec(`INSERT OR REPLACE INTO codes (code_id, label, pillar) VALUES (?,?,?)`, id, label, nullStr(pillar))
	return err
}

// DocCode records that a document matches a code.
func (t *Tx) DocCode(docID int64, codeID string) error {
	return t.docCodes.add(docID, codeID)
}

// SetWeights sets the survey weights of a wave's respondents, ids[i]
// getting w[i], many to a statement.
func (t *Tx) SetWeights(wave string, ids []string, w []float64) error {
	if len(ids) != len(w) {
		return fmt.Errorf("set weights: %d ids, %d weights", len(ids), len(w))
	}
	rowids, err := t.rowidsInOrder(wave, ids)
	if err != nil {
		return fmt.Errorf("set weights of wave %s: %w", wave, err)
	}
	// Each row is found by its rowid when it can be: half the work of a
	// lookup through the primary key's index (a million respondents: 1.4 s
	// against 2.4 s in the sqlite3 shell).
	key := func(i int) any { return ids[i] }
	match := `respondents.wave_id = ? AND respondents.respondent_id = v.k`
	tail := []any{wave}
	if rowids != nil {
		key = func(i int) any { return rowids[i] }
		match, tail = `respondents.rowid = v.k`, nil
	}
	const per = 4096
	args := make([]any, 0, 2*per+1)
	for lo := 0; lo < len(ids); lo += per {
		hi := min(lo+per, len(ids))
		args = args[:0]
		var b strings.Builder
		b.WriteString(`WITH v(k, w) AS (VALUES `)
		for i := lo; i < hi; i++ {
			if i > lo {
				b.WriteByte(',')
			}
			b.WriteString("(?,?)")
			args = append(args, key(i), w[i])
		}
		b.WriteString(`) UPDATE respondents SET weight = v.w FROM v WHERE ` + match)
		args = append(args, tail...)
		// Bound in one cgo call (execFused): up to 8,193 arguments a
		// statement, prepared once (the connection's statement cache).
		if err := execFused(t.tx.Query(b.String(), args...)); err != nil {
			return fmt.Errorf("set weights of wave %s: %w", wave, err)
		}
	}
	return nil
}

// rowidsInOrder returns the rowids of the wave's respondents when the
// wave's rows, in the order they were stored, are exactly ids (as when ids
// came from the wave's own load); otherwise nil. The ids are compared
// without copying them out of SQLite.
func (t *Tx) rowidsInOrder(wave string, ids []string) ([]int64, error) {
	rows, err := t.tx.Query(`SELECT rowid, respondent_id FROM respondents NOT INDEXED WHERE wave_id = ? ORDER BY rowid`, wave)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make([]int64, 0, len(ids))
	var id sql.RawBytes
	for rows.Next() {
		var r int64
		if err := rows.Scan(&r, &id); err != nil {
			return nil, err
		}
		if len(out) == len(ids) || string(id) != ids[len(out)] {
			return nil, nil
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) != len(ids) {
		return nil, nil
	}
	return out, nil
}

// SetWeight sets a respondent's survey weight.
func (t *Tx) SetWeight(wave, respondent string, w float64) error {
	_, err := t.Exec(`UPDATE respondents SET weight = ? WHERE wave_id = ? AND respondent_id = ?`, w, wave, respondent)
	return err
}

// TallyRow is one tallies row.
type TallyRow struct {
	WaveID, QuestionID, Code, Label string
	Ord, N                          int
	WeightedN, Pct                  float64
	BaseN                           int
	MOEPct                          float64 // NaN = NULL
	CILowPct, CIHighPct             float64 // Wilson interval, %; NaN = NULL
}

// Tally writes a tallies row.
func (t *Tx) Tally(r TallyRow) error {
	_, err := t.Exec(`INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct, ci_low_pct, ci_high_pct) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
		r.WaveID, r.QuestionID, r.Code, r.Label, r.Ord, r.N, r.WeightedN, r.Pct, r.BaseN, nf(r.MOEPct), nf(r.CILowPct), nf(r.CIHighPct))
	return err
}

// QuestionStatsRow is one question_stats row; NaN fields are stored as NULL.
type QuestionStatsRow struct {
	WaveID, QuestionID                               string
	N                                                int
	Mean, SD, SE, CILow, CIHigh, Top2Pct, Bottom2Pct float64
}

// QuestionStats writes a question_stats row.
func (t *Tx) QuestionStats(r QuestionStatsRow) error {
	_, err := t.Exec(`INSERT INTO question_stats (wave_id, question_id, n, mean, sd, se, ci_low, ci_high, top2_pct, bottom2_pct) VALUES (?,?,?,?,?,?,?,?,?,?)`,
		r.WaveID, r.QuestionID, r.N, nf(r.Mean), nf(r.SD), nf(r.SE), nf(r.CILow), nf(r.CIHigh), nf(r.Top2Pct), nf(r.Bottom2Pct))
	return err
}

// CrosstabRow is one crosstabs row; NaN statistics are stored as NULL.
type CrosstabRow struct {
	WaveID, RowQuestion, ColQuestion string
	Weighted                         bool
	N                                int
	Chi2                             float64
	DF                               int // < 0 = NULL
	PValue, CramersV                 float64
	SmallExpected                    bool
	FisherP                          float64 // NaN = NULL
	Notes                            string
}

// CellRow is one crosstab_cells row.
type CellRow struct {
	RowCode, ColCode string
	N                int
	WeightedN        float64
	RowPct           float64
	AdjResidual      float64 // NaN = NULL
	Suppressed       bool
}

// Crosstab writes a crosstab and its cells and returns its id.
func (t *Tx) Crosstab(r CrosstabRow, cells []CellRow) (int64, error) {
	var df any
	if r.DF >= 0 {
		df = r.DF
	}
	res, err := t.Exec(`INSERT INTO crosstabs (wave_id, row_question, col_question, weighted, n, chi2, df, p_value, cramers_v, small_expected, fisher_p, notes) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
		r.WaveID, r.RowQuestion, r.ColQuestion, boolInt(r.Weighted), r.N, nf(r.Chi2), df, nf(r.PValue), nf(r.CramersV),
		boolInt(r.SmallExpected), nf(r.FisherP), nullStr(r.Notes))
	if err != nil {
		return 0, fmt.Errorf("crosstab %s × %s: %w", r.RowQuestion, r.ColQuestion, err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	for _, c := range cells {
		if _, err := t.Exec(`INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (?,?,?,?,?,?,?,?)`,
			id, c.RowCode, c.ColCode, c.N, c.WeightedN, c.RowPct, nf(c.AdjResidual), boolInt(c.Suppressed)); err != nil {
			return 0, err
		}
	}
	return id, nil
}

func nf(f float64) any {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return nil
	}
	return f
}

var _ = sql.ErrNoRows

// RepRow is one representativeness row.
type RepRow struct {
	WaveID, QuestionID, Code, Label string
	Ord                             int
	Population, PopulationPct       float64
	SampleN                         int
	SamplePct, WeightedPct          float64
}

// Representativeness writes one option's sample-against-population row.
func (t *Tx) Representativeness(r RepRow) error {
	_, err := t.Exec(`INSERT INTO representativeness (wave_id, question_id, code, label, ord, population, population_pct, sample_n, sample_pct, weighted_pct) VALUES (?,?,?,?,?,?,?,?,?,?)`,
		r.WaveID, r.QuestionID, r.Code, r.Label, r.Ord, r.Population, r.PopulationPct, r.SampleN, r.SamplePct, r.WeightedPct)
	return err
}

// RepresentativenessTest writes a goodness-of-fit test row.
func (t *Tx) RepresentativenessTest(wave, question string, n int, chi2 float64, df int, p float64) error {
	_, err := t.Exec(`INSERT INTO representativeness_tests (wave_id, question_id, n, chi2, df, p_value) VALUES (?,?,?,?,?,?)`,
		wave, question, n, nf(chi2), df, nf(p))
	return err
}

// WeightingRow is one weighting row.
type WeightingRow struct {
	WaveID, Method, Variables string
	Iterations                int
	MaxError, Deff, NEff      float64
	MinWeight, MaxWeight      float64
	Notes                     string
}

// Weighting records how a wave was weighted.
func (t *Tx) Weighting(r WeightingRow) error {
	_, err := t.Exec(`INSERT INTO weighting (wave_id, method, variables, iterations, max_error, deff, n_eff, min_weight, max_weight, notes) VALUES (?,?,?,?,?,?,?,?,?,?)`,
		r.WaveID, r.Method, r.Variables, r.Iterations, r.MaxError, r.Deff, r.NEff, r.MinWeight, r.MaxWeight, nullStr(r.Notes))
	return err
}

// MarginOfError writes one cell of the 標本誤差 table.
func (t *Tx) MarginOfError(wave string, n int, pPct, moePct float64) error {
	_, err := t.Exec(`INSERT INTO margin_of_error (wave_id, n, p_pct, moe_pct) VALUES (?,?,?,?)`, wave, n, pPct, moePct)
	return err
}

// CSRow is one cs_fields row.
type CSRow struct {
	WaveID, Field, SatQuestion, ImpQuestion string
	SatN, ImpN                              int
	SatScore, ImpScore                      float64
	SatHensachi, ImpHensachi                float64
	Quadrant                                string
}

// CSField writes one policy field's CS analysis.
func (t *Tx) CSField(r CSRow) error {
	_, err := t.Exec(`INSERT INTO cs_fields (wave_id, field, sat_question, imp_question, sat_n, imp_n, sat_score, imp_score, sat_hensachi, imp_hensachi, quadrant) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
		r.WaveID, r.Field, r.SatQuestion, r.ImpQuestion, r.SatN, r.ImpN, r.SatScore, r.ImpScore, r.SatHensachi, r.ImpHensachi, r.Quadrant)
	return err
}

// WaveChangeRow is one wave_changes row.
type WaveChangeRow struct {
	QuestionID, Code, Label string
	WaveFrom, WaveTo        string
	NFrom, PctFrom          float64
	NTo, PctTo              float64
	DiffPct                 float64
	CILow, CIHigh, PValue   float64 // NaN = NULL
}

// WaveChange writes one option's change between two waves.
func (t *Tx) WaveChange(r WaveChangeRow) error {
	_, err := t.Exec(`INSERT INTO wave_changes (question_id, code, label, wave_from, wave_to, n_from, pct_from, n_to, pct_to, diff_pct, ci_low, ci_high, p_value) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		r.QuestionID, r.Code, r.Label, r.WaveFrom, r.WaveTo, r.NFrom, r.PctFrom, r.NTo, r.PctTo, r.DiffPct, nf(r.CILow), nf(r.CIHigh), nf(r.PValue))
	return err
}

// flushSingles marks the documents DocGroup found alone in their group.
func (t *Tx) flushSingles() error {
	if len(t.singles) == 0 {
		return nil
	}
	args := make([]any, len(t.singles))
	for i, id := range t.singles {
		args[i] = id
	}
	q := `UPDATE docs SET dup_of = NULL, group_size = 1, non_answer = 0 WHERE doc_id IN (?` + strings.Repeat(",?", len(args)-1) + `)`
	t.singles = t.singles[:0]
	if _, err := t.tx.Exec(q, args...); err != nil {
		return fmt.Errorf("mark single documents: %w", err)
	}
	return nil
}
