package parquet

import (
	"bufio"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/memory"
	pq "github.com/apache/arrow/go/v17/parquet"
	"github.com/apache/arrow/go/v17/parquet/compress"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"
)

// BatchRows is how many rows go into one Arrow record batch (and so one
// Parquet row group). It bounds memory: a table of millions of answers is
// never held whole.
const BatchRows = 64 * 1024

// colKind is the SQL value shape of an exported column.
type colKind int

const (
	text colKind = iota
	integer
	real
)

type column struct {
	name     string
	kind     colKind
	nullable bool
}

// table describes one exported file: the query and its columns in select
// order. Rows come in wave order, then in the order ingest stored them
// (rowid: the survey file's order), so the same database always gives the
// same bytes and analysts see the rows as in their file.
type table struct {
	file  string
	query string
	// byWave: query takes a wave id and is run once per wave, in the
	// waves' order (waves missing from the waves table first, by id), so
	// SQLite reads each wave's rows in stored order instead of sorting a
	// million respondents' answers by wave before the first row.
	byWave bool
	name   string // the table, for listing its waves
	cols   []column
}

// tables lists the exports. docs deliberately leaves out docs.text: only the
// masked text may leave the database.
var tables = []table{
	{
		file: "respondents.parquet", byWave: true, name: "respondents",
		query: `SELECT wave_id, respondent_id, line, weight
			FROM respondents NOT INDEXED WHERE wave_id = ? ORDER BY rowid`,
		cols: []column{
			{"wave_id", text, false},
			{"respondent_id", text, false},
			{"line", integer, true},
			{"weight", real, false},
		},
	},
	{
		file: "answers.parquet", byWave: true, name: "answers",
		query: `SELECT wave_id, respondent_id, question_id, code, value_num
			FROM answers NOT INDEXED WHERE wave_id = ? ORDER BY rowid`,
		cols: []column{
			{"wave_id", text, false},
			{"respondent_id", text, false},
			{"question_id", text, false},
			{"code", text, true},
			{"value_num", real, true},
		},
	},
	{
		file: "docs.parquet",
		query: `SELECT doc_id, wave_id, source, respondent_id, question_id, workshop_id,
				grp, speaker, line, text_masked
			FROM docs ORDER BY doc_id`,
		cols: []column{
			{"doc_id", integer, false},
			{"wave_id", text, false},
			{"source", text, false},
			{"respondent_id", text, true},
			{"question_id", text, true},
			{"workshop_id", text, true},
			{"grp", text, true},
			{"speaker", text, true},
			{"line", integer, true},
			{"text_masked", text, true},
		},
	},
}

// Files are the names Write creates in its directory, in writing order.
func Files() []string {
	out := make([]string, len(tables))
	for i, t := range tables {
		out[i] = t.file
	}
	return out
}

// Write exports respondents, answers and docs from db into dir (created if
// needed) as respondents.parquet, answers.parquet and docs.parquet. Each
// file is written to a temporary name and renamed into place only when
// complete, so a failed export never leaves a truncated file that looks
// finished.
func Write(db *sql.DB, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("parquet: %w", err)
	}
	for _, t := range tables {
		if err := writeFile(db, dir, t); err != nil {
			return fmt.Errorf("parquet: write %s: %w", filepath.Join(dir, t.file), err)
		}
	}
	return nil
}

func writeFile(db *sql.DB, dir string, t table) (err error) {
	tmp, err := os.CreateTemp(dir, "."+t.file+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	// The Parquet writer closes its sink when done; a bufio.Writer has no
	// Close, so the file stays open for Sync and the rename below.
	bw := bufio.NewWriterSize(tmp, 1<<20)
	if err = export(db, t, bw); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), filepath.Join(dir, t.file))
}

func schemaOf(t table) *arrow.Schema {
	fields := make([]arrow.Field, len(t.cols))
	for i, c := range t.cols {
		var typ arrow.DataType
		switch c.kind {
		case text:
			typ = arrow.BinaryTypes.String
		case integer:
			typ = arrow.PrimitiveTypes.Int64
		case real:
			typ = arrow.PrimitiveTypes.Float64
		}
		fields[i] = arrow.Field{Name: c.name, Type: typ, Nullable: c.nullable}
	}
	return arrow.NewSchema(fields, nil)
}

// export streams the query's rows into batches of BatchRows and writes each
// batch as a row group.
func export(db *sql.DB, t table, w io.Writer) error {
	mem := memory.NewGoAllocator()
	sc := schemaOf(t)
	props := pq.NewWriterProperties(
		pq.WithCompression(compress.Codecs.Snappy),
		pq.WithAllocator(mem),
		pq.WithMaxRowGroupLength(BatchRows),
	)
	fw, err := pqarrow.NewFileWriter(sc, w, props, pqarrow.NewArrowWriterProperties(pqarrow.WithStoreSchema()))
	if err != nil {
		return err
	}
	// Close is idempotent; the deferred call only matters on error paths.
	defer fw.Close()
	b := array.NewRecordBuilder(mem, sc)
	defer b.Release()

	waves := []any{nil}
	if t.byWave {
		var err error
		if waves, err = wavesOf(db, t.name); err != nil {
			return err
		}
	}

	vals := make([]any, len(t.cols))
	strs := make([]sql.NullString, len(t.cols))
	ints := make([]sql.NullInt64, len(t.cols))
	flts := make([]sql.NullFloat64, len(t.cols))
	for i, c := range t.cols {
		switch c.kind {
		case text:
			vals[i] = &strs[i]
		case integer:
			vals[i] = &ints[i]
		case real:
			vals[i] = &flts[i]
		}
	}
	pending := 0
	flush := func() error {
		rec := b.NewRecord()
		defer rec.Release()
		pending = 0
		return fw.Write(rec)
	}
	for _, wave := range waves {
		var args []any
		if t.byWave {
			args = []any{wave}
		}
		rows, err := db.Query(t.query, args...)
		if err != nil {
			return fmt.Errorf("query: %w", err)
		}
		err = appendRows(rows, t, b, vals, strs, ints, flts, &pending, flush)
		rows.Close()
		if err != nil {
			return err
		}
	}
	// A file with no rows still gets its schema; an empty row group is not
	// needed for that.
	if pending > 0 {
		if err := flush(); err != nil {
			return err
		}
	}
	return fw.Close()
}

// wavesOf lists the wave ids of a table's rows in export order: ids the
// waves table lacks first (as a join to it would sort them), then the
// waves' own order.
func wavesOf(db *sql.DB, table string) ([]any, error) {
	rows, err := db.Query(`SELECT wave_id FROM (SELECT DISTINCT wave_id FROM ` + table + ` NOT INDEXED
			WHERE wave_id NOT IN (SELECT wave_id FROM waves) ORDER BY wave_id)
		UNION ALL SELECT wave_id FROM (SELECT wave_id FROM waves ORDER BY ord, wave_id)`)
	if err != nil {
		return nil, fmt.Errorf("list waves: %w", err)
	}
	defer rows.Close()
	var out []any
	for rows.Next() {
		var w string
		if err := rows.Scan(&w); err != nil {
			return nil, err
		}
		out = append(out, w)
	}
	return out, rows.Err()
}

func appendRows(rows *sql.Rows, t table, b *array.RecordBuilder, vals []any, strs []sql.NullString,
	ints []sql.NullInt64, flts []sql.NullFloat64, pending *int, flush func() error) error {
	for rows.Next() {
		if err := rows.Scan(vals...); err != nil {
			return fmt.Errorf("scan: %w", err)
		}
		for i, c := range t.cols {
			fb := b.Field(i)
			switch c.kind {
			case text:
				if strs[i].Valid {
					fb.(*array.StringBuilder).Append(strs[i].String)
				} else {
					fb.AppendNull()
				}
			case integer:
				if ints[i].Valid {
					fb.(*array.Int64Builder).Append(ints[i].Int64)
				} else {
					fb.AppendNull()
				}
			case real:
				if flts[i].Valid {
					fb.(*array.Float64Builder).Append(flts[i].Float64)
				} else {
					fb.AppendNull()
				}
			}
			if !c.nullable && !isValid(c.kind, strs[i], ints[i], flts[i]) {
				return fmt.Errorf("column %s is NULL in a row, but the export declares it NOT NULL", c.name)
			}
		}
		*pending++
		if *pending == BatchRows {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("query: %w", err)
	}
	return nil
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
