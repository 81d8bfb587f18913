package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"koe/reports/parquet"
	"koe/reports/report"
	"koe/reports/store"
	"koe/reports/tables"
)

// stageReport writes the HTML report and the Parquet files under dir.
func stageReport(ctx context.Context, s *study, db *store.DB, dir string, p *progress) error {
	done := p.stage("report")
	c := p.counter("report", "", "steps", 3)
	defer c.Done()
	// The Parquet export reads on its own connection while the report is
	// built: on a large study both take seconds, and there are two cores.
	ro, err := db.ReadOnly()
	if err != nil {
		return err
	}
	defer ro.Close()
	var pqErr error
	var pq sync.WaitGroup
	pq.Go(func() { pqErr = parquet.Write(ro, filepath.Join(dir, "parquet")) })
	defer pq.Wait() // never leave the export running behind an error
	m, err := report.Load(db.SQL(), report.Options{Title: s.cfg.Title, MinCell: s.cfg.MinCell, Version: version})
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
	if err := tables.Write(db.SQL(), filepath.Join(dir, "tables")); err != nil {
		return fmt.Errorf("tables: %w", err)
	}
	c.Add(1)
	pq.Wait()
	if pqErr != nil {
		return fmt.Errorf("parquet: %w", pqErr)
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
