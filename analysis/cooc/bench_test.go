package cooc

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// syntheticDocs draws n short answers from nTopics topics over a vocab-term
// vocabulary (Zipf within each topic's slice), 3–8 terms each, the shape of
// survey free text after tokenizing.
func syntheticDocs(n, vocab, nTopics int, seed uint64) [][]string {
	rng := rand.New(rand.NewPCG(seed, 0))
	names := make([]string, vocab)
	for i := range names {
		names[i] = fmt.Sprintf("語%04d", i)
	}
	per := vocab / nTopics
	zipf := rand.NewZipf(rng, 1.2, 1, uint64(per-1))
	docs := make([][]string, n)
	for i := range docs {
		t := rng.IntN(nTopics)
		doc := make([]string, 3+rng.IntN(6))
		for j := range doc {
			doc[j] = names[t*per+int(zipf.Uint64())]
		}
		docs[i] = doc
	}
	return docs
}

// BenchmarkBuild100k is the size target of koe analyze: 100,000 short
// answers over a 5,000-term vocabulary, default options.
func BenchmarkBuild100k(b *testing.B) {
	docs := syntheticDocs(100_000, 5000, 10, 1)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Build(docs, Options{Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLayout isolates the force-directed layout at the default limits
// (60 edges, up to 80 nodes).
func BenchmarkLayout(b *testing.B) {
	docs := syntheticDocs(5000, 400, 8, 2)
	net, err := Build(docs, Options{Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	idx := map[string]int{}
	for i, n := range net.Nodes {
		idx[n.Term] = i
	}
	edges := make([]wedge, len(net.Edges))
	for i, e := range net.Edges {
		edges[i] = wedge{u: idx[e.A], v: idx[e.B], w: e.Jaccard}
	}
	b.ReportAllocs()
	for b.Loop() {
		layout(len(net.Nodes), edges, DefaultIterations, rand.New(rand.NewPCG(1, streamLayout)))
	}
}
