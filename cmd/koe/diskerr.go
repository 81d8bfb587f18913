package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"koe/reports/store"
)

// writeError is a write the file system refused: the disk is full, or the
// output directory is read-only or not ours to write. Such failures reach
// the user through several wrapped layers (tables: write …: no space left
// on device; open …: database or disk is full) and are not koe's fault, so
// they are reported as one sentence naming the path, with what to do.
type writeError struct {
	path  string        // the file or directory koe was writing
	errno syscall.Errno // ENOSPC, EDQUOT, EROFS, EACCES or EPERM
	site  writeSite
	err   error
}

// writeSite is where a command writes.
type writeSite struct {
	outDir string // the study's output directory; "" when not a study's
	db     string // the database being written, which a SQLite error cannot name
	kept   bool   // a failure leaves the previous outputs in outDir as they were
}

func (e *writeError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "cannot write %s: %s", e.path, e.reason())
	where := e.site.outDir
	if where == "" {
		where = filepath.Dir(e.path)
	}
	switch e.errno {
	case syscall.ENOSPC, syscall.EDQUOT:
		fmt.Fprintf(&b, "\n  free some space on the disk that holds %s (or set out = … in koe.toml to a directory on another disk), then run again", where)
	default:
		fmt.Fprintf(&b, "\n  make %s writable (or set out = … in koe.toml to a directory you can write), then run again", where)
	}
	if e.site.kept && e.site.outDir != "" {
		fmt.Fprintf(&b, "; the previous outputs in %s are unchanged", e.site.outDir)
	}
	return b.String()
}

func (e *writeError) reason() string {
	switch e.errno {
	case syscall.ENOSPC:
		return "the disk is full"
	case syscall.EDQUOT:
		return "the disk quota is used up"
	case syscall.EROFS:
		return "read-only file system"
	}
	return "permission denied"
}

func (e *writeError) Unwrap() error { return e.err }

// explainWrite turns a failure of the file system a command writes to into
// a *writeError; other errors pass unchanged. A permission error counts
// only inside the output directory or from the database: elsewhere it is an
// input koe could not read.
func explainWrite(err error, site writeSite) error {
	if err == nil {
		return nil
	}
	var we *writeError
	if errors.As(err, &we) {
		return err
	}
	path, errno := "", syscall.Errno(0)
	outDir, db := site.outDir, site.db
	if n := store.SystemErrno(err); n != 0 && db != "" {
		path, errno = db, n
	} else if !errors.As(err, &errno) {
		return err
	}
	if path == "" {
		var pe *fs.PathError
		var le *os.LinkError
		switch {
		case errors.As(err, &pe):
			path = pe.Path
		case errors.As(err, &le):
			path = le.New
		default:
			path = outDir
		}
	}
	switch errno {
	case syscall.ENOSPC, syscall.EDQUOT, syscall.EROFS:
	case syscall.EACCES, syscall.EPERM:
		if path == "" || (path != db && !within(path, outDir)) {
			return err
		}
	default:
		return err
	}
	if path == "" {
		return err
	}
	return &writeError{path: path, errno: errno, site: site, err: err}
}

// within reports whether path is dir or lies below it.
func within(path, dir string) bool {
	if dir == "" {
		return false
	}
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
