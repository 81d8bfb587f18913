package main

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGenRun generates a study through the binary, runs it, and checks
// that every generated row and workshop utterance is in the database; the
// same flags give the same survey bytes.
func TestGenRun(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "gen")
	r := koe(t, "", "gen", "--out", dir, "--respondents", "3000", "--waves", "2", "--workshops", "2")
	if r.code != exitOK || !strings.Contains(r.stdout, "3,000 respondents in 2 wave(s)") {
		t.Fatalf("gen: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	again := filepath.Join(t.TempDir(), "gen")
	koe(t, "", "gen", "--out", again, "--respondents", "3000", "--waves", "2", "--workshops", "2")
	for _, f := range []string{"koe.toml", "r8/survey.csv", "r9/survey.csv"} {
		a, _ := os.ReadFile(filepath.Join(dir, f))
		b, _ := os.ReadFile(filepath.Join(again, f))
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("%s: %d bytes, differs between two runs: %v", f, len(a), !bytes.Equal(a, b))
		}
	}
	if r := koe(t, "", "run", dir); r.code != exitOK {
		t.Fatalf("run: exit %d\n%s", r.code, r.stderr)
	}
	db := openDB(t, filepath.Join(dir, "out", "koe.sqlite"))
	if n := count(t, db, `SELECT COUNT(*) FROM respondents`); n != 6000 {
		t.Errorf("%d respondents, want 6000", n)
	}
	if n := count(t, db, `SELECT COUNT(*) FROM docs WHERE source = 'survey' AND question_id = 'free_opinion'`); n != 6000 {
		t.Errorf("%d survey answers, want one per respondent (6000)", n)
	}
	if n := count(t, db, `SELECT COUNT(*) FROM workshops WHERE wave_id = 'R9'`); n != 2 {
		t.Errorf("%d workshops in R9, want 2", n)
	}
	if n := count(t, db, `SELECT COUNT(*) FROM themes WHERE wave_id = 'R9'`); n < 4 {
		t.Errorf("%d themes in R9", n)
	}
	// Refusals: an existing study is never overwritten; bad flags are usage errors.
	if r := koe(t, "", "gen", "--out", dir, "--respondents", "10"); r.code != exitFailure || !strings.Contains(r.stderr, "not empty") {
		t.Errorf("gen into a study: exit %d, %s", r.code, r.stderr)
	}
	for _, args := range [][]string{{"gen"}, {"gen", "--out", t.TempDir() + "/x", "--respondents", "0"}, {"gen", "--out", t.TempDir() + "/x", "--text", "long"}} {
		if r := koe(t, "", args...); r.code != exitUsage {
			t.Errorf("%q: exit %d, want 2", args, r.code)
		}
	}
}

// TestRunEqualsStages: `koe run` hands the closed answers from ingest to
// the analysis in memory; the stages run one at a time read them back from
// the database. Both must give the same report, exports and analysis rows.
func TestRunEqualsStages(t *testing.T) {
	gen := func() string {
		dir := filepath.Join(t.TempDir(), "gen")
		if r := koe(t, "", "gen", "--out", dir, "--respondents", "1500", "--waves", "2", "--workshops", "1"); r.code != exitOK {
			t.Fatalf("gen: exit %d\n%s", r.code, r.stderr)
		}
		return dir
	}
	for _, pair := range []struct {
		name   string
		a, b   string
		wantRC int
	}{
		{"small", copyStudy(t, "small"), copyStudy(t, "small"), exitQuarantined},
		{"gen", gen(), gen(), exitOK},
	} {
		t.Run(pair.name, func(t *testing.T) {
			if r := koe(t, "", "run", pair.a); r.code != pair.wantRC {
				t.Fatalf("run: exit %d\n%s", r.code, r.stderr)
			}
			if r := koe(t, "", "ingest", pair.b); r.code != pair.wantRC {
				t.Fatalf("ingest: exit %d\n%s", r.code, r.stderr)
			}
			for _, stage := range []string{"analyze", "report"} {
				if r := koe(t, "", stage, pair.b); r.code != exitOK {
					t.Fatalf("%s: exit %d\n%s", stage, r.code, r.stderr)
				}
			}
			var files []string
			for _, pat := range []string{"report/index.html", "parquet/*.parquet", "tables/*.csv"} {
				m, _ := filepath.Glob(filepath.Join(pair.a, "out", pat))
				if len(m) == 0 {
					t.Fatalf("no %s from koe run", pat)
				}
				for _, f := range m {
					rel, _ := filepath.Rel(pair.a, f)
					files = append(files, rel)
				}
			}
			for _, f := range files {
				x, _ := os.ReadFile(filepath.Join(pair.a, f))
				y, err := os.ReadFile(filepath.Join(pair.b, f))
				if err != nil || !bytes.Equal(x, y) {
					t.Errorf("%s differs between koe run and the stages one at a time (%d and %d bytes, %v)", f, len(x), len(y), err)
				}
			}
			for _, q := range []string{
				`SELECT group_concat(wave_id || question_id || code || n || weighted_n, ';') FROM (SELECT * FROM tallies ORDER BY 1, 2, 3)`,
				`SELECT group_concat(crosstab_id || row_code || col_code || n || weighted_n || adj_residual || suppressed, ';') FROM (SELECT * FROM crosstab_cells ORDER BY 1, 2, 3)`,
				`SELECT group_concat(wave_id || respondent_id || weight, ';') FROM (SELECT * FROM respondents ORDER BY 1, 2)`,
				`SELECT group_concat(doc_id || theme_id || weight, ';') FROM (SELECT * FROM doc_themes ORDER BY 1, 2)`,
				// koe run builds the answers index after ingest (DeferAnswerIndexes):
				// the schema, indexes included, must come out the same.
				`SELECT group_concat(type || name || coalesce(sql, ''), ';') FROM (SELECT * FROM sqlite_master ORDER BY type, name)`,
			} {
				var x, y sql.NullString
				openDB(t, filepath.Join(pair.a, "out", "koe.sqlite")).QueryRow(q).Scan(&x)
				openDB(t, filepath.Join(pair.b, "out", "koe.sqlite")).QueryRow(q).Scan(&y)
				if !x.Valid || x != y {
					t.Errorf("%s: differs (%d and %d bytes)", q, len(x.String), len(y.String))
				}
			}
		})
	}
}
