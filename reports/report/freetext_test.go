package report_test

import (
	"regexp"
	"strings"
	"testing"
)

// Expected figures below come from the third part of fixture.sql (its
// comments give the counts); each is cited where it is checked. R8 has 27
// documents: 1–20 (12 survey answers, 8 workshop voices), the campaign
// 21–25 and the non-answers 26–27.

func TestThemesFreeText(t *testing.T) {
	themes := section(t, render(t, openFixture(t), fixtureOpts), "themes")
	for _, tt := range []struct{ name, want string }{
		// 27 documents, 2 non-answers, 25 themed; groups: doc 8 with its
		// copy 14 and the campaign 21–25 (2 groups, 7 comments); 25 less the
		// 5 copies = 20 units, the sum of the top themes' n_docs (8+6+3+3).
		{"intro", "自由記述とワークショップの発言・付箋、計27件のうち、「特になし」などの意見ではない回答2件を除いた25件を、使われている言葉の近さで4個のテーマにまとめました。" +
			"同じ、またはほぼ同じ文面の意見のまとまりが2組（計7件）あり、テーマの件数では、まとまりごとに1件と数えています（テーマの件数の合計は20件）。"},
		{"campaign", `<p class="verdict">同じ趣旨の意見が5件寄せられています（組織的な投稿の可能性があります。テーマの集計では1件として数えています）。</p>
<blockquote><p>駅前の再開発より先に、路線バスの本数を今の倍に増やしてください。お願いします。</p><footer>アンケート「問20 10年後の安曇野市に望むこと」</footer></blockquote>`},
		// The campaign's first member quoted under 公共交通 (weight 0.84)
		// stands for its 4 copies; doc 8 for its copy 14.
		{"quote for a group", `路線バスの本数を今の倍に増やしてください。お願いします。</p><footer>アンケート「問20 10年後の安曇野市に望むこと」<span class="similar">ほか同様の意見 4件</span></footer>`},
		{"quote for a pair", `子どもを遊ばせる公園がもう少し欲しいです。</p><footer>アンケート「問20 10年後の安曇野市に望むこと」<span class="similar">ほか同様の意見 1件</span></footer>`},
		// 公共交通's top word バス is in docs 4, 21, 5 and 15 (theme 2 and its
		// child 5, copies aside); the three best weighted are shown, 16
		// characters a side. Writers: respondent 44 (豊科, 18〜39歳), 160
		// (堀金, 65歳以上), 52 (豊科, 40〜64歳), by the fixture's answers.
		{"kwic caption", "「バス」が使われている文脈（このテーマで「バス」を含む意見4件のうち3件）"},
		{"kwic line", `<tr><td class="left">穂高駅から病院へ行く</td><td class="word"><strong>バス</strong></td><td class="right">の本数が少なく、車がないと暮らせ…</td><td class="who">豊科・18〜39歳</td></tr>`},
		{"kwic line cut left", `<tr><td class="left">…号〉 まで連絡ください。駅までの</td><td class="word"><strong>バス</strong></td><td class="right">を増やして</td><td class="who">豊科・40〜64歳</td></tr>`},
		// A workshop voice names the workshop's district, not a person.
		{"kwic workshop", `<td class="who">ワークショップ（穂高）</td>`},
		// The sub-theme デマンド交通 has its own word.
		{"kwic sub-theme", "「デマンド」が使われている文脈（このテーマで「デマンド」を含む意見3件のうち3件）"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(themes, tt.want) {
				t.Errorf("themes section lacks %s", tt.want)
			}
		})
	}
	// The copy 14 is never quoted beside its first member 8 in a theme.
	if n := strings.Count(themes, "子どもを遊ばせる公園がもう少し欲しいです。</p>"); n != 1 {
		t.Errorf("the pair 8/14 is quoted %d times, want once", n)
	}
	if n := strings.Count(themes, `<table class="kwic">`); n != 5 {
		t.Errorf("%d KWIC tables, want one per theme and sub-theme (5)", n)
	}
}

func TestThemesShortRepeatsAndEachCopy(t *testing.T) {
	// Five people wrote 今のままで良い (a group, too short to be a
	// campaign; no theme) and the study counts each copy: 子育て holds 4,
	// 公共交通 12, so the top themes sum to the 25 themed documents.
	html := render(t, openFixture(t, `
		WITH RECURSIVE s(i) AS (SELECT 30 UNION ALL SELECT i+1 FROM s WHERE i<34)
		INSERT INTO docs (doc_id, wave_id, source, respondent_id, question_id, line, text, text_masked, dup_of, group_size, non_answer)
		SELECT i, 'R8', 'survey', CAST(i AS TEXT), 'free_future', 200 + i, '【未マスク】今のままで良い', '今のままで良い', 30, 5, 0 FROM s;
		UPDATE themes SET n_docs = 4 WHERE theme_id = 3;
		UPDATE themes SET n_docs = 12 WHERE theme_id = 2`), fixtureOpts)
	themes := section(t, html, "themes")
	for _, want := range []string{
		"短い同じ答え（「今のままで良い」5件）も5件以上ありましたが、よくある言い回しのため、組織的な投稿とはみていません。",
		// 32 documents: 2 non-answers, 25 themed, 5 without a theme.
		"計32件のうち、「特になし」などの意見ではない回答2件を除いた25件を",
		"短すぎるなどでテーマに分けられなかった回答・発言が5件あります。",
		"同じ、またはほぼ同じ文面の意見のまとまりが3組（計12件）あり、テーマの件数では1件ずつ数えています。",
		"同じ趣旨の意見が5件寄せられています（組織的な投稿の可能性があります。テーマの集計では5件として数えています）。",
		// Shares of the 25: 公共交通 12/25 = 48.0%.
		"<p class=\"base\">12件（48.0%）</p>",
	} {
		if !strings.Contains(themes, want) {
			t.Errorf("themes section lacks %s", want)
		}
	}
	if n := strings.Count(themes, `<p class="verdict">同じ趣旨`); n != 1 {
		t.Errorf("%d campaigns, want 1 (the short group is no campaign)", n)
	}
	quality := section(t, html, "quality")
	if !strings.Contains(quality, "テーマの集計では1件ずつ数え、共起ネットワークと対応分析では") {
		t.Error("data quality does not say the themes count each copy")
	}
}

func TestNetworkSection(t *testing.T) {
	net := section(t, render(t, openFixture(t), fixtureOpts), "network")
	for _, want := range []string{
		// 8 edges and 8 terms in 3 communities (cooc_*); the base is docs
		// 1–12 and the campaign's first member 21.
		"特に結びつきの強い8組を線で結びました。図の8語は、互いによく一緒に使われる言葉ごとに3つのグループに分かれます（アンケートの自由記述13件、",
		"よく一緒に使われる言葉を線で結んでいます。線が太いほど同じ回答に一緒に出てきます。",
		"表43 結びつきの強い言葉の組み合わせ（全8組、アンケートの自由記述13件）",
		// Strongest first: 公園–子ども 2/(2+2−2) = 1.00.
		`<tr><td>公園</td><td>子ども</td><td class="num">2</td><td class="num">1.00</td><td class="num">3</td></tr>`,
		// Ties at 0.25 in term order; 景観–駅 joins groups 2 and 1.
		`<tr><td>景観</td><td>駅</td><td class="num">1</td><td class="num">0.25</td><td class="num">2・1</td></tr>`,
		"共起ネットワークの分析結果はありません。", // R7
	} {
		if !strings.Contains(net, want) {
			t.Errorf("network section lacks %s", want)
		}
	}
	svg := regexp.MustCompile(`(?s)<svg class="chart net".*?</svg>`).FindString(net)
	if svg == "" {
		t.Fatal("no network chart")
	}
	id := regexp.MustCompile(`aria-describedby="([^"]+)"`).FindStringSubmatch(svg)
	if id == nil || !strings.Contains(net, `<table class="edges" id="`+id[1]+`">`) {
		t.Error("the network is not described by its edge table")
	}
	for _, tt := range []struct {
		what string
		n    int
	}{
		{`<circle class="node`, 8 + 3}, // terms and the legend's communities
		{`class="edge cross"`, 1},      // 景観–駅
		{`<line class="edge`, 8},
		{`<text class="plbl"`, 8},
		{`<text class="num g3"`, 2 + 1}, // 公園 and 子ども, and the legend
	} {
		if got := strings.Count(svg, tt.what); got != tt.n {
			t.Errorf("%d × %s, want %d", got, tt.what, tt.n)
		}
	}
}

func TestCASection(t *testing.T) {
	ca := section(t, render(t, openFixture(t), fixtureOpts), "ca")
	for _, want := range []string{
		`ごとの特徴的な言葉</h3>`,
		// Docs 1–12 and 21, all of respondents who answered area; 8 terms.
		"お住まいの地区に答えた人の自由記述13件、よく使われた8語",
		// ca_inertia: 45.2 + 30.1 = 75.3.
		"地区による言葉の使い方の違いのうち、横軸（第1軸）で45.2%、縦軸（第2軸）で30.1%、合わせて75.3%を表しています。",
		"近くにある言葉ほど、その地区の回答で特徴的に使われています。",
		"第1軸（45.2%）→", "↑ 第2軸（30.1%）",
		// Nearest groups by squared distance on the map (fixture
		// coordinates): 景観 (−0.40, 0.25) to 豊科 (−0.30, 0.20) 0.0125;
		// バス (0.45, −0.20) to 明科 (0.60, −0.10) 0.0325, 駅 0.0125,
		// デマンド交通 0.0029; 公園 to 穂高 0.025; 避難所 to 堀金 0.0125.
		`<tr><th scope="row">豊科</th><td>景観</td><td class="num">1</td></tr>`,
		`<tr><th scope="row">三郷</th><td>—</td><td class="num">0</td></tr>`,
		`<tr><th scope="row">明科</th><td>バス、駅、デマンド交通</td><td class="num">3</td></tr>`,
		// Sex has two groups: one axis, a table instead of a map.
		"グループが2つなので、違いは1本の軸ですべて表せます。図の代わりに、",
		`<tr><th scope="row">男性</th><td>バス</td><td class="num">1</td></tr>`,
		"対応分析の結果はありません。", // R7
	} {
		if !strings.Contains(ca, want) {
			t.Errorf("CA section lacks %s", want)
		}
	}
	maps := regexp.MustCompile(`(?s)<svg class="chart camap".*?</svg>`).FindAllString(ca, -1)
	if len(maps) != 1 {
		t.Fatalf("%d maps, want 1 (area; sex is one-dimensional)", len(maps))
	}
	for _, tt := range []struct {
		what string
		n    int
	}{
		{`<rect class="grp"`, 5 + 1},     // districts and the legend
		{`<circle class="pt"`, 6 + 1},    // labelled terms and the legend
		{`<circle class="other"`, 2 + 1}, // 水 and 田園, and the legend
		{`<text class="plbl grp"`, 5},    // every district labelled
		{`<text class="plbl"`, 6},        // and every labelled term
		{`aria-describedby="cat`, 1},     // described by its table
		{`<title>水</title></circle>`, 1}, // unlabelled terms keep a tooltip
		{`<title>バス（最も近い地区：明科）</title>`, 1},
	} {
		if got := strings.Count(maps[0], tt.what); got != tt.n {
			t.Errorf("%d × %s, want %d", got, tt.what, tt.n)
		}
	}
}

// The network and the map sections say plainly that there is nothing to
// show when the analysis wrote no rows, and when an older database has no
// such tables at all.
func TestNetworkAndCAEmpty(t *testing.T) {
	for _, tt := range []struct {
		name  string
		extra string
	}{
		{"no rows", "DELETE FROM cooc_nodes; DELETE FROM cooc_edges; DELETE FROM ca_points; DELETE FROM ca_inertia"},
		{"no tables", "DROP TABLE cooc_nodes; DROP TABLE cooc_edges; DROP TABLE ca_points; DROP TABLE ca_inertia; DROP TABLE masking; DROP VIEW v_themes_by_demographic; DROP VIEW v_doc_themes; DROP VIEW v_demographics"},
		{"nodes without edges", "DELETE FROM cooc_edges; DELETE FROM ca_inertia; DELETE FROM ca_points WHERE kind = 'term'"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			html := render(t, openFixture(t, tt.extra), fixtureOpts)
			net, ca := section(t, html, "network"), section(t, html, "ca")
			if n := strings.Count(net, "共起ネットワークの分析結果はありません。"); n != 2 {
				t.Errorf("network section says there is nothing to show %d times, want once per wave (2)", n)
			}
			if n := strings.Count(ca, "対応分析の結果はありません。"); n != 2 {
				t.Errorf("CA section says there is nothing to show %d times, want once per wave (2)", n)
			}
			if strings.Contains(html, `<svg class="chart net"`) || strings.Contains(html, `<svg class="chart camap"`) {
				t.Error("a chart without data")
			}
			// The themes still show their word in context, the writers
			// named only when v_demographics is there.
			if !strings.Contains(section(t, html, "themes"), "「バス」が使われている文脈") {
				t.Error("KWIC lost")
			}
		})
	}
}

func TestCrosstabAdjustedP(t *testing.T) {
	html := render(t, openFixture(t), fixtureOpts)
	xt := section(t, html, "crosstabs")
	for _, want := range []string{
		"多くの表を同時に検定しているため、偶然の差を除くよう補正したp値も「補正後p」として示します。",
		// Crosstab 1: p = 0.00088, BH 0.00088·3/1 = 0.0026 → 0.003.
		"χ²=26.44、自由度=8、p<0.001（補正後p=0.003）、クラメールのV=0.260",
		// Crosstab 3: p = 0.7196, the largest of its family, unchanged.
		"p=0.720（補正後p=0.720）",
		// Crosstab 5 has no test, so no adjusted p.
		"検定値なし",
	} {
		if !strings.Contains(xt, want) {
			t.Errorf("crosstabs lack %s", want)
		}
	}
	// The 概要 names a difference only when its table survives the
	// correction: with crosstab 1 adjusted to 0.2, 明科 × 市外へ移りたい goes.
	m := section(t, render(t, openFixture(t, "UPDATE crosstabs SET p_adj = 0.2 WHERE crosstab_id = 1"), fixtureOpts), "summary")
	if strings.Contains(m, "「市外へ移りたい」と答えた人の割合は") {
		t.Error("a difference whose adjusted p is 0.2 is in the 概要")
	}
	if !strings.Contains(section(t, html, "summary"), "「市外へ移りたい」と答えた人の割合は") {
		t.Error("the 明科 difference (adjusted p 0.003) is missing from the 概要")
	}
}

func TestQualityFreeText(t *testing.T) {
	quality := section(t, render(t, openFixture(t), fixtureOpts), "quality")
	for _, want := range []string{
		"<h3>集計から除いた行</h3>", "<h3>自由記述の整理</h3>",
		// masking of R8: 氏名 2, 電話番号 1; zero kinds are not named.
		"<li>個人情報の保護のため、氏名2件・電話番号1件を伏せ字にしました。",
		"<li>自由記述とワークショップの発言・付箋、計27件のうち、「特になし」「わからない」などの意見ではない回答2件は、テーマや言葉の分析から除いています。</li>",
		"<li>同じ、またはほぼ同じ文面の意見のまとまりが2組（計7件）ありました。",
		// R7 has no free text at all.
		`<p class="empty">自由記述はありません。</p>`,
	} {
		if !strings.Contains(quality, want) {
			t.Errorf("data quality lacks %s", want)
		}
	}
	if strings.Contains(quality, "メール0件") {
		t.Error("a kind nothing was masked of is named")
	}
	none := section(t, render(t, openFixture(t, "UPDATE masking SET n = 0, docs = 0"), fixtureOpts), "quality")
	if !strings.Contains(none, "伏せ字にする必要のある個人情報（氏名・電話番号・メールアドレス・住所など）は見つかりませんでした。") {
		t.Error("no line saying nothing was masked")
	}
}
