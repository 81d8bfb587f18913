package main

import (
	"fmt"
	"slices"

	"koe/analysis/keyness"
	"koe/analysis/stats"
	"koe/reports/store"
)

// writer is a respondent's free text as the distinctive words count it:
// the terms of all their documents together.
type writer struct {
	respondent string
	terms      []string // repeats across documents are counted once by keyness
}

// poolWriters gathers the documents of each respondent, in order of their
// first document, so that a word counts once per respondent however many
// of their answers use it. The documents are the network's: non-answers
// are out and a group of duplicate comments counts once.
func poolWriters(docs []store.NetworkDoc) []writer {
	pos := make(map[string]int, len(docs))
	var out []writer
	for _, d := range docs {
		i, ok := pos[d.RespondentID]
		if !ok {
			pos[d.RespondentID] = len(out)
			out = append(out, writer{respondent: d.RespondentID, terms: d.Terms})
			continue
		}
		// Copy before appending: the first slice belongs to its document.
		out[i].terms = slices.Concat(out[i].terms, d.Terms)
	}
	return out
}

// writeDistinctive stores the distinctive words (特徴語) of each option of
// one demographic question: the words its respondents use markedly more
// than the question's other respondents, by the log-likelihood G², with
// Benjamini–Hochberg across every word–option pair tested for the
// question. A word is tested only when at least minCell of the group's
// writers used it, the report's privacy floor. Respondents who did not
// answer the question are left out; a question with fewer than two
// options writes nothing.
//
// groupOf is respondentGroups(groups).
func writeDistinctive(tx networkWriter, wave, question string, writers []writer, groups []store.DemographicGroup, groupOf map[string][]int, minCell int) error {
	if len(groups) < 2 {
		return nil
	}
	docs := make([]keyness.Doc, len(writers))
	for i, w := range writers {
		docs[i] = keyness.Doc{Terms: w.terms, Groups: groupOf[w.respondent]}
	}
	minDocs := max(1, minCell)
	bh := func(p []float64) ([]float64, error) { return stats.AdjustP(p, stats.BH) }
	res, err := keyness.Compute(docs, len(groups), keyness.Options{MinDocs: minDocs, Adjust: bh})
	if err != nil {
		return fmt.Errorf("distinctive words by %s: %w", question, err)
	}
	var grows []store.DistinctiveGroupRow
	var trows []store.DistinctiveTermRow
	for j, g := range res.Groups {
		og := groups[j]
		grows = append(grows, store.DistinctiveGroupRow{QuestionID: question, Code: og.Code, Label: og.Label, Ord: og.Ord,
			GroupSize: g.Size, OtherSize: g.OtherSize, MinDocs: minDocs, Tests: res.Tests})
		for k, t := range g.Terms {
			trows = append(trows, store.DistinctiveTermRow{QuestionID: question, Code: og.Code, Label: og.Label, Rank: k + 1,
				Term: t.Term, DocsInGroup: t.InGroup, GroupSize: g.Size, DocsOther: t.InOther, OtherSize: g.OtherSize,
				PctGroup: 100 * t.ShareGroup, PctOther: 100 * t.ShareOther, G2: t.G2, P: t.P, PAdj: t.PAdj, Jaccard: t.Jaccard})
		}
	}
	return tx.DistinctiveTerms(wave, grows, trows)
}
