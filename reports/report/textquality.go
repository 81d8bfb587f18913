package report

import (
	"database/sql"
	"fmt"
	"strings"
	"unicode/utf8"
)

// This file says what happened to the free text before it was shown or
// analysed: privacy masking (masking), non-answers and groups of
// (near-)identical comments (docs.non_answer, dup_of, group_size), and the
// groups large enough to look like an organised campaign.

const (
	// campaignMin is the smallest group of (near-)identical comments
	// flagged as a possible campaign.
	campaignMin = 5
	// campaignMinRunes is the shortest text flagged: five people writing
	// 「今のままで良い」 or 「市の窓口」 alike is a common phrase, not an
	// organised posting; a template letter is longer than a line.
	campaignMinRunes = 20
	// maxRepeated is how many short repeated answers are named.
	maxRepeated = 5
)

// maskKinds is the order masking kinds are named in (ingest's kinds).
var maskKinds = []string{"氏名", "電話番号", "メール", "郵便番号", "住所", "番号"}

// textCounts are a wave's free-text documents by what analysis made of
// them.
type textCounts struct {
	docs       int // all documents
	workshop   int // of which workshop utterances and sticky notes
	nonAnswers int // 特になし-type non-answers
	groups     int // groups of two or more (near-)identical comments, non-answers aside
	grouped    int // comments in those groups
}

func (l *loader) textCounts(d *waveData) (*textCounts, error) {
	if d.text != nil {
		return d.text, nil
	}
	var tc textCounts
	err := l.db.QueryRow(`SELECT COUNT(*), COALESCE(SUM(source = 'workshop'), 0), COALESCE(SUM(non_answer = 1), 0),
			COALESCE(SUM(non_answer = 0 AND group_size > 1 AND dup_of = doc_id), 0),
			COALESCE(SUM(non_answer = 0 AND group_size > 1), 0)
		FROM docs WHERE wave_id = ?`, d.w.ID).Scan(&tc.docs, &tc.workshop, &tc.nonAnswers, &tc.groups, &tc.grouped)
	if err != nil {
		return nil, fmt.Errorf("count non-answers and duplicates: %w", err)
	}
	d.text = &tc
	return &tc, nil
}

// what names all the documents with their number: "自由記述1,054件", or
// with workshops "自由記述とワークショップの発言・付箋、計2,243件".
func (tc *textCounts) what() string {
	if tc.workshop > 0 {
		return "自由記述とワークショップの発言・付箋、計" + comma(tc.docs) + "件"
	}
	return "自由記述" + comma(tc.docs) + "件"
}

// loadCampaigns lists the groups of campaignMin or more comments: long
// ones as possible campaigns, each with its first member's masked text,
// short ones as common phrases in one sentence.
func (l *loader) loadCampaigns(d *waveData, ts *ThemeSet, once bool) error {
	type group struct {
		size                               int
		src, qid, wid, speaker, wtitle, tx string
	}
	var short []group
	err := l.each(`SELECT d.group_size, d.source, COALESCE(d.question_id, ''), COALESCE(d.workshop_id, ''),
			COALESCE(d.speaker, ''), COALESCE(w.title, ''), TRIM(d.text_masked)
		FROM docs d LEFT JOIN workshops w ON w.wave_id = d.wave_id AND w.workshop_id = d.workshop_id
		WHERE d.wave_id = ? AND d.non_answer = 0 AND d.dup_of = d.doc_id AND d.group_size >= ?
			AND d.text_masked IS NOT NULL AND TRIM(d.text_masked) <> ''
		ORDER BY d.group_size DESC, d.doc_id`, []any{d.w.ID, campaignMin}, func(r *sql.Rows) error {
		var g group
		if err := r.Scan(&g.size, &g.src, &g.qid, &g.wid, &g.speaker, &g.wtitle, &g.tx); err != nil {
			return err
		}
		if utf8.RuneCountInString(g.tx) < campaignMinRunes {
			short = append(short, g)
			return nil
		}
		counted := "テーマの集計では1件として数えています"
		if !once {
			counted = "テーマの集計では" + comma(g.size) + "件として数えています"
		}
		ts.Campaigns = append(ts.Campaigns, Campaign{
			Sentence: "同じ趣旨の意見が" + comma(g.size) + "件寄せられています（組織的な投稿の可能性があります。" + counted + "）。",
			Quote:    Quote{Text: truncRunes(g.tx, maxQuoteRunes), Source: sourceLabel(d, g.src, g.qid, g.wid, g.speaker, g.wtitle)},
		})
		return nil
	})
	if err != nil {
		return fmt.Errorf("read duplicate groups: %w", err)
	}
	if len(short) == 0 {
		return nil
	}
	var names []string
	for i, g := range short {
		if i == maxRepeated {
			names = append(names, "ほか"+comma(len(short)-maxRepeated)+"種類")
			break
		}
		names = append(names, "「"+g.tx+"」"+comma(g.size)+"件")
	}
	ts.Repeated = "短い同じ答え（" + strings.Join(names, "、") + "）も" + comma(campaignMin) +
		"件以上ありましたが、よくある言い回しのため、組織的な投稿とはみていません。"
	if once {
		ts.Repeated += "テーマの集計では、これらもそれぞれ1件として数えています。"
	}
	return nil
}

// loadTextQuality writes the free-text lines of データの品質.
func (l *loader) loadTextQuality(d *waveData) error {
	tc, err := l.textCounts(d)
	if err != nil {
		return err
	}
	if tc.docs == 0 {
		return nil // the template says there is no free text
	}
	if l.has("masking") {
		n := map[string]int{}
		var kinds []string
		err := l.each(`SELECT kind, n FROM masking WHERE wave_id = ? AND n > 0 ORDER BY kind`, []any{d.w.ID}, func(r *sql.Rows) error {
			var k string
			var c int
			if err := r.Scan(&k, &c); err != nil {
				return err
			}
			n[k] = c
			kinds = append(kinds, k)
			return nil
		})
		if err != nil {
			return fmt.Errorf("read masking: %w", err)
		}
		var parts []string
		known := map[string]bool{}
		for _, k := range maskKinds {
			known[k] = true
			if n[k] > 0 {
				parts = append(parts, k+comma(n[k])+"件")
			}
		}
		for _, k := range kinds { // kinds a later ingest may add, by name
			if !known[k] {
				parts = append(parts, k+comma(n[k])+"件")
			}
		}
		if len(parts) > 0 {
			d.w.TextQuality = append(d.w.TextQuality, "個人情報の保護のため、"+strings.Join(parts, "・")+"を伏せ字にしました。報告書の引用は、伏せ字にした文章だけを使っています。")
		} else {
			d.w.TextQuality = append(d.w.TextQuality, "自由記述に、伏せ字にする必要のある個人情報（氏名・電話番号・メールアドレス・住所など）は見つかりませんでした。")
		}
	}
	if tc.nonAnswers > 0 {
		d.w.TextQuality = append(d.w.TextQuality, tc.what()+"のうち、「特になし」「わからない」などの意見ではない回答"+
			comma(tc.nonAnswers)+"件は、テーマや言葉の分析から除いています。")
	}
	if tc.groups > 0 {
		s := "同じ、またはほぼ同じ文面の意見のまとまりが" + comma(tc.groups) + "組（計" + comma(tc.grouped) + "件）ありました。"
		if d.eachCopy {
			s += "テーマの集計では1件ずつ数え、共起ネットワークと対応分析では、1人の声が何件にも数えられないよう、それぞれのまとまりを1件として扱っています。"
		} else {
			s += "1人の声が何件にも数えられないよう、テーマの集計や言葉の分析では、それぞれのまとまりを1件として扱っています。"
		}
		d.w.TextQuality = append(d.w.TextQuality, s)
	} else {
		d.w.TextQuality = append(d.w.TextQuality, "同じ文面の意見が重なって寄せられた例はありませんでした。")
	}
	return nil
}
