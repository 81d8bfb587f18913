package draft

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"koe/ingest"
)

// csvOf renders a table as CSV, quoting every cell.
func csvOf(rows ...[]string) string {
	var b strings.Builder
	for _, r := range rows {
		for i, c := range r {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`"` + strings.ReplaceAll(c, `"`, `""`) + `"`)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// columns builds a CSV from named columns of equal length.
func columns(headers []string, cols ...[]string) string {
	rows := [][]string{headers}
	for i := range cols[0] {
		r := make([]string, len(cols))
		for j := range cols {
			r[j] = cols[j][i]
		}
		rows = append(rows, r)
	}
	return csvOf(rows...)
}

// times repeats each value n times, cycling, to make len(vals)*n cells.
func times(n int, vals ...string) []string {
	var out []string
	for i := 0; i < n; i++ {
		out = append(out, vals...)
	}
	return out
}

func draftString(t *testing.T, text string) *Result {
	t.Helper()
	res, err := Draft(strings.NewReader(text), "t.csv", Options{})
	if err != nil {
		t.Fatalf("Draft: %v\ninput:\n%s", err, text)
	}
	if _, err := ingest.ParseCodebook([]byte(res.Codebook), "codebook.toml"); err != nil {
		t.Fatalf("drafted codebook does not parse: %v\n%s", err, res.Codebook)
	}
	return res
}

func question(res *Result, header string) *Question {
	for _, q := range res.Questions {
		if q.Header == header {
			return q
		}
	}
	return nil
}

func labels(q *Question) []string {
	var out []string
	for _, o := range q.Options {
		out = append(out, o.Label)
	}
	return out
}

func scoresOf(q *Question) []float64 {
	var out []float64
	for _, o := range q.Options {
		if o.HasScore {
			out = append(out, o.Score)
		}
	}
	return out
}

// idCol is a unique respondent number column, so that the columns under
// test are not taken for the id.
func idCol(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprint(i + 1)
	}
	return out
}

// one builds a two-column file: an id column and the column under test.
func one(header string, vals []string) string {
	return columns([]string{"ID", header}, idCol(len(vals)), vals)
}

func TestGuessKinds(t *testing.T) {
	many := func(prefix string, n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = fmt.Sprintf("%s%d番目の回答です。バスの本数や公園のことなど、思うことを書きました（%d）", prefix, i, i*7%13)
		}
		return out
	}
	tests := []struct {
		name, csv, header string
		kind              ingest.Kind
		options           []string  // nil: not checked
		scores            []float64 // nil: not checked
		separator         string
		missing           []string
	}{
		{name: "likert satisfaction, 5 points", csv: one("問2 満足度", times(3, "満足", "やや満足", "どちらともいえない", "やや不満", "不満", "満足")),
			header: "問2 満足度", kind: ingest.Likert,
			options: []string{"満足", "やや満足", "どちらともいえない", "やや不満", "不満"}, scores: []float64{2, 1, 0, -1, -2}},
		{name: "likert importance, 4 points", csv: one("重要度", times(3, "重要", "やや重要", "あまり重要でない", "重要でない")),
			header: "重要度", kind: ingest.Likert,
			options: []string{"重要", "やや重要", "あまり重要でない", "重要でない"}, scores: []float64{2, 1, -1, -2}},
		{name: "likert agreement with an unseen point", csv: one("Q1", times(3, "そう思う", "ややそう思う", "どちらともいえない", "あまりそう思わない")),
			header: "Q1", kind: ingest.Likert,
			options: []string{"そう思う", "ややそう思う", "どちらともいえない", "あまりそう思わない", "そう思わない"}, scores: []float64{2, 1, 0, -1, -2}},
		{name: "likert good/bad with 普通", csv: one("評価", times(2, "良い", "やや良い", "普通", "やや悪い", "悪い")),
			header: "評価", kind: ingest.Likert,
			options: []string{"良い", "やや良い", "普通", "やや悪い", "悪い"}},
		{name: "likert with とても and どちらでもない (Fukui wording)", csv: one("満足度", times(2, "とても満足", "満足", "どちらでもない", "不満", "とても不満")),
			header: "満足度", kind: ingest.Likert,
			options: []string{"とても満足", "満足", "どちらでもない", "不満", "とても不満"}, scores: []float64{2, 1, 0, -1, -2}},
		{name: "likert: a rare value off the scale becomes missing",
			csv:    one("満足度", append(times(40, "満足", "やや満足", "どちらともいえない", "やや不満", "不満"), "まあまあ満足")),
			header: "満足度", kind: ingest.Likert, missing: []string{"まあまあ満足"}},
		{name: "single: districts in the city's order", csv: one("地区", times(3, "明科", "穂高", "豊科", "穂高")),
			header: "地区", kind: ingest.Single, options: []string{"豊科", "穂高", "明科"}},
		{name: "single: by frequency", csv: one("交通手段", append(times(3, "車", "車", "バス", "自転車"), "車")),
			header: "交通手段", kind: ingest.Single, options: []string{"車", "バス", "自転車"}},
		{name: "single: numeric codes in numeric order", csv: one("利用頻度", times(3, "10", "2", "1", "2")),
			header: "利用頻度", kind: ingest.Single, options: []string{"1", "2", "10"}},
		{name: "single: labels in the order of their numbers", csv: one("年代", times(3, "20代", "10代", "10歳未満", "80歳以上")),
			header: "年代", kind: ingest.Single, options: []string{"10歳未満", "10代", "20代", "80歳以上"}},
		{name: "single: amounts with commas are labels, not a multi",
			csv:    one("宿泊費", times(3, "1,000円以上 3,000円未満", "1,000円未満", "3,000円以上")),
			header: "宿泊費", kind: ingest.Single, options: []string{"1,000円未満", "1,000円以上 3,000円未満", "3,000円以上"}},
		{name: "multi joined by ;", csv: one("魅力", times(2, "自然;食べ物", "自然", "食べ物", "温泉", "自然;温泉", "食べ物;温泉")),
			header: "魅力", kind: ingest.Multi, separator: ";", options: []string{"自然", "食べ物", "温泉"}},
		{name: "multi joined by newlines", csv: one("目的ALL", times(2, "温泉\n食事\n", "温泉\n", "食事\n", "買い物\n", "食事\n買い物\n")),
			header: "目的ALL", kind: ingest.Multi, separator: "\n", options: []string{"温泉", "食事", "買い物"}},
		{name: "multi joined by Google Forms' comma and space", csv: one("理由", times(2, "自然, 交通", "自然", "交通", "子育て", "交通, 子育て")),
			header: "理由", kind: ingest.Multi, separator: ", ", options: []string{"自然", "交通", "子育て"}},
		{name: "multi joined by 、", csv: one("理由", times(2, "自然、交通", "自然", "交通", "子育て", "自然、子育て")),
			header: "理由", kind: ingest.Multi, separator: "、", options: []string{"自然", "交通", "子育て"}},
		{name: "multi joined by |", csv: one("理由", times(2, "自然|交通", "自然", "交通", "子育て", "自然|子育て")),
			header: "理由", kind: ingest.Multi, separator: "|", options: []string{"自然", "交通", "子育て"}},
		{name: "number with full-width digits and thousands separators", csv: one("費用", times(3, "１２", "1,234", "3.5", "0", "12,000")),
			header: "費用", kind: ingest.Number},
		{name: "number: small integers with a quantity word", csv: one("家族の人数", times(3, "1", "2", "3", "2")),
			header: "家族の人数", kind: ingest.Number},
		{name: "number: a rare non-number becomes missing", csv: one("人数", append(times(40, "1", "2", "3", "4", "5"), "たくさん")),
			header: "人数", kind: ingest.Number, missing: []string{"たくさん"}},
		{name: "text: long and varied", csv: one("ご意見", many("意見", 30)), header: "ご意見", kind: ingest.Text},
		{name: "text: a few repeated answers do not make it closed",
			csv: one("ご意見", append(many("要望", 12), times(6, "特になし")...)), header: "ご意見", kind: ingest.Text},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := draftString(t, tt.csv)
			q := question(res, tt.header)
			if q == nil {
				t.Fatalf("no question for %q:\n%s", tt.header, res.Codebook)
			}
			if q.Kind != tt.kind {
				t.Fatalf("kind %s, want %s:\n%s", q.Kind, tt.kind, res.Codebook)
			}
			if tt.options != nil && !reflect.DeepEqual(labels(q), tt.options) {
				t.Errorf("options %q, want %q", labels(q), tt.options)
			}
			if tt.scores != nil && !reflect.DeepEqual(scoresOf(q), tt.scores) {
				t.Errorf("scores %v, want %v", scoresOf(q), tt.scores)
			}
			if q.Separator != tt.separator {
				t.Errorf("separator %q, want %q", q.Separator, tt.separator)
			}
			if tt.missing != nil && !reflect.DeepEqual(q.Missing, tt.missing) {
				t.Errorf("missing %q, want %q", q.Missing, tt.missing)
			}
		})
	}
}

func TestGuessBlocks(t *testing.T) {
	tests := []struct {
		name    string
		csv     string
		want    [][]string // columns of each multi question drafted
		options [][]string // their options (nil: headers are the labels)
		notes   string     // a note the first block must carry
	}{
		{name: "Q5_1… with 0/1",
			csv: columns([]string{"ID", "Q5_1", "Q5_2", "Q5_3"}, idCol(8),
				times(4, "1", "0"), times(4, "0", "1"), times(2, "1", "1", "0", "0")),
			want: [][]string{{"Q5_1", "Q5_2", "Q5_3"}}, options: [][]string{nil}},
		{name: "問5[自然]… with ○ and empty",
			csv: columns([]string{"ID", "問5[自然]", "問5[交通]", "問5[子育て]"}, idCol(6),
				times(3, "○", ""), times(3, "", "○"), times(2, "○", "", "")),
			want: [][]string{{"問5[自然]", "問5[交通]", "問5[子育て]"}}, options: [][]string{{"自然", "交通", "子育て"}}},
		{name: "理由_… with TRUE/FALSE and an その他 column of text",
			csv: columns([]string{"ID", "理由_自然", "理由_交通", "理由_その他"}, idCol(6),
				times(3, "TRUE", "FALSE"), times(3, "FALSE", "TRUE"), []string{"", "", "温泉がある", "", "", "1"}),
			want: [][]string{{"理由_自然", "理由_交通", "理由_その他"}}, options: [][]string{{"自然", "交通", "その他"}},
			notes: "記述が1件"},
		{name: "two adjacent blocks split where the prefix changes",
			csv: columns([]string{"ID", "Q5_1", "Q5_2", "Q6_1", "Q6_2"}, idCol(4),
				times(2, "1", "0"), times(2, "0", "1"), times(2, "1", "1"), times(2, "0", "0")),
			want: [][]string{{"Q5_1", "Q5_2"}, {"Q6_1", "Q6_2"}}, options: [][]string{nil, nil}},
		{name: "a coded column beside a block is not its その他",
			csv: columns([]string{"ID", "Q5_1", "Q5_2", "Q6"}, idCol(6),
				times(3, "1", "0"), times(3, "0", "1"), times(2, "0", "1", "2")),
			want: [][]string{{"Q5_1", "Q5_2"}}, options: [][]string{nil}},
		{name: "no shared prefix: one block, to be checked",
			csv: columns([]string{"ID", "温泉", "食事", "買い物"}, idCol(4),
				times(2, "1", "0"), times(2, "0", "1"), times(2, "1", "1")),
			want: [][]string{{"温泉", "食事", "買い物"}}, options: [][]string{nil}, notes: "見出しに共通部分がない"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := draftString(t, tt.csv)
			var got [][]string
			var gotOpts [][]string
			var first *Question
			for _, q := range res.Questions {
				if len(q.Columns) > 0 {
					if q.Kind != ingest.Multi {
						t.Errorf("%s: kind %s, want multi", q.ID, q.Kind)
					}
					got = append(got, q.Columns)
					gotOpts = append(gotOpts, labels(q))
					if first == nil {
						first = q
					}
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("blocks %q, want %q:\n%s", got, tt.want, res.Codebook)
			}
			if !reflect.DeepEqual(gotOpts, tt.options) {
				t.Errorf("options %q, want %q", gotOpts, tt.options)
			}
			if tt.notes != "" && !strings.Contains(strings.Join(first.Notes, "\n"), tt.notes) {
				t.Errorf("notes %q lack %q", first.Notes, tt.notes)
			}
		})
	}
}

func TestGuessLayout(t *testing.T) {
	sat := times(4, "満足", "やや満足", "どちらともいえない", "不満")
	tests := []struct {
		name       string
		csv        string
		idColumn   string
		headerRows int
		skipped    []int // columns left out
		byNumber   []int // columns written as column = N
	}{
		{name: "No. is the id", csv: columns([]string{"No.", "満足度"}, idCol(16), sat), idColumn: "No.", headerRows: 1},
		{name: "回答者ID with one duplicate is still the id",
			csv:      columns([]string{"回答者ID", "満足度"}, append(idCol(15), "3"), sat),
			idColumn: "回答者ID", headerRows: 1},
		{name: "a timestamp is not an id",
			csv: columns([]string{"タイムスタンプ", "満足度"}, func() []string {
				var out []string
				for i := range sat {
					out = append(out, fmt.Sprintf("2026/07/%02d 10:%02d:00", 1+i%28, i))
				}
				return out
			}(), sat),
			headerRows: 1, skipped: []int{1}},
		{name: "personal data is left out",
			csv: columns([]string{"ID", "お名前（任意）", "E-mail", "電話番号", "ご住所", "郵便番号", "IPアドレス", "会員ID", "満足度"},
				idCol(16), times(16, "山田"), times(16, "a@example.jp"), times(16, "0263-00-0000"), times(16, "豊科"),
				times(16, "399-8205"), times(16, "192.0.2.1"), times(16, "A1"), sat),
			idColumn: "ID", headerRows: 1, skipped: []int{2, 3, 4, 5, 6, 7, 8}},
		{name: "an empty column and one of only 無回答 are left out",
			csv:      columns([]string{"ID", "空", "無回答だけ", "満足度"}, idCol(16), times(16, ""), times(16, "無回答"), sat),
			idColumn: "ID", headerRows: 1, skipped: []int{2, 3}},
		{name: "repeated headers are written by number",
			csv:      columns([]string{"ID", "満足度", "満足度"}, idCol(16), sat, sat),
			idColumn: "ID", headerRows: 1, byNumber: []int{2, 3}},
		{name: "a unique first column of words is not the id",
			csv: columns([]string{"回答", "満足度"}, func() []string {
				var out []string
				for i := range sat {
					out = append(out, fmt.Sprintf("回答%d", i))
				}
				return out
			}(), sat),
			headerRows: 1},
		{name: "two header rows: question numbers over labels, numeric codes below",
			csv: csvOf(append([][]string{{"Q1", "Q2", "Q3", "Q3"}, {"地区", "年齢", "自然", "交通"}},
				func() [][]string {
					var rows [][]string
					for i := 0; i < 12; i++ {
						rows = append(rows, []string{fmt.Sprint(1 + i%3), fmt.Sprint(20 + i), fmt.Sprint(i % 2), fmt.Sprint((i + 1) % 2)})
					}
					return rows
				}()...)...),
			headerRows: 2},
		{name: "a first data row of ordinary answers is not a header",
			csv:        columns([]string{"ID", "地区", "年齢"}, idCol(12), times(4, "1", "2", "3"), times(6, "20", "30")),
			idColumn:   "ID",
			headerRows: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := draftString(t, tt.csv)
			if res.IDColumn != tt.idColumn {
				t.Errorf("id_column %q, want %q", res.IDColumn, tt.idColumn)
			}
			if res.HeaderRows != tt.headerRows {
				t.Errorf("header_rows %d, want %d", res.HeaderRows, tt.headerRows)
			}
			var skipped, byNumber []int
			for _, s := range res.Skipped {
				skipped = append(skipped, s.Column)
			}
			for _, q := range res.Questions {
				if q.ByNumber {
					byNumber = append(byNumber, q.Column)
				}
			}
			if fmt.Sprint(skipped) != fmt.Sprint(tt.skipped) {
				t.Errorf("skipped columns %v, want %v:\n%s", skipped, tt.skipped, res.Codebook)
			}
			if fmt.Sprint(byNumber) != fmt.Sprint(tt.byNumber) {
				t.Errorf("columns by number %v, want %v", byNumber, tt.byNumber)
			}
		})
	}
}

func TestTwoHeaderRowsBlock(t *testing.T) {
	// Merged cells leave the first row empty over a block's later columns.
	rows := [][]string{{"ID", "問5 理由", "", ""}, {"ID", "自然", "交通", "子育て"}}
	for i := 0; i < 10; i++ {
		rows = append(rows, []string{fmt.Sprint(i + 1), fmt.Sprint(i % 2), fmt.Sprint((i + 1) % 2), fmt.Sprint(i % 3 / 2)})
	}
	res := draftString(t, csvOf(rows...))
	if res.HeaderRows != 2 {
		t.Fatalf("header_rows %d, want 2", res.HeaderRows)
	}
	q := question(res, "自然")
	if q == nil || q.Kind != ingest.Multi || !reflect.DeepEqual(q.Columns, []string{"自然", "交通", "子育て"}) || q.ID != "q5" {
		t.Fatalf("want one multi q5 over 自然, 交通, 子育て:\n%s", res.Codebook)
	}
}

func TestDemographics(t *testing.T) {
	tests := []struct {
		header, id string
	}{
		{"問1 お住まいの地区", "area"},
		{"お住まいはどちらですか", "area"},
		{"地域", "area"},
		{"問2 年齢", "age"},
		{"年代", "age"},
		{"あなたの性別を教えてください", "sex"},
		{"Q3 性別は？", "sex"},
		{"ご職業", "job"},
		{"家族構成", "family"},
		{"世帯年収", "income"},
		{"地域コミュニティの満足度", ""},
		{"地域活動への参加", ""},
		{"問4 安曇野市に住んでいる年数", ""},
	}
	for _, tt := range tests {
		t.Run(tt.header, func(t *testing.T) {
			if got := demographic(tt.header); got != tt.id {
				t.Errorf("demographic(%q) = %q, want %q", tt.header, got, tt.id)
			}
		})
	}
}

func TestPersonal(t *testing.T) {
	tests := []struct {
		header string
		want   bool
	}{
		{"氏名", true}, {"お名前（任意）", true}, {"フリガナ", true}, {"E-mail", true}, {"メールアドレス", true},
		{"電話番号", true}, {"TEL", true}, {"ご住所", true}, {"郵便番号", true}, {"IP", true}, {"IPアドレス", true},
		{"会員ID", true}, {"生年月日", true},
		{"お住まいの地区", false}, {"回答者ID", false}, {"メンバーシップ", false}, {"年齢", false}, {"住みやすさ", false},
	}
	for _, tt := range tests {
		t.Run(tt.header, func(t *testing.T) {
			if got := personal(tt.header) != ""; got != tt.want {
				t.Errorf("personal(%q) = %v, want %v", tt.header, got, tt.want)
			}
		})
	}
}

func TestBaseID(t *testing.T) {
	tests := []struct{ header, want string }{
		{"問10(1) 防災対策の満足度", "q10_1"},
		{"問12 10年後の安曇野市に望むこと", "q12"},
		{"Q5_1", "q5_1"},
		{"Q3-2 理由", "q3_2"},
		{"設問7", "q7"},
		{"NPS", "nps"},
		{"User Agent", "user_agent"},
		{"2024", "q2024"},
		{"満足度", ""},
		{"TV・ラジオ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.header, func(t *testing.T) {
			if got := baseID(tt.header); got != tt.want {
				t.Errorf("baseID(%q) = %q, want %q", tt.header, got, tt.want)
			}
		})
	}
}

func TestIDsUnique(t *testing.T) {
	// Three columns whose headers give the same id, and a demographic id
	// that two headers claim.
	sat := times(4, "満足", "やや満足", "どちらともいえない", "不満")
	res := draftString(t, columns([]string{"ID", "Q1 満足度", "Q1 重要度", "Q1 理由", "地区", "地域"}, idCol(16), sat, sat, sat,
		times(8, "豊科", "穂高"), times(8, "穂高", "明科")))
	var got []string
	for _, q := range res.Questions {
		got = append(got, q.ID)
	}
	want := []string{"q1", "q1_2", "q1_3", "area", "area_2"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ids %q, want %q", got, want)
	}
}

func TestGroupKey(t *testing.T) {
	tests := []struct{ header, key, label string }{
		{"Q5_1", "Q5", "1"},
		{"問5[自然]", "問5", "自然"},
		{"問5 理由 [自然が豊か]", "問5", "自然が豊か"},
		{"理由_自然", "理由", "自然"},
		{"問9_市公式LINE・SNS", "問9", "市公式LINE・SNS"},
		{"温泉や露天風呂", "", "温泉や露天風呂"},
	}
	for _, tt := range tests {
		t.Run(tt.header, func(t *testing.T) {
			k, l := groupKey(tt.header)
			if k != tt.key || l != tt.label {
				t.Errorf("groupKey(%q) = %q, %q; want %q, %q", tt.header, k, l, tt.key, tt.label)
			}
		})
	}
}

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"42", 42, true}, {"1,234", 1234, true}, {"-3.5", -3.5, true}, {"+7", 7, true}, {"12,000,000", 12e6, true},
		{"1,23", 0, false}, {"1234,567", 0, false}, {"3.", 0, false}, {".5", 0, false}, {"NaN", 0, false}, {"Inf", 0, false},
		{"", 0, false}, {"1e5", 0, false}, {"12円", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := ingest.ParseNumber(tt.in)
			if ok != tt.ok || got != tt.want {
				t.Errorf("ingest.ParseNumber(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestLooksDate(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"2024-10-04 17:07:46", true}, {"2026/7/12 9:30", true}, {"2026/07/12", true}, {"2026年7月12日", true},
		{"2024-10-04T17:07:46.123", true}, {"9:30", true},
		{"2024", false}, {"10月", false}, {"1,000", false}, {"2024-10", false}, {"12:3", false}, {"午後", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := looksDate(tt.in); got != tt.want {
				t.Errorf("looksDate(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestQuote(t *testing.T) {
	tests := []struct{ in, want string }{
		{`a"b`, `"a\"b"`}, {`c:\x`, `"c:\\x"`}, {"a\nb", `"a\nb"`}, {"\x01\x7f", `"\u0001\u007F"`}, {"満足", `"満足"`},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := quote(tt.in); got != tt.want {
				t.Errorf("quote(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestWaveID(t *testing.T) {
	tests := []struct{ in, want string }{
		{"r8/survey.csv", "R8"}, {"H30.csv", "H30"}, {"survey.csv", "W1"}, {"data/2024/x.csv", "W1"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := waveID(tt.in); got != tt.want {
				t.Errorf("waveID(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestDraftErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty file", "", "the file is empty"},
		{"header only", "a,b\n", "no data rows"},
		{"empty header", ",,\n1,2,3\n", "header row is empty"},
		{"nothing to draft", "お名前,電話番号\n山田,0263\n", "none of the 2 columns"},
		{"unclosed quote", "a,b\n1,\"2\n", "never closes"},
		{"invalid bytes", "a,b\n\xff\xfe\xfd,1\n", "not valid"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Draft(strings.NewReader(tt.in), "t.csv", Options{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestMaxRows(t *testing.T) {
	res, err := Draft(strings.NewReader(one("満足度", times(10, "満足", "やや満足", "不満"))), "t.csv", Options{MaxRows: 5})
	if err != nil {
		t.Fatal(err)
	}
	if res.Rows != 5 || res.Complete {
		t.Errorf("rows %d complete %v, want 5 and false", res.Rows, res.Complete)
	}
	if !strings.Contains(res.Codebook, "先頭の5行だけ") {
		t.Errorf("the codebook does not say it saw only 5 rows:\n%s", res.Codebook)
	}
}
