package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"runtime/pprof"
	"sort"
	"strings"
	"time"

	"koe/data"
	"koe/reports/store"
)

func cmdDemo(ctx context.Context, e *env, args []string) (int, error) {
	fs := newFlags(e, "demo", "[--out DIR]", "Runs the whole pipeline on the sample Azumino study embedded in the binary.")
	out := fs.String("out", "koe-demo", "output directory")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return 0, err
	}
	if len(pos) > 0 {
		return 0, usagef("demo takes no arguments (got %q)", pos[0])
	}
	s, err := loadStudy(data.Sample(), "sample")
	if err != nil {
		return 0, fmt.Errorf("embedded sample: %w", err)
	}
	s.outDir = *out
	if _, err := runAll(ctx, e, s); err != nil {
		return 0, err
	}
	// The sample has bad rows on purpose, to show quarantine at work: the
	// demo itself succeeded.
	return exitOK, nil
}

func cmdRun(ctx context.Context, e *env, args []string) (int, error) {
	s, err := studyArg(e, "run", "Runs every stage for the study in STUDY_DIR/koe.toml and writes STUDY_DIR/out/ (or out = … in koe.toml).", args)
	if err != nil {
		return 0, err
	}
	return runAll(ctx, e, s)
}

// studyArg parses a command's flags and its STUDY_DIR argument.
func studyArg(e *env, name, summary string, args []string) (*study, error) {
	fs := newFlags(e, name, "STUDY_DIR", summary)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return nil, err
	}
	if len(pos) != 1 {
		fs.Usage()
		return nil, usagef("%s needs exactly one STUDY_DIR", name)
	}
	return openStudyDir(pos[0])
}

// runAll runs ingest, analyze and report into a staging directory beside
// the outputs and moves the results into place only when every stage has
// succeeded, so a failed run leaves the previous outputs intact.
func runAll(ctx context.Context, e *env, s *study) (code int, err error) {
	p := newProgress(e)
	start := time.Now()
	stage := filepath.Join(s.outDir, ".koe-new")
	defer func() { err = explainWrite(err, writeSite{s.outDir, filepath.Join(stage, "koe.sqlite"), true}) }()
	lock, err := lockStudy(s.outDir)
	if err != nil {
		return 0, err
	}
	defer lock.unlock()
	if err := recoverOutputs(s.outDir); err != nil {
		return 0, err
	}
	if err := os.MkdirAll(stage, 0o755); err != nil {
		return 0, fmt.Errorf("create %s: %w", stage, err)
	}
	// A failed run's staging directory goes; one that promote marked
	// complete stays for recoverOutputs to finish.
	defer func() {
		if _, err := os.Stat(filepath.Join(stage, promoteMarker)); os.IsNotExist(err) {
			os.RemoveAll(stage)
		}
	}()
	// The staged database is discarded unless every stage succeeds, so it
	// needs no journal (store.OpenScratch).
	db, err := store.OpenScratch(filepath.Join(stage, "koe.sqlite"))
	if err != nil {
		return 0, err
	}
	defer db.Close()
	db.DeferAnswerIndexes() // built beside the report (stageReport)
	pqDir := filepath.Join(stage, "parquet")
	if err := os.MkdirAll(pqDir, 0o755); err != nil {
		return 0, fmt.Errorf("create %s: %w", pqDir, err)
	}
	sum, err := withRun(db, s, "ingest", func() (*ingestSummary, error) { return stageIngest(ctx, s, db, p, true, pqDir) })
	if err != nil {
		return 0, err
	}
	// answers.parquet was written during ingest. docs.parquet needs only
	// what ingest wrote: it is exported on the second core while the
	// analysis runs, reading the committed ingest through the write-ahead
	// log (which the report stage's index build beside the report needs
	// too).
	if err := db.ShareReads(); err != nil {
		return 0, err
	}
	xctx, stopExport := context.WithCancel(ctx)
	x, err := startExport(xctx, db, stage, ingestFiles)
	if err != nil {
		stopExport()
		return 0, err
	}
	// After a failed analysis the export is stopped, then waited for, so
	// that nothing writes into the staging directory as it is removed.
	defer x.wait()
	defer stopExport()
	// The bulk writes are done: the analysis' memory matters
	// more now than SQLite's cache (a million respondents' run peaked
	// above 2.5 GiB with the cache at 256 MiB).
	if err := db.SetCache(64); err != nil {
		return 0, err
	}
	if _, err := withRun(db, s, "analyze", func() (struct{}, error) { return struct{}{}, stageAnalyze(ctx, s, db, p, sum.handoff) }); err != nil {
		return 0, err
	}
	// The analysis' heap is garbage now; hand it back to the system before
	// the report, the index sort and the last export take theirs (a
	// million respondents' run peaked at the start of the report).
	debug.FreeOSMemory()
	if _, err := withRun(db, s, "report", func() (struct{}, error) { return struct{}{}, stageReport(ctx, s, db, stage, p, x, true) }); err != nil {
		return 0, err
	}
	if err := db.Checkpoint(); err != nil {
		return 0, err
	}
	if err := db.Close(); err != nil {
		return 0, fmt.Errorf("close database: %w", err)
	}
	if err := db.Sync(); err != nil {
		return 0, err
	}
	if err := promote(stage, s.outDir, outputs); err != nil {
		return 0, err
	}
	printSummary(e, s, db, sum, time.Since(start))
	if sum.quarantined > 0 {
		return exitQuarantined, nil
	}
	return exitOK, nil
}

// withRun records a stage in the runs table around fn.
func withRun[T any](db *store.DB, s *study, stage string, fn func() (T, error)) (T, error) {
	var zero T
	id, err := db.BeginRun(store.Run{Stage: stage, KoeVersion: version, ConfigSHA256: s.cfgSHA, Seed: s.cfg.Seed}, time.Now())
	if err != nil {
		return zero, err
	}
	// The stage's name labels its CPU samples, and those of the goroutines
	// it starts, so that a --cpuprofile can be read one stage at a time
	// (go tool pprof -tagfocus stage=analyze).
	var v T
	pprof.Do(context.Background(), pprof.Labels("stage", stage), func(context.Context) { v, err = fn() })
	if err != nil {
		return zero, err
	}
	return v, db.FinishRun(id, time.Now())
}

// outputs are the entries of out/ a run replaces, in the order they move.
var outputs = []string{"koe.sqlite", "report", "parquet", "tables"}

const promoteMarker = ".complete"

// promote moves the named entries from the staging directory into dst,
// replacing what was there. It first marks the staging directory complete,
// so that a run killed half way through the renames is finished by the next
// koe command on the study (recoverOutputs) rather than leaving old and new
// outputs mixed; each rename itself is atomic on one file system.
func promote(stage, dst string, names []string) error {
	marker := filepath.Join(stage, promoteMarker)
	if err := os.WriteFile(marker, []byte(strings.Join(names, "\n")), 0o644); err != nil {
		// A marker half written on a full disk would still mark the
		// directory complete, and the next command would promote the
		// outputs of a run that reported failure.
		os.Remove(marker)
		return fmt.Errorf("mark %s complete: %w", stage, err)
	}
	return finishPromote(stage, dst, names)
}

func finishPromote(stage, dst string, names []string) error {
	old := filepath.Join(dst, ".koe-old")
	if err := os.MkdirAll(old, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", old, err)
	}
	for _, n := range names {
		src := filepath.Join(stage, n)
		if _, err := os.Stat(src); err != nil {
			continue // already moved, or not produced by this command
		}
		cur := filepath.Join(dst, n)
		aside := []string{cur}
		if n == "koe.sqlite" {
			// A write-ahead log belongs to the database beside it: it must
			// never meet the new file.
			aside = append(aside, cur+"-wal", cur+"-shm")
		}
		for _, a := range aside {
			if _, err := os.Lstat(a); err == nil {
				if err := os.RemoveAll(filepath.Join(old, filepath.Base(a))); err != nil {
					return err
				}
				if err := os.Rename(a, filepath.Join(old, filepath.Base(a))); err != nil {
					return fmt.Errorf("move aside %s: %w", a, err)
				}
			}
		}
		if err := os.Rename(src, cur); err != nil {
			return fmt.Errorf("move %s into place: %w", cur, err)
		}
	}
	if err := os.Remove(filepath.Join(stage, promoteMarker)); err != nil && !os.IsNotExist(err) {
		return err
	}
	return os.RemoveAll(old)
}

// recoverOutputs runs under the study lock before any command writes: it
// finishes a promotion that a killed run had started, and clears the
// staging directory of a run that was killed before it finished.
func recoverOutputs(outDir string) error {
	stage := filepath.Join(outDir, ".koe-new")
	if _, err := os.Stat(filepath.Join(stage, promoteMarker)); err == nil {
		if err := finishPromote(stage, outDir, outputs); err != nil {
			return fmt.Errorf("finish the outputs of an interrupted run: %w", err)
		}
	}
	if err := os.RemoveAll(stage); err != nil {
		return fmt.Errorf("clear %s: %w", stage, err)
	}
	return os.RemoveAll(filepath.Join(outDir, ".koe-old"))
}

// printSummary tells the user what was written and which rows were set
// aside, with their locations.
func printSummary(e *env, s *study, _ *store.DB, sum *ingestSummary, took time.Duration) {
	w := bufio.NewWriter(e.stderr)
	defer w.Flush()
	for _, m := range sum.waves {
		fmt.Fprintf(w, "wave %s: %s rows read, %s loaded, %s quarantined\n", m.ID,
			thousands(m.Stats.RowsRead), thousands(m.Stats.RowsLoaded), thousands(m.Stats.RowsQuarantined))
	}
	printWarnings(w, sum.warnings, 10)
	if sum.quarantined > 0 {
		db, err := store.Open(filepath.Join(s.outDir, "koe.sqlite"))
		if err == nil {
			defer db.Close()
			printQuarantine(w, s, db, 3)
		}
	}
	fmt.Fprintf(w, "done in %.1f s\n", took.Seconds())
	fmt.Fprintf(e.stdout, "database: %s\nreport:   %s\n", filepath.Join(s.outDir, "koe.sqlite"), filepath.Join(s.outDir, "report", "index.html"))
}

// printWarnings prints located warnings, at most limit of them.
func printWarnings(w *bufio.Writer, warnings []string, limit int) {
	for i, warn := range warnings {
		if i == limit {
			fmt.Fprintf(w, "warning: … and %d more\n", len(warnings)-limit)
			break
		}
		fmt.Fprintf(w, "warning: %s\n", warn)
	}
}

// quotedOrNumber finds the parts of a reason that vary from row to row.
var quotedOrNumber = regexp.MustCompile(`"[^"]*"|[0-9]+`)

// printQuarantine lists quarantined cells grouped by kind of reason (the
// reason with its quoted values and numbers blanked), largest group first,
// with the first few locations and one full reason of each.
func printQuarantine(w *bufio.Writer, s *study, db *store.DB, perGroup int) {
	qs, err := db.QuarantineRows()
	if err != nil {
		fmt.Fprintf(w, "quarantine: %v\n", err)
		return
	}
	type group struct {
		example string
		locs    []string
	}
	var keys []string
	groups := map[string]*group{}
	rows := map[string]bool{}
	for _, q := range qs {
		rows[fmt.Sprintf("%s\x00%s\x00%d", q.WaveID, q.SourcePath, q.Line)] = true
		key := quotedOrNumber.ReplaceAllStringFunc(q.Reason, func(m string) string {
			if strings.HasPrefix(m, `"`) {
				return `"…"`
			}
			return "N"
		})
		g := groups[key]
		if g == nil {
			g = &group{example: q.Reason}
			groups[key] = g
			keys = append(keys, key)
		}
		loc := fmt.Sprintf("%s:%d", s.path(q.SourcePath), q.Line)
		if q.Col > 0 {
			loc += fmt.Sprintf(":%d", q.Col)
		}
		g.locs = append(g.locs, loc)
	}
	sort.SliceStable(keys, func(i, j int) bool { return len(groups[keys[i]].locs) > len(groups[keys[j]].locs) })
	fmt.Fprintf(w, "quarantined rows: %d (%d problems in %d kinds; every one is in the quarantine table):\n", len(rows), len(qs), len(keys))
	for _, k := range keys {
		g := groups[k]
		if len(g.locs) == 1 {
			fmt.Fprintf(w, "  %s: %s\n", g.locs[0], g.example)
			continue
		}
		fmt.Fprintf(w, "  %d× %s\n", len(g.locs), k)
		shown := g.locs
		if len(shown) > perGroup {
			shown = shown[:perGroup]
		}
		fmt.Fprintf(w, "     at %s", strings.Join(shown, ", "))
		if len(g.locs) > len(shown) {
			fmt.Fprintf(w, " and %d more", len(g.locs)-len(shown))
		}
		fmt.Fprintf(w, "\n     e.g. %s\n", g.example)
	}
}
