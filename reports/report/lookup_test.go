package report

import (
	"database/sql"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"koe/reports/store"
)

// lookupFixture is a random wave: respondents with zero to three
// documents (some non-answers, some copies of another, some without
// terms), single and multi demographic answers (a multi answer gives its
// respondent two rows), and answers to other questions.
func lookupFixture(t *testing.T, seed uint64, indexed bool) *sql.DB {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "koe.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	db := st.SQL()
	rng := rand.New(rand.NewPCG(seed, 7))
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := tx.Exec(q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	exec(`INSERT INTO waves (wave_id, ord, label, rows_read, rows_loaded, rows_quarantined) VALUES ('W', 1, 'W', 0, 0, 0)`)
	qs := []struct {
		id, kind string
		demo     int
	}{{"area", "single", 1}, {"age", "single", 1}, {"job", "multi", 1}, {"sex", "single", 1}, {"q1", "single", 0}}
	for i, q := range qs {
		exec(`INSERT INTO questions (wave_id, question_id, ord, column_name, kind, is_demographic) VALUES ('W', ?, ?, ?, ?, ?)`, q.id, len(qs)-i, q.id, q.kind, q.demo)
		for c := 1; c <= 3; c++ {
			exec(`INSERT INTO options (wave_id, question_id, code, label, ord) VALUES ('W', ?, ?, ?, ?)`, q.id, fmt.Sprint(c), fmt.Sprintf("%s%d", q.id, c), c)
		}
	}
	doc := 0
	for r := range 400 {
		resp := fmt.Sprintf("r%03d", r)
		exec(`INSERT INTO respondents (wave_id, respondent_id, line, weight) VALUES ('W', ?, ?, 1)`, resp, r+2)
		for _, q := range qs {
			if rng.IntN(4) == 0 {
				continue // not answered
			}
			exec(`INSERT INTO answers (wave_id, respondent_id, question_id, code) VALUES ('W', ?, ?, ?)`, resp, q.id, fmt.Sprint(1+rng.IntN(3)))
			if q.kind == "multi" && rng.IntN(2) == 0 {
				exec(`INSERT INTO answers (wave_id, respondent_id, question_id, code) VALUES ('W', ?, ?, ?)`, resp, q.id, "3")
			}
		}
		for range rng.IntN(4) {
			doc++
			var dup any
			if doc > 1 && rng.IntN(6) == 0 {
				dup = doc - 1
			}
			exec(`INSERT INTO docs (doc_id, wave_id, source, respondent_id, question_id, text, text_masked, dup_of, non_answer) VALUES (?, 'W', 'survey', ?, 'free', 'x', 'x', ?, ?)`,
				doc, resp, dup, boolInt(rng.IntN(8) == 0))
			if rng.IntN(5) != 0 {
				exec(`INSERT INTO doc_terms (doc_id, term, pos, n) VALUES (?, '水', '名詞', 1)`, doc)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if !indexed {
		if _, err := db.Exec(`DROP INDEX answers_r`); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestDemographicLabelsMatchLookups checks the batched labels against one
// query per respondent, for respondents with and without answers.
func TestDemographicLabelsMatchLookups(t *testing.T) {
	for seed := range uint64(3) {
		for _, indexed := range []bool{true, false} {
			db := lookupFixture(t, seed, indexed)
			l := &loader{db: db}
			var resps []string
			for r := 0; r < 400; r += 3 {
				resps = append(resps, fmt.Sprintf("r%03d", r))
			}
			resps = append(resps, "nobody")
			got, err := l.demographicLabels("W", resps)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range resps {
				var labels []string
				rows, err := db.Query(`SELECT o.label FROM answers a
					JOIN questions q ON q.wave_id = a.wave_id AND q.question_id = a.question_id
					JOIN options o ON o.wave_id = a.wave_id AND o.question_id = a.question_id AND o.code = a.code
					WHERE a.wave_id = 'W' AND a.respondent_id = ? AND q.is_demographic = 1 AND q.kind = 'single'
					ORDER BY q.ord, q.question_id, a.code LIMIT ?`, r, kwicAttrs)
				if err != nil {
					t.Fatal(err)
				}
				for rows.Next() {
					var s string
					rows.Scan(&s)
					labels = append(labels, s)
				}
				rows.Close()
				want := "アンケート"
				if len(labels) > 0 {
					want = strings.Join(labels, "・")
				}
				if got[r] != want {
					t.Errorf("seed %d, indexed %v, %s: %q, want %q", seed, indexed, r, got[r], want)
				}
			}
		}
	}
}
