package tables

import (
	"database/sql"
	"fmt"
	"strings"
)

// wordsGroup is one distinctive_groups row.
type wordsGroup struct {
	code, label string
	size, other int
	minDocs     int
	words       [][]cell
}

// words writes the distinctive words (特徴語) of each demographic question
// as the report's 地区別・年代別の特徴語 shows them: every group in option
// order with its writers, then its words, most distinctive first. A share
// of the other groups drawn from fewer than min_cell writers is "x", as in
// the report; a word below the floor is never written (the analysis does
// not store one, and it is checked again here).
func (l *loader) words(w *wave, qs []*question) ([]*file, error) {
	var n int
	if err := l.db.QueryRow(`SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('distinctive_groups', 'distinctive_terms')`).Scan(&n); err != nil {
		return nil, fmt.Errorf("look up the distinctive-word tables: %w", err)
	}
	if n < 2 {
		return nil, nil // a database from before the analysis had them
	}
	groups := map[string][]*wordsGroup{}
	index := map[[2]string]*wordsGroup{}
	err := l.each(`SELECT question_id, code, label, group_size, other_size, min_docs FROM distinctive_groups
		WHERE wave_id = ? ORDER BY question_id, ord, code`, []any{w.id}, func(r *sql.Rows) error {
		var qid string
		var g wordsGroup
		if err := r.Scan(&qid, &g.code, &g.label, &g.size, &g.other, &g.minDocs); err != nil {
			return err
		}
		groups[qid] = append(groups[qid], &g)
		index[[2]string{qid, g.code}] = &g
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read distinctive_groups: %w", err)
	}
	err = l.each(`SELECT question_id, code, term_rank, term, docs_in_group, docs_other, pct_group, pct_other, g2, p_value, p_adj
		FROM distinctive_terms WHERE wave_id = ? ORDER BY question_id, code, term_rank`, []any{w.id}, func(r *sql.Rows) error {
		var qid, code, term string
		var rank, a, c int
		var pg, po, g2, p float64
		var padj sql.NullFloat64
		if err := r.Scan(&qid, &code, &rank, &term, &a, &c, &pg, &po, &g2, &p, &padj); err != nil {
			return err
		}
		g := index[[2]string{qid, code}]
		floor := 1
		if g != nil {
			floor = max(1, g.minDocs)
		}
		if g == nil || a < floor {
			return nil
		}
		other := pct(po)
		if c > 0 && c < floor {
			other = suppressed
		}
		adj, mark := cell{}, ""
		if padj.Valid {
			adj = pValue(padj.Float64)
			if padj.Float64 < sigLevel {
				mark = "＊"
			}
		}
		g.words = append(g.words, []cell{integer(rank), txt(term), integer(a), pct(pg), other,
			decimal(g2, 2), pValue(p), adj, txt(mark)})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read distinctive_terms: %w", err)
	}
	var files []*file
	for _, q := range qs {
		gs := groups[q.id]
		found := false
		for _, g := range gs {
			found = found || len(g.words) > 0
		}
		if len(gs) < 2 || !found {
			continue
		}
		t := &table{header: []string{q.title, "書いた人数", "順位", "特徴語", "使った人数", "この層の％", "ほかの層の％", "G²", "p値", "補正後p値", "有意(＊)"}}
		for _, g := range gs {
			head := []cell{txt(g.label), integer(g.size)}
			if len(g.words) == 0 {
				t.add(append(head, cell{}, txt("—"), cell{}, cell{}, cell{}, cell{}, cell{}, cell{}, cell{})...)
				continue
			}
			for _, row := range g.words {
				t.add(append(append([]cell(nil), head...), row...)...)
			}
		}
		floor := max(1, gs[0].minDocs)
		notes := []string{
			"％は自由記述を書いた人に対する割合（1人が何度使っても1人）",
			"G²は対数尤度比、補正後p値はベンジャミニ・ホッホバーグ法（設問ごと）",
			"＊は補正後p<0.05",
			fmt.Sprintf("その層の%d人以上が使った言葉のみ、ほかの層で使った人が%d人未満の割合はx", floor, floor),
		}
		files = append(files, &file{
			name:  l.name(w.part + "_words_by_" + q.part),
			title: q.title + "ごとの特徴語", kind: "特徴語", wave: w.label, demography: q.id,
			base: baseText(gs[0].size + gs[0].other), note: strings.Join(notes, "、"), t: t,
		})
	}
	return files, nil
}

// sigLevel is the level at which an adjusted p earns the report's ＊.
const sigLevel = 0.05

// pValue is a p-value as the report's methods state them: below 0.001 as
// "<0.001", otherwise to three decimals.
func pValue(p float64) cell {
	if p < 0.001 {
		return txt("<0.001")
	}
	return decimal(p, 3)
}
