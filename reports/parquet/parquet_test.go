package parquet_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/apache/arrow/go/v17/parquet/file"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"

	"koe/reports/parquet"
	"koe/reports/store"
)

// manyAnswers is above parquet.BatchRows so the answers file needs two
// record batches (and so two row groups).
const manyAnswers = parquet.BatchRows + 4464

func fixture(t *testing.T) *store.DB {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "koe.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	s := db.SQL()
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := s.Exec(q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	exec(`INSERT INTO waves (wave_id, ord, label, source_path, source_sha256, encoding, rows_read, rows_loaded, rows_quarantined) VALUES ('R8', 1, '令和8年度', 'r8/survey.csv', 'ab', 'utf-8', 3, 3, 0)`)
	exec(`INSERT INTO respondents (wave_id, respondent_id, line, weight) VALUES ('R8', '1', 2, 1.0), ('R8', '2', 3, 0.5), ('R8', '3', NULL, 1.25)`)
	tx, err := s.Begin()
	if err != nil {
		t.Fatal(err)
	}
	st, err := tx.Prepare(`INSERT INTO answers (wave_id, respondent_id, question_id, code, value_num) VALUES ('R8', ?, ?, ?, ?)`)
	if err != nil {
		t.Fatal(err)
	}
	for i := range manyAnswers {
		var code, val any
		if i%3 == 0 {
			val = float64(i % 5)
		} else {
			code = "穂高"
		}
		if _, err := st.Exec(fmt.Sprint(i%3+1), fmt.Sprintf("q%05d", i), code, val); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	exec(`INSERT INTO docs (doc_id, wave_id, source, respondent_id, question_id, text, text_masked) VALUES
		(1, 'R8', 'survey', '1', 'free', '山田太郎です。わさび田を守って', '〈氏名〉です。わさび田を守って'),
		(2, 'R8', 'survey', '2', 'free', '北アルプスの眺め🏔️と「安曇野」の水', '北アルプスの眺め🏔️と「安曇野」の水')`)
	exec(`INSERT INTO docs (doc_id, wave_id, source, workshop_id, grp, speaker, line, text, text_masked) VALUES
		(3, 'R8', 'workshop', 'ws-hotaka', 'グループA', '参加者1', 12, '電話は090-1234-5678', NULL)`)
	return db
}

func readTable(t *testing.T, path string) (arrow.Table, int) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	rdr, err := file.NewParquetReader(f)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	groups := rdr.NumRowGroups()
	fr, err := pqarrow.NewFileReader(rdr, pqarrow.ArrowReadProperties{BatchSize: 1024}, memory.DefaultAllocator)
	if err != nil {
		t.Fatal(err)
	}
	tbl, err := fr.ReadTable(context.Background())
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	t.Cleanup(tbl.Release)
	return tbl, groups
}

// stringColumn flattens a string column of tbl; "<nil>" stands for NULL.
func stringColumn(t *testing.T, tbl arrow.Table, name string) []string {
	t.Helper()
	idx := tbl.Schema().FieldIndices(name)
	if len(idx) != 1 {
		t.Fatalf("no column %q in %s", name, tbl.Schema())
	}
	var out []string
	for _, ch := range tbl.Column(idx[0]).Data().Chunks() {
		a := ch.(*array.String)
		for i := range a.Len() {
			if a.IsNull(i) {
				out = append(out, "<nil>")
			} else {
				out = append(out, a.Value(i))
			}
		}
	}
	return out
}

func TestWrite(t *testing.T) {
	db := fixture(t)
	dir := filepath.Join(t.TempDir(), "parquet")
	if err := parquet.Write(db.SQL(), dir); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		file       string
		rows       int64
		rowGroups  int
		wantCols   []string
		absentCols []string
	}{
		{"respondents.parquet", 3, 1, []string{"wave_id", "respondent_id", "line", "weight"}, nil},
		// 70,000 answers in batches of 65,536: 2 row groups.
		{"answers.parquet", manyAnswers, 2, []string{"wave_id", "respondent_id", "question_id", "code", "value_num"}, nil},
		{"docs.parquet", 3, 1, []string{"doc_id", "text_masked", "speaker"}, []string{"text"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			// Readable by colleagues, as the database and report are (the
			// temporary file it was written to was the owner's only).
			if fi, err := os.Stat(filepath.Join(dir, tt.file)); err != nil || fi.Mode().Perm() != 0o644 {
				t.Errorf("mode %v (%v), want -rw-r--r--", fi.Mode(), err)
			}
			tbl, groups := readTable(t, filepath.Join(dir, tt.file))
			if tbl.NumRows() != tt.rows {
				t.Errorf("rows = %d, want %d", tbl.NumRows(), tt.rows)
			}
			if groups != tt.rowGroups {
				t.Errorf("row groups = %d, want %d", groups, tt.rowGroups)
			}
			for _, c := range tt.wantCols {
				if len(tbl.Schema().FieldIndices(c)) != 1 {
					t.Errorf("column %q missing", c)
				}
			}
			for _, c := range tt.absentCols {
				if len(tbl.Schema().FieldIndices(c)) != 0 {
					t.Errorf("column %q must not be exported", c)
				}
			}
		})
	}

	t.Run("japanese text survives", func(t *testing.T) {
		tbl, _ := readTable(t, filepath.Join(dir, "docs.parquet"))
		got := stringColumn(t, tbl, "text_masked")
		want := []string{"〈氏名〉です。わさび田を守って", "北アルプスの眺め🏔️と「安曇野」の水", "<nil>"}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("text_masked = %q, want %q", got, want)
		}
		if sp := stringColumn(t, tbl, "speaker"); sp[2] != "参加者1" {
			t.Errorf("speaker = %q, want 参加者1", sp[2])
		}
	})

	t.Run("raw text never exported", func(t *testing.T) {
		b, err := os.ReadFile(filepath.Join(dir, "docs.parquet"))
		if err != nil {
			t.Fatal(err)
		}
		for _, raw := range []string{"山田太郎", "090-1234-5678"} {
			if strings.Contains(string(b), raw) {
				t.Errorf("docs.parquet contains raw text %q", raw)
			}
		}
	})

	t.Run("no temporary files left", func(t *testing.T) {
		ents, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		if strings.Join(names, ",") != "answers.parquet,docs.parquet,respondents.parquet" {
			t.Errorf("dir holds %v", names)
		}
	})
}

func TestWriteDeterministic(t *testing.T) {
	db := fixture(t)
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	for _, d := range []string{a, b} {
		if err := parquet.Write(db.SQL(), d); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range parquet.Files() {
		x, err := os.ReadFile(filepath.Join(a, f))
		if err != nil {
			t.Fatal(err)
		}
		y, err := os.ReadFile(filepath.Join(b, f))
		if err != nil {
			t.Fatal(err)
		}
		if string(x) != string(y) {
			t.Errorf("%s differs between two exports of the same database", f)
		}
	}
}

// TestWriteFiles: a part of the export writes just those files, byte for
// byte as the whole export does, whatever order they are named in; a name
// that is not an export is refused before anything is written; a done
// context stops the export without leaving a file.
func TestWriteFiles(t *testing.T) {
	db := fixture(t)
	whole := t.TempDir()
	if err := parquet.Write(db.SQL(), whole); err != nil {
		t.Fatal(err)
	}
	part := t.TempDir()
	if err := parquet.WriteFiles(context.Background(), db.SQL(), part, []string{"docs.parquet", "answers.parquet"}); err != nil {
		t.Fatal(err)
	}
	ents, _ := os.ReadDir(part)
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != "answers.parquet docs.parquet" {
		t.Errorf("wrote %q, want answers.parquet and docs.parquet only", names)
	}
	for _, f := range names {
		x, _ := os.ReadFile(filepath.Join(whole, f))
		y, _ := os.ReadFile(filepath.Join(part, f))
		if len(x) == 0 || string(x) != string(y) {
			t.Errorf("%s: %d bytes alone, %d in the whole export, or they differ", f, len(y), len(x))
		}
	}
	none := t.TempDir()
	if err := parquet.WriteFiles(context.Background(), db.SQL(), none, []string{"answers.parquet", "answers.csv"}); err == nil || !strings.Contains(err.Error(), "answers.csv") {
		t.Errorf("an unknown file: error %v, want one naming answers.csv", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := parquet.WriteContext(ctx, db.SQL(), none); err == nil {
		t.Error("WriteContext with a done context succeeded")
	}
	if ents, _ := os.ReadDir(none); len(ents) != 0 {
		t.Errorf("%d entries left by refused or stopped exports, want 0", len(ents))
	}
}

func TestWriteEmptyDatabase(t *testing.T) {
	db, err := store.Open(filepath.Join(t.TempDir(), "koe.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	dir := t.TempDir()
	if err := parquet.Write(db.SQL(), dir); err != nil {
		t.Fatal(err)
	}
	for _, f := range parquet.Files() {
		tbl, _ := readTable(t, filepath.Join(dir, f))
		if tbl.NumRows() != 0 {
			t.Errorf("%s: rows = %d, want 0", f, tbl.NumRows())
		}
	}
}

func TestWriteFailureLeavesNoFile(t *testing.T) {
	db, err := store.Open(filepath.Join(t.TempDir(), "koe.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// A NULL in a column the export declares NOT NULL makes the export fail
	// mid-file; the half-written file must not appear under its final name.
	if _, err := db.SQL().Exec(`DROP TABLE respondents; CREATE TABLE respondents (wave_id TEXT, respondent_id TEXT, line INTEGER, weight REAL);
		INSERT INTO respondents (wave_id, respondent_id, line, weight) VALUES ('R8', NULL, 1, 1.0)`); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	err = parquet.Write(db.SQL(), dir)
	if err == nil {
		t.Fatal("Write succeeded on a NULL respondent_id")
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 0 {
		t.Errorf("dir holds %d entries after a failed export, want 0", len(ents))
	}
}

func ExampleFiles() {
	fmt.Println(strings.Join(parquet.Files(), "\n"))
	// Output:
	// respondents.parquet
	// answers.parquet
	// docs.parquet
}

// BenchmarkWrite exports a study of 10,000 respondents with 50 answers
// each (500,000 answer rows, 8 row groups).
func BenchmarkWrite(b *testing.B) {
	db, err := store.Open(filepath.Join(b.TempDir(), "koe.sqlite"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if _, err := db.SQL().Exec(`
		INSERT INTO waves (wave_id, ord, label, source_path, source_sha256, encoding, rows_read, rows_loaded, rows_quarantined) VALUES ('R8', 1, '令和8年度', 'r8/survey.csv', 'ab', 'utf-8', 10000, 10000, 0);
		WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 10000)
		INSERT INTO respondents SELECT 'R8', CAST(i AS TEXT), i + 1, 1.0 FROM r;
		WITH RECURSIVE q(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM q WHERE j < 50)
		INSERT INTO answers SELECT 'R8', respondent_id, 'q' || j, '穂高', NULL FROM respondents, q;
		WITH RECURSIVE d(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM d WHERE i < 10000)
		INSERT INTO docs (doc_id, wave_id, source, respondent_id, question_id, text, text_masked)
		SELECT i, 'R8', 'survey', CAST(i AS TEXT), 'free', 'x', '北アルプスの眺めと、わさび田の水のきれいさをずっと残してほしい。' FROM d`); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := parquet.Write(db.SQL(), b.TempDir()); err != nil {
			b.Fatal(err)
		}
	}
}
