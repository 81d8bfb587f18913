//go:build !cgo

package store

import "syscall"

// SystemErrno returns 0: without cgo the driver is a stub whose every call
// fails before touching a file.
func SystemErrno(err error) syscall.Errno { return 0 }
