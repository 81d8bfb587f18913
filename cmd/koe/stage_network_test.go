package main

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"

	"koe/reports/store"
)

// networkDB is a database with one wave whose n survey answers come from
// respondents in two districts (and one who gave no district): 豊科 writes
// about buses and stations, 穂高 about parks and child care, and both
// about roads. Respondent i wrote document i; draw picks its terms.
func networkDB(t testing.TB, n int, draw func(i int, area string) []string) (*store.DB, map[int64][]string) {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "koe.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	tx, err := db.SQL().Begin()
	if err != nil {
		t.Fatal(err)
	}
	exec := func(q string, args ...any) {
		if _, err := tx.Exec(q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	exec(`INSERT INTO questions (wave_id, question_id, ord, column_name, kind, is_demographic) VALUES
		('R8', 'area', 1, '地区', 'single', 1), ('R8', 'sex', 2, '性別', 'single', 1)`)
	exec(`INSERT INTO options (wave_id, question_id, code, label, ord) VALUES
		('R8', 'area', '1', '豊科', 1), ('R8', 'area', '2', '穂高', 2), ('R8', 'area', '3', '明科', 3),
		('R8', 'sex', '1', '男性', 1), ('R8', 'sex', '2', '女性', 2)`)
	terms := map[int64][]string{}
	for i := 1; i <= n; i++ {
		id := fmt.Sprint(i)
		area := []string{"豊科", "穂高", ""}[i%3]
		exec(`INSERT INTO respondents (wave_id, respondent_id, line, weight) VALUES ('R8', ?, ?, 1)`, id, i+1)
		switch area {
		case "豊科":
			exec(`INSERT INTO answers (wave_id, respondent_id, question_id, code) VALUES ('R8', ?, 'area', '1')`, id)
		case "穂高":
			exec(`INSERT INTO answers (wave_id, respondent_id, question_id, code) VALUES ('R8', ?, 'area', '2')`, id)
		}
		// Everyone is 男性: the sex analysis has one option and is skipped.
		exec(`INSERT INTO answers (wave_id, respondent_id, question_id, code) VALUES ('R8', ?, 'sex', '1')`, id)
		exec(`INSERT INTO docs (doc_id, wave_id, source, respondent_id, line, text) VALUES (?, 'R8', 'survey', ?, ?, '…')`, i, id, i+1)
		terms[int64(i)] = draw(i, area)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	return db, terms
}

// analyzeNetworks writes the documents' terms, as analyseText would, and
// runs writeNetworks, all in one Analysis transaction.
func analyzeNetworks(db *store.DB, terms map[int64][]string, n int) error {
	return db.Analysis(context.Background(), func(tx *store.Tx) error {
		for id := int64(1); id <= int64(n); id++ {
			var tc []store.TermCount
			for _, t := range terms[id] {
				tc = append(tc, store.TermCount{Term: t, POS: "名詞", N: 1})
			}
			if err := tx.DocTerms(id, tc); err != nil {
				return err
			}
		}
		return writeNetworks(tx, "R8", []string{"area", "sex"}, nil, 1, 5)
	})
}

func twoDistricts(i int, area string) []string {
	switch area {
	case "豊科":
		return [][]string{{"バス", "駅", "道路"}, {"バス", "本数"}, {"駅", "本数", "バス"}}[i%2]
	case "穂高":
		return [][]string{{"公園", "子育て", "道路"}, {"保育園", "子育て"}, {"公園", "保育園"}}[i%2]
	}
	return []string{"道路", "除雪"}
}

func TestWriteNetworks(t *testing.T) {
	const n = 90
	db, terms := networkDB(t, n, twoDistricts)
	if err := analyzeNetworks(db, terms, n); err != nil {
		t.Fatal(err)
	}
	q := db.SQL()
	var nodes, edges, comms int
	if err := q.QueryRow(`SELECT COUNT(*), COUNT(DISTINCT community) FROM cooc_nodes WHERE wave_id = 'R8'`).Scan(&nodes, &comms); err != nil {
		t.Fatal(err)
	}
	if err := q.QueryRow(`SELECT COUNT(*) FROM cooc_edges WHERE wave_id = 'R8'`).Scan(&edges); err != nil {
		t.Fatal(err)
	}
	if nodes == 0 || edges == 0 || comms < 2 {
		t.Errorf("network: %d nodes, %d edges, %d communities; want a network with two or more communities", nodes, edges, comms)
	}

	// area: 豊科 and 穂高 had answers (明科 none, so it is dropped); the
	// bus words sit on 豊科's side of dimension 1, the park words on 穂高's.
	coord := func(kind, label string) float64 {
		t.Helper()
		var x float64
		if err := q.QueryRow(`SELECT dim1 FROM ca_points WHERE wave_id = 'R8' AND question_id = 'area' AND kind = ? AND label = ?`, kind, label).Scan(&x); err != nil {
			t.Fatalf("ca_points %s %s: %v", kind, label, err)
		}
		return x
	}
	toyo, hota := coord("group", "豊科"), coord("group", "穂高")
	if toyo*hota >= 0 {
		t.Fatalf("豊科 at %v and 穂高 at %v: not on opposite sides", toyo, hota)
	}
	for _, w := range []string{"バス", "駅", "本数"} {
		if coord("term", w)*toyo <= 0 {
			t.Errorf("%s (%v) not on 豊科's side (%v)", w, coord("term", w), toyo)
		}
	}
	for _, w := range []string{"公園", "子育て", "保育園"} {
		if coord("term", w)*hota <= 0 {
			t.Errorf("%s (%v) not on 穂高's side (%v)", w, coord("term", w), hota)
		}
	}
	var groups, ords int
	if err := q.QueryRow(`SELECT COUNT(*), group_concat(ord) = '1,2' FROM (SELECT ord FROM ca_points WHERE question_id = 'area' AND kind = 'group' ORDER BY ord)`).Scan(&groups, &ords); err != nil {
		t.Fatal(err)
	}
	if groups != 2 || ords != 1 {
		t.Errorf("%d area groups (ords 1,2: %v), want 2 numbered 1, 2 (明科 has no documents)", groups, ords == 1)
	}
	// 除雪 is written only by respondents without a district: no row.
	var snow int
	if err := q.QueryRow(`SELECT COUNT(*) FROM ca_points WHERE question_id = 'area' AND label = '除雪'`).Scan(&snow); err != nil {
		t.Fatal(err)
	}
	if snow != 0 {
		t.Errorf("除雪 has a CA row, but none of its writers gave a district")
	}
	// Two groups: one dimension, explaining everything.
	var dims int
	var pct float64
	if err := q.QueryRow(`SELECT COUNT(*), SUM(inertia_pct) FROM ca_inertia WHERE wave_id = 'R8' AND question_id = 'area'`).Scan(&dims, &pct); err != nil {
		t.Fatal(err)
	}
	if dims != 1 || pct < 100-1e-9 || pct > 100+1e-9 {
		t.Errorf("area inertia: %d dimensions, %v%%; want 1 dimension, 100%%", dims, pct)
	}
	// sex: one option answered, so no analysis.
	var sex int
	if err := q.QueryRow(`SELECT COUNT(*) FROM ca_points WHERE question_id = 'sex'`).Scan(&sex); err != nil {
		t.Fatal(err)
	}
	if sex != 0 {
		t.Errorf("sex has %d CA rows; a question with one option answered has none", sex)
	}

	// Re-running gives the same rows (the Analysis transaction clears them
	// only once ClearNetworks is wired in; here they are cleared by hand).
	first := dumpNetworks(t, q)
	if err := db.Analysis(context.Background(), func(tx *store.Tx) error { return tx.ClearNetworks() }); err != nil {
		t.Fatal(err)
	}
	if err := analyzeNetworks(db, terms, n); err != nil {
		t.Fatal(err)
	}
	if again := dumpNetworks(t, q); again != first {
		t.Errorf("a second run stored different rows")
	}
}

func TestWriteNetworksNoText(t *testing.T) {
	db, terms := networkDB(t, 10, func(int, string) []string { return nil })
	if err := analyzeNetworks(db, terms, 10); err != nil {
		t.Fatal(err)
	}
	if s := dumpNetworks(t, db.SQL()); s != "" {
		t.Errorf("rows written without text:\n%s", s)
	}
}

func dumpNetworks(t *testing.T, q *sql.DB) string {
	t.Helper()
	var out string
	for _, query := range []string{
		`SELECT wave_id || ' ' || term || ' ' || freq || ' ' || community || ' ' || x || ' ' || y FROM cooc_nodes ORDER BY 1`,
		`SELECT wave_id || ' ' || a || ' ' || b || ' ' || both_n || ' ' || jaccard FROM cooc_edges ORDER BY 1`,
		`SELECT question_id || ' ' || kind || ' ' || ord || ' ' || label || ' ' || dim1 || ' ' || dim2 || ' ' || contribution || ' ' || labelled FROM ca_points ORDER BY 1`,
		`SELECT question_id || ' ' || dim || ' ' || inertia_pct FROM ca_inertia ORDER BY 1`,
	} {
		rows, err := q.Query(query)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				t.Fatal(err)
			}
			out += s + "\n"
		}
		rows.Close()
	}
	return out
}

// BenchmarkWriteNetworks100k times writeNetworks alone (reading the terms
// back, the network, and the CA by two demographics) on 100,000 answers of
// 3–8 terms over a 5,000-term vocabulary; building the database is not
// timed.
func BenchmarkWriteNetworks100k(b *testing.B) {
	const n = 100_000
	rng := rand.New(rand.NewPCG(1, 0))
	zipf := rand.NewZipf(rng, 1.1, 1, 4999)
	db, terms := networkDB(b, n, func(int, string) []string {
		doc := make([]string, 3+rng.IntN(6))
		for j := range doc {
			doc[j] = fmt.Sprintf("語%04d", zipf.Uint64())
		}
		return doc
	})
	err := db.Analysis(context.Background(), func(tx *store.Tx) error {
		for id := int64(1); id <= n; id++ {
			var tc []store.TermCount
			for _, t := range terms[id] {
				tc = append(tc, store.TermCount{Term: t, POS: "名詞", N: 1})
			}
			if err := tx.DocTerms(id, tc); err != nil {
				return err
			}
		}
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			if err := tx.ClearNetworks(); err != nil {
				return err
			}
			b.StartTimer()
			if err := writeNetworks(tx, "R8", []string{"area", "sex"}, nil, 1, 5); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}

// TestWaveGroups: the demographic groups taken from the answers in memory
// are those the database gives.
func TestWaveGroups(t *testing.T) {
	db, _ := networkDB(t, 30, twoDistricts)
	err := db.Analysis(context.Background(), func(tx *store.Tx) error {
		wd, err := loadWave(tx, "R8", nil)
		if err != nil {
			return err
		}
		for _, q := range []string{"area", "sex"} {
			got, err := wd.groups(q)
			if err != nil {
				return err
			}
			want, err := tx.DemographicGroups("R8", q)
			if err != nil {
				return err
			}
			// The order within a group is not part of the result (its
			// users map respondents to groups).
			for _, gs := range [][]store.DemographicGroup{got, want} {
				for _, g := range gs {
					slices.Sort(g.Respondents)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("%s: groups from memory\n%v\nfrom the database\n%v", q, got, want)
			}
		}
		if _, err := wd.groups("nosuch"); err == nil {
			t.Error("groups of an unknown question: no error")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestRespondentGroups: every respondent gets the groups they are in, in
// group order, and a respondent in two groups (a multi-answer
// demographic) does not change what the others of either group get.
func TestRespondentGroups(t *testing.T) {
	groups := []store.DemographicGroup{
		{Code: "1", Respondents: []string{"a", "b", "c"}},
		{Code: "2", Respondents: []string{"d", "b"}},
		{Code: "3", Respondents: nil},
		{Code: "4", Respondents: []string{"b", "e", "a"}},
	}
	got := respondentGroups(groups)
	want := map[string][]int{"a": {0, 3}, "b": {0, 1, 3}, "c": {0}, "d": {1}, "e": {3}}
	if len(got) != len(want) {
		t.Fatalf("%d respondents, want %d: %v", len(got), len(want), got)
	}
	for r, w := range want {
		if !slices.Equal(got[r], w) {
			t.Errorf("%s: groups %v, want %v", r, got[r], w)
		}
	}
	if _, ok := got["f"]; ok {
		t.Error("a respondent in no group has groups")
	}
}
