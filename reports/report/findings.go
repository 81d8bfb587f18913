package report

import (
	"math"
	"sort"
	"strconv"
	"strings"
)

// How many items each kind of key finding lists.
const (
	topThemes      = 3
	topDifferences = 3
	lowestLikert   = 3
)

// findings writes the 概要 in plain Japanese from the wave's numbers. Every
// sentence carries its number and the base it is a share of, so a council
// member can quote it without opening the tables.
func findings(d *waveData) []Finding {
	var out []Finding
	w := d.w
	s := "有効回答は" + w.RespondentsText + "人です。"
	if d.rawQuar > 0 {
		s = "有効回答は" + w.RespondentsText + "人です（読み込んだ" + w.RowsRead + "行のうち" + w.RowsQuarantined +
			"行は記入内容に不備があり集計から除外。「データの品質」参照）。"
	}
	if w.SurveyDocs != "0" || w.WorkshopDocs != "0" {
		s += "自由記述は" + w.SurveyDocs + "件、ワークショップの発言・付箋は" + w.WorkshopDocs + "件です。"
	}
	out = append(out, Finding{Kind: "回答", Text: s})

	if ts := w.Themes; ts != nil && len(ts.Themes) > 0 {
		s := "意見の中で多かったテーマは、"
		for i, t := range largestThemes(ts.Themes) {
			if i == topThemes {
				break
			}
			if i > 0 {
				s += "、"
			}
			s += "「" + t.Label + "」" + t.N + "件（" + t.Share + "%）"
		}
		s += "です（分析した" + ts.Docs + "件に占める割合）。"
		out = append(out, Finding{Kind: "テーマ", Text: s})
	}

	cands := append([]candidate(nil), d.cands...)
	sort.SliceStable(cands, func(i, j int) bool {
		a, b := math.Abs(cands[i].res), math.Abs(cands[j].res)
		if a != b {
			return a > b
		}
		return cands[i].xt.id < cands[j].xt.id
	})
	for i, c := range cands {
		if i == topDifferences {
			break
		}
		out = append(out, Finding{Kind: "属性による違い", Text: differenceText(c)})
	}

	type lk struct {
		q    *qinfo
		mean float64
	}
	var lks []lk
	for _, q := range d.questions {
		// A low importance score is not a poor rating: only satisfaction
		// (or unmarked) scales count.
		if q.kind == "likert" && !q.demographic && q.measure != "importance" && q.stats != nil && q.stats.mean.Valid {
			lks = append(lks, lk{q, q.stats.mean.Float64})
		}
	}
	sort.SliceStable(lks, func(i, j int) bool { return lks[i].mean < lks[j].mean })
	for i, x := range lks {
		if i == lowestLikert {
			break
		}
		lead := "評価が最も低いのは"
		if i > 0 {
			lead = "次いで低いのは"
		}
		st := x.q.q.Stats
		s := lead + "「" + x.q.title + "」で、平均" + st.Mean
		if st.Scale != "" {
			s += "（" + st.Scale + "の尺度、" + st.N + "）"
		} else {
			s += "（" + st.N + "）"
		}
		if st.Bottom2 != "" {
			s += "、否定的な回答（下位2つの選択肢）は" + st.Bottom2 + "%"
		}
		s += "です。"
		out = append(out, Finding{Kind: "満足度", Text: s})
	}
	if cs := w.CS; cs != nil {
		out = append(out, Finding{Kind: "満足度・重要度", Text: cs.Summary})
	}
	return out
}

func differenceText(c candidate) string {
	dir := "高く"
	if c.res < 0 {
		dir = "低く"
	}
	who, subject := "人では", ""
	switch c.kind {
	case themesQuestion:
		who = "人の意見では"
		subject = "「" + c.colLabel + "」のテーマに入る意見の割合"
	case codesQuestion:
		who = "人の意見では"
		subject = "「" + c.colLabel + "」に当てはまる意見の割合"
	case "multi":
		subject = "「" + c.title + "」で「" + c.colLabel + "」を選んだ人の割合"
	default:
		subject = "「" + c.title + "」で「" + c.colLabel + "」と答えた人の割合"
	}
	return subject + "は、" + c.rowTitle + "が「" + c.rowLabel + "」の" + who + pct(c.pct) +
		"%（" + baseN(c.rowN) + "）と、全体の" + pct(c.overall) + "%より" + dir + "なっています（調整済み残差 " +
		signed(c.res, 2) + "）。"
}

// largestThemes lists the themes a reader can act on, largest first: the
// themes inside each 大テーマ (a 大テーマ covering most answers says little
// on its own), or the 大テーマ itself when it has no sub-themes.
func largestThemes(top []*Theme) []*Theme {
	var out []*Theme
	for _, t := range top {
		if len(t.Children) == 0 {
			out = append(out, t)
			continue
		}
		out = append(out, t.Children...)
	}
	count := func(t *Theme) int {
		n, _ := strconv.Atoi(strings.ReplaceAll(t.N, ",", ""))
		return n
	}
	sort.SliceStable(out, func(i, j int) bool { return count(out[i]) > count(out[j]) })
	return out
}
