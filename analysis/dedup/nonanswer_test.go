package dedup

import "testing"

func TestIsNonAnswer(t *testing.T) {
	// Spellings seen in real exports (the Fukui tourism survey in
	// ../shared/realdata has なし, 特になし, とくになし, 特に無し,
	// 特にありません。, ありません。 and 特になかったです) and the usual
	// variants of the same few words.
	nonAnswers := []string{
		"特になし", "なし", "特にない", "ありません", "無し", "特に無し", "ない", "別にない",
		"わからない", "特になし。", "ー", "-", "無回答", "とくになし", "特に無い", "特にありません。",
		"ありません。", "特になかったです", "なし！", "ナシ", "特になしです", "特にないです。",
		"今のところ特にありません", "現時点では特にないです", "私からは特に意見はありません",
		"特に要望はありません", "意見なし", "思いつかない", "特に思いつきません", "よくわからない",
		"分かりません", "不明", "未記入", "同上", "上記と同じ", "上記に記載。", "上記コメントの通り。", "前述のとおり", "以上", "特になし、以上です",
		"特にない、ありがとうございました", "何もない", "何もありません", "特記事項なし",
		"ーーー", "・・・", "…", "？", "－", "―", "", "   ", "N/A", "none", "ＮＯＮＥ", "No", "nothing",
		"特に、なし", "特　に　な　し", "べつにないです", "特にこれといってない", "とくにないかな",
		"ないと思います", "ノーコメント", "無",
	}
	answers := []string{
		"バスを増やして", "特に子育て支援", "ないものねだり", "問題ない", "特に不満はない",
		"特に不満はありません", "バスがない", "何もない町", "なしのつぶて", "なし崩しに進めないで",
		"無料にしてほしい", "無駄が多い", "不明瞭な説明", "わからないことが多い", "分からないので説明してほしい",
		"知らない人が多い", "ないと困る", "特になし。満足", "特にないが、バスを増やして", "特別支援学級を増やして",
		"別にいい", "今のままで良い", "希望がない", "ナイター設備", "なかなか良い", "梨がおいしい",
		"要望", "意見があります", "ありがとうございました", "以上のことから、駅を直して", "60歳以上の支援",
		"特に子どもの医療費", "とくに道路", "NPO", "Noodles", "no more cuts", "同上の理由で反対",
		"満足", "普通", "なんとなく", "特になしと言いたいが、駅前の駐車場が足りないので何とかしてほしい",
		"ない袖は振れない", "ナシ園を守って", "上記の通り、除雪を早く", "不明な点が多い",
	}
	if len(nonAnswers) < 40 || len(answers) < 40 {
		t.Fatalf("the brief asks for at least 40 cases of each kind; have %d and %d", len(nonAnswers), len(answers))
	}
	for _, s := range nonAnswers {
		t.Run("non-answer/"+s, func(t *testing.T) {
			if !IsNonAnswer(s) {
				t.Errorf("IsNonAnswer(%q) = false, want true", s)
			}
		})
	}
	for _, s := range answers {
		t.Run("answer/"+s, func(t *testing.T) {
			if IsNonAnswer(s) {
				t.Errorf("IsNonAnswer(%q) = true, want false", s)
			}
		})
	}
}

func TestIsNonAnswerLength(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		// 今のところ特に思いつきません is 14 wording characters.
		{"long stock phrase", "今のところ特に思いつきません。", true},
		// 20 wording characters: 10 × なし.
		{"at the bound", "なしなしなしなしなしなしなしなしなしなし", true},
		// 22 wording characters: 11 × なし.
		{"over the bound", "なしなしなしなしなしなしなしなしなしなしなし", false},
		{"long dash line", "ーーーーーーーーーーーーーーーーーーーーーーーーーーーーーー", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsNonAnswer(tt.in); got != tt.want {
				t.Errorf("IsNonAnswer(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}
