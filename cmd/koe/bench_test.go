//go:build unix

package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"koe/ingest/synth"
)

// BenchmarkRun10k and BenchmarkRun100k time `koe run` through the real
// binary on a generated study (one short answer per respondent plus the
// sample's closed questions), from a fresh output directory each time. They
// also report the run's peak resident memory (max-RSS-MB) and its rate.
// `just bench` prints them with the stage benchmarks; `just bench-1m` runs
// the million.
func BenchmarkRun10k(b *testing.B)  { benchRun(b, 10_000) }
func BenchmarkRun100k(b *testing.B) { benchRun(b, 100_000) }

// BenchmarkRun1M is skipped unless KOE_BENCH_1M=1 (it needs about 2 GB of
// disk and minutes): `just bench-1m`.
func BenchmarkRun1M(b *testing.B) {
	if os.Getenv("KOE_BENCH_1M") != "1" {
		b.Skip("set KOE_BENCH_1M=1 (just bench-1m)")
	}
	benchRun(b, 1_000_000)
}

func benchRun(b *testing.B, n int) {
	dir := filepath.Join(b.TempDir(), "study")
	if _, err := synth.Generate(dir, synth.Options{Respondents: n}); err != nil {
		b.Fatal(err)
	}
	var peak int64
	for b.Loop() {
		os.RemoveAll(filepath.Join(dir, "out"))
		cmd := exec.Command(koeBin, "run", dir)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil {
			b.Fatalf("koe run: %v\n%s", err, stderr.String())
		}
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			peak = max(peak, ru.Maxrss) // KiB on Linux
		}
	}
	b.ReportMetric(float64(peak)/1024, "max-RSS-MB")
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "respondents/s")
	if testing.Verbose() {
		fmt.Fprintf(os.Stderr, "koe run, %d respondents: peak RSS %.0f MB\n", n, float64(peak)/1024)
	}
}
