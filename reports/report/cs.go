package report

import (
	"database/sql"
	"fmt"
	"sort"
	"strings"

	"koe/analysis/stats"
)

type csRow struct {
	field, satQ, impQ string
	satN, impN        int
	sat, imp          float64
	satH, impH        float64
	quadrant          string
}

// quadrantRank orders the CS table: the fields to improve before those to
// keep, the important before the less important.
var quadrantRank = map[string]int{
	stats.QuadrantImprovePriority:  0,
	stats.QuadrantImprove:          1,
	stats.QuadrantMaintainPriority: 2,
	stats.QuadrantMaintain:         3,
}

func (l *loader) loadCS(d *waveData) error {
	var rows []csRow
	err := l.each(`SELECT field, sat_question, imp_question, sat_n, imp_n, sat_score, imp_score,
			sat_hensachi, imp_hensachi, quadrant
		FROM cs_fields WHERE wave_id = ? ORDER BY field`, []any{d.w.ID}, func(r *sql.Rows) error {
		var c csRow
		if err := r.Scan(&c.field, &c.satQ, &c.impQ, &c.satN, &c.impN, &c.sat, &c.imp, &c.satH, &c.impH, &c.quadrant); err != nil {
			return err
		}
		rows = append(rows, c)
		return nil
	})
	if err != nil {
		return fmt.Errorf("read cs_fields: %w", err)
	}
	if len(rows) == 0 {
		return nil
	}
	// Codebook order first, so the chart's labels are placed in the order
	// a reader meets the fields in the questionnaire.
	ord := func(c csRow) int {
		if q := d.byID[c.satQ]; q != nil {
			return q.ord
		}
		return 1 << 30
	}
	sort.SliceStable(rows, func(i, j int) bool { return ord(rows[i]) < ord(rows[j]) })

	cs := &CSSet{TableID: l.anchor("cs")}
	var pts []csPoint
	var priority []string
	satLo, satHi, impLo, impHi := rows[0].satN, rows[0].satN, rows[0].impN, rows[0].impN
	for _, c := range rows {
		p := c.quadrant == stats.QuadrantImprovePriority
		pts = append(pts, csPoint{label: c.field, x: c.satH, y: c.impH, priority: p,
			tip: c.field + "：満足度の偏差値" + roundHalfUp(c.satH, 1) + "、重要度の偏差値" + roundHalfUp(c.impH, 1) + "（" + c.quadrant + "）"})
		satLo, satHi = min(satLo, c.satN), max(satHi, c.satN)
		impLo, impHi = min(impLo, c.impN), max(impHi, c.impN)
	}
	cs.Base = "満足度 " + nRange(satLo, satHi) + "、重要度 " + nRange(impLo, impHi)
	cs.Chart = newScatter("満足度と重要度の偏差値による政策分野の分類（"+cs.Base+"）", cs.TableID, pts)

	table := append([]csRow(nil), rows...)
	sort.SliceStable(table, func(i, j int) bool {
		a, b := table[i], table[j]
		ra, oka := quadrantRank[a.quadrant]
		rb, okb := quadrantRank[b.quadrant]
		if !oka {
			ra = len(quadrantRank)
		}
		if !okb {
			rb = len(quadrantRank)
		}
		if ra != rb {
			return ra < rb
		}
		if a.impH != b.impH {
			return a.impH > b.impH
		}
		return a.field < b.field
	})
	for _, c := range table {
		score := func(qid string, x float64) string {
			if q := d.byID[qid]; q != nil && !hasNegativeScore(q.options) {
				return roundHalfUp(x, 2)
			}
			return signed(x, 2)
		}
		p := c.quadrant == stats.QuadrantImprovePriority
		cs.Rows = append(cs.Rows, CSRow{Field: c.field, Quadrant: c.quadrant, Priority: p,
			SatScore: score(c.satQ, c.sat), ImpScore: score(c.impQ, c.imp),
			SatH: roundHalfUp(c.satH, 1), ImpH: roundHalfUp(c.impH, 1),
			SatN: comma(c.satN), ImpN: comma(c.impN)})
		if p {
			priority = append(priority, "「"+c.field+"」")
		}
	}
	switch len(priority) {
	case 0:
		cs.Summary = "重要度が高いのに満足度が低い「重点改善」に入る分野はありません（" + comma(len(rows)) + "分野中、" + cs.Base + "）。"
	default:
		cs.Summary = "重要度が高いのに満足度が低い「重点改善」の分野は、" + strings.Join(priority, "") + "の" +
			comma(len(priority)) + "分野です（" + comma(len(rows)) + "分野中、" + cs.Base + "）。"
	}
	d.w.CS = cs
	return nil
}

// nRange states a range of bases: "n=1,440〜1,464", or "n=1,440" when
// they are all the same.
func nRange(lo, hi int) string {
	if lo == hi {
		return baseN(lo)
	}
	return baseN(lo) + "〜" + comma(hi)
}
