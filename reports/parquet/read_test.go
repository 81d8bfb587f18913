package parquet

import (
	"bytes"
	"context"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/memory"
	pq "github.com/apache/arrow/go/v17/parquet"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"

	"koe/reports/store"
)

// hostileTexts are values the bulk encoding must either carry exactly or
// hand to the row-by-row path: its two boundary bytes alone and inside
// text, SQL quoting, the word quote() writes for NULL, NUL bytes, newlines,
// invalid UTF-8 and the empty string.
var hostileTexts = []string{
	"", "\x1f", "\x1d", "a\x1fb", "a\x1db", "\x1f\x1d", "NULL", "'NULL'", "'", `"`, "X'00'",
	"nul\x00byte", "\x00", "line\none\r\n", "\xff\xfe invalid", "穂高🏔️", "9.0e+999",
}

// hostileFloats are doubles whose shortest decimal form needs 17 digits or
// an exponent, values at the ends of the range, and integral values above
// 2^53 and at ±2^63 (the integer shortcut's edges). -0.0 is stored as 0 in
// a REAL column and must come back the same way.
var hostileFloats = []float64{
	0, math.Copysign(0, -1), 1, -1, 0.1, 1.0 / 3, -2.0 / 3, 1e15 + 0.3, 123456789012345678,
	0x1p53 + 2, 0x1p63, -0x1p63, 0x1p64, 1e300, -1e-300, 5e-324, 2.2250738585072014e-308,
	math.MaxFloat64, -math.MaxFloat64, math.Inf(1), math.Inf(-1), 49.47, 0.874780945825526,
}

// hostileDB builds a database of three waves (one missing from the waves
// table) whose rows are interleaved, with hostile values spread through
// enough rows for several chunks and two row groups, sparse and negative
// rowids, and numbers stored as text or blobs where the schema's affinity
// lets them stay so.
func hostileDB(t *testing.T) *store.DB {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "koe.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	tx, err := db.SQL().Begin()
	if err != nil {
		t.Fatal(err)
	}
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := tx.Exec(q, args...); err != nil {
			t.Fatalf("%s %v: %v", q, args, err)
		}
	}
	for i, w := range []string{"R8", "R7"} {
		exec(`INSERT INTO waves (wave_id, ord, label, rows_read, rows_loaded, rows_quarantined) VALUES (?, ?, ?, 0, 0, 0)`, w, i+1, w)
	}
	waves := []string{"R7", "R8", "X'"}
	rng := rand.New(rand.NewPCG(8, 7))
	randFloat := func() float64 {
		for {
			if f := math.Float64frombits(rng.Uint64()); !math.IsNaN(f) {
				return f
			}
		}
	}
	const respondents = 3000
	for i := range respondents {
		var line, weight any = i + 2, rng.Float64() * 3
		switch i % 7 {
		case 1:
			line = nil
		case 2:
			line = []byte("12") // a blob stays a blob, and scans as 12
		case 3:
			line = int64(math.MinInt64) + int64(i)
		}
		switch i % 5 {
		case 1:
			weight = hostileFloats[i%len(hostileFloats)]
		case 2:
			weight = randFloat()
		}
		id := string(rune('a'+i%26)) + string(rune(0x3000+i))
		if i < 500 {
			id = hostileTexts[i%len(hostileTexts)] + id
		}
		// Rowids 20 apart: the hostile ids fill the first chunk only.
		exec(`INSERT INTO respondents (rowid, wave_id, respondent_id, line, weight) VALUES (?, ?, ?, ?, ?)`, 20*(i+1), waves[i%3], id, line, weight)
	}
	ins, err := tx.Prepare(`INSERT INTO answers (wave_id, respondent_id, question_id, code, value_num) VALUES (?, ?, ?, ?, ?)`)
	if err != nil {
		t.Fatal(err)
	}
	// Most chunks are ordinary and read in bulk; one in a few holds a value
	// it cannot carry.
	for i := range BatchRows + 30000 {
		var code, val any = "穂高", float64(i%5 - 2)
		switch {
		case i%70000 < 17:
			code = hostileTexts[i%70000]
		case i%70000 == 20:
			code = []byte{'A', us}
		case i%11 == 0:
			code = nil
		case i%13 == 0:
			code = ""
		}
		switch {
		case i%70000 == 5:
			val = "0x1p4" // text in a REAL column; database/sql parses it as 16
		case i%7 == 0:
			val = nil
		case i%3 == 0:
			val = randFloat()
		case i%17 == 0:
			val = hostileFloats[i%len(hostileFloats)]
		}
		if _, err := ins.Exec(waves[(i/1000)%3], "r"+string(rune('0'+i%10)), "q"+string(rune('a'+i%20)), code, val); err != nil {
			t.Fatal(err)
		}
	}
	ins.Close()
	exec(`INSERT INTO answers (rowid, wave_id, respondent_id, question_id, code, value_num) VALUES (1000000000000, 'R8', 'far', 'q', 'c', 1.5), (-3, 'R7', 'neg', 'q', NULL, NULL)`)
	for i := range 5000 {
		id := int64(i + 1)
		switch i {
		case 4000:
			id = 1 << 40
		case 4001:
			id = math.MaxInt64
		case 4002:
			id = -7
		}
		var text, speaker, line any = hostileTexts[i%len(hostileTexts)] + "わさび田", nil, nil
		if i%4 == 0 {
			text, speaker, line = nil, hostileTexts[(i/4)%len(hostileTexts)], i
		}
		exec(`INSERT INTO docs (doc_id, wave_id, source, respondent_id, speaker, line, text, text_masked) VALUES (?, ?, 'survey', ?, ?, ?, 'raw', ?)`,
			id, waves[i%3], hostileTexts[(i/3)%len(hostileTexts)], speaker, line, text)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	return db
}

// TestBulkMatchesRows exports a hostile database with the bulk reader and
// row by row, and requires the same bytes.
func TestBulkMatchesRows(t *testing.T) {
	db := hostileDB(t)
	bulk, rows := filepath.Join(t.TempDir(), "bulk"), filepath.Join(t.TempDir(), "rows")
	if err := Write(db.SQL(), bulk); err != nil {
		t.Fatal(err)
	}
	bulkRead = false
	err := Write(db.SQL(), rows)
	bulkRead = true
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range Files() {
		x, err := os.ReadFile(filepath.Join(bulk, f))
		if err != nil {
			t.Fatal(err)
		}
		y, err := os.ReadFile(filepath.Join(rows, f))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s: bulk export (%d bytes) differs from row-by-row export (%d bytes)", f, len(x), len(y))
		}
	}

	// The comparison means something only if both paths ran.
	for _, tb := range tables {
		t.Run(tb.name, func(t *testing.T) {
			r := readAll(t, db, tb)
			if r.bulkChunks == 0 || r.rowChunks == 0 {
				t.Errorf("chunks read in bulk %d, row by row %d: want some of each", r.bulkChunks, r.rowChunks)
			}
		})
	}
}

// TestBulkDecodesExactly checks the bulk reader against the values Go put
// into the database, beyond agreeing with the row path: every double
// (random bit patterns among them) comes back with the same bits.
func TestBulkDecodesExactly(t *testing.T) {
	db, err := store.Open(filepath.Join(t.TempDir(), "koe.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rng := rand.New(rand.NewPCG(1, 2))
	var want []float64
	for _, f := range hostileFloats {
		want = append(want, f)
	}
	for len(want) < 20000 {
		var f float64
		switch len(want) % 3 {
		case 0:
			f = math.Float64frombits(rng.Uint64())
		case 1:
			f = math.Float64frombits(rng.Uint64() & 0x800fffffffffffff) // subnormal
		default:
			f = rng.Float64() * math.Pow(10, float64(rng.IntN(40)-20))
		}
		if !math.IsNaN(f) {
			want = append(want, f)
		}
	}
	tx, err := db.SQL().Begin()
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range want {
		if _, err := tx.Exec(`INSERT INTO respondents VALUES ('R8', ?, ?, ?)`, string(rune(0x10000+i)), i, f); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	rtx, err := db.SQL().Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer rtx.Rollback()
	r, err := newReader(rtx, tables[0])
	if err != nil {
		t.Fatal(err)
	}
	defer r.close()
	n, ok, err := r.readBulk([]any{int64(1), int64(len(want)), "R8"})
	if err != nil || !ok || n != len(want) {
		t.Fatalf("readBulk = %d, %v, %v; want %d rows in bulk", n, ok, err, len(want))
	}
	for i, f := range want {
		got := r.c.cols[3].flts[i]
		if math.Float64bits(got) != math.Float64bits(f) && !(f == 0 && got == 0) {
			t.Errorf("weight %d = %v (%#x), want %v (%#x)", i, got, math.Float64bits(got), f, math.Float64bits(f))
		}
		if id := string(rune(0x10000 + i)); r.c.cols[1].strs[i] != id {
			t.Errorf("respondent_id %d = %q, want %q", i, r.c.cols[1].strs[i], id)
		}
	}
}

// readAll reads one table through a reader, returning it for its counts.
func readAll(t *testing.T, db *store.DB, tb table) *reader {
	t.Helper()
	tx, err := db.SQL().Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	r, err := newReader(tx, tb)
	if err != nil {
		t.Fatal(err)
	}
	defer r.close()
	mem := memory.NewGoAllocator()
	fw, err := pqarrow.NewFileWriter(schemaOf(tb), nopCloser{io.Discard}, pq.NewWriterProperties(), pqarrow.DefaultWriterProps())
	if err != nil {
		t.Fatal(err)
	}
	out := &batches{b: array.NewRecordBuilder(mem, schemaOf(tb)), fw: fw}
	defer out.b.Release()
	waves := []any{nil}
	if tb.byWave {
		if waves, err = wavesOf(tx, tb.name); err != nil {
			t.Fatal(err)
		}
	}
	for _, w := range waves {
		if err := r.read(context.Background(), w, out); err != nil {
			t.Fatal(err)
		}
	}
	return r
}

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }
