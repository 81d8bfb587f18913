package store

import (
	"database/sql"
	"fmt"
	"math"
)

// The distinctive words (特徴語) of each demographic group
// (distinctive_groups, distinctive_terms; keyness.sql): how the analyze
// stage writes them and how staff tools read them back. They are cleared
// with the networks (networkTables), from whose documents they are
// computed.

// DistinctiveGroupRow is one distinctive_groups row (without the wave).
type DistinctiveGroupRow struct {
	QuestionID, Code, Label string
	Ord                     int // option order, 1-based
	GroupSize, OtherSize    int // writers in the group, in the question's other groups
	MinDocs                 int // the floor a word's writers in the group had to reach
	Tests                   int // word–group pairs tested for the question
}

// DistinctiveTermRow is one distinctive_terms row (without the wave).
type DistinctiveTermRow struct {
	QuestionID, Code, Label string
	Rank                    int // 1 = most distinctive in the group
	Term                    string
	DocsInGroup, GroupSize  int
	DocsOther, OtherSize    int
	PctGroup, PctOther      float64 // %, unrounded
	G2, P                   float64
	PAdj                    float64 // NaN = NULL (not adjusted)
	Jaccard                 float64
}

// DistinctiveTerms writes the distinctive words of one wave: the groups
// sought, then their words.
func (t *Tx) DistinctiveTerms(wave string, groups []DistinctiveGroupRow, terms []DistinctiveTermRow) error {
	for _, g := range groups {
		if _, err := t.Exec(`INSERT INTO distinctive_groups (wave_id, question_id, code, label, ord, group_size, other_size, min_docs, tests) VALUES (?,?,?,?,?,?,?,?,?)`,
			wave, g.QuestionID, g.Code, g.Label, g.Ord, g.GroupSize, g.OtherSize, g.MinDocs, g.Tests); err != nil {
			return fmt.Errorf("wave %s: distinctive words of %s = %s: %w", wave, g.QuestionID, g.Label, err)
		}
	}
	for _, r := range terms {
		if _, err := t.Exec(`INSERT INTO distinctive_terms (wave_id, question_id, code, label, term_rank, term, docs_in_group, group_size, docs_other, other_size, pct_group, pct_other, g2, p_value, p_adj, jaccard) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
			wave, r.QuestionID, r.Code, r.Label, r.Rank, r.Term, r.DocsInGroup, r.GroupSize, r.DocsOther, r.OtherSize,
			r.PctGroup, r.PctOther, r.G2, r.P, nf(r.PAdj), r.Jaccard); err != nil {
			return fmt.Errorf("wave %s: distinctive word %s of %s = %s: %w", wave, r.Term, r.QuestionID, r.Label, err)
		}
	}
	return nil
}

// DistinctiveGroups lists a wave's distinctive_groups rows by question id
// and option order.
func (s reader) DistinctiveGroups(wave string) ([]DistinctiveGroupRow, error) {
	rows, err := s.q.Query(`SELECT question_id, code, label, ord, group_size, other_size, min_docs, tests
  FROM distinctive_groups WHERE wave_id = ? ORDER BY question_id, ord, code`, wave)
	if err != nil {
		return nil, fmt.Errorf("wave %s: read distinctive groups: %w", wave, err)
	}
	defer rows.Close()
	var out []DistinctiveGroupRow
	for rows.Next() {
		var g DistinctiveGroupRow
		if err := rows.Scan(&g.QuestionID, &g.Code, &g.Label, &g.Ord, &g.GroupSize, &g.OtherSize, &g.MinDocs, &g.Tests); err != nil {
			return nil, fmt.Errorf("wave %s: read distinctive groups: %w", wave, err)
		}
		out = append(out, g)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("wave %s: read distinctive groups: %w", wave, err)
	}
	return out, nil
}

// DistinctiveTermRows lists a wave's distinctive words by question id,
// option order and rank; a NULL p_adj reads as NaN.
func (s reader) DistinctiveTermRows(wave string) ([]DistinctiveTermRow, error) {
	rows, err := s.q.Query(`SELECT t.question_id, t.code, t.label, t.term_rank, t.term, t.docs_in_group, t.group_size,
       t.docs_other, t.other_size, t.pct_group, t.pct_other, t.g2, t.p_value, t.p_adj, t.jaccard
  FROM distinctive_terms t
  LEFT JOIN distinctive_groups g ON g.wave_id = t.wave_id AND g.question_id = t.question_id AND g.code = t.code
 WHERE t.wave_id = ? ORDER BY t.question_id, g.ord, t.code, t.term_rank`, wave)
	if err != nil {
		return nil, fmt.Errorf("wave %s: read distinctive words: %w", wave, err)
	}
	defer rows.Close()
	var out []DistinctiveTermRow
	for rows.Next() {
		var r DistinctiveTermRow
		var padj sql.NullFloat64
		if err := rows.Scan(&r.QuestionID, &r.Code, &r.Label, &r.Rank, &r.Term, &r.DocsInGroup, &r.GroupSize,
			&r.DocsOther, &r.OtherSize, &r.PctGroup, &r.PctOther, &r.G2, &r.P, &padj, &r.Jaccard); err != nil {
			return nil, fmt.Errorf("wave %s: read distinctive words: %w", wave, err)
		}
		r.PAdj = math.NaN()
		if padj.Valid {
			r.PAdj = padj.Float64
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("wave %s: read distinctive words: %w", wave, err)
	}
	return out, nil
}
