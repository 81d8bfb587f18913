package report_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"koe/reports/report"
	"koe/reports/store"
)

// Load reads what the pipeline stored; Render writes the page.
func Example() {
	dir, err := os.MkdirTemp("", "koe-example")
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
		INSERT INTO waves (wave_id, ord, label, source_path, source_sha256, encoding, rows_read, rows_loaded, rows_quarantined) VALUES ('R8', 1, '令和8年度 市民意識調査', 'r8/survey.csv', 'ab12', 'utf-8', 1235, 1234, 1);
		WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 1234)
		INSERT INTO respondents SELECT 'R8', i, i + 1, 1.0 FROM s`); err != nil {
		fmt.Println(err)
		return
	}

	m, err := report.Load(db.SQL(), report.Options{Title: "安曇野市 市民意識調査", MinCell: 5, Version: "v1.0.0"})
	if err != nil {
		fmt.Println(err)
		return
	}
	var page strings.Builder
	if err := report.Render(&page, m); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(m.Waves[0].Findings[0].Text)
	for _, line := range strings.Split(page.String(), "\n") {
		if strings.HasPrefix(line, "<html") || strings.HasPrefix(line, "<h1>") {
			fmt.Println(line)
		}
	}
	// Output:
	// 有効回答は1,234人です（読み込んだ1,235行のうち1行は記入内容に不備があり集計から除外。「データの品質」参照）。
	// <html lang="ja">
	// <h1>安曇野市 市民意識調査</h1>
}
