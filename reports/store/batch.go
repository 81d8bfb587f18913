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
type batch struct {
	tx   *sql.Tx
	head string // INSERT INTO t (cols) VALUES
	ncol int
	per  int       // rows per full statement
	full *sql.Stmt // prepared on first use
	args []any
}

// maxParams stays under SQLite's default SQLITE_MAX_VARIABLE_NUMBER
// (32766 since 3.32.0).
const maxParams = 32766

func newBatch(tx *sql.Tx, table string, cols ...string) *batch {
	per := min(512, maxParams/len(cols))
	return &batch{tx: tx, head: "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES ",
		ncol: len(cols), per: per, args: make([]any, 0, per*len(cols))}
}

func (b *batch) values(rows int) string {
	one := "(" + strings.TrimSuffix(strings.Repeat("?,", b.ncol), ",") + ")"
	return b.head + strings.TrimSuffix(strings.Repeat(one+",", rows), ",")
}

// add buffers one row; vals must have one value per column.
func (b *batch) add(vals ...any) error {
	b.args = append(b.args, vals...)
	if len(b.args) < b.per*b.ncol {
		return nil
	}
	if b.full == nil {
		st, err := b.tx.Prepare(b.values(b.per))
		if err != nil {
			return err
		}
		b.full = st
	}
	_, err := b.full.Exec(b.args...)
	b.args = b.args[:0]
	return err
}

// flush writes what is buffered.
func (b *batch) flush() error {
	if len(b.args) == 0 {
		return nil
	}
	_, err := b.tx.Exec(b.values(len(b.args)/b.ncol), b.args...)
	b.args = b.args[:0]
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
