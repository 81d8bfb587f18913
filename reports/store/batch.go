package store

import (
	"database/sql"
	"fmt"
	"strings"
)

// batch buffers the rows of one INSERT and writes them many to a
// statement. Going through database/sql and cgo costs a few microseconds
// per Exec whatever the statement holds, so a million respondents' answers
// (tens of millions of rows) row by row spend most of ingest in that
// overhead; a multi-row VALUES list pays it once per batch.
//
// A batch made by newSharedBatch binds its first column once per statement
// as ?1 (every row of a wave's answers has the same wave_id): each bound
// value is a cgo call and a conversion, and the answers of a large survey
// are bound tens of millions of times.
type batch struct {
	tx     *sql.Tx
	head   string // INSERT INTO t (cols) VALUES
	ncol   int    // values per row that add passes
	shared bool   // the first column is ?1, bound once per statement
	per    int    // rows per full statement
	full   *sql.Stmt
	args   []any
	rows   int
}

// maxParams stays under SQLite's default SQLITE_MAX_VARIABLE_NUMBER
// (32766 since 3.32.0).
const maxParams = 32766

// maxRows is the most rows one statement holds: beyond it a longer SQL text
// costs more to prepare than the fewer Execs save.
const maxRows = 1024

func newBatch(tx *sql.Tx, table string, cols ...string) *batch {
	per := min(maxRows, maxParams/len(cols))
	return &batch{tx: tx, head: "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES ",
		ncol: len(cols), per: per, args: make([]any, 0, per*len(cols))}
}

// newSharedBatch is newBatch whose first column has the value first in
// every row; add then takes the other columns' values.
func newSharedBatch(tx *sql.Tx, first any, table string, cols ...string) *batch {
	per := min(maxRows, (maxParams-1)/(len(cols)-1))
	b := &batch{tx: tx, head: "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES ",
		ncol: len(cols) - 1, shared: true, per: per, args: make([]any, 0, 1+per*(len(cols)-1))}
	b.args = append(b.args, first)
	return b
}

func (b *batch) values(rows int) string {
	// SQLite numbers a bare ? one past the largest number used so far, so
	// "(?1,?,?)" rows after the first continue at ?4, ?6, … as bound below.
	one := "(" + strings.TrimSuffix(strings.Repeat("?,", b.ncol), ",") + ")"
	if b.shared {
		one = "(?1," + one[1:]
	}
	var sb strings.Builder
	sb.Grow(len(b.head) + rows*(len(one)+1))
	sb.WriteString(b.head)
	for i := range rows {
		if i > 0 {
			sb.WriteByte(',')
		}
		sb.WriteString(one)
	}
	return sb.String()
}

// add buffers one row; vals must have one value per (unshared) column.
func (b *batch) add(vals ...any) error {
	b.args = append(b.args, vals...)
	b.rows++
	if b.rows < b.per {
		return nil
	}
	if b.full == nil {
		st, err := b.tx.Prepare(b.values(b.per))
		if err != nil {
			return err
		}
		b.full = st
	}
	err := execFused(b.full.Query(b.args...))
	b.reset()
	return err
}

// execFused finishes an INSERT (or any statement that returns no rows) run
// through Query instead of Exec. go-sqlite3 binds a Query's arguments and
// takes its first step in one cgo call, where Exec makes a cgo call per
// argument: with a thousand rows of five values per statement, that was
// most of what writing a survey's answers cost (half again as fast on
// 3.5M answers, 7.4 s → 5.0 s). The first step is the whole statement when
// it returns no rows, so it has run when Query returns; an error it met
// comes back from Query or from Close.
func execFused(rows *sql.Rows, err error) error {
	if err != nil {
		return err
	}
	for rows.Next() {
	}
	if err := rows.Err(); err != nil {
		rows.Close()
		return err
	}
	return rows.Close()
}

func (b *batch) reset() {
	if b.shared {
		b.args = b.args[:1]
	} else {
		b.args = b.args[:0]
	}
	b.rows = 0
}

// flush writes what is buffered.
func (b *batch) flush() error {
	if b.rows == 0 {
		return nil
	}
	err := execFused(b.tx.Query(b.values(b.rows), b.args...))
	b.reset()
	if err != nil {
		return fmt.Errorf("%s…: %w", b.head, err)
	}
	return nil
}

func (b *batch) close() {
	if b.full != nil {
		b.full.Close()
	}
}

// interner hands out one boxed value per distinct string or number, so
// that binding the same question id, option code or score again does not
// allocate a new interface value each time.
type interner struct {
	strs map[string]any
	nums map[float64]any
}

func (in *interner) str(s string) any {
	if s == "" {
		return nil
	}
	if v, ok := in.strs[s]; ok {
		return v
	}
	if in.strs == nil || len(in.strs) > 1<<16 {
		in.strs = map[string]any{} // a column of unique values: stop remembering
	}
	v := any(s)
	in.strs[s] = v
	return v
}

func (in *interner) num(f float64) any {
	if v, ok := in.nums[f]; ok {
		return v
	}
	if in.nums == nil || len(in.nums) > 1<<16 {
		in.nums = map[float64]any{}
	}
	v := any(f)
	in.nums[f] = v
	return v
}
