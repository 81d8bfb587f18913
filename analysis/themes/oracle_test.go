package themes

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// The tests in svd_test.go and cluster_test.go carry copies of the oracle
// numbers so that they run anywhere. The tests here read the oracle files
// themselves, when ../shared is present beside the module root, and check
// the same quantities straight from them: a guard against a mistyped copy.

// oracleFile returns the path of ../shared/oracles/name beside the module
// root, skipping the test when it is absent.
func oracleFile(t *testing.T, name string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("no go.mod above the package directory")
		}
		dir = parent
	}
	p := filepath.Join(dir, "..", "shared", "oracles", name)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("oracle %s not available (../shared is absent outside the dev setup): %v", p, err)
	}
	return p
}

func readOracle(t *testing.T, name string, v any) {
	t.Helper()
	p := oracleFile(t, name)
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("read %s: %v", p, err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("parse %s: %v", p, err)
	}
}

func TestOracleCase04File(t *testing.T) {
	var o struct {
		Inputs struct {
			X        [][]float64 `json:"X"`
			Init     []int       `json:"kmeans_initial_centers_rows_1based"`
			ARIPairs map[string]struct {
				A []int `json:"a"`
				B []int `json:"b"`
			} `json:"ari_pairs"`
		} `json:"inputs"`
		Expected struct {
			Partition []int     `json:"ward_D2_partition_k3"`
			Heights   []float64 `json:"ward_D2_merge_heights_sorted"`
			Lloyd     struct {
				Tot float64 `json:"tot_withinss"`
			} `json:"kmeans_lloyd"`
			ARI map[string]float64 `json:"ari_pairs"`
			Sil map[string]float64 `json:"avg_silhouette_ward"`
		} `json:"expected"`
	}
	readOracle(t, "case04_clustering_ari.json", &o)
	x := o.Inputs.X
	merges := ward(x)
	var heights []float64
	for _, m := range merges {
		heights = append(heights, m.height)
	}
	slices.Sort(heights)
	for i, w := range o.Expected.Heights {
		if !near(heights[i], w, oracleTol) {
			t.Errorf("ward height %d = %.17g, want %.17g", i, heights[i], w)
		}
	}
	if got := cutTree(len(x), merges, 3); ARI(got, o.Expected.Partition) != 1 {
		t.Errorf("ward k=3 = %v, want %v", got, o.Expected.Partition)
	}
	p := points{m: len(x), d: len(x[0])}
	var init []float64
	for _, r := range x {
		p.data = append(p.data, r...)
	}
	for _, i := range o.Inputs.Init {
		init = append(init, x[i-1]...)
	}
	c := lloyd(p, init, len(o.Inputs.Init), false)
	if !near(c.objective, o.Expected.Lloyd.Tot, oracleTol) || ARI(c.labels, o.Expected.Partition) != 1 {
		t.Errorf("lloyd: %v with SS %.17g, want %v with %.17g", c.labels, c.objective, o.Expected.Partition, o.Expected.Lloyd.Tot)
	}
	for name, w := range o.Expected.ARI {
		pair := o.Inputs.ARIPairs[name]
		if got := ARI(pair.A, pair.B); !near(got, w, oracleTol) {
			t.Errorf("ARI %s = %.17g, want %.17g", name, got, w)
		}
	}
	n := len(x)
	dist := make([]float64, n*n)
	for i := range n {
		for j := range n {
			dist[i*n+j] = floats.Distance(x[i], x[j], 2)
		}
	}
	for _, k := range []int{2, 3, 4} {
		w := o.Expected.Sil["k"+string(rune('0'+k))]
		if got := silhouette(dist, n, cutTree(n, merges, k), k); !near(got, w, oracleTol) {
			t.Errorf("silhouette k=%d = %.17g, want %.17g", k, got, w)
		}
	}
}

func TestOracleCase05File(t *testing.T) {
	var o struct {
		Inputs struct {
			Counts [][]float64 `json:"counts"`
			K      int         `json:"k"`
		} `json:"inputs"`
		Expected struct {
			TFIDF       [][]float64 `json:"tfidf_sklearn_default"`
			TFIDFSharp  [][]float64 `json:"tfidf_sklearn_smooth_false"`
			Values      []float64   `json:"singular_values"`
			US          [][]float64 `json:"doc_scores_US_signfixed"`
			V           [][]float64 `json:"term_loadings_V_signfixed"`
			Rec         [][]float64 `json:"rank_k_reconstruction"`
			EVR         []float64   `json:"explained_variance_ratio_sklearn"`
			AllSingular []float64   `json:"all_singular_values_of_tfidf_default"`
		} `json:"expected"`
	}
	readOracle(t, "case05_tfidf_truncated_svd.json", &o)
	counts := csrFromDense(o.Inputs.Counts)
	a, _ := tfidf(counts, sklearnWeighting)
	checkMatrix(t, "tfidf", dense(a), o.Expected.TFIDF, oracleTol)
	sharp, _ := tfidf(counts, weighting{addOne: true, l2: true})
	checkMatrix(t, "tfidf smooth_idf=False", dense(sharp), o.Expected.TFIDFSharp, oracleTol)

	got := truncatedSVD(a, o.Inputs.K, rand.New(rand.NewPCG(3, 0)), defaultSVD)
	for i, w := range o.Expected.Values {
		if !near(got.values[i], w, oracleTol) {
			t.Errorf("σ%d = %.17g, want %.17g", i+1, got.values[i], w)
		}
	}
	checkMatrix(t, "US", rowsOf(got.scores), o.Expected.US, oracleTol)
	checkMatrix(t, "V", rowsOf(got.v), o.Expected.V, oracleTol)
	var rec mat.Dense
	rec.Mul(got.scores, got.v.T())
	checkMatrix(t, "reconstruction", rowsOf(&rec), o.Expected.Rec, oracleTol)
	evr := explainedVarianceRatio(a, got.scores)
	for i, w := range o.Expected.EVR {
		if !near(evr[i], w, oracleTol) {
			t.Errorf("explained variance ratio %d = %.17g, want %.17g", i, evr[i], w)
		}
	}
	all := truncatedSVD(a, len(o.Expected.AllSingular), rand.New(rand.NewPCG(3, 0)), defaultSVD)
	for i, w := range o.Expected.AllSingular {
		if !near(all.values[i], w, oracleTol) {
			t.Errorf("all σ%d = %.17g, want %.17g", i+1, all.values[i], w)
		}
	}
}
