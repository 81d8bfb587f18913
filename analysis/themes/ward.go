package themes

import (
	"math"

	"gonum.org/v1/gonum/floats"
)

// merge is one step of an agglomeration: the clusters led by points a < b
// join at height.
type merge struct {
	a, b   int
	height float64
}

// ward agglomerates points by Ward's minimum-variance criterion with the
// heights of R's hclust(method = "ward.D2") and scipy's linkage("ward")
// (Murtagh and Legendre 2014, "Ward's hierarchical agglomerative clustering
// method: which algorithms implement Ward's criterion?", J. Classification
// 31:274–295). Squared Euclidean dissimilarities are updated by the
// Lance–Williams formula
//
//	d²(k, i∪j) = ((nᵢ+n_k) d²(k,i) + (nⱼ+n_k) d²(k,j) − n_k d²(i,j)) / (nᵢ+nⱼ+n_k)
//
// and a merge's height is √d². The naive O(n³) search is fine for the few
// dozen theme centroids it is used on. Each cluster is named by its smallest
// point; ties in height go to the pair that comes first in that order.
func ward(x [][]float64) []merge {
	n := len(x)
	d2 := make([][]float64, n)
	for i := range d2 {
		d2[i] = make([]float64, n)
		for j := range i {
			d := floats.Distance(x[i], x[j], 2)
			d2[i][j], d2[j][i] = d*d, d*d
		}
	}
	size := make([]int, n)
	active := make([]bool, n)
	for i := range n {
		size[i], active[i] = 1, true
	}
	merges := make([]merge, 0, max(n-1, 0))
	for len(merges) < n-1 {
		bi, bj, best := -1, -1, math.Inf(1)
		for i := range n {
			if !active[i] {
				continue
			}
			for j := i + 1; j < n; j++ {
				if active[j] && d2[i][j] < best {
					bi, bj, best = i, j, d2[i][j]
				}
			}
		}
		merges = append(merges, merge{a: bi, b: bj, height: math.Sqrt(max(best, 0))})
		ni, nj := float64(size[bi]), float64(size[bj])
		for k := range n {
			if !active[k] || k == bi || k == bj {
				continue
			}
			nk := float64(size[k])
			v := ((ni+nk)*d2[k][bi] + (nj+nk)*d2[k][bj] - nk*best) / (ni + nj + nk)
			d2[k][bi], d2[bi][k] = v, v
		}
		size[bi] += size[bj]
		active[bj] = false
	}
	return merges
}

// cutTree returns the k-cluster partition of n points given their merges
// (undoing the last k−1), labelled 0, 1, … by first appearance.
func cutTree(n int, merges []merge, k int) []int {
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for _, m := range merges[:max(0, min(len(merges), n-k))] {
		parent[find(m.b)] = find(m.a)
	}
	labels := make([]int, n)
	seen := make(map[int]int)
	for i := range n {
		r := find(i)
		l, ok := seen[r]
		if !ok {
			l = len(seen)
			seen[r] = l
		}
		labels[i] = l
	}
	return labels
}

// silhouette is the mean silhouette width (Rousseeuw 1987, "Silhouettes: a
// graphical aid to the interpretation and validation of cluster analysis",
// J. Comput. Appl. Math. 20:53–65) of labels 0..k-1 over a symmetric n×n
// dissimilarity matrix held row-major: s(i) = (b−a)/max(a,b), a the mean
// dissimilarity to the rest of i's cluster, b the least mean dissimilarity to
// another cluster, and s(i) = 0 for a point alone in its cluster, as in R's
// cluster::silhouette and sklearn.
func silhouette(dist []float64, n int, labels []int, k int) float64 {
	if n == 0 || k < 2 {
		return 0
	}
	size := make([]int, k)
	for _, l := range labels {
		size[l]++
	}
	sums := make([]float64, k)
	var total float64
	for i := range n {
		clear(sums)
		row := dist[i*n : (i+1)*n]
		for j, d := range row {
			if j != i {
				sums[labels[j]] += d
			}
		}
		own := labels[i]
		if size[own] < 2 {
			continue
		}
		a := sums[own] / float64(size[own]-1)
		b := math.Inf(1)
		for c, s := range sums {
			if c != own && size[c] > 0 {
				b = min(b, s/float64(size[c]))
			}
		}
		if m := max(a, b); m > 0 && !math.IsInf(b, 1) {
			total += (b - a) / m
		}
	}
	return total / float64(n)
}
