package store

import (
	"database/sql"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestMigrateFromVersion1 opens a database made by a koe that had only the
// tables (user_version 1) and checks the views are added in place.
func TestMigrateFromVersion1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.sqlite")
	raw, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(tablesSQL + "\nPRAGMA user_version = 1;"); err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`INSERT INTO waves (wave_id, ord, label, rows_read, rows_loaded, rows_quarantined) VALUES ('R7', 1, 'old', 3, 3, 0)`); err != nil {
		t.Fatal(err)
	}
	raw.Close()

	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v, n int
	if err := db.SQL().QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		t.Fatal(err)
	}
	if v != SchemaVersion {
		t.Errorf("user_version = %d, want %d", v, SchemaVersion)
	}
	if err := db.SQL().QueryRow("SELECT COUNT(*) FROM v_answers").Scan(&n); err != nil {
		t.Errorf("views missing after migration: %v", err)
	}
	if err := db.SQL().QueryRow("SELECT COUNT(*) FROM waves").Scan(&n); err != nil || n != 1 {
		t.Errorf("the old rows did not survive the migration: n=%d err=%v", n, err)
	}
}

// TestMigrateFromVersion2 opens a database made by a koe without the
// distinctive-word tables (user_version 2) and checks they are added and
// the old rows kept.
func TestMigrateFromVersion2(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v2.sqlite")
	raw, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(tablesSQL + "\n" + viewsSQL + "\nPRAGMA user_version = 2;"); err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`INSERT INTO waves (wave_id, ord, label, rows_read, rows_loaded, rows_quarantined) VALUES ('R7', 1, 'old', 3, 3, 0)`); err != nil {
		t.Fatal(err)
	}
	raw.Close()

	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v, n int
	if err := db.SQL().QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		t.Fatal(err)
	}
	if v != 3 || SchemaVersion != 3 {
		t.Errorf("user_version = %d, SchemaVersion %d; want 3", v, SchemaVersion)
	}
	for _, tb := range []string{"distinctive_groups", "distinctive_terms"} {
		if err := db.SQL().QueryRow("SELECT COUNT(*) FROM " + tb).Scan(&n); err != nil {
			t.Errorf("%s missing after migration: %v", tb, err)
		}
	}
	if err := db.SQL().QueryRow("SELECT COUNT(*) FROM waves").Scan(&n); err != nil || n != 1 {
		t.Errorf("the old rows did not survive the migration: n=%d err=%v", n, err)
	}
}

func TestNewerDatabaseRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.sqlite")
	raw, _ := sql.Open("sqlite3", "file:"+path)
	if _, err := raw.Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	if _, err := Open(path); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("opening a newer database: err = %v, want a 'newer' error", err)
	}
}

// TestSchemaDocumented: `koe help schema` is the staff's documentation, so
// every table has a comment line above it and every column a comment.
func TestSchemaDocumented(t *testing.T) {
	lines := strings.Split(tablesSQL+"\n"+keynessSQL, "\n")
	create := regexp.MustCompile(`^CREATE TABLE (\w+)`)
	column := regexp.MustCompile(`^\s+(\w+)\s+(TEXT|INTEGER|REAL)`)
	in := ""
	for i, l := range lines {
		if m := create.FindStringSubmatch(l); m != nil {
			in = m[1]
			if i == 0 || !strings.HasPrefix(lines[i-1], "--") {
				t.Errorf("table %s has no comment line above it", in)
			}
			continue
		}
		if strings.HasPrefix(l, ")") {
			in = ""
		}
		if m := column.FindStringSubmatch(l); m != nil && in != "" && !strings.Contains(l, "--") {
			t.Errorf("column %s.%s has no comment", in, m[1])
		}
	}
}

// TestSchemaPrintsEveryTable: `koe help schema` prints Schema, so every
// migration's tables are in it.
func TestSchemaPrintsEveryTable(t *testing.T) {
	for _, m := range migrations {
		for _, l := range strings.Split(m, "\n") {
			if strings.HasPrefix(l, "CREATE ") && !strings.Contains(Schema, l) {
				t.Errorf("Schema lacks %q", l)
			}
		}
	}
	if !strings.Contains(Schema, "CREATE TABLE distinctive_terms") {
		t.Error("Schema lacks distinctive_terms")
	}
}
