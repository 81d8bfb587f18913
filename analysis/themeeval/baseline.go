package themeeval

import (
	"math"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// The baseline's settings, as an analyst's script would leave them.
const (
	baselineDims   = 100 // TruncatedSVD(n_components=100)
	baselineNInit  = 10  // KMeans(n_init=10)
	baselineMaxIt  = 300 // KMeans(max_iter=300), sklearn's default
	baselineStream = 0xba5e
)

// Baseline clusters documents (lists of words) into k groups the way the
// analyst's script does: sklearn-default TF-IDF, truncated SVD to 100
// dimensions, unit-length rows, Euclidean k-means++ with ten restarts. It is
// written here from the formulas, independently of analysis/themes, so that
// a change to themes cannot move the yardstick. Documents without a word get
// a zero vector, as in sklearn, and land wherever k-means puts them.
func Baseline(docs [][]string, k int, seed int64) []int {
	x := baselineVectors(docs)
	rng := rand.New(rand.NewPCG(uint64(seed), baselineStream))
	var best []int
	bestInertia := math.Inf(1)
	for range baselineNInit {
		labels, inertia := euclideanKMeans(x, k, rng)
		if inertia < bestInertia {
			best, bestInertia = labels, inertia
		}
	}
	return best
}

// baselineVectors returns the unit-length LSA vectors of docs, one row each.
func baselineVectors(docs [][]string) *mat.Dense {
	vocab := map[string]int{}
	var terms []string
	for _, d := range docs {
		for _, w := range d {
			if _, ok := vocab[w]; !ok {
				vocab[w] = len(terms)
				terms = append(terms, w)
			}
		}
	}
	// Columns in sorted order, as CountVectorizer's vocabulary_ is.
	sorted := slices.Clone(terms)
	slices.Sort(sorted)
	for j, w := range sorted {
		vocab[w] = j
	}
	n, v := len(docs), max(len(sorted), 1)
	tf := mat.NewDense(n, v, nil)
	df := make([]float64, v)
	for i, d := range docs {
		for _, w := range d {
			j := vocab[w]
			if tf.At(i, j) == 0 {
				df[j]++
			}
			tf.Set(i, j, tf.At(i, j)+1)
		}
	}
	// sklearn TfidfTransformer(norm="l2", use_idf=True, smooth_idf=True,
	// sublinear_tf=False): idf = ln((1+n)/(1+df)) + 1.
	for i := range n {
		row := tf.RawRowView(i)
		for j := range row {
			row[j] *= math.Log((1+float64(n))/(1+df[j])) + 1
		}
		if s := floats.Norm(row, 2); s > 0 {
			floats.Scale(1/s, row)
		}
	}
	// TruncatedSVD's transform is U_d Σ_d. sklearn finds it by a randomized
	// method; an exact SVD gives the same subspace to rounding on sets this
	// small.
	d := min(baselineDims, n, v)
	if n > 1 && v > 1 {
		d = min(d, min(n, v)-1) // TruncatedSVD requires n_components < n_features
	}
	var svd mat.SVD
	x := mat.NewDense(n, d, nil)
	if svd.Factorize(tf, mat.SVDThinU) {
		var u mat.Dense
		svd.UTo(&u)
		sigma := svd.Values(nil)
		for i := range n {
			for c := range d {
				x.Set(i, c, u.At(i, c)*sigma[c])
			}
		}
	}
	// Normalizer(copy=False): unit rows.
	for i := range n {
		row := x.RawRowView(i)
		if s := floats.Norm(row, 2); s > 0 {
			floats.Scale(1/s, row)
		}
	}
	return x
}

// euclideanKMeans is one sklearn KMeans run (algorithm "lloyd"): greedy
// k-means++ seeding with 2+⌊ln k⌋ candidates a step (Arthur and
// Vassilvitskii 2007; sklearn's _kmeans_plusplus), then Lloyd iterations
// until no label changes. It returns the labels and the inertia (the
// within-cluster sum of squared distances).
func euclideanKMeans(x *mat.Dense, k int, rng *rand.Rand) ([]int, float64) {
	n, d := x.Dims()
	k = min(k, n)
	centres := mat.NewDense(k, d, nil)
	dist2 := func(a, b []float64) float64 {
		var s float64
		for i := range a {
			t := a[i] - b[i]
			s += t * t
		}
		return s
	}
	first := rng.IntN(n)
	copy(centres.RawRowView(0), x.RawRowView(first))
	closest := make([]float64, n)
	for i := range n {
		closest[i] = dist2(x.RawRowView(i), centres.RawRowView(0))
	}
	trials := 2 + int(math.Log(float64(k)))
	cand := make([]float64, n)
	bestCand := make([]float64, n)
	for c := 1; c < k; c++ {
		total := floats.Sum(closest)
		bestIdx, bestPot := 0, math.Inf(1)
		for range trials {
			idx := rng.IntN(n)
			if total > 0 {
				u := rng.Float64() * total
				for i, p := range closest {
					u -= p
					if u < 0 {
						idx = i
						break
					}
				}
			}
			var pot float64
			for i := range n {
				cand[i] = min(closest[i], dist2(x.RawRowView(i), x.RawRowView(idx)))
				pot += cand[i]
			}
			if pot < bestPot {
				bestIdx, bestPot = idx, pot
				copy(bestCand, cand)
			}
		}
		copy(centres.RawRowView(c), x.RawRowView(bestIdx))
		copy(closest, bestCand)
	}

	labels := make([]int, n)
	for i := range labels {
		labels[i] = -1
	}
	sizes := make([]int, k)
	var inertia float64
	for range baselineMaxIt {
		changed := false
		inertia = 0
		for i := range n {
			best, bestD := 0, math.Inf(1)
			for c := range k {
				if dd := dist2(x.RawRowView(i), centres.RawRowView(c)); dd < bestD {
					best, bestD = c, dd
				}
			}
			if labels[i] != best {
				labels[i], changed = best, true
			}
			inertia += bestD
		}
		if !changed {
			break
		}
		centres.Zero()
		clear(sizes)
		for i, l := range labels {
			floats.Add(centres.RawRowView(l), x.RawRowView(i))
			sizes[l]++
		}
		for c := range k {
			if sizes[c] > 0 {
				floats.Scale(1/float64(sizes[c]), centres.RawRowView(c))
			}
		}
		relocateEmpty(x, centres, labels, sizes)
	}
	return labels, inertia
}

// relocateEmpty moves the centre of each empty cluster onto the point
// farthest from its own centre, taken from a cluster that can spare it, as
// sklearn's _relocate_empty_clusters does.
func relocateEmpty(x, centres *mat.Dense, labels, sizes []int) {
	n, d := x.Dims()
	for c, size := range sizes {
		if size > 0 {
			continue
		}
		far, farD := -1, -1.0
		for i := range n {
			if sizes[labels[i]] < 2 {
				continue
			}
			var s float64
			for j := range d {
				t := x.At(i, j) - centres.At(labels[i], j)
				s += t * t
			}
			if s > farD {
				far, farD = i, s
			}
		}
		if far < 0 {
			return
		}
		sizes[labels[far]]--
		labels[far] = c
		sizes[c] = 1
		copy(centres.RawRowView(c), x.RawRowView(far))
	}
}
