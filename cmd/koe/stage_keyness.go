package main

import (
	"fmt"

	"koe/analysis/keyness"
	"koe/analysis/stats"
	"koe/reports/store"
)

// writeDistinctive stores the distinctive words (特徴語) of each option of
// one demographic question: the words its respondents use markedly more
// than the question's other respondents, by the log-likelihood G², with
// Benjamini–Hochberg across every word–option pair tested for the
// question.
//
// The unit is the respondent, not the answer: a respondent's documents
// (the network's, so non-answers are out and a group of duplicate comments
// counts once) are pooled and a word counts once per respondent, so the
// shares read "x% of this district's writers". A word is tested only when
// at least minCell of the group's writers used it, the report's privacy
// floor. A question with fewer than two options writes nothing.
func writeDistinctive(tx *store.Tx, wave, question string, docs []store.NetworkDoc, groups []store.DemographicGroup, minCell int) error {
	if len(groups) < 2 {
		return nil
	}
	groupOf := map[string][]int{} // respondent → option indices
	for j, g := range groups {
		for _, r := range g.Respondents {
			groupOf[r] = append(groupOf[r], j)
		}
	}
	// Respondents in order of their first document, for a fixed order.
	pos := map[string]int{}
	var kd []keyness.Doc
	for _, d := range docs {
		gs := groupOf[d.RespondentID]
		if len(gs) == 0 {
			continue // did not answer the question
		}
		i, ok := pos[d.RespondentID]
		if !ok {
			i = len(kd)
			pos[d.RespondentID] = i
			kd = append(kd, keyness.Doc{Groups: gs})
		}
		kd[i].Terms = append(kd[i].Terms, d.Terms...)
	}
	bh := func(p []float64) ([]float64, error) { return stats.AdjustP(p, stats.BH) }
	res, err := keyness.Compute(kd, len(groups), keyness.Options{MinDocs: max(1, minCell), Adjust: bh})
	if err != nil {
		return fmt.Errorf("distinctive words by %s: %w", question, err)
	}
	var grows []store.DistinctiveGroupRow
	var trows []store.DistinctiveTermRow
	for j, g := range res.Groups {
		og := groups[j]
		grows = append(grows, store.DistinctiveGroupRow{QuestionID: question, Code: og.Code, Label: og.Label, Ord: og.Ord,
			GroupSize: g.Size, OtherSize: g.OtherSize, MinDocs: max(1, minCell), Tests: res.Tests})
		for k, t := range g.Terms {
			trows = append(trows, store.DistinctiveTermRow{QuestionID: question, Code: og.Code, Label: og.Label, Rank: k + 1,
				Term: t.Term, DocsInGroup: t.InGroup, GroupSize: g.Size, DocsOther: t.InOther, OtherSize: g.OtherSize,
				PctGroup: 100 * t.ShareGroup, PctOther: 100 * t.ShareOther, G2: t.G2, P: t.P, PAdj: t.PAdj, Jaccard: t.Jaccard})
		}
	}
	return tx.DistinctiveTerms(wave, grows, trows)
}
