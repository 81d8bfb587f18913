package main

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"sync"

	"koe/reports/parquet"
	"koe/reports/report"
	"koe/reports/store"
	"koe/reports/tables"
)

// export is a Parquet export running on its own read-only connection.
type export struct {
	ro   *sql.DB
	wg   sync.WaitGroup
	err  error
	done bool
}

// Parquet files by when koe run writes them: answers.parquet as ingest
// writes the answers (answerStream); docs, whose masked text is ingest's
// alone, from the database beside the analysis; respondents last, as the
// analysis sets their weights.
var (
	ingestFiles = []string{"docs.parquet"}
	laterFiles  = []string{"respondents.parquet"}
)

// startExport begins writing the named Parquet files under dir/parquet
// from what db has committed. koe run starts ingestFiles as soon as ingest
// has committed and lets them run beside the analysis: reading then needs
// the database in WAL mode (store.DB.ShareReads), or the export's read
// transaction would hold off the analysis' writes.
func startExport(ctx context.Context, db *store.DB, dir string, files []string) (*export, error) {
	ro, err := db.ReadOnly()
	if err != nil {
		return nil, err
	}
	x := &export{ro: ro}
	x.wg.Go(func() {
		pprof.Do(ctx, pprof.Labels("stage", "export"), func(ctx context.Context) {
			x.err = parquet.WriteFiles(ctx, ro, filepath.Join(dir, "parquet"), files)
		})
	})
	return x, nil
}

// wait waits for the export and closes its connection; it is safe to call
// more than once and returns the export's error.
func (x *export) wait() error {
	if !x.done {
		x.wg.Wait()
		x.ro.Close()
		x.done = true
	}
	if x.err != nil {
		return fmt.Errorf("parquet: %w", x.err)
	}
	return nil
}

// stageReport writes the HTML report and the tables under dir, and the
// Parquet files beside them (on a large study both take seconds, and there
// are two cores). early, when not nil, is an export of ingestFiles already
// running; it is waited for.
//
// With index (koe run, whose ingest left the answers unindexed:
// store.DB.DeferAnswerIndexes), the answers index is built on db's
// connection beside the report, which reads through a read-only one: the
// index is one sort of every answer, and the report's few lookups of
// answers by respondent wait for it at the end of report.Load.
func stageReport(ctx context.Context, s *study, db *store.DB, dir string, p *progress, early *export, index bool) error {
	done := p.stage("report")
	c := p.counter("report", "", "steps", 3)
	defer c.Done()
	files := parquet.Files()
	if early != nil {
		defer early.wait()
		files = laterFiles
	}
	x, err := startExport(ctx, db, dir, files)
	if err != nil {
		return err
	}
	defer x.wait() // never leave the export running behind an error
	src := db.SQL()
	var indexed func() error
	if index {
		ro, err := db.ReadOnly()
		if err != nil {
			return err
		}
		defer ro.Close()
		src = ro
		doneIndex := p.stage("index")
		built := make(chan struct{})
		var ierr error
		ictx, stopIndex := context.WithCancel(ctx)
		go pprof.Do(ictx, pprof.Labels("stage", "index"), func(ctx context.Context) {
			defer close(built)
			if ierr = db.BuildAnswerIndexes(ctx); ierr == nil {
				doneIndex("answers by respondent")
			}
		})
		indexed = func() error { <-built; return ierr }
		// A failed report stops the sort (half a minute on a million
		// respondents) and waits for it.
		defer func() { stopIndex(); <-built }()
	}
	// The tables first: they need no index, and the report's lookups
	// that do come last.
	if err := tables.Write(src, filepath.Join(dir, "tables")); err != nil {
		return fmt.Errorf("tables: %w", err)
	}
	c.Add(1)
	m, err := report.Load(src, report.Options{Title: s.cfg.Title, MinCell: s.cfg.MinCell, Version: version, AnswersIndexed: indexed})
	if err != nil {
		return fmt.Errorf("load report data: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := writeFileAtomic(filepath.Join(dir, "report", "index.html"), func(w *bufio.Writer) error {
		return report.Render(w, m)
	}); err != nil {
		return err
	}
	c.Add(1)
	if err := x.wait(); err != nil {
		return err
	}
	if early != nil {
		if err := early.wait(); err != nil {
			return err
		}
	}
	if indexed != nil {
		if err := indexed(); err != nil {
			return err
		}
	}
	c.Done()
	done("report/index.html, parquet/, tables/")
	return nil
}

// writeFileAtomic writes path through a temporary file renamed into place,
// so a reader never sees half a file.
func writeFileAtomic(path string, fill func(w *bufio.Writer) error) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-"+filepath.Base(path)+"-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp)
	w := bufio.NewWriterSize(f, 1<<16)
	if err := fill(w); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
