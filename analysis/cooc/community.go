package cooc

import (
	"cmp"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/simple"
)

// wedge is a kept edge between node indices u < v.
type wedge struct {
	u, v int
	w    float64
}

// communities finds the communities of the n-node graph by Louvain
// modularity maximisation (Blondel et al. 2008, J. Stat. Mech. P10008, as
// gonum implements it) at resolution 1, and numbers them 1, 2, … by size,
// larger first, ties going to the community holding the lower node index
// (the more frequent term). It returns each node's community and Newman's
// modularity Q of the partition.
func communities(n int, edges []wedge, seed int64) ([]int, float64) {
	g := newGraph(n, edges)
	r := community.Modularize(g, 1, rand.NewPCG(uint64(seed), streamCommunity))
	groups := r.Communities()
	sets := make([][]int, 0, len(groups))
	for _, c := range groups {
		s := make([]int, len(c))
		for i, nd := range c {
			s[i] = int(nd.ID())
		}
		slices.Sort(s)
		sets = append(sets, s)
	}
	slices.SortFunc(sets, func(a, b []int) int {
		if c := cmp.Compare(len(b), len(a)); c != 0 {
			return c
		}
		return cmp.Compare(a[0], b[0])
	})
	out := make([]int, n)
	for i, s := range sets {
		for _, id := range s {
			out[id] = i + 1
		}
	}
	return out, community.Q(g, groups, 1)
}

// wgraph is a small weighted undirected graph whose nodes and neighbours
// iterate in ID order. gonum's simple graphs iterate over maps, and the
// Louvain moves and sums follow iteration order, so with them the same
// seed could give different communities from run to run.
type wgraph struct {
	w   [][]float64 // w[u][v] > 0 for an edge
	adj [][]int     // neighbours of each node, ascending
}

func newGraph(n int, edges []wedge) *wgraph {
	g := &wgraph{w: make([][]float64, n), adj: make([][]int, n)}
	for i := range g.w {
		g.w[i] = make([]float64, n)
	}
	for _, e := range edges {
		g.w[e.u][e.v], g.w[e.v][e.u] = e.w, e.w
	}
	for u := range g.w {
		for v, x := range g.w[u] {
			if x > 0 {
				g.adj[u] = append(g.adj[u], v)
			}
		}
	}
	return g
}

func (g *wgraph) has(id int64) bool { return id >= 0 && id < int64(len(g.w)) }

func (g *wgraph) Node(id int64) graph.Node {
	if !g.has(id) {
		return nil
	}
	return simple.Node(id)
}

func (g *wgraph) Nodes() graph.Nodes {
	ns := make([]graph.Node, len(g.w))
	for i := range ns {
		ns[i] = simple.Node(i)
	}
	return iterator.NewOrderedNodes(ns)
}

func (g *wgraph) From(id int64) graph.Nodes {
	if !g.has(id) {
		return graph.Empty
	}
	adj := g.adj[id]
	ns := make([]graph.Node, len(adj))
	for i, v := range adj {
		ns[i] = simple.Node(v)
	}
	return iterator.NewOrderedNodes(ns)
}

func (g *wgraph) HasEdgeBetween(x, y int64) bool {
	return g.has(x) && g.has(y) && g.w[x][y] > 0
}

func (g *wgraph) Edge(u, v int64) graph.Edge { return g.WeightedEdge(u, v) }

func (g *wgraph) EdgeBetween(x, y int64) graph.Edge { return g.WeightedEdge(x, y) }

func (g *wgraph) WeightedEdge(u, v int64) graph.WeightedEdge {
	if !g.HasEdgeBetween(u, v) {
		return nil
	}
	return simple.WeightedEdge{F: simple.Node(u), T: simple.Node(v), W: g.w[u][v]}
}

func (g *wgraph) WeightedEdgeBetween(x, y int64) graph.WeightedEdge { return g.WeightedEdge(x, y) }

// Weight follows graph.Weighted: a node is joined to itself with weight 0
// (no self-loops), and absent edges report false.
func (g *wgraph) Weight(x, y int64) (float64, bool) {
	if x == y && g.has(x) {
		return 0, true
	}
	if g.HasEdgeBetween(x, y) {
		return g.w[x][y], true
	}
	return 0, false
}

// Modularize treats a graph as undirected only if it is a graph.Undirected.
var (
	_ graph.Undirected         = (*wgraph)(nil)
	_ graph.WeightedUndirected = (*wgraph)(nil)
)
