package parquet

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"slices"

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

// table describes one exported file: the table it reads and its columns in
// select order. Rows come in wave order, then in the order ingest stored
// them (rowid: the survey file's order; docs' doc_id is its rowid), so the
// same database always gives the same bytes and analysts see the rows as in
// their file.
type table struct {
	file string
	name string
	// byWave: the table is read once per wave, in the waves' order (waves
	// missing from the waves table first, by id), each time in stored
	// order, instead of sorting a million respondents' answers by wave
	// before the first row.
	byWave bool
	cols   []column
}

// tables lists the exports. docs deliberately leaves out docs.text: only the
// masked text may leave the database.
var tables = []table{
	{
		file: "respondents.parquet", name: "respondents", byWave: true,
		cols: []column{
			{"wave_id", text, false},
			{"respondent_id", text, false},
			{"line", integer, true},
			{"weight", real, false},
		},
	},
	{
		file: "answers.parquet", name: "answers", byWave: true,
		cols: []column{
			{"wave_id", text, false},
			{"respondent_id", text, false},
			{"question_id", text, false},
			{"code", text, true},
			{"value_num", real, true},
		},
	},
	{
		file: "docs.parquet", name: "docs",
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
	return WriteContext(context.Background(), db, dir)
}

// WriteContext is Write that gives up, leaving no file of the table it was
// writing, once ctx is done (it looks between chunks of rows).
func WriteContext(ctx context.Context, db *sql.DB, dir string) error {
	return WriteFiles(ctx, db, dir, Files())
}

// WriteFiles is WriteContext for some of the files only, named as Files
// names them; they are written in Files' order whatever the order of
// files. koe run writes answers and docs, which only ingest changes, while
// the analysis still sets respondents' weights.
func WriteFiles(ctx context.Context, db *sql.DB, dir string, files []string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("parquet: %w", err)
	}
	for _, f := range files {
		if !slices.Contains(Files(), f) {
			return fmt.Errorf("parquet: no export is called %s", f)
		}
	}
	for _, t := range tables {
		if !slices.Contains(files, t.file) {
			continue
		}
		if err := writeFile(ctx, db, dir, t); err != nil {
			return fmt.Errorf("parquet: write %s: %w", filepath.Join(dir, t.file), err)
		}
	}
	return nil
}

func writeFile(ctx context.Context, db *sql.DB, dir string, t table) error {
	f, err := create(dir, t)
	if err != nil {
		return err
	}
	if err := export(ctx, db, t, f.out); err != nil {
		f.abort()
		return err
	}
	return f.commit()
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

// fileOut is one export file being written: rows appended to out go into
// a temporary file beside the file's name, which commit renames into
// place once the file is complete, so a failed export never leaves a
// truncated file that looks finished. Whatever feeds it, the same rows in
// the same order give the same bytes.
type fileOut struct {
	name string
	tmp  *os.File
	bw   *bufio.Writer
	fw   *pqarrow.FileWriter
	out  *batches
}

func create(dir string, t table) (_ *fileOut, err error) {
	tmp, err := os.CreateTemp(dir, "."+t.file+".*.tmp")
	if err != nil {
		return nil, err
	}
	f := &fileOut{name: filepath.Join(dir, t.file), tmp: tmp}
	defer func() {
		if err != nil {
			f.abort()
		}
	}()
	// The Parquet writer closes its sink when done; a bufio.Writer has no
	// Close, so the file stays open for Sync and the rename.
	f.bw = bufio.NewWriterSize(tmp, 1<<20)
	mem := memory.NewGoAllocator()
	sc := schemaOf(t)
	props := pq.NewWriterProperties(
		pq.WithCompression(compress.Codecs.Snappy),
		pq.WithAllocator(mem),
		pq.WithMaxRowGroupLength(BatchRows),
	)
	if f.fw, err = pqarrow.NewFileWriter(sc, f.bw, props, pqarrow.NewArrowWriterProperties(pqarrow.WithStoreSchema())); err != nil {
		return nil, err
	}
	f.out = &batches{b: array.NewRecordBuilder(mem, sc), fw: f.fw}
	return f, nil
}

// commit writes the last rows and the footer and renames the file into
// place.
func (f *fileOut) commit() (err error) {
	defer func() {
		if err != nil {
			f.abort()
		}
	}()
	// A file with no rows still gets its schema; an empty row group is not
	// needed for that.
	if f.out.pending > 0 {
		if err = f.out.flush(); err != nil {
			return err
		}
	}
	if err := f.fw.Close(); err != nil {
		return err
	}
	f.release()
	if err := f.bw.Flush(); err != nil {
		return err
	}
	if err := f.tmp.Sync(); err != nil {
		return err
	}
	if err := f.tmp.Close(); err != nil {
		return err
	}
	// os.CreateTemp makes the file readable by its owner only; the export
	// is for colleagues too, like the database and the report beside it.
	if err := os.Chmod(f.tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(f.tmp.Name(), f.name)
}

func (f *fileOut) release() {
	if f.out != nil {
		f.out.b.Release()
		f.out = nil
	}
}

// abort removes the temporary file; the file's name is left as it was.
func (f *fileOut) abort() {
	if f.fw != nil {
		f.fw.Close() // idempotent
	}
	f.release()
	f.tmp.Close()
	os.Remove(f.tmp.Name())
}

// export reads the table's rows into out, which cuts them into batches of
// BatchRows and writes each batch as a row group.
func export(ctx context.Context, db *sql.DB, t table, out *batches) error {
	// The table is read in many small queries; one read transaction makes
	// them all see the same snapshot, as a single query would.
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	r, err := newReader(tx, t)
	if err != nil {
		return err
	}
	defer r.close()
	waves := []any{nil}
	if t.byWave {
		if waves, err = wavesOf(tx, t.name); err != nil {
			return err
		}
	}
	for _, wave := range waves {
		if err := r.read(ctx, wave, out); err != nil {
			return err
		}
	}
	return nil
}

// batches cuts the rows appended to b into record batches of exactly
// BatchRows (the last one shorter), whichever queries they came from, so
// row groups do not depend on how the table was read.
type batches struct {
	b       *array.RecordBuilder
	fw      *pqarrow.FileWriter
	pending int
}

func (o *batches) flush() error {
	rec := o.b.NewRecord()
	defer rec.Release()
	o.pending = 0
	return o.fw.Write(rec)
}

// wavesOf lists the wave ids of a table's rows in export order: ids the
// waves table lacks first (as a join to it would sort them), then the
// waves' own order.
func wavesOf(tx *sql.Tx, table string) ([]any, error) {
	rows, err := tx.Query(`SELECT wave_id FROM (SELECT DISTINCT wave_id FROM ` + table + ` NOT INDEXED
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
