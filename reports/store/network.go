package store

import (
	"database/sql"
	"fmt"
	"slices"
	"strings"
)

// The co-occurrence network and correspondence analysis tables
// (cooc_nodes, cooc_edges, ca_points, ca_inertia, ca_bases): what the analyze stage
// reads to compute them and how it writes them.

// NetworkDoc is a survey document's distinct terms.
type NetworkDoc struct {
	ID           int64
	RespondentID string
	Terms        []string // distinct base forms, sorted
}

// NetworkDocs lists the wave's survey documents that speak for
// themselves, in doc_id order: non-answers (特になし) are left out, and of a
// group of duplicate comments only its first member is listed, so an
// organised campaign counts once. Documents without terms are left out.
// It reads docs.dup_of and docs.non_answer, so it belongs after the
// duplicate groups are written (Tx.DocGroup) in the same transaction.
func (s reader) NetworkDocs(wave string) ([]NetworkDoc, error) {
	// One row per document with its terms joined by U+001F (never in a
	// base form) reads 100,000 documents several times faster than one row
	// per term, and the correlated subquery spares SQLite a GROUP BY sort
	// of every term.
	rows, err := s.q.Query(`
SELECT d.doc_id, COALESCE(d.respondent_id, ''),
       (SELECT group_concat(t.term, char(31)) FROM doc_terms t WHERE t.doc_id = d.doc_id) AS terms
  FROM docs d
 WHERE d.wave_id = ? AND d.source = 'survey' AND d.non_answer = 0
   AND (d.dup_of IS NULL OR d.dup_of = d.doc_id) AND terms IS NOT NULL
 ORDER BY d.doc_id`, wave)
	if err != nil {
		return nil, fmt.Errorf("wave %s: read document terms: %w", wave, err)
	}
	defer rows.Close()
	var out []NetworkDoc
	for rows.Next() {
		var d NetworkDoc
		var joined string
		if err := rows.Scan(&d.ID, &d.RespondentID, &joined); err != nil {
			return nil, fmt.Errorf("wave %s: read document terms: %w", wave, err)
		}
		// A term stored under two parts of speech comes twice.
		terms := strings.Split(joined, "\x1f")
		slices.Sort(terms)
		d.Terms = slices.Compact(terms)
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("wave %s: read document terms: %w", wave, err)
	}
	return out, nil
}

// DemographicGroup is an option of a demographic question with the
// respondents who chose it.
type DemographicGroup struct {
	Code        string
	Label       string
	Ord         int      // option position in the codebook (1-based)
	Respondents []string // in the order SQLite groups them (the same every run)
}

// DemographicGroups lists the options of one of the wave's questions in
// codebook order, each with its respondents; an option nobody chose has
// none. Reading one question with its respondents folded into one row per
// option keeps this to a fraction of a second for 100,000 respondents.
func (s reader) DemographicGroups(wave, question string) ([]DemographicGroup, error) {
	orows, err := s.q.Query(`SELECT code, label, ord FROM options WHERE wave_id = ? AND question_id = ? ORDER BY ord`, wave, question)
	if err != nil {
		return nil, fmt.Errorf("wave %s: read options of %s: %w", wave, question, err)
	}
	var out []DemographicGroup
	index := map[string]int{}
	for orows.Next() {
		var code string
		var g DemographicGroup
		if err := orows.Scan(&code, &g.Label, &g.Ord); err != nil {
			orows.Close()
			return nil, fmt.Errorf("wave %s: read options of %s: %w", wave, question, err)
		}
		g.Code = code
		index[code] = len(out)
		out = append(out, g)
	}
	orows.Close()
	if err := orows.Err(); err != nil {
		return nil, fmt.Errorf("wave %s: read options of %s: %w", wave, question, err)
	}
	rows, err := s.q.Query(`SELECT code, group_concat(respondent_id, char(31)) FROM answers
 WHERE wave_id = ? AND question_id = ? AND code IS NOT NULL GROUP BY code`, wave, question)
	if err != nil {
		return nil, fmt.Errorf("wave %s: read answers to %s: %w", wave, question, err)
	}
	defer rows.Close()
	for rows.Next() {
		var code, joined string
		if err := rows.Scan(&code, &joined); err != nil {
			return nil, fmt.Errorf("wave %s: read answers to %s: %w", wave, question, err)
		}
		if i, ok := index[code]; ok {
			out[i].Respondents = strings.Split(joined, "\x1f")
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("wave %s: read answers to %s: %w", wave, question, err)
	}
	return out, nil
}

// CoocNodeRow is one cooc_nodes row (without the wave).
type CoocNodeRow struct {
	Term      string
	Freq      int
	Community int
	X, Y      float64
}

// CoocEdgeRow is one cooc_edges row (without the wave).
type CoocEdgeRow struct {
	A, B    string
	Both    int
	Jaccard float64
}

// CoocNetwork writes a wave's co-occurrence network.
func (t *Tx) CoocNetwork(wave string, nodes []CoocNodeRow, edges []CoocEdgeRow) error {
	for _, n := range nodes {
		if _, err := t.Exec(`INSERT INTO cooc_nodes (wave_id, term, freq, community, x, y) VALUES (?,?,?,?,?,?)`,
			wave, n.Term, n.Freq, n.Community, n.X, n.Y); err != nil {
			return fmt.Errorf("wave %s: network node %s: %w", wave, n.Term, err)
		}
	}
	for _, e := range edges {
		if _, err := t.Exec(`INSERT INTO cooc_edges (wave_id, a, b, both_n, jaccard) VALUES (?,?,?,?,?)`,
			wave, e.A, e.B, e.Both, e.Jaccard); err != nil {
			return fmt.Errorf("wave %s: network edge %s–%s: %w", wave, e.A, e.B, err)
		}
	}
	return nil
}

// CA point kinds (ca_points.kind).
const (
	CATerm  = "term"
	CAGroup = "group"
)

// CAPointRow is one ca_points row (without the wave).
type CAPointRow struct {
	QuestionID   string
	Kind         string // CATerm or CAGroup
	Ord          int    // 1-based order within the kind
	Label        string
	Mass         float64
	Dim1, Dim2   float64
	Contribution float64
	Labelled     bool
}

// CAInertiaRow is one ca_inertia row (without the wave).
type CAInertiaRow struct {
	QuestionID string
	Dim        int // 1-based
	Inertia    float64
	Pct        float64
}

// CorrespondenceAnalysis writes one correspondence analysis of a wave, of
// question, whose table counts docs documents (ca_bases).
func (t *Tx) CorrespondenceAnalysis(wave, question string, docs int, points []CAPointRow, inertia []CAInertiaRow) error {
	if _, err := t.Exec(`INSERT INTO ca_bases (wave_id, question_id, n_docs) VALUES (?,?,?)`, wave, question, docs); err != nil {
		return fmt.Errorf("wave %s: correspondence analysis %s: %w", wave, question, err)
	}
	for _, p := range points {
		if _, err := t.Exec(`INSERT INTO ca_points (wave_id, question_id, kind, ord, label, mass, dim1, dim2, contribution, labelled) VALUES (?,?,?,?,?,?,?,?,?,?)`,
			wave, p.QuestionID, p.Kind, p.Ord, p.Label, p.Mass, p.Dim1, p.Dim2, p.Contribution, boolInt(p.Labelled)); err != nil {
			return fmt.Errorf("wave %s: correspondence analysis %s, %s %s: %w", wave, p.QuestionID, p.Kind, p.Label, err)
		}
	}
	for _, r := range inertia {
		if _, err := t.Exec(`INSERT INTO ca_inertia (wave_id, question_id, dim, inertia, inertia_pct) VALUES (?,?,?,?,?)`,
			wave, r.QuestionID, r.Dim, r.Inertia, r.Pct); err != nil {
			return fmt.Errorf("wave %s: correspondence analysis %s, dimension %d: %w", wave, r.QuestionID, r.Dim, err)
		}
	}
	return nil
}

// networkTables are the tables this file writes, and the distinctive
// words computed beside them from the same documents (keyness.go).
var networkTables = []string{"cooc_nodes", "cooc_edges", "ca_points", "ca_inertia", "ca_bases", "distinctive_groups", "distinctive_terms"}

// ClearNetworks deletes every co-occurrence network and correspondence
// analysis. It belongs at the start of Analysis, with the other analysis
// results it clears.
func (t *Tx) ClearNetworks() error {
	for _, tb := range networkTables {
		if _, err := t.tx.Exec(`DELETE FROM ` + tb); err != nil {
			return fmt.Errorf("clear %s: %w", tb, err)
		}
	}
	return nil
}

// deleteWaveNetworks deletes one wave's networks and correspondence
// analyses: a re-ingested wave's results are stale. It belongs in
// deleteWave.
func deleteWaveNetworks(tx *sql.Tx, wave string) error {
	for _, tb := range networkTables {
		if _, err := tx.Exec(`DELETE FROM `+tb+` WHERE wave_id = ?`, wave); err != nil {
			return fmt.Errorf("clear %s: %w", tb, err)
		}
	}
	return nil
}
