//go:build cgo

package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestSystemErrnoFull fills a database whose page count is capped, which
// makes SQLite fail exactly as on a full disk (SQLITE_FULL, "database or
// disk is full"), and checks the failure reads as ENOSPC however it is
// wrapped.
func TestSystemErrnoFull(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "full.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	sqlDB := db.SQL()
	var pages int
	if err := sqlDB.QueryRow("PRAGMA page_count").Scan(&pages); err != nil {
		t.Fatal(err)
	}
	if _, err := sqlDB.Exec(fmt.Sprintf("PRAGMA max_page_count = %d", pages+2)); err != nil {
		t.Fatal(err)
	}
	big := strings.Repeat("安曇野", 20000) // ≈ 180 kB: more than two pages
	_, err = sqlDB.Exec(`INSERT INTO runs (stage, started_at, koe_version, config_sha256, seed) VALUES (?, '', '', '', 0)`, big)
	if err == nil {
		t.Fatal("insert into a capped database succeeded")
	}
	if !strings.Contains(err.Error(), "full") {
		t.Errorf("error %q does not say the database is full", err)
	}
	for _, e := range []error{err, fmt.Errorf("wave R8: %w", err), fmt.Errorf("ingest: %w", fmt.Errorf("wave R8: %w", err))} {
		if got := SystemErrno(e); got != syscall.ENOSPC {
			t.Errorf("SystemErrno(%v) = %v, want ENOSPC", e, got)
		}
	}
}

func TestSystemErrnoOther(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "x.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_, syntaxErr := db.SQL().Exec("SELEC 1")
	tests := []struct {
		name string
		err  error
	}{
		{"nil", nil},
		{"not sqlite", errors.New("something else")},
		{"path error", &os.PathError{Op: "open", Path: "x", Err: syscall.ENOSPC}},
		{"sql syntax", syntaxErr},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SystemErrno(tt.err); got != 0 {
				t.Errorf("SystemErrno = %v, want 0", got)
			}
		})
	}
}
