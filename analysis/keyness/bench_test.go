package keyness

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// BenchmarkCompute100k is a large wave: 100,000 writers in five districts,
// each using 8 of a 5,000-word vocabulary drawn with Zipf-like weights (a
// few words everywhere, most rare), as the analyze stage hands it over.
func BenchmarkCompute100k(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 0))
	vocab := make([]string, 5000)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("語%04d", i)
	}
	zipf := rand.NewZipf(rng, 1.1, 1, uint64(len(vocab)-1))
	docs := make([]Doc, 100_000)
	for i := range docs {
		terms := make([]string, 8)
		for k := range terms {
			terms[k] = vocab[zipf.Uint64()]
		}
		docs[i] = Doc{Terms: terms, Groups: []int{rng.IntN(5)}}
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compute(docs, 5, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
