package report_test

import (
	"errors"
	"strings"
	"testing"

	"koe/reports/report"
)

// TestLoadWaitsForIndex: Load asks for the answers index once, and only
// then looks answers up by respondent; the report is the same as without
// the wait, and an index that failed fails the load.
func TestLoadWaitsForIndex(t *testing.T) {
	db := openFixture(t)
	want := render(t, db, fixtureOpts)
	calls := 0
	opts := fixtureOpts
	opts.AnswersIndexed = func() error { calls++; return nil }
	if got := render(t, db, opts); got != want {
		t.Error("the report differs when Load waits for the index")
	}
	if calls != 1 {
		t.Errorf("AnswersIndexed called %d times, want once", calls)
	}
	// With the index dropped and the wait failing, nothing reads answers
	// by respondent: the load stops with the wait's error.
	if _, err := db.SQL().Exec(`DROP INDEX answers_r`); err != nil {
		t.Fatal(err)
	}
	opts.AnswersIndexed = func() error { return errors.New("disk full") }
	if _, err := report.Load(db.SQL(), opts); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("Load with a failed index: %v, want the index's error", err)
	}
}

// TestCABasesFromAnalysis: the correspondence analyses' bases come from
// ca_bases when the analysis counted them, and are the same as counting
// them in the report.
func TestCABasesFromAnalysis(t *testing.T) {
	db := openFixture(t)
	want := render(t, db, fixtureOpts) // ca_bases is empty: counted here
	res, err := db.SQL().Exec(`INSERT INTO ca_bases (wave_id, question_id, n_docs)
		SELECT q.wave_id, q.question_id, (SELECT COUNT(*) FROM docs d WHERE d.wave_id = q.wave_id AND d.source = 'survey'
			AND d.non_answer = 0 AND (d.dup_of IS NULL OR d.dup_of = d.doc_id)
			AND EXISTS (SELECT 1 FROM doc_terms t WHERE t.doc_id = d.doc_id)
			AND EXISTS (SELECT 1 FROM answers a WHERE a.wave_id = d.wave_id AND a.respondent_id = d.respondent_id AND a.question_id = q.question_id))
		FROM (SELECT DISTINCT wave_id, question_id FROM ca_points) q`)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		t.Fatal("the fixture has no correspondence analysis")
	}
	if got := render(t, db, fixtureOpts); got != want {
		t.Error("the report differs when the bases come from ca_bases")
	}
	if _, err := db.SQL().Exec(`UPDATE ca_bases SET n_docs = 98765`); err != nil {
		t.Fatal(err)
	}
	if got := render(t, db, fixtureOpts); !strings.Contains(got, "自由記述98,765件") {
		i := strings.Index(got, "に答えた人の自由記述")
		t.Errorf("the report does not show the bases in ca_bases: %q", got[max(0, i-60):min(len(got), i+80)])
	}
}
