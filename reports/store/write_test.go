package store

import (
	"context"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"koe/ingest"
)

// TestWaveWriterBatches writes more rows than one batch and one masking
// block hold, with awkward values, and reads them back every way analysis
// and staff do.
func TestWaveWriterBatches(t *testing.T) {
	for _, n := range []int{1, 511, 512, 513, docBlock + 7} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			db, err := Open(filepath.Join(t.TempDir(), "koe.sqlite"))
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			third := 1.0 / 3 // needs all 17 digits to come back equal
			var masked atomic.Int64
			var maskedIDs sync.Map // doc id Mask was told → the text it was given
			mask := func(id int64, s string) string {
				masked.Add(1)
				maskedIDs.Store(id, s)
				return strings.ReplaceAll(s, "090", "[電話]")
			}
			err = db.ReplaceWave(context.Background(), "R8", mask, func(w *WaveWriter) (WaveMeta, error) {
				book := &ingest.Codebook{Questions: []*ingest.Question{
					{ID: "area", Kind: ingest.Single, Demographic: true, Options: []ingest.Option{{Code: "1", Label: "豊科"}, {Code: "2", Label: "明科"}}},
					{ID: "size", Kind: ingest.Number},
				}}
				if err := w.Codebook(book); err != nil {
					return WaveMeta{}, err
				}
				for i := 1; i <= n; i++ {
					v := float64(i) + third
					r := &ingest.Respondent{ID: fmt.Sprint(i), Line: i + 1,
						Answers: []ingest.Answer{{QuestionID: "area", Code: fmt.Sprint(1 + i%2)}, {QuestionID: "size", Value: &v}},
						Docs:    []ingest.Doc{{QuestionID: "opinion", Line: i + 1, Text: fmt.Sprintf("電話は090-%04d", i)}}}
					if i == n {
						r.ID = "x\x1fy" // an id holding the separator EachAnswer joins with
						r.Answers = r.Answers[:1]
					}
					if err := w.Respondent(r); err != nil {
						return WaveMeta{}, err
					}
				}
				return WaveMeta{ID: "R8", Ord: 1, Stats: ingest.WaveStats{RowsRead: n, RowsLoaded: n}}, nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if masked.Load() != int64(n) {
				t.Errorf("masked %d docs, want %d", masked.Load(), n)
			}
			count := func(q string) (c int) {
				if err := db.SQL().QueryRow(q).Scan(&c); err != nil {
					t.Fatal(err)
				}
				return c
			}
			if got := count(`SELECT COUNT(*) FROM respondents`); got != n {
				t.Errorf("respondents %d, want %d", got, n)
			}
			if got, want := count(`SELECT COUNT(*) FROM answers`), 2*n-1; got != want {
				t.Errorf("answers %d, want %d", got, want)
			}
			if got := count(`SELECT COUNT(*) FROM docs WHERE text_masked LIKE '電話は[電話]-%'`); got != n {
				t.Errorf("masked docs stored %d, want %d", got, n)
			}
			if got := count(`SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'answers_r'`); got != 1 {
				t.Error("answers_r was not rebuilt after the load")
			}
			// Mask is told the id the document is stored under.
			maskedIDs.Range(func(id, text any) bool {
				var stored string
				if err := db.SQL().QueryRow(`SELECT text FROM docs WHERE doc_id = ?`, id).Scan(&stored); err != nil || stored != text {
					t.Errorf("Mask was given doc %d as %q; stored %q (%v)", id, text, stored, err)
				}
				return true
			})
			// Doc ids follow arrival order.
			if got := count(`SELECT COUNT(*) FROM docs WHERE line != doc_id + 1`); got != 0 {
				t.Errorf("%d docs out of order", got)
			}
			// EachAnswer, grouped (or row by row for the awkward id).
			seen := map[string]AnswerRow{}
			err = db.EachAnswer("R8", func(a AnswerRow) error {
				seen[a.RespondentID+"/"+a.QuestionID] = a
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(seen) != 2*n-1 {
				t.Fatalf("EachAnswer gave %d answers, want %d", len(seen), 2*n-1)
			}
			for i := 1; i < n; i++ {
				a := seen[fmt.Sprint(i)+"/size"]
				if !a.Value.Valid || a.Value.Float64 != float64(i)+third {
					t.Fatalf("respondent %d size %v, want %v exactly", i, a.Value, float64(i)+third)
				}
				if c := seen[fmt.Sprint(i)+"/area"].Code; c != fmt.Sprint(1+i%2) {
					t.Fatalf("respondent %d area %q", i, c)
				}
			}
			if a, ok := seen["x\x1fy/area"]; !ok || a.Value.Valid {
				t.Errorf("the awkward id's answer: %+v, %v", a, ok)
			}
			kw, err := db.KwicDocs()
			if err != nil {
				t.Fatal(err)
			}
			want := []string{"明科", "豊科"}[0]
			if len(kw) != n || (n > 1 && kw[0].Attributes != want) {
				t.Errorf("KwicDocs: %d docs, first attributes %q; want %d and %q", len(kw), kw[0].Attributes, n, want)
			}
		})
	}
}

// TestEachAnswerBytes checks that the byte-slice reader gives what the
// string reader gives.
func TestEachAnswerBytes(t *testing.T) {
	db := networkFixture(t)
	var grouped, rows []string
	collect := func(dst *[]string) func(a AnswerRow) error {
		return func(a AnswerRow) error {
			*dst = append(*dst, fmt.Sprintf("%s %s %s %v", a.RespondentID, a.QuestionID, a.Code, a.Value))
			return nil
		}
	}
	if err := db.EachAnswer("R8", collect(&grouped)); err != nil {
		t.Fatal(err)
	}
	err := db.EachAnswerBytes("R8", func(a AnswerBytes) error {
		rows = append(rows, fmt.Sprintf("%s %s %s %v", a.RespondentID, a.QuestionID, a.Code, a.Value))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(grouped)
	slices.Sort(rows)
	if !slices.Equal(grouped, rows) || len(rows) != 4 {
		t.Errorf("grouped %q\nrows    %q", grouped, rows)
	}
}

// TestWaveWriterError: a write that fails on the writer goroutine fails
// ReplaceWave, and the previous wave stays.
func TestWaveWriterError(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "koe.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	write := func(ids ...string) error {
		return db.ReplaceWave(context.Background(), "R8", nil, func(w *WaveWriter) (WaveMeta, error) {
			for _, id := range ids {
				if err := w.Respondent(&ingest.Respondent{ID: id, Line: 2}); err != nil {
					return WaveMeta{}, err
				}
			}
			return WaveMeta{ID: "R8", Ord: 1}, nil
		})
	}
	if err := write("1", "2"); err != nil {
		t.Fatal(err)
	}
	ids := make([]string, 2000)
	for i := range ids {
		ids[i] = fmt.Sprint(i + 10)
	}
	ids = append(ids, "10") // a duplicate key, far into the second batch
	if err := write(ids...); err == nil || !strings.Contains(err.Error(), "UNIQUE") {
		t.Fatalf("duplicate respondent: error %v, want a UNIQUE constraint failure", err)
	}
	var n int
	if err := db.SQL().QueryRow(`SELECT COUNT(*) FROM respondents`).Scan(&n); err != nil || n != 2 {
		t.Errorf("after the failed wave: %d respondents (%v), want the previous 2", n, err)
	}
}

// TestBatchErrors: a constraint failure is reported whether it falls in a
// full statement (add) or in the rest (flush), and rows run through the
// batch arrive whole. The batch runs its INSERTs through Query (execFused),
// whose errors come back by another path than Exec's.
func TestBatchErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		rows  int
		bad   int  // index of the row that breaks the constraint, -1 for none
		null  bool // break NOT NULL instead of UNIQUE
		where string
	}{
		{"clean", 2500, -1, false, ""},
		{"unique in a full statement", 2500, 1500, false, "add"},
		{"unique in the rest", 2500, 2400, false, "flush"},
		{"not null in a full statement", 2500, 7, true, "add"},
		{"not null in the rest", 2500, 2499, true, "flush"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db, err := Open(filepath.Join(t.TempDir(), "koe.sqlite"))
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if _, err := db.SQL().Exec(`CREATE TABLE t (w TEXT NOT NULL, k TEXT NOT NULL UNIQUE, v REAL)`); err != nil {
				t.Fatal(err)
			}
			tx, err := db.SQL().Begin()
			if err != nil {
				t.Fatal(err)
			}
			defer tx.Rollback()
			b := newSharedBatch(tx, "R8", "t", "w", "k", "v")
			defer b.close()
			if b.per >= tc.rows {
				t.Fatalf("a statement holds %d rows: the test needs more rows than that", b.per)
			}
			where := ""
			for i := range tc.rows {
				var k any = fmt.Sprintf("k%d'\"", i)
				if i == tc.bad {
					if tc.null {
						k = nil
					} else {
						k = "k3'\""
					}
				}
				if err := b.add(k, float64(i)/3); err != nil {
					where = "add"
					break
				}
			}
			if where == "" {
				if err := b.flush(); err != nil {
					where = "flush"
				}
			}
			if where != tc.where {
				t.Fatalf("error reported by %q, want %q", where, tc.where)
			}
			if tc.where != "" {
				return
			}
			var n int
			var sum float64
			if err := tx.QueryRow(`SELECT count(*), sum(v) FROM t WHERE w = 'R8'`).Scan(&n, &sum); err != nil {
				t.Fatal(err)
			}
			want := float64(tc.rows*(tc.rows-1)/2) / 3
			if n != tc.rows || math.Abs(sum-want) > 1e-6 {
				t.Errorf("read back %d rows summing to %g, want %d summing to %g", n, sum, tc.rows, want)
			}
		})
	}
}

// TestSetWeights: weights land on the right respondents whether the ids
// come in the order the wave's rows were stored (found by rowid) or in
// another order or number (found through the primary key), with a second
// wave's rows in between that keep their own weights.
func TestSetWeights(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "koe.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	load := func(wave string, ord int, ids []string) {
		t.Helper()
		if err := db.ReplaceWave(context.Background(), wave, nil, func(w *WaveWriter) (WaveMeta, error) {
			for k, id := range ids {
				if err := w.Respondent(&ingest.Respondent{ID: id, Line: k + 2}); err != nil {
					return WaveMeta{}, err
				}
			}
			return WaveMeta{ID: wave, Ord: ord}, nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	ids := make([]string, 5000) // more than one statement's worth
	for i := range ids {
		ids[i] = fmt.Sprint((i*7919)%5000 + 1) // stored out of sort order
	}
	load("R7", 1, []string{"9", "1", "x"})
	load("R8", 2, ids)
	reversed := slices.Clone(ids)
	slices.Reverse(reversed)
	for _, tc := range []struct {
		name string
		ids  []string
	}{
		{"stored order", ids},
		{"reversed", reversed},
		{"a subset", ids[100:4000]},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := make([]float64, len(tc.ids))
			want := map[string]float64{}
			for i, id := range tc.ids {
				w[i] = 1 + float64(i)/8
				want[id] = w[i]
			}
			if err := db.Analysis(context.Background(), func(tx *Tx) error { return tx.SetWeights("R8", tc.ids, w) }); err != nil {
				t.Fatal(err)
			}
			rows, err := db.SQL().Query(`SELECT wave_id, respondent_id, weight FROM respondents`)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			n := 0
			for rows.Next() {
				var wave, id string
				var got float64
				if err := rows.Scan(&wave, &id, &got); err != nil {
					t.Fatal(err)
				}
				if wave == "R7" {
					if got != 1 {
						t.Errorf("R7 %s: weight %v, want 1 (another wave)", id, got)
					}
					continue
				}
				if x, ok := want[id]; ok {
					n++
					if got != x {
						t.Fatalf("R8 %s: weight %v, want %v", id, got, x)
					}
				}
			}
			if n != len(tc.ids) {
				t.Errorf("%d weights set, want %d", n, len(tc.ids))
			}
		})
	}
	if err := db.Analysis(context.Background(), func(tx *Tx) error { return tx.SetWeights("R8", ids, []float64{1}) }); err == nil {
		t.Error("SetWeights with fewer weights than ids succeeded")
	}
}
