package store

import (
	"database/sql"
	_ "embed"
	"fmt"
	"os"

	_ "github.com/mattn/go-sqlite3" // the one place koe links SQLite
)

// Schema is the database schema, with a comment on every table and column:
// the tables (schema.sql), the views for staff (views.sql) and the
// distinctive words (keyness.sql).
var Schema = tablesSQL + "\n" + viewsSQL + "\n" + keynessSQL

//go:embed schema.sql
var tablesSQL string

//go:embed views.sql
var viewsSQL string

//go:embed keyness.sql
var keynessSQL string

// migrations bring a database from user_version i to i+1.
var migrations = []string{
	tablesSQL,  // 0 → 1: the tables
	viewsSQL,   // 1 → 2: the views for staff
	keynessSQL, // 2 → 3: distinctive words per demographic group
}

// SchemaVersion is PRAGMA user_version of an up-to-date database.
var SchemaVersion = len(migrations)

// DB is an open koe database.
type DB struct {
	reader
	db   *sql.DB
	path string
	// laterIndexes: ReplaceWave leaves the answers indexes to
	// BuildAnswerIndexes (DeferAnswerIndexes).
	laterIndexes bool
}

// Open opens (creating if needed) the database at path and brings its
// schema up to date.
func Open(path string) (*DB, error) {
	return open(path, "_journal_mode=WAL&_synchronous=NORMAL")
}

// OpenScratch opens a new database that is thrown away if anything fails
// before it is complete, such as the one `koe run` builds in its staging
// directory: with no journal and no syncs, a large study is written once
// instead of twice (a write-ahead log as big as the database, then the
// checkpoint). A crash leaves the file unusable, which is why only a
// database that will be discarded on failure may be opened this way. The
// mode is not stored in the file: the next Open uses the write-ahead log.
func OpenScratch(path string) (*DB, error) {
	return open(path, "_journal_mode=OFF&_synchronous=OFF")
}

func open(path, journal string) (*DB, error) {
	// A 256 MiB page cache (it grows only as used) keeps the index builds
	// and large reads of a big study in memory instead of re-reading pages.
	// Prepared statements are kept for reuse by their text: the updates
	// sent many rows to a statement (the documents' duplicate groups, the
	// weights) are the same text every time, and preparing each anew took
	// 5 s of a million respondents' analysis.
	dsn := "file:" + path + "?" + journal + "&_foreign_keys=off&_busy_timeout=5000&_cache_size=-262144&_stmt_cache_size=4"
	db, err := sql.Open("sqlite3", dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	s := &DB{reader: reader{db}, db: db, path: path}
	if err := s.migrate(); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return s, nil
}

// ReadOnly opens a second, read-only handle on the same file, so an export
// can read while the report is built on the first (WAL readers do not
// block each other). The caller closes it.
func (s *DB) ReadOnly() (*sql.DB, error) {
	db, err := sql.Open("sqlite3", "file:"+s.path+"?mode=ro&_busy_timeout=5000&_cache_size=-65536")
	if err != nil {
		return nil, fmt.Errorf("open %s read-only: %w", s.path, err)
	}
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s read-only: %w", s.path, err)
	}
	return db, nil
}

// ShareReads puts the database in write-ahead-log mode, so that a
// ReadOnly handle reads the last committed state while this handle goes on
// writing. A scratch database is written without a journal, which is
// fastest for ingest's bulk rows; but then a reader's transaction and this
// writer lock each other out. Call it between transactions.
func (s *DB) ShareReads() error {
	var mode string
	if err := s.db.QueryRow("PRAGMA journal_mode=WAL").Scan(&mode); err != nil {
		return fmt.Errorf("%s: write-ahead log: %w", s.path, err)
	}
	if mode != "wal" {
		return fmt.Errorf("%s: write-ahead log: journal mode is still %q", s.path, mode)
	}
	return nil
}

// SetCache sets the page cache of this handle to at most mib MiB; a
// smaller limit frees the pages above it. Open gives 256 MiB, for the bulk
// loads and index builds; what follows them needs far less, and on a large
// study the memory is better left to the analysis.
func (s *DB) SetCache(mib int) error {
	if _, err := s.db.Exec(fmt.Sprintf("PRAGMA cache_size = -%d", mib*1024)); err != nil {
		return fmt.Errorf("%s: cache size: %w", s.path, err)
	}
	return nil
}

// SQL returns the underlying handle, for packages that only read.
func (s *DB) SQL() *sql.DB { return s.db }

// Close closes the database.
func (s *DB) Close() error { return s.db.Close() }

// Checkpoint copies the write-ahead log into the database file and empties
// it. Close does the same but cannot report failure: on a full disk it
// leaves the last transactions in the -wal file beside the database, and a
// caller that then moves the database file alone loses them. Call it before
// Close when the file is to be moved.
func (s *DB) Checkpoint() error {
	var busy, frames, done int
	if err := s.db.QueryRow("PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &frames, &done); err != nil {
		return fmt.Errorf("checkpoint %s: %w", s.path, err)
	}
	if busy != 0 {
		return fmt.Errorf("checkpoint %s: another connection is using the database", s.path)
	}
	return nil
}

// Sync flushes the database file to disk. A scratch database (OpenScratch)
// never syncs by itself, so it must be synced, after Close, before it
// replaces a previous one.
func (s *DB) Sync() error {
	f, err := os.OpenFile(s.path, os.O_RDWR, 0)
	if err != nil {
		return fmt.Errorf("sync %s: %w", s.path, err)
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("sync %s: %w", s.path, err)
	}
	return nil
}

func (s *DB) migrate() error {
	var v int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		return err
	}
	if v > SchemaVersion {
		return fmt.Errorf("database schema version %d is newer than this koe (%d): use a newer koe", v, SchemaVersion)
	}
	if v == SchemaVersion {
		return nil
	}
	tx, err := s.db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for ; v < SchemaVersion; v++ {
		if _, err := tx.Exec(migrations[v]); err != nil {
			return fmt.Errorf("migrate schema %d → %d: %w", v, v+1, err)
		}
	}
	if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion)); err != nil {
		return err
	}
	return tx.Commit()
}
