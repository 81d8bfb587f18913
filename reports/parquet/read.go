package parquet

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unsafe"

	"github.com/apache/arrow/go/v17/arrow/array"
)

// chunkRows is the span of rowids one query reads. Every query costs a
// statement step and a few cgo calls however many rows it returns, so
// larger spans are cheaper (measured on a generated 100,000-respondent
// study: 8,192 cost 0.4 s more CPU than 32,768 over 3.5 million answers);
// the decoded chunk is held whole, so the span also bounds memory
// (about 1.3 MB of answers, 5 MB of documents).
const chunkRows = 1 << 15

// The bulk encoding of a chunk: every value of every row, in row then
// column order, is us followed by the value's text, or gs alone for NULL.
// A chunk is trusted only when it holds exactly rows×columns of these two
// bytes, so a value containing either (which text may) cannot be
// mistaken for a boundary: the chunk is read again row by row instead.
const (
	us = 0x1f
	gs = 0x1d
)

// bulkRead is false only in tests, to export the same database both ways.
var bulkRead = true

// reader reads one table's rows in chunks of rowids. Reading rows one at a
// time through database/sql costs a cgo call and an interface value per
// row and column (5.4 s of CPU for the 3.5 million answers of a generated
// 100,000-respondent study, more than encoding the file); one query per
// chunk that concatenates the chunk's rows into a single string in SQLite
// and splits it in Go costs about half. Chunks the bulk encoding cannot
// represent exactly, and tables whose declared types do not guarantee it,
// are read row by row, which is what defines the output.
type reader struct {
	t      table
	bulk   *sql.Stmt // nil: every chunk row by row
	rows   *sql.Stmt
	seek   *sql.Stmt
	lo, hi int64 // the table's rowids; hi < lo when it is empty
	c      chunk
	// waveCol is the wave_id column of a table read by wave, left out of
	// the bulk encoding: every row of a wave's query holds the wave's id,
	// byte for byte (bulkSafe), so it need not be read 3.5 million times.
	waveCol int
	// Chunks read each way, for tests.
	bulkChunks, rowChunks int

	// Scan targets of the row-by-row path.
	vals []any
	strs []sql.NullString
	ints []sql.NullInt64
	flts []sql.NullFloat64
}

func newReader(tx *sql.Tx, t table) (_ *reader, err error) {
	r := &reader{t: t, lo: 1, hi: 0, waveCol: -1}
	if t.byWave {
		for i, c := range t.cols {
			if c.name == "wave_id" {
				r.waveCol = i
			}
		}
	}
	defer func() {
		if err != nil {
			r.close()
		}
	}()
	names := make([]string, len(t.cols))
	for i, c := range t.cols {
		names[i] = c.name
	}
	where := "rowid BETWEEN ?1 AND ?2"
	if t.byWave {
		where = "wave_id = ?3 AND " + where
	}
	from := " FROM " + t.name + " NOT INDEXED WHERE " + where
	if r.rows, err = tx.Prepare("SELECT " + strings.Join(names, ", ") + from + " ORDER BY rowid"); err != nil {
		return nil, fmt.Errorf("query: %w", err)
	}
	if r.seek, err = tx.Prepare("SELECT min(rowid) FROM " + t.name + " WHERE rowid >= ?"); err != nil {
		return nil, fmt.Errorf("query: %w", err)
	}
	var lo, hi sql.NullInt64
	if err := tx.QueryRow("SELECT min(rowid), max(rowid) FROM "+t.name).Scan(&lo, &hi); err != nil {
		return nil, fmt.Errorf("query: %w", err)
	}
	if lo.Valid {
		r.lo, r.hi = lo.Int64, hi.Int64
	}
	ok, err := bulkSafe(tx, t)
	if err != nil {
		return nil, err
	}
	if ok && bulkRead {
		if r.bulk, err = tx.Prepare(bulkQuery(t.cols, r.waveCol) + from); err != nil {
			return nil, fmt.Errorf("query: %w", err)
		}
	}
	r.c.cols = make([]colData, len(t.cols))
	r.vals = make([]any, len(t.cols))
	r.strs = make([]sql.NullString, len(t.cols))
	r.ints = make([]sql.NullInt64, len(t.cols))
	r.flts = make([]sql.NullFloat64, len(t.cols))
	for i, c := range t.cols {
		switch c.kind {
		case text:
			r.vals[i] = &r.strs[i]
		case integer:
			r.vals[i] = &r.ints[i]
		case real:
			r.vals[i] = &r.flts[i]
		}
	}
	return r, nil
}

func (r *reader) close() {
	for _, st := range []*sql.Stmt{r.bulk, r.rows, r.seek} {
		if st != nil {
			st.Close()
		}
	}
}

// bulkSafe reports whether the bulk encoding of t's values is the same as
// what database/sql scans from them. That holds for a UTF-8 database whose
// columns are declared exactly as schema.sql declares them: TEXT affinity
// stores numbers as text (so SQLite never formats a number for a text
// column, which Go would format differently), REAL affinity stores -0.0 as
// 0 (which the integer shortcut in bulkQuery relies on), and the driver
// converts values by declared type only for other names (DATETIME, BOOLEAN).
// Without a COLLATE clause wave_id compares bytes, so a row matching
// wave_id = ? holds exactly the wave's id. Anything else, a hand-made
// database say, is read row by row.
func bulkSafe(tx *sql.Tx, t table) (bool, error) {
	var enc, ddl string
	if err := tx.QueryRow("PRAGMA encoding").Scan(&enc); err != nil {
		return false, fmt.Errorf("query: %w", err)
	}
	if err := tx.QueryRow("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?", t.name).Scan(&ddl); err != nil {
		return false, fmt.Errorf("query: %w", err)
	}
	if enc != "UTF-8" || strings.Contains(strings.ToUpper(ddl), "COLLATE") {
		return false, nil
	}
	rows, err := tx.Query("SELECT name, type FROM pragma_table_xinfo(?)", t.name)
	if err != nil {
		return false, fmt.Errorf("query: %w", err)
	}
	defer rows.Close()
	decl := map[string]string{}
	for rows.Next() {
		var name, typ string
		if err := rows.Scan(&name, &typ); err != nil {
			return false, fmt.Errorf("query: %w", err)
		}
		decl[name] = strings.ToUpper(typ)
	}
	if err := rows.Err(); err != nil {
		return false, fmt.Errorf("query: %w", err)
	}
	want := map[colKind]string{text: "TEXT", integer: "INTEGER", real: "REAL"}
	for _, c := range t.cols {
		if decl[c.name] != want[c.kind] {
			return false, nil
		}
	}
	return true, nil
}

// bulkQuery selects the row count and the bulk encoding of a chunk's rows.
// group_concat takes the rows in the order the rowid range is scanned, which
// is rowid order; the test comparing both paths holds SQLite to that.
//
// A REAL is written by quote(), whose %!0.17g round-trips every double
// exactly through strconv.ParseFloat (SQLite 3.54; checked on millions of
// random bit patterns, subnormals and infinities, which it writes as
// ±9.0e+999). quote(NULL) is NULL unquoted, which no number or quoted text
// or blob can be. Integral values, most of a survey's, are written as
// integers first because formatting a double costs SQLite more.
func bulkQuery(cols []column, skip int) string {
	var e strings.Builder
	for i, c := range cols {
		if i == skip {
			continue
		}
		if e.Len() > 0 {
			e.WriteString(" || ")
		}
		switch c.kind {
		case text, integer:
			fmt.Fprintf(&e, "coalesce(char(31) || %s, char(29))", c.name)
		case real:
			fmt.Fprintf(&e, "char(31) || CASE WHEN %[1]s = CAST(%[1]s AS INTEGER) THEN CAST(%[1]s AS INTEGER) ELSE quote(%[1]s) END", c.name)
		}
	}
	return "SELECT count(*), group_concat(" + e.String() + ", '')"
}

// read appends the rows of one wave (of the whole table when wave is nil)
// to out in rowid order.
func (r *reader) read(ctx context.Context, wave any, out *batches) error {
	if r.hi < r.lo {
		return nil
	}
	for lo := r.lo; ; {
		if err := ctx.Err(); err != nil {
			return err
		}
		last := r.hi
		// Unsigned, so that a span of the whole int64 range cannot overflow.
		if uint64(r.hi)-uint64(lo) >= chunkRows {
			last = lo + chunkRows - 1
		}
		args := []any{lo, last}
		if r.t.byWave {
			args = append(args, wave)
		}
		n, ok, err := r.readBulk(args)
		if err != nil {
			return err
		}
		if ok {
			r.bulkChunks++
			if err := r.c.appendTo(out, r.t.cols, r.waveCol, wave); err != nil {
				return err
			}
		} else {
			r.rowChunks++
			if n, err = r.readRows(args, out); err != nil {
				return err
			}
		}
		if last == r.hi {
			return nil
		}
		lo = last + 1
		if n == 0 {
			// Rowids may be sparse (rows deleted, or ids given explicitly):
			// jump over a gap instead of querying every span of it.
			var next sql.NullInt64
			if err := r.seek.QueryRow(lo).Scan(&next); err != nil {
				return fmt.Errorf("query: %w", err)
			}
			if !next.Valid {
				return nil
			}
			lo = next.Int64
		}
	}
}

// readBulk reads one chunk into r.c and returns its row count, or ok false
// when the chunk must be read row by row.
func (r *reader) readBulk(args []any) (n int, ok bool, err error) {
	if r.bulk == nil {
		return 0, false, nil
	}
	var s sql.NullString
	if err := r.bulk.QueryRow(args...).Scan(&n, &s); err != nil {
		return 0, false, fmt.Errorf("query: %w", err)
	}
	return n, r.c.decode(s.String, n, r.t.cols, r.waveCol), nil
}

// readRows appends a chunk's rows to out one at a time and returns how many
// there were.
func (r *reader) readRows(args []any, out *batches) (n int, err error) {
	rows, err := r.rows.Query(args...)
	if err != nil {
		return 0, fmt.Errorf("query: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		n++
		if err := rows.Scan(r.vals...); err != nil {
			return 0, fmt.Errorf("scan: %w", err)
		}
		for i, c := range r.t.cols {
			fb := out.b.Field(i)
			switch c.kind {
			case text:
				if r.strs[i].Valid {
					fb.(*array.StringBuilder).Append(r.strs[i].String)
				} else {
					fb.AppendNull()
				}
			case integer:
				if r.ints[i].Valid {
					fb.(*array.Int64Builder).Append(r.ints[i].Int64)
				} else {
					fb.AppendNull()
				}
			case real:
				if r.flts[i].Valid {
					fb.(*array.Float64Builder).Append(r.flts[i].Float64)
				} else {
					fb.AppendNull()
				}
			}
			if !c.nullable && !isValid(c.kind, r.strs[i], r.ints[i], r.flts[i]) {
				return 0, fmt.Errorf("column %s is NULL in a row, but the export declares it NOT NULL", c.name)
			}
		}
		out.pending++
		if out.pending == BatchRows {
			if err := out.flush(); err != nil {
				return 0, err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("query: %w", err)
	}
	return n, nil
}

func isValid(k colKind, s sql.NullString, i sql.NullInt64, f sql.NullFloat64) bool {
	switch k {
	case text:
		return s.Valid
	case integer:
		return i.Valid
	default:
		return f.Valid
	}
}

// chunk is one decoded bulk chunk, a column at a time. Text values are
// substrings of the query's result, copied only by the Arrow builders.
type chunk struct {
	n    int
	cols []colData
}

type colData struct {
	strs  []string
	ints  []int64
	flts  []float64
	valid []bool
	nulls int
}

// decode splits s, the bulk encoding of n rows, into c. It returns false,
// leaving c unusable, for anything the row-by-row path might read
// differently: a value containing a boundary byte, a number that does not
// parse as SQLite writes numbers (text or a blob in a number column), a
// NULL where the export declares none (so that the row path reports it).
// Column skip is not in the encoding.
func (c *chunk) decode(s string, n int, cols []column, skip int) bool {
	if n == 0 {
		c.n = 0
		return true
	}
	encoded := len(cols)
	if skip >= 0 {
		encoded--
	}
	if strings.Count(s, string(rune(us)))+strings.Count(s, string(rune(gs))) != n*encoded {
		return false
	}
	c.n = n
	for i, col := range cols {
		if i == skip {
			continue
		}
		d := &c.cols[i]
		d.nulls = 0
		d.valid = grow(d.valid, n)
		switch col.kind {
		case text:
			d.strs = grow(d.strs, n)
		case integer:
			d.ints = grow(d.ints, n)
		case real:
			d.flts = grow(d.flts, n)
		}
	}
	pos := 0
	for row := range n {
		for i, col := range cols {
			if i == skip {
				continue
			}
			d := &c.cols[i]
			m := s[pos]
			pos++
			end := pos
			for end < len(s) && s[end] != us && s[end] != gs {
				end++
			}
			v := s[pos:end]
			pos = end
			var null bool
			switch {
			case m == gs:
				null = v == ""
				if !null {
					return false
				}
			case m != us:
				return false
			case col.kind == real && v == "NULL":
				null = true
			}
			if null {
				if !col.nullable {
					return false
				}
				d.valid[row] = false
				d.nulls++
				switch col.kind {
				case text:
					d.strs[row] = ""
				case integer:
					d.ints[row] = 0
				case real:
					d.flts[row] = 0
				}
				continue
			}
			d.valid[row] = true
			switch col.kind {
			case text:
				d.strs[row] = v
			case integer:
				x, err := strconv.ParseInt(v, 10, 64)
				if err != nil {
					return false
				}
				d.ints[row] = x
			case real:
				x, err := strconv.ParseFloat(v, 64)
				if err != nil && !(errors.Is(err, strconv.ErrRange) && math.IsInf(x, 0)) {
					return false
				}
				d.flts[row] = x
			}
		}
	}
	return pos == len(s)
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// appendTo appends the chunk's rows to out, flushing at every BatchRows.
// Column skip holds wave in every row.
func (c *chunk) appendTo(out *batches, cols []column, skip int, wave any) error {
	for from := 0; from < c.n; {
		to := min(c.n, from+BatchRows-out.pending)
		for i, col := range cols {
			if i == skip {
				sb := out.b.Field(i).(*array.StringBuilder)
				sb.Reserve(to - from)
				w := wave.(string)
				for range to - from {
					sb.BinaryBuilder.Append(unsafe.Slice(unsafe.StringData(w), len(w)))
				}
				continue
			}
			d := &c.cols[i]
			var valid []bool
			if d.nulls > 0 {
				valid = d.valid[from:to]
			}
			switch col.kind {
			case text:
				sb := out.b.Field(i).(*array.StringBuilder)
				sb.Reserve(to - from)
				for j, v := range d.strs[from:to] {
					if valid != nil && !valid[j] {
						sb.AppendNull()
						continue
					}
					// Append copies; converting with []byte(v) would copy
					// twice, once into a fresh allocation.
					sb.BinaryBuilder.Append(unsafe.Slice(unsafe.StringData(v), len(v)))
				}
			case integer:
				out.b.Field(i).(*array.Int64Builder).AppendValues(d.ints[from:to], valid)
			case real:
				out.b.Field(i).(*array.Float64Builder).AppendValues(d.flts[from:to], valid)
			}
		}
		out.pending += to - from
		from = to
		if out.pending == BatchRows {
			if err := out.flush(); err != nil {
				return err
			}
		}
	}
	return nil
}
