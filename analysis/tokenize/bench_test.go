package tokenize

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkTermsAll measures content-word extraction over the Aozora texts in
// ../shared, one document per line; MB/s counts input bytes.
func BenchmarkTermsAll(b *testing.B) {
	lines := aozoraLines(b)
	tk := newTestTokenizer(b)
	size := 0
	for _, l := range lines {
		size += len(l)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		tk.TermsAll(lines)
	}
}

// BenchmarkMask measures masking over the same lines, one at a time.
func BenchmarkMask(b *testing.B) {
	lines := aozoraLines(b)
	tk := newTestTokenizer(b)
	size := 0
	for _, l := range lines {
		size += len(l)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for range b.N {
		for _, l := range lines {
			tk.Mask(l)
		}
	}
}

// BenchmarkTermsAllSurvey measures TermsAll on real survey answers: the
// free-text columns of the Fukui tourism survey in ../shared (2,663
// answers, a few percent of them repeats such as なし and 特になし).
func BenchmarkTermsAllSurvey(b *testing.B) {
	f, err := os.Open(filepath.Join(sharedDir(b), "realdata", "fukui-survey", "monthly_202410.csv"))
	if err != nil {
		b.Skip(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		b.Fatal(err)
	}
	text := map[string]bool{"福井県内での交通手段の満足度の理由": true, "満足度(商品・サービス)の理由": true, "満足度の理由": true,
		"不便さの内容": true, "推奨項目": true, "施設に求めるもの": true, "福井県に求めるもの": true}
	var answers []string
	size := 0
	for c, h := range rows[0] {
		if !text[h] {
			continue
		}
		for _, r := range rows[1:] {
			if c < len(r) && r[c] != "" {
				answers = append(answers, r[c])
				size += len(r[c])
			}
		}
	}
	tk := newTestTokenizer(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		tk.TermsAll(answers)
	}
}

// BenchmarkNormalize measures Normalize on the raw Aozora lines (ruby and
// editor's notes included).
func BenchmarkNormalize(b *testing.B) {
	text := aozoraText(b)
	lines := strings.Split(text, "\n")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		for _, l := range lines {
			Normalize(l)
		}
	}
}
