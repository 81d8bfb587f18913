package themes

import (
	"cmp"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// Doc is one document to cluster.
type Doc struct {
	ID    int64
	Terms []string // content-word base forms; a repeated term counts again
}

// Method names a clustering model.
type Method string

const (
	// MethodDMM clusters the counts with a Dirichlet-multinomial mixture
	// fitted by Gibbs sampling (GSDMM), a model made for short texts, each
	// chain started from a spherical k-means partition of the LSA vectors.
	// It is the default: on the three labelled sets of analysis/themeeval
	// its mean ARI (seeds 1–3, k = true) was 0.611, 0.167 and 0.116 against
	// 0.478, 0.089 and 0.111 for MethodLSA (see the package documentation).
	MethodDMM Method = "gsdmm"
	// MethodLSA runs spherical k-means on the unit-length LSA vectors.
	MethodLSA Method = "lsa-kmeans"
)

// Weighting names how the document vectors (LSA input) weight terms.
type Weighting string

const (
	// WeightTFIDF is sublinear tf times sklearn's smoothed idf, rows scaled
	// to unit length. It is the default.
	WeightTFIDF Weighting = "tfidf"
	// WeightBM25 is the Okapi BM25 term weight (k1 = 1.2, b = 0.75, the
	// Robertson–Sparck Jones idf), rows scaled to unit length; see bm25.
	WeightBM25 Weighting = "bm25"
)

// Options control Find. The zero value gives the defaults.
type Options struct {
	Method Method // "" = MethodDMM
	// Weighting of the document vectors, which every method uses (k-means
	// clusters them; they seed the GSDMM chains, choose k, weigh and order
	// each theme's documents and place the parents). "" = WeightTFIDF.
	Weighting Weighting
	K         int   // number of themes; 0 = choose automatically in KMin..KMax
	Seed      int64 // seeds every random step
	MinDF     int   // a term must occur in at least this many documents; 0 = 2
	KMin      int   // smallest automatic k; 0 = 4 (capped by data size)
	KMax      int   // largest automatic k; 0 = 12 (capped at a third of the documents)
	Dims      int   // SVD dimensions; 0 = 100 (capped by documents and terms)
	// Restarts is how many k-means++ seedings (MethodLSA) or Gibbs chains
	// (MethodDMM) are run per k on the sample; the one with the best
	// objective or likelihood is kept. 0 = 5.
	Restarts int
	// Progress, when set, is called as each of the total fits (k ×
	// Restarts), where most of Find's time goes, finishes. It is called
	// from several goroutines at once and must be safe for that.
	Progress func(done, total int)
}

// Result is the outcome of Find.
type Result struct {
	Method  Method
	K       int
	KReason string   // one plain Japanese sentence saying why this k
	KScores []KScore // the silhouette of each k tried, when k was chosen automatically
	Dims    int      // SVD dimensions used
	// Explained is the share of the TF-IDF matrix's column variance that the
	// Dims components carry (sklearn TruncatedSVD's summed
	// explained_variance_ratio_), for a methods note.
	Explained float64
	Themes    []Theme  // by size, largest first; Theme.ID is the position + 1
	Parents   []Parent // 大テーマ: groups of Themes, largest first; Parent.ID is the position + 1
	Assign    []Assignment
	// Skipped lists, in input order, the documents left without a term or
	// a sub-word feature after the MinDF filter; they have no Assignment.
	Skipped []int64
}

// KScore is the mean silhouette of one candidate k on the sample.
type KScore struct {
	K          int
	Silhouette float64
}

// Theme is one cluster of documents.
type Theme struct {
	ID       int // 1-based
	Parent   int // Parent.ID
	Label    string
	TopTerms []string // most distinctive terms, best first (up to 8)
	Size     int
	// Reps are 3–5 documents near the centroid that are not near-duplicates
	// of each other (all of them when the theme is smaller), nearest first.
	Reps []int64
}

// Parent is a 大テーマ: themes whose centroids Ward's method joins.
type Parent struct {
	ID     int // 1-based
	Label  string
	Themes []int // Theme.IDs, ascending
}

// Assignment puts one analysed document in its theme.
type Assignment struct {
	DocID  int64
	Theme  int     // Theme.ID
	Weight float64 // cosine between the document's reduced vector and the theme centroid
}

const (
	defaultMinDF    = 2
	defaultKMin     = 4
	defaultKMax     = 12
	defaultDims     = 100
	defaultRestarts = 5
	// silhouetteSample caps the documents on which k is chosen: the
	// silhouette needs all pairwise distances, so its cost is quadratic.
	silhouetteSample = 2000
	topTermsPerTheme = 8
	// subwordDF: terms found in fewer documents than this also count their
	// kanji as features (see buildCorpus). A rare compound such as 年度内成立
	// or 不適切発言 otherwise shares nothing with the answers around it, and
	// short texts are mostly such compounds: on the themeeval sets the
	// features raised GSDMM's mean ARI (k = true, seeds 1–6, seeded chains)
	// on headlines from 0.009 to 0.175, on short proposals from 0.030 to
	// 0.121 and on news bodies from 0.578 to 0.616. Splitting only terms of
	// three or more characters, or splitting into other terms of the
	// vocabulary instead of kanji, kept less of the gain (headlines 0.128 and
	// 0.033). Frequent terms are already well connected, so they are not
	// split; that also keeps the extra features few on a large corpus, where
	// most occurrences are of frequent terms.
	subwordDF = 10
)

// Independent random streams, so that changing how one step draws does not
// shift the draws of another.
const (
	streamSVD uint64 = iota + 1
	streamSample
	streamKMeans
	streamDMM
	streamSplit
)

// ErrTooFewDocs is returned (wrapped) when Options.K asks for more themes
// than there are documents with a usable term.
var ErrTooFewDocs = errors.New("fewer documents than themes")

func (o Options) withDefaults() (Options, error) {
	if o.Method == "" {
		o.Method = MethodDMM
	}
	if o.Method != MethodLSA && o.Method != MethodDMM {
		return o, fmt.Errorf("themes: unknown method %q", o.Method)
	}
	if o.Weighting == "" {
		o.Weighting = WeightTFIDF
	}
	if o.Weighting != WeightTFIDF && o.Weighting != WeightBM25 {
		return o, fmt.Errorf("themes: unknown weighting %q (want %q or %q)", o.Weighting, WeightTFIDF, WeightBM25)
	}
	for _, f := range []struct {
		name string
		v    *int
		def  int
	}{
		{"MinDF", &o.MinDF, defaultMinDF},
		{"KMin", &o.KMin, defaultKMin},
		{"KMax", &o.KMax, defaultKMax},
		{"Dims", &o.Dims, defaultDims},
		{"Restarts", &o.Restarts, defaultRestarts},
	} {
		if *f.v < 0 {
			return o, fmt.Errorf("themes: %s is %d, must not be negative", f.name, *f.v)
		}
		if *f.v == 0 {
			*f.v = f.def
		}
	}
	if o.K < 0 {
		return o, fmt.Errorf("themes: K is %d, must not be negative", o.K)
	}
	if o.KMin > o.KMax {
		return o, fmt.Errorf("themes: KMin %d exceeds KMax %d", o.KMin, o.KMax)
	}
	return o, nil
}

func newRand(seed int64, stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(seed), stream))
}

// Find clusters docs into themes and groups the themes into parents.
//
// Documents with no term left after the MinDF filter are listed in Skipped.
// With no analysable document the Result has K = 0 and no themes. An error
// means bad Options, or K larger than the number of analysable documents
// (ErrTooFewDocs).
func Find(docs []Doc, opt Options) (*Result, error) {
	opt, err := opt.withDefaults()
	if err != nil {
		return nil, err
	}
	c := buildCorpus(docs, opt.MinDF, subwordDF)
	res := &Result{Method: opt.Method}
	for _, i := range c.skipped {
		res.Skipped = append(res.Skipped, docs[i].ID)
	}
	n := c.counts.rows
	if n == 0 {
		res.KReason = fmt.Sprintf("%d件以上の回答に共通して現れる語を含む回答がなく、テーマを分けられませんでした。", opt.MinDF)
		if opt.MinDF == 1 {
			res.KReason = "語を含む回答がなく、テーマを分けられませんでした。"
		}
		return res, nil
	}
	if opt.K > n {
		return nil, fmt.Errorf("themes: k=%d but only %d documents have a usable term: %w", opt.K, n, ErrTooFewDocs)
	}

	weighted := vectors(c.counts, opt.Weighting)
	res.Dims = min(opt.Dims, n, c.counts.cols)
	red := truncatedSVD(weighted, res.Dims, newRand(opt.Seed, streamSVD), defaultSVD)
	res.Explained = floats.Sum(explainedVarianceRatio(weighted, red.scores))
	x := points{m: n, d: res.Dims, data: red.scores.RawMatrix().Data}
	normalizeRows(x)

	labels, k := chooseK(opt.Method, x, c.counts, opt, res)
	res.K = k
	assemble(res, docs, c, x, labels, k)
	return res, nil
}

// samplePoints returns up to size distinct indexes below n, ascending:
// all of them when n ≤ size.
func samplePoints(n, size int, rng *rand.Rand) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	if n <= size {
		return idx
	}
	for i := range size { // partial Fisher–Yates
		j := i + rng.IntN(n-i)
		idx[i], idx[j] = idx[j], idx[i]
	}
	idx = idx[:size]
	slices.Sort(idx)
	return idx
}

// cosineDistances returns 1 − cos for all pairs of unit rows, row-major.
func cosineDistances(x points) []float64 {
	var g mat.SymDense
	g.SymOuterK(1, x.dense())
	out := make([]float64, x.m*x.m)
	for i := range x.m {
		for j := range x.m {
			out[i*x.m+j] = max(0, 1-g.At(i, j))
		}
		out[i*x.m+i] = 0
	}
	return out
}

// assemble orders the clusters into themes and fills in labels,
// representatives, assignments and parents.
func assemble(res *Result, docs []Doc, c corpus, x points, labels []int, k int) {
	centres := centroids(x, labels, k)
	size := make([]int, k)
	first := make([]int, k)
	for j := range first {
		first[j] = x.m
	}
	for i, l := range labels {
		size[l]++
		first[l] = min(first[l], i)
	}
	order := make([]int, k) // order[rank] = cluster
	for j := range order {
		order[j] = j
	}
	slices.SortFunc(order, func(a, b int) int {
		if c := cmp.Compare(size[b], size[a]); c != 0 {
			return c
		}
		return cmp.Compare(first[a], first[b])
	})
	rank := make([]int, k)
	for r, j := range order {
		rank[j] = r
	}
	class := make([]int, x.m)
	members := make([][]int, k)
	weight := make([]float64, x.m)
	for i, l := range labels {
		class[i] = rank[l]
		members[rank[l]] = append(members[rank[l]], i)
		weight[i] = floats.Dot(x.row(i), centres[l*x.d:(l+1)*x.d])
	}
	res.Assign = make([]Assignment, x.m)
	for i := range x.m {
		res.Assign[i] = Assignment{DocID: docs[c.rowDoc[i]].ID, Theme: class[i] + 1, Weight: weight[i]}
	}

	top := distinctiveTerms(c.counts, c.nTerms, class, k, topTermsPerTheme)
	res.Themes = make([]Theme, k)
	for r := range k {
		m := members[r]
		slices.SortStableFunc(m, func(a, b int) int { return cmp.Compare(weight[b], weight[a]) })
		t := Theme{ID: r + 1, Size: len(m), TopTerms: termStrings(c.terms, top[r])}
		if len(t.TopTerms) == 0 {
			t.TopTerms = ownTerms(docs, c, m, topTermsPerTheme)
		}
		t.Label = labelOf(t.TopTerms)
		for _, row := range representatives(&c, m) {
			t.Reps = append(t.Reps, docs[c.rowDoc[row]].ID)
		}
		res.Themes[r] = t
	}

	ranked := make([][]float64, k)
	for r, j := range order {
		ranked[r] = centres[j*x.d : (j+1)*x.d]
	}
	groupParents(res, docs, c, class, ranked)
}

// ownTerms names a theme whose documents hold no term above the MinDF floor
// (they met only through sub-word features): their own terms, most frequent
// first, ties in string order, up to top.
func ownTerms(docs []Doc, c corpus, rows []int, top int) []string {
	n := map[string]int{}
	for _, row := range rows {
		for _, t := range docs[c.rowDoc[row]].Terms {
			if t != "" {
				n[t]++
			}
		}
	}
	terms := make([]string, 0, len(n))
	for t := range n {
		terms = append(terms, t)
	}
	slices.SortFunc(terms, func(a, b string) int {
		if d := cmp.Compare(n[b], n[a]); d != 0 {
			return d
		}
		return cmp.Compare(a, b)
	})
	return terms[:min(top, len(terms))]
}

// groupParents joins the themes into 大テーマ by Ward's method on their
// (unit) centroids. The number of parents p is a simple rule: with three
// themes or fewer each theme is its own parent; otherwise p lies in
// 2..min(6, K/2), so that a 大テーマ gathers two themes on average (a parent
// holding one theme only repeats it), and is the one before the largest
// jump in merge height, that is, the cut that leaves the most clearly
// separated groups (ties go to fewer parents).
func groupParents(res *Result, docs []Doc, c corpus, class []int, centres [][]float64) {
	k := len(centres)
	parentOf := make([]int, k)
	for i := range parentOf {
		parentOf[i] = i
	}
	p := k
	if k > 3 {
		merges := ward(centres)
		// After k−p merges p clusters remain; the next merge is merges[k−p].
		pmax := min(6, k/2)
		bestGap := -1.0
		for q := 2; q <= pmax; q++ {
			prev := 0.0
			if k-q-1 >= 0 {
				prev = merges[k-q-1].height
			}
			if gap := merges[k-q].height - prev; gap > bestGap {
				p, bestGap = q, gap
			}
		}
		parentOf = cutTree(k, merges, p)
	}

	// Largest parent first, ties by its first theme.
	total := make([]int, p)
	firstTheme := make([]int, p)
	for j := range firstTheme {
		firstTheme[j] = k
	}
	for t, q := range parentOf {
		total[q] += res.Themes[t].Size
		firstTheme[q] = min(firstTheme[q], t)
	}
	order := make([]int, p)
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		if c := cmp.Compare(total[b], total[a]); c != 0 {
			return c
		}
		return cmp.Compare(firstTheme[a], firstTheme[b])
	})
	rank := make([]int, p)
	for r, q := range order {
		rank[q] = r
	}

	res.Parents = make([]Parent, p)
	for t := range res.Themes {
		r := rank[parentOf[t]]
		res.Themes[t].Parent = r + 1
		res.Parents[r].ID = r + 1
		res.Parents[r].Themes = append(res.Parents[r].Themes, t+1)
	}
	pclass := make([]int, len(class))
	for i, t := range class {
		pclass[i] = rank[parentOf[t]]
	}
	top := distinctiveTerms(c.counts, c.nTerms, pclass, p, 3)
	for r := range res.Parents {
		if ts := res.Parents[r].Themes; len(ts) == 1 {
			res.Parents[r].Label = res.Themes[ts[0]-1].Label
			continue
		}
		terms := termStrings(c.terms, top[r])
		if len(terms) == 0 {
			var rows []int
			for i, q := range pclass {
				if q == r {
					rows = append(rows, i)
				}
			}
			terms = ownTerms(docs, c, rows, 3)
		}
		res.Parents[r].Label = labelOf(terms)
	}
}
