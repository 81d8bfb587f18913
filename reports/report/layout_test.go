package report_test

import (
	"regexp"
	"strings"
	"testing"
)

// manyColumns adds question "many" (10 options) crossed with area, too
// wide for A4: in district r (豊科 = 1 … 明科 = 5) option j has n = j + r,
// so a district's base is 55 + 10r.
const manyColumns = `
INSERT INTO questions (wave_id, question_id, ord, column_name, kind, is_demographic) VALUES ('R8','many',20,'問30 よく行く場所','single',0);
WITH RECURSIVE o(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM o WHERE j < 10)
INSERT INTO options SELECT 'R8', 'many', 'c' || j, '場所' || j, j, NULL FROM o;
INSERT INTO crosstabs (crosstab_id, wave_id, row_question, col_question, weighted, n, chi2, df, p_value, cramers_v) VALUES (50,'R8','area','many',0,425,NULL,NULL,NULL,NULL);
WITH RECURSIVE o(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM o WHERE j < 10),
	a(r, code) AS (VALUES (1,'豊科'),(2,'穂高'),(3,'三郷'),(4,'堀金'),(5,'明科'))
INSERT INTO crosstab_cells SELECT 50, code, 'c' || j, j + r, j + r, 100.0 * (j + r) / (55 + 10 * r), NULL, 0 FROM o, a;
`

func TestWideCrosstabTurned(t *testing.T) {
	html := render(t, openFixture(t, manyColumns), fixtureOpts)
	i := strings.Index(html, `<table class="xt turned">`)
	if i < 0 {
		t.Fatal("a 10-column crosstab is not turned")
	}
	table := html[i : i+strings.Index(html[i:], "</table>")]
	for _, want := range []string{
		"列％、n=425",
		`<thead><tr><th scope="col">問30 よく行く場所</th><th scope="col">全体</th><th scope="col">豊科</th><th scope="col">穂高</th><th scope="col">三郷</th><th scope="col">堀金</th><th scope="col">明科</th></tr></thead>`,
		// Bases 55 + 10r; 全体 = 275 + 150 = 425.
		`<tr class="count"><th scope="row">人数</th><td class="num">425</td><td class="num">65</td><td class="num">75</td><td class="num">85</td><td class="num">95</td><td class="num">105</td></tr>`,
		// Option 10: 全体 65/425 = 15.29 → 15.3; 豊科 11/65 = 16.92 → 16.9;
		// 穂高 12/75 = 16.0; 三郷 13/85 = 15.29 → 15.3; 堀金 14/95 = 14.74 → 14.7;
		// 明科 15/105 = 14.29 → 14.3.
		`<tr><th scope="row">場所10</th><td class="num">15.3</td><td class="num">16.9</td><td class="num">16.0</td><td class="num">15.3</td><td class="num">14.7</td><td class="num">14.3</td></tr>`,
	} {
		if !strings.Contains(table, want) {
			t.Errorf("turned table lacks %s", want)
		}
	}
	if n := strings.Count(table, `<tr><th scope="row">`); n != 10 {
		t.Errorf("turned table has %d option rows, want 10", n)
	}
	// The narrow crosstabs of the fixture (five questions and the codes ×
	// area table) keep their layout.
	if n := strings.Count(html, `<table class="xt">`); n != 6 {
		t.Errorf("%d crosstabs left as they were, want the fixture's 6", n)
	}
}

func TestThemeWithOneEqualChild(t *testing.T) {
	// 防災 (theme 4, 3 documents) gets one sub-theme holding all three.
	html := render(t, openFixture(t,
		`INSERT INTO themes (wave_id, theme_id, parent_id, label, n_docs, top_terms) VALUES ('R8',6,4,'防災・避難',3,'避難所、川');
		 UPDATE doc_themes SET theme_id = 6 WHERE theme_id = 4`), fixtureOpts)
	if strings.Contains(html, "防災・避難") {
		t.Error("a sub-theme that repeats its theme is printed")
	}
	m := regexp.MustCompile(`(?s)<h3 id="t\d+">防災</h3>.*?</article>`).FindString(html)
	if !strings.Contains(m, "大雨のとき川があふれないか心配") {
		t.Errorf("theme 防災 lost its sub-theme's quotes:\n%s", m)
	}
}

func TestWorkshopWithoutSpeakersOrTitle(t *testing.T) {
	html := render(t, openFixture(t,
		`UPDATE docs SET speaker = NULL WHERE workshop_id = 'ws-r8-akashina';
		 UPDATE workshops SET title = NULL WHERE workshop_id = 'ws-r8-akashina'`), fixtureOpts)
	for _, want := range []string{"<h3>付箋の記録（ws-r8-akashina）</h3>", `<ul class="voices notes">`, "<li>明科駅前に集まれる場所がほしい</li>"} {
		if !strings.Contains(html, want) {
			t.Errorf("report lacks %s", want)
		}
	}
	if strings.Contains(html, "発言者不明") {
		t.Error("sticky notes are labelled 発言者不明")
	}
}
