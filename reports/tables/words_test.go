package tables_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestWords checks the 特徴語 file against the rows fixture.sql adds (its
// comment gives where the numbers come from).
func TestWords(t *testing.T) {
	tests := []struct {
		name  string
		extra []string
		want  [][]string // nil: no file
	}{
		{
			name: "fixture",
			want: [][]string{
				{"お住まいの地区", "書いた人数", "順位", "特徴語", "使った人数", "この層の％", "ほかの層の％", "G²", "p値", "補正後p値", "有意(＊)"},
				// 5/6 = 83.33… → 83.3; one other writer (< 5) → x;
				// G² 5.8220… → 5.82, p 0.01583 → 0.016.
				{"豊科", "6", "1", "バス", "5", "83.3", "x", "5.82", "0.016", "0.016", "＊"},
				// The formula is neutralised; p 0.000965 → <0.001, p_adj 0.00193 → 0.002.
				{"穂高", "6", "1", "'=SUM(1,2)", "5", "83.3", "0.0", "10.89", "<0.001", "0.002", "＊"},
				{"明科", "0", "", "—", "", "", "", "", "", "", ""},
			},
		},
		{
			name:  "no word at all",
			extra: []string{"DELETE FROM distinctive_terms"},
		},
		{
			name:  "older database",
			extra: []string{"DROP TABLE distinctive_terms"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := write(t, openFixture(t, tc.extra...))
			has := slices.Contains(files(t, dir), "R8_words_by_area.csv")
			if tc.want == nil {
				if has {
					t.Error("R8_words_by_area.csv written without words")
				}
				return
			}
			if !has {
				t.Fatal("no R8_words_by_area.csv")
			}
			got := readCSV(t, filepath.Join(dir, "R8_words_by_area.csv"))
			if len(got) != len(tc.want) {
				t.Fatalf("%d records, want %d:\n%q", len(got), len(tc.want), got)
			}
			for i := range got {
				if !slices.Equal(got[i], tc.want[i]) {
					t.Errorf("record %d\n got %q\nwant %q", i+1, got[i], tc.want[i])
				}
				if slices.Contains(got[i], "駅") {
					t.Errorf("record %d shows 駅, which has fewer writers than min_docs", i+1)
				}
			}
			idx := readCSV(t, filepath.Join(dir, "index.csv"))
			for _, r := range idx {
				if r[0] == "R8_words_by_area.csv" && (r[1] != "お住まいの地区ごとの特徴語" || r[6] != "12" || !strings.Contains(r[7], "5人未満")) {
					t.Errorf("index row %q", r)
				}
			}
		})
	}
}
