//go:build cgo

package store

import (
	"errors"
	"syscall"

	"github.com/mattn/go-sqlite3"
)

// SystemErrno returns the operating-system error behind a SQLite failure in
// err's chain, so that callers can tell a full or read-only disk from other
// failures without linking the driver: the errno SQLite recorded, or, when
// it recorded none, ENOSPC for SQLITE_FULL and EACCES for SQLITE_READONLY.
// SQLite's unix VFS records no errno for a short write, which is how a full
// disk shows, hence the mapping. It returns 0 when err holds no SQLite
// error, or one that is not about the file system.
func SystemErrno(err error) syscall.Errno {
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return 0
	}
	if se.SystemErrno != 0 {
		return se.SystemErrno
	}
	switch se.Code {
	case sqlite3.ErrFull:
		return syscall.ENOSPC
	case sqlite3.ErrReadonly:
		return syscall.EACCES
	}
	return 0
}
