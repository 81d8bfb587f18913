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
