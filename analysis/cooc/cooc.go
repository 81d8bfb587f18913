package cooc

import (
	"cmp"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
)

// Defaults. KH Coder's co-occurrence network draws the 60 strongest edges
// by default ("描画する共起関係: 上位60"); a chart with more than about 80
// words is unreadable on an A4 page, and a word used by fewer than five
// documents says more about one resident than about the city.
const (
	DefaultMinFreq    = 5
	DefaultMaxTerms   = 80
	DefaultMaxEdges   = 60
	DefaultIterations = 500
)

// MaxTermsLimit bounds Options.MaxTerms: pairs are counted in a square
// matrix of that side (8 MB at the limit), far beyond any readable chart.
const MaxTermsLimit = 1000

// Options tune Build. The zero value asks for the defaults.
type Options struct {
	MinFreq    int   // documents a term must appear in; 0 means DefaultMinFreq
	MaxTerms   int   // most frequent terms considered; 0 means DefaultMaxTerms
	MaxEdges   int   // strongest edges kept; 0 means DefaultMaxEdges
	Iterations int   // layout iterations; 0 means DefaultIterations
	Seed       int64 // seeds community detection and the layout
}

// Node is a term drawn in the network.
type Node struct {
	Term      string
	Freq      int     // documents containing the term
	Community int     // 1-based; 1 is the community with the most terms
	X, Y      float64 // position in [0,1]², y growing downwards as in SVG
}

// Edge joins two terms that share documents. A < B in byte order.
type Edge struct {
	A, B    string
	Both    int     // documents containing both terms
	Jaccard float64 // Both / documents containing either
}

// Network is the drawable co-occurrence network.
type Network struct {
	Docs        int     // documents read (empty ones included)
	Terms       int     // terms that passed MinFreq and MaxTerms
	Nodes       []Node  // terms with at least one kept edge: by Freq descending, then Term
	Edges       []Edge  // kept edges: by Jaccard descending, then A, then B
	Communities int     // number of communities among Nodes
	Modularity  float64 // Newman's Q of those communities on the kept edges (0 without edges)
}

// Streams of the PCG source, one per random step, so that changing one
// step's draws never shifts another's.
const (
	streamCommunity = 1
	streamLayout    = 2
)

func (o Options) withDefaults() (Options, error) {
	if o.MinFreq < 0 || o.MaxTerms < 0 || o.MaxEdges < 0 || o.Iterations < 0 {
		return o, errors.New("cooc: options must not be negative")
	}
	if o.MaxTerms > MaxTermsLimit {
		return o, fmt.Errorf("cooc: MaxTerms %d is above %d", o.MaxTerms, MaxTermsLimit)
	}
	if o.MinFreq == 0 {
		o.MinFreq = DefaultMinFreq
	}
	if o.MaxTerms == 0 {
		o.MaxTerms = DefaultMaxTerms
	}
	if o.MaxEdges == 0 {
		o.MaxEdges = DefaultMaxEdges
	}
	if o.Iterations == 0 {
		o.Iterations = DefaultIterations
	}
	return o, nil
}

// Build computes the co-occurrence network of docs, each a list of terms
// (base forms); a term repeated within a document counts once, and empty
// strings are ignored. No documents, or no pair of frequent terms sharing
// a document, give a Network without nodes, not an error.
func Build(docs [][]string, opt Options) (*Network, error) {
	opt, err := opt.withDefaults()
	if err != nil {
		return nil, err
	}
	net := &Network{Docs: len(docs)}

	// Document frequencies, keeping each document's distinct term ids in one
	// flat slice so the pair count does not look the strings up again.
	ids := map[string]int32{}
	var names []string
	var df []int
	var lastDoc []int // 1 + the last document a term was counted in
	flat := make([]int32, 0, 4*len(docs))
	offs := make([]int, len(docs)+1)
	for d, terms := range docs {
		for _, t := range terms {
			if t == "" {
				continue
			}
			id, ok := ids[t]
			if !ok {
				id = int32(len(names))
				ids[t] = id
				names = append(names, t)
				df = append(df, 0)
				lastDoc = append(lastDoc, 0)
			}
			if lastDoc[id] == d+1 {
				continue
			}
			lastDoc[id] = d + 1
			df[id]++
			flat = append(flat, id)
		}
		offs[d+1] = len(flat)
	}

	var cand []int32
	for id, n := range df {
		if n >= opt.MinFreq {
			cand = append(cand, int32(id))
		}
	}
	slices.SortFunc(cand, func(a, b int32) int {
		if c := cmp.Compare(df[b], df[a]); c != 0 {
			return c
		}
		return cmp.Compare(names[a], names[b])
	})
	if len(cand) > opt.MaxTerms {
		cand = cand[:opt.MaxTerms]
	}
	net.Terms = len(cand)
	k := len(cand)
	if k < 2 {
		return net, nil
	}
	pos := make([]int32, len(names)) // term id → position in cand, or -1
	for i := range pos {
		pos[i] = -1
	}
	for p, id := range cand {
		pos[id] = int32(p)
	}

	// Pair counts over the upper triangle of a k×k matrix (k ≤ MaxTerms).
	co := make([]int, k*k)
	var buf []int32
	for d := range docs {
		buf = buf[:0]
		for _, id := range flat[offs[d]:offs[d+1]] {
			if p := pos[id]; p >= 0 {
				buf = append(buf, p)
			}
		}
		if len(buf) < 2 {
			continue
		}
		slices.Sort(buf)
		for i, a := range buf {
			row := int(a) * k
			for _, b := range buf[i+1:] {
				co[row+int(b)]++
			}
		}
	}

	type pair struct {
		a, b int // positions in cand, a < b
		e    Edge
	}
	var pairs []pair
	for a := 0; a < k; a++ {
		for b := a + 1; b < k; b++ {
			both := co[a*k+b]
			if both == 0 {
				continue
			}
			na, nb := names[cand[a]], names[cand[b]]
			if nb < na {
				na, nb = nb, na
			}
			// Jaccard (1901): |A∩B| / |A∪B| over the terms' document sets.
			j := float64(both) / float64(df[cand[a]]+df[cand[b]]-both)
			pairs = append(pairs, pair{a: a, b: b, e: Edge{A: na, B: nb, Both: both, Jaccard: j}})
		}
	}
	slices.SortFunc(pairs, func(x, y pair) int {
		if c := cmp.Compare(y.e.Jaccard, x.e.Jaccard); c != 0 {
			return c
		}
		if c := cmp.Compare(x.e.A, y.e.A); c != 0 {
			return c
		}
		return cmp.Compare(x.e.B, y.e.B)
	})
	if len(pairs) > opt.MaxEdges {
		pairs = pairs[:opt.MaxEdges]
	}
	if len(pairs) == 0 {
		return net, nil
	}

	// Nodes are the terms the kept edges touch, in candidate order, which
	// is frequency order: node 0 is the most frequent term drawn.
	drawn := make([]bool, k)
	for _, p := range pairs {
		drawn[p.a], drawn[p.b] = true, true
	}
	node := make([]int, k) // cand position → node index (for drawn terms)
	for p, ok := range drawn {
		if ok {
			node[p] = len(net.Nodes)
			id := cand[p]
			net.Nodes = append(net.Nodes, Node{Term: names[id], Freq: df[id]})
		}
	}
	edges := make([]wedge, len(pairs))
	for i, p := range pairs {
		net.Edges = append(net.Edges, p.e)
		edges[i] = wedge{u: node[p.a], v: node[p.b], w: p.e.Jaccard}
	}

	comm, q := communities(len(net.Nodes), edges, opt.Seed)
	net.Modularity = q
	for i, c := range comm {
		net.Nodes[i].Community = c
		net.Communities = max(net.Communities, c)
	}

	rng := rand.New(rand.NewPCG(uint64(opt.Seed), streamLayout))
	xs, ys := layout(len(net.Nodes), edges, opt.Iterations, rng)
	for i := range net.Nodes {
		net.Nodes[i].X, net.Nodes[i].Y = xs[i], ys[i]
	}
	return net, nil
}

// String summarises the network for logs and examples.
func (n *Network) String() string {
	return fmt.Sprintf("%d documents, %d terms, %d nodes, %d edges, %d communities (Q = %.3f)",
		n.Docs, n.Terms, len(n.Nodes), len(n.Edges), n.Communities, n.Modularity)
}
