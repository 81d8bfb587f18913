package store

import (
	"context"
	"fmt"
	"math"
	"path/filepath"
	"reflect"
	"testing"
)

// networkFixture is a database with two waves: in R8, respondent 1 wrote
// two answers, respondent 2 one, respondent 3 a non-answer, and respondents
// 4 and 5 the same comment (a duplicate group led by doc 5); a workshop
// utterance sits beside them. R7 has one answer.
func networkFixture(t *testing.T) *DB {
	t.Helper()
	db, err := Open(filepath.Join(t.TempDir(), "koe.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.SQL().Exec(q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	for _, w := range []string{"R7", "R8"} {
		exec(`INSERT INTO questions (wave_id, question_id, ord, column_name, kind, is_demographic) VALUES (?, 'area', 1, '地区', 'single', 1), (?, 'sat', 2, '満足度', 'likert', 0)`, w, w)
		exec(`INSERT INTO options (wave_id, question_id, code, label, ord) VALUES (?, 'area', '1', '豊科', 1), (?, 'area', '2', '穂高', 2), (?, 'sat', '1', '満足', 1)`, w, w, w)
	}
	for i, r := range []struct {
		doc             int64
		wave, src, resp string
		text            string
	}{
		{1, "R8", "survey", "1", "バスが少ない"},
		{2, "R8", "survey", "1", "駅が遠い"},
		{3, "R8", "survey", "2", "バスと駅"},
		{4, "R8", "survey", "3", "特になし"},
		{5, "R8", "survey", "4", "公園が欲しい"},
		{6, "R8", "survey", "5", "公園が欲しい"},
		{7, "R8", "workshop", "", "バスの本数"},
		{8, "R7", "survey", "1", "バス"},
	} {
		var resp any
		if r.resp != "" {
			resp = r.resp
		}
		exec(`INSERT INTO docs (doc_id, wave_id, source, respondent_id, line, text) VALUES (?,?,?,?,?,?)`,
			r.doc, r.wave, r.src, resp, i+2, r.text)
	}
	for _, a := range [][3]string{{"1", "area", "1"}, {"2", "area", "2"}, {"4", "area", "2"}, {"1", "sat", "1"}} {
		exec(`INSERT INTO answers (wave_id, respondent_id, question_id, code) VALUES ('R8', ?, ?, ?)`, a[0], a[1], a[2])
	}
	return db
}

// fixtureTerms writes the doc_terms and duplicate groups of
// networkFixture. Analysis clears both, so they are written inside the
// transaction, as analyze does.
func fixtureTerms(t *testing.T, tx *Tx) {
	t.Helper()
	for doc, terms := range map[int64][]TermCount{
		1: {{"バス", "名詞", 1}, {"少ない", "形容詞", 1}},
		2: {{"駅", "名詞", 1}, {"遠い", "形容詞", 1}},
		3: {{"バス", "名詞", 1}, {"駅", "名詞", 1}, {"バス", "動詞", 1}},
		4: {{"特に", "副詞", 1}},
		5: {{"公園", "名詞", 1}, {"欲しい", "形容詞", 1}},
		6: {{"公園", "名詞", 1}, {"欲しい", "形容詞", 1}},
		7: {{"バス", "名詞", 1}, {"本数", "名詞", 1}},
		8: {{"バス", "名詞", 1}},
	} {
		if err := tx.DocTerms(doc, terms); err != nil {
			t.Fatal(err)
		}
	}
	for _, g := range []struct {
		doc, of   int64
		size      int
		nonAnswer bool
	}{{4, 4, 1, true}, {5, 5, 2, false}, {6, 5, 2, false}} {
		if err := tx.DocGroup(g.doc, g.of, g.size, g.nonAnswer); err != nil {
			t.Fatal(err)
		}
	}
}

func TestNetworkDocs(t *testing.T) {
	db := networkFixture(t)
	err := db.Analysis(context.Background(), func(tx *Tx) error {
		fixtureTerms(t, tx)
		got, err := tx.NetworkDocs("R8")
		if err != nil {
			return err
		}
		// Doc 4 is a non-answer, doc 6 a copy of doc 5, doc 7 a workshop
		// utterance, doc 8 another wave's; doc 3's バス (noun and verb) once.
		want := []NetworkDoc{
			{ID: 1, RespondentID: "1", Terms: []string{"バス", "少ない"}},
			{ID: 2, RespondentID: "1", Terms: []string{"遠い", "駅"}},
			{ID: 3, RespondentID: "2", Terms: []string{"バス", "駅"}},
			{ID: 5, RespondentID: "4", Terms: []string{"公園", "欲しい"}},
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("NetworkDocs = %+v\nwant %+v", got, want)
		}
		groups, err := tx.DemographicGroups("R8", "area")
		if err != nil {
			return err
		}
		wantGroups := []DemographicGroup{
			{Code: "1", Label: "豊科", Ord: 1, Respondents: []string{"1"}},
			{Code: "2", Label: "穂高", Ord: 2, Respondents: []string{"2", "4"}},
		}
		if !reflect.DeepEqual(groups, wantGroups) {
			t.Errorf("DemographicGroups = %+v\nwant %+v", groups, wantGroups)
		}
		none, err := tx.DemographicGroups("R8", "nosuch")
		if err != nil || len(none) != 0 {
			t.Errorf("DemographicGroups of an unknown question = %+v, %v; want none", none, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestNetworkWriteAndClear(t *testing.T) {
	db := networkFixture(t)
	write := func(tx *Tx, wave string) error {
		if err := tx.CoocNetwork(wave,
			[]CoocNodeRow{{Term: "バス", Freq: 2, Community: 1, X: 0.1, Y: 0.2}, {Term: "駅", Freq: 2, Community: 1, X: 0.9, Y: 0.8}},
			[]CoocEdgeRow{{A: "バス", B: "駅", Both: 1, Jaccard: 1.0 / 3}}); err != nil {
			return err
		}
		return tx.CorrespondenceAnalysis(wave, "area", 2,
			[]CAPointRow{{QuestionID: "area", Kind: CAGroup, Ord: 1, Label: "豊科", Mass: 0.5, Dim1: 0.7, Labelled: true},
				{QuestionID: "area", Kind: CATerm, Ord: 1, Label: "バス", Mass: 0.5, Dim1: -0.7, Contribution: 0.5}},
			[]CAInertiaRow{{QuestionID: "area", Dim: 1, Inertia: 0.25, Pct: 100}})
	}
	count := func() (n int) {
		t.Helper()
		for _, tb := range networkTables {
			var k int
			if err := db.SQL().QueryRow(`SELECT COUNT(*) FROM ` + tb).Scan(&k); err != nil {
				t.Fatal(err)
			}
			n += k
		}
		return n
	}
	ctx := context.Background()
	if err := db.Analysis(ctx, func(tx *Tx) error {
		if err := write(tx, "R7"); err != nil {
			return err
		}
		return write(tx, "R8")
	}); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 2*(2+1+2+1+1) {
		t.Fatalf("%d network rows written, want 14", n)
	}
	var jac float64
	var labelled int
	if err := db.SQL().QueryRow(`SELECT e.jaccard, p.labelled FROM cooc_edges e JOIN ca_points p ON p.wave_id = e.wave_id AND p.kind = 'group' WHERE e.wave_id = 'R8'`).Scan(&jac, &labelled); err != nil {
		t.Fatal(err)
	}
	if jac != 1.0/3 || labelled != 1 {
		t.Errorf("read back jaccard %v, labelled %d; want 1/3 and 1", jac, labelled)
	}

	// deleteWave's share: one wave's rows go, the other's stay.
	tx, err := db.SQL().Begin()
	if err != nil {
		t.Fatal(err)
	}
	if err := deleteWaveNetworks(tx, "R7"); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 7 {
		t.Errorf("after deleting R7's networks %d rows remain, want R8's 7", n)
	}

	// ClearNetworks: nothing remains.
	if err := db.Analysis(ctx, func(tx *Tx) error { return tx.ClearNetworks() }); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 0 {
		t.Errorf("after ClearNetworks %d rows remain", n)
	}
}

func TestDistinctiveTerms(t *testing.T) {
	db := networkFixture(t)
	groups := []DistinctiveGroupRow{
		{QuestionID: "area", Code: "2", Label: "穂高", Ord: 2, GroupSize: 80, OtherSize: 220, MinDocs: 5, Tests: 7},
		{QuestionID: "area", Code: "1", Label: "豊科", Ord: 1, GroupSize: 120, OtherSize: 180, MinDocs: 5, Tests: 7},
	}
	terms := []DistinctiveTermRow{
		{QuestionID: "area", Code: "2", Label: "穂高", Rank: 1, Term: "景観", DocsInGroup: 72, GroupSize: 80, DocsOther: 178, OtherSize: 220,
			PctGroup: 90, PctOther: 100 * 178.0 / 220, G2: 3.8065210218972254, P: 0.051053386911993258, PAdj: 0.07, Jaccard: 72.0 / 258},
		{QuestionID: "area", Code: "1", Label: "豊科", Rank: 2, Term: "駅", DocsInGroup: 9, GroupSize: 120, DocsOther: 3, OtherSize: 180,
			PctGroup: 7.5, PctOther: 100 * 3.0 / 180, G2: 6.5, P: 0.01, PAdj: math.NaN(), Jaccard: 9.0 / 123},
		{QuestionID: "area", Code: "1", Label: "豊科", Rank: 1, Term: "景観", DocsInGroup: 108, GroupSize: 120, DocsOther: 142, OtherSize: 180,
			PctGroup: 90, PctOther: 100 * 142.0 / 180, G2: 6.7637778833228719, P: 0.0093026609398883086, PAdj: 0.03, Jaccard: 108.0 / 262},
	}
	ctx := context.Background()
	if err := db.Analysis(ctx, func(tx *Tx) error {
		if err := tx.DistinctiveTerms("R7", groups[:1], terms[:1]); err != nil {
			return err
		}
		return tx.DistinctiveTerms("R8", groups, terms)
	}); err != nil {
		t.Fatal(err)
	}
	gotG, err := db.DistinctiveGroups("R8")
	if err != nil {
		t.Fatal(err)
	}
	if want := []DistinctiveGroupRow{groups[1], groups[0]}; !reflect.DeepEqual(gotG, want) {
		t.Errorf("DistinctiveGroups = %+v\nwant (option order) %+v", gotG, want)
	}
	gotT, err := db.DistinctiveTermRows("R8")
	if err != nil {
		t.Fatal(err)
	}
	// 豊科 (ord 1) first, by rank; the NULL p_adj reads back as NaN.
	want := []DistinctiveTermRow{terms[2], terms[1], terms[0]}
	if len(gotT) != len(want) {
		t.Fatalf("DistinctiveTermRows = %+v, want %d rows", gotT, len(want))
	}
	for i := range want {
		g, w := gotT[i], want[i]
		if !math.IsNaN(w.PAdj) || !math.IsNaN(g.PAdj) {
			if g.PAdj != w.PAdj {
				t.Errorf("row %d p_adj %v, want %v", i, g.PAdj, w.PAdj)
			}
		}
		g.PAdj, w.PAdj = 0, 0
		if g != w {
			t.Errorf("row %d = %+v\nwant %+v", i, g, w)
		}
	}
	var null int
	if err := db.SQL().QueryRow(`SELECT COUNT(*) FROM distinctive_terms WHERE p_adj IS NULL`).Scan(&null); err != nil || null != 1 {
		t.Errorf("%d rows with a NULL p_adj (err %v), want 1", null, err)
	}

	// Cleared with the networks: a re-ingested wave, then a new analysis.
	count := func(wave string) (n int) {
		t.Helper()
		for _, tb := range []string{"distinctive_groups", "distinctive_terms"} {
			var k int
			if err := db.SQL().QueryRow(`SELECT COUNT(*) FROM `+tb+` WHERE wave_id = ?`, wave).Scan(&k); err != nil {
				t.Fatal(err)
			}
			n += k
		}
		return n
	}
	tx, err := db.SQL().Begin()
	if err != nil {
		t.Fatal(err)
	}
	if err := deleteWaveNetworks(tx, "R7"); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if r7, r8 := count("R7"), count("R8"); r7 != 0 || r8 != 5 {
		t.Errorf("after deleting R7: %d R7 rows, %d R8 rows; want 0 and 5", r7, r8)
	}
	if err := db.Analysis(ctx, func(tx *Tx) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if n := count("R8"); n != 0 {
		t.Errorf("a new analysis left %d distinctive rows", n)
	}
}

// TestDocGroupRows: DocGroup marks lone documents and the others many to
// a statement each; what a query in the transaction sees, and what is
// committed, is the same either way.
func TestDocGroupRows(t *testing.T) {
	db := networkFixture(t)
	err := db.Analysis(context.Background(), func(tx *Tx) error {
		for _, g := range []struct {
			doc, of   int64
			size      int
			nonAnswer bool
		}{{1, 1, 1, false}, {2, 2, 1, false}, {3, 3, 1, false}, {4, 4, 1, true}, {5, 5, 2, false}, {6, 5, 2, false}} {
			if err := tx.DocGroup(g.doc, g.of, g.size, g.nonAnswer); err != nil {
				return err
			}
		}
		var n int
		if err := tx.q.QueryRow(`SELECT COUNT(*) FROM docs WHERE group_size = 1 AND dup_of IS NULL AND non_answer = 0`).Scan(&n); err != nil || n != 3 {
			t.Errorf("inside the transaction: %d lone answering documents (%v), want 3", n, err)
		}
		if err := tx.q.QueryRow(`SELECT COUNT(*) FROM docs WHERE dup_of = 5 AND group_size = 2`).Scan(&n); err != nil || n != 2 {
			t.Errorf("inside the transaction: %d documents in the group of 5 (%v), want 2", n, err)
		}
		if err := tx.q.QueryRow(`SELECT COUNT(*) FROM docs WHERE doc_id = 4 AND non_answer = 1 AND dup_of IS NULL`).Scan(&n); err != nil || n != 1 {
			t.Errorf("inside the transaction: document 4 is not a lone non-answer (%d, %v)", n, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := db.SQL().Query(`SELECT doc_id, IFNULL(dup_of, 0), IFNULL(group_size, 0), non_answer FROM docs WHERE doc_id <= 6 ORDER BY doc_id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var id, of, size, na int
		rows.Scan(&id, &of, &size, &na)
		got = append(got, fmt.Sprint(id, of, size, na))
	}
	want := []string{"1 0 1 0", "2 0 1 0", "3 0 1 0", "4 0 1 1", "5 5 2 0", "6 5 2 0"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("docs after commit: %q, want %q", got, want)
	}
}
