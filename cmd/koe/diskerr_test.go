package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestExplainWrite(t *testing.T) {
	out := filepath.Join("study", "out")
	db := filepath.Join(out, ".koe-new", "koe.sqlite")
	site := writeSite{outDir: out, db: db, kept: true}
	tables := filepath.Join(out, ".koe-new", ".tmp-tables-1", "T1_stats.csv")
	survey := filepath.Join("study", "survey.csv")
	tests := []struct {
		name string
		err  error
		site writeSite
		want string // first line of the message; "" = the error passes unchanged
	}{
		{"full, wrapped twice", fmt.Errorf("tables: %w", fmt.Errorf("tables: write %s: %w", tables, &fs.PathError{Op: "write", Path: tables, Err: syscall.ENOSPC})),
			site, "cannot write " + tables + ": the disk is full"},
		{"quota", &fs.PathError{Op: "write", Path: tables, Err: syscall.EDQUOT}, site, "cannot write " + tables + ": the disk quota is used up"},
		{"read-only rename", fmt.Errorf("move x into place: %w", &os.LinkError{Op: "rename", Old: "a", New: filepath.Join(out, "report"), Err: syscall.EROFS}),
			site, "cannot write " + filepath.Join(out, "report") + ": read-only file system"},
		{"permission in out", &fs.PathError{Op: "mkdir", Path: filepath.Join(out, ".koe-new"), Err: syscall.EACCES},
			site, "cannot write " + filepath.Join(out, ".koe-new") + ": permission denied"},
		{"permission on an input", fmt.Errorf("wave R8: %w", &fs.PathError{Op: "open", Path: survey, Err: syscall.EACCES}), site, ""},
		{"no errno", errors.New("themes: too few documents"), site, ""},
		{"other errno", &fs.PathError{Op: "open", Path: survey, Err: syscall.ENOENT}, site, ""},
		{"bare errno", syscall.ENOSPC, site, "cannot write " + out + ": the disk is full"},
		{"bare errno, no site", syscall.ENOSPC, writeSite{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := explainWrite(tt.err, tt.site)
			var we *writeError
			if tt.want == "" {
				if got != tt.err {
					t.Errorf("explainWrite changed the error to %q", got)
				}
				return
			}
			if !errors.As(got, &we) {
				t.Fatalf("explainWrite = %q, want a *writeError", got)
			}
			msg := got.Error()
			if first, _, _ := strings.Cut(msg, "\n"); first != tt.want {
				t.Errorf("first line %q, want %q", first, tt.want)
			}
			if !strings.Contains(msg, "the previous outputs in "+out+" are unchanged") {
				t.Errorf("message does not say the outputs are kept:\n%s", msg)
			}
			if !errors.Is(got, tt.err) {
				t.Error("the original error is no longer in the chain")
			}
			if again := explainWrite(got, tt.site); again != got {
				t.Error("explaining twice changed the error")
			}
		})
	}
}

// TestExplainWriteNotKept: a command that cannot promise the previous
// outputs (ingest commits wave by wave) does not say it does.
func TestExplainWriteNotKept(t *testing.T) {
	err := explainWrite(&fs.PathError{Op: "write", Path: "out/koe.sqlite-wal", Err: syscall.ENOSPC}, writeSite{outDir: "out", db: "out/koe.sqlite"})
	msg := err.Error()
	if !strings.HasPrefix(msg, "cannot write out/koe.sqlite-wal: the disk is full\n") || strings.Contains(msg, "unchanged") {
		t.Errorf("message:\n%s", msg)
	}
}

func Example_explainWrite() {
	err := fmt.Errorf("report: %w", &fs.PathError{Op: "write", Path: "mystudy/out/.koe-new/report/index.html", Err: syscall.ENOSPC})
	fmt.Println(explainWrite(err, writeSite{outDir: "mystudy/out", kept: true}))
	// Output:
	// cannot write mystudy/out/.koe-new/report/index.html: the disk is full
	//   free some space on the disk that holds mystudy/out (or set out = … in koe.toml to a directory on another disk), then run again; the previous outputs in mystudy/out are unchanged
}
