package tables

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
)

// file is one CSV to write, with what index.csv says about it.
type file struct {
	name                       string
	title, kind                string
	wave, question, demography string
	base                       string // "n=1,234" style base, as a number
	note                       string
	t                          *table
}

// Write writes every table the report shows as CSV files under dir (the
// study's out/tables), replacing what was there. Nothing is left
// half-written: the files go to a temporary directory beside dir that is
// renamed into place when all are written.
func Write(db *sql.DB, dir string) error {
	if db == nil {
		return errors.New("tables: no database")
	}
	files, err := collect(db)
	if err != nil {
		return fmt.Errorf("tables: %w", err)
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("tables: %w", err)
	}
	tmp, err := os.MkdirTemp(parent, ".tmp-"+filepath.Base(dir)+"-*")
	if err != nil {
		return fmt.Errorf("tables: %w", err)
	}
	defer os.RemoveAll(tmp) // gone after the rename; cleans up after a failure
	if err := os.Chmod(tmp, 0o755); err != nil {
		return fmt.Errorf("tables: %w", err)
	}
	for _, f := range files {
		b, err := f.t.bytes()
		if err != nil {
			return fmt.Errorf("tables: encode %s: %w", f.name, err)
		}
		if err := os.WriteFile(filepath.Join(tmp, f.name), b, 0o644); err != nil {
			return fmt.Errorf("tables: %w", err)
		}
	}
	if err := replaceDir(tmp, dir); err != nil {
		return fmt.Errorf("tables: %w", err)
	}
	return nil
}

// replaceDir puts the finished directory tmp at dir. The old dir is moved
// aside first and removed only once the new one is in place, so a failure
// leaves the previous tables.
func replaceDir(tmp, dir string) error {
	old := ""
	if _, err := os.Stat(dir); err == nil {
		old = tmp + ".old"
		if err := os.Rename(dir, old); err != nil {
			return err
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		if old != "" {
			_ = os.Rename(old, dir)
		}
		return err
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// collect builds every file in index order: summary, then per wave its
// tallies, summaries, crosstabs, themes, codes and quarantine.
func collect(db *sql.DB) ([]*file, error) {
	l := &loader{db: db, names: map[string]bool{"index.csv": true}}
	waves, err := l.waves()
	if err != nil {
		return nil, fmt.Errorf("read waves: %w", err)
	}
	files := []*file{l.summary(waves)}
	for _, w := range waves {
		fs, err := l.wave(w)
		if err != nil {
			return nil, fmt.Errorf("wave %s: %w", w.id, err)
		}
		files = append(files, fs...)
	}
	idx := &table{header: []string{"ファイル", "表題", "種類", "調査", "設問", "属性", "基数", "備考"}}
	for _, f := range files {
		idx.add(txt(f.name), txt(f.title), txt(f.kind), txt(f.wave), txt(f.question), txt(f.demography), cell{s: f.base}, txt(f.note))
	}
	index := &file{name: "index.csv", t: idx}
	return append([]*file{index}, files...), nil
}

type loader struct {
	db    *sql.DB
	names map[string]bool // file names taken
}

var safeID = regexp.MustCompile(`^[A-Za-z0-9_-]{1,60}$`)

// part is id as a file-name part: itself when plain ASCII, else fallback.
func part(id, fallback string) string {
	if safeID.MatchString(id) {
		return id
	}
	return fallback
}

// name reserves a unique file name built from parts.
func (l *loader) name(base string) string {
	n := base + ".csv"
	for i := 2; l.names[n]; i++ {
		n = base + "_" + strconv.Itoa(i) + ".csv"
	}
	l.names[n] = true
	return n
}

func (l *loader) each(q string, args []any, fn func(*sql.Rows) error) error {
	rows, err := l.db.Query(q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
