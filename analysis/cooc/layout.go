package cooc

import (
	"math"
	"math/rand/v2"
)

// layout places n nodes by Fruchterman and Reingold's force-directed
// algorithm ("Graph drawing by force-directed placement", Software—Practice
// and Experience 21(11), 1991): every pair repels with k²/d, every edge
// attracts with w·d²/k (w the edge's Jaccard relative to the strongest
// edge), and the step is capped by a temperature that cools linearly from
// a tenth of the frame to zero over a fixed number of iterations, so the
// result depends only on the input and the random start.
//
// In place of the paper's frame walls a gravity pulls each node towards the
// centre in proportion to its distance; without it the network's separate
// components would drift apart and leave the chart mostly empty once scaled.
//
// gonum's graph/layout offers Eades' spring embedder, but it places nodes in
// the graph's node iteration order and lets disconnected components fly
// apart, so koe uses this small O(iterations·n²) loop (n ≤ 2·MaxEdges).
//
// The result is rotated so that its widest spread is horizontal (charts are
// wider than tall), flipped so the most frequent term (node 0) sits in the
// upper-left quadrant, and scaled uniformly into [0,1]², the narrower axis
// centred.
func layout(n int, edges []wedge, iterations int, rng *rand.Rand) (xs, ys []float64) {
	xs, ys = make([]float64, n), make([]float64, n)
	if n == 0 {
		return xs, ys
	}
	for i := range xs {
		xs[i], ys[i] = rng.Float64()-0.5, rng.Float64()-0.5
	}
	if n > 1 {
		forceDirected(xs, ys, edges, iterations)
	}
	principalAxes(xs, ys)
	unitSquare(xs, ys)
	return xs, ys
}

// gravity is the pull towards the centre per unit of distance. With area 1
// and k² = 1/n, the repulsion summed over n nodes is of order 1/d, so a
// unit gravity settles the drawing at a radius of about 1 whatever n is.
const gravity = 1.0

func forceDirected(xs, ys []float64, edges []wedge, iterations int) {
	n := len(xs)
	k := math.Sqrt(1 / float64(n)) // optimal distance for a unit area
	k2 := k * k
	wmax := 0.0
	for _, e := range edges {
		wmax = math.Max(wmax, e.w)
	}
	dx, dy := make([]float64, n), make([]float64, n)
	t0 := 0.1
	for it := 0; it < iterations; it++ {
		clear(dx)
		clear(dy)
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				ux, uy, d := apart(xs[i]-xs[j], ys[i]-ys[j], i, j)
				f := k2 / d
				dx[i] += ux * f
				dy[i] += uy * f
				dx[j] -= ux * f
				dy[j] -= uy * f
			}
		}
		for _, e := range edges {
			ux, uy, d := apart(xs[e.u]-xs[e.v], ys[e.u]-ys[e.v], e.u, e.v)
			f := (e.w / wmax) * d * d / k
			dx[e.u] -= ux * f
			dy[e.u] -= uy * f
			dx[e.v] += ux * f
			dy[e.v] += uy * f
		}
		t := t0 * (1 - float64(it)/float64(iterations))
		for i := 0; i < n; i++ {
			dx[i] -= gravity * xs[i]
			dy[i] -= gravity * ys[i]
			m := math.Hypot(dx[i], dy[i])
			if m == 0 {
				continue
			}
			s := math.Min(m, t) / m
			xs[i] += dx[i] * s
			ys[i] += dy[i] * s
		}
	}
}

// apart returns the unit vector from node j to node i and their distance.
// Two nodes on the same spot are pushed apart along a direction fixed by
// their indices, so the outcome stays deterministic.
func apart(x, y float64, i, j int) (ux, uy, d float64) {
	d = math.Hypot(x, y)
	if d < 1e-9 {
		a := float64(i*31+j*17) * 0.7
		return math.Cos(a), math.Sin(a), 1e-9
	}
	return x / d, y / d, d
}

// principalAxes centres the points and rotates them so that the direction
// of largest spread (the leading eigenvector of their 2×2 covariance,
// angle ½·atan2(2sxy, sxx−syy)) lies along x, then flips axes so point 0
// has x ≤ 0 and y ≤ 0.
func principalAxes(xs, ys []float64) {
	n := float64(len(xs))
	var mx, my float64
	for i := range xs {
		mx += xs[i]
		my += ys[i]
	}
	mx /= n
	my /= n
	var sxx, syy, sxy float64
	for i := range xs {
		xs[i] -= mx
		ys[i] -= my
		sxx += xs[i] * xs[i]
		syy += ys[i] * ys[i]
		sxy += xs[i] * ys[i]
	}
	th := 0.5 * math.Atan2(2*sxy, sxx-syy)
	c, s := math.Cos(th), math.Sin(th)
	for i := range xs {
		xs[i], ys[i] = c*xs[i]+s*ys[i], -s*xs[i]+c*ys[i]
	}
	if xs[0] > 0 {
		for i := range xs {
			xs[i] = -xs[i]
		}
	}
	if ys[0] > 0 {
		for i := range ys {
			ys[i] = -ys[i]
		}
	}
}

// unitSquare scales both axes by the same factor so the wider spread spans
// [0,1], centring the narrower one; a single point goes to the centre.
func unitSquare(xs, ys []float64) {
	lox, hix := bounds(xs)
	loy, hiy := bounds(ys)
	rx, ry := hix-lox, hiy-loy
	s := math.Max(rx, ry)
	for i := range xs {
		if s == 0 {
			xs[i], ys[i] = 0.5, 0.5
			continue
		}
		xs[i] = (xs[i]-lox)/s + (1-rx/s)/2
		ys[i] = (ys[i]-loy)/s + (1-ry/s)/2
		// Rounding can step a hair outside the square.
		xs[i] = math.Min(1, math.Max(0, xs[i]))
		ys[i] = math.Min(1, math.Max(0, ys[i]))
	}
}

func bounds(v []float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, x := range v {
		lo, hi = math.Min(lo, x), math.Max(hi, x)
	}
	return lo, hi
}
