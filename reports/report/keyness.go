package report

import (
	"database/sql"
	"fmt"
)

// This file reads the distinctive words (特徴語) the analysis stored in
// distinctive_groups and distinctive_terms into one compact table per
// demographic question: each group with its writers and its words, each
// word with the two shares and a mark when the difference survives the
// multiple-testing correction.

// WordsSet is the distinctive words of the groups of one demographic
// question.
type WordsSet struct {
	Anchor   string
	Title    string // the question's short title
	GroupHdr string // column heading for the groups: "地区"
	Base     string // whose shares they are
	Rows     []WordsRow
}

// WordsRow is one group and its distinctive words, most distinctive first.
type WordsRow struct {
	Group string
	N     string // the group's writers, "n=90"
	Words []WordItem
}

// WordItem is a distinctive word with the share of the group's writers
// using it and the share of everyone else's.
type WordItem struct {
	Term  string
	Group string // "17.8%"
	Other string // "0.7%", or "x" when fewer than min_cell others used it
	Sig   bool   // Benjamini–Hochberg-adjusted p < 0.05
}

// sigLevel is the level at which a word's adjusted p earns its mark, the
// report's level for every test.
const sigLevel = 0.05

type wordsGroup struct {
	qid, code, label string
	ord, size, other int
}

func (l *loader) loadWords(d *waveData) error {
	if !l.has("distinctive_groups", "distinctive_terms") {
		return nil
	}
	byQ := map[string][]*wordsGroup{}
	var qids []string
	err := l.each(`SELECT question_id, code, label, ord, group_size, other_size FROM distinctive_groups
		WHERE wave_id = ? ORDER BY question_id, ord, code`, []any{d.w.ID}, func(r *sql.Rows) error {
		var g wordsGroup
		if err := r.Scan(&g.qid, &g.code, &g.label, &g.ord, &g.size, &g.other); err != nil {
			return err
		}
		if _, ok := byQ[g.qid]; !ok {
			qids = append(qids, g.qid)
		}
		byQ[g.qid] = append(byQ[g.qid], &g)
		return nil
	})
	if err != nil {
		return fmt.Errorf("read distinctive_groups: %w", err)
	}
	type key struct{ qid, code string }
	words := map[key][]WordItem{}
	// The analysis tests a word only when min_cell of the group's writers
	// used it; the floor is applied again here so a report made with a
	// stricter min_cell than the analysis never shows fewer writers.
	minCell := max(1, l.opts.MinCell)
	err = l.each(`SELECT question_id, code, term, docs_in_group, docs_other, pct_group, pct_other, p_adj
		FROM distinctive_terms WHERE wave_id = ? AND docs_in_group >= ?
		ORDER BY question_id, code, term_rank`, []any{d.w.ID, minCell}, func(r *sql.Rows) error {
		var k key
		var w WordItem
		var a, c int
		var pg, po float64
		var padj sql.NullFloat64
		if err := r.Scan(&k.qid, &k.code, &w.Term, &a, &c, &pg, &po, &padj); err != nil {
			return err
		}
		w.Group = pct(pg) + "%"
		w.Other = pct(po) + "%"
		if c > 0 && c < minCell {
			w.Other = "x" // as a crosstab cell of so few respondents
		}
		w.Sig = padj.Valid && padj.Float64 < sigLevel
		words[k] = append(words[k], w)
		return nil
	})
	if err != nil {
		return fmt.Errorf("read distinctive_terms: %w", err)
	}
	// Demographics in codebook order, as the correspondence analyses.
	d.sortByCodebook(qids)
	for _, qid := range qids {
		gs := byQ[qid]
		if len(gs) < 2 {
			continue
		}
		title := d.shortName(qid)
		set := &WordsSet{Anchor: l.anchor("words"), Title: title, GroupHdr: groupNoun(title)}
		found := false
		for _, g := range gs {
			row := WordsRow{Group: g.label, N: baseN(g.size), Words: words[key{qid, g.code}]}
			found = found || len(row.Words) > 0
			set.Rows = append(set.Rows, row)
		}
		if !found {
			continue // no group had a word: nothing to read
		}
		writers := gs[0].size + gs[0].other
		set.Base = title + "に答え、自由記述を書いた" + comma(writers) + "人"
		d.w.Words = append(d.w.Words, set)
	}
	return nil
}
