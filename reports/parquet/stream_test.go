package parquet_test

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"testing"

	"koe/ingest"
	"koe/reports/parquet"
	"koe/reports/store"
)

// streamWaves are two waves whose answers together pass BatchRows, so one
// row group holds the end of the first wave and the start of the second.
var streamWaves = []struct {
	id          string
	respondents int
}{{"R8", 2500}, {"R9", 1800}}

// streamAnswers is respondent i's answers in wave w: single, multi,
// likert and number questions, with the values SQLite changes on the way
// in (NaN, -0) and text that rules out the bulk read (a unit separator).
func streamAnswers(w, i int) []ingest.Answer {
	f := func(x float64) *float64 { return &x }
	as := []ingest.Answer{
		{QuestionID: "q1", Code: fmt.Sprint(i%5 + 1)},
		{QuestionID: "q2_multi", Code: "a"},
		{QuestionID: "q3", Code: fmt.Sprint(i % 4), Value: f(float64(i % 4))},
		{QuestionID: "age", Value: f(float64(20+i%60) + 0.1*float64(w))},
	}
	if i%2 == 0 {
		as = append(as, ingest.Answer{QuestionID: "q2_multi", Code: "穂高"})
	}
	switch i % 97 {
	case 1:
		as = append(as, ingest.Answer{QuestionID: "n", Value: f(math.NaN())})
	case 2:
		as = append(as, ingest.Answer{QuestionID: "n", Value: f(math.Copysign(0, -1))})
	case 3:
		as = append(as, ingest.Answer{QuestionID: "n", Value: f(math.Inf(-1))})
	case 4:
		as = append(as, ingest.Answer{QuestionID: "n", Value: f(5e-324)})
	case 5:
		as = append(as, ingest.Answer{QuestionID: "other", Code: "x\x1fy"})
	}
	for range i % 23 {
		as = append(as, ingest.Answer{QuestionID: "q4", Code: "", Value: f(1.0 / 3)})
	}
	return as
}

// TestAnswersEqualsExport streams answers into Answers as they are written
// to a fresh database, and checks the file is byte for byte the one the
// export from that database writes.
func TestAnswersEqualsExport(t *testing.T) {
	db, err := store.Open(filepath.Join(t.TempDir(), "koe.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	streamed := t.TempDir()
	aw, err := parquet.CreateAnswers(streamed)
	if err != nil {
		t.Fatal(err)
	}
	var rows int64
	for wi, w := range streamWaves {
		err := db.ReplaceWave(context.Background(), w.id, nil, func(ww *store.WaveWriter) (store.WaveMeta, error) {
			for i := range w.respondents {
				r := &ingest.Respondent{WaveID: w.id, ID: fmt.Sprintf("%s-%04d", w.id, i), Line: i + 2, Answers: streamAnswers(wi, i)}
				if err := ww.Respondent(r); err != nil {
					return store.WaveMeta{}, err
				}
				for _, a := range r.Answers {
					if err := aw.Add(w.id, r.ID, a.QuestionID, a.Code, a.Value); err != nil {
						return store.WaveMeta{}, err
					}
				}
				rows += int64(len(r.Answers))
			}
			return store.WaveMeta{ID: w.id, Label: w.id, Ord: wi + 1}, nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if rows <= parquet.BatchRows || rows >= 2*parquet.BatchRows {
		t.Fatalf("%d answers: the test wants between one and two row groups", rows)
	}
	if aw.Rows() != rows {
		t.Errorf("Rows() = %d, want %d", aw.Rows(), rows)
	}
	if ents, _ := os.ReadDir(streamed); len(ents) != 1 || ents[0].Name() == "answers.parquet" {
		t.Errorf("before Close: %v, want only a temporary file", ents)
	}
	if err := aw.Close(); err != nil {
		t.Fatal(err)
	}
	exported := t.TempDir()
	if err := parquet.WriteFiles(context.Background(), db.SQL(), exported, []string{"answers.parquet"}); err != nil {
		t.Fatal(err)
	}
	x, err := os.ReadFile(filepath.Join(exported, "answers.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	y, err := os.ReadFile(filepath.Join(streamed, "answers.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(x, y) {
		t.Errorf("streamed answers.parquet (%d bytes) differs from the export (%d bytes)", len(y), len(x))
	}
	tbl, groups := readTable(t, filepath.Join(streamed, "answers.parquet"))
	if tbl.NumRows() != rows || groups != 2 {
		t.Errorf("%d rows in %d row groups, want %d in 2", tbl.NumRows(), groups, rows)
	}
	if ents, _ := os.ReadDir(streamed); len(ents) != 1 {
		t.Errorf("after Close: %v, want answers.parquet alone", ents)
	}
}

// TestAnswersAbort leaves no file, and an earlier answers.parquet in place.
func TestAnswersAbort(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "answers.parquet")
	if err := os.WriteFile(old, []byte("previous"), 0o644); err != nil {
		t.Fatal(err)
	}
	aw, err := parquet.CreateAnswers(dir)
	if err != nil {
		t.Fatal(err)
	}
	for i := range parquet.BatchRows + 10 {
		if err := aw.Add("R8", fmt.Sprint(i), "q1", "1", nil); err != nil {
			t.Fatal(err)
		}
	}
	aw.Abort()
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 {
		t.Errorf("after Abort: %v, want the earlier answers.parquet alone", ents)
	}
	if b, _ := os.ReadFile(old); string(b) != "previous" {
		t.Errorf("answers.parquet is now %q, want the earlier file", b)
	}
	if _, err := parquet.CreateAnswers(filepath.Join(dir, "missing")); err == nil {
		t.Error("CreateAnswers in a missing directory succeeded")
	}
}
