package themes

import (
	"math"
	"slices"
	"testing"

	"gonum.org/v1/gonum/floats"
)

// The numbers in this file are copied from ../shared/oracles/
// case04_clustering_ari.json ("expected", computed with R 4.2.2: stats::hclust,
// stats::kmeans, cluster 2.1.4 silhouette, mclust 6.0.0 adjustedRandIndex;
// cross-checked with scipy 1.10.1 / sklearn 1.2.1 to < 4e-15).

// case04X is inputs.X: 12 respondents × 4 satisfaction items.
var case04X = [][]float64{
	{4.2, 3.9, 2.1, 1.8}, {4.0, 4.1, 2.4, 2.0}, {4.5, 3.7, 1.9, 2.2}, {3.8, 4.3, 2.2, 1.6},
	{2.1, 2.3, 4.4, 4.1}, {1.8, 2.0, 4.1, 4.5}, {2.4, 1.9, 4.6, 3.9}, {2.0, 2.6, 3.9, 4.2},
	{3.0, 3.1, 3.0, 2.9}, {3.3, 2.8, 3.2, 3.1}, {2.8, 3.2, 2.7, 3.3}, {3.1, 3.0, 3.4, 2.7},
}

// case04Partition is expected.ward_D2_partition_k3 (also kmeans_lloyd.partition),
// relabelled from 1-based by first appearance.
var case04Partition = []int{0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2}

func TestWardCase04(t *testing.T) {
	merges := ward(case04X)
	heights := make([]float64, len(merges))
	for i, m := range merges {
		heights[i] = m.height
	}
	slices.Sort(heights)
	// expected.ward_D2_merge_heights_sorted
	want := []float64{0.458257569495584, 0.469041575982343, 0.535412613473634, 0.574456264653802,
		0.602771377334171, 0.728010988928052, 0.929157324317757, 1.01077528000375,
		1.03440804327886, 4.08503365959205, 7.18047120087997}
	if len(heights) != len(want) {
		t.Fatalf("%d merges, want %d", len(heights), len(want))
	}
	for i := range want {
		if !near(heights[i], want[i], oracleTol) {
			t.Errorf("height %d = %.17g, want %.17g", i, heights[i], want[i])
		}
	}
	if got := cutTree(len(case04X), merges, 3); !slices.Equal(got, case04Partition) {
		t.Errorf("k=3 partition = %v, want %v", got, case04Partition)
	}
}

func TestLloydCase04(t *testing.T) {
	x := points{m: len(case04X), d: 4}
	for _, r := range case04X {
		x.data = append(x.data, r...)
	}
	// inputs.kmeans_initial_centers_rows_1based = [1, 5, 9]
	var init []float64
	for _, i := range []int{0, 4, 8} {
		init = append(init, case04X[i]...)
	}
	c := lloyd(x, init, 3, false)
	if !slices.Equal(c.labels, case04Partition) {
		t.Errorf("partition = %v, want %v", c.labels, case04Partition)
	}
	// expected.kmeans_lloyd.tot_withinss
	if !near(c.objective, 2.4475, oracleTol) {
		t.Errorf("total within SS = %.17g, want 2.4475", c.objective)
	}
	// expected.kmeans_hartigan_wong.centers (same partition, so same means)
	wantCentres := [][]float64{{4.125, 4, 2.15, 1.9}, {2.075, 2.2, 4.25, 4.175}, {3.05, 3.025, 3.075, 3}}
	for j, w := range wantCentres {
		for d := range w {
			if got := c.centres[j*4+d]; !near(got, w[d], oracleTol) {
				t.Errorf("centre %d[%d] = %.17g, want %.17g", j, d, got, w[d])
			}
		}
	}
}

func TestSilhouetteCase04(t *testing.T) {
	n := len(case04X)
	dist := make([]float64, n*n)
	for i := range n {
		for j := range n {
			dist[i*n+j] = floats.Distance(case04X[i], case04X[j], 2)
		}
	}
	merges := ward(case04X)
	// expected.avg_silhouette_ward
	for _, tc := range []struct {
		k    int
		want float64
	}{{2, 0.569150115341418}, {3, 0.669621775836866}, {4, 0.520967544702569}} {
		t.Run("k", func(t *testing.T) {
			got := silhouette(dist, n, cutTree(n, merges, tc.k), tc.k)
			if !near(got, tc.want, oracleTol) {
				t.Errorf("k=%d: silhouette = %.17g, want %.17g", tc.k, got, tc.want)
			}
		})
	}
}

func TestARI(t *testing.T) {
	abc := []int{1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3}
	tests := []struct {
		name string
		a, b []int
		want float64
	}{
		// expected.ari_pairs of case04
		{"permuted labels", abc, []int{3, 3, 3, 3, 1, 1, 1, 1, 2, 2, 2, 2}, 1},
		{"partial", abc, []int{1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 1, 1}, 0.0833333333333333},
		{"unequal k", abc, []int{1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2}, 0.367816091954023},
		{"negative", []int{1, 1, 2, 2, 1, 1, 2, 2}, []int{1, 2, 1, 2, 1, 2, 1, 2}, -0.166666666666667},
		// expected.ari_ward_vs_kmeans
		{"ward vs k-means", abc, []int{1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3}, 1},
		// Degenerate cases follow sklearn's adjusted_rand_score (identical
		// trivial partitions score 1).
		{"one cluster each", []int{5, 5, 5}, []int{0, 0, 0}, 1},
		{"all singletons", []int{1, 2, 3}, []int{9, 8, 7}, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// The oracle prints 15 significant digits.
			if got := ARI(tc.a, tc.b); !near(got, tc.want, 1e-14) {
				t.Errorf("ARI = %.17g, want %.17g", got, tc.want)
			}
			if got, back := ARI(tc.a, tc.b), ARI(tc.b, tc.a); got != back {
				t.Errorf("ARI not symmetric: %v vs %v", got, back)
			}
		})
	}
	if !math.IsNaN(ARI([]int{1}, []int{1, 2})) || !math.IsNaN(ARI(nil, nil)) {
		t.Error("ARI of mismatched or empty labelings should be NaN")
	}
}

func TestNMI(t *testing.T) {
	abc := []int{1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3}
	tests := []struct {
		name string
		a, b []int
		want float64
	}{
		{"permuted labels", abc, []int{3, 3, 3, 3, 1, 1, 1, 1, 2, 2, 2, 2}, 1},
		// Independent: every cell of the 2×2 table holds 2 of 8, so I = 0.
		{"independent", []int{1, 1, 2, 2, 1, 1, 2, 2}, []int{1, 2, 1, 2, 1, 2, 1, 2}, 0},
		// Hand computation: a = {1,1,2,2}, b = {1,1,1,2}. H(a) = ln 2,
		// H(b) = −(¾ln¾ + ¼ln¼); cells (1,1)=2, (2,1)=1, (2,2)=1 of 4 give
		// I = Σ pᵢⱼ ln(pᵢⱼ/(pᵢpⱼ)) = ½ln(4/3) + ¼ln(2/3) + ¼ln 2.
		{"hand", []int{1, 1, 2, 2}, []int{1, 1, 1, 2},
			(0.5*math.Log(4.0/3) + 0.25*math.Log(2.0/3) + 0.25*math.Log(2)) /
				((math.Log(2) - 0.75*math.Log(0.75) - 0.25*math.Log(0.25)) / 2)},
		{"one cluster each", []int{5, 5, 5}, []int{0, 0, 0}, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := NMI(tc.a, tc.b); !near(got, tc.want, 1e-12) {
				t.Errorf("NMI = %.17g, want %.17g", got, tc.want)
			}
		})
	}
	if !math.IsNaN(NMI([]int{1}, nil)) {
		t.Error("NMI of mismatched labelings should be NaN")
	}
}
