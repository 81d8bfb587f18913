package survey

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"

	"koe/ingest"
	"koe/ingest/csvx"
	"koe/ingest/textenc"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// collect is a Sink that keeps everything, for tests.
type collect struct {
	resp []*ingest.Respondent
	quar []ingest.Quarantined
}

func (c *collect) Respondent(r *ingest.Respondent) error { c.resp = append(c.resp, r); return nil }
func (c *collect) Quarantine(q ingest.Quarantined) error { c.quar = append(c.quar, q); return nil }

func loadBook(t testing.TB, path string) *ingest.Codebook {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cb, err := ingest.ParseCodebook(b, path)
	if err != nil {
		t.Fatalf("codebook: %v", err)
	}
	return cb
}

func parseBook(t testing.TB, text string) *ingest.Codebook {
	t.Helper()
	cb, err := ingest.ParseCodebook([]byte(text), "codebook.toml")
	if err != nil {
		t.Fatalf("codebook: %v", err)
	}
	return cb
}

// dump renders what a read produced, one line per record, for golden files
// and for comparing two reads.
func dump(res Result, c *collect, withMeta bool) string {
	var b strings.Builder
	if withMeta {
		fmt.Fprintf(&b, "read=%d loaded=%d quarantined=%d blank=%d encoding=%s separator=%q header=%d\n",
			res.Stats.RowsRead, res.Stats.RowsLoaded, res.Stats.RowsQuarantined, res.BlankRows, res.Encoding, res.Separator, res.HeaderLine)
	}
	for _, r := range c.resp {
		fmt.Fprintf(&b, "R line=%d id=%s", r.Line, r.ID)
		for _, a := range r.Answers {
			fmt.Fprintf(&b, " %s=%s", a.QuestionID, a.Code)
			if a.Value != nil {
				fmt.Fprintf(&b, "(%s)", strconv.FormatFloat(*a.Value, 'g', -1, 64))
			}
		}
		b.WriteByte('\n')
		for _, d := range r.Docs {
			fmt.Fprintf(&b, "  D line=%d %s/%s/%s %q\n", d.Line, d.WaveID, d.RespondentID, d.QuestionID, d.Text)
		}
	}
	for _, q := range c.quar {
		fmt.Fprintf(&b, "Q %s:%d:%d [%s] %s raw=%q\n", q.SourcePath, q.Line, q.Column, q.ColumnName, q.Reason, q.Raw)
	}
	if withMeta {
		for _, w := range res.Warnings {
			fmt.Fprintf(&b, "W %s\n", w)
		}
	}
	return b.String()
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (go test -update rewrites it):\n got:\n%s\nwant:\n%s", path, got, want)
	}
}

type qpos struct{ line, col int }

func quarPos(c *collect) []qpos {
	var out []qpos
	for _, q := range c.quar {
		out = append(out, qpos{q.Line, q.Column})
	}
	return out
}

// TestBasic reads testdata/basic: every kind, every way a row can fail. The
// expected counts and positions come from the comments in the fixture's
// generator, restated here: rows on lines 2, 3–4, 5, 9 and 15 are clean;
// 6 (unknown area, "abc" years), 7 (years 150 > max 100), 8 (3 cells),
// 10 (id 2 again, first on line 3), 12 (empty id), 13 (unknown likert
// value, unknown multi choice, 1,000 > 100) and 14 (a 14th cell that is not
// empty) are quarantined; line 11 has only empty cells.
func TestBasic(t *testing.T) {
	dir := filepath.Join("testdata", "basic")
	cb := loadBook(t, filepath.Join(dir, "codebook.toml"))
	raw, err := os.ReadFile(filepath.Join(dir, "survey.csv"))
	if err != nil {
		t.Fatal(err)
	}
	var c collect
	res, err := Read(bytes.NewReader(raw), "basic/survey.csv", "R8", cb, &c)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	want := ingest.WaveStats{RowsRead: 12, RowsLoaded: 5, RowsQuarantined: 7}
	if res.Stats != want {
		t.Errorf("stats = %+v, want %+v", res.Stats, want)
	}
	if res.BlankRows != 1 {
		t.Errorf("blank rows = %d, want 1", res.BlankRows)
	}
	wantQ := []qpos{{6, 2}, {6, 9}, {7, 9}, {8, 0}, {10, 1}, {12, 1}, {13, 4}, {13, 5}, {13, 9}, {14, 0}}
	if got := quarPos(&c); fmt.Sprint(got) != fmt.Sprint(wantQ) {
		t.Errorf("quarantine positions = %v, want %v", got, wantQ)
	}
	var lines []int
	for _, r := range c.resp {
		lines = append(lines, r.Line)
	}
	if fmt.Sprint(lines) != "[2 3 5 9 15]" {
		t.Errorf("loaded lines = %v, want [2 3 5 9 15]", lines)
	}
	sum := sha256Hex(raw)
	if res.SHA256 != sum {
		t.Errorf("sha256 = %s, want %s", res.SHA256, sum)
	}
	if res.Encoding != string(textenc.UTF8) || res.Separator != "," {
		t.Errorf("encoding %s separator %q", res.Encoding, res.Separator)
	}
	out := dump(res, &c, true)
	for _, secret := range []string{"安曇野太郎", "taro@example.jp"} {
		if strings.Contains(out, secret) {
			t.Errorf("personal data %q reached the output", secret)
		}
	}
	golden(t, filepath.Join(dir, "want.txt"), out)
}

// TestEncodings reads the basic fixture re-encoded the ways exports arrive
// and expects the same respondents and quarantine as the UTF-8 original.
func TestEncodings(t *testing.T) {
	dir := filepath.Join("testdata", "basic")
	raw, err := os.ReadFile(filepath.Join(dir, "survey.csv"))
	if err != nil {
		t.Fatal(err)
	}
	// CP932 has no ✓; the fixture's ✓ (a "chosen" mark) becomes ○, which
	// means the same.
	// The WAVE DASH of "30〜40代" is typed as FULLWIDTH TILDE on Windows,
	// the only form CP932 has.
	sjisText := strings.NewReplacer("✓", "○", "〜", "～").Replace(string(raw))
	sjis, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(sjisText))
	if err != nil {
		t.Fatalf("encode cp932: %v", err)
	}
	tsv := toTabs(t, string(raw))
	utf16le, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(tsv))
	if err != nil {
		t.Fatal(err)
	}
	utf16be, err := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(tsv))
	if err != nil {
		t.Fatal(err)
	}
	bom := append([]byte{0xEF, 0xBB, 0xBF}, raw...)

	cb := loadBook(t, filepath.Join(dir, "codebook.toml"))
	var ref collect
	if _, err := Read(bytes.NewReader(raw), "s.csv", "R8", cb, &ref); err != nil {
		t.Fatal(err)
	}
	refDump := dump(Result{}, &ref, false)
	tests := []struct {
		name     string
		in       []byte
		encoding string // the codebook's
		enc      string
		sep      string
	}{
		{"utf-8 bom", bom, "auto", string(textenc.UTF8BOM), ","},
		{"cp932 auto", sjis, "auto", string(textenc.CP932), ","},
		{"cp932 named", sjis, "cp932", string(textenc.CP932), ","},
		{"utf-16le bom tabs", utf16le, "auto", string(textenc.UTF16LE), "\t"},
		{"utf-16be bom tabs", utf16be, "utf-16", string(textenc.UTF16BE), "\t"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cb := loadBook(t, filepath.Join(dir, "codebook.toml"))
			cb.Encoding = tc.encoding
			var c collect
			res, err := Read(bytes.NewReader(tc.in), "s.csv", "R8", cb, &c)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if res.Encoding != tc.enc || res.Separator != tc.sep {
				t.Errorf("encoding %s separator %q, want %s %q", res.Encoding, res.Separator, tc.enc, tc.sep)
			}
			got := dump(Result{}, &c, false)
			if tc.enc == string(textenc.CP932) {
				got = strings.ReplaceAll(got, "○", "✓")
			}
			if tc.sep == "\t" {
				// Raw rows of ragged lines are joined with the separator.
				got = strings.ReplaceAll(got, `\t`, ",")
			}
			if got != refDump {
				t.Errorf("differs from the UTF-8 read:\n got:\n%s\nwant:\n%s", got, refDump)
			}
			if res.SHA256 != sha256Hex(tc.in) {
				t.Errorf("sha256 is not that of the bytes read")
			}
		})
	}
}

// toTabs rewrites CSV text as tab-separated text with the same records on
// the same lines, the way Excel's "Unicode text" export would.
func toTabs(t *testing.T, s string) string {
	r := csvx.NewReader(strings.NewReader(s), "x")
	var b strings.Builder
	line := 1
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		for line < rec.Line {
			b.WriteString("\n")
			line++
		}
		for i, f := range rec.Fields {
			if i > 0 {
				b.WriteByte('\t')
			}
			if strings.ContainsAny(f, "\t\"\n") {
				f = `"` + strings.ReplaceAll(f, `"`, `""`) + `"`
			}
			b.WriteString(f)
		}
		b.WriteString("\r\n")
		line = rec.EndLine + 1
	}
	return b.String()
}

func TestKinds(t *testing.T) {
	tests := []struct {
		name    string
		book    string
		csv     string
		want    string // dump without meta
		read    int
		loaded  int
		quarPos []qpos
	}{
		{
			name: "header_rows 2 and column number with repeated headers",
			book: `header_rows = 2
[[question]]
id = "sat_a"
column = 2
kind = "single"
options = ["はい", "いいえ"]
[[question]]
id = "sat_b"
column = 3
kind = "single"
options = ["はい", "いいえ"]
`,
			csv:    "問1,問2 A,問2 B\nID,満足,満足\n1,はい,いいえ\n2,いいえ,無効\n",
			want:   "R line=3 id=1 sat_a=はい sat_b=いいえ\nQ t.csv:4:3 [満足] \"無効\" is not one of the options of sat_b (allowed: はい, いいえ; or leave the cell empty for no answer) raw=\"無効\"\n",
			read:   2,
			loaded: 1, quarPos: []qpos{{4, 3}},
		},
		{
			name: "google forms multi with commas inside labels",
			book: `[[question]]
id = "why"
column = "理由"
kind = "multi"
separator = ", "
options = ["自然, 景観", "交通", "子育て, 教育", "自然"]
`,
			csv: "理由\n\"自然, 景観, 交通\"\n\"交通, 自然\"\n\"子育て, 教育,自然, 景観\"\n\"自然, 海\"\n",
			want: "R line=2 id=1 why=自然, 景観 why=交通\nR line=3 id=2 why=交通 why=自然\nR line=4 id=3 why=自然, 景観 why=子育て, 教育\n" +
				"Q t.csv:5:1 [理由] \"海\" in this cell is not among the options of why (allowed: 自然, 景観, 交通, 子育て, 教育, 自然; separated by \", \") raw=\"自然, 海\"\n",
			read: 4, loaded: 3, quarPos: []qpos{{5, 1}},
		},
		{
			name: "newline separated multi and coded options",
			book: `[[question]]
id = "how"
column = "手段"
kind = "multi"
separator = "\n"
options = [{code = "car", label = "自家用車"}, {code = "bus", label = "バス"}]
`,
			csv:  "手段\n\"自家用車\nバス\n\"\nbus\n",
			want: "R line=2 id=1 how=car how=bus\nR line=5 id=2 how=bus\n",
			read: 2, loaded: 2,
		},
		{
			name: "coded single matches code before label",
			book: `[[question]]
id = "q"
column = "q"
kind = "single"
options = [{code = "1", label = "2"}, {code = "2", label = "はい"}]
`,
			csv:  "q\n2\nはい\n１\n",
			want: "R line=2 id=1 q=2\nR line=3 id=2 q=2\nR line=4 id=3 q=1\n",
			read: 3, loaded: 3,
		},
		{
			name: "numbers",
			book: `[[question]]
id = "n"
column = "n"
kind = "number"
`,
			csv: "n\n１２３\n\"1,234.5\"\n-3\n\"１，０００\"\n\"12,34\"\n1e3\nNaN\n3.\n",
			want: "R line=2 id=1 n=(123)\nR line=3 id=2 n=(1234.5)\nR line=4 id=3 n=(-3)\nR line=5 id=4 n=(1000)\n" +
				"Q t.csv:6:1 [n] \"12,34\" is not a number (write digits, such as 42, 1,234 or 3.5) raw=\"12,34\"\n" +
				"Q t.csv:7:1 [n] \"1e3\" is not a number (write digits, such as 42, 1,234 or 3.5) raw=\"1e3\"\n" +
				"Q t.csv:8:1 [n] \"NaN\" is not a number (write digits, such as 42, 1,234 or 3.5) raw=\"NaN\"\n" +
				"Q t.csv:9:1 [n] \"3.\" is not a number (write digits, such as 42, 1,234 or 3.5) raw=\"3.\"\n",
			read: 8, loaded: 4, quarPos: []qpos{{6, 1}, {7, 1}, {8, 1}, {9, 1}},
		},
		{
			name: "one column per option with other text",
			book: `missing = ["無回答"]
[[question]]
id = "m"
kind = "multi"
columns = ["車", "その他"]
`,
			csv: "車,その他\n1,\n0,家族の送迎\n〇,無回答\n,\n",
			// Line 5 has only empty cells: not a respondent, not read.
			want: "R line=2 id=1 m=車\nR line=3 id=2 m=その他\n  D line=3 R8/2/m \"家族の送迎\"\nR line=4 id=3 m=車\n",
			read: 3, loaded: 3,
		},
		{
			name: "likert scores from coded options",
			book: `[[question]]
id = "l"
column = "l"
kind = "likert"
options = [{code = "5", label = "とても満足", score = 2}, {code = "1", label = "とても不満", score = -2}]
`,
			csv:  "l\nとても満足\n1\n",
			want: "R line=2 id=1 l=5(2)\nR line=3 id=2 l=1(-2)\n",
			read: 2, loaded: 2,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var c collect
			res, err := Read(strings.NewReader(tc.csv), "t.csv", "R8", parseBook(t, tc.book), &c)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if got := dump(res, &c, false); got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
			if res.Stats.RowsRead != tc.read || res.Stats.RowsLoaded != tc.loaded || res.Stats.RowsQuarantined != tc.read-tc.loaded {
				t.Errorf("stats %+v, want read %d loaded %d", res.Stats, tc.read, tc.loaded)
			}
			if fmt.Sprint(quarPos(&c)) != fmt.Sprint(tc.quarPos) {
				t.Errorf("quarantine at %v, want %v", quarPos(&c), tc.quarPos)
			}
		})
	}
}

func TestFatal(t *testing.T) {
	const single = `[[question]]
id = "area"
column = "地区"
kind = "single"
options = ["豊科"]
`
	tests := []struct {
		name string
		book string
		in   []byte
		msg  string // the whole error text
		kind string // "config", "decode", "parse"
	}{
		{"missing header with suggestion", single, []byte("地区名,年代\n豊科,1\n"),
			"codebook.toml:1:1: question area names column \"地区\", which is not in the header of s.csv (line 1); did you mean \"地区名\"?", "config"},
		{"duplicate header", single, []byte("ID,地区,年代,地区\n1,豊科,1,豊科\n"),
			"codebook.toml:1:1: question area names column \"地区\", which occurs 2 times in the header (s.csv:1:2 and s.csv:1:4); use column = 2 or column = 4 instead", "config"},
		{"missing id column", "id_column = \"回答者番号\"\n" + single, []byte("地区\n豊科\n"),
			"codebook.toml:1:1: id_column names column \"回答者番号\", which is not in the header of s.csv (line 1)", "config"},
		{"column number past the header", "[[question]]\nid = \"x\"\ncolumn = 5\nkind = \"text\"\n", []byte("a,b\n1,2\n"),
			"codebook.toml:1:1: question x names column 5, but the header of s.csv has 2 columns", "config"},
		{"no header", single, []byte(""),
			"s.csv:1:1: the file has 0 record(s) but the codebook expects 1 header row(s)", "config"},
		{"bad utf-8", "encoding = \"utf-8\"\n" + single, append([]byte("地区\n豊科\n"), 0xFF, '\n'),
			"s.csv:3:1: bytes FF at byte offset 14 are not valid UTF-8", "decode"},
		{"unclosed quote", single, []byte("地区\n豊科\n\"豊科\n"),
			"s.csv:3:1: this quoted cell never closes: its opening \" runs to the end of the file (is there a stray \" at the start of the cell?)", "parse"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var c collect
			_, err := Read(bytes.NewReader(tc.in), "s.csv", "R8", parseBook(t, tc.book), &c)
			if err == nil {
				t.Fatal("no error")
			}
			if err.Error() != tc.msg {
				t.Errorf("error\n got %q\nwant %q", err.Error(), tc.msg)
			}
			var de *textenc.DecodeError
			var pe *csvx.ParseError
			ok := map[string]bool{"config": IsConfigError(err), "decode": errors.As(err, &de), "parse": errors.As(err, &pe)}[tc.kind]
			if !ok {
				t.Errorf("error %T is not a %s error", err, tc.kind)
			}
		})
	}
}

// TestQuestionLineInErrors checks that header errors point at the
// question's own line in the codebook.
func TestQuestionLineInErrors(t *testing.T) {
	book := "[[question]]\nid = \"a\"\ncolumn = \"a\"\nkind = \"text\"\n\n[[question]]\nid = \"b\"\ncolumn = \"b\"\nkind = \"text\"\n"
	_, err := Read(strings.NewReader("a,c\n1,2\n"), "s.csv", "R8", parseBook(t, book), &collect{})
	if err == nil || !strings.HasPrefix(err.Error(), "codebook.toml:6:1: question b names column \"b\"") {
		t.Errorf("err = %v, want it located at codebook.toml:6", err)
	}
}

type failSink struct{ collect }

func (f *failSink) Respondent(*ingest.Respondent) error { return errors.New("disk full") }

func TestSinkError(t *testing.T) {
	book := "[[question]]\nid = \"a\"\ncolumn = \"a\"\nkind = \"text\"\n"
	_, err := Read(strings.NewReader("a\nx\n"), "s.csv", "R8", parseBook(t, book), &failSink{})
	if err == nil || err.Error() != "wave R8: s.csv:2: respondent 1: disk full" {
		t.Errorf("err = %v", err)
	}
}

func TestLooksPersonal(t *testing.T) {
	tests := []struct {
		header string
		want   bool
	}{
		{"氏名", true}, {"問25 お名前（任意）", true}, {"E-mail", true}, {"ご住所", true}, {"電話番号", true},
		{"お住まいの地区", false}, {"年代", false}, {"メールでの情報発信について", false}, {"問20 10年後の安曇野市に望むこと", false},
	}
	for _, tc := range tests {
		t.Run(tc.header, func(t *testing.T) {
			if got := looksPersonal(tc.header); got != tc.want {
				t.Errorf("looksPersonal(%q) = %v, want %v", tc.header, got, tc.want)
			}
		})
	}
}

func ExampleRead() {
	book, _ := ingest.ParseCodebook([]byte(`
[[question]]
id = "area"
column = "お住まいの地区"
kind = "single"
options = ["豊科", "穂高", "三郷", "堀金", "明科"]
`), "codebook.toml")
	csv := "お住まいの地区\n穂高\n松本\n"
	var sink collect
	res, err := Read(strings.NewReader(csv), "survey.csv", "R8", book, &sink)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("read %d, loaded %d, quarantined %d\n", res.Stats.RowsRead, res.Stats.RowsLoaded, res.Stats.RowsQuarantined)
	for _, q := range sink.quar {
		fmt.Printf("%s:%d:%d: %s\n", q.SourcePath, q.Line, q.Column, q.Reason)
	}
	// Output:
	// read 2, loaded 1, quarantined 1
	// survey.csv:3:1: "松本" is not one of the options of area (allowed: 豊科, 穂高, 三郷, 堀金, 明科; or leave the cell empty for no answer)
}

func sha256Hex(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}
