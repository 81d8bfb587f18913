package report

import (
	"database/sql"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

type themeRow struct {
	id       int64
	parent   sql.NullInt64
	label    string
	n        int
	terms    string
	children []*themeRow
	t        *Theme
}

type codeRow struct {
	id, label, pillar string
	n                 int
}

func (l *loader) loadThemes(d *waveData) error {
	var all []*themeRow
	err := l.each(`SELECT theme_id, parent_id, label, n_docs, top_terms FROM themes
		WHERE wave_id = ? ORDER BY theme_id`, []any{d.w.ID}, func(r *sql.Rows) error {
		var t themeRow
		if err := r.Scan(&t.id, &t.parent, &t.label, &t.n, &t.terms); err != nil {
			return err
		}
		all = append(all, &t)
		return nil
	})
	if err != nil {
		return fmt.Errorf("read themes: %w", err)
	}
	if len(all) == 0 {
		return nil
	}
	byID := map[int64]*themeRow{}
	for _, t := range all {
		byID[t.id] = t
	}
	var top []*themeRow
	for _, t := range all {
		if p, ok := byID[t.parent.Int64]; t.parent.Valid && ok && p != t {
			p.children = append(p.children, t)
		} else {
			top = append(top, t)
		}
	}
	bySize := func(ts []*themeRow) {
		sort.SliceStable(ts, func(i, j int) bool {
			if ts[i].n != ts[j].n {
				return ts[i].n > ts[j].n
			}
			return ts[i].id < ts[j].id
		})
	}
	bySize(top)
	tc, err := l.textCounts(d)
	if err != nil {
		return err
	}
	// Every analysed document has its primary theme in doc_themes; a
	// duplicate group's copies share their first member's. Unless the
	// study counts each copy, the themes count a group once, and so must
	// the base of their shares.
	var themed, units int
	if err := l.db.QueryRow(`SELECT COUNT(DISTINCT dt.doc_id),
			COUNT(DISTINCT CASE WHEN d.dup_of IS NULL OR d.dup_of = d.doc_id THEN dt.doc_id END)
		FROM doc_themes dt JOIN themes t ON t.theme_id = dt.theme_id JOIN docs d ON d.doc_id = dt.doc_id
		WHERE t.wave_id = ?`, d.w.ID).Scan(&themed, &units); err != nil {
		return fmt.Errorf("count themed docs: %w", err)
	}
	sumTop := 0
	for _, t := range top {
		sumTop += t.n
	}
	once := units < themed && sumTop == units
	d.eachCopy = units < themed && !once
	docs := themed
	if once {
		docs = units
	}
	if docs == 0 {
		docs = sumTop
	}
	ts := &ThemeSet{Docs: comma(docs)}
	share := func(n int) float64 {
		if docs == 0 {
			return 0
		}
		return 100 * float64(n) / float64(docs)
	}
	var items []barItem
	var build func(t *themeRow) (*Theme, error)
	build = func(t *themeRow) (*Theme, error) {
		th := &Theme{Anchor: l.anchor("t"), Label: t.label, N: comma(t.n), Share: pct(share(t.n)),
			Terms: t.terms}
		quotes, err := l.quotes(d, t.id)
		if err != nil {
			return nil, err
		}
		th.Quotes = quotes
		t.t = th
		d.themes = append(d.themes, t)
		d.themeByID[strconv.FormatInt(t.id, 10)] = t
		bySize(t.children)
		// A broad theme whose only sub-theme holds all its documents is one
		// theme: print it once, with the sub-theme's quotes and words.
		same := len(t.children) == 1 && t.children[0].n == t.n && len(t.children[0].children) == 0
		for _, c := range t.children {
			ct, err := build(c)
			if err != nil {
				return nil, err
			}
			if same {
				if len(th.Quotes) == 0 {
					th.Quotes = ct.Quotes
				}
				if th.Terms == "" {
					th.Terms = ct.Terms
				}
				continue
			}
			th.Children = append(th.Children, ct)
		}
		return th, nil
	}
	for _, t := range top {
		th, err := build(t)
		if err != nil {
			return fmt.Errorf("theme %d: %w", t.id, err)
		}
		ts.Themes = append(ts.Themes, th)
		items = append(items, barItem{label: t.label, value: share(t.n), text: comma(t.n) + "件（" + pct(share(t.n)) + "%）"})
	}
	ts.Chart = newBarChart("自由記述のテーマ（分析した"+comma(docs)+"件）", items, 0)
	ts.Intro = themeIntro(tc, themed, units, once, len(ts.Themes))
	if err := l.loadCampaigns(d, ts, once); err != nil {
		return err
	}
	d.w.Themes = ts
	return l.loadKwic(d)
}

// themeIntro says what the themes were made from, every count with what
// it is of: all free text, the non-answers left out, the duplicate groups
// and how they were counted.
func themeIntro(tc *textCounts, themed, units int, once bool, k int) string {
	s := tc.what() + "のうち"
	if tc.nonAnswers > 0 {
		s += "、「特になし」などの意見ではない回答" + comma(tc.nonAnswers) + "件を除いた"
	}
	s += comma(themed) + "件を、使われている言葉の近さで" + comma(k) + "個のテーマにまとめました。"
	if rest := tc.docs - tc.nonAnswers - themed; rest > 0 {
		s += "短すぎるなどでテーマに分けられなかった回答・発言が" + comma(rest) + "件あります。"
	}
	if tc.groups > 0 {
		s += "同じ、またはほぼ同じ文面の意見のまとまりが" + comma(tc.groups) + "組（計" + comma(tc.grouped) + "件）あり、"
		if once {
			s += "テーマの件数では、まとまりごとに1件と数えています（テーマの件数の合計は" + comma(units) + "件）。"
		} else {
			s += "テーマの件数では1件ずつ数えています。"
		}
	}
	return s + "引用は各テーマを最もよく代表する意見で、個人情報は伏せ字にしています。"
}

// quotes are a theme's representative documents: the highest membership
// weight (cosine to the theme centre) first, masked text only.
func (l *loader) quotes(d *waveData, themeID int64) ([]Quote, error) {
	var out []Quote
	seen := map[string]bool{}
	// A duplicate group is quoted once, by its first member, which says
	// how many others wrote the same.
	err := l.each(`SELECT d.source, COALESCE(d.question_id, ''), COALESCE(d.workshop_id, ''),
			COALESCE(d.speaker, ''), COALESCE(w.title, ''), d.text_masked, COALESCE(d.group_size, 1)
		FROM doc_themes dt JOIN docs d ON d.doc_id = dt.doc_id
		LEFT JOIN workshops w ON w.wave_id = d.wave_id AND w.workshop_id = d.workshop_id
		WHERE dt.theme_id = ? AND d.text_masked IS NOT NULL AND TRIM(d.text_masked) <> ''
			AND (d.dup_of IS NULL OR d.dup_of = d.doc_id)
		ORDER BY dt.weight DESC, d.doc_id LIMIT ?`, []any{themeID, l.opts.Quotes * 4}, func(r *sql.Rows) error {
		var src, qid, wid, speaker, wtitle, text string
		var size int
		if err := r.Scan(&src, &qid, &wid, &speaker, &wtitle, &text, &size); err != nil {
			return err
		}
		text = strings.TrimSpace(text)
		if len(out) >= l.opts.Quotes || seen[text] {
			return nil
		}
		seen[text] = true
		out = append(out, Quote{Text: truncRunes(text, maxQuoteRunes), Source: sourceLabel(d, src, qid, wid, speaker, wtitle),
			Similar: similar(size)})
		return nil
	})
	return out, err
}

// similar is Quote.Similar for a document whose group has size members.
func similar(size int) string {
	if size > 1 {
		return comma(size - 1)
	}
	return ""
}

func sourceLabel(d *waveData, src, qid, wid, speaker, wtitle string) string {
	if src == "workshop" {
		s := "ワークショップ"
		if wtitle != "" {
			s += "『" + wtitle + "』" // titles often hold 「」 themselves
		}
		if speaker != "" {
			s += "・" + speaker
		}
		return s
	}
	s := "アンケート"
	if q := d.byID[qid]; q != nil {
		s += "「" + q.title + "」"
	}
	return s
}
