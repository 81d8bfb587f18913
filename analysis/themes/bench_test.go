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

// kanjiDocs is syntheticDocs over a 30,000-term vocabulary (a long tail of
// rare terms, as free text has) whose terms are spelled as two kanji: term i
// is the (i mod 1500)th kanji from 一 followed by the (i div 1500)th after
// those. Terms of one topic then share their second kanji (a block of 1500
// neighbours), and terms of different topics often share the first, so the
// sub-word features carry both signal and noise, as real compounds do.
func kanjiDocs(n int, seed uint64) ([]Doc, []int) {
	docs, topics := syntheticDocs(n, 30_000, 10, seed)
	names := map[string]string{}
	for i := range docs {
		for j, t := range docs[i].Terms {
			name, ok := names[t]
			if !ok {
				var idx int
				fmt.Sscanf(t, "w%d", &idx)
				name = string(rune(0x4E00+idx%1500)) + string(rune(0x4E00+1500+idx/1500))
				names[t] = name
			}
			docs[i].Terms[j] = name
		}
	}
	return docs, topics
}

func benchKanji(b *testing.B, n int) {
	docs, topics := kanjiDocs(n, 1)
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
	for _, a := range res.Assign {
		truth = append(truth, topics[a.DocID-1])
		found = append(found, a.Theme)
	}
	b.ReportMetric(ARI(truth, found), "ARI")
	b.ReportMetric(float64(res.K), "k")
}

// BenchmarkFind100kKanji is the size target on terms spelled in kanji, so
// that the sub-word features are built and clustered.
func BenchmarkFind100kKanji(b *testing.B) { benchKanji(b, 100_000) }

// BenchmarkFind1MKanji is the 1,000,000-answer target (about 30 s a run;
// run it alone: go test -run '^$' -bench Find1MKanji -benchtime 1x).
func BenchmarkFind1MKanji(b *testing.B) { benchKanji(b, 1_000_000) }
