package parquet_test

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"koe/reports/parquet"
	"koe/reports/store"
)

// BenchmarkWriteStudy exports the database of a real `koe run` named by
// KOE_PARQUET_DB (for example a `koe gen --respondents 100000` study's
// out/koe.sqlite) and checks every file byte for byte against the ones koe
// wrote beside it in out/parquet, so a faster export is also shown to be the
// same export. It reports CPU seconds per export (user+sys of the whole
// process) because the machines are shared and wall time is noisy.
//
// docs.parquet can differ from koe's in 4 bytes of its footer whatever the
// reader does: Arrow (v17, metadata/column_chunk.go) lists a column chunk's
// page encodings from a Go map, so their order varies from run to run when
// text_masked's dictionary outgrows its page and later pages are PLAIN.
// Rerun, or compare with cmp -l, before blaming a change.
func BenchmarkWriteStudy(b *testing.B) {
	src := os.Getenv("KOE_PARQUET_DB")
	if src == "" {
		b.Skip("KOE_PARQUET_DB is not set")
	}
	// store.Open switches the file to a write-ahead log, so it gets a copy,
	// never the study's own database.
	path := filepath.Join(b.TempDir(), "koe.sqlite")
	copyFile(b, src, path)
	st, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	db, err := st.ReadOnly()
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	var dir string
	var cpu time.Duration
	for b.Loop() {
		dir = b.TempDir()
		before := cpuTime(b)
		if err := parquet.Write(db, dir); err != nil {
			b.Fatal(err)
		}
		cpu += cpuTime(b) - before
	}
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	want := filepath.Join(filepath.Dir(src), "parquet")
	for _, f := range parquet.Files() {
		x, err := os.ReadFile(filepath.Join(want, f))
		if err != nil {
			b.Fatal(err)
		}
		y, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			b.Fatal(err)
		}
		if !bytes.Equal(x, y) {
			b.Errorf("%s differs from %s", f, filepath.Join(want, f))
		}
	}
}

func cpuTime(b testing.TB) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func copyFile(b *testing.B, src, dst string) {
	in, err := os.Open(src)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
}
