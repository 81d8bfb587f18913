package tables_test

import (
	"fmt"
	"os"
	"path/filepath"

	"koe/reports/store"
	"koe/reports/tables"
)

// Write puts the report's tables under out/tables, one CSV each, with
// index.csv naming them in Japanese.
func ExampleWrite() {
	dir, err := os.MkdirTemp("", "koe-tables")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	db, err := store.Open(filepath.Join(dir, "koe.sqlite"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer db.Close()
	// In the pipeline, ingest and analyze fill these tables.
	if _, err := db.SQL().Exec(`
		INSERT INTO waves (wave_id, ord, label, source_path, source_sha256, encoding, rows_read, rows_loaded, rows_quarantined) VALUES ('R8', 1, '令和8年度 市民意識調査', 'r8/survey.csv', 'ab12', 'utf-8', 10, 10, 0);
		INSERT INTO questions (wave_id, question_id, ord, column_name, kind, is_demographic)
			VALUES ('R8', 'area', 1, '問1 お住まいの地区', 'single', 1);
		INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n)
			VALUES ('R8', 'area', '豊科', '豊科', 1, 6, 6, 60, 10), ('R8', 'area', '穂高', '穂高', 2, 4, 4, 40, 10)`); err != nil {
		fmt.Println(err)
		return
	}
	out := filepath.Join(dir, "out", "tables")
	if err := tables.Write(db.SQL(), out); err != nil {
		fmt.Println(err)
		return
	}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		fmt.Println(e.Name())
	}
	b, _ := os.ReadFile(filepath.Join(out, "R8_tally_area.csv"))
	fmt.Printf("%q\n", b)
	// Output:
	// R8_tally_area.csv
	// index.csv
	// summary.csv
	// "\ufeff選択肢,コード,人数,％,基数\r\n豊科,豊科,6,60.0,10\r\n穂高,穂高,4,40.0,10\r\n"
}
