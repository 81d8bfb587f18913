package report_test

import (
	"strings"
	"testing"
)

// TestWordsSection checks the 特徴語 tables against the rows fixture.sql
// adds (its comment gives where the numbers come from).
func TestWordsSection(t *testing.T) {
	tests := []struct {
		name  string
		extra []string
		has   []string
		lacks []string
	}{
		{
			name: "fixture",
			has: []string{
				"お住まいの地区ごとの特徴語（お住まいの地区に答え、自由記述を書いた120人）",
				// 15/36 = 41.666… → 41.7, 12/84 = 14.285… → 14.3; p_adj 0.0019 < 0.05.
				`豊科<span class="n">（n=36）</span></th><td><span class="word">バス＊（41.7% / 14.3%）</span>`,
				// 10/32 = 31.25 rounds half up to 31.3.
				"景観＊（31.3% / 9.1%）",
				// 4 other writers, fewer than min_cell 5: x, not 3.7%.
				"デマンド交通＊（41.7% / 0.0%）</span>、<span class=\"word\">駅＊（50.0% / x）",
				`三郷<span class="n">（n=24）</span></th><td>—</td>`,
				// p_adj 0.1407: no mark.
				"除雪（16.0% / 7.4%）",
				"年代ごとの特徴語（年代に答え、自由記述を書いた118人）",
			},
			lacks: []string{
				"常念岳",      // 3 writers, below min_cell
				"性別ごとの特徴語", // no group of sex has a word
				"3.7%",
			},
		},
		{
			name:  "older database",
			extra: []string{"DROP TABLE distinctive_terms"},
			has:   []string{"特徴語の分析結果はありません。"},
			lacks: []string{"バス＊"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			words := section(t, render(t, openFixture(t, tc.extra...), fixtureOpts), "words")
			for _, s := range tc.has {
				if !strings.Contains(words, s) {
					t.Errorf("words section lacks %s", s)
				}
			}
			for _, s := range tc.lacks {
				if strings.Contains(words, s) {
					t.Errorf("words section shows %s", s)
				}
			}
		})
	}
	t.Run("a stricter min_cell in the report", func(t *testing.T) {
		opts := fixtureOpts
		opts.MinCell = 7
		words := section(t, render(t, openFixture(t), opts), "words")
		// 明科's words have 5 and 6 writers: both go; 駅's others would be
		// x anyway. バス (15) and 子育て (9) stay, 除雪 (8) too.
		for _, s := range []string{"デマンド交通", "駅＊"} {
			if strings.Contains(words, s) {
				t.Errorf("min_cell 7: shows %s", s)
			}
		}
		for _, s := range []string{"バス＊（41.7% / 14.3%）", "子育て＊（30.0% / x）", "除雪（16.0% / x）"} {
			if !strings.Contains(words, s) {
				t.Errorf("min_cell 7: lacks %s", s)
			}
		}
	})
}
