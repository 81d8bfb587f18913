package report

import (
	"database/sql"
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode"
)

// This file builds 前回調査との比較. The tests are the analysis's
// (wave_changes: two-proportion z-test on effective bases, 95% Wald
// interval of the difference); the report only words them.

// significance is the p-value under which a change is called a change.
const significance = 0.05

type waveChange struct {
	qid, code, label string
	from, to         string
	nFrom, nTo       float64
	pctFrom, pctTo   float64
	diff             float64
	lo, hi, p        sql.NullFloat64
}

func (c waveChange) significant() bool { return c.p.Valid && c.p.Float64 < significance }

// shortWaveLabels drops the words every wave label ends with ("令和7年度
// 市民意識調査", "令和8年度 市民意識調査" → "令和7年度", "令和8年度"), cutting
// only at a space, so narrow table columns name the waves by what differs.
func shortWaveLabels(labels []string) []string {
	if len(labels) < 2 {
		return labels
	}
	rs := make([][]rune, len(labels))
	for i, l := range labels {
		rs[i] = []rune(l)
	}
	n := 0
	for {
		ok := true
		for _, r := range rs {
			if n >= len(r) || r[len(r)-1-n] != rs[0][len(rs[0])-1-n] {
				ok = false
				break
			}
		}
		if !ok {
			break
		}
		n++
	}
	// Back off to a space: the shared tail must start at one.
	for n > 0 && !unicode.IsSpace(rs[0][len(rs[0])-n]) {
		n--
	}
	if n == 0 {
		return labels
	}
	out := make([]string, len(labels))
	for i, r := range rs {
		out[i] = strings.TrimSpace(string(r[:len(r)-n]))
		if out[i] == "" {
			return labels
		}
	}
	return out
}

func (l *loader) loadComparison(ws []*waveData) (*Comparison, error) {
	if len(ws) < 2 {
		return nil, nil
	}
	var labels []string
	index := map[string]int{}
	for i, d := range ws {
		labels = append(labels, d.w.Label)
		index[d.w.ID] = i
	}
	short := shortWaveLabels(labels)
	c := &Comparison{}
	first, last := short[0], short[len(short)-1]
	if len(ws) == 2 {
		c.Intro = first + "と" + last + "の調査結果を比べます。"
	} else {
		c.Intro = first + "から" + last + "までの" + comma(len(ws)) + "回の調査結果を、それぞれ前の回と比べます。"
	}
	c.Intro += "調査ごとに答えた人が違うため、割合の差には偶然の揺れ（標本誤差）が含まれます。差が偶然では説明しにくいもの（2つの割合の差の検定でp<0.05）だけを「変化した」として挙げ、そのほかは「誤差の範囲内」としています。95%信頼区間は、本当の差がおよそこの範囲にあるという幅です。"

	for _, m := range []struct{ measure, title string }{{"satisfaction", "満足度"}, {"importance", "重要度"}} {
		if t := trendTable(ws, short, m.measure, m.title); t != nil {
			c.Trends = append(c.Trends, t)
		}
	}

	var changes []waveChange
	err := l.each(`SELECT question_id, code, label, wave_from, wave_to, n_from, pct_from, n_to, pct_to,
			diff_pct, ci_low, ci_high, p_value
		FROM wave_changes ORDER BY wave_from, wave_to, question_id, code`, nil, func(r *sql.Rows) error {
		var x waveChange
		if err := r.Scan(&x.qid, &x.code, &x.label, &x.from, &x.to, &x.nFrom, &x.pctFrom, &x.nTo, &x.pctTo,
			&x.diff, &x.lo, &x.hi, &x.p); err != nil {
			return err
		}
		if _, ok := index[x.from]; !ok {
			return nil
		}
		if _, ok := index[x.to]; !ok {
			return nil
		}
		changes = append(changes, x)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read wave_changes: %w", err)
	}
	latest := ws[len(ws)-1]
	// The question as the latest wave that has it asks it.
	info := func(qid string) *qinfo {
		for i := len(ws) - 1; i >= 0; i-- {
			if q := ws[i].byID[qid]; q != nil {
				return q
			}
		}
		return nil
	}
	byQ := map[string][]waveChange{}
	var qids []string
	for _, x := range changes {
		if q := info(x.qid); q != nil && q.demographic {
			continue // weighting makes the groups match the population in every wave
		}
		if byQ[x.qid] == nil {
			qids = append(qids, x.qid)
		}
		byQ[x.qid] = append(byQ[x.qid], x)
	}
	rank := func(qid string) int {
		if q := latest.byID[qid]; q != nil {
			return q.ord
		}
		if q := info(qid); q != nil {
			return q.ord + 1<<20
		}
		return 1 << 30
	}
	sort.SliceStable(qids, func(i, j int) bool {
		if rank(qids[i]) != rank(qids[j]) {
			return rank(qids[i]) < rank(qids[j])
		}
		return qids[i] < qids[j]
	})
	anyMeasure := false
	for _, d := range ws {
		for _, q := range d.questions {
			anyMeasure = anyMeasure || q.measure != ""
		}
	}
	charted := func(q *qinfo) bool {
		if q == nil || q.kind != "likert" {
			return false
		}
		return q.measure == "satisfaction" || !anyMeasure
	}
	weighted := false
	for _, d := range ws {
		weighted = weighted || d.w.Weighting != nil
	}

	var best *waveChange
	var bestTitle string
	nSig, nQ := 0, 0 // questions with a significant change, questions compared
	for _, qid := range qids {
		q := info(qid)
		title := qid
		if q != nil {
			title = q.title
		}
		isCodes := qid == codesQuestion
		if isCodes {
			title = "自由記述の政策分野（自由記述を書いた人のうち、その分野に当てはまる意見を書いた人の割合）"
		}
		cq := &ChangeQuestion{Anchor: l.anchor("w"), Title: title}
		sig := false
		// Pairs in wave order.
		pairs := map[[2]string][]waveChange{}
		var keys [][2]string
		for _, x := range byQ[qid] {
			k := [2]string{x.from, x.to}
			if pairs[k] == nil {
				keys = append(keys, k)
			}
			pairs[k] = append(pairs[k], x)
		}
		sort.SliceStable(keys, func(i, j int) bool {
			if index[keys[i][1]] != index[keys[j][1]] {
				return index[keys[i][1]] < index[keys[j][1]]
			}
			return index[keys[i][0]] < index[keys[j][0]]
		})
		for _, k := range keys {
			xs := pairs[k]
			to := ws[index[k[1]]]
			pos := map[string]int{}
			for i, code := range to.optionCodes(qid) {
				pos[code] = i
			}
			sort.SliceStable(xs, func(i, j int) bool {
				pi, oki := pos[xs[i].code]
				pj, okj := pos[xs[j].code]
				if oki != okj {
					return oki
				}
				if pi != pj {
					return pi < pj
				}
				return xs[i].code < xs[j].code
			})
			cp := ChangePair{Pair: short[index[k[0]]] + "→" + short[index[k[1]]]}
			cp.Base = short[index[k[0]]] + " " + baseN(int(math.Round(xs[0].nFrom))) + "、" + short[index[k[1]]] + " " + baseN(int(math.Round(xs[0].nTo)))
			switch {
			case isCodes:
				cp.Base += "、自由記述を書いた人"
			case weighted:
				cp.Base += "、重み付けを考えた有効標本数"
			}
			restMax := 0.0
			nRest := 0
			for i := range xs {
				x := xs[i]
				if !x.significant() {
					restMax = math.Max(restMax, math.Abs(x.diff))
					nRest++
					continue
				}
				sig = true
				ch := Change{Label: x.label, From: pct(x.pctFrom), To: pct(x.pctTo), Diff: signed(x.diff, 1), P: pValue(x.p.Float64)}
				if x.lo.Valid && x.hi.Valid {
					ch.CI = signed(x.lo.Float64, 1) + "〜" + signed(x.hi.Float64, 1)
				}
				cp.Changes = append(cp.Changes, ch)
				if k[1] == latest.w.ID && !isCodes && (best == nil || math.Abs(x.diff) > math.Abs(best.diff)) {
					best, bestTitle = &xs[i], title
				}
			}
			what := "選択肢"
			if isCodes {
				what = "分野"
			}
			switch {
			case len(cp.Changes) == 0:
				cp.Rest = "どの" + what + "の変化も誤差の範囲内です（変化は最大" + roundHalfUp(restMax, 1) + "ポイント）。"
			case nRest > 0:
				cp.Rest = "ほかの" + what + "の変化は誤差の範囲内です（最大" + roundHalfUp(restMax, 1) + "ポイント）。"
			}
			cq.Pairs = append(cq.Pairs, cp)
		}
		if sig && !isCodes {
			nSig++
		}
		if !isCodes {
			nQ++
		}
		if charted(q) {
			cq.Chart = waveChart(ws, short, q, byQ[qid])
		}
		if !sig && cq.Chart == nil {
			c.Stable = append(c.Stable, title)
			continue
		}
		c.Questions = append(c.Questions, cq)
	}
	if nQ > 0 {
		s := "前回の調査と比べて、選択肢の割合に統計的に有意な変化があった設問は" + comma(nSig) + "問です（比べた" + comma(nQ) + "問中）。"
		if best != nil {
			s += "最も大きな変化は「" + bestTitle + "」の「" + best.label + "」で、" + pct(best.pctFrom) + "%から" + pct(best.pctTo) + "%へ" +
				signed(best.diff, 1) + "ポイント"
			if best.lo.Valid && best.hi.Valid {
				s += "（95%信頼区間 " + signed(best.lo.Float64, 1) + "〜" + signed(best.hi.Float64, 1) + "、" +
					baseN(int(math.Round(best.nFrom))) + "→" + comma(int(math.Round(best.nTo))) + "）"
			}
			s += "です。"
		}
		latest.w.Findings = append(latest.w.Findings, Finding{Kind: "前回との比較", Text: s})
	}
	return c, nil
}

// trendTable lists each policy field's mean score and top-2 share of one
// measure across the waves; nil when no wave marks that measure.
func trendTable(ws []*waveData, short []string, measure, title string) *TrendTable {
	type cell struct{ mean, top2 string }
	var fields []string
	seen := map[string]bool{}
	at := map[string]map[int]*qinfo{}
	// Fields in the latest wave's codebook order, then earlier waves' others.
	for i := len(ws) - 1; i >= 0; i-- {
		var qs []*qinfo
		for _, q := range ws[i].questions {
			if q.measure == measure && q.field != "" && q.kind == "likert" {
				qs = append(qs, q)
			}
		}
		for _, q := range qs {
			if !seen[q.field] {
				seen[q.field] = true
				fields = append(fields, q.field)
			}
			if at[q.field] == nil {
				at[q.field] = map[int]*qinfo{}
			}
			at[q.field][i] = q
		}
	}
	if len(fields) == 0 {
		return nil
	}
	t := &TrendTable{Title: title, Waves: short}
	var bases []string
	for i := range ws {
		lo, hi := -1, -1
		for _, f := range fields {
			if q := at[f][i]; q != nil && q.stats != nil {
				if lo < 0 || q.stats.n < lo {
					lo = q.stats.n
				}
				hi = max(hi, q.stats.n)
			}
		}
		if lo >= 0 {
			bases = append(bases, short[i]+" "+nRange(lo, hi))
		}
	}
	t.Base = strings.Join(bases, "、")
	for _, f := range fields {
		row := TrendRow{Field: f}
		for i := range ws {
			q := at[f][i]
			mean, top2 := "—", "—"
			if q != nil && q.stats != nil {
				if q.stats.mean.Valid {
					if hasNegativeScore(q.options) {
						mean = signed(q.stats.mean.Float64, 2)
					} else {
						mean = roundHalfUp(q.stats.mean.Float64, 2)
					}
				}
				if q.stats.top2.Valid {
					top2 = pct(q.stats.top2.Float64)
				}
			}
			row.Means = append(row.Means, mean)
			row.Top2 = append(row.Top2, top2)
		}
		t.Rows = append(t.Rows, row)
	}
	// The scale as the latest wave asking the first field states it.
	for i := len(ws) - 1; i >= 0; i-- {
		if q := at[fields[0]][i]; q != nil {
			t.Scale = scaleText(q.options)
			break
		}
	}
	return t
}

// waveChart draws a question's options with one bar per wave, the later
// waves darker. An option whose change from the wave before is significant
// carries "＊" after the later wave's value.
func waveChart(ws []*waveData, short []string, q *qinfo, xs []waveChange) *GroupChart {
	var series []string
	var cols []*waveData
	for i, d := range ws {
		if dq := d.byID[q.id]; dq != nil && len(dq.tally) > 0 {
			series = append(series, short[i])
			cols = append(cols, d)
		}
	}
	if len(cols) < 2 {
		return nil
	}
	sig := map[[2]string]bool{} // wave_to, code
	for _, x := range xs {
		if x.significant() {
			sig[[2]string{x.to, x.code}] = true
		}
	}
	// Options as the latest wave lists them, without 無回答.
	var groups []groupIn
	lastQ := cols[len(cols)-1].byID[q.id]
	for _, t := range lastQ.tally {
		if t.code == "" {
			continue
		}
		g := groupIn{label: t.label}
		for _, d := range cols {
			v := math.NaN()
			text := "—"
			for _, u := range d.byID[q.id].tally {
				if u.code == t.code {
					v = u.pct
					text = pct(u.pct) + "%"
					if sig[[2]string{d.w.ID, t.code}] {
						text += "＊"
					}
				}
			}
			g.values = append(g.values, v)
			g.texts = append(g.texts, text)
		}
		groups = append(groups, g)
	}
	// Earlier waves lighter: reverse the dark-to-light ramp.
	fills := seriesFills(len(series))
	for i, j := 0, len(fills)-1; i < j; i, j = i+1, j-1 {
		fills[i], fills[j] = fills[j], fills[i]
	}
	return newGroupChart(q.title+"（"+strings.Join(series, "・")+"）", series, fills, groups)
}
