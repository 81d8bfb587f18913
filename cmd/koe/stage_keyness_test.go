package main

import (
	"context"
	"math"
	"path/filepath"
	"slices"
	"testing"

	"koe/analysis/codes"
	"koe/analysis/tokenize"
	"koe/data"
	"koe/ingest"
	"koe/reports/store"
)

// TestWriteNetworksDistinctive: the distinctive words of networkDB's two
// districts, written beside the networks. Each district has 30 writers:
// 豊科 all write バス, half 駅 and half 本数; 穂高 all 子育て, half 公園
// and half 保育園; 道路 is written by half of each and is nobody's.
func TestWriteNetworksDistinctive(t *testing.T) {
	const n = 90
	db, terms := networkDB(t, n, twoDistricts)
	if err := analyzeNetworks(db, terms, n); err != nil {
		t.Fatal(err)
	}
	groups, err := db.DistinctiveGroups("R8")
	if err != nil {
		t.Fatal(err)
	}
	// 8 tests for area: 4 words with 5 or more writers in each district.
	wantGroups := []store.DistinctiveGroupRow{
		{QuestionID: "area", Code: "1", Label: "豊科", Ord: 1, GroupSize: 30, OtherSize: 30, MinDocs: 5, Tests: 8},
		{QuestionID: "area", Code: "2", Label: "穂高", Ord: 2, GroupSize: 30, OtherSize: 30, MinDocs: 5, Tests: 8},
		{QuestionID: "area", Code: "3", Label: "明科", Ord: 3, GroupSize: 0, OtherSize: 60, MinDocs: 5, Tests: 8},
		{QuestionID: "sex", Code: "1", Label: "男性", Ord: 1, GroupSize: 90, OtherSize: 0, MinDocs: 5, Tests: 0},
		{QuestionID: "sex", Code: "2", Label: "女性", Ord: 2, GroupSize: 0, OtherSize: 90, MinDocs: 5, Tests: 0},
	}
	if !slices.Equal(groups, wantGroups) {
		t.Errorf("distinctive_groups = %+v\nwant %+v", groups, wantGroups)
	}
	rows, err := db.DistinctiveTermRows("R8")
	if err != nil {
		t.Fatal(err)
	}
	// G², p: R, g2(30,30,0,30) and g2(15,30,0,30) with the formula of
	// analysis/keyness's tests; p_adj: R p.adjust(c(p1, p2, p2, 1, p1, p2,
	// p2, 1), "BH"). Ties (本数, 駅) go by term.
	type want struct {
		label, term string
		a           int
		g2, padj    float64
	}
	wants := []want{
		{"豊科", "バス", 30, 83.177661667193433, 3.0000190888631101e-19},
		{"豊科", "本数", 15, 25.891386520660276, 4.8156958123974543e-07},
		{"豊科", "駅", 15, 25.891386520660276, 4.8156958123974543e-07},
		{"穂高", "子育て", 30, 83.177661667193433, 3.0000190888631101e-19},
		{"穂高", "保育園", 15, 25.891386520660276, 4.8156958123974543e-07},
		{"穂高", "公園", 15, 25.891386520660276, 4.8156958123974543e-07},
	}
	if len(rows) != len(wants) {
		t.Fatalf("%d distinctive words, want %d: %+v", len(rows), len(wants), rows)
	}
	for i, w := range wants {
		r := rows[i]
		if r.Label != w.label || r.Term != w.term || r.DocsInGroup != w.a || r.DocsOther != 0 || r.GroupSize != 30 {
			t.Errorf("row %d: %s %s a=%d c=%d n=%d, want %s %s a=%d c=0 n=30", i, r.Label, r.Term, r.DocsInGroup, r.DocsOther, r.GroupSize, w.label, w.term, w.a)
		}
		if math.Abs(r.G2-w.g2) > 1e-12*w.g2 || math.Abs(r.PAdj-w.padj) > 1e-9*w.padj {
			t.Errorf("%s %s: G² %.17g p_adj %.17g, want %.17g %.17g (R)", r.Label, r.Term, r.G2, r.PAdj, w.g2, w.padj)
		}
		if r.Rank != 1+i%3 {
			t.Errorf("%s %s: rank %d, want %d", r.Label, r.Term, r.Rank, 1+i%3)
		}
	}
}

// TestDistinctivePerRespondent: a respondent's documents are pooled and a
// word counts once per respondent, so two answers both about the bus make
// one writer of バス, not two.
func TestDistinctivePerRespondent(t *testing.T) {
	db, err := store.Open(filepath.Join(t.TempDir(), "koe.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var docs []store.NetworkDoc
	groups := []store.DemographicGroup{{Code: "1", Label: "豊科", Ord: 1}, {Code: "2", Label: "穂高", Ord: 2}}
	for i := range 10 {
		r := string(rune('a' + i))
		if i < 5 {
			groups[0].Respondents = append(groups[0].Respondents, r)
			docs = append(docs, store.NetworkDoc{ID: int64(2 * i), RespondentID: r, Terms: []string{"バス"}},
				store.NetworkDoc{ID: int64(2*i + 1), RespondentID: r, Terms: []string{"バス", "駅"}})
			continue
		}
		groups[1].Respondents = append(groups[1].Respondents, r)
		docs = append(docs, store.NetworkDoc{ID: int64(2 * i), RespondentID: r, Terms: []string{"公園"}})
	}
	docs = append(docs, store.NetworkDoc{ID: 99, RespondentID: "no-district", Terms: []string{"バス"}})
	err = db.Analysis(context.Background(), func(tx *store.Tx) error {
		return writeDistinctive(tx, "R8", "area", poolWriters(docs), groups, respondentGroups(groups), 5)
	})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := db.DistinctiveTermRows("R8")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows {
		got = append(got, r.Label+" "+r.Term)
		if r.Term == "バス" && (r.DocsInGroup != 5 || r.GroupSize != 5 || r.DocsOther != 0 || r.OtherSize != 5) {
			t.Errorf("バス: %d of %d writers against %d of %d, want 5 of 5 against 0 of 5", r.DocsInGroup, r.GroupSize, r.DocsOther, r.OtherSize)
		}
	}
	if want := []string{"豊科 バス", "豊科 駅", "穂高 公園"}; !slices.Equal(got, want) {
		t.Errorf("distinctive words %v, want %v", got, want)
	}
}

// TestTermsFromMaskedText: the terms of a document come from its masked
// text, so a name masking caught never becomes a word of the network, the
// maps or the distinctive words. 松本 and あずさ are terms of the raw text
// (IPA reads 松本 as a place, あずさ as a common noun).
func TestTermsFromMaskedText(t *testing.T) {
	db, err := store.Open(filepath.Join(t.TempDir(), "koe.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tok, err := tokenize.New(tokenize.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{"松本さんの畑が荒れている", "あずさちゃんと公園で遊ぶ"}
	for i, s := range texts {
		m, _ := tok.Mask(s)
		if _, err := db.SQL().Exec(`INSERT INTO respondents (wave_id, respondent_id, line, weight) VALUES ('R8', ?, ?, 1)`, i+1, i+2); err != nil {
			t.Fatal(err)
		}
		if _, err := db.SQL().Exec(`INSERT INTO docs (doc_id, wave_id, source, respondent_id, line, text, text_masked) VALUES (?, 'R8', 'survey', ?, ?, ?, ?)`,
			i+1, i+1, i+2, s, m); err != nil {
			t.Fatal(err)
		}
	}
	rules, err := codes.Parse(data.Codes, "built-in codes")
	if err != nil {
		t.Fatal(err)
	}
	err = db.Analysis(context.Background(), func(tx *store.Tx) error {
		wd, err := loadWave(tx, "R8", nil)
		if err != nil {
			return err
		}
		_, err = analyseText(context.Background(), tx, wd, nil, tok, rules, &ingest.Study{Seed: 1}, 1, nil)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	rows, err := db.SQL().Query(`SELECT term FROM doc_terms ORDER BY doc_id, term`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		got = append(got, s)
	}
	for _, name := range []string{"松本", "あずさ"} {
		if slices.Contains(got, name) {
			t.Errorf("the masked name %s is a term: %v", name, got)
		}
	}
	for _, w := range []string{"畑", "公園"} {
		if !slices.Contains(got, w) {
			t.Errorf("term %s missing: %v", w, got)
		}
	}
}
