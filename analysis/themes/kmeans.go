package themes

import (
	"math"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// points is an m×d row-major matrix of vectors to cluster.
type points struct {
	m, d int
	data []float64
}

func (p points) row(i int) []float64 { return p.data[i*p.d : (i+1)*p.d] }

func (p points) dense() *mat.Dense { return mat.NewDense(p.m, p.d, p.data) }

// subset copies the rows idx of p.
func (p points) subset(idx []int) points {
	out := points{m: len(idx), d: p.d, data: make([]float64, len(idx)*p.d)}
	for n, i := range idx {
		copy(out.row(n), p.row(i))
	}
	return out
}

// normalizeRows scales every row to unit length; all-zero rows stay zero.
func normalizeRows(p points) {
	for i := range p.m {
		r := p.row(i)
		if n := floats.Norm(r, 2); n > 0 {
			floats.Scale(1/n, r)
		}
	}
}

// clustering is a partition of points with its centres.
type clustering struct {
	k       int
	labels  []int     // 0..k-1 per point
	centres []float64 // k×d row-major; unit length when spherical
	// objective is Σ cos(xᵢ, c_{label i}) for spherical k-means (higher is
	// better) and the within-cluster sum of squares otherwise (lower is better).
	objective float64
}

const maxLloydIters = 100

// lloyd runs Lloyd's algorithm from the given centres (k×d, copied).
//
// Euclidean: assign to the nearest centre, move centres to member means
// (Lloyd 1982, "Least squares quantization in PCM"). Spherical: the points
// are unit vectors, assign to the centre of largest cosine, and a centre is
// the normalised member sum (Dhillon and Modha 2001, "Concept decompositions
// for large sparse text data using clustering", Mach. Learn. 42:143–175).
// Ties go to the lower cluster index. A cluster left empty takes the point
// its own centre serves worst, from a cluster with more than one member, so
// k clusters survive whenever there are k points.
func lloyd(x points, init []float64, k int, spherical bool) clustering {
	c := clustering{k: k, labels: make([]int, x.m), centres: slices.Clone(init)}
	for i := range c.labels {
		c.labels[i] = -1
	}
	scores := mat.NewDense(x.m, k, nil)
	sizes := make([]int, k)
	fit := make([]float64, x.m) // how well each point is served: cos, or −distance²
	norms := make([]float64, x.m)
	if !spherical {
		for i := range x.m {
			r := x.row(i)
			norms[i] = floats.Dot(r, r)
		}
	}
	cnorm := make([]float64, k)
	for iter := 0; iter < maxLloydIters; iter++ {
		scores.Mul(x.dense(), mat.NewDense(k, x.d, c.centres).T())
		if !spherical {
			for j := range k {
				r := c.centres[j*x.d : (j+1)*x.d]
				cnorm[j] = floats.Dot(r, r)
			}
		}
		changed := false
		clear(sizes)
		for i := range x.m {
			s := scores.RawRowView(i)
			best, bestFit := 0, math.Inf(-1)
			for j, v := range s {
				f := v
				if !spherical {
					f = -(norms[i] - 2*v + cnorm[j])
				}
				if f > bestFit {
					best, bestFit = j, f
				}
			}
			if c.labels[i] != best {
				c.labels[i] = best
				changed = true
			}
			fit[i] = bestFit
			sizes[best]++
		}
		if fillEmpty(c.labels, sizes, fit) {
			changed = true
		}
		if !changed {
			break
		}
		updateCentres(x, &c, sizes, spherical)
	}
	c.objective = objective(x, c, spherical)
	return c
}

// fillEmpty moves into each empty cluster the worst-served point of a
// cluster that can spare one.
// It reports whether it moved any.
func fillEmpty(labels, sizes []int, fit []float64) bool {
	moved := false
	for j, n := range sizes {
		if n > 0 {
			continue
		}
		worst := -1
		for i, l := range labels {
			if sizes[l] > 1 && (worst < 0 || fit[i] < fit[worst]) {
				worst = i
			}
		}
		if worst < 0 {
			return moved // fewer points than clusters
		}
		sizes[labels[worst]]--
		labels[worst] = j
		sizes[j] = 1
		fit[worst] = math.Inf(1)
		moved = true
	}
	return moved
}

func updateCentres(x points, c *clustering, sizes []int, spherical bool) {
	clear(c.centres)
	for i, l := range c.labels {
		floats.Add(c.centres[l*x.d:(l+1)*x.d], x.row(i))
	}
	for j := range c.k {
		r := c.centres[j*x.d : (j+1)*x.d]
		switch {
		case spherical:
			if n := floats.Norm(r, 2); n > 0 {
				floats.Scale(1/n, r)
			}
		case sizes[j] > 0:
			floats.Scale(1/float64(sizes[j]), r)
		}
	}
}

func objective(x points, c clustering, spherical bool) float64 {
	var sum float64
	for i, l := range c.labels {
		r, ctr := x.row(i), c.centres[l*x.d:(l+1)*x.d]
		if spherical {
			sum += floats.Dot(r, ctr)
		} else {
			d := floats.Distance(r, ctr, 2)
			sum += d * d
		}
	}
	return sum
}

// seedPlusPlus picks k initial unit centres by greedy k-means++ (Arthur and
// Vassilvitskii 2007, "k-means++: the advantages of careful seeding"; the
// greedy variant with 2+⌊ln k⌋ candidates per step is sklearn's). On unit
// vectors ‖x−c‖² = 2(1−cos), so 1−cos serves as the D² weight.
func seedPlusPlus(x points, k int, rng *rand.Rand) []float64 {
	centres := make([]float64, 0, k*x.d)
	first := rng.IntN(x.m)
	centres = append(centres, x.row(first)...)
	pot := make([]float64, x.m)
	for i := range x.m {
		pot[i] = max(0, 1-floats.Dot(x.row(i), x.row(first)))
	}
	trials := 2 + int(math.Log(float64(k)))
	cum := make([]float64, x.m)
	cand := make([]float64, x.m)
	best := make([]float64, x.m)
	for len(centres) < k*x.d {
		floats.CumSum(cum, pot)
		total := cum[x.m-1]
		bestIdx, bestPot := -1, math.Inf(1)
		for range trials {
			var idx int
			if total > 0 {
				idx = min(sortSearch(cum, rng.Float64()*total), x.m-1)
			} else {
				idx = rng.IntN(x.m) // every point already coincides with a centre
			}
			var sum float64
			for i := range x.m {
				cand[i] = min(pot[i], max(0, 1-floats.Dot(x.row(i), x.row(idx))))
				sum += cand[i]
			}
			if sum < bestPot {
				bestIdx, bestPot = idx, sum
				copy(best, cand)
			}
		}
		centres = append(centres, x.row(bestIdx)...)
		copy(pot, best)
	}
	return centres
}

// sortSearch returns the first index whose cumulative weight exceeds v.
func sortSearch(cum []float64, v float64) int {
	i, _ := slices.BinarySearchFunc(cum, v, func(e, t float64) int {
		if e <= t {
			return -1
		}
		return 1
	})
	return i
}
