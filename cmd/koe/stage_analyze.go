package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"koe/analysis/codes"
	"koe/analysis/dedup"
	"koe/analysis/stats"
	"koe/analysis/themes"
	"koe/analysis/tokenize"
	"koe/data"
	"koe/ingest"
	"koe/reports/store"
)

// Pseudo-questions under which themes and codes are crossed with
// demographics in the crosstabs table (col_question).
const (
	themesQuestion = "@themes"
	codesQuestion  = "@codes"
)

// waveData is a wave's closed answers as the statistics need them.
type waveData struct {
	id        string
	ids       []string       // respondents, in file order
	index     map[string]int // respondent id → position
	questions []store.QuestionRow
	vars      map[string]*stats.Var // single, multi, likert
	numbers   map[string][]float64  // number questions (NaN = 無回答)
	weights   []float64             // nil when the study is unweighted
	raking    *stats.Raking
	nEff      float64                       // Kish effective sample size (n when unweighted)
	tallies   map[string]*stats.Tally       // closed questions' 単純集計
	likert    map[string]*stats.LikertStats // likert questions with scores
}

// stageAnalyze computes, in one transaction, every analysis result: weights,
// tallies, crosstabs, terms, themes and codes.
// h, when not nil, is what ingest handed on in the same run.
func stageAnalyze(ctx context.Context, s *study, db *store.DB, p *progress, h *handoff) error {
	done := p.stage("analyze")
	tok, err := s.tokenizer()
	if err != nil {
		return err
	}
	rules, err := s.codeRules()
	if err != nil {
		return err
	}
	waves, err := db.Waves()
	if err != nil {
		return err
	}
	var nDocs, nThemes, nTables int
	err = db.Analysis(ctx, func(tx *store.Tx) error {
		for _, c := range rules.Codes {
			if err := tx.Code(c.ID, c.Label, c.Pillar); err != nil {
				return err
			}
		}
		nextTheme := int64(1)
		var prev *waveData
		var prevText *textResult
		for _, w := range waves {
			if err := ctx.Err(); err != nil {
				return err
			}
			col, md := h.take(w.ID)
			wd, err := loadWave(tx, w.ID, col)
			if err != nil {
				return fmt.Errorf("wave %s: %w", w.ID, err)
			}
			if err := s.weight(wd, tx); err != nil {
				return fmt.Errorf("wave %s: weighting: %w", w.ID, err)
			}
			if err := writeTallies(tx, wd); err != nil {
				return fmt.Errorf("wave %s: %w", w.ID, err)
			}
			if err := writeMarginOfError(tx, wd); err != nil {
				return fmt.Errorf("wave %s: %w", w.ID, err)
			}
			if err := writeCS(tx, wd); err != nil {
				return fmt.Errorf("wave %s: %w", w.ID, err)
			}
			if prev != nil {
				if err := writeWaveChanges(tx, prev, wd); err != nil {
					return fmt.Errorf("waves %s → %s: %w", prev.id, w.ID, err)
				}
			}
			prev = wd
			n, err := writeCrosstabs(tx, wd, s.cfg.MinCell, p)
			if err != nil {
				return fmt.Errorf("wave %s: %w", w.ID, err)
			}
			nTables += n
			tr, err := analyseText(ctx, tx, wd, md, tok, rules, s.cfg, nextTheme, p)
			if err == nil {
				err = tx.Flush() // the networks below read the terms back
			}
			if err != nil {
				return fmt.Errorf("wave %s: %w", w.ID, err)
			}
			if err := writeNetworks(tx, w.ID, demographicIDs(wd), wd.groups, s.cfg.Seed, s.cfg.MinCell); err != nil {
				return fmt.Errorf("wave %s: %w", w.ID, err)
			}
			nextTheme = tr.nextTheme
			nDocs += tr.docs
			nThemes += tr.themes
			n, err = writeTextCrosstabs(tx, wd, tr, s.cfg.MinCell)
			if err != nil {
				return fmt.Errorf("wave %s: %w", w.ID, err)
			}
			nTables += n
			bh := func(p []float64) ([]float64, error) { return stats.AdjustP(p, stats.BH) }
			if err := tx.AdjustCrosstabFamilies(w.ID, bh); err != nil {
				return fmt.Errorf("wave %s: %w", w.ID, err)
			}
			if prevText != nil {
				if err := writeCodeChanges(tx, prevText, tr, prevText.wave, w.ID); err != nil {
					return err
				}
			}
			tr.wave = w.ID
			prevText = tr
		}
		return nil
	})
	if err != nil {
		return err
	}
	done("%d waves, %d crosstabs, %s documents, %d themes", len(waves), nTables, thousands(nDocs), nThemes)
	return nil
}

// codeRules parses the built-in policy codes and the study's own.
func (s *study) codeRules() (*codes.Rules, error) {
	rules, err := codes.Parse(data.Codes, "built-in codes")
	if err != nil {
		return nil, fmt.Errorf("built-in coding rules: %w", err)
	}
	if s.cfg.Codes == "" {
		return rules, nil
	}
	b, err := fs.ReadFile(s.fsys, s.cfg.Codes)
	if err != nil {
		return nil, fmt.Errorf("coding rules %s: %w", s.path(s.cfg.Codes), err)
	}
	merged, err := codes.ParseWith(b, s.path(s.cfg.Codes), rules)
	if err != nil {
		return nil, usageError{err}
	}
	return merged, nil
}

// loadWave reads a wave's respondents and closed answers into Vars. col,
// when not nil, holds the answers as `koe run`'s ingest collected them; it
// is used in place of reading every answer back when it was built from the
// same questions and respondents as the database holds.
func loadWave(db *store.Tx, wave string, col *collected) (*waveData, error) {
	qs, err := db.Questions(wave)
	if err != nil {
		return nil, err
	}
	if col != nil {
		n, err := db.RespondentCount(wave)
		if err != nil {
			return nil, err
		}
		if col.matches(qs, n) {
			return collectedWave(wave, qs, col, nil), nil
		}
	}
	rs, err := db.Respondents(wave)
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(rs))
	for i, r := range rs {
		ids[i] = r.ID
	}
	col = &collected{ids: ids, vars: map[string]*stats.Var{}, numbers: map[string][]float64{}, optIdx: map[string]map[string]int{}}
	for _, q := range qs {
		switch q.Kind {
		case string(ingest.Single), string(ingest.Multi), string(ingest.Likert):
			v := &stats.Var{ID: q.ID, Multi: q.Kind == string(ingest.Multi)}
			if v.Multi || len(q.Options) > stats.MaxSingleOptions {
				v.Values = make([][]int, len(rs))
			} else {
				v.Single = make([]int16, len(rs))
				for i := range v.Single {
					v.Single[i] = -1
				}
			}
			m := map[string]int{}
			hasScores := q.Kind == string(ingest.Likert)
			for j, o := range q.Options {
				v.Codes = append(v.Codes, o.Code)
				v.Labels = append(v.Labels, o.Label)
				m[o.Code] = j
				if !o.Score.Valid {
					hasScores = false
				}
			}
			if hasScores {
				for _, o := range q.Options {
					v.Scores = append(v.Scores, o.Score.Float64)
				}
			}
			if len(v.Codes) == 0 {
				continue
			}
			col.vars[q.ID] = v
			col.optIdx[q.ID] = m
		case string(ingest.Number):
			nums := make([]float64, len(rs))
			for i := range nums {
				nums[i] = math.NaN()
			}
			col.numbers[q.ID] = nums
		}
	}
	index := make(map[string]int, len(ids))
	for i, id := range ids {
		index[id] = i
	}
	// Map lookups with string(b) keys do not allocate: tens of millions of
	// rows pass here on a large study.
	err = db.EachAnswerBytes(wave, func(a store.AnswerBytes) error {
		i, ok := index[string(a.RespondentID)]
		if !ok {
			return fmt.Errorf("answer of unknown respondent %q", a.RespondentID)
		}
		if v := col.vars[string(a.QuestionID)]; v != nil {
			j, ok := col.optIdx[string(a.QuestionID)][string(a.Code)]
			if !ok {
				return fmt.Errorf("question %s: answer code %q is not an option", a.QuestionID, a.Code)
			}
			if v.Single != nil {
				if v.Single[i] >= 0 && int(v.Single[i]) != j {
					return fmt.Errorf("question %s: respondent %s has two answers to a single-answer question", a.QuestionID, a.RespondentID)
				}
				v.Single[i] = int16(j)
				return nil
			}
			if !slices.Contains(v.Values[i], j) {
				v.Values[i] = append(v.Values[i], j)
			}
			return nil
		}
		if nums := col.numbers[string(a.QuestionID)]; nums != nil && a.Value.Valid {
			nums[i] = a.Value.Float64
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return collectedWave(wave, qs, col, index), nil
}

// collectedWave makes the wave's data of its collected answers.
// index, when not nil, is the respondents' positions.
func collectedWave(wave string, qs []store.QuestionRow, col *collected, index map[string]int) *waveData {
	wd := &waveData{id: wave, questions: qs, ids: col.ids, index: index,
		vars: col.vars, numbers: col.numbers, nEff: float64(len(col.ids)),
		tallies: map[string]*stats.Tally{}, likert: map[string]*stats.LikertStats{}}
	if wd.index == nil {
		wd.index = make(map[string]int, len(col.ids))
		for i, id := range col.ids {
			wd.index[id] = i
		}
	}
	// Multi answers come in the order of the cells; keep them in option order.
	for _, v := range wd.vars {
		if v.Multi {
			for _, vals := range v.Values {
				sort.Ints(vals)
			}
		}
	}
	return wd
}

// weight rakes the wave's respondents to the population margins, when the
// study asks for weighting, and stores the weights (mean 1, so weighted
// counts stay on the scale of respondents).
func (s *study) weight(wd *waveData, tx *store.Tx) error {
	wc := s.cfg.Weighting
	if wc == nil || len(wd.ids) == 0 {
		return nil
	}
	b, err := fs.ReadFile(s.fsys, wc.Population)
	if err != nil {
		return fmt.Errorf("population file %s: %w", s.path(wc.Population), err)
	}
	pop, err := ingest.ParsePopulation(b, s.path(wc.Population))
	if err != nil {
		return usageError{err}
	}
	var margins []stats.Margin
	for _, qid := range wc.By {
		v := wd.vars[qid]
		if v == nil || v.Multi {
			return usagef("weighting by %q: the wave has no single-answer question with that id", qid)
		}
		m := stats.Margin{Name: qid, Labels: v.Labels, Target: make([]float64, len(v.Codes)), Cat: make([]int, len(wd.ids))}
		seen := make([]bool, len(v.Codes))
		for _, r := range pop {
			if r.Question != qid {
				continue
			}
			j := -1
			for k := range v.Codes {
				if r.Option == v.Codes[k] || r.Option == v.Labels[k] {
					j = k
					break
				}
			}
			if j < 0 {
				return usagef("%s:%d:%d: option %q is not an option of %s (options: %s)", s.path(wc.Population), r.Line, r.Col, r.Option, qid, strings.Join(v.Labels, ", "))
			}
			m.Target[j] += r.Count
			seen[j] = true
		}
		for k, ok := range seen {
			if !ok {
				return usagef("%s:1:1: no population count for %s = %q (add a line %s,%s,COUNT)", s.path(wc.Population), qid, v.Labels[k], qid, v.Labels[k])
			}
		}
		for i := range v.N() {
			m.Cat[i] = -1
			if vals := v.At(i); len(vals) == 1 {
				m.Cat[i] = vals[0]
			}
		}
		margins = append(margins, m)
	}
	rk, err := stats.Rake(nil, margins, stats.RakeOptions{TrimMin: wc.TrimMin, TrimMax: wc.TrimMax})
	if err != nil && !errors.Is(err, stats.ErrNotConverged) {
		return err
	}
	if err != nil {
		return fmt.Errorf("%w (max error %.3g after %d sweeps)", err, rk.MaxError, rk.Iterations)
	}
	wd.weights = rk.Mean1
	wd.raking = rk
	wd.nEff = rk.Kish.NEff
	if err := tx.SetWeights(wd.id, wd.ids, rk.Mean1); err != nil {
		return err
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, x := range rk.Mean1 {
		lo, hi = math.Min(lo, x), math.Max(hi, x)
	}
	if err := tx.Weighting(store.WeightingRow{WaveID: wd.id, Method: "raking", Variables: strings.Join(wc.By, ", "),
		Iterations: rk.Iterations, MaxError: rk.MaxError, Deff: rk.Kish.Deff, NEff: rk.Kish.NEff,
		MinWeight: lo, MaxWeight: hi, Notes: strings.Join(rk.Notes, " ")}); err != nil {
		return err
	}
	return writeRepresentativeness(tx, wd, margins)
}

// writeRepresentativeness compares the sample's composition with the
// population's, before and after weighting, with a goodness-of-fit test of
// the unweighted sample.
func writeRepresentativeness(tx *store.Tx, wd *waveData, margins []stats.Margin) error {
	for _, m := range margins {
		v := wd.vars[m.Name]
		k := len(m.Target)
		obs := make([]float64, k)
		wsum := make([]float64, k)
		var n int
		var popTotal, wTotal float64
		for i, c := range m.Cat {
			if c < 0 {
				continue
			}
			obs[c]++
			wsum[c] += wd.weights[i]
			wTotal += wd.weights[i]
			n++
		}
		for _, t := range m.Target {
			popTotal += t
		}
		for j := 0; j < k; j++ {
			r := store.RepRow{WaveID: wd.id, QuestionID: m.Name, Code: v.Codes[j], Label: v.Label(j), Ord: j + 1,
				Population: m.Target[j], PopulationPct: 100 * m.Target[j] / popTotal, SampleN: int(obs[j])}
			if n > 0 {
				r.SamplePct = 100 * obs[j] / float64(n)
				r.WeightedPct = 100 * wsum[j] / wTotal
			}
			if err := tx.Representativeness(r); err != nil {
				return err
			}
		}
		chi2, df, p := math.NaN(), k-1, math.NaN()
		if g, err := stats.GoodnessOfFit(obs, m.Target); err == nil {
			chi2, df, p = g.Chi2, g.DF, g.P
		}
		if err := tx.RepresentativenessTest(wd.id, m.Name, n, chi2, df, p); err != nil {
			return err
		}
	}
	return nil
}

// moeShares are the answer shares of the 標本誤差 table (10 stands for 10%
// and 90%, and so on), as Japanese survey reports print it.
var moeShares = []float64{10, 20, 30, 40, 50}

// writeMarginOfError stores the 標本誤差 table of a wave: its whole base and
// the usual subgroup sizes below it. A weighted wave's base is its
// effective sample size.
func writeMarginOfError(tx *store.Tx, wd *waveData) error {
	n := int(math.Round(wd.nEff)) // as the weighting table prints it
	if n < 1 {
		return nil
	}
	ns := []int{n}
	for _, sub := range []int{1000, 500, 300, 200, 100, 50} {
		if sub < n {
			ns = append(ns, sub)
		}
	}
	for _, size := range ns {
		for _, p := range moeShares {
			m, err := stats.MarginOfError(p, size, stats.MOEOptions{})
			if err != nil {
				return err
			}
			if err := tx.MarginOfError(wd.id, size, p, m); err != nil {
				return err
			}
		}
	}
	return nil
}

// writeCS runs the satisfaction × importance analysis over the policy
// fields whose two questions the codebook pairs (field, measure).
func writeCS(tx *store.Tx, wd *waveData) error {
	type pair struct{ sat, imp string }
	pairs := map[string]*pair{}
	var fields []string
	for _, q := range wd.questions {
		if q.Field == "" || wd.likert[q.ID] == nil {
			continue
		}
		p := pairs[q.Field]
		if p == nil {
			p = &pair{}
			pairs[q.Field] = p
			fields = append(fields, q.Field)
		}
		switch q.Measure {
		case "satisfaction":
			p.sat = q.ID
		case "importance":
			p.imp = q.ID
		}
	}
	var use []string
	var sat, imp []float64
	for _, f := range fields {
		p := pairs[f]
		if p.sat == "" || p.imp == "" {
			continue
		}
		s, i := wd.likert[p.sat].Score.Mean, wd.likert[p.imp].Score.Mean
		if math.IsNaN(s) || math.IsNaN(i) {
			continue
		}
		use = append(use, f)
		sat = append(sat, s)
		imp = append(imp, i)
	}
	if len(use) < 2 {
		return nil
	}
	sh, err := stats.Hensachi(sat, true)
	if err != nil {
		return nil // every field scores alike: there is no quadrant to draw
	}
	ih, err := stats.Hensachi(imp, true)
	if err != nil {
		return nil
	}
	for j, f := range use {
		p := pairs[f]
		if err := tx.CSField(store.CSRow{WaveID: wd.id, Field: f, SatQuestion: p.sat, ImpQuestion: p.imp,
			SatN: wd.likert[p.sat].N, ImpN: wd.likert[p.imp].N, SatScore: sat[j], ImpScore: imp[j],
			SatHensachi: sh[j], ImpHensachi: ih[j], Quadrant: stats.QuadrantOf(sh[j], ih[j])}); err != nil {
			return err
		}
	}
	return nil
}

// writeWaveChanges compares every closed question the two waves share (same
// id, same option codes) option by option: the change in share with its 95%
// interval and a two-proportion test. Shares are of all respondents, as in
// the tallies; a weighted wave counts with its effective sample size.
func writeWaveChanges(tx *store.Tx, from, to *waveData) error {
	for _, q := range to.questions {
		ta, tb := from.tallies[q.ID], to.tallies[q.ID]
		if ta == nil || tb == nil || !sameOptions(from.vars[q.ID], to.vars[q.ID]) {
			continue
		}
		for j, rb := range tb.Rows {
			ra := ta.Rows[j]
			if rb.Missing {
				continue
			}
			r := store.WaveChangeRow{QuestionID: q.ID, Code: rb.Code, Label: rb.Label, WaveFrom: from.id, WaveTo: to.id,
				NFrom: from.nEff, PctFrom: ra.Pct, NTo: to.nEff, PctTo: rb.Pct, DiffPct: rb.Pct - ra.Pct,
				CILow: math.NaN(), CIHigh: math.NaN(), PValue: math.NaN()}
			if tp, err := stats.TwoProportions(rb.Pct/100*to.nEff, to.nEff, ra.Pct/100*from.nEff, from.nEff); err == nil {
				r.CILow, r.CIHigh, r.PValue = 100*tp.CILow, 100*tp.CIHigh, tp.P
			}
			if err := tx.WaveChange(r); err != nil {
				return err
			}
		}
	}
	return nil
}

func sameOptions(a, b *stats.Var) bool {
	if a == nil || b == nil || len(a.Codes) != len(b.Codes) || a.Multi != b.Multi {
		return false
	}
	for i := range a.Codes {
		if a.Codes[i] != b.Codes[i] {
			return false
		}
	}
	return true
}

// writeTallies stores the 単純集計 of every closed question and the
// summaries of likert and number questions.
func writeTallies(tx *store.Tx, wd *waveData) error {
	// Each question's tally and likert statistics are computed on every
	// core (a weighted median sorts every respondent's score), then
	// written in codebook order.
	type result struct {
		t   *stats.Tally
		ls  *stats.LikertStats
		err error
	}
	results := make([]result, len(wd.questions))
	parallelRange(len(wd.questions), func(k int) {
		v := wd.vars[wd.questions[k].ID]
		if v == nil {
			return
		}
		r := &results[k]
		if r.t, r.err = stats.Tabulate(v, wd.weights); r.err == nil && v.Scores != nil && !v.Multi {
			r.ls, r.err = stats.Likert(v, wd.weights)
		}
	})
	for k, q := range wd.questions {
		if v := wd.vars[q.ID]; v != nil {
			t, err := results[k].t, results[k].err
			if err != nil {
				return err
			}
			wd.tallies[q.ID] = t
			for _, r := range t.Rows {
				moe, lo, hi := math.NaN(), math.NaN(), math.NaN()
				if !r.Missing && t.Base > 0 {
					// The base is every respondent; weighted, its effective size.
					base := math.Max(1, math.Floor(wd.nEff*float64(t.Base)/float64(len(wd.ids))))
					p := math.Min(100, math.Max(0, r.Pct))
					moe, _ = stats.MarginOfError(p, int(base), stats.MOEOptions{})
					lo, hi = stats.Wilson(p/100*base, base, stats.Level95)
					lo, hi = 100*lo, 100*hi
				}
				if err := tx.Tally(store.TallyRow{WaveID: wd.id, QuestionID: q.ID, Code: r.Code, Label: r.Label,
					Ord: r.Ord, N: r.N, WeightedN: r.WeightedN, Pct: r.Pct, BaseN: t.Base, MOEPct: moe, CILowPct: lo, CIHighPct: hi}); err != nil {
					return err
				}
			}
			if ls := results[k].ls; ls != nil {
				wd.likert[q.ID] = ls
				lo, hi := ls.Score.CILow, ls.Score.CIHigh
				if err := tx.QuestionStats(store.QuestionStatsRow{WaveID: wd.id, QuestionID: q.ID, N: ls.N,
					Mean: ls.Score.Mean, SD: ls.Score.SD, SE: ls.Score.SE, CILow: lo, CIHigh: hi,
					Top2Pct: ls.Top2Pct, Bottom2Pct: ls.Bottom2Pct}); err != nil {
					return err
				}
			}
			continue
		}
		if nums := wd.numbers[q.ID]; nums != nil {
			var y, w []float64
			for i, x := range nums {
				if !math.IsNaN(x) {
					y = append(y, x)
					if wd.weights != nil {
						w = append(w, wd.weights[i])
					}
				}
			}
			row := store.QuestionStatsRow{WaveID: wd.id, QuestionID: q.ID, N: len(y),
				Mean: math.NaN(), SD: math.NaN(), SE: math.NaN(), CILow: math.NaN(), CIHigh: math.NaN(), Top2Pct: math.NaN(), Bottom2Pct: math.NaN()}
			if len(y) > 0 {
				var m stats.MeanEstimate
				if w != nil {
					var err error
					if m, err = stats.WeightedMean(y, w); err != nil {
						return fmt.Errorf("question %s: %w", q.ID, err)
					}
				} else {
					m = stats.Mean(y)
				}
				row.Mean, row.SD, row.SE, row.CILow, row.CIHigh = m.Mean, m.SD, m.SE, m.CILow, m.CIHigh
			}
			if err := tx.QuestionStats(row); err != nil {
				return err
			}
		}
	}
	return nil
}

// writeCrosstabs crosses every closed question with every demographic.
func writeCrosstabs(tx *store.Tx, wd *waveData, minCell int, p *progress) (int, error) {
	c := p.counter("analyze", wd.id+" crosstabs", "tables", crosstabTotal(wd))
	defer c.Done()
	var pairs []crossPair
	for _, d := range wd.questions {
		dv := wd.vars[d.ID]
		if !d.Demographic || dv == nil {
			continue
		}
		for _, q := range wd.questions {
			qv := wd.vars[q.ID]
			if qv == nil || q.ID == d.ID {
				continue
			}
			pairs = append(pairs, crossPair{row: dv, col: qv, colID: q.ID})
		}
	}
	return writeCrossPairs(tx, wd, pairs, minCell, c)
}

// crossPair is one crosstab to compute: a demographic by another variable.
type crossPair struct {
	row, col *stats.Var
	colID    string
}

// writeCrossPairs computes the tables on every core and writes them in
// order: the counting over a large wave is the slow part, and the database
// takes one writer. c (which may be nil) counts the tables written.
func writeCrossPairs(tx *store.Tx, wd *waveData, pairs []crossPair, minCell int, c *counter) (int, error) {
	type job struct {
		crossPair
		ct   *stats.CrossTable
		err  error
		done chan struct{}
	}
	jobs := make([]*job, len(pairs))
	for i, pr := range pairs {
		jobs[i] = &job{crossPair: pr, done: make(chan struct{})}
	}
	next := make(chan *job)
	go func() {
		for _, j := range jobs {
			next <- j
		}
		close(next)
	}()
	for range runtime.GOMAXPROCS(0) {
		go func() {
			for j := range next {
				j.ct, j.err = stats.Crosstab(j.row, j.col, wd.weights, stats.CrosstabOptions{MinCell: minCell})
				close(j.done)
			}
		}()
	}
	for n, j := range jobs {
		<-j.done
		if j.err != nil {
			for _, rest := range jobs[n+1:] {
				<-rest.done // let the workers finish before returning
			}
			return n, fmt.Errorf("crosstab %s × %s: %w", j.row.ID, j.colID, j.err)
		}
		if err := storeCrosstab(tx, wd, j.row, j.colID, j.ct); err != nil {
			for _, rest := range jobs[n+1:] {
				<-rest.done
			}
			return n, err
		}
		c.Add(1)
	}
	return len(jobs), nil
}

func storeCrosstab(tx *store.Tx, wd *waveData, row *stats.Var, colQuestion string, ct *stats.CrossTable) error {
	r := store.CrosstabRow{WaveID: wd.id, RowQuestion: row.ID, ColQuestion: colQuestion, Weighted: ct.Weighted,
		N: ct.N, Chi2: math.NaN(), DF: -1, PValue: math.NaN(), CramersV: math.NaN(), FisherP: math.NaN(),
		SmallExpected: ct.SmallExpected, Notes: strings.Join(ct.Notes, " ")}
	if ct.Fisher != nil {
		r.FisherP = ct.Fisher.P
	}
	if ct.Test != nil {
		r.Chi2, r.DF, r.PValue, r.CramersV = ct.Test.Chi2, ct.Test.DF, ct.Test.P, ct.Test.CramersV
	}
	var cells []store.CellRow
	for i := range ct.RowCodes {
		for j := range ct.ColCodes {
			cells = append(cells, store.CellRow{RowCode: ct.RowCodes[i], ColCode: ct.ColCodes[j],
				N: ct.Counts[i][j], WeightedN: ct.WCounts[i][j], RowPct: ct.RowPct[i][j],
				AdjResidual: ct.Residuals[i][j], Suppressed: ct.Suppressed[i][j]})
		}
	}
	_, err := tx.Crosstab(r, cells)
	return err
}

// textResult is what the text analysis of a wave produced.
type textResult struct {
	wave         string
	docs, themes int
	nonAnswers   int
	nextTheme    int64
	// per respondent: the themes and codes of their survey answers
	respThemes map[string][]int64
	respCodes  map[string][]string
	writers    map[string]bool // respondents with at least one analysed free-text answer
	themeIDs   []int64
	themeNames []string
	codeIDs    []string
	codeNames  []string
}

// analyseText tokenizes the wave's documents, stores their terms, finds the
// themes and applies the coding rules.
func analyseText(ctx context.Context, tx *store.Tx, wd *waveData, md *maskedDocs, tok *tokenize.Tokenizer,
	rules *codes.Rules, cfg *ingest.Study, firstTheme int64, p *progress) (*textResult, error) {
	tr := &textResult{nextTheme: firstTheme, respThemes: map[string][]int64{}, respCodes: map[string][]string{}, writers: map[string]bool{}}
	docs, err := tx.Docs(wd.id)
	if err != nil {
		return nil, err
	}
	// Facilitators ask the questions; their words are not citizens' voices.
	// (Filtered in place: a million documents' rows are 120 MB a copy.)
	use := docs[:0]
	for _, d := range docs {
		if d.Source == "workshop" && ingest.IsFacilitator(d.Speaker) {
			continue
		}
		use = append(use, d)
	}
	docs = nil
	texts := make([]string, len(use))
	masked := make([]string, len(use))
	for i, d := range use {
		texts[i] = d.Text
		// Terms come from the masked text: a name the masking caught
		// (松本さん, あずさちゃん) must not come back as a word in the
		// network, the maps or the distinctive words. Terms reads the
		// placeholders as gaps.
		masked[i] = d.Masked
		if masked[i] == "" {
			masked[i] = d.Text // ingested without masking
		}
	}
	// Documents masked in this run come with their terms; the others are
	// tokenized here.
	terms := make([][]tokenize.Term, len(use))
	var todo []int
	for i, d := range use {
		if ts, ok := md.get(d.ID, masked[i]); ok {
			terms[i] = ts
		} else {
			todo = append(todo, i)
		}
	}
	md.release() // its terms are in terms now, and go with them below
	if len(todo) > 0 {
		texts := make([]string, len(todo))
		for k, i := range todo {
			texts[k] = masked[i]
		}
		for k, ts := range termsAll(tok, texts, p.counter("analyze", wd.id+" tokenize", "docs", len(texts))) {
			terms[todo[k]] = ts
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// Duplicate comments and non-answers: an organised campaign of identical
	// comments is one voice in the themes (unless the study says "each"),
	// and 特になし is not a theme.
	normed := make([]string, len(use))
	parallelRange(len(use), func(i int) { normed[i] = tokenize.Normalize(texts[i]) })
	dd := dedup.Find(normed, dedup.Options{Seed: cfg.Seed})
	// The texts are done with: let their memory go before the themes, the
	// largest step of a big wave (a million answers' texts are a few
	// hundred megabytes). What the rest needs of each document is a
	// quarter of a DocRow.
	type docKey struct {
		id     int64
		resp   string
		survey bool
	}
	keys := make([]docKey, len(use))
	for i, d := range use {
		keys[i] = docKey{d.ID, d.RespondentID, d.Source == "survey"}
	}
	tr.docs = len(keys)
	use, texts, masked, normed = nil, nil, nil, nil
	// The themes need only each clustered document's topic terms: they
	// are found on their own goroutine while the documents' rows are
	// written below. (A non-answer, or a copy that its group's first
	// member speaks for, is not clustered.)
	topics := make([][]string, len(keys))
	parallelRange(len(keys), func(i int) {
		if g := dd.Group[i]; !dd.NonAnswer[i] && (cfg.ThemesDuplicates == "each" || dd.First[g] == i) {
			topics[i] = tokenize.TopicTerms(terms[i])
		}
	})
	var tdocs []themes.Doc
	// The maps of a large wave are sized up front: grown one entry at a
	// time, analyseText's maps took 3.7 s of rehashing for a million
	// documents.
	docResp := make(map[int64]string, len(keys))
	tr.writers = make(map[string]bool, len(keys))
	for i, d := range keys {
		if len(topics[i]) > 0 {
			tdocs = append(tdocs, themes.Doc{ID: d.id, Terms: topics[i]})
			if d.survey {
				docResp[d.id] = d.resp
			}
		}
	}
	topics = nil
	weighting := themes.Weighting(cfg.ThemesVectors)
	var found struct {
		res *themes.Result
		err error
	}
	foundDone := make(chan struct{})
	if len(tdocs) < 8 {
		close(foundDone) // too little text for themes to mean anything
	} else {
		go func() {
			defer close(foundDone)
			c := p.counter("analyze", wd.id+" themes", "fits", 0)
			found.res, found.err = themes.Find(tdocs, themes.Options{K: cfg.ThemesK, Seed: cfg.Seed, KMin: themeKMin, KMax: themeKMax, Weighting: weighting, Progress: c.Fits})
			c.Done()
		}()
	}
	defer func() { <-foundDone }() // never leave the themes running behind an error
	// What each document gives (its term counts and codes) is worked out
	// on every core a block at a time, on a goroutine of its own, while
	// the database writer writes the blocks before it (and, first, the
	// duplicate groups).
	type docOut struct {
		counts []store.TermCount
		codes  []string
	}
	type docBlock struct {
		lo   int
		outs []docOut
	}
	const block = 8192
	blocks := make(chan docBlock, 2)
	stopBlocks := make(chan struct{})
	blocksDone := make(chan struct{})
	go func() {
		defer close(blocksDone)
		defer close(blocks)
		for lo := 0; lo < len(keys); lo += block {
			hi := min(lo+block, len(keys))
			outs := make([]docOut, hi-lo)
			parallelRange(hi-lo, func(k int) {
				i := lo + k
				bases := make([]string, len(terms[i]))
				for j, t := range terms[i] {
					bases[j] = t.Base
				}
				outs[k] = docOut{counts: countTerms(terms[i]), codes: rules.Match(bases)}
				terms[i] = nil // done with: the themes run beside this loop
			})
			select {
			case blocks <- docBlock{lo, outs}:
			case <-stopBlocks:
				return
			}
		}
	}()
	// On an error below, the block goroutine is stopped and waited for.
	defer func() {
		select {
		case <-blocksDone:
		default:
			close(stopBlocks)
			<-blocksDone
		}
	}()
	for i, d := range keys {
		g := dd.Group[i]
		if err := tx.DocGroup(d.id, keys[dd.First[g]].id, dd.Size[g], dd.NonAnswer[i]); err != nil {
			return nil, err
		}
	}
	tr.nonAnswers = countTrue(dd.NonAnswer)
	for b := range blocks {
		for k, o := range b.outs {
			i := b.lo + k
			d := keys[i]
			if err := tx.DocTerms(d.id, o.counts); err != nil {
				return nil, err
			}
			if d.survey && !dd.NonAnswer[i] {
				tr.writers[d.resp] = true
			}
			for _, c := range o.codes {
				if err := tx.DocCode(d.id, c); err != nil {
					return nil, err
				}
				if d.survey {
					tr.respCodes[d.resp] = appendOnce(tr.respCodes[d.resp], c)
				}
			}
		}
	}
	<-blocksDone
	terms = nil
	for _, c := range rules.Codes {
		tr.codeIDs = append(tr.codeIDs, c.ID)
		tr.codeNames = append(tr.codeNames, c.Label)
	}
	<-foundDone
	if len(tdocs) < 8 {
		return tr, nil
	}
	res, err := found.res, found.err
	if err != nil {
		return nil, fmt.Errorf("themes: %w", err)
	}
	// How firm the themes are (two more clusterings of a sample) is worked
	// out while the themes and the documents' themes are written.
	var stab struct {
		rows []stabilityRow
		err  error
	}
	stabDone := make(chan struct{})
	go func() {
		defer close(stabDone)
		stab.rows, stab.err = stability(tdocs, res, cfg.Seed, weighting)
	}()
	defer func() { <-stabDone }()
	// 大テーマ first, then their themes, numbered on from firstTheme.
	next := firstTheme
	parentID := map[int]int64{}
	for _, pa := range res.Parents {
		parentID[pa.ID] = next
		size := 0
		var terms []string
		for _, tid := range pa.Themes {
			size += res.Themes[tid-1].Size
		}
		if len(pa.Themes) > 0 {
			terms = res.Themes[pa.Themes[0]-1].TopTerms
		}
		if err := tx.Theme(store.ThemeRow{WaveID: wd.id, ThemeID: next, Label: pa.Label, NDocs: size, TopTerms: strings.Join(terms, "、")}); err != nil {
			return nil, err
		}
		next++
	}
	themeID := map[int]int64{}
	for _, th := range res.Themes {
		themeID[th.ID] = next
		if err := tx.Theme(store.ThemeRow{WaveID: wd.id, ThemeID: next, ParentID: parentID[th.Parent], Label: th.Label,
			NDocs: th.Size, TopTerms: strings.Join(th.TopTerms, "、")}); err != nil {
			return nil, err
		}
		tr.themeIDs = append(tr.themeIDs, next)
		tr.themeNames = append(tr.themeNames, th.Label)
		next++
	}
	// Copies that the first of their group spoke for take its theme, so
	// every analysed document has one.
	members := map[int64][]int64{}
	if cfg.ThemesDuplicates != "each" {
		for i, d := range keys {
			if first := dd.First[dd.Group[i]]; first != i && !dd.NonAnswer[i] {
				members[keys[first].id] = append(members[keys[first].id], d.id)
				if d.survey {
					docResp[d.id] = d.resp
				}
			}
		}
	}
	tr.respThemes = make(map[string][]int64, len(docResp))
	for _, a := range res.Assign {
		id := themeID[a.Theme]
		for _, doc := range append([]int64{a.DocID}, members[a.DocID]...) {
			if err := tx.DocTheme(doc, id, a.Weight); err != nil {
				return nil, err
			}
			if r, ok := docResp[doc]; ok {
				tr.respThemes[r] = appendOnce(tr.respThemes[r], id)
			}
		}
	}
	tr.themes = len(res.Themes)
	tr.nextTheme = next
	<-stabDone
	if stab.err != nil {
		return nil, stab.err
	}
	if err := writeStabilityRows(tx, wd.id, cfg.Seed, stab.rows); err != nil {
		return nil, err
	}
	return tr, nil
}

// stabilityDocs caps the documents re-clustered to judge stability, so that
// a large wave costs a bounded extra time; a deterministic sample (every
// k-th document) stands for the rest.
const stabilityDocs = 5000

// stabilityRow is one re-clustering's agreement with the reported themes.
type stabilityRow struct {
	seed int64
	n    int
	ari  float64
}

// writeStabilityRows records stability's rows.
func writeStabilityRows(tx *store.Tx, wave string, seed int64, rows []stabilityRow) error {
	for _, r := range rows {
		if err := tx.ThemeStability(wave, seed, r.seed, r.n, r.ari); err != nil {
			return err
		}
	}
	return nil
}

// stability clusters the wave's documents again with two other seeds
// at the same number of themes and tells how well each partition agrees
// with the reported one (adjusted Rand index), so readers know how firm the
// themes are.
func stability(docs []themes.Doc, res *themes.Result, seed int64, weighting themes.Weighting) ([]stabilityRow, error) {
	var out []stabilityRow
	if res.K < 2 {
		return nil, nil
	}
	assigned := make(map[int64]int, len(res.Assign))
	for _, a := range res.Assign {
		assigned[a.DocID] = a.Theme
	}
	var sample []themes.Doc
	step := max(1, (len(docs)+stabilityDocs-1)/stabilityDocs)
	for i := 0; i < len(docs); i += step {
		if _, ok := assigned[docs[i].ID]; ok {
			sample = append(sample, docs[i])
		}
	}
	for _, other := range []int64{seed + 1, seed + 2} {
		alt, err := themes.Find(sample, themes.Options{K: res.K, Seed: other, Weighting: weighting})
		if err != nil {
			return nil, fmt.Errorf("themes with seed %d: %w", other, err)
		}
		altOf := make(map[int64]int, len(alt.Assign))
		for _, a := range alt.Assign {
			altOf[a.DocID] = a.Theme
		}
		var a, b []int
		for _, d := range sample {
			if t, ok := altOf[d.ID]; ok {
				a = append(a, assigned[d.ID])
				b = append(b, t)
			}
		}
		if len(a) < 2 {
			continue
		}
		out = append(out, stabilityRow{other, len(a), themes.ARI(a, b)})
	}
	return out, nil
}

// writeTextCrosstabs crosses themes and codes (as multi-answer variables:
// a respondent may write about several) with every demographic.
func writeTextCrosstabs(tx *store.Tx, wd *waveData, tr *textResult, minCell int) (int, error) {
	var vars []*stats.Var
	if len(tr.themeIDs) > 0 {
		v := &stats.Var{ID: themesQuestion, Multi: true, Values: make([][]int, len(wd.ids)), Labels: tr.themeNames}
		pos := map[int64]int{}
		for j, id := range tr.themeIDs {
			v.Codes = append(v.Codes, strconv.FormatInt(id, 10))
			pos[id] = j
		}
		for r, ids := range tr.respThemes {
			i, ok := wd.index[r]
			if !ok {
				continue
			}
			for _, id := range ids {
				v.Values[i] = append(v.Values[i], pos[id])
			}
			sort.Ints(v.Values[i])
		}
		vars = append(vars, v)
	}
	if len(tr.codeIDs) > 0 {
		v := &stats.Var{ID: codesQuestion, Multi: true, Codes: tr.codeIDs, Labels: tr.codeNames, Values: make([][]int, len(wd.ids))}
		pos := map[string]int{}
		for j, id := range tr.codeIDs {
			pos[id] = j
		}
		for r, ids := range tr.respCodes {
			i, ok := wd.index[r]
			if !ok {
				continue
			}
			for _, id := range ids {
				v.Values[i] = append(v.Values[i], pos[id])
			}
			sort.Ints(v.Values[i])
		}
		vars = append(vars, v)
	}
	var pairs []crossPair
	for _, d := range wd.questions {
		dv := wd.vars[d.ID]
		if !d.Demographic || dv == nil {
			continue
		}
		for _, v := range vars {
			pairs = append(pairs, crossPair{row: dv, col: v, colID: v.ID})
		}
	}
	return writeCrossPairs(tx, wd, pairs, minCell, nil)
}

// writeCodeChanges compares the share of writers whose free text matches
// each code between two waves (question_id '@codes' in wave_changes). The
// base is the respondents who wrote at least one free-text answer.
func writeCodeChanges(tx *store.Tx, from, to *textResult, fromID, toID string) error {
	nf, nt := float64(len(from.writers)), float64(len(to.writers))
	if nf == 0 || nt == 0 {
		return nil
	}
	count := func(tr *textResult, code string) float64 {
		n := 0
		for _, cs := range tr.respCodes {
			for _, c := range cs {
				if c == code {
					n++
				}
			}
		}
		return float64(n)
	}
	for j, code := range to.codeIDs {
		xf, xt := count(from, code), count(to, code)
		r := store.WaveChangeRow{QuestionID: codesQuestion, Code: code, Label: to.codeNames[j], WaveFrom: fromID, WaveTo: toID,
			NFrom: nf, PctFrom: 100 * xf / nf, NTo: nt, PctTo: 100 * xt / nt, CILow: math.NaN(), CIHigh: math.NaN(), PValue: math.NaN()}
		r.DiffPct = r.PctTo - r.PctFrom
		if tp, err := stats.TwoProportions(xt, nt, xf, nf); err == nil {
			r.CILow, r.CIHigh, r.PValue = 100*tp.CILow, 100*tp.CIHigh, tp.P
		}
		if err := tx.WaveChange(r); err != nil {
			return err
		}
	}
	return nil
}

func countTrue(b []bool) int {
	n := 0
	for _, x := range b {
		if x {
			n++
		}
	}
	return n
}

// countTerms folds a document's terms into counts, in order of first use.
func countTerms(ts []tokenize.Term) []store.TermCount {
	idx := map[string]int{}
	var out []store.TermCount
	for _, t := range ts {
		k := t.Base + "\x00" + t.POS
		if i, ok := idx[k]; ok {
			out[i].N++
			continue
		}
		idx[k] = len(out)
		out = append(out, store.TermCount{Term: t.Base, POS: t.POS, N: 1})
	}
	return out
}

func appendOnce[T comparable](s []T, v T) []T {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}

// The automatic number of themes is chosen in this range: fewer than six
// themes for a wave's worth of answers lumps unrelated topics together, and
// a council cannot read more than fifteen. The themes package caps both by
// the number of documents.
const (
	themeKMin = 6
	themeKMax = 15
)

// parallelRange calls fn(i) for every i in [0, n) on every core, and
// returns when all calls have; fn must be safe to call concurrently.
func parallelRange(n int, fn func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				fn(i)
			}
		})
	}
	wg.Wait()
}
