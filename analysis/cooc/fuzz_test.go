package cooc

import (
	"strings"
	"testing"
)

// FuzzBuild feeds arbitrary corpora (documents on lines, terms separated
// by spaces) and checks Build never panics and keeps its invariants.
func FuzzBuild(f *testing.F) {
	f.Add("バス 駅\nバス 駅 本数\n駅 本数\n保育園 子育て\n", 1, 2, 3)
	f.Add("a a a\n\n a  b \nb a\n", 0, 1, 0)
	f.Add("", 5, 0, 0)
	f.Fuzz(func(t *testing.T, corpus string, minFreq, maxTerms, maxEdges int) {
		var docs [][]string
		for _, line := range strings.Split(corpus, "\n") {
			docs = append(docs, strings.Split(line, " "))
		}
		opt := Options{MinFreq: minFreq % 8, MaxTerms: maxTerms % 100, MaxEdges: maxEdges % 100, Iterations: 50, Seed: 1}
		net, err := Build(docs, opt)
		if err != nil {
			if opt.MinFreq >= 0 && opt.MaxTerms >= 0 && opt.MaxEdges >= 0 {
				t.Fatalf("Build(%+v): %v", opt, err)
			}
			return
		}
		opt, _ = opt.withDefaults()
		checkInvariants(t, net, opt)
	})
}
