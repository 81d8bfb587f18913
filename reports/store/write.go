package store

import (
	"context"
	"database/sql"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"koe/ingest"
)

// Run records one stage run in the runs table.
type Run struct {
	Stage        string
	KoeVersion   string
	ConfigSHA256 string
	Seed         int64
}

// BeginRun inserts a runs row and returns its id; FinishRun stamps it.
func (s *DB) BeginRun(r Run, now time.Time) (int64, error) {
	res, err := s.db.Exec(`INSERT INTO runs (stage, started_at, koe_version, config_sha256, seed) VALUES (?,?,?,?,?)`,
		r.Stage, now.UTC().Format(time.RFC3339), r.KoeVersion, r.ConfigSHA256, r.Seed)
	if err != nil {
		return 0, fmt.Errorf("record run: %w", err)
	}
	return res.LastInsertId()
}

// FinishRun stamps finished_at on a run.
func (s *DB) FinishRun(id int64, now time.Time) error {
	_, err := s.db.Exec(`UPDATE runs SET finished_at = ? WHERE run_id = ?`, now.UTC().Format(time.RFC3339), id)
	return err
}

// WaveMeta is what the waves table says of a wave.
type WaveMeta struct {
	ID, Label    string
	Ord          int
	SourcePath   string
	SourceSHA256 string
	Encoding     string
	Fieldwork    string
	Distributed  int // 0 = unknown
	Stats        ingest.WaveStats
}

// WaveWriter writes one wave inside the transaction of ReplaceWave. It is
// an ingest.Sink. Mask, when set, computes docs.text_masked; it is called
// from several goroutines at once, so it must be safe for concurrent use.
type WaveWriter struct {
	tx     *sql.Tx
	wave   string
	Mask   func(id int64, text string) string
	resp   *batch
	ans    *batch
	doc    *batch
	quar   *sql.Stmt
	nextID int64
	// one boxed value per question id, option code and number
	qids, codes, values interner
	// pending docs wait here so that masking, the slow part of writing a
	// document, runs on every core; they are written in arrival order.
	pending []ingest.Doc
	masking *maskJob // the block before pending, being masked
	maskID  int64    // the id the next document to be masked will have
	// Respondents are written by a goroutine of their own, so that reading
	// and checking the next rows of the survey overlaps with SQLite
	// writing the last ones. Every other write first waits for the queue
	// to drain (sync), which keeps the writes in call order.
	queue  chan *ingest.Respondent
	idle   chan struct{}
	failed atomic.Pointer[error]
}

// docBlock is how many documents are masked together.
const docBlock = 4096

// ReplaceWave deletes everything of the wave (its rows and every analysis
// result, which would be stale) and lets fn write it anew, all in one
// transaction: a failure leaves the previous wave intact.
func (s *DB) ReplaceWave(ctx context.Context, waveID string, mask func(id int64, text string) string, fn func(w *WaveWriter) (WaveMeta, error)) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := deleteWave(tx, waveID); err != nil {
		return fmt.Errorf("wave %s: clear previous rows: %w", waveID, err)
	}
	w := &WaveWriter{tx: tx, wave: waveID, Mask: mask}
	if err := tx.QueryRow(`SELECT COALESCE(MAX(doc_id), 0) + 1 FROM docs`).Scan(&w.nextID); err != nil {
		return err
	}
	w.maskID = w.nextID
	prep := func(q string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var st *sql.Stmt
		st, err = tx.Prepare(q)
		return st
	}
	w.resp = newSharedBatch(tx, waveID, "respondents", "wave_id", "respondent_id", "line", "weight")
	w.ans = newSharedBatch(tx, waveID, "answers", "wave_id", "respondent_id", "question_id", "code", "value_num")
	w.doc = newSharedBatch(tx, waveID, "docs", "wave_id", "doc_id", "source", "respondent_id", "question_id", "workshop_id", "grp", "speaker", "line", "text", "text_masked")
	defer w.resp.close()
	defer w.ans.close()
	defer w.doc.close()
	w.quar = prep(`INSERT INTO quarantine (wave_id, source_path, line, col, column_name, reason, raw) VALUES (?,?,?,?,?,?,?)`)
	if err != nil {
		return err
	}
	// The answers indexes are built once after the load: keeping them up
	// to date row by row costs more than the rows themselves.
	for _, ix := range append([]struct{ name, create string }{{name: "answers_q"}}, answerIndexes...) {
		if _, err := tx.Exec(`DROP INDEX IF EXISTS ` + ix.name); err != nil {
			return err
		}
	}
	// never leave the writer or a masking block running behind an error
	defer func() {
		w.sync()
		if w.masking != nil {
			<-w.masking.done
		}
	}()
	meta, err := fn(w)
	if err != nil {
		return err
	}
	if err := w.flush(); err != nil {
		return fmt.Errorf("wave %s: %w", waveID, err)
	}
	if !s.laterIndexes {
		if err := createAnswerIndexes(ctx, tx); err != nil {
			return fmt.Errorf("wave %s: %w", waveID, err)
		}
	}
	var distributed any
	if meta.Distributed > 0 {
		distributed = meta.Distributed
	}
	if _, err := tx.Exec(`INSERT INTO waves (wave_id, ord, label, source_path, source_sha256, encoding, fieldwork, distributed, rows_read, rows_loaded, rows_quarantined) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
		waveID, meta.Ord, meta.Label, nullStr(meta.SourcePath), nullStr(meta.SourceSHA256), nullStr(meta.Encoding), nullStr(meta.Fieldwork), distributed,
		meta.Stats.RowsRead, meta.Stats.RowsLoaded, meta.Stats.RowsQuarantined); err != nil {
		return fmt.Errorf("wave %s: %w", waveID, err)
	}
	return tx.Commit()
}

// Codebook writes the wave's questions and options.
func (w *WaveWriter) Codebook(cb *ingest.Codebook) error {
	if err := w.sync(); err != nil {
		return err
	}
	for i, q := range cb.Questions {
		if q.Personal {
			continue
		}
		col := q.Column
		switch {
		case q.ColumnIndex > 0:
			col = fmt.Sprintf("#%d", q.ColumnIndex)
		case len(q.Columns) > 0:
			col = strings.Join(q.Columns, "; ")
		}
		title := q.Title
		if title == "" {
			title = ingest.QuestionTitle(q.ID, col)
		}
		if _, err := w.tx.Exec(`INSERT INTO questions (wave_id, question_id, ord, column_name, title, kind, is_demographic, field, measure) VALUES (?,?,?,?,?,?,?,?,?)`,
			w.wave, q.ID, i+1, col, title, string(q.Kind), boolInt(q.Demographic), nullStr(q.Field), nullStr(q.Measure)); err != nil {
			return fmt.Errorf("question %s: %w", q.ID, err)
		}
		for j, o := range q.Options {
			var score any
			if o.HasScore {
				score = o.Score
			}
			if _, err := w.tx.Exec(`INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES (?,?,?,?,?,?)`,
				w.wave, q.ID, o.Code, o.Label, j+1, score); err != nil {
				return fmt.Errorf("question %s option %s: %w", q.ID, o.Code, err)
			}
		}
	}
	return nil
}

// Respondent writes a loaded respondent with its answers and documents.
func (w *WaveWriter) Respondent(r *ingest.Respondent) error {
	if e := w.failed.Load(); e != nil {
		return *e
	}
	if w.queue == nil {
		w.queue, w.idle = make(chan *ingest.Respondent, 1024), make(chan struct{})
		go func(q <-chan *ingest.Respondent, idle chan<- struct{}) {
			defer close(idle)
			for r := range q {
				if w.failed.Load() != nil {
					continue // drain: the producer sees the error on its next call
				}
				if err := w.writeRespondent(r); err != nil {
					w.failed.Store(&err)
				}
			}
		}(w.queue, w.idle)
	}
	w.queue <- r
	return nil
}

// sync waits until every queued respondent is written and reports the
// first error writing them.
func (w *WaveWriter) sync() error {
	if w.queue != nil {
		close(w.queue)
		<-w.idle
		w.queue, w.idle = nil, nil
	}
	if e := w.failed.Load(); e != nil {
		return *e
	}
	return nil
}

func (w *WaveWriter) writeRespondent(r *ingest.Respondent) error {
	weight := r.Weight
	if weight == 0 {
		weight = 1
	}
	id := any(r.ID) // boxed once for all the respondent's rows
	if err := w.resp.add(id, r.Line, weight); err != nil {
		return fmt.Errorf("respondents up to %s (line %d): %w", r.ID, r.Line, err)
	}
	for _, a := range r.Answers {
		var v any
		if a.Value != nil {
			v = w.values.num(*a.Value)
		}
		if err := w.ans.add(id, w.qids.str(a.QuestionID), w.codes.str(a.Code), v); err != nil {
			return fmt.Errorf("answers up to respondent %s (line %d): %w", r.ID, r.Line, err)
		}
	}
	for i := range r.Docs {
		d := r.Docs[i]
		d.WaveID, d.Source, d.RespondentID = w.wave, "survey", r.ID
		if err := w.queueDoc(d); err != nil {
			return err
		}
	}
	return nil
}

// Doc writes one free-text document. Documents are masked and written in
// blocks; the last block goes when ReplaceWave's fn returns.
func (w *WaveWriter) Doc(d ingest.Doc) error {
	if err := w.sync(); err != nil {
		return err
	}
	return w.queueDoc(d)
}

func (w *WaveWriter) queueDoc(d ingest.Doc) error {
	w.pending = append(w.pending, d)
	if len(w.pending) < docBlock {
		return nil
	}
	return w.flushDocs()
}

func (w *WaveWriter) flushDocs() error {
	job := w.startMasking(w.pending)
	w.pending = nil
	if err := w.writeMasked(); err != nil {
		return err
	}
	w.masking = job
	return nil
}

// maskJob is a block of documents being masked in the background.
type maskJob struct {
	docs   []ingest.Doc
	masked []string
	done   chan struct{}
}

// startMasking masks docs on every core without waiting: the block is
// written by the next writeMasked, so SQLite writes the rows before it
// while it is masked.
func (w *WaveWriter) startMasking(docs []ingest.Doc) *maskJob {
	job := &maskJob{docs: docs, masked: make([]string, len(docs)), done: make(chan struct{})}
	first := w.maskID
	w.maskID += int64(len(docs))
	if w.Mask == nil || len(docs) == 0 {
		for i, d := range docs {
			job.masked[i] = d.Text
		}
		close(job.done)
		return job
	}
	workers := min(runtime.GOMAXPROCS(0), len(docs))
	var wg sync.WaitGroup
	for k := range workers {
		wg.Go(func() {
			for i := k; i < len(docs); i += workers {
				job.masked[i] = w.Mask(first+int64(i), docs[i].Text)
			}
		})
	}
	go func() { wg.Wait(); close(job.done) }()
	return job
}

// writeMasked waits for the block being masked, if any, and writes it.
func (w *WaveWriter) writeMasked() error {
	job := w.masking
	if job == nil {
		return nil
	}
	w.masking = nil
	<-job.done
	for i, d := range job.docs {
		src := d.Source
		if src == "" {
			src = "survey"
		}
		if err := w.doc.add(w.nextID, src, nullStr(d.RespondentID), nullStr(d.QuestionID), nullStr(d.WorkshopID),
			nullStr(d.Group), nullStr(d.Speaker), d.Line, d.Text, job.masked[i]); err != nil {
			return fmt.Errorf("docs up to %s:%d: %w", d.SourcePath, d.Line, err)
		}
		w.nextID++
	}
	return nil
}

// FlushDocs masks every document queued so far and hands it to its batch:
// after it, Mask has seen every document written.
func (w *WaveWriter) FlushDocs() error {
	if err := w.sync(); err != nil {
		return err
	}
	if len(w.pending) > 0 {
		if err := w.flushDocs(); err != nil {
			return err
		}
	}
	return w.writeMasked()
}

// flush writes every buffered row.
func (w *WaveWriter) flush() error {
	if err := w.FlushDocs(); err != nil {
		return err
	}
	for _, b := range []*batch{w.resp, w.ans, w.doc} {
		if err := b.flush(); err != nil {
			return err
		}
	}
	return nil
}

// Masking records what masking replaced in the wave, by kind. Call
// FlushDocs first, so that every document queued is masked.
func (w *WaveWriter) Masking(kind string, n, docs int) error {
	if err := w.FlushDocs(); err != nil {
		return err
	}
	_, err := w.tx.Exec(`INSERT INTO masking (wave_id, kind, n, docs) VALUES (?,?,?,?)`, w.wave, kind, n, docs)
	return err
}

// Quarantine records a row that was set aside.
func (w *WaveWriter) Quarantine(q ingest.Quarantined) error {
	if err := w.sync(); err != nil {
		return err
	}
	var col any
	if q.Column > 0 {
		col = q.Column
	}
	_, err := w.quar.Exec(w.wave, q.SourcePath, q.Line, col, nullStr(q.ColumnName), q.Reason, q.Raw)
	return err
}

// Workshop records a workshop file.
func (w *WaveWriter) Workshop(ws ingest.Workshop) error {
	if err := w.sync(); err != nil {
		return err
	}
	_, err := w.tx.Exec(`INSERT OR REPLACE INTO workshops (wave_id, workshop_id, title, date, area, source_path, kind, skipped, frames) VALUES (?,?,?,?,?,?,?,?,?)`,
		w.wave, ws.ID, nullStr(ws.Title), nullStr(ws.Date), nullStr(ws.Area), ws.SourcePath, ws.Kind, ws.Skipped, ws.Frames)
	return err
}

// deleteWave removes every row belonging to a wave, including analysis
// results that were computed from it.
func deleteWave(tx *sql.Tx, wave string) error {
	stmts := []string{
		`DELETE FROM doc_terms WHERE doc_id IN (SELECT doc_id FROM docs WHERE wave_id = ?1)`,
		`DELETE FROM doc_themes WHERE doc_id IN (SELECT doc_id FROM docs WHERE wave_id = ?1)`,
		`DELETE FROM doc_codes WHERE doc_id IN (SELECT doc_id FROM docs WHERE wave_id = ?1)`,
		`DELETE FROM crosstab_cells WHERE crosstab_id IN (SELECT crosstab_id FROM crosstabs WHERE wave_id = ?1)`,
		`DELETE FROM crosstabs WHERE wave_id = ?1`,
		`DELETE FROM themes WHERE wave_id = ?1`,
		`DELETE FROM tallies WHERE wave_id = ?1`,
		`DELETE FROM representativeness WHERE wave_id = ?1`,
		`DELETE FROM representativeness_tests WHERE wave_id = ?1`,
		`DELETE FROM weighting WHERE wave_id = ?1`,
		`DELETE FROM margin_of_error WHERE wave_id = ?1`,
		`DELETE FROM cs_fields WHERE wave_id = ?1`,
		`DELETE FROM wave_changes WHERE wave_from = ?1 OR wave_to = ?1`,
		`DELETE FROM question_stats WHERE wave_id = ?1`,
		`DELETE FROM docs WHERE wave_id = ?1`,
		`DELETE FROM masking WHERE wave_id = ?1`,
		`DELETE FROM theme_stability WHERE wave_id = ?1`,
		`DELETE FROM answers WHERE wave_id = ?1`,
		`DELETE FROM respondents WHERE wave_id = ?1`,
		`DELETE FROM quarantine WHERE wave_id = ?1`,
		`DELETE FROM workshops WHERE wave_id = ?1`,
		`DELETE FROM options WHERE wave_id = ?1`,
		`DELETE FROM questions WHERE wave_id = ?1`,
		`DELETE FROM waves WHERE wave_id = ?1`,
	}
	for _, q := range stmts {
		if _, err := tx.Exec(q, wave); err != nil {
			return err
		}
	}
	return deleteWaveNetworks(tx, wave)
}

func nullStr(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// DeferAnswerIndexes makes ReplaceWave leave the answers table without its
// indexes, for BuildAnswerIndexes to build once after the last wave, while
// something else goes on (koe run builds them beside its report): each one
// costs a sort of every answer of every wave (about 38 s for a million
// respondents' 35 million answers).
func (s *DB) DeferAnswerIndexes() { s.laterIndexes = true }

// BuildAnswerIndexes builds the answers indexes that DeferAnswerIndexes put
// off, in a transaction of its own, and stops deferring them.
func (s *DB) BuildAnswerIndexes(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// SQLite's sorter may merge on a helper thread: the index is built
	// alone, with a core to spare.
	if _, err := tx.ExecContext(ctx, `PRAGMA threads = 2`); err != nil {
		return err
	}
	if err := createAnswerIndexes(ctx, tx); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `PRAGMA threads = 0`); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	s.laterIndexes = false
	return nil
}

// createAnswerIndexes builds them with ctx, so that Ctrl-C interrupts a
// sort that takes half a minute on a million respondents.
func createAnswerIndexes(ctx context.Context, tx *sql.Tx) error {
	for _, ix := range answerIndexes {
		if _, err := tx.ExecContext(ctx, ix.create); err != nil {
			return fmt.Errorf("index answers: %w", err)
		}
	}
	return nil
}

// answerIndexes are the answers table's indexes, dropped while a wave loads
// and built again after it; schema.sql creates the same ones.
//
// There is no index by question: with a few dozen questions and a handful
// of codes each, its keys repeat so much that SQLite took 8–10 s to build
// it for 3.5 million answers (100,000 respondents), longer than loading the
// rows; a query by question reads the table through instead (0.1 s for
// those 3.5 million answers). answers_q, from earlier schemas, is dropped.
var answerIndexes = []struct{ name, create string }{
	{"answers_r", `CREATE INDEX IF NOT EXISTS answers_r ON answers (wave_id, respondent_id)`},
}
