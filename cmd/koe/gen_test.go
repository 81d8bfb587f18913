package main

import (
	"bytes"
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
