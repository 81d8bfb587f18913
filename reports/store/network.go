package store

import (
	"database/sql"
	"fmt"
	"slices"
	"strings"
)

// The co-occurrence network and correspondence analysis tables
// (cooc_nodes, cooc_edges, ca_points, ca_inertia): what the analyze stage
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
	// per term.
	rows, err := s.q.Query(`
SELECT d.doc_id, COALESCE(d.respondent_id, ''), group_concat(t.term, char(31))
  FROM docs d JOIN doc_terms t ON t.doc_id = d.doc_id
 WHERE d.wave_id = ? AND d.source = 'survey' AND d.non_answer = 0
   AND (d.dup_of IS NULL OR d.dup_of = d.doc_id)
 GROUP BY d.doc_id
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

// DemographicAnswer is a respondent's answer to a demographic question.
type DemographicAnswer struct {
	RespondentID string
	QuestionID   string
	Label        string // option label
	Ord          int    // option position in the codebook (1-based)
}

// DemographicAnswers lists the wave's answers to demographic questions, by
// question, option order and respondent.
func (s reader) DemographicAnswers(wave string) ([]DemographicAnswer, error) {
	rows, err := s.q.Query(`
SELECT a.respondent_id, a.question_id, o.label, o.ord
  FROM answers a
  JOIN questions q ON q.wave_id = a.wave_id AND q.question_id = a.question_id AND q.is_demographic = 1
  JOIN options o ON o.wave_id = a.wave_id AND o.question_id = a.question_id AND o.code = a.code
 WHERE a.wave_id = ?
 ORDER BY a.question_id, o.ord, a.respondent_id`, wave)
	if err != nil {
		return nil, fmt.Errorf("wave %s: read demographics: %w", wave, err)
	}
	defer rows.Close()
	var out []DemographicAnswer
	for rows.Next() {
		var a DemographicAnswer
		if err := rows.Scan(&a.RespondentID, &a.QuestionID, &a.Label, &a.Ord); err != nil {
			return nil, fmt.Errorf("wave %s: read demographics: %w", wave, err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("wave %s: read demographics: %w", wave, err)
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

// CorrespondenceAnalysis writes one correspondence analysis of a wave.
func (t *Tx) CorrespondenceAnalysis(wave string, points []CAPointRow, inertia []CAInertiaRow) error {
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

// networkTables are the tables this file writes.
var networkTables = []string{"cooc_nodes", "cooc_edges", "ca_points", "ca_inertia"}

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
