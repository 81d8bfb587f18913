package survey

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sharedDir finds ../shared beside the module root, or skips the test.
func sharedDir(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("no go.mod above the package directory, so no ../shared to read")
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(shared); err != nil {
		t.Skipf("../shared is absent beside the module root (%v); the real-data test needs it", err)
	}
	return shared
}

// TestFukuiEndToEnd reads a real export — 2,215 rows, 90 columns, a BOM,
// newlines inside cells — and checks it against counts taken from the same
// file with encoding/csv, independently of csvx, textenc and the codebook.
// (Python's csv module gives the same figures: 2,215 rows; 女 × 満足 604,
// 男 × とても満足 348.)
func TestFukuiEndToEnd(t *testing.T) {
	path := filepath.Join(sharedDir(t), "realdata", "fukui-survey", "monthly_202410.csv")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("real data not available: %v", err)
	}
	defer f.Close()
	cb := loadBook(t, filepath.Join("testdata", "fukui", "codebook.toml"))
	var c collect
	res, err := Read(f, "monthly_202410.csv", "2024-10", cb, &c)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	for _, q := range c.quar {
		t.Errorf("quarantined %s:%d:%d: %s", q.SourcePath, q.Line, q.Column, q.Reason)
	}
	if res.Stats.RowsRead != 2215 || res.Stats.RowsLoaded+res.Stats.RowsQuarantined != 2215 {
		t.Errorf("stats %+v, want 2215 rows read and accounted for", res.Stats)
	}
	if res.Encoding != "utf-8-bom" {
		t.Errorf("encoding %s, want utf-8-bom", res.Encoding)
	}

	// The independent count.
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cr := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(raw), "\uFEFF")))
	rows, err := cr.ReadAll()
	if err != nil {
		t.Fatalf("encoding/csv: %v", err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	type cell struct{ sex, sat string }
	want := map[cell]int{}
	wantReasons, wantOther := 0, 0
	for _, r := range rows[1:] {
		sex := r[col["性別"]]
		if sex != "無回答" {
			want[cell{sex, r[col["満足度"]]}]++
		}
		if strings.TrimSpace(r[col["満足度の理由"]]) != "" {
			wantReasons++
		}
		if v := strings.TrimSpace(r[col["その他"]]); v != "" && v != "0" && v != "1" {
			wantOther++
		}
	}
	if len(rows)-1 != 2215 {
		t.Fatalf("encoding/csv read %d rows", len(rows)-1)
	}

	got := map[cell]int{}
	gotReasons, gotOther := 0, 0
	for _, r := range c.resp {
		var sex, sat string
		for _, a := range r.Answers {
			switch a.QuestionID {
			case "sex":
				sex = a.Code
			case "satisfaction":
				sat = a.Code
			}
		}
		if sex != "" {
			got[cell{sex, sat}]++
		}
		for _, d := range r.Docs {
			switch d.QuestionID {
			case "reason":
				gotReasons++
			case "purpose":
				gotOther++
			case "member":
				t.Fatalf("the personal column reached the output: %+v", d)
			}
		}
	}
	if len(got) != len(want) {
		t.Errorf("crosstab has %d cells, want %d", len(got), len(want))
	}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("性別 %s × 満足度 %s: %d, want %d", k.sex, k.sat, got[k], n)
		}
	}
	if want[cell{"女", "満足"}] != 604 || want[cell{"男", "とても満足"}] != 348 {
		t.Errorf("the independent count disagrees with the figures from Python: %v", want)
	}
	if gotReasons != wantReasons || gotOther != wantOther {
		t.Errorf("docs: %d reasons and %d その他 texts, want %d and %d", gotReasons, gotOther, wantReasons, wantOther)
	}
}

// TestPersonalNeverStored reads the basic fixture and checks no answer or
// doc comes from the personal columns, by question id.
func TestPersonalNeverStored(t *testing.T) {
	cb := loadBook(t, filepath.Join("testdata", "basic", "codebook.toml"))
	f, err := os.Open(filepath.Join("testdata", "basic", "survey.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var c collect
	if _, err := Read(f, "s.csv", "R8", cb, &c); err != nil {
		t.Fatal(err)
	}
	for _, r := range c.resp {
		for _, d := range r.Docs {
			if d.QuestionID == "name" || d.QuestionID == "mail" {
				t.Errorf("doc of personal question %s stored: %q", d.QuestionID, d.Text)
			}
		}
		for _, a := range r.Answers {
			if q := cb.Question(a.QuestionID); q == nil || q.Personal {
				t.Errorf("answer to %s stored", a.QuestionID)
			}
		}
	}
}
