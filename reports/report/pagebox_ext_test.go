package report_test

import (
	"strings"
	"testing"
)

func TestPrintedPageHeader(t *testing.T) {
	html := render(t, openFixture(t), fixtureOpts)
	if !strings.Contains(html, `@top-left { content: "第3次安曇野市総合計画 市民意識調査"`) || !strings.Contains(html, "counter(pages)") {
		t.Error("the printed pages carry no study title or page numbers")
	}
}

func TestThemeStabilitySentence(t *testing.T) {
	cases := []struct {
		rows, want string
	}{
		{"", ""},
		{"INSERT INTO theme_stability (wave_id, seed, other_seed, docs, ari) VALUES ('R8',1,2,100,0.31),('R8',1,3,100,0.384);", "やり直し、報告のテーマと比べたところ、分け方の一致度（調整ランド指数：1で完全に一致、0で偶然と同程度）は0.31〜0.38でした。テーマの境目は実行のたびに変わりうる"},
		{"INSERT INTO theme_stability (wave_id, seed, other_seed, docs, ari) VALUES ('R8',1,2,100,0.95),('R8',1,3,100,0.95);", "は0.95でした。テーマの分かれ方はかなり安定しています。"},
	}
	for _, c := range cases {
		var extra []string
		if c.rows != "" {
			extra = append(extra, c.rows)
		}
		html := render(t, openFixture(t, extra...), fixtureOpts)
		if c.want == "" {
			if strings.Contains(html, "乱数の種を変えて") {
				t.Error("a stability sentence without stability rows")
			}
			continue
		}
		if !strings.Contains(html, c.want) {
			t.Errorf("report lacks %q", c.want)
		}
	}
}

// TestFieldworkAndResponseRate: with koe.toml's fieldwork and distributed,
// 調査の概要 gives the period and the 回収率 (rows read / distributed,
// half-up: the fixture's R8 has 206 rows read; 206/400 = 51.5%).
func TestFieldworkAndResponseRate(t *testing.T) {
	plain := render(t, openFixture(t), fixtureOpts)
	if strings.Contains(plain, "回収率") || strings.Contains(plain, "調査期間") {
		t.Error("a 回収率 or period without koe.toml giving them")
	}
	html := render(t, openFixture(t, "UPDATE waves SET fieldwork = '令和8年7月1日〜7月24日', distributed = 400 WHERE wave_id = 'R8';"), fixtureOpts)
	for _, want := range []string{"<th scope=\"row\">調査期間</th>", "令和8年7月1日〜7月24日", "<th scope=\"row\">配布数</th>", "206（51.5%）"} {
		if !strings.Contains(html, want) {
			t.Errorf("report lacks %q", want)
		}
	}
}

// TestHeadlineWilson: a question's headline line gives the Wilson 95%
// interval of its most chosen option when the analysis stored one (here
// live's 住み続けたい, 64.5% of 203; interval values set by the test).
func TestHeadlineWilson(t *testing.T) {
	html := render(t, openFixture(t, "UPDATE tallies SET ci_low_pct = 57.75, ci_high_pct = 70.75 WHERE wave_id = 'R8' AND question_id = 'live' AND code = '住み続けたい';"), fixtureOpts)
	if !strings.Contains(html, "95%信頼区間（ウィルソン法）は57.8〜70.8%") {
		t.Error("the headline lacks the Wilson interval (rounded half-up)")
	}
}

// TestCrosstabSmallExpected: a table with small expected counts says its χ²
// p is approximate, gives Fisher's exact test, and carries the analysis's
// notes.
func TestCrosstabSmallExpected(t *testing.T) {
	html := render(t, openFixture(t, "UPDATE crosstabs SET small_expected = 1, fisher_p = 0.0123, notes = '回答のない行（堀金）を除いて検定しました。' WHERE crosstab_id = (SELECT MIN(crosstab_id) FROM crosstabs WHERE p_value IS NOT NULL);"), fixtureOpts)
	for _, want := range []string{"期待度数の小さいセルが多いため、χ²検定のp値は目安です", "フィッシャーの正確検定：p=0.012", "回答のない行（堀金）を除いて検定しました"} {
		if !strings.Contains(html, want) {
			t.Errorf("report lacks %q", want)
		}
	}
}
