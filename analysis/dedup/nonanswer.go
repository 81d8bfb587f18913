package dedup

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxNonAnswerRunes bounds the wording of a non-answer. The longest common
// ones (今のところ特に思いつきません, 14) fit well; beyond it a text that
// is all stock phrases is rare and a text with anything else is an answer.
const maxNonAnswerRunes = 20

// nonAnswerHeads are the words that say "nothing to say". Each one alone,
// or joined with others and with fillers, is a non-answer. Kana, kanji and
// katakana spellings are listed separately because the caller's NFKC does
// not unify them.
var nonAnswerHeads = []string{
	// none
	"なし", "ナシ", "無し", "無", "ない", "ナイ", "無い", "なかった", "無かった",
	"ありません", "ございません",
	// nothing in particular
	"特に", "とくに", "トクニ", "別に", "べつに",
	// don't know
	"わからない", "分からない", "解らない", "判らない", "わかんない", "分かんない",
	"わかりません", "分かりません", "解りません", "判りません",
	"よくわからない", "よく分からない", "よくわかりません", "よく分かりません",
	"知らない", "知りません", "不明",
	// nothing comes to mind
	"思いつかない", "思い付かない", "思いつきません", "思い付きません",
	"思い浮かばない", "思い浮かびません", "思い当たらない", "思いあたらない", "思い当たりません",
	// blank, same as above, that's all
	"無回答", "未回答", "未記入", "無記入",
	"ノコメント",                  // ノーコメント: the rule drops ー before matching
	"同上", "上記", "前述", "前に同じ", // with fillers: 上記に記載, 上記の通り, 上記と同じ
	"以上",
	// Latin, lowered by the rule (n/a loses its slash with the punctuation)
	"none", "nothing", "nil", "na", "no", "nocomment", "nashi", "nai", "tokuninashi",
}

// nonAnswerFillers may surround heads but say nothing alone: particles,
// copulas, "at present", "my opinion/request" and thanks. Content words that
// turn a negation into an opinion are kept out on purpose: 問題ない (no
// problem), 不満はない (no complaint) and 希望がない (no hope) are
// answers, and so is anything with a word this list lacks (バスがない).
var nonAnswerFillers = []string{
	"は", "も", "が", "の", "に", "で", "から", "です", "でした", "ですね", "ね", "よ", "かな",
	"と思う", "と思います",
	"今", "今回", "今のところ", "いまのところ", "今の所", "今のとこ", "現在", "現時点", "現状",
	"これといって", "これと言って", "これといった", "具体的に", "特段", "特別",
	"何も", "なにも", "なんにも",
	"私", "わたし", "自分",
	"意見", "ご意見", "要望", "ご要望", "提案", "感想", "質問", "コメント",
	"回答", "記入", "記載", "該当", "特記事項", "特記", "参照",
	"と同じ", "に同じ", "の通り", "のとおり",
	"言うこと", "いうこと", "書くこと",
	"ありがとうございました", "ありがとうございます",
}

// piece is a head or filler; piecesByFirst indexes them by first rune.
type piece struct {
	text string
	head bool
}

var piecesByFirst = func() map[rune][]piece {
	m := make(map[rune][]piece)
	add := func(words []string, head bool) {
		for _, w := range words {
			r, _ := utf8.DecodeRuneInString(w)
			m[r] = append(m[r], piece{w, head})
		}
	}
	add(nonAnswerHeads, true)
	add(nonAnswerFillers, false)
	return m
}()

// IsNonAnswer reports whether text says nothing that could be a theme: it
// is empty or only punctuation, symbols and dashes (ー, -, ・・・), or it is
// at most 20 characters once those are removed and consists entirely of
// non-answer words (なし, ない, 特に, 別に, ありません, わからない,
// 不明, 無回答, 同上, …) and fillers (particles, です, 今のところ, 意見,
// 要望, …), with at least one non-answer word. So 特になし, 特に無し。,
// 今のところ特にありません and 私からは特に意見はありません are
// non-answers, while 特に子育て支援, バスがない, ないものねだり,
// 問題ない and 特に不満はない are answers. Full-width and upper-case Latin
// letters are folded (N/A, ＮＯＮＥ); other normalisation is the caller's.
func IsNonAnswer(text string) bool {
	var buf [maxNonAnswerRunes * 4]byte
	core := buf[:0]
	runes := 0
	for _, r := range text {
		if r == 'ー' || r == 'ｰ' || !isWording(r) || unicode.IsControl(r) || r == utf8.RuneError {
			continue
		}
		if r >= '！' && r <= '～' { // full-width ASCII block
			r -= '！' - '!'
		}
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		runes++
		if runes > maxNonAnswerRunes {
			return false
		}
		if runes == 1 && piecesByFirst[r] == nil {
			return false // most answers end here: no word of the lists starts so
		}
		core = utf8.AppendRune(core, r)
	}
	if len(core) == 0 {
		return true
	}
	return segmentsAsNonAnswer(string(core))
}

// segmentsAsNonAnswer reports whether s splits into heads and fillers with
// at least one head. It is a reachability search over byte offsets with a
// second bit for "a head was used", so it tries every split, not only the
// greedy one (特にない must not fail on 特 + にない).
func segmentsAsNonAnswer(s string) bool {
	// reach[i] bit 0: offset i is reachable; bit 1: reachable with a head.
	var reachBuf [maxNonAnswerRunes*4 + 1]uint8
	reach := reachBuf[:len(s)+1]
	reach[0] = 1
	for i := 0; i < len(s); i++ {
		if reach[i] == 0 {
			continue
		}
		r, _ := utf8.DecodeRuneInString(s[i:])
		for _, p := range piecesByFirst[r] {
			if !strings.HasPrefix(s[i:], p.text) {
				continue
			}
			st := reach[i]
			if p.head {
				st |= 2
			}
			reach[i+len(p.text)] |= st
		}
	}
	return reach[len(s)]&2 != 0
}
