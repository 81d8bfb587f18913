package codes

import (
	"slices"
	"strings"
	"testing"

	"koe/data"
)

func builtinRules(t testing.TB) *Rules {
	t.Helper()
	r, err := Parse(data.Codes, "data/codes/policy.txt")
	if err != nil {
		t.Fatalf("built-in rules: %v", err)
	}
	return r
}

// TestPolicyCodes checks the built-in file: it parses, it has the policy
// areas the task names (the plan's own from the 策定方針, and the common
// municipal fields), and each code's pillar is one of 地方創生2.0's five or
// その他.
func TestPolicyCodes(t *testing.T) {
	r := builtinRules(t)
	wantLabels := []string{
		"新興感染症", "災害・防災", "デジタル化", "SDGs・ゼロカーボン・エシカル消費",
		"シティプロモーション・シビックプライド", "人口減少・少子高齢化", "地域活力",
		"公共交通", "子育て・教育", "医療・福祉", "農業・観光", "移住・定住",
		"地域コミュニティ", "道路・インフラ", "買い物・生活利便",
	}
	var labels []string
	for _, c := range r.Codes {
		labels = append(labels, c.Label)
		if c.Pillar != OtherPillar && !slices.Contains(Pillars(), c.Pillar) {
			t.Errorf("code %s: pillar %q is neither one of the five nor %s", c.ID, c.Pillar, OtherPillar)
		}
		if c.Cond == "" || c.Line == 0 {
			t.Errorf("code %s: no condition text or line: %+v", c.ID, c)
		}
	}
	for _, l := range wantLabels {
		if !slices.Contains(labels, l) {
			t.Errorf("no built-in code labelled %s (have %v)", l, labels)
		}
	}
	// Every pillar has at least one code, so that the report's pillar view
	// has no empty heading.
	for _, p := range Pillars() {
		if !slices.ContainsFunc(r.Codes, func(c Code) bool { return c.Pillar == p }) {
			t.Errorf("no built-in code under pillar %s", p)
		}
	}
}

// TestPolicyExamples runs hand-written survey answers through the built-in
// rules. The terms are what the tokenizer gives for the sentence in the
// comment: content-word base forms, compound nouns joined (its default); the
// "split" cases give the same answers with compounds cut into IPA's parts, as
// with compounds turned off. The expected codes are a human coder's reading
// of the answer; where an answer touches two areas, both are expected.
func TestPolicyExamples(t *testing.T) {
	r := builtinRules(t)
	tests := []struct {
		text  string // the answer, for the reader
		terms string
		want  string // space-separated code ids, in rule order
	}{
		{"新型コロナのような感染症が流行したときの医療体制を整えてほしい。", "新型コロナ 感染症 流行 医療体制 整える", "感染症 医療福祉"},
		{"コロナ禍でイベントが中止になり、地域のつながりが薄れた。", "コロナ禍 イベント 中止 地域 つながり 薄れる", "感染症 地域コミュニティ"},
		{"ワクチン接種の予約がわかりにくかった。", "ワクチン接種 予約 わかる", "感染症"},
		{"大雨のときに近くの川が氾濫しないか心配です。", "大雨 近く 川 氾濫 心配", "防災"},
		{"避難所の場所がわからないので、ハザードマップを配ってほしい。", "避難所 場所 わからない ハザードマップ 配る", "防災"},
		{"地震に備えて食料の備蓄や耐震化の補助を充実させてほしい。", "地震 備える 食料 備蓄 耐震化 補助 充実", "防災"},
		{"自然災害に備えてほしい。", "自然災害 備える", "防災"},
		{"市役所の手続きをオンラインでできるようにしてほしい。", "市役所 手続き オンライン", "デジタル 行財政"},
		{"高齢者でもスマホを使えるように教室を開いてほしい。", "高齢者 スマホ 使える 教室 開く", "デジタル 医療福祉"},
		{"キャッシュレス決済が使える店を増やしてほしい。", "キャッシュレス決済 使える 店 増やす", "デジタル 買い物"},
		{"市の情報をLINEで配信してほしい。", "市 情報 LINE 配信", "デジタル"},
		{"ゼロカーボンに向けて太陽光発電や省エネの補助を増やしてほしい。", "ゼロカーボン 向ける 太陽光発電 省エネ 補助 増やす", "SDGs"},
		{"ゴミの分別とリサイクルをもっと進めるべきだ。", "ゴミ 分別 リサイクル 進める", "SDGs 買い物"},
		{"SDGsやエシカル消費について学ぶ機会がほしい。", "SDGs エシカル消費 学ぶ 機会", "SDGs"},
		{"安曇野の魅力をもっと全国に発信してほしい。", "安曇野 魅力 全国 発信", "シティプロモーション"},
		{"安曇野に住んでいることに誇りを持てるまちにしたい。", "安曇野 住む 誇り 持てる まち", "シティプロモーション"},
		{"ふるさと納税の返礼品をもっと工夫して知名度を上げてほしい。", "ふるさと納税 返礼品 工夫 知名度 上げる", "シティプロモーション"},
		{"人口減少が進み、地域の担い手がいなくなる。", "人口減少 進む 地域 担い手", "人口減少"},
		{"少子高齢化で空き家が増えている。", "少子高齢化 空き家 増える", "人口減少"},
		{"若者が都会に出て行ってしまい戻ってこない。", "若者 都会 出る 戻る", "人口減少 移住定住"},
		{"商店街がシャッター通りになっていて活気がない。", "商店街 シャッター通り 活気", "地域活力"},
		{"若い人が働く場所が少ないので企業を誘致してほしい。", "若い 人 働く 場所 少ない 企業 誘致", "地域活力"},
		{"新しい工場ができて雇用が増えるとよい。", "新しい 工場 雇用 増える", "地域活力"},
		{"バスの本数が少なくて通学に不便です。", "バス 本数 少ない 通学 不便", "公共交通"},
		{"免許を返納したら買い物にも病院にも行けなくなる。", "免許 返納 買い物 病院 行けない", "公共交通 医療福祉 買い物"},
		{"デマンド交通をもっと使いやすくしてほしい。", "デマンド交通 使う", "公共交通"},
		{"駅までの公共交通機関が不便。", "駅 公共交通機関 不便", "公共交通"},
		{"コミュニティバスの本数を増やしてほしい。", "コミュニティバス 本数 増やす", "公共交通"},
		{"子育て支援を充実させてほしい。保育園に入れない。", "子育て支援 充実 保育園 入れない", "子育て教育"},
		{"子どもが安心して遊べる公園を増やしてほしい。", "子ども 安心 遊べる 公園 増やす", "子育て教育"},
		{"学校の給食費を無料にしてほしい。", "学校 給食費 無料", "子育て教育"},
		{"若い世代が結婚や出産をためらわない支援を。", "若い 世代 結婚 出産 ためらわない 支援", "子育て教育"},
		{"病院が遠くて通院が大変です。", "病院 遠い 通院 大変", "医療福祉"},
		{"一人暮らしの高齢者の見守りをお願いしたい。", "一人暮らし 高齢者 見守り お願い", "医療福祉"},
		{"介護施設が足りない。", "介護施設 足りない", "医療福祉"},
		{"耕作放棄地が増えて農業の後継者がいない。", "耕作放棄地 増える 農業 後継者", "人口減少 農業観光"},
		{"わさびやりんごなどの農産物をもっとPRして観光客を呼び込んでほしい。", "わさび りんご 農産物 PR 観光客 呼び込む", "シティプロモーション 農業観光"},
		{"観光地の駐車場が足りない。", "観光地 駐車場 足りない", "農業観光 道路インフラ"},
		{"道の駅の駐車場が狭い。", "道 駅 駐車場 狭い", "農業観光 道路インフラ"},
		{"移住してきたが、地元の人との付き合いが難しい。", "移住 地元 人 付き合い 難しい", "移住定住 地域コミュニティ"},
		{"移住者を呼び込むために空き家バンクを活用してほしい。", "移住者 呼び込む 空き家バンク 活用", "人口減少 移住定住"},
		{"区の役員の負担が大きく、自治会に入らない人が増えている。", "区 役員 負担 大きい 自治会 入らない 人 増える", "地域コミュニティ"},
		{"地域の祭りや行事を続けていきたい。", "地域 祭り 行事 続ける", "地域コミュニティ"},
		{"道路が狭くて歩道がないので危ない。", "道路 狭い 歩道 危ない", "道路インフラ"},
		{"冬の除雪をもっと早くしてほしい。", "冬 除雪 早い", "道路インフラ"},
		{"近くにスーパーがなくて買い物が不便。", "近く スーパー 買い物 不便", "買い物"},
		{"コンビニやドラッグストアが近くにあれば生活が便利になる。", "コンビニ ドラッグストア 近く 生活 便利", "買い物"},
		{"松本市など近隣の市町村と連携して広域で取り組んでほしい。", "松本市 近隣 市町村 連携 広域 取り組む", "広域連携"},
		{"北アルプスの景色と田園風景を守ってほしい。", "北アルプス 景色 田園風景 守る", "自然景観"},
		{"川がきれいで山が美しい。", "川 きれい 山 美しい", "自然景観"},
		{"税金の無駄遣いをやめてほしい。", "税金 無駄遣い やめる", "行財政"},
		{"市役所の職員の対応が良かった。", "市役所 職員 対応 良い", "行財政"},

		// Off-topic answers and near misses get no code.
		{"特にありません。", "", ""},
		{"アンケートが長すぎる。", "アンケート 長い", ""},
		{"バスケットボールのコートがほしい。", "バスケットボール コート", ""},
		{"安曇野のマイナスイメージを払拭したい。", "安曇野 マイナスイメージ 払拭", ""},

		// The same answers with compound nouns cut into their parts.
		{"split: 新型コロナのような感染症が流行した", "新型 コロナ 感染 流行 医療 体制 整える", "感染症 医療福祉"},
		{"split: 避難所の場所がわからない、ハザードマップ", "避難 場所 わからない ハザード マップ 配る", "防災"},
		{"split: キャッシュレス決済", "キャッシュ レス 決済 使える 店 増やす", "デジタル 買い物"},
		{"split: 人口減少が進み", "人口 減少 進む 地域 担い手", "人口減少"},
		{"split: 少子高齢化で空き家", "少子 高齢 空き家 増える", "人口減少"},
		{"split: デマンド交通", "デマンド 交通 使う", "公共交通"},
		{"split: 公共交通機関が不便", "駅 公共 交通 機関 不便", "公共交通"},
		{"split: コミュニティバス", "コミュニティ バス 本数 増やす", "公共交通"},
		{"split: 子育て支援", "子育て 支援 充実 保育園 入れない", "子育て教育"},
		{"split: 介護施設が足りない", "介護 施設 足りない", "医療福祉"},
		{"split: 自然災害に備えて", "自然 災害 備える", "防災"},
		{"split: 近隣市町村と広域連携", "松本 近隣 市町村 連携 広域 取り組む", "広域連携"},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			got := r.Match(strings.Fields(tc.terms))
			want := strings.Fields(tc.want)
			if !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
				t.Errorf("%s\nterms %s\ngot  %v\nwant %v", tc.text, tc.terms, got, want)
			}
		})
	}
}
