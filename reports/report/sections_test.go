package report_test

import (
	stdhtml "html"
	"regexp"
	"strings"
	"testing"
)

// section returns the text of <section id="id"> with HTML entities
// decoded (html/template writes "+" as &#43;), tags kept.
func section(t *testing.T, html, id string) string {
	t.Helper()
	i := strings.Index(html, `<section id="`+id+`">`)
	if i < 0 {
		t.Fatalf("no section %s", id)
	}
	j := strings.Index(html[i:], "</section>")
	return stdhtml.UnescapeString(html[i : i+j])
}

// Expected figures below come from the rows fixture.sql adds for R7 and
// R8 (its comments give the formulas); each is cited where it is checked.
func TestSurveySection(t *testing.T) {
	html := render(t, openFixture(t), fixtureOpts)
	survey := section(t, html, "survey")
	respondents := section(t, html, "respondents")
	questions := section(t, html, "questions")
	tests := []struct {
		name, in, want string
	}{
		// weighting.variables 'area, age, sex' named by their titles.
		{"weighting sentence", survey, "お住まいの地区・年代・性別の人口構成に合わせて集計の重み付け（ウェイトバック）を行いました。"},
		// deff 1.040078 → 1.04; n_eff 195.18 → 195 (Kish, fixture weights 0.8/1.2).
		{"deff and n_eff in words", survey, "回答者203人の調査は、重み付けをしない無作為抽出のおよそ195人分の精度になります（デザイン効果1.04、有効標本数195人）。"},
		{"notes name questions", survey, "注：性別が無回答の4人は、性別の補正では重みを変えていない。"},
		{"unweighted wave", survey, "<p>重み付けはしていません。回答者全員を同じ重みで集計しています。</p>"},
		// 1.96·√(p(1−p)/195)·100 for p = .1 … .5: 4.21, 5.61, 6.43, 6.88, 7.02.
		{"moe row", survey, `<tr><th scope="row" class="num">195人（全体）</th><td class="num">±4.2</td><td class="num">±5.6</td><td class="num">±6.4</td><td class="num">±6.9</td><td class="num">±7.0</td></tr>`},
		{"moe columns", survey, `<th scope="col" class="num">10%（90%）</th><th scope="col" class="num">20%（80%）</th>`},
		// 50 ± 7.0 printed.
		{"moe reading rule", survey, "例えば回答者全体（重み付けを考えた有効標本数195人）で50%と出た結果は、±7.0ポイントの幅で読んでください（本当の割合はおよそ43.0%〜57.0%の間にあると考えられます）。"},
		// R7 unweighted: 1.96·√(.25/150)·100 = 8.00.
		{"moe unweighted", survey, "例えば回答者全体（150人）で50%と出た結果は、±8.0ポイントの幅で読んでください"},
		// Age χ² = Σ(O−E)²/E over 49, 81, 71 against 36000, 32000, 27868
		// of 95,868: 14.877, df 2, p = e^(−x/2) = 0.00059.
		{"significant misfit", respondents, "回答者の年代の構成は、市の人口の構成と統計的に有意に異なります（χ²=14.88、自由度2、p<0.001、n=201）。このため、集計では重み付けをして人口の構成に合わせています。"},
		// Sex χ² 0.0548, df 1, p = erfc(√(x/2)) = 0.815.
		{"no misfit", respondents, "回答者の性別の構成は、市の人口の構成と統計的に有意な差はありません（χ²=0.05、自由度1、p=0.815、n=199）。"},
		// 明科: 8724/95868 = 9.10% of the population, 20/201 = 9.95% of respondents.
		{"rep row", respondents, `<tr><th scope="row">明科</th><td class="num">9.1</td><td class="num">20</td><td class="num">10.0</td><td class="num">9.1</td></tr>`},
		{"rep chart", respondents, `<figcaption>図`},
		{"no answer left out", respondents, "無回答の2人は、割合の計算から除いています。"},
		// live: 131/203 = 64.5%, 1.96·√(.6453·.3547/195.18)·100 = 6.71.
		{"headline margin", questions, `<p class="moe">最も多い「住み続けたい」（64.5%）の標本誤差は±6.7ポイントです。</p>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(tt.in, tt.want) {
				t.Errorf("lacks %s", tt.want)
			}
		})
	}
	// Demographics without population margins (R7) keep their tally.
	if strings.Count(respondents, `<table class="rep">`) != 3 {
		t.Errorf("want 3 representativeness tables (R8's area, age, sex), got %d", strings.Count(respondents, `<table class="rep">`))
	}
}

// The analysis may round n_eff down for the 標本誤差 table (195.9 → 195):
// that row is still the wave's own.
func TestMOEOwnRow(t *testing.T) {
	html := render(t, openFixture(t, "UPDATE weighting SET n_eff = 195.9 WHERE wave_id = 'R8'"), fixtureOpts)
	if !strings.Contains(section(t, html, "survey"), `<th scope="row" class="num">195人（全体）</th>`) {
		t.Error("the 195 row is not marked as the whole wave")
	}
}

func TestCSSection(t *testing.T) {
	cs := section(t, render(t, openFixture(t), fixtureOpts), "cs")
	// R8's table: 重点改善, then 改善, then 重点維持 by importance 偏差値
	// (医療・福祉 59.3, 防災対策 56.1, 子育て支援 50.6); fixture.sql cs_fields.
	r8 := cs[strings.LastIndex(cs, `<table class="cs"`):]
	var order []string
	for _, m := range regexp.MustCompile(`<tr(?: class="prio")?><th scope="row">(?:▲ )?([^<]+)</th>`).FindAllStringSubmatch(r8, -1) {
		order = append(order, m[1])
	}
	if got, want := strings.Join(order, ","), "公共交通,行政のデジタル化,医療・福祉,防災対策,子育て支援"; got != want {
		t.Errorf("CS rows %s, want %s", got, want)
	}
	for _, want := range []string{
		`<tr class="prio"><th scope="row">▲ 公共交通</th><td>重点改善</td><td class="num">−0.64</td><td class="num">+1.28</td><td class="num">35.0</td><td class="num">53.1</td><td class="num">196／197</td></tr>`,
		// The chart is described by its table, and the 重点改善 field is a triangle.
		`aria-describedby="cs`,
		`<polygon class="pt prio" points=`,
		`<rect class="prio-area"`,
	} {
		if !strings.Contains(cs, want) {
			t.Errorf("CS section lacks %s", want)
		}
	}
	id := regexp.MustCompile(`aria-describedby="([^"]+)"`).FindAllStringSubmatch(cs, -1)
	for _, m := range id {
		if !strings.Contains(cs, `<table class="cs" id="`+m[1]+`">`) {
			t.Errorf("chart described by %s, which is no table", m[1])
		}
	}
}

func TestComparisonSection(t *testing.T) {
	trend := section(t, render(t, openFixture(t), fixtureOpts), "trend")
	for _, want := range []string{
		// Trend table: mean sat_kotsu R7 −1.08 (question_stats), R8 −0.64.
		`<tr><th scope="row">公共交通</th><td class="num">−1.08</td><td class="num">−0.64</td>`,
		`<th scope="col" class="num">令和7年度</th><th scope="col" class="num">令和8年度</th>`,
		// wave_changes sat_kotsu 不満: 46.7 → 22.2, −24.5 (−34.4 to −14.6), p = 1.5e−6.
		"<li>「不満」46.7% → 22.2%：<strong>−24.5ポイント</strong>（95%信頼区間 −34.4〜−14.6、p<0.001）</li>",
		// imp_kotsu 重要: 50/150 = 33.3 → 100/203 = 49.3, +15.9 (+5.6 to +26.2), p = 0.0030.
		"<li>「重要」33.3% → 49.3%：<strong>+15.9ポイント</strong>（95%信頼区間 +5.6〜+26.2、p=0.003）</li>",
		// sat_bosai is charted though nothing changed: largest |diff| is
		// やや満足, 44/150 = 29.33 → 62/203 = 30.54, 1.2 points.
		"どの選択肢の変化も誤差の範囲内です（変化は最大1.2ポイント）。",
		"令和7年度→令和8年度の変化（令和7年度 n=150、令和8年度 n=195、重み付けを考えた有効標本数）",
		// Satisfaction questions get the waves side by side; significant
		// options carry ＊ on the later wave: 不満 22.2%＊.
		">22.2%＊</text>",
		// Code shares among writers ('@codes' rows): 8/80 → 6/12, +40.0
		// (+11.0 to +69.0), p = 0.0003; 自然環境・景観 −12.5 is not significant.
		"<li>「公共交通」10.0% → 50.0%：<strong>+40.0ポイント</strong>（95%信頼区間 +11.0〜+69.0、p<0.001）</li>",
		"ほかの分野の変化は誤差の範囲内です（最大12.5ポイント）。",
		"<li>問1 今後も安曇野市に住み続けたいと思いますか</li>",
		"<li>問6(1) 防災対策の重要度</li>",
	} {
		if !strings.Contains(trend, want) {
			t.Errorf("comparison lacks %s", want)
		}
	}
	// The demographic rows of wave_changes are left out.
	if strings.Contains(trend, "豊科") {
		t.Error("comparison lists a demographic")
	}
	if n := strings.Count(trend, `<figure>`); n != 2 {
		t.Errorf("%d wave charts, want 2 (the two satisfaction questions)", n)
	}

	one := section(t, render(t, openFixture(t, "DELETE FROM waves WHERE wave_id = 'R7'"), fixtureOpts), "trend")
	if !strings.Contains(one, "前回の調査がないため、比較はありません。") {
		t.Errorf("one-wave comparison does not say there is nothing to compare:\n%s", one)
	}
}

func TestPolicySection(t *testing.T) {
	html := render(t, openFixture(t), fixtureOpts)
	policy := section(t, html, "policy")
	// Pillars: the 地方創生2.0 ones in their order, a city's own heading,
	// then その他 (fixture.sql codes).
	var pillars []string
	for _, m := range regexp.MustCompile(`<h3 id="p\d+">([^<]+)</h3>`).FindAllStringSubmatch(policy, -1) {
		pillars = append(pillars, m[1])
	}
	if got, want := strings.Join(pillars, "|"), "安心して働き、暮らせる地方の生活環境の創生|稼ぐ力を高め、付加価値創出型の新しい地方経済の創生|環境|その他"; got != want {
		t.Errorf("pillars %s, want %s", got, want)
	}
	for _, want := range []string{
		// All 25 documents that are not 特になし (27 less docs 26–27) match
		// some code.
		"意見25件のうち25件（100.0%）が、いずれかの分野に当てはまりました。",
		// 公共交通 (7 + the campaign's 5) ∪ 子育て支援 (4) ∪ 防災 (3) = 19 of 25.
		"この柱のいずれかの分野に当てはまる意見：19件（76.0%）",
		`<h4 id="c`,
		">公共交通<span class=\"kindtag\">12件（48.0%）</span></h4>",
		// Crosstab 6: 明科 × 公共交通, 9 of 12 documents, residual +2.71.
		"「公共交通」に関する意見は、お住まいの地区が「明科」（意見12件中75.0%）の人で、全体より多くなっています。",
		// Examples: the two with the highest theme weight among readable,
		// single-code documents (doc 4, 0.93; doc 6, 0.86).
		"<blockquote><p>穂高駅から病院へ行くバスの本数が少なく、車がないと暮らせない。</p>",
		"<blockquote><p>デマンド交通の予約がとりにくい。</p>",
		// The codes × area table is shown under the section.
		"政策分野 × お住まいの地区",
	} {
		if !strings.Contains(policy, want) {
			t.Errorf("policy section lacks %s", want)
		}
	}
	// 明科 × 自然環境・景観 is ▼, which is no sentence; only one code note
	// per ▲ code (公共交通, 自然環境・景観).
	if n := strings.Count(policy, `<p class="standout">`); n != 2 {
		t.Errorf("%d code notes, want 2", n)
	}
	// The themes section no longer repeats the codes.
	if strings.Contains(section(t, html, "themes"), "政策分野 × ") {
		t.Error("codes crosstab still in the themes section")
	}
}

func TestTableOfContents(t *testing.T) {
	html := render(t, openFixture(t), fixtureOpts)
	toc := html[strings.Index(html, `<nav class="toc"`):strings.Index(html, "</nav>")]
	var got []string
	for _, m := range regexp.MustCompile(`<a href="#([a-z]+)">`).FindAllStringSubmatch(toc, -1) {
		got = append(got, m[1])
		if !strings.Contains(html, `<section id="`+m[1]+`">`) {
			t.Errorf("contents link #%s has no section", m[1])
		}
	}
	want := "summary survey respondents questions cs trend crosstabs themes network ca words policy workshops quality methods"
	if strings.Join(got, " ") != want {
		t.Errorf("contents %v, want %s", got, want)
	}
}
