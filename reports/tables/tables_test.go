package tables_test

import (
	"bytes"
	"encoding/csv"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"koe/reports/report"
	"koe/reports/store"
	"koe/reports/tables"
)

var update = flag.Bool("update", false, "rewrite testdata/golden")

func openFixture(t testing.TB, extra ...string) *store.DB {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "koe.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	b, err := os.ReadFile(filepath.Join("testdata", "fixture.sql"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range append([]string{string(b)}, extra...) {
		if _, err := db.SQL().Exec(s); err != nil {
			t.Fatalf("fixture: %v", err)
		}
	}
	return db
}

// write runs tables.Write into a fresh out/tables and returns that dir.
func write(t testing.TB, db *store.DB) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "out", "tables")
	if err := tables.Write(db.SQL(), dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

// readCSV reads a file back the way a program would: BOM stripped, then
// encoding/csv.
func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))))
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", filepath.Base(path), err)
	}
	return recs
}

func files(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func TestGolden(t *testing.T) {
	dir := write(t, openFixture(t))
	golden := filepath.Join("testdata", "golden")
	if *update {
		if err := os.RemoveAll(golden); err != nil {
			t.Fatal(err)
		}
		if err := os.CopyFS(golden, os.DirFS(dir)); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, want := files(t, dir), files(t, golden)
	if !slices.Equal(got, want) {
		t.Fatalf("files %q, want %q (rerun with -update if intended)", got, want)
	}
	for _, name := range got {
		g, _ := os.ReadFile(filepath.Join(dir, name))
		w, _ := os.ReadFile(filepath.Join(golden, name))
		if !bytes.Equal(g, w) {
			t.Errorf("%s differs from testdata/golden (rerun with -update if intended):\n got: %q\nwant: %q", name, g, w)
		}
	}
}

func TestFileNames(t *testing.T) {
	got := files(t, write(t, openFixture(t)))
	want := []string{
		"R8_codes.csv",
		"R8_crosstab_live_by_area.csv",
		"R8_crosstab_themes_by_area.csv",
		"R8_quarantine.csv",
		"R8_stats.csv",
		"R8_tally_area.csv",
		"R8_tally_info_source.csv",
		"R8_tally_live.csv",
		"R8_tally_q05.csv", // question id 市の印象 is not ASCII: its position
		"R8_tally_sat_kotsu.csv",
		"R8_themes.csv",
		"R8_words_by_area.csv",
		"index.csv",
		"summary.csv",
	}
	if !slices.Equal(got, want) {
		t.Errorf("files\n got %q\nwant %q", got, want)
	}
	for _, n := range got {
		for _, r := range n {
			if r > 0x7e {
				t.Errorf("file name %q is not ASCII", n)
			}
		}
	}
}

func TestExcelEncoding(t *testing.T) {
	dir := write(t, openFixture(t))
	for _, name := range files(t, dir) {
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}) {
				t.Error("no UTF-8 byte-order mark: Excel would read Shift_JIS")
			}
			if !bytes.HasSuffix(b, []byte("\r\n")) {
				t.Error("last line does not end in CRLF")
			}
			if n := bytes.Count(b, []byte("\n")); n != bytes.Count(b, []byte("\r\n")) {
				t.Errorf("%d line feeds, %d of them after CR: every line must end in CRLF", n, bytes.Count(b, []byte("\r\n")))
			}
			recs := readCSV(t, filepath.Join(dir, name))
			if len(recs) < 2 {
				t.Errorf("%d records: want a header row and data", len(recs))
			}
		})
	}
}

// TestNoFormula reads every cell back and checks none would run as a
// formula: a cell may start with '-' only when it is a number koe wrote.
func TestNoFormula(t *testing.T) {
	dir := write(t, openFixture(t))
	seen := map[string]bool{}
	for _, name := range files(t, dir) {
		for i, rec := range readCSV(t, filepath.Join(dir, name)) {
			for j, c := range rec {
				if c == "" {
					continue
				}
				switch c[0] {
				case '=', '+', '@', '\t', '\r':
					t.Errorf("%s record %d field %d starts a formula: %q", name, i+1, j+1, c)
				case '-':
					if _, err := strconv.ParseFloat(c, 64); err != nil {
						t.Errorf("%s record %d field %d starts with '-' and is not a number: %q", name, i+1, j+1, c)
					}
				}
				seen[c] = true
			}
		}
	}
	// The fixture's payloads arrive, neutralised, in tallies, the index,
	// theme labels, policy codes and quarantine reasons.
	for _, want := range []string{
		`'=HYPERLINK("http://evil.example","押す")`, "'+1", "'-2", "'@SUM(A1:A9)", "'\ttab", "'cr",
		"'=cmd|' /C calc'!A0", "'-北アルプス、水", "'+自然環境", "'=the row has 16 cells but the header has 43",
		`'-"たくさん" is not a number`, "単純集計 =問6 市の印象",
	} {
		if !seen[want] {
			t.Errorf("no cell reads %q", want)
		}
	}
	// Numbers koe writes stay numbers: the likert mean −18/19 = −0.947… → −0.95.
	if !seen["-0.95"] {
		t.Error("negative mean -0.95 missing or quoted")
	}
}

func TestTallyAndCrosstab(t *testing.T) {
	dir := write(t, openFixture(t))
	tests := []struct {
		file string
		want [][]string
	}{
		{"R8_tally_area.csv", [][]string{
			{"選択肢", "コード", "人数", "％", "基数"},
			{"豊科", "豊科", "8", "40.0", "20"},
			{"穂高", "穂高", "7", "35.0", "20"},
			{"明科", "明科", "4", "20.0", "20"},
			{"無回答", "", "1", "5.0", "20"},
		}},
		// fixture.sql crosstab 1: 19 respondents; 全体 (7 + 4 + 1)/19 =
		// 63.157… → 63.2 and 7/19 = 36.842… → 36.8; 穂高 4/7 = 57.142… →
		// 57.1. Suppressed cells print x as in the report, and lose their
		// mark (豊科 × 移りたい has residual −2.05 but is hidden).
		{"R8_crosstab_live_by_area.csv", [][]string{
			{"お住まいの地区", "人数", "住み続けたい", "移りたい", "特に高い(▲)・低い(▼)"},
			{"全体", "19", "63.2", "36.8", ""},
			{"豊科", "8", "87.5", "x", "住み続けたい▲"},
			{"穂高", "7", "57.1", "x", ""},
			{"明科", "4", "x", "x", ""},
		}},
		// Themes in the report's order: broad themes by size, sub-themes
		// after their parent; shares of the 6 themed documents: 4/6 =
		// 66.666… → 66.7, 2/6 = 33.3, 1/6 = 16.666… → 16.7.
		{"R8_themes.csv", [][]string{
			{"テーマ", "上位のテーマ", "件数", "％", "特徴的な言葉"},
			{"'=cmd|' /C calc'!A0", "", "4", "66.7", "バス、本数"},
			{"デマンド交通", "'=cmd|' /C calc'!A0", "1", "16.7", "予約"},
			{"自然・景観", "", "2", "33.3", "'-北アルプス、水"},
		}},
		// Sorted by line; the raw cells (an address, a name and phone
		// number) are not there.
		{"R8_quarantine.csv", [][]string{
			{"ファイル", "行", "列", "列名", "理由"},
			{"r8/survey.csv", "9", "", "", "'=the row has 16 cells but the header has 43"},
			{"r8/survey.csv", "12", "7", "問5(2)", `'-"たくさん" is not a number`},
			{"r8/survey.csv", "18", "3", "年代", `"45歳" is not one of the options of age`},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got := readCSV(t, filepath.Join(dir, tt.file))
			if !slices.EqualFunc(got, tt.want, slices.Equal[[]string]) {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
	for _, name := range files(t, dir) {
		b, _ := os.ReadFile(filepath.Join(dir, name))
		for _, secret := range []string{"秘密の住所", "山田花子", "090-1234-5678"} {
			if bytes.Contains(b, []byte(secret)) {
				t.Errorf("%s contains %q from quarantine.raw", name, secret)
			}
		}
	}
}

func TestIndexListsEveryFile(t *testing.T) {
	dir := write(t, openFixture(t))
	recs := readCSV(t, filepath.Join(dir, "index.csv"))
	if want := []string{"ファイル", "表題", "種類", "調査", "設問", "属性", "基数", "備考"}; !slices.Equal(recs[0], want) {
		t.Fatalf("index header %q, want %q", recs[0], want)
	}
	var listed []string
	for _, r := range recs[1:] {
		listed = append(listed, r[0])
		if r[1] == "" {
			t.Errorf("%s has no title", r[0])
		}
	}
	slices.Sort(listed)
	var onDisk []string
	for _, n := range files(t, dir) {
		if n != "index.csv" {
			onDisk = append(onDisk, n)
		}
	}
	if !slices.Equal(listed, onDisk) {
		t.Errorf("index lists %q, directory holds %q", listed, onDisk)
	}
	byName := map[string][]string{}
	for _, r := range recs[1:] {
		byName[r[0]] = r
	}
	if r := byName["R8_tally_info_source.csv"]; r[1] != "単純集計 問9" || r[6] != "20" {
		t.Errorf("0/1-column question indexed as %q, want title 単純集計 問9 and base 20", r)
	}
	if r := byName["R8_crosstab_live_by_area.csv"]; r[1] != "問1 住み続けたいですか × お住まいの地区" || r[6] != "19" ||
		r[7] != "行％、χ²=4.60、自由度=2、p=0.100、クラメールのV=0.492" {
		t.Errorf("crosstab indexed as %q", r)
	}
}

// TestMatchesReport checks that every percentage of the tallies and
// crosstabs, and every question title, reads as in the HTML report.
func TestMatchesReport(t *testing.T) {
	db := openFixture(t)
	dir := write(t, db)
	m, err := report.Load(db.SQL(), report.Options{MinCell: 5})
	if err != nil {
		t.Fatal(err)
	}
	w := m.Waves[0]
	index := map[string]string{} // title → file
	for _, r := range readCSV(t, filepath.Join(dir, "index.csv"))[1:] {
		index[r[1]] = r[0]
	}
	for _, q := range append(append([]*report.Question{}, w.Demographics...), w.Questions...) {
		if len(q.Rows) == 0 {
			continue
		}
		name, ok := index["単純集計 "+q.Title]
		if !ok {
			t.Errorf("no table titled 単純集計 %s", q.Title)
			continue
		}
		recs := readCSV(t, filepath.Join(dir, name))[1:]
		if len(recs) != len(q.Rows) {
			t.Errorf("%s: %d rows, report has %d", name, len(recs), len(q.Rows))
			continue
		}
		for i, r := range q.Rows {
			if strings.TrimPrefix(recs[i][0], "'") != strings.TrimLeft(r.Label, "\t\r") && recs[i][0] != "'"+r.Label {
				t.Errorf("%s row %d label %q, report %q", name, i+1, recs[i][0], r.Label)
			}
			if recs[i][3] != r.Pct {
				t.Errorf("%s row %d: %s%%, report %s%%", name, i+1, recs[i][3], r.Pct)
			}
		}
	}
	for _, x := range append(append([]*report.Crosstab{}, w.Crosstabs...), w.Themes.Crosstabs...) {
		name, ok := index[x.Title]
		if !ok {
			t.Errorf("no table titled %s", x.Title)
			continue
		}
		recs := readCSV(t, filepath.Join(dir, name))[1:]
		rows := append([]report.XRow{x.Total}, x.Rows...)
		if len(recs) != len(rows) {
			t.Errorf("%s: %d rows, report has %d", name, len(recs), len(rows))
			continue
		}
		for i, r := range rows {
			if recs[i][1] != strings.ReplaceAll(r.N, ",", "") {
				t.Errorf("%s row %d: base %s, report %s", name, i+1, recs[i][1], r.N)
			}
			for j, c := range r.Cells {
				if recs[i][2+j] != c.Pct {
					t.Errorf("%s row %d column %d: %s, report %s", name, i+1, j+1, recs[i][2+j], c.Pct)
				}
			}
		}
	}
}

func TestDeterministic(t *testing.T) {
	db := openFixture(t)
	a, b := write(t, db), write(t, openFixture(t))
	for _, name := range files(t, a) {
		x, _ := os.ReadFile(filepath.Join(a, name))
		y, err := os.ReadFile(filepath.Join(b, name))
		if err != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two writes of the same rows", name)
		}
	}
}

func TestReplacesDirectory(t *testing.T) {
	db := openFixture(t)
	dir := filepath.Join(t.TempDir(), "out", "tables")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(dir, "R7_tally_old.csv")
	if err := os.WriteFile(stale, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := tables.Write(db.SQL(), dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("a table of an earlier run survived")
	}
	if got := files(t, filepath.Dir(dir)); !slices.Equal(got, []string{"tables"}) {
		t.Errorf("out/ holds %q, want only tables (no temporary directories)", got)
	}
}

func TestEmptyDatabase(t *testing.T) {
	db, err := store.Open(filepath.Join(t.TempDir(), "koe.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	dir := filepath.Join(t.TempDir(), "tables")
	if err := tables.Write(db.SQL(), dir); err != nil {
		t.Fatal(err)
	}
	if got := files(t, dir); !slices.Equal(got, []string{"index.csv", "summary.csv"}) {
		t.Errorf("empty database gave %q", got)
	}
}

func TestNoDatabase(t *testing.T) {
	if err := tables.Write(nil, t.TempDir()); err == nil {
		t.Error("Write(nil) succeeded")
	}
}

func BenchmarkWrite(b *testing.B) {
	db := openFixture(b)
	dir := filepath.Join(b.TempDir(), "tables")
	for b.Loop() {
		if err := tables.Write(db.SQL(), dir); err != nil {
			b.Fatal(err)
		}
	}
}
