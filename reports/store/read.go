package store

import (
	"context"
	"database/sql"
	"fmt"
)

// queryer is what reads need: a *sql.DB or a *sql.Tx.
type queryer interface {
	Query(query string, args ...any) (*sql.Rows, error)
	QueryRow(query string, args ...any) *sql.Row
}

// reader holds the read queries, over the database or a transaction.
type reader struct{ q queryer }

// flushFirst is a transaction's queryer: it writes the Tx's buffered rows
// before every read, so a query always sees what was written before it.
type flushFirst struct{ t *Tx }

func (f flushFirst) Query(query string, args ...any) (*sql.Rows, error) {
	if err := f.t.Flush(); err != nil {
		return nil, err
	}
	return f.t.tx.Query(query, args...)
}

// QueryRow cannot return an error of its own; a failed flush shows up as
// the failure of the transaction's next write or its commit.
func (f flushFirst) QueryRow(query string, args ...any) *sql.Row {
	if err := f.t.Flush(); err != nil {
		f.t.flushErr = err
	}
	return f.t.tx.QueryRow(query, args...)
}

// WaveRow is one row of the waves table.
type WaveRow struct {
	ID, Label       string
	Ord             int
	SourcePath      string
	SourceSHA256    string
	RowsRead        int
	RowsLoaded      int
	RowsQuarantined int
}

// Waves lists the ingested waves in study order.
func (s reader) Waves() ([]WaveRow, error) {
	rows, err := s.q.Query(`SELECT wave_id, label, ord, COALESCE(source_path,''), COALESCE(source_sha256,''), rows_read, rows_loaded, rows_quarantined FROM waves ORDER BY ord, wave_id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []WaveRow
	for rows.Next() {
		var w WaveRow
		if err := rows.Scan(&w.ID, &w.Label, &w.Ord, &w.SourcePath, &w.SourceSHA256, &w.RowsRead, &w.RowsLoaded, &w.RowsQuarantined); err != nil {
			return nil, err
		}
		out = append(out, w)
	}
	return out, rows.Err()
}

// QuestionRow is a question with its options, as stored.
type QuestionRow struct {
	ID          string
	Ord         int
	Column      string
	Kind        string
	Demographic bool
	Field       string // CS pair: policy field, or ""
	Measure     string // "satisfaction", "importance" or ""
	Options     []OptionRow
}

// OptionRow is one option, as stored.
type OptionRow struct {
	Code, Label string
	Score       sql.NullFloat64
}

// Questions lists a wave's questions in codebook order, with options.
func (s reader) Questions(wave string) ([]QuestionRow, error) {
	rows, err := s.q.Query(`SELECT question_id, ord, column_name, kind, is_demographic, COALESCE(field,''), COALESCE(measure,'') FROM questions WHERE wave_id = ? ORDER BY ord`, wave)
	if err != nil {
		return nil, err
	}
	var out []QuestionRow
	for rows.Next() {
		var q QuestionRow
		if err := rows.Scan(&q.ID, &q.Ord, &q.Column, &q.Kind, &q.Demographic, &q.Field, &q.Measure); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, q)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	idx := map[string]int{}
	for i, q := range out {
		idx[q.ID] = i
	}
	orows, err := s.q.Query(`SELECT question_id, code, label, score FROM options WHERE wave_id = ? ORDER BY question_id, ord`, wave)
	if err != nil {
		return nil, err
	}
	defer orows.Close()
	for orows.Next() {
		var qid string
		var o OptionRow
		if err := orows.Scan(&qid, &o.Code, &o.Label, &o.Score); err != nil {
			return nil, err
		}
		if i, ok := idx[qid]; ok {
			out[i].Options = append(out[i].Options, o)
		}
	}
	return out, orows.Err()
}

// RespondentRow is a respondent's id and weight.
type RespondentRow struct {
	ID     string
	Weight float64
}

// Respondents lists a wave's respondents in file order.
func (s reader) Respondents(wave string) ([]RespondentRow, error) {
	rows, err := s.q.Query(`SELECT respondent_id, weight FROM respondents WHERE wave_id = ? ORDER BY line, respondent_id`, wave)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []RespondentRow
	for rows.Next() {
		var r RespondentRow
		if err := rows.Scan(&r.ID, &r.Weight); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// AnswerRow is one answers row.
type AnswerRow struct {
	RespondentID string
	QuestionID   string
	Code         string
	Value        sql.NullFloat64
}

// EachAnswer calls fn for every answer of a wave, in the order they were
// stored.
func (s reader) EachAnswer(wave string, fn func(a AnswerRow) error) error {
	return s.EachAnswerBytes(wave, func(a AnswerBytes) error {
		return fn(AnswerRow{RespondentID: string(a.RespondentID), QuestionID: string(a.QuestionID), Code: string(a.Code), Value: a.Value})
	})
}

// AnswerBytes is an answers row whose text is only valid during the call
// it is passed to.
type AnswerBytes struct {
	RespondentID, QuestionID, Code []byte
	Value                          sql.NullFloat64
}

// EachAnswerBytes is EachAnswer without a string per value: a million
// respondents' answers are tens of millions of rows, and three strings each
// kept the collector busier than the reading itself. A caller keeping a
// value must copy it (a map lookup with string(b) does not allocate).
func (s reader) EachAnswerBytes(wave string, fn func(a AnswerBytes) error) error {
	rows, err := s.q.Query(`SELECT respondent_id, question_id, COALESCE(code,''), value_num FROM answers WHERE wave_id = ?`, wave)
	if err != nil {
		return err
	}
	defer rows.Close()
	var rid, qid, code sql.RawBytes
	var a AnswerBytes
	for rows.Next() {
		if err := rows.Scan(&rid, &qid, &code, &a.Value); err != nil {
			return err
		}
		a.RespondentID, a.QuestionID, a.Code = rid, qid, code
		if err := fn(a); err != nil {
			return err
		}
	}
	return rows.Err()
}

// DocRow is a document as analysis needs it.
type DocRow struct {
	ID           int64
	Source       string
	RespondentID string
	QuestionID   string
	WorkshopID   string
	Speaker      string
	Text         string
	Masked       string
}

// Docs lists a wave's documents in doc_id order.
func (s reader) Docs(wave string) ([]DocRow, error) {
	rows, err := s.q.Query(`SELECT doc_id, source, COALESCE(respondent_id,''), COALESCE(question_id,''), COALESCE(workshop_id,''), COALESCE(speaker,''), text, COALESCE(text_masked,'') FROM docs WHERE wave_id = ? ORDER BY doc_id`, wave)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []DocRow
	for rows.Next() {
		var d DocRow
		if err := rows.Scan(&d.ID, &d.Source, &d.RespondentID, &d.QuestionID, &d.WorkshopID, &d.Speaker, &d.Text, &d.Masked); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// Tx is a write transaction for the analyze stage. It reads through the
// transaction too (the database has one connection, held by the
// transaction while it is open).
type Tx struct {
	reader
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
	// Per-document rows are buffered and written many to a statement;
	// Flush (and the commit) writes what is pending.
	docTerms, docThemes, docCodes *batch
	flushErr                      error
	singles                       []int64  // documents DocGroup found alone, not yet marked
	grouped                       []any    // the others: doc_id, dup_of, group_size, non_answer, four a document
	terms                         interner // terms and parts of speech, boxed once
}

// Flush writes the buffered doc_terms, doc_themes and doc_codes rows, so
// that queries in the same transaction see them.
func (t *Tx) Flush() error {
	if t.flushErr != nil {
		return t.flushErr
	}
	for _, b := range []*batch{t.docTerms, t.docThemes, t.docCodes} {
		if err := b.flush(); err != nil {
			return err
		}
	}
	if err := t.flushGrouped(); err != nil {
		return err
	}
	return t.flushSingles()
}

// Analysis runs fn in one transaction that first clears every analysis
// result (terms, themes, codes, tallies, crosstabs) and the weights, so a
// failed analyze leaves the previous results in place.
func (s *DB) Analysis(ctx context.Context, fn func(tx *Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, q := range []string{
		`DELETE FROM doc_terms`, `DELETE FROM doc_themes`, `DELETE FROM themes`,
		// An index by term (earlier schemas) is not kept: its keys repeat
		// so much that keeping it up to date made writing a million
		// answers' terms several times slower, and no query of koe's
		// needs it (a staff query by term reads the table through).
		`DROP INDEX IF EXISTS doc_terms_term`,
		`DELETE FROM doc_codes`, `DELETE FROM codes`, `DELETE FROM crosstab_cells`,
		`DELETE FROM crosstabs`, `DELETE FROM tallies`, `DELETE FROM question_stats`,
		`DELETE FROM representativeness`, `DELETE FROM representativeness_tests`, `DELETE FROM weighting`,
		`DELETE FROM margin_of_error`, `DELETE FROM cs_fields`, `DELETE FROM wave_changes`, `DELETE FROM theme_stability`,
		`UPDATE respondents SET weight = 1.0`,
		`UPDATE docs SET dup_of = NULL, group_size = NULL, non_answer = 0`,
	} {
		if _, err := tx.Exec(q); err != nil {
			return fmt.Errorf("clear previous analysis: %w", err)
		}
	}
	t := &Tx{tx: tx, stmts: map[string]*sql.Stmt{},
		docTerms:  newBatch(tx, "doc_terms", "doc_id", "term", "pos", "n"),
		docThemes: newBatch(tx, "doc_themes", "doc_id", "theme_id", "weight"),
		docCodes:  newBatch(tx, "doc_codes", "doc_id", "code_id")}
	t.reader = reader{flushFirst{t}}
	defer t.docTerms.close()
	defer t.docThemes.close()
	defer t.docCodes.close()
	if err := t.ClearNetworks(); err != nil {
		return fmt.Errorf("clear previous analysis: %w", err)
	}
	if err := fn(t); err != nil {
		return err
	}
	if err := t.Flush(); err != nil {
		return err
	}
	return tx.Commit()
}

// Exec runs a statement, preparing and caching it on first use.
func (t *Tx) Exec(query string, args ...any) (sql.Result, error) {
	if err := t.Flush(); err != nil { // statements run in the order they were given
		return nil, err
	}
	st, ok := t.stmts[query]
	if !ok {
		var err error
		st, err = t.tx.Prepare(query)
		if err != nil {
			return nil, fmt.Errorf("prepare %q: %w", query, err)
		}
		t.stmts[query] = st
	}
	return st.Exec(args...)
}

// QuarantineRow is one quarantine row.
type QuarantineRow struct {
	WaveID, SourcePath string
	Line, Col          int
	ColumnName, Reason string
	Raw                string
}

// QuarantineRows lists quarantined cells in wave, file and line order.
func (s reader) QuarantineRows() ([]QuarantineRow, error) {
	rows, err := s.q.Query(`SELECT q.wave_id, q.source_path, q.line, COALESCE(q.col,0), COALESCE(q.column_name,''), q.reason, COALESCE(q.raw,'')
		FROM quarantine q LEFT JOIN waves w ON w.wave_id = q.wave_id ORDER BY w.ord, q.source_path, q.line, q.col`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []QuarantineRow
	for rows.Next() {
		var q QuarantineRow
		if err := rows.Scan(&q.WaveID, &q.SourcePath, &q.Line, &q.Col, &q.ColumnName, &q.Reason, &q.Raw); err != nil {
			return nil, err
		}
		out = append(out, q)
	}
	return out, rows.Err()
}

// KwicDoc is a document with its respondent's demographic labels.
type KwicDoc struct {
	ID         int64
	WaveID     string
	Source     string
	WorkshopID string
	Masked     string
	Attributes string // demographic option labels joined with '・'
}

// KwicDocs lists every document's masked text with its respondent's
// demographic answers, in wave and document order.
func (s reader) KwicDocs() ([]KwicDoc, error) {
	// The demographic answers are read once, rather than looked up per
	// document.
	arows, err := s.q.Query(`
SELECT a.wave_id, a.respondent_id, o.label
  FROM questions q
  JOIN answers a ON a.wave_id = q.wave_id AND a.question_id = q.question_id
  JOIN options o ON o.wave_id = a.wave_id AND o.question_id = a.question_id AND o.code = a.code
 WHERE q.is_demographic = 1
 ORDER BY q.wave_id, q.ord, a.rowid`)
	if err != nil {
		return nil, err
	}
	attrs := map[[2]string]string{}
	for arows.Next() {
		var wave, rid, label string
		if err := arows.Scan(&wave, &rid, &label); err != nil {
			arows.Close()
			return nil, err
		}
		k := [2]string{wave, rid}
		if prev := attrs[k]; prev != "" {
			label = prev + "・" + label
		}
		attrs[k] = label
	}
	arows.Close()
	if err := arows.Err(); err != nil {
		return nil, err
	}
	rows, err := s.q.Query(`
SELECT d.doc_id, d.wave_id, d.source, COALESCE(d.workshop_id, ''), COALESCE(d.text_masked, ''), COALESCE(d.respondent_id, '')
FROM docs d JOIN waves w ON w.wave_id = d.wave_id
ORDER BY w.ord, d.doc_id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []KwicDoc
	for rows.Next() {
		var k KwicDoc
		var rid string
		if err := rows.Scan(&k.ID, &k.WaveID, &k.Source, &k.WorkshopID, &k.Masked, &rid); err != nil {
			return nil, err
		}
		if rid != "" {
			k.Attributes = attrs[[2]string{k.WaveID, rid}]
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

// RespondentCount is the number of a wave's respondents.
func (s reader) RespondentCount(wave string) (int, error) {
	var n int
	err := s.q.QueryRow(`SELECT count(*) FROM respondents WHERE wave_id = ?`, wave).Scan(&n)
	return n, err
}
