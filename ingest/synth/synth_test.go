package synth

import (
	"bytes"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/transform"

	"koe/ingest"
)

var update = flag.Bool("update", false, "rewrite data/sample and testdata/studies/small from the generator")

// moduleRoot walks up from the package directory to the one holding go.mod.
func moduleRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test directory")
		}
		dir = parent
	}
}

// TestCommittedFilesMatchGenerator is the golden test: the committed sample
// and small study are exactly what the generator writes. -update rewrites
// them.
func TestCommittedFilesMatchGenerator(t *testing.T) {
	root := moduleRoot(t)
	s, err := buildSample()
	if err != nil {
		t.Fatal(err)
	}
	trees := []struct {
		dir   string
		files []file
	}{
		{filepath.Join(root, "data", "sample"), s.files},
		{filepath.Join(root, "testdata", "studies", "small"), smallFiles()},
	}
	for _, tr := range trees {
		if *update {
			if err := WriteFiles(tr.dir, tr.files); err != nil {
				t.Fatal(err)
			}
			continue
		}
		for _, f := range tr.files {
			t.Run(f.Name, func(t *testing.T) {
				got, err := os.ReadFile(filepath.Join(tr.dir, filepath.FromSlash(f.Name)))
				if err != nil {
					t.Fatalf("%v (run: go run ./cmd/samplegen -out data/sample -small testdata/studies/small)", err)
				}
				if !bytes.Equal(got, f.Data) {
					t.Errorf("%s differs from the generator's output; rerun the generator or go test -update", f.Name)
				}
			})
		}
	}
}

func TestGeneratorIsDeterministic(t *testing.T) {
	a, err := buildSample()
	if err != nil {
		t.Fatal(err)
	}
	b, err := buildSample()
	if err != nil {
		t.Fatal(err)
	}
	if len(a.files) != len(b.files) {
		t.Fatalf("%d files, then %d", len(a.files), len(b.files))
	}
	for i := range a.files {
		if a.files[i].Name != b.files[i].Name || !bytes.Equal(a.files[i].Data, b.files[i].Data) {
			t.Errorf("%s differs between two runs", a.files[i].Name)
		}
	}
}

// TestStudiesLoad checks that both studies pass the shared config parser.
func TestStudiesLoad(t *testing.T) {
	root := moduleRoot(t)
	tests := []struct {
		dir   string
		waves []string
	}{
		{filepath.Join(root, "data", "sample"), []string{"R7", "R8"}},
		{filepath.Join(root, "testdata", "studies", "small"), []string{"T1"}},
	}
	for _, tc := range tests {
		t.Run(filepath.Base(tc.dir), func(t *testing.T) {
			st, err := ingest.LoadStudy(os.DirFS(tc.dir), tc.dir)
			if err != nil {
				t.Fatalf("LoadStudy: %v", err)
			}
			var ids []string
			for _, w := range st.Waves {
				ids = append(ids, w.ID)
				if w.Book == nil {
					t.Errorf("wave %s has no codebook", w.ID)
				}
			}
			if !slices.Equal(ids, tc.waves) {
				t.Errorf("waves %v, want %v", ids, tc.waves)
			}
		})
	}
}

// survey is a survey file read back the way a user's tools would.
type survey struct {
	header []string
	rows   [][]string
	lines  []int // physical line each row starts on
}

func readSurvey(t *testing.T, p string, sjis bool) *survey {
	t.Helper()
	raw, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	var r io.Reader = bytes.NewReader(bytes.TrimPrefix(raw, utf8BOM))
	if sjis {
		r = transform.NewReader(r, japanese.ShiftJIS.NewDecoder())
	}
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	s := &survey{}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		line, _ := cr.FieldPos(0)
		if s.header == nil {
			s.header = rec
			continue
		}
		s.rows = append(s.rows, rec)
		s.lines = append(s.lines, line)
	}
	return s
}

// loadBook returns the first wave's codebook as ingest parses it. A config
// error is logged rather than fatal here: TestStudiesLoad is the test that
// fails on it, and the checks that only need the parsed questions still run.
func loadBook(t *testing.T, dir string) *ingest.Codebook {
	t.Helper()
	st, err := ingest.LoadStudy(os.DirFS(dir), dir)
	if err != nil {
		t.Logf("LoadStudy: %v", err)
	}
	if st == nil || len(st.Waves) == 0 || st.Waves[0].Book == nil {
		t.Fatalf("LoadStudy gave no codebook: %v", err)
	}
	return st.Waves[0].Book
}

// badLines is an independent check of the rows a correct ingest must
// quarantine: wrong field count, a value that is no option, a number cell
// that is no number, a repeated id. It reads the codebook through ingest's
// parser but judges the cells itself.
func badLines(t *testing.T, book *ingest.Codebook, s *survey) map[int]string {
	t.Helper()
	col := map[string]int{}
	for i, h := range s.header {
		col[ingest.NormalizeHeader(h)] = i
	}
	idCol, ok := col[book.IDColumn]
	if !ok {
		t.Fatalf("no id column %q", book.IDColumn)
	}
	bad := map[int]string{}
	seen := map[string]bool{}
	for k, row := range s.rows {
		line := s.lines[k]
		if len(row) != len(s.header) {
			bad[line] = fmt.Sprintf("%d fields", len(row))
			continue
		}
		if seen[row[idCol]] {
			bad[line] = "duplicate id " + row[idCol]
			continue
		}
		seen[row[idCol]] = true
		for _, q := range book.Questions {
			if why := badCell(book, q, col, row); why != "" {
				bad[line] = q.ID + ": " + why
				break
			}
		}
	}
	return bad
}

func badCell(book *ingest.Codebook, q *ingest.Question, col map[string]int, row []string) string {
	isOption := func(v string) bool {
		for _, o := range q.Options {
			if o.Code == v {
				return true
			}
		}
		return false
	}
	if len(q.Columns) > 0 {
		return "" // 0/1 columns accept any text (その他 pattern)
	}
	i, ok := col[q.Column]
	if !ok {
		return "column missing: " + q.Column
	}
	v := ingest.NormalizeHeader(row[i])
	if book.IsMissing(q, v) {
		return ""
	}
	switch q.Kind {
	case ingest.Single, ingest.Likert:
		if !isOption(v) {
			return fmt.Sprintf("%q is no option", v)
		}
	case ingest.Multi:
		for _, part := range strings.Split(v, q.Separator) {
			if !isOption(ingest.NormalizeHeader(part)) {
				return fmt.Sprintf("%q is no option", part)
			}
		}
	case ingest.Number:
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return fmt.Sprintf("%q is no number", v)
		}
		if (q.Min != nil && f < *q.Min) || (q.Max != nil && f > *q.Max) {
			return fmt.Sprintf("%v out of range", f)
		}
	}
	return ""
}

// TestSampleSurveys reads both waves back and checks the properties the
// demo relies on: encodings, row counts, exactly the planned bad rows, and
// enough varied free text.
func TestSampleSurveys(t *testing.T) {
	root := moduleRoot(t)
	dir := filepath.Join(root, "data", "sample")
	book := loadBook(t, dir)
	s, err := buildSample()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range s.waves {
		t.Run(w.id, func(t *testing.T) {
			p := filepath.Join(dir, filepath.FromSlash(w.path))
			raw, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			sjis := w.id == "R8"
			switch {
			case sjis && utf8.Valid(raw):
				t.Error("R8 should be Shift_JIS, but it is valid UTF-8")
			case sjis && !bytes.Contains(raw, []byte("\r\n")):
				t.Error("R8 should end rows with CRLF")
			case !sjis && !bytes.HasPrefix(raw, utf8BOM):
				t.Error("R7 should start with a UTF-8 BOM")
			}
			sv := readSurvey(t, p, sjis)
			if len(sv.rows) != w.rows {
				t.Errorf("%d data rows, want %d", len(sv.rows), w.rows)
			}
			got := badLines(t, book, sv)
			var want []int
			for _, b := range w.bad {
				want = append(want, b.line)
			}
			var gotLines []int
			for l := range got {
				gotLines = append(gotLines, l)
			}
			slices.Sort(gotLines)
			slices.Sort(want)
			if !slices.Equal(gotLines, want) {
				t.Errorf("bad rows at lines %v (%v), want exactly %v", gotLines, got, want)
			}
		})
	}
}

// TestR8FreeText checks the free text of R8 the way the brief asks: decode
// the CSV as Shift_JIS, take the text questions' columns, and count
// distinct non-empty answers; it also looks for the features the masking
// and normalising stages need to meet.
func TestR8FreeText(t *testing.T) {
	root := moduleRoot(t)
	dir := filepath.Join(root, "data", "sample")
	book := loadBook(t, dir)
	sv := readSurvey(t, filepath.Join(dir, "r8", "survey.csv"), true)
	var textCols []int
	for _, q := range book.Questions {
		if q.Kind != ingest.Text {
			continue
		}
		for i, h := range sv.header {
			if ingest.NormalizeHeader(h) == q.Column {
				textCols = append(textCols, i)
			}
		}
	}
	if len(textCols) < 3 {
		t.Fatalf("found %d text columns, want 3", len(textCols))
	}
	distinct := map[string]bool{}
	nonEmpty := 0
	features := map[string]int{}
	checks := []struct {
		name string
		re   *regexp.Regexp
	}{
		{"phone", regexp.MustCompile(`0\d{1,4}-\d{1,4}-\d{4}`)},
		{"email", regexp.MustCompile(`[\w.]+@[\w.]+`)},
		{"postal code", regexp.MustCompile(`〒\d{3}-\d{4}`)},
		{"name + さん/様", regexp.MustCompile(`(田中さん|佐藤様|山口さん|鈴木先生)`)},
		{"half-width kana", regexp.MustCompile(`[ｦ-ﾟ]`)},
		{"full-width alphanumerics", regexp.MustCompile(`[Ａ-Ｚａ-ｚ０-９]`)},
		{"line break", regexp.MustCompile(`\n`)},
		{"bullets", regexp.MustCompile(`(?m)^・`)},
		{"nothing to say", regexp.MustCompile(`^(特になし|なし|特にありません)`)},
		{"local place", regexp.MustCompile(`(穂高駅|豊科駅|明科駅|わさび田|常念岳|北アルプス|拾ヶ堰|国営アルプスあづみの公園|穂高神社)`)},
	}
	for _, row := range sv.rows {
		for _, c := range textCols {
			if c >= len(row) || row[c] == "" {
				continue
			}
			v := row[c]
			nonEmpty++
			distinct[v] = true
			if n := utf8.RuneCountInString(v); n > maxAnswer {
				t.Errorf("answer of %d runes (max %d): %q", n, maxAnswer, v)
			}
			for _, ch := range checks {
				if ch.re.MatchString(v) {
					features[ch.name]++
				}
			}
		}
	}
	if len(distinct) < 600 {
		t.Errorf("%d distinct free-text answers, want at least 600", len(distinct))
	}
	// A third to two thirds of the boxes filled: respondents skip free text.
	boxes := len(sv.rows) * len(textCols)
	if nonEmpty < boxes/3 || nonEmpty > boxes*2/3 {
		t.Errorf("%d of %d text boxes filled", nonEmpty, boxes)
	}
	for _, ch := range checks {
		if features[ch.name] == 0 {
			t.Errorf("no answer shows %s", ch.name)
		}
	}
	t.Logf("%d non-empty answers, %d distinct; features %v", nonEmpty, len(distinct), features)
}

// TestPopulationMargins pins population.csv. Expected counts by hand:
// area = 95,868 × (565, 694, 377, 182, 182)/2000 = 27082.71, 33266.20,
// 18071.12, 8723.99, 8723.99; floors sum to 95,865 and the three largest
// remainders (.99, .99, .71) get one each. age = 95,868 × (11.5, 11.5,
// 15.5, 16, 16, 29.5)% = 11024.82, 11024.82, 14859.54, 15338.88, 15338.88,
// 28281.06; floors sum to 95,864 and the four largest remainders (.88,
// .88, .82, .82) get one each. sex is facts S4 as published.
func TestPopulationMargins(t *testing.T) {
	want := `question,option,count
area,豊科,27083
area,穂高,33266
area,三郷,18071
area,堀金,8724
area,明科,8724
age,18～29歳,11025
age,30代,11025
age,40代,14859
age,50代,15339
age,60代,15339
age,70歳以上,28281
sex,男性,46561
sex,女性,49307
`
	if got := string(populationCSV()); got != want {
		t.Errorf("population.csv:\n%s\nwant:\n%s", got, want)
	}
}

func TestLargestRemainder(t *testing.T) {
	tests := []struct {
		name   string
		total  int
		shares []float64
		want   []int
	}{
		{"even", 9, []float64{1, 1, 1}, []int{3, 3, 3}},
		// 10/3 = 3.33 each: one left over, to the first of equal remainders.
		{"tie", 10, []float64{1, 1, 1}, []int{4, 3, 3}},
		// 7 × (0.5, 0.3, 0.2) = 3.5, 2.1, 1.4: floors 3, 2, 1 and the one
		// left goes to the largest remainder, .5.
		{"uneven", 7, []float64{5, 3, 2}, []int{4, 2, 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := largestRemainder(tc.total, tc.shares); !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

// TestSmallStudy checks the small study against EXPECTED.md's numbers,
// which were counted from survey.csv by a separate script (see there).
func TestSmallStudy(t *testing.T) {
	dir := filepath.Join(moduleRoot(t), "testdata", "studies", "small")
	book := loadBook(t, dir)
	sv := readSurvey(t, filepath.Join(dir, "survey.csv"), false)
	if len(sv.rows) != 40 {
		t.Errorf("rows_read %d, want 40", len(sv.rows))
	}
	bad := badLines(t, book, sv)
	var lines []int
	for l := range bad {
		lines = append(lines, l)
	}
	slices.Sort(lines)
	if want := []int{25, 33}; !slices.Equal(lines, want) {
		t.Errorf("bad lines %v (%v), want %v", lines, bad, want)
	}
	// settle × area over loaded rows, from EXPECTED.md.
	want := map[[2]string]int{
		{"豊科", "住み続けたい"}: 9, {"豊科", "どちらともいえない"}: 3, {"豊科", "移りたい"}: 1,
		{"穂高", "住み続けたい"}: 8, {"穂高", "どちらともいえない"}: 2, {"穂高", "移りたい"}: 3,
		{"明科", "住み続けたい"}: 4, {"明科", "どちらともいえない"}: 4, {"明科", "移りたい"}: 4,
	}
	got := map[[2]string]int{}
	for k, row := range sv.rows {
		if _, isBad := bad[sv.lines[k]]; isBad {
			continue
		}
		got[[2]string{row[1], row[3]}]++
	}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("%s × %s: %d, want %d", k[0], k[1], got[k], n)
		}
	}
}

// TestWorkshops checks the transcripts' shape: front matter, groups, and
// 30 to 60 utterances each; one file is Shift_JIS.
func TestWorkshops(t *testing.T) {
	files, err := workshopFiles()
	if err != nil {
		t.Fatal(err)
	}
	utter := regexp.MustCompile(`^[^\s:：#][^:：]{0,15}[:：]`)
	for _, f := range files {
		t.Run(f.Name, func(t *testing.T) {
			text := string(f.Data)
			if !utf8.ValidString(text) {
				dec, err := japanese.ShiftJIS.NewDecoder().String(text)
				if err != nil {
					t.Fatal(err)
				}
				text = strings.ReplaceAll(dec, "\r\n", "\n")
			}
			if strings.HasSuffix(f.Name, ".csv") {
				recs, err := csv.NewReader(strings.NewReader(text)).ReadAll()
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(recs[0], []string{"group", "text", "年代"}) {
					t.Errorf("header %v", recs[0])
				}
				if n := len(recs) - 1; n < 50 || n > 70 {
					t.Errorf("%d notes, want about 60", n)
				}
				return
			}
			if !strings.HasPrefix(text, "---\nid: ") || !strings.Contains(text, "\n## ") {
				t.Errorf("missing front matter or groups")
			}
			body := text[strings.Index(text[4:], "---\n")+8:]
			n := 0
			for _, line := range strings.Split(body, "\n") {
				if utter.MatchString(line) {
					n++
				}
			}
			if n < 30 || n > 60 {
				t.Errorf("%d utterances, want 30 to 60", n)
			}
		})
	}
}

// FuzzRenderCSV checks that what renderCSV writes reads back cell for cell
// with encoding/csv, and that the start lines it reports are the ones the
// reader sees.
func FuzzRenderCSV(f *testing.F) {
	f.Add("a", "b,c", "d")
	f.Add("改行\nあり", `"引用"`, "")
	f.Add("", "\r\n", "x")
	f.Fuzz(func(t *testing.T, a, b, c string) {
		rows := [][]string{{a, b, c}, {c, a, b}, {"1", "2", "3"}}
		data, starts := renderCSV(rows, "\r\n")
		cr := csv.NewReader(bytes.NewReader(data))
		cr.FieldsPerRecord = -1
		for i, want := range rows {
			got, err := cr.Read()
			if err != nil {
				t.Fatalf("row %d: %v", i, err)
			}
			line, _ := cr.FieldPos(0)
			if line != starts[i] {
				t.Errorf("row %d starts on line %d, renderCSV said %d", i, line, starts[i])
			}
			for j := range want {
				// encoding/csv reads CRLF inside a quoted cell as LF.
				w := strings.ReplaceAll(want[j], "\r\n", "\n")
				if !utf8.ValidString(w) {
					return // the reader replaces nothing, but comparisons of invalid text say little
				}
				if got[j] != w {
					t.Errorf("row %d cell %d: %q, want %q", i, j, got[j], w)
				}
			}
		}
	})
}

// Example_renderCSV shows the Excel-style quoting the sample surveys use.
func Example_renderCSV() {
	data, starts := renderCSV([][]string{
		{"回答者ID", "問13 市政への意見・要望"},
		{"1", "バスを増やして, 夜も"},
		{"2", "一行目\n二行目"},
		{"3", `"安曇野ブランド"を大切に`},
	}, "\n")
	fmt.Print(string(data))
	fmt.Println(starts)
	// Output:
	// 回答者ID,問13 市政への意見・要望
	// 1,"バスを増やして, 夜も"
	// 2,"一行目
	// 二行目"
	// 3,"""安曇野ブランド""を大切に"
	// [1 2 3 5]
}
