package codes

import (
	"math/rand/v2"
	"strings"
	"testing"

	"koe/data"
)

// corpus makes n synthetic documents of 5–40 terms: half drawn from the
// built-in rules' own words (so conditions have work to do), half filler
// that matches nothing, from a fixed seed.
func corpus(r *Rules, n int) [][]string {
	var vocab []string
	for _, c := range r.Codes {
		for _, f := range strings.FieldsFunc(c.Cond, func(r rune) bool { return strings.ContainsRune(" ()<>*+|&!-[]", r) }) {
			switch f {
			case "and", "or", "not", "near", "seq":
				continue
			}
			vocab = append(vocab, f)
		}
	}
	filler := []string{"思い", "安曇野", "市", "とても", "良い", "毎日", "家族", "今後", "期待", "場所", "時間", "大切", "感じる", "多い", "少ない", "欲しい"}
	rng := rand.New(rand.NewPCG(1, 2))
	docs := make([][]string, n)
	for i := range docs {
		d := make([]string, 5+rng.IntN(36))
		for j := range d {
			if rng.IntN(2) == 0 {
				d[j] = vocab[rng.IntN(len(vocab))]
			} else {
				d[j] = filler[rng.IntN(len(filler))]
			}
		}
		docs[i] = d
	}
	return docs
}

// BenchmarkMatch codes 100k documents with the built-in rules; one op is the
// whole corpus.
func BenchmarkMatch(b *testing.B) {
	r := builtinRules(b)
	docs := corpus(r, 100_000)
	matched := 0
	for b.Loop() {
		matched = 0
		for _, d := range docs {
			matched += len(r.Match(d))
		}
	}
	b.ReportMetric(float64(len(docs))*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
	b.ReportMetric(float64(matched)/float64(len(docs)), "codes/doc")
}

// BenchmarkParse parses the built-in rules.
func BenchmarkParse(b *testing.B) {
	for b.Loop() {
		if _, err := Parse(data.Codes, "policy.txt"); err != nil {
			b.Fatal(err)
		}
	}
}
