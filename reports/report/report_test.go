package report_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"flag"
	stdhtml "html"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"koe/reports/report"
	"koe/reports/store"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/report.html")

var fixtureOpts = report.Options{Title: "第3次安曇野市総合計画 市民意識調査", MinCell: 5, Version: "v0.3.0-test"}

// openFixture creates a database from testdata/fixture.sql plus any extra
// statements (to vary the fixture per test).
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

func render(t testing.TB, db *store.DB, opts report.Options) string {
	t.Helper()
	m, err := report.Load(db.SQL(), opts)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := report.Render(&buf, m); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestGolden(t *testing.T) {
	got := render(t, openFixture(t), fixtureOpts)
	path := filepath.Join("testdata", "golden", "report.html")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./reports/report -update to create it)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("report differs from %s at line %d:\n got: %s\nwant: %s\n(rerun with -update if the change is intended)", path, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("report differs from %s in length: %d lines, want %d", path, len(gl), len(wl))
	}
}

func TestDeterministic(t *testing.T) {
	db := openFixture(t)
	a := render(t, db, fixtureOpts)
	b := render(t, db, fixtureOpts)
	if a != b {
		t.Fatal("two renders of the same database differ")
	}
	// A second database built from the same rows (other file, other
	// insertion timing) must give the same bytes too.
	if c := render(t, openFixture(t), fixtureOpts); c != a {
		t.Fatal("renders of two identical databases differ")
	}
}

func TestPageContract(t *testing.T) {
	html := render(t, openFixture(t), fixtureOpts)
	tests := []struct {
		name string
		want string
	}{
		{"japanese", `<html lang="ja">`},
		{"csp forbids all by default", `content="default-src &#39;none&#39;; style-src &#39;sha256-`},
		{"csp images only inline", `img-src data:`},
		{"font stack", `"Hiragino Kaku Gothic ProN", "Hiragino Sans", "Noto Sans CJK JP"`},
		{"a4 print", `@page { size: A4;`},
		{"sections start a page", `main > section > h2 { break-before: page; }`},
		{"rows not split", `tr, figure, blockquote, .findings li { break-inside: avoid; }`},
		{"thead repeats", `thead { display: table-header-group; }`},
		{"base stated", `n=203`},
		{"half-up percentage", `<td class="num">30.0</td>`}, // 豊科 61/203 = 30.049… → 30.0
		{"no-answer row", `<tr class="noanswer"><th scope="row">無回答</th>`},
		{"residual mark", `<span class="mark">▲</span>`},
		{"suppressed cell", `<td class="num">x</td>`},
		{"seed", `<tr><th scope="row">乱数シード</th><td>1</td></tr>`},
		{"input hash", `3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b`},
		{"quarantine location", `<code class="loc">r8/survey.csv:18</code>`},
		{"speaker pseudonym", `<span class="speaker">参加者1</span>`},
		{"inline svg chart", `<svg class="chart" viewBox="0 0 640 `},
		// Multi-answer crosstab (fixture crosstab 5): the row base is
		// recovered as 70 ÷ 73.68% = 95 men, not the cells' sum 111; the
		// 全体 row is (70 + 80) / (95 + 104) = 75.4%.
		{"multi crosstab row base", `<th scope="row">男性</th><td class="num">95</td><td class="num">73.7</td>`},
		{"multi crosstab overall", `<tr class="total"><th scope="row">全体</th><td class="num">199</td><td class="num">75.4</td>`},
		{"crosstab without test", `<p class="base">検定値なし</p>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(html, tt.want) {
				t.Errorf("report lacks %q", tt.want)
			}
		})
	}
	for _, bad := range []string{"<script", "http://", "https://", "src=", "@import", "url(http", "<link", "<iframe"} {
		if strings.Contains(html, bad) {
			t.Errorf("report contains %q: it must load nothing from elsewhere", bad)
		}
	}
}

// The CSP names the stylesheet by hash; a hash that does not match would
// leave the printed report unstyled.
func TestCSPHashMatchesStyle(t *testing.T) {
	html := render(t, openFixture(t), fixtureOpts)
	m := regexp.MustCompile(`(?s)<style>(.*?)</style>`).FindStringSubmatch(html)
	if m == nil {
		t.Fatal("no <style> element")
	}
	sum := sha256.Sum256([]byte(m[1]))
	want := "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
	// The attribute is HTML-escaped ('+' of base64 becomes &#43;); the
	// browser reads it unescaped.
	meta := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`).FindStringSubmatch(html)
	if meta == nil {
		t.Fatal("no CSP meta element")
	}
	if policy := stdhtml.UnescapeString(meta[1]); !strings.Contains(policy, "style-src '"+want+"'") {
		t.Errorf("CSP %q does not carry the style hash %s", policy, want)
	}
}

func TestNoClockNoRawText(t *testing.T) {
	html := render(t, openFixture(t), fixtureOpts)
	// fixture.sql marks every docs.text with 【未マスク】 and puts names and a
	// phone number only in docs.text; runs.started_at is 2026-05-01T09:….
	for _, s := range []string{"未マスク", "山田花子", "鈴木", "090-1234-5678", "2026-05-01", "T09:00"} {
		if strings.Contains(html, s) {
			t.Errorf("report contains %q (unmasked text or a run time)", s)
		}
	}
	if !strings.Contains(html, "〈氏名〉です。安曇野の田園風景を守ってください。") {
		t.Error("masked quote missing")
	}
}

func TestHostileText(t *testing.T) {
	hostile := []string{
		`<script>alert(1)</script>`,
		`<img src=x onerror=alert(1)>`,
		`<a href="javascript:alert(1)">押して</a>`,
		`</style><style>body{display:none}</style>`,
		`"><svg onload=alert(1)>`,
		`</title></svg><script>alert(2)</script>`,
		`]]><!-- --!>`,
	}
	var extra []string
	for i, h := range hostile {
		q := strings.ReplaceAll(h, "'", "''")
		// Quotes (masked text), workshop voices, labels drawn in SVG, table
		// headers and quarantine reasons: every place citizen or config text
		// reaches the page.
		extra = append(extra,
			"UPDATE docs SET text_masked = '"+q+"' || text_masked WHERE doc_id = "+strconv.Itoa(i+1),
			"UPDATE docs SET text_masked = '"+q+"' WHERE doc_id = "+strconv.Itoa(i+13),
		)
	}
	extra = append(extra,
		`UPDATE options SET label = '<script>alert(3)</script>' WHERE question_id = 'live' AND code = '住み続けたい'`,
		`UPDATE tallies SET label = '<img src=x onerror=alert(4)>' WHERE question_id = 'reasons' AND code = '自然が豊か'`,
		`UPDATE tallies SET label = '</text><script>alert(5)</script>' WHERE question_id = 'sat_bosai' AND code = '満足'`,
		`UPDATE themes SET label = '</style><script>alert(6)</script>', top_terms = 'javascript:alert(7)' WHERE theme_id = 1`,
		`UPDATE questions SET column_name = '<b onmouseover=alert(8)>問1</b>' WHERE question_id = 'live'`,
		`UPDATE workshops SET title = '<script>alert(9)</script>' WHERE workshop_id = 'ws-r8-hotaka'`,
		`UPDATE docs SET speaker = '<i>参加者1</i>', grp = '<u>A</u>' WHERE doc_id = 13`,
		`UPDATE quarantine SET reason = '<script>alert(10)</script>', source_path = '"><img src=x>' WHERE line = 150`,
		`UPDATE waves SET label = '</title><script>alert(11)</script>'`,
		// The tables behind weighting, 標本誤差, CS, the comparison and the
		// policy section: text drawn in SVG, tables and sentences.
		`UPDATE cs_fields SET field = '</text><script>alert(13)</script>' WHERE field = '公共交通'`,
		`UPDATE codes SET label = '<img src=x onerror=alert(14)>', pillar = '</text><script>alert(15)</script>' WHERE code_id = 'kankyo'`,
		`UPDATE weighting SET notes = '<script>alert(16)</script>sexの注', variables = 'area, <b>x</b>'`,
		`UPDATE representativeness SET label = '</text><script>alert(17)</script>' WHERE code = '明科'`,
		`UPDATE wave_changes SET label = '<img src=x onerror=alert(18)>' WHERE code = '不満'`,
		`UPDATE questions SET field = '<svg onload=alert(19)>' WHERE question_id IN ('sat_bosai', 'imp_bosai')`,
		`UPDATE options SET label = '<i>満足</i>' WHERE question_id = 'sat_kotsu' AND code = '満足'`,
		// Free-text analyses: a campaign's text, words drawn in the
		// network and on the correspondence map, and group labels.
		`UPDATE docs SET text_masked = '<script>alert(20)</script>' || text_masked WHERE doc_id BETWEEN 21 AND 25`,
		`UPDATE cooc_nodes SET term = '</text><script>alert(21)</script>' WHERE term = 'バス'`,
		`UPDATE cooc_edges SET a = '</text><script>alert(21)</script>' WHERE a = 'バス'`,
		`UPDATE cooc_nodes SET term = '<img src=x onerror=alert(22)>' WHERE term = '景観'`,
		`UPDATE cooc_edges SET a = '<img src=x onerror=alert(22)>' WHERE a = '景観'`,
		`UPDATE ca_points SET label = '</title><script>alert(23)</script>' WHERE label = 'バス'`,
		`UPDATE ca_points SET label = '<svg onload=alert(24)>' WHERE label = '明科'`,
		`UPDATE themes SET top_terms = '<b>バス</b>、バス' WHERE theme_id = 2`,
	)
	opts := fixtureOpts
	opts.Title = `</title><script>alert(12)</script>`
	html := render(t, openFixture(t, extra...), opts)

	for _, bad := range []string{"<script", "<img", "<svg onload", "<b ", "<i>", "<u>", "<a href=\"javascript", "<!--"} {
		if strings.Contains(html, bad) {
			t.Errorf("report contains unescaped %q", bad)
		}
	}
	if n := strings.Count(html, "<style"); n != 1 {
		t.Errorf("report has %d <style elements, want 1", n)
	}
	if n := strings.Count(html, "</style>"); n != 1 {
		t.Errorf("report has %d </style> tags, want 1", n)
	}
	if n := strings.Count(html, "</title>"); n != strings.Count(html, "<title>") {
		t.Errorf("unbalanced <title>: %d opened, %d closed", strings.Count(html, "<title>"), n)
	}
	// Every link is one of the report's own anchors.
	for _, m := range regexp.MustCompile(`href="([^"]*)"`).FindAllStringSubmatch(html, -1) {
		if !strings.HasPrefix(m[1], "#") {
			t.Errorf("link to %q: the report links only within itself", m[1])
		}
	}
	for _, want := range []string{
		"&lt;script&gt;alert(1)&lt;/script&gt;",
		"&lt;img src=x onerror=alert(1)&gt;",
		"&lt;/style&gt;&lt;style&gt;body{display:none}&lt;/style&gt;",
		"&lt;/text&gt;&lt;script&gt;alert(13)&lt;/script&gt;",
		"&lt;img src=x onerror=alert(14)&gt;",
		"&lt;/text&gt;&lt;script&gt;alert(15)&lt;/script&gt;",
		"&lt;script&gt;alert(16)&lt;/script&gt;",
		"&lt;/text&gt;&lt;script&gt;alert(17)&lt;/script&gt;",
		"&lt;img src=x onerror=alert(18)&gt;",
		"&lt;svg onload=alert(19)&gt;",
		"&lt;script&gt;alert(20)&lt;/script&gt;駅前の再開発",
		"&lt;/text&gt;&lt;script&gt;alert(21)&lt;/script&gt;",
		"&lt;img src=x onerror=alert(22)&gt;",
		"&lt;/title&gt;&lt;script&gt;alert(23)&lt;/script&gt;",
		"&lt;svg onload=alert(24)&gt;",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("escaped form %q missing: the hostile text should be shown, harmlessly", want)
		}
	}
}

func TestEmptySections(t *testing.T) {
	tests := []struct {
		name  string
		extra []string
		want  []string
	}{
		{"empty database", []string{
			"DELETE FROM runs; DELETE FROM waves; DELETE FROM respondents; DELETE FROM questions; DELETE FROM options; DELETE FROM tallies; DELETE FROM question_stats; DELETE FROM crosstabs; DELETE FROM crosstab_cells; DELETE FROM themes; DELETE FROM doc_themes; DELETE FROM docs; DELETE FROM workshops; DELETE FROM codes; DELETE FROM doc_codes; DELETE FROM quarantine; DELETE FROM weighting; DELETE FROM representativeness; DELETE FROM representativeness_tests; DELETE FROM margin_of_error; DELETE FROM cs_fields; DELETE FROM wave_changes",
		}, []string{"データベースに調査がありません。", "<td>記録なし</td>"}},
		{"no workshops", []string{"DELETE FROM workshops; DELETE FROM docs WHERE source = 'workshop'"},
			[]string{"ワークショップの記録はありません。"}},
		{"no themes", []string{"DELETE FROM themes; DELETE FROM doc_themes; DELETE FROM codes; DELETE FROM doc_codes; DELETE FROM crosstabs WHERE col_question = '@themes'"},
			[]string{"自由記述の分析結果はありません。"}},
		{"no quarantine", []string{"DELETE FROM quarantine; UPDATE waves SET rows_read = 203, rows_quarantined = 0"},
			[]string{"除外した行はありません。"}},
		{"no crosstabs", []string{"DELETE FROM crosstabs"}, []string{"クロス集計はありません。"}},
		{"rows do not add up", []string{"UPDATE waves SET rows_read = 999"}, []string{`<p class="warn">`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			html := render(t, openFixture(t, tt.extra...), fixtureOpts)
			for _, w := range tt.want {
				if !strings.Contains(html, w) {
					t.Errorf("report lacks %q", w)
				}
			}
			for _, id := range []string{"summary", "survey", "respondents", "questions", "cs", "trend", "crosstabs", "themes", "network", "ca", "policy", "workshops", "quality", "methods"} {
				if !strings.Contains(html, `<section id="`+id+`">`) {
					t.Errorf("section %s vanished", id)
				}
			}
		})
	}
}

func TestFindings(t *testing.T) {
	m, err := report.Load(openFixture(t).SQL(), fixtureOpts)
	if err != nil {
		t.Fatal(err)
	}
	// R8, the later of the fixture's two waves, carries the full set.
	var texts []string
	for _, f := range m.Waves[len(m.Waves)-1].Findings {
		texts = append(texts, f.Kind+"|"+f.Text)
	}
	all := strings.Join(texts, "\n")
	for _, want := range []string{
		// 203 loaded of 206 read, 3 quarantined (fixture.sql waves row).
		"回答|有効回答は203人です（読み込んだ206行のうち3行は",
		// Themes by n_docs (fixture.sql): 公共交通 8 (docs 4, 5, 15, 18, the
		// campaign 21–25 once, and its child デマンド交通's 6, 7, 17) of 20
		// themed units (25 themed docs less the copies 14 and 22–25) =
		// 40.0%; 自然・景観 6/20 = 30.0%; 子育て 3/20 = 15.0% (8 and its copy
		// 14 once, 9, 20).
		// The sub-themes a reader can act on, largest first: 公共交通 is a 大テーマ
		// here, so its sub-theme デマンド交通 stands for it.
		"テーマ|意見の中で多かったテーマは、「自然・景観」6件（30.0%）、「デマンド交通」3件（15.0%）、「子育て」3件（15.0%）です（分析した20件に占める割合）。",
		// Largest |adjusted residual| with p < 0.05: crosstab 1, 明科 ×
		// 市外へ移りたい: 7 of 19 = 36.8%, overall 16/196 = 8.2%. Haberman's
		// adjusted residual: e = 19·16/196 = 1.551, (7 − e) /
		// √(e·(1 − 19/196)·(1 − 16/196)) = 4.804 → +4.80.
		"属性による違い|「問1 今後も安曇野市に住み続けたいと思いますか」で「市外へ移りたい」と答えた人の割合は、お住まいの地区が「明科」の人では36.8%（n=19）と、全体の8.2%より高くなっています（調整済み残差 +4.80）",
		// sat_kotsu mean = (2·5 + 24 − 70 − 2·45)/196 = −126/196 = −0.643 → −0.64.
		"満足度|評価が最も低いのは「問5(2) 公共交通の満足度」で、平均−0.64（+2（満足）〜−2（不満）の尺度、n=196）",
		// cs_fields of R8 (fixture.sql): only 公共交通 has importance 偏差値
		// ≥ 50 (53.1) and satisfaction < 50 (35.0); bases are the sat_n and
		// imp_n columns, 190–196 and 188–198.
		"満足度・重要度|重要度が高いのに満足度が低い「重点改善」の分野は、「公共交通」の1分野です（5分野中、満足度 n=190〜196、重要度 n=188〜198）。",
		// wave_changes R7 → R8 (fixture.sql): sat_kotsu and imp_kotsu have
		// p < 0.05 among the five non-demographic questions; the largest is
		// 不満 of sat_kotsu, 70/150 = 46.7% → 45/203 = 22.2%, −24.5 points,
		// Wald interval −34.4 to −14.6 on bases 150 and n_eff 195.2.
		"前回との比較|前回の調査と比べて、選択肢の割合に統計的に有意な変化があった設問は2問です（比べた5問中）。最も大きな変化は「問5(2) 公共交通の満足度」の「不満」で、46.7%から22.2%へ−24.5ポイント（95%信頼区間 −34.4〜−14.6、n=150→195）です。",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("findings lack %q\ngot:\n%s", want, all)
		}
	}
}

func BenchmarkLoadRender(b *testing.B) {
	db := openFixture(b)
	for b.Loop() {
		m, err := report.Load(db.SQL(), fixtureOpts)
		if err != nil {
			b.Fatal(err)
		}
		if err := report.Render(&bytes.Buffer{}, m); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadRenderLarge renders a city-sized study: 40 closed questions
// (× 3 demographics = 120 crosstabs), 20,000 free-text documents in 12
// themes and 2,000 workshop utterances, each document under one or two
// policy codes.
func BenchmarkLoadRenderLarge(b *testing.B) {
	db := openFixture(b, `
		WITH RECURSIVE q(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM q WHERE i < 40)
		INSERT INTO questions (wave_id, question_id, ord, column_name, kind, is_demographic) SELECT 'R8', 'b' || i, 100 + i, '問' || i || ' 合成設問', 'single', 0 FROM q;
		WITH RECURSIVE q(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM q WHERE i < 40),
			o(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM o WHERE j < 5)
		INSERT INTO options SELECT 'R8', 'b' || i, 'c' || j, '選択肢' || j, j, NULL FROM q, o;
		WITH RECURSIVE q(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM q WHERE i < 40),
			o(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM o WHERE j < 5)
		INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n) SELECT 'R8', 'b' || i, 'c' || j, '選択肢' || j, j, 40, 40, 19.7, 203 FROM q, o;
		WITH RECURSIVE q(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM q WHERE i < 120)
		INSERT INTO crosstabs (crosstab_id, wave_id, row_question, col_question, weighted, n, chi2, df, p_value, cramers_v) SELECT 100 + i, 'R8', CASE i % 3 WHEN 0 THEN 'area' WHEN 1 THEN 'age' ELSE 'sex' END,
			'b' || ((i - 1) / 3 + 1), 0, 200, 10.0, 8, 0.2, 0.1 FROM q;
		WITH RECURSIVE x(i) AS (SELECT 101 UNION ALL SELECT i + 1 FROM x WHERE i < 220),
			r(c) AS (VALUES ('豊科'), ('穂高'), ('三郷'), ('堀金'), ('明科'), ('18〜39歳'), ('40〜64歳'), ('65歳以上'), ('男性'), ('女性')),
			o(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM o WHERE j < 5)
		INSERT INTO crosstab_cells SELECT i, c, 'c' || j, 8, 8, 20.0, (j - 3) * 1.1, 0 FROM x, r, o;
		WITH RECURSIVE t(i) AS (SELECT 10 UNION ALL SELECT i + 1 FROM t WHERE i < 21)
		INSERT INTO themes SELECT 'R8', i, NULL, 'テーマ' || i, 1666, '言葉、言葉、言葉' FROM t;
		WITH RECURSIVE d(i) AS (SELECT 1000 UNION ALL SELECT i + 1 FROM d WHERE i < 20999)
		INSERT INTO docs (doc_id, wave_id, source, respondent_id, question_id, workshop_id, grp, speaker, line, text, text_masked) SELECT i, 'R8', 'survey', CAST(i % 203 AS TEXT), 'free_future', NULL, NULL, NULL, i,
			'【未マスク】本文' || i, '市民の意見です。バスの本数を増やしてほしい。公園も欲しい。' || i FROM d;
		WITH RECURSIVE d(i) AS (SELECT 21000 UNION ALL SELECT i + 1 FROM d WHERE i < 22999)
		INSERT INTO docs (doc_id, wave_id, source, respondent_id, question_id, workshop_id, grp, speaker, line, text, text_masked) SELECT i, 'R8', 'workshop', NULL, NULL, 'ws-r8-hotaka', 'グループ' || (i % 8), '参加者' || (i % 30), i,
			'【未マスク】発言' || i, 'ワークショップでの発言です。' || i FROM d;
		INSERT INTO doc_themes SELECT doc_id, 10 + doc_id % 12, (doc_id % 97) / 97.0 FROM docs WHERE doc_id >= 1000;
		INSERT INTO doc_codes SELECT doc_id, CASE doc_id % 4 WHEN 0 THEN 'kotsu' WHEN 1 THEN 'kankyo' WHEN 2 THEN 'kosodate' ELSE 'bosai' END
			FROM docs WHERE doc_id >= 1000;
		INSERT INTO doc_codes SELECT doc_id, 'kotsu' FROM docs WHERE doc_id >= 1000 AND doc_id % 7 = 0 AND doc_id % 4 <> 0;
	`)
	for b.Loop() {
		m, err := report.Load(db.SQL(), fixtureOpts)
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		if err := report.Render(&buf, m); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(buf.Len()), "html-bytes")
	}
}

func TestAnchors(t *testing.T) {
	html := render(t, openFixture(t), fixtureOpts)
	ids := map[string]int{}
	for _, m := range regexp.MustCompile(` id="([^"]+)"`).FindAllStringSubmatch(html, -1) {
		ids[m[1]]++
	}
	for id, n := range ids {
		if n > 1 {
			t.Errorf("id %q used %d times", id, n)
		}
	}
	for _, m := range regexp.MustCompile(`href="#([^"]*)"`).FindAllStringSubmatch(html, -1) {
		if ids[m[1]] == 0 {
			t.Errorf("link to #%s has no target", m[1])
		}
	}
}
