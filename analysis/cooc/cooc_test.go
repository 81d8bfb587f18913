package cooc

import (
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// twoClusters is a hand-made corpus of transport answers and child-care
// answers; one answer (the last) mentions both, so the graph is connected
// only through a weak edge.
func twoClusters() [][]string {
	transport := []string{"バス", "駅", "本数", "電車"}
	care := []string{"保育園", "子育て", "支援", "公園"}
	var docs [][]string
	for _, words := range [][]string{transport, care} {
		for i := range 12 {
			// Each answer takes three of the four words, rotating.
			docs = append(docs, []string{words[i%4], words[(i+1)%4], words[(i+2)%4]})
		}
	}
	docs = append(docs, []string{"バス", "保育園"})
	return docs
}

func TestTwoClusters(t *testing.T) {
	net, err := Build(twoClusters(), Options{MinFreq: 2, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if net.Communities != 2 {
		t.Fatalf("communities = %d, want 2\n%s", net.Communities, dump(net))
	}
	of := map[string]int{}
	for _, n := range net.Nodes {
		of[n.Term] = n.Community
	}
	for _, group := range [][]string{{"バス", "駅", "本数", "電車"}, {"保育園", "子育て", "支援", "公園"}} {
		for _, w := range group[1:] {
			if of[w] != of[group[0]] {
				t.Errorf("%s is in community %d, %s in %d; want the same\n%s", w, of[w], group[0], of[group[0]], dump(net))
			}
		}
	}
	if of["バス"] == of["保育園"] {
		t.Errorf("both clusters ended in community %d", of["バス"])
	}
	// Two equal clusters joined by one weak edge: Q is a little under ½,
	// the value for two disconnected equal halves (Newman 2006, PNAS 103:8577).
	if net.Modularity < 0.4 || net.Modularity > 0.5 {
		t.Errorf("modularity = %.3f, want in [0.4, 0.5]", net.Modularity)
	}
	// The layout should show the clusters: words of one cluster sit closer
	// to each other than to the other cluster's words.
	var in, out []float64
	for i, a := range net.Nodes {
		for _, b := range net.Nodes[i+1:] {
			d := math.Hypot(a.X-b.X, a.Y-b.Y)
			if a.Community == b.Community {
				in = append(in, d)
			} else {
				out = append(out, d)
			}
		}
	}
	if mean(in) >= mean(out)/2 {
		t.Errorf("mean distance within communities %.3f, across %.3f: clusters not apart", mean(in), mean(out))
	}
}

func TestJaccard(t *testing.T) {
	// a is in documents {1,2,3}, b in {2,3,4}, c in {4,5}:
	// J(a,b) = |{2,3}| / |{1,2,3,4}| = 0.5; J(b,c) = 1/4; a and c never meet.
	docs := [][]string{{"a"}, {"a", "b"}, {"a", "b", "a"}, {"b", "c"}, {"c"}}
	net, err := Build(docs, Options{MinFreq: 1, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	want := []Edge{{A: "a", B: "b", Both: 2, Jaccard: 0.5}, {A: "b", B: "c", Both: 1, Jaccard: 0.25}}
	if !reflect.DeepEqual(net.Edges, want) {
		t.Errorf("edges = %+v, want %+v", net.Edges, want)
	}
	freq := map[string]int{}
	for _, n := range net.Nodes {
		freq[n.Term] = n.Freq
	}
	// A term repeated within one document ("a" in document 3) counts once.
	if freq["a"] != 3 || freq["b"] != 3 || freq["c"] != 2 {
		t.Errorf("frequencies = %v, want a:3 b:3 c:2", freq)
	}
}

func TestLimits(t *testing.T) {
	// Six terms t1…t6 where tK is in K documents; every document holds
	// t1…t6 from position K on, so all pairs co-occur.
	var docs [][]string
	for d := 1; d <= 6; d++ {
		var doc []string
		for k := d; k <= 6; k++ {
			doc = append(doc, fmt.Sprintf("t%d", k))
		}
		docs = append(docs, doc)
	}
	tests := []struct {
		name      string
		opt       Options
		terms     int
		nodes     []string
		edges     int
		firstEdge Edge
	}{
		// J(tA,tB) = min/max of their frequencies, as one's documents hold
		// the other's, so J(t5,t6) = 5/6 is the strongest pair.
		{name: "all", opt: Options{MinFreq: 1}, terms: 6, nodes: []string{"t6", "t5", "t4", "t3", "t2", "t1"}, edges: 15,
			firstEdge: Edge{A: "t5", B: "t6", Both: 5, Jaccard: 5.0 / 6}},
		{name: "min freq 3", opt: Options{MinFreq: 3}, terms: 4, nodes: []string{"t6", "t5", "t4", "t3"}, edges: 6,
			firstEdge: Edge{A: "t5", B: "t6", Both: 5, Jaccard: 5.0 / 6}},
		{name: "max terms 2", opt: Options{MinFreq: 1, MaxTerms: 2}, terms: 2, nodes: []string{"t6", "t5"}, edges: 1,
			firstEdge: Edge{A: "t5", B: "t6", Both: 5, Jaccard: 5.0 / 6}},
		// The two strongest edges: t5–t6 (5/6) and t4–t5 (4/5); t1 and t2
		// touch no kept edge, so they are not drawn.
		{name: "max edges 2", opt: Options{MinFreq: 1, MaxEdges: 2}, terms: 6, nodes: []string{"t6", "t5", "t4"}, edges: 2,
			firstEdge: Edge{A: "t5", B: "t6", Both: 5, Jaccard: 5.0 / 6}},
		{name: "min freq above all", opt: Options{MinFreq: 7}, terms: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			net, err := Build(docs, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			if net.Terms != tt.terms {
				t.Errorf("terms = %d, want %d", net.Terms, tt.terms)
			}
			var got []string
			for _, n := range net.Nodes {
				got = append(got, n.Term)
			}
			if !slices.Equal(got, tt.nodes) {
				t.Errorf("nodes = %v, want %v", got, tt.nodes)
			}
			if len(net.Edges) != tt.edges {
				t.Errorf("edges = %d, want %d", len(net.Edges), tt.edges)
			}
			if tt.edges > 0 && net.Edges[0] != tt.firstEdge {
				t.Errorf("first edge = %+v, want %+v", net.Edges[0], tt.firstEdge)
			}
		})
	}
}

func TestDefaultLimits(t *testing.T) {
	// 200 terms, each document a window of 5 consecutive terms: more
	// candidates than DefaultMaxTerms and more pairs than DefaultMaxEdges.
	var docs [][]string
	for d := range 2000 {
		var doc []string
		for k := range 5 {
			doc = append(doc, fmt.Sprintf("w%03d", (d+k*(d%7+1))%200))
		}
		docs = append(docs, doc)
	}
	net, err := Build(docs, Options{Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	if net.Terms != DefaultMaxTerms {
		t.Errorf("terms = %d, want %d", net.Terms, DefaultMaxTerms)
	}
	if len(net.Edges) != DefaultMaxEdges {
		t.Errorf("edges = %d, want %d", len(net.Edges), DefaultMaxEdges)
	}
	checkInvariants(t, net, Options{MinFreq: DefaultMinFreq, MaxEdges: DefaultMaxEdges, MaxTerms: DefaultMaxTerms})
}

func TestTiesBrokenByTerm(t *testing.T) {
	// Four terms in exactly the same two documents: every term has the
	// same frequency and every pair Jaccard 1, so order is by term alone.
	docs := [][]string{{"d", "c", "b", "a"}, {"a", "b", "c", "d"}}
	net, err := Build(docs, Options{MinFreq: 1, MaxTerms: 3, MaxEdges: 2, Seed: 9})
	if err != nil {
		t.Fatal(err)
	}
	want := []Edge{{A: "a", B: "b", Both: 2, Jaccard: 1}, {A: "a", B: "c", Both: 2, Jaccard: 1}}
	if !reflect.DeepEqual(net.Edges, want) {
		t.Errorf("edges = %+v, want %+v", net.Edges, want)
	}
}

func TestDeterministic(t *testing.T) {
	docs := syntheticDocs(3000, 300, 6, 5)
	a, err := Build(docs, Options{Seed: 42})
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		b, err := Build(docs, Options{Seed: 42})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("two runs with seed 42 differ:\n%s\n---\n%s", dump(a), dump(b))
		}
	}
	// Another seed may move nodes, but never the terms or the edges.
	c, err := Build(docs, Options{Seed: 43})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a.Edges, c.Edges) || len(a.Nodes) != len(c.Nodes) {
		t.Errorf("the seed changed the edges")
	}
}

func TestEmpty(t *testing.T) {
	tests := []struct {
		name string
		docs [][]string
	}{
		{"nil", nil},
		{"empty documents", [][]string{{}, {""}, nil}},
		{"one term", [][]string{{"a"}, {"a"}, {"a"}, {"a"}, {"a"}}},
		{"no pair meets", [][]string{{"a"}, {"b"}, {"a"}, {"b"}, {"a"}, {"b"}, {"a"}, {"b"}, {"a"}, {"b"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			net, err := Build(tt.docs, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(net.Nodes) != 0 || len(net.Edges) != 0 || net.Communities != 0 {
				t.Errorf("got %s, want no nodes or edges", net)
			}
			if net.Docs != len(tt.docs) {
				t.Errorf("docs = %d, want %d", net.Docs, len(tt.docs))
			}
		})
	}
}

func TestBadOptions(t *testing.T) {
	for _, o := range []Options{{MinFreq: -1}, {MaxTerms: -1}, {MaxEdges: -1}, {Iterations: -1}, {MaxTerms: MaxTermsLimit + 1}} {
		if _, err := Build(nil, o); err == nil {
			t.Errorf("Build with %+v: no error", o)
		}
	}
}

// TestGolden pins the whole output on the two-cluster corpus, so a change
// in ordering, numbering or layout shows up in review
// (go test ./analysis/cooc -run Golden -update rewrites it).
func TestGolden(t *testing.T) {
	net, err := Build(twoClusters(), Options{MinFreq: 2, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	got := dump(net)
	path := filepath.Join("testdata", "two_clusters.golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (run with -update if the change is intended):\n%s", path, got)
	}
}

// dump prints a network with coordinates to 4 decimals: the golden format.
func dump(n *Network) string {
	var b strings.Builder
	fmt.Fprintln(&b, n)
	for _, nd := range n.Nodes {
		fmt.Fprintf(&b, "node %s freq=%d community=%d x=%.4f y=%.4f\n", nd.Term, nd.Freq, nd.Community, nd.X, nd.Y)
	}
	for _, e := range n.Edges {
		fmt.Fprintf(&b, "edge %s %s both=%d jaccard=%.4f\n", e.A, e.B, e.Both, e.Jaccard)
	}
	return b.String()
}

func mean(v []float64) float64 {
	s := 0.0
	for _, x := range v {
		s += x
	}
	return s / float64(len(v))
}

// checkInvariants holds for every network: limits respected, orders as
// documented, every edge's terms drawn, coordinates in the unit square,
// communities numbered 1…Communities by size.
func checkInvariants(t *testing.T, net *Network, opt Options) {
	t.Helper()
	if len(net.Edges) > opt.MaxEdges || net.Terms > opt.MaxTerms || len(net.Nodes) > net.Terms {
		t.Fatalf("limits exceeded: %s", net)
	}
	drawn := map[string]bool{}
	size := make([]int, net.Communities+1)
	for i, n := range net.Nodes {
		if n.Freq < opt.MinFreq {
			t.Errorf("node %s has freq %d < %d", n.Term, n.Freq, opt.MinFreq)
		}
		if i > 0 {
			p := net.Nodes[i-1]
			if p.Freq < n.Freq || (p.Freq == n.Freq && p.Term >= n.Term) {
				t.Errorf("nodes out of order at %d: %+v before %+v", i, p, n)
			}
		}
		if n.X < 0 || n.X > 1 || n.Y < 0 || n.Y > 1 || math.IsNaN(n.X) || math.IsNaN(n.Y) {
			t.Errorf("node %s at (%v, %v), outside [0,1]²", n.Term, n.X, n.Y)
		}
		if n.Community < 1 || n.Community > net.Communities {
			t.Errorf("node %s in community %d of %d", n.Term, n.Community, net.Communities)
		} else {
			size[n.Community]++
		}
		drawn[n.Term] = true
	}
	for c := 2; c <= net.Communities; c++ {
		if size[c] > size[c-1] || size[c] == 0 {
			t.Errorf("community sizes %v not numbered by size", size[1:])
		}
	}
	for i, e := range net.Edges {
		if e.A >= e.B || !drawn[e.A] || !drawn[e.B] {
			t.Errorf("edge %+v: terms out of order or not drawn", e)
		}
		if e.Jaccard <= 0 || e.Jaccard > 1 {
			t.Errorf("edge %+v: Jaccard outside (0,1]", e)
		}
		if i > 0 {
			p := net.Edges[i-1]
			if p.Jaccard < e.Jaccard || (p.Jaccard == e.Jaccard && (p.A > e.A || (p.A == e.A && p.B >= e.B))) {
				t.Errorf("edges out of order at %d: %+v before %+v", i, p, e)
			}
		}
	}
}
