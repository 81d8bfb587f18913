package main

import (
	"cmp"
	"errors"
	"fmt"
	"slices"

	"koe/analysis/ca"
	"koe/analysis/cooc"
	"koe/reports/store"
)

// caMinFreq is the number of documents a term needs to be a row of a
// correspondence analysis: the network's floor, for the same reason (a
// word of one or two residents places itself at the edge of the chart and
// says nothing about their group).
const caMinFreq = cooc.DefaultMinFreq

// writeNetworks stores, for one wave's survey free text, the co-occurrence
// network (cooc_nodes, cooc_edges) and one correspondence analysis of terms
// by the options of each demographic question (ca_points, ca_inertia).
//
// The documents are those the themes see: non-answers are left out and a
// group of duplicate comments counts once (store.NetworkDocs), so it must
// run after analyseText has written the wave's terms and duplicate groups.
// Workshop utterances are left out: they have no respondent to place, and
// the network describes the survey's voice. A document counts towards every
// option its respondent chose (one, for the usual single-answer
// demographic); respondents who did not answer the question drop out of
// that analysis. The distinctive words of each option (writeDistinctive)
// come from the same documents and groups.
//
// groupsOf gives a demographic question's options with their respondents
// (waveData.groups, from the answers in memory); nil reads them from the
// database.
func writeNetworks(tx *store.Tx, wave string, demographics []string, groupsOf func(q string) ([]store.DemographicGroup, error), seed int64, minCell int) error {
	if groupsOf == nil {
		groupsOf = func(q string) ([]store.DemographicGroup, error) { return tx.DemographicGroups(wave, q) }
	}
	docs, err := tx.NetworkDocs(wave)
	if err != nil {
		return err
	}
	lists := make([][]string, len(docs))
	for i, d := range docs {
		lists[i] = d.Terms
	}
	net, err := cooc.Build(lists, cooc.Options{Seed: seed})
	if err != nil {
		return fmt.Errorf("wave %s: co-occurrence network: %w", wave, err)
	}
	nodes := make([]store.CoocNodeRow, len(net.Nodes))
	for i, n := range net.Nodes {
		nodes[i] = store.CoocNodeRow{Term: n.Term, Freq: n.Freq, Community: n.Community, X: n.X, Y: n.Y}
	}
	edges := make([]store.CoocEdgeRow, len(net.Edges))
	for i, e := range net.Edges {
		edges[i] = store.CoocEdgeRow{A: e.A, B: e.B, Both: e.Both, Jaccard: e.Jaccard}
	}
	if err := tx.CoocNetwork(wave, nodes, edges); err != nil {
		return err
	}
	if len(demographics) == 0 || len(docs) == 0 {
		return nil
	}

	terms, docTerms := frequentTerms(docs, caMinFreq)
	writers := poolWriters(docs)
	groups := make([][]store.DemographicGroup, len(demographics))
	for k, q := range demographics {
		if groups[k], err = groupsOf(q); err != nil {
			return err
		}
	}
	// Each demographic's analyses are computed on every core; their rows
	// are written afterwards, in order, by the one database writer.
	outs := make([]deferredWrites, len(demographics))
	errs := make([]error, len(demographics))
	parallelRange(len(demographics), func(k int) {
		q := demographics[k]
		groupOf := respondentGroups(groups[k])
		if len(terms) >= 2 {
			if err := writeCA(&outs[k], wave, q, docs, terms, docTerms, groups[k], groupOf); err != nil {
				errs[k] = fmt.Errorf("wave %s: correspondence analysis by %s: %w", wave, q, err)
				return
			}
		}
		if err := writeDistinctive(&outs[k], wave, q, writers, groups[k], groupOf, minCell); err != nil {
			errs[k] = fmt.Errorf("wave %s: %w", wave, err)
		}
	})
	for k := range demographics {
		if errs[k] != nil {
			return errs[k]
		}
		if err := outs[k].replay(tx); err != nil {
			return err
		}
	}
	return nil
}

// respondentGroups maps each respondent of groups to the indices of the
// groups (options) they are in. Most are in one: they share a one-element
// slice per group rather than each getting their own, and the map is sized
// up front (grown one respondent at a time, the maps of a million
// respondents' analyses took 8 s of rehashing).
func respondentGroups(groups []store.DemographicGroup) map[string][]int {
	n := 0
	for _, g := range groups {
		n += len(g.Respondents)
	}
	of := make(map[string][]int, n)
	for j, g := range groups {
		one := []int{j}
		for _, r := range g.Respondents {
			if have, ok := of[r]; ok {
				// Clipped, so that append copies rather than writing into
				// a shared slice.
				of[r] = append(slices.Clip(have), j)
			} else {
				of[r] = one
			}
		}
	}
	return of
}

// networkWriter takes the rows of a correspondence analysis and of
// distinctive words: a *store.Tx, or deferredWrites to write them later.
type networkWriter interface {
	CorrespondenceAnalysis(wave, question string, docs int, points []store.CAPointRow, inertia []store.CAInertiaRow) error
	DistinctiveTerms(wave string, groups []store.DistinctiveGroupRow, terms []store.DistinctiveTermRow) error
}

// deferredWrites keeps a networkWriter's calls to make them on a Tx later.
type deferredWrites struct{ calls []func(tx *store.Tx) error }

func (d *deferredWrites) CorrespondenceAnalysis(wave, question string, docs int, points []store.CAPointRow, inertia []store.CAInertiaRow) error {
	d.calls = append(d.calls, func(tx *store.Tx) error { return tx.CorrespondenceAnalysis(wave, question, docs, points, inertia) })
	return nil
}

func (d *deferredWrites) DistinctiveTerms(wave string, groups []store.DistinctiveGroupRow, terms []store.DistinctiveTermRow) error {
	d.calls = append(d.calls, func(tx *store.Tx) error { return tx.DistinctiveTerms(wave, groups, terms) })
	return nil
}

func (d *deferredWrites) replay(tx *store.Tx) error {
	for _, c := range d.calls {
		if err := c(tx); err != nil {
			return err
		}
	}
	return nil
}

// frequentTerms returns the terms in at least minFreq documents, by
// document frequency (descending) then term, and each document's terms as
// indices into that list.
func frequentTerms(docs []store.NetworkDoc, minFreq int) ([]string, [][]int) {
	df := map[string]int{}
	for _, d := range docs {
		for _, t := range d.Terms { // distinct within a document
			df[t]++
		}
	}
	var terms []string
	for t, n := range df {
		if n >= minFreq {
			terms = append(terms, t)
		}
	}
	slices.SortFunc(terms, func(a, b string) int {
		if c := cmp.Compare(df[b], df[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	index := make(map[string]int, len(terms))
	for i, t := range terms {
		index[t] = i
	}
	docTerms := make([][]int, len(docs))
	for i, d := range docs {
		for _, t := range d.Terms {
			if j, ok := index[t]; ok {
				docTerms[i] = append(docTerms[i], j)
			}
		}
	}
	return terms, docTerms
}

// writeCA builds the terms × options table of one demographic question,
// drops the terms and options without documents, and stores its
// correspondence analysis. A table too small to analyse (fewer than two
// terms or options left) or without association is skipped: there is no
// chart to draw.
func writeCA(tx networkWriter, wave, question string, docs []store.NetworkDoc, terms []string, docTerms [][]int, groups []store.DemographicGroup, groupOf map[string][]int) error {
	if len(groups) < 2 {
		return nil
	}
	counts := make([][]float64, len(terms))
	for i := range counts {
		counts[i] = make([]float64, len(groups))
	}
	for i, d := range docs {
		for _, g := range groupOf[d.RespondentID] {
			for _, t := range docTerms[i] {
				counts[t][g]++
			}
		}
	}

	rowSum := make([]float64, len(terms))
	colSum := make([]float64, len(groups))
	for i, row := range counts {
		for j, x := range row {
			rowSum[i] += x
			colSum[j] += x
		}
	}
	var tb ca.Table
	var keepCols []int
	for j, s := range colSum {
		if s > 0 {
			keepCols = append(keepCols, j)
			tb.Cols = append(tb.Cols, groups[j].Label)
		}
	}
	for i, s := range rowSum {
		if s == 0 {
			continue
		}
		row := make([]float64, len(keepCols))
		for k, j := range keepCols {
			row[k] = counts[i][j]
		}
		tb.Rows = append(tb.Rows, terms[i])
		tb.Counts = append(tb.Counts, row)
	}
	if len(tb.Rows) < 2 || len(tb.Cols) < 2 {
		return nil
	}
	res, err := ca.Fit(tb, ca.Options{})
	if errors.Is(err, ca.ErrNoInertia) {
		return nil
	}
	if err != nil {
		return err
	}

	points := make([]store.CAPointRow, 0, len(res.Cols)+len(res.Rows))
	add := func(kind string, pts []ca.Point) {
		for i, p := range pts {
			points = append(points, store.CAPointRow{QuestionID: question, Kind: kind, Ord: i + 1, Label: p.Label,
				Mass: p.Mass, Dim1: p.Dim[0], Dim2: p.Dim[1], Contribution: p.Contribution, Labelled: p.Labelled})
		}
	}
	add(store.CAGroup, res.Cols)
	add(store.CATerm, res.Rows)
	inertia := make([]store.CAInertiaRow, len(res.Inertia))
	for k := range res.Inertia {
		inertia[k] = store.CAInertiaRow{QuestionID: question, Dim: k + 1, Inertia: res.Inertia[k], Pct: res.InertiaPct[k]}
	}
	// The table's base, for the report: the documents whose writer
	// answered the question (is in one of its groups).
	based := 0
	for _, d := range docs {
		if len(groupOf[d.RespondentID]) > 0 {
			based++
		}
	}
	return tx.CorrespondenceAnalysis(wave, question, based, points, inertia)
}

// demographicIDs lists the wave's demographic questions that have options,
// in codebook order: the questions whose options the correspondence
// analyses set against the terms.
// groups lists the options of one of the wave's closed questions in
// codebook order, each with the respondents who chose it (in file order),
// as store.DemographicGroups reads them from the database.
func (wd *waveData) groups(q string) ([]store.DemographicGroup, error) {
	v := wd.vars[q]
	if v == nil {
		return nil, fmt.Errorf("wave %s: %s is not a closed question", wd.id, q)
	}
	out := make([]store.DemographicGroup, len(v.Codes))
	for j := range v.Codes {
		out[j] = store.DemographicGroup{Code: v.Codes[j], Label: v.Label(j), Ord: j + 1}
	}
	for i := range v.N() {
		for _, j := range v.At(i) {
			out[j].Respondents = append(out[j].Respondents, wd.ids[i])
		}
	}
	return out, nil
}

func demographicIDs(wd *waveData) []string {
	var ids []string
	for _, q := range wd.questions {
		if q.Demographic && wd.vars[q.ID] != nil {
			ids = append(ids, q.ID)
		}
	}
	return ids
}
