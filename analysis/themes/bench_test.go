package themes

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// syntheticDocs draws n short documents from a topic model: nTopics topics,
// each owning an equal slice of a vocab-term vocabulary (Zipf-distributed
// within it), plus a shared slice of generic words that every topic uses 30%
// of the time, as survey answers mix topic words with 必要・欲しい・市.
// Lengths are 4–8 terms (mean 6). It returns the documents and their topics.
func syntheticDocs(n, vocab, nTopics int, seed uint64) ([]Doc, []int) {
	rng := rand.New(rand.NewPCG(seed, 0))
	names := make([]string, vocab)
	for i := range names {
		names[i] = fmt.Sprintf("w%05d", i)
	}
	generic := vocab / 25
	per := (vocab - generic) / nTopics
	zipfTopic := rand.NewZipf(rng, 1.1, 1, uint64(per-1))
	zipfGeneric := rand.NewZipf(rng, 1.1, 1, uint64(generic-1))
	docs := make([]Doc, n)
	topics := make([]int, n)
	for i := range docs {
		t := rng.IntN(nTopics)
		terms := make([]string, 4+rng.IntN(5))
		for j := range terms {
			if rng.Float64() < 0.3 {
				terms[j] = names[zipfGeneric.Uint64()]
			} else {
				terms[j] = names[generic+t*per+int(zipfTopic.Uint64())]
			}
		}
		docs[i] = Doc{ID: int64(i + 1), Terms: terms}
		topics[i] = t
	}
	return docs, topics
}

// BenchmarkFind100k is the size target: 100,000 short documents over a
// 5,000-term vocabulary, automatic k.
func BenchmarkFind100k(b *testing.B) {
	docs, topics := syntheticDocs(100_000, 5000, 10, 1)
	b.ReportAllocs()
	b.ResetTimer()
	var res *Result
	for b.Loop() {
		var err error
		res, err = Find(docs, Options{Seed: 1})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	truth := make([]int, 0, len(res.Assign))
	found := make([]int, 0, len(res.Assign))
	byID := make(map[int64]int, len(docs))
	for i, d := range docs {
		byID[d.ID] = topics[i]
	}
	for _, a := range res.Assign {
		truth = append(truth, byID[a.DocID])
		found = append(found, a.Theme)
	}
	b.ReportMetric(ARI(truth, found), "ARI")
	b.ReportMetric(float64(res.K), "k")
}

// BenchmarkFind100kLSA is the same input with the k-means method.
func BenchmarkFind100kLSA(b *testing.B) {
	docs, _ := syntheticDocs(100_000, 5000, 10, 1)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Find(docs, Options{Seed: 1, Method: MethodLSA}); err != nil {
			b.Fatal(err)
		}
	}
}
