// Package store owns koe's SQLite database: the schema (schema.sql, embedded
// and printed by `koe help schema`), migrations, and every write. It is the
// only package that links the SQLite driver. Other packages read through the
// *sql.DB it hands out; they never write. SystemErrno tells callers when
// a failure was the file system's (a full or read-only disk), so that they
// can say so without linking the driver.
package store
