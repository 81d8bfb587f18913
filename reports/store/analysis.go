package store

import (
	"database/sql"
	"fmt"
	"math"
)

// TermCount is one doc_terms row.
type TermCount struct {
	Term, POS string
	N         int
}

// DocTerms writes a document's content words.
func (t *Tx) DocTerms(docID int64, terms []TermCount) error {
	for _, tc := range terms {
		if _, err := t.Exec(`INSERT INTO doc_terms (doc_id, term, pos, n) VALUES (?,?,?,?)`, docID, tc.Term, tc.POS, tc.N); err != nil {
			return fmt.Errorf("doc %d terms: %w", docID, err)
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
	_, err := t.Exec(`INSERT INTO doc_themes (doc_id, theme_id, weight) VALUES (?,?,?)`, docID, themeID, weight)
	return err
}

// Code writes a code definition.
func (t *Tx) Code(id, label, pillar string) error {
	_, err := t.Exec(`INSERT OR REPLACE INTO codes (code_id, label, pillar) VALUES (?,?,?)`, id, label, nullStr(pillar))
	return err
}

// DocCode records that a document matches a code.
func (t *Tx) DocCode(docID int64, codeID string) error {
	_, err := t.Exec(`INSERT INTO doc_codes (doc_id, code_id) VALUES (?,?)`, docID, codeID)
	return err
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
}

// Tally writes a tallies row.
func (t *Tx) Tally(r TallyRow) error {
	_, err := t.Exec(`INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n) VALUES (?,?,?,?,?,?,?,?,?)`,
		r.WaveID, r.QuestionID, r.Code, r.Label, r.Ord, r.N, r.WeightedN, r.Pct, r.BaseN)
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
	res, err := t.Exec(`INSERT INTO crosstabs (wave_id, row_question, col_question, weighted, n, chi2, df, p_value, cramers_v) VALUES (?,?,?,?,?,?,?,?,?)`,
		r.WaveID, r.RowQuestion, r.ColQuestion, boolInt(r.Weighted), r.N, nf(r.Chi2), df, nf(r.PValue), nf(r.CramersV))
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
