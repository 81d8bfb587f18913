package main

import (
	"bytes"
	"database/sql"
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"koe/reports/store"
)

// These tests drive the real koe binary, built once for the package.

var koeBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "koe-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	koeBin = filepath.Join(dir, "koe")
	if runtime.GOOS == "windows" {
		koeBin += ".exe"
	}
	out, err := exec.Command("go", "build", "-o", koeBin, ".").CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "build koe: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	code           int
	stdout, stderr string
}

func koe(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	cmd := exec.Command(koeBin, args...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("run koe %v: %v", args, err)
	}
	return result{code, out.String(), errb.String()}
}

// copyStudy copies a study from testdata into a temporary directory, so a
// test never writes into the source tree.
func copyStudy(t *testing.T, name string) string {
	t.Helper()
	src := filepath.Join("..", "..", "testdata", "studies", name)
	dst := filepath.Join(t.TempDir(), name)
	err := filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if info.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

func openDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db.SQL()
}

func count(t *testing.T, db *sql.DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := db.QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

// specTables are the tables SPEC §3 names.
var specTables = []string{"runs", "waves", "questions", "options", "respondents", "answers", "quarantine",
	"docs", "doc_terms", "themes", "doc_themes", "codes", "doc_codes", "crosstabs", "crosstab_cells"}

// reportSections are headings every report has.
var reportSections = []string{"概要", "調査の概要", "回答者の属性", "設問別の結果", "クロス集計", "自由記述のテーマ", "地区別・年代別の特徴語", "ワークショップの声", "データの品質", "方法と注記"}

// TestRunSmallStudy checks `koe run` against counts made independently of
// koe (testdata/studies/small/EXPECTED.md, by count.py).
func TestRunSmallStudy(t *testing.T) {
	dir := copyStudy(t, "small")
	r := koe(t, "", "run", dir)
	if r.code != exitQuarantined {
		t.Fatalf("koe run: exit %d, want 3 (rows quarantined)\nstderr:\n%s", r.code, r.stderr)
	}
	for _, want := range []string{"survey.csv:25:", "survey.csv:33", "wave T1: 40 rows read, 38 loaded, 2 quarantined"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("summary lacks %q:\n%s", want, r.stderr)
		}
	}
	db := openDB(t, filepath.Join(dir, "out", "koe.sqlite"))

	var read, loaded, quar int
	if err := db.QueryRow(`SELECT rows_read, rows_loaded, rows_quarantined FROM waves WHERE wave_id='T1'`).Scan(&read, &loaded, &quar); err != nil {
		t.Fatal(err)
	}
	if read != 40 || loaded != 38 || quar != 2 || read != loaded+quar {
		t.Errorf("rows read/loaded/quarantined = %d/%d/%d, want 40/38/2", read, loaded, quar)
	}
	if n := count(t, db, `SELECT COUNT(*) FROM respondents WHERE wave_id='T1'`); n != 38 {
		t.Errorf("respondents = %d, want 38", n)
	}
	if n := count(t, db, `SELECT COUNT(DISTINCT line) FROM quarantine WHERE line IN (25, 33)`); n != 2 {
		t.Errorf("quarantined lines 25 and 33: found %d of them", n)
	}
	if n := count(t, db, `SELECT COUNT(*) FROM answers WHERE question_id='household_size'`); n != 36 {
		t.Errorf("household_size answers = %d, want 36", n)
	}
	if n := count(t, db, `SELECT COUNT(*) FROM answers WHERE question_id='charm'`); n != 56 {
		t.Errorf("charm answers = %d, want 56", n)
	}
	if n := count(t, db, `SELECT COUNT(*) FROM docs WHERE source='survey'`); n != 17 {
		t.Errorf("survey docs = %d, want 17", n)
	}
	if n := count(t, db, `SELECT COUNT(*) FROM docs WHERE source='workshop'`); n != 5 {
		t.Errorf("workshop docs = %d, want 5", n)
	}
	if n := count(t, db, `SELECT COUNT(*) FROM docs WHERE source='workshop' AND (speaker LIKE '%小松%' OR speaker LIKE '%丸山%')`); n != 0 {
		t.Errorf("%d workshop docs carry a real speaker name", n)
	}

	// The crosstab of settle by area: counts from EXPECTED.md; χ², p and V
	// from its exact rationals (21793/4914 etc.).
	var id, n, df int
	var chi2, p, v float64
	err := db.QueryRow(`SELECT crosstab_id, n, chi2, df, p_value, cramers_v FROM crosstabs
		WHERE wave_id='T1' AND row_question='area' AND col_question='settle'`).Scan(&id, &n, &chi2, &df, &p, &v)
	if err != nil {
		t.Fatal(err)
	}
	if n != 38 || df != 4 {
		t.Errorf("n, df = %d, %d; want 38, 4", n, df)
	}
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"chi2", chi2, 4.434879934879935}, {"p", p, 0.35033901981816834}, {"V", v, 0.2415650706407765}} {
		if math.Abs(c.got-c.want) > 1e-9*math.Abs(c.want) {
			t.Errorf("%s = %.15g, want %.15g", c.name, c.got, c.want)
		}
	}
	// 6 of the 9 expected counts are below 5, so the χ² p is only
	// approximate and Fisher's exact test is given: R 4.2.2
	// fisher.test(matrix(c(9,3,1, 8,2,3, 4,4,4), 3, byrow = TRUE))$p.value.
	var small bool
	var fisher float64
	if err := db.QueryRow(`SELECT small_expected, fisher_p FROM crosstabs WHERE crosstab_id = ?`, id).Scan(&small, &fisher); err != nil {
		t.Fatal(err)
	}
	if !small || math.Abs(fisher-0.34364544860675189) > 1e-9 {
		t.Errorf("small_expected %v, fisher_p %.17g; want true, 0.34364544860675189", small, fisher)
	}
	want := map[string]int{
		"豊科/住み続けたい": 9, "豊科/どちらともいえない": 3, "豊科/移りたい": 1,
		"穂高/住み続けたい": 8, "穂高/どちらともいえない": 2, "穂高/移りたい": 3,
		"明科/住み続けたい": 4, "明科/どちらともいえない": 4, "明科/移りたい": 4,
	}
	rows, err := db.Query(`SELECT row_code, col_code, n, suppressed FROM crosstab_cells WHERE crosstab_id = ?`, id)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	supp := map[string]bool{}
	for rows.Next() {
		var rc, cc string
		var cn int
		var s bool
		if err := rows.Scan(&rc, &cc, &cn, &s); err != nil {
			t.Fatal(err)
		}
		got[rc+"/"+cc] = cn
		supp[rc+"/"+cc] = s
	}
	rows.Close()
	for k, w := range want {
		if got[k] != w {
			t.Errorf("cell %s = %d, want %d", k, got[k], w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d cells, want %d", len(got), len(want))
	}
	// min_cell = 3 hides the cells of 1 and 2 respondents.
	for _, k := range []string{"豊科/移りたい", "穂高/どちらともいえない"} {
		if !supp[k] {
			t.Errorf("cell %s (n < min_cell) is not suppressed", k)
		}
	}

	// The 単純集計 of settle: 21 of 38 住み続けたい; the Wilson interval of
	// 21/38 from its formula (R's prop.test(21, 38, correct = FALSE)):
	// 39.70629712199248 … 69.85359900194877 %.
	var tn, tb int
	var lo, hi float64
	if err := db.QueryRow(`SELECT n, base_n, ci_low_pct, ci_high_pct FROM tallies WHERE wave_id = 'T1' AND question_id = 'settle' AND code = '住み続けたい'`).Scan(&tn, &tb, &lo, &hi); err != nil {
		t.Fatal(err)
	}
	if tn != 21 || tb != 38 || math.Abs(lo-39.70629712199248) > 1e-9 || math.Abs(hi-69.85359900194877) > 1e-9 {
		t.Errorf("tally 住み続けたい: n %d/%d, CI %.12g–%.12g; want 21/38, 39.7063–69.8536", tn, tb, lo, hi)
	}

	html, err := os.ReadFile(filepath.Join(dir, "out", "report", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range reportSections {
		if !bytes.Contains(html, []byte(s)) {
			t.Errorf("report lacks section %q", s)
		}
	}
	for _, name := range []string{"小松", "丸山"} {
		if bytes.Contains(html, []byte(name)) {
			t.Errorf("report shows speaker name %q", name)
		}
	}
	for _, f := range []string{"respondents.parquet", "answers.parquet", "docs.parquet"} {
		if _, err := os.Stat(filepath.Join(dir, "out", "parquet", f)); err != nil {
			t.Errorf("parquet: %v", err)
		}
	}

	// Same inputs and seed: byte-identical report, same rows.
	r2 := koe(t, "", "run", dir)
	if r2.code != exitQuarantined {
		t.Fatalf("second run: exit %d\n%s", r2.code, r2.stderr)
	}
	html2, err := os.ReadFile(filepath.Join(dir, "out", "report", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(html, html2) {
		t.Error("second run wrote a different index.html")
	}
}

// TestStagesAlone runs ingest, analyze and report one at a time, and
// re-ingests: a wave is replaced, never duplicated.
func TestStagesAlone(t *testing.T) {
	dir := copyStudy(t, "small")
	if r := koe(t, "", "analyze", dir); r.code != exitFailure || !strings.Contains(r.stderr, "koe ingest") {
		t.Errorf("analyze before ingest: exit %d, stderr %q; want 1 with a hint", r.code, r.stderr)
	}
	for i := 0; i < 2; i++ {
		if r := koe(t, "", "ingest", dir); r.code != exitQuarantined {
			t.Fatalf("ingest: exit %d\n%s", r.code, r.stderr)
		}
	}
	db := openDB(t, filepath.Join(dir, "out", "koe.sqlite"))
	if n := count(t, db, `SELECT COUNT(*) FROM respondents`); n != 38 {
		t.Errorf("after two ingests: %d respondents, want 38", n)
	}
	if n := count(t, db, `SELECT COUNT(*) FROM quarantine`); n != 2 {
		t.Errorf("after two ingests: %d quarantine rows, want 2", n)
	}
	if r := koe(t, "", "analyze", dir); r.code != exitOK {
		t.Fatalf("analyze: exit %d\n%s", r.code, r.stderr)
	}
	if r := koe(t, "", "report", dir); r.code != exitOK {
		t.Fatalf("report: exit %d\n%s", r.code, r.stderr)
	}
	if n := count(t, db, `SELECT COUNT(*) FROM crosstabs`); n == 0 {
		t.Error("no crosstabs after analyze")
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "report", "index.html")); err != nil {
		t.Error(err)
	}
}

// TestFailedRunKeepsOutputs: a run that fails half way leaves the previous
// complete outputs in place.
func TestFailedRunKeepsOutputs(t *testing.T) {
	dir := copyStudy(t, "small")
	if r := koe(t, "", "run", dir); r.code != exitQuarantined {
		t.Fatalf("first run: exit %d\n%s", r.code, r.stderr)
	}
	before, err := os.ReadFile(filepath.Join(dir, "out", "report", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	// Weighting to a population file with an option the codebook lacks
	// fails in the analyze stage, after ingest has run.
	cfg, _ := os.ReadFile(filepath.Join(dir, "koe.toml"))
	cfg = append(cfg, []byte("\n[weighting]\npopulation = \"pop.csv\"\nby = [\"area\"]\n")...)
	os.WriteFile(filepath.Join(dir, "koe.toml"), cfg, 0o644)
	os.WriteFile(filepath.Join(dir, "pop.csv"), []byte("question,option,count\narea,豊科,100\narea,穂高,100\narea,明科,100\narea,松本,100\n"), 0o644)
	r := koe(t, "", "run", dir)
	if r.code == exitOK || r.code == exitQuarantined {
		t.Fatalf("run with a bad population file: exit %d, want a failure\n%s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "pop.csv:5:6: option \"松本\" is not an option of area") {
		t.Errorf("error does not name pop.csv:5:6: %s", r.stderr)
	}
	after, err := os.ReadFile(filepath.Join(dir, "out", "report", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Error("a failed run changed the previous report")
	}
	if _, err := os.Stat(filepath.Join(dir, "out", ".koe-new")); !os.IsNotExist(err) {
		t.Error("a failed run left its staging directory behind")
	}
}

func TestDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("the demo runs the full sample study")
	}
	out := filepath.Join(t.TempDir(), "demo")
	r := koe(t, "", "demo", "--out", out)
	if r.code != exitOK {
		t.Fatalf("demo: exit %d\n%s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, filepath.Join(out, "report", "index.html")) {
		t.Errorf("demo does not say where the report is:\n%s", r.stdout)
	}
	if !strings.Contains(r.stderr, "quarantined rows") {
		t.Errorf("demo summary does not name the quarantined rows:\n%s", r.stderr)
	}
	db := openDB(t, filepath.Join(out, "koe.sqlite"))
	for _, tb := range specTables {
		if n := count(t, db, "SELECT COUNT(*) FROM "+tb); n == 0 {
			t.Errorf("table %s is empty", tb)
		}
	}
	// Each correspondence analysis's base, as the analysis counted it from
	// memory, is its definition: the network's documents whose writer
	// answered the question.
	if n := count(t, db, `SELECT COUNT(*) FROM (SELECT DISTINCT wave_id, question_id FROM ca_points)`); n == 0 ||
		n != count(t, db, `SELECT COUNT(*) FROM ca_bases`) {
		t.Errorf("%d correspondence analyses, %d bases", n, count(t, db, `SELECT COUNT(*) FROM ca_bases`))
	}
	if bad := count(t, db, `SELECT COUNT(*) FROM ca_bases b WHERE b.n_docs != (SELECT COUNT(*) FROM docs d
		WHERE d.wave_id = b.wave_id AND d.source = 'survey' AND d.non_answer = 0 AND (d.dup_of IS NULL OR d.dup_of = d.doc_id)
		AND EXISTS (SELECT 1 FROM doc_terms t WHERE t.doc_id = d.doc_id)
		AND EXISTS (SELECT 1 FROM answers a WHERE a.wave_id = d.wave_id AND a.respondent_id = d.respondent_id AND a.question_id = b.question_id))`); bad > 0 {
		t.Errorf("%d correspondence analyses' bases differ from their definition", bad)
	}
	// Benjamini–Hochberg never lowers a p-value, and every tested table has one.
	if n := count(t, db, `SELECT COUNT(*) FROM crosstabs WHERE p_value IS NOT NULL AND (p_adj IS NULL OR p_adj < p_value - 1e-15 OR p_adj > 1)`); n != 0 {
		t.Errorf("%d crosstabs with a missing or impossible adjusted p-value", n)
	}
	for _, tb := range []string{"theme_stability", "cooc_nodes", "cooc_edges", "ca_points", "masking", "representativeness", "margin_of_error", "cs_fields", "wave_changes", "weighting", "tallies", "question_stats", "distinctive_groups", "distinctive_terms"} {
		if n := count(t, db, "SELECT COUNT(*) FROM "+tb); n == 0 {
			t.Errorf("table %s is empty", tb)
		}
	}
	// Distinctive words: every district and age band of both waves was
	// sought; each word shown has min_cell (5) writers in its group, is
	// used more there than elsewhere, and has an adjusted p no lower than
	// its p.
	if n := count(t, db, `SELECT COUNT(DISTINCT wave_id || question_id) FROM distinctive_groups WHERE question_id IN ('area', 'age')`); n != 4 {
		t.Errorf("distinctive words sought for %d wave × question pairs, want 4 (2 waves × area, age)", n)
	}
	if n := count(t, db, `SELECT COUNT(*) FROM distinctive_terms WHERE docs_in_group < 5 OR pct_group <= pct_other
		OR p_adj IS NULL OR p_adj < p_value - 1e-15 OR p_adj > 1 OR term_rank > 10`); n != 0 {
		t.Errorf("%d distinctive words break the floor, the direction, the adjustment or the top 10", n)
	}
	if n := count(t, db, `SELECT COUNT(*) FROM distinctive_terms WHERE wave_id = 'R8' AND question_id = 'area' AND label = '明科' AND p_adj < 0.05`); n == 0 {
		t.Error("明科 has no significant distinctive word in R8 (the sample writes about its station and its own name)")
	}
	// Terms come from the masked text: no term of a masked document is a
	// word of its raw text that masking took out.
	if n := count(t, db, `SELECT COUNT(*) FROM doc_terms m JOIN docs d ON d.doc_id = m.doc_id
		WHERE d.text_masked LIKE '%〔%' AND instr(d.text, m.term) > 0 AND instr(d.text_masked, m.term) = 0`); n != 0 {
		t.Errorf("%d terms of masked documents come from the masked-out text", n)
	}
	// The masking table counts what masking did: per wave and kind, the
	// documents holding its placeholder (the sample has names and phone
	// numbers to mask).
	for _, k := range []struct{ kind, placeholder string }{{"氏名", "〔氏名〕"}, {"電話番号", "〔電話番号〕"}, {"メール", "〔メール〕"}, {"住所", "〔住所〕"}} {
		if n := count(t, db, `SELECT COUNT(*) FROM masking m WHERE m.kind = ? AND m.docs !=
			(SELECT COUNT(*) FROM docs d WHERE d.wave_id = m.wave_id AND instr(d.text_masked, ?) > 0)`, k.kind, k.placeholder); n != 0 {
			t.Errorf("masking: %d waves whose %s count differs from their masked documents", n, k.kind)
		}
	}
	if n := count(t, db, `SELECT SUM(docs) FROM masking WHERE kind = '氏名'`); n == 0 {
		t.Error("masking counted no names (the sample has names to mask)")
	}
	if n := count(t, db, `SELECT COUNT(*) FROM docs WHERE non_answer = 1`); n == 0 {
		t.Error("no non-answers found in the sample (it has 特になし answers)")
	}
	if n := count(t, db, `SELECT COUNT(*) FROM waves WHERE rows_read != rows_loaded + rows_quarantined`); n != 0 {
		t.Errorf("%d waves break rows_read = rows_loaded + rows_quarantined", n)
	}
	if n := count(t, db, `SELECT COUNT(*) FROM docs d WHERE NOT EXISTS (SELECT 1 FROM doc_themes t WHERE t.doc_id = d.doc_id)
		AND EXISTS (SELECT 1 FROM doc_terms m WHERE m.doc_id = d.doc_id) AND d.source = 'survey'`); n > 0 {
		t.Logf("%d survey docs with terms have no theme (terms below min_df)", n)
	}
	html, err := os.ReadFile(filepath.Join(out, "report", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range reportSections {
		if !bytes.Contains(html, []byte(s)) {
			t.Errorf("report lacks section %q", s)
		}
	}
	if !bytes.Contains(html, []byte("お住まいの地区ごとの特徴語")) {
		t.Error("report has no table of distinctive words by district")
	}
	r2 := koe(t, "", "demo", "--out", out)
	if r2.code != exitOK {
		t.Fatalf("second demo: exit %d\n%s", r2.code, r2.stderr)
	}
	html2, _ := os.ReadFile(filepath.Join(out, "report", "index.html"))
	if !bytes.Equal(html, html2) {
		t.Error("running the demo twice gave different index.html files")
	}
}

func TestTokenize(t *testing.T) {
	cases := []struct{ format, in, want string }{
		{"wakati", "安曇野市の防災対策\n", "安曇野 市 の 防災 対策\n"},
		{"mecab", "安曇野市\n", "安曇野\t"},
	}
	for _, c := range cases {
		t.Run(c.format, func(t *testing.T) {
			r := koe(t, c.in, "tokenize", "--format", c.format)
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			if c.format == "wakati" && r.stdout != c.want || !strings.HasPrefix(r.stdout, c.want) {
				t.Errorf("got %q, want %q", r.stdout, c.want)
			}
			if c.format == "mecab" && !strings.HasSuffix(r.stdout, "EOS\n") {
				t.Errorf("mecab output does not end with EOS: %q", r.stdout)
			}
		})
	}
}

func TestUsageAndConfigErrors(t *testing.T) {
	dir := copyStudy(t, "small")
	bad := filepath.Join(t.TempDir(), "bad")
	os.MkdirAll(bad, 0o755)
	os.WriteFile(filepath.Join(bad, "koe.toml"), []byte("title = \"x\"\n[[wave]]\nid = \"A\"\nsurvey = \"s.csv\"\ncodebook = \"cb.toml\"\nbogus = 1\n"), 0o644)
	os.WriteFile(filepath.Join(bad, "cb.toml"), []byte("[[question]]\nid = \"q\"\ncolumn = \"Q\"\nkind = \"singel\"\n"), 0o644)
	cases := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no command", nil, exitUsage, "usage"},
		{"unknown command", []string{"frobnicate"}, exitUsage, "unknown command"},
		{"run without dir", []string{"run"}, exitUsage, "STUDY_DIR"},
		{"not a study", []string{"run", t.TempDir()}, exitUsage, "koe.toml"},
		{"bad config", []string{"run", bad}, exitUsage, "koe.toml:6:1"},
		{"bad codebook kind", []string{"validate", bad}, exitUsage, "cb.toml:4:1"},
		{"validate bad rows", []string{"validate", dir}, exitQuarantined, "survey.csv:25:"},
		{"help schema", []string{"help", "schema"}, exitOK, "CREATE TABLE crosstab_cells"},
		{"help schema, version 3", []string{"help", "schema"}, exitOK, "CREATE TABLE distinctive_terms"},
		{"help run", []string{"help", "run"}, exitOK, "STUDY_DIR"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := koe(t, "", c.args...)
			if r.code != c.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", r.code, c.code, r.stdout, r.stderr)
			}
			if !strings.Contains(r.stdout+r.stderr, c.want) {
				t.Errorf("output lacks %q\nstdout: %s\nstderr: %s", c.want, r.stdout, r.stderr)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); !os.IsNotExist(err) {
		t.Error("validate wrote an output directory")
	}
}

// TestSameSurveyTwice: one export registered for two waves is a warning
// naming koe.toml's line, and repeated quarantine reasons are grouped.
func TestSameSurveyTwice(t *testing.T) {
	dir := copyStudy(t, "small")
	cfg, _ := os.ReadFile(filepath.Join(dir, "koe.toml"))
	cfg = []byte(strings.Replace(string(cfg), "[themes]", "[[wave]]\nid = \"T2\"\nsurvey = \"survey.csv\"\ncodebook = \"codebook.toml\"\n\n[themes]", 1))
	if err := os.WriteFile(filepath.Join(dir, "koe.toml"), cfg, 0o644); err != nil {
		t.Fatal(err)
	}
	r := koe(t, "", "run", dir)
	if r.code != exitQuarantined {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	for _, want := range []string{
		"koe.toml:", "wave T2 reads the same survey file as wave T1",
		"the same bytes as wave T1",
		"quarantined rows: 4 (4 problems in 2 kinds",
		"2× \"…\" is not one of the options of sat_kotsu",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
}

// sharedDir finds ../shared beside the module root, or skips.
func sharedDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared")
	if _, err := os.Stat(filepath.Join(dir, "SPEC.md")); err != nil {
		t.Skip("../shared is absent: the real-data test needs it")
	}
	return dir
}

// TestFukuiRealExport runs the real prefectural survey export (2,215 rows,
// 90 columns, BOM, newlines in cells, one-hot columns with その他 text)
// through the binary, and checks the 年代 × 満足度 crosstab against counts
// made here with encoding/csv, independently of koe's reader.
func TestFukuiRealExport(t *testing.T) {
	src := filepath.Join(sharedDir(t), "realdata", "fukui-survey", "monthly_202410.csv")
	dir := filepath.Join(t.TempDir(), "fukui")
	os.MkdirAll(dir, 0o755)
	raw, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "survey.csv"), raw, 0o644)
	cb, err := os.ReadFile(filepath.Join("..", "..", "ingest", "survey", "testdata", "fukui", "codebook.toml"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "codebook.toml"), cb, 0o644)
	os.WriteFile(filepath.Join(dir, "koe.toml"), []byte("title = \"福井県観光アンケート 2024年10月\"\nseed = 1\n\n[[wave]]\nid = \"2024-10\"\nsurvey = \"survey.csv\"\ncodebook = \"codebook.toml\"\n"), 0o644)

	r := koe(t, "", "run", dir)
	if r.code != exitOK && r.code != exitQuarantined {
		t.Fatalf("koe run: exit %d\n%s", r.code, r.stderr)
	}
	db := openDB(t, filepath.Join(dir, "out", "koe.sqlite"))
	var read, loaded, quar int
	db.QueryRow(`SELECT rows_read, rows_loaded, rows_quarantined FROM waves`).Scan(&read, &loaded, &quar)
	if read != 2215 || read != loaded+quar {
		t.Errorf("rows read/loaded/quarantined = %d/%d/%d; want 2,215 read, all accounted for", read, loaded, quar)
	}

	// Independent count: every data record's 年代 and 満足度.
	cr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))))
	recs, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	want := map[string]int{}
	for _, rec := range recs[1:] {
		age, sat := rec[col["年代"]], rec[col["満足度"]]
		if age != "" && sat != "" {
			want[age+"/"+sat]++
		}
	}
	rows, err := db.Query(`SELECT x.row_code, x.col_code, x.n FROM crosstab_cells x JOIN crosstabs c USING (crosstab_id)
		WHERE c.row_question = 'age' AND c.col_question = 'satisfaction'`)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for rows.Next() {
		var a, s string
		var n int
		rows.Scan(&a, &s, &n)
		if n > 0 {
			got[a+"/"+s] = n
		}
	}
	rows.Close()
	if len(got) == 0 {
		t.Fatal("no age × satisfaction crosstab")
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("年代 × 満足度 %s: koe %d, encoding/csv %d", k, got[k], w)
		}
	}
	for k, g := range got {
		if want[k] == 0 {
			t.Errorf("年代 × 満足度 %s: koe counts %d, encoding/csv none", k, g)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "report", "index.html")); err != nil {
		t.Error(err)
	}
}

// TestReportPDF: `koe report --pdf` prints through Chromium when there is
// one, and says plainly that it is missing when there is none.
func TestReportPDF(t *testing.T) {
	dir := copyStudy(t, "small")
	if r := koe(t, "", "run", dir); r.code != exitQuarantined {
		t.Fatalf("run: exit %d\n%s", r.code, r.stderr)
	}
	// No browser on PATH.
	cmd := exec.Command(koeBin, "report", "--pdf", dir)
	cmd.Env = append(os.Environ(), "PATH="+t.TempDir())
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != exitFailure {
		t.Errorf("report --pdf without a browser: %v, want exit 1", err)
	}
	if !strings.Contains(stderr.String(), "chromium") || !strings.Contains(stderr.String(), "HTML report is written") {
		t.Errorf("the message does not say what is missing: %s", stderr.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "report", "index.html")); err != nil {
		t.Error(err)
	}
	if _, err := exec.LookPath("chromium"); err != nil || testing.Short() {
		return
	}
	r := koe(t, "", "report", "--pdf", dir)
	if r.code != exitOK {
		t.Fatalf("report --pdf: exit %d\n%s", r.code, r.stderr)
	}
	b, err := os.ReadFile(filepath.Join(dir, "out", "report", "report.pdf"))
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Errorf("report.pdf is not a PDF (err %v)", err)
	}
}

// TestGlobalOptions: -v is taken before or after the command; the profile
// options only before it, and they write pprof files.
func TestGlobalOptions(t *testing.T) {
	dir := t.TempDir()
	cpu := filepath.Join(dir, "cpu.prof")
	for _, args := range [][]string{
		{"tokenize", "--format", "wakati", "-v"},
		{"-v", "--cpuprofile=" + cpu, "tokenize", "--format", "wakati"},
	} {
		r := koe(t, "防災対策\n", args...)
		if r.code != exitOK || r.stdout != "防災 対策\n" {
			t.Errorf("%q: exit %d, stdout %q, stderr %s", args, r.code, r.stdout, r.stderr)
		}
	}
	if st, err := os.Stat(cpu); err != nil || st.Size() == 0 {
		t.Errorf("no CPU profile written: %v", err)
	}
	if r := koe(t, "", "tokenize", "--cpuprofile="+cpu); r.code != exitUsage {
		t.Errorf("--cpuprofile after the command: exit %d, want 2 (an unknown flag of tokenize)", r.code)
	}
}
