package report

import "fmt"

// Tables written by later versions of the analysis may be missing from an
// older database; the sections built from them then say there is nothing
// to show rather than fail.

// optionalTables are read only when present (v_demographics is a view).
var optionalTables = []string{"cooc_nodes", "cooc_edges", "ca_points", "ca_inertia", "ca_bases", "masking", "v_demographics",
	"distinctive_groups", "distinctive_terms"}

// loadTables records which of the optional tables the database has.
func (l *loader) loadTables() error {
	l.tables = map[string]bool{}
	for _, t := range optionalTables {
		var n int
		if err := l.db.QueryRow(`SELECT COUNT(*) FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?`, t).Scan(&n); err != nil {
			return fmt.Errorf("look up table %s: %w", t, err)
		}
		l.tables[t] = n > 0
	}
	return nil
}

// has reports whether every one of the tables is present.
func (l *loader) has(tables ...string) bool {
	for _, t := range tables {
		if !l.tables[t] {
			return false
		}
	}
	return true
}
