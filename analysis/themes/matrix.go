package themes

import (
	"math"
	"slices"
	"unicode"
	"unicode/utf8"
)

// csr is a compressed-sparse-row matrix: the non-zeros of row i are
// val[ptr[i]:ptr[i+1]] in the columns ind[ptr[i]:ptr[i+1]], columns ascending.
// Column indexes are int32 because a vocabulary never nears 2³¹ terms and the
// index array is the largest allocation for a million short documents.
type csr struct {
	rows, cols int
	ptr        []int
	ind        []int32
	val        []float64
}

// row returns the column indexes and values of row i.
func (a *csr) row(i int) ([]int32, []float64) {
	lo, hi := a.ptr[i], a.ptr[i+1]
	return a.ind[lo:hi], a.val[lo:hi]
}

// csrFromDense builds a csr from a dense row-major table, keeping non-zeros.
func csrFromDense(rows [][]float64) *csr {
	a := &csr{rows: len(rows), ptr: make([]int, 1, len(rows)+1)}
	if len(rows) > 0 {
		a.cols = len(rows[0])
	}
	for _, r := range rows {
		for j, v := range r {
			if v != 0 {
				a.ind = append(a.ind, int32(j))
				a.val = append(a.val, v)
			}
		}
		a.ptr = append(a.ptr, len(a.ind))
	}
	return a
}

// corpus is the count matrix of the documents that kept at least one
// column after the document-frequency floor. Its first nTerms columns are
// terms; any after them are sub-word features (see buildCorpus), which help
// the clustering but never name a theme or pick a representative.
type corpus struct {
	terms   []string // column j's term or feature; terms sorted, then features sorted
	nTerms  int      // columns below this are terms
	counts  *csr     // rows are analysed documents in input order
	rowDoc  []int    // analysed row → index into the input
	skipped []int    // input indexes of documents with no usable column
}

// termRow returns row i's term columns only (a prefix: columns ascend).
func (c *corpus) termRow(i int) ([]int32, []float64) {
	ind, val := c.counts.row(i)
	n, _ := slices.BinarySearch(ind, int32(c.nTerms))
	return ind[:n], val[:n]
}

// buildCorpus counts terms per document and drops terms whose document
// frequency is below minDF. Empty strings are not terms.
//
// With subwordDF > 0, a term found in fewer than subwordDF documents also
// counts each of its kanji (kanjiOf) as a feature, and a feature is kept when
// it reaches minDF documents itself. A document is analysed when it keeps a
// term or a feature, so a short answer made only of rare compounds is still
// placed by the kanji it shares with others.
func buildCorpus(docs []Doc, minDF, subwordDF int) corpus {
	df := make(map[string]int)
	var seen []string
	for _, d := range docs {
		seen = append(seen[:0], d.Terms...)
		slices.Sort(seen)
		seen = slices.Compact(seen)
		for _, t := range seen {
			if t != "" {
				df[t]++
			}
		}
	}
	terms := make([]string, 0, len(df))
	for t, n := range df {
		if n >= minDF {
			terms = append(terms, t)
		}
	}
	slices.Sort(terms)
	nTerms := len(terms)

	// Kanji of the rare terms, then the document frequency of each kanji.
	sub := make(map[string][]string)
	if subwordDF > 0 {
		for t, n := range df {
			if n < subwordDF {
				if ks := kanjiOf(t); len(ks) > 0 {
					sub[t] = ks
				}
			}
		}
	}
	fcol := make(map[string]int32)
	if len(sub) > 0 {
		fdf := make(map[string]int)
		var fs []string
		for _, d := range docs {
			fs = fs[:0]
			for _, t := range d.Terms {
				fs = append(fs, sub[t]...)
			}
			slices.Sort(fs)
			for _, f := range slices.Compact(fs) {
				fdf[f]++
			}
		}
		var feats []string
		for f, n := range fdf {
			if n >= minDF {
				feats = append(feats, f)
			}
		}
		slices.Sort(feats)
		for j, f := range feats {
			fcol[f] = int32(nTerms + j)
		}
		terms = append(terms, feats...)
	}

	// Every term that yields a column: its own (−1 when below minDF) and
	// its kept features, so that counting takes one look-up per occurrence.
	type entry struct {
		col   int32
		feats []int32
	}
	index := make(map[string]entry, nTerms+len(sub))
	for j, t := range terms[:nTerms] {
		index[t] = entry{col: int32(j)}
	}
	for t, ks := range sub {
		e, ok := index[t]
		if !ok {
			e.col = -1
		}
		for _, k := range ks {
			if j, ok := fcol[k]; ok {
				e.feats = append(e.feats, j)
			}
		}
		if ok || len(e.feats) > 0 {
			index[t] = e
		}
	}

	c := corpus{terms: terms, nTerms: nTerms}
	a := &csr{cols: len(terms), ptr: make([]int, 1, len(docs)+1)}
	var cols []int32
	for i, d := range docs {
		cols = cols[:0]
		for _, t := range d.Terms {
			e, ok := index[t]
			if !ok {
				continue
			}
			if e.col >= 0 {
				cols = append(cols, e.col)
			}
			cols = append(cols, e.feats...)
		}
		if len(cols) == 0 {
			c.skipped = append(c.skipped, i)
			continue
		}
		slices.Sort(cols)
		for k := 0; k < len(cols); {
			n := 1
			for k+n < len(cols) && cols[k+n] == cols[k] {
				n++
			}
			a.ind = append(a.ind, cols[k])
			a.val = append(a.val, float64(n))
			k += n
		}
		a.ptr = append(a.ptr, len(a.ind))
		c.rowDoc = append(c.rowDoc, i)
	}
	a.rows = len(c.rowDoc)
	c.counts = a
	return c
}

// kanjiOf returns the distinct kanji of a term of two or more characters as
// feature names (a NUL before the kanji keeps them apart from terms when
// debugging). A kanji carries meaning of its own: 医師 and 医療 share 医,
// and a compound seen once, such as 年度内成立, still shares 成 and 立 with
// 成立 elsewhere. The iteration and closing marks and the kanji zero
// (々〆〇) mean nothing alone and are left out.
func kanjiOf(t string) []string {
	if utf8.RuneCountInString(t) < 2 {
		return nil
	}
	var out []string
	for _, r := range t {
		if !unicode.Is(unicode.Han, r) || r == '々' || r == '〆' || r == '〇' {
			continue
		}
		f := "\x00" + string(r)
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

// weighting selects a TF-IDF variant. The three used in tests are those of
// sklearn's TfidfVectorizer (smooth_idf true and false) and the textbook
// tf·ln(N/df); the pipeline adds sublinear tf, which keeps a word repeated in
// one long workshop utterance from outweighing the rest of it.
type weighting struct {
	sublinear bool // tf → 1+ln(tf)
	smooth    bool // idf from (1+n)/(1+df), as if one extra document held every term
	addOne    bool // idf + 1, so a term in every document still counts
	l2        bool // unit-length rows
}

var (
	pipelineWeighting = weighting{sublinear: true, smooth: true, addOne: true, l2: true}
	sklearnWeighting  = weighting{smooth: true, addOne: true, l2: true}
)

// tfidf returns the weighted copy of a count matrix and the idf per column.
// Formulas: sklearn.feature_extraction.text.TfidfTransformer (1.2) —
// idf = ln((1+n)/(1+df)) + 1 when smoothed, ln(n/df) + 1 otherwise.
func tfidf(counts *csr, w weighting) (*csr, []float64) {
	df := make([]int, counts.cols)
	for _, j := range counts.ind {
		df[j]++
	}
	n := float64(counts.rows)
	idf := make([]float64, counts.cols)
	for j, d := range df {
		if d == 0 {
			continue
		}
		if w.smooth {
			idf[j] = math.Log((1 + n) / (1 + float64(d)))
		} else {
			idf[j] = math.Log(n / float64(d))
		}
		if w.addOne {
			idf[j]++
		}
	}
	out := &csr{rows: counts.rows, cols: counts.cols, ptr: counts.ptr, ind: counts.ind,
		val: make([]float64, len(counts.val))}
	for i := 0; i < counts.rows; i++ {
		lo, hi := counts.ptr[i], counts.ptr[i+1]
		var ss float64
		for k := lo; k < hi; k++ {
			tf := counts.val[k]
			if w.sublinear && tf > 0 {
				tf = 1 + math.Log(tf)
			}
			v := tf * idf[counts.ind[k]]
			out.val[k] = v
			ss += v * v
		}
		if w.l2 && ss > 0 {
			s := 1 / math.Sqrt(ss)
			for k := lo; k < hi; k++ {
				out.val[k] *= s
			}
		}
	}
	return out, idf
}

// vectors returns the weighted, unit-length document vectors of a count
// matrix: the input of the SVD.
func vectors(counts *csr, w Weighting) *csr {
	if w == WeightBM25 {
		return bm25(counts, defaultBM25)
	}
	out, _ := tfidf(counts, pipelineWeighting)
	return out
}

// bm25Params are BM25's term-frequency saturation k1 and length
// normalisation b.
type bm25Params struct{ k1, b float64 }

// defaultBM25 are the values Robertson and Zaragoza (2009, §3.4) report as
// reasonable in the absence of tuning: k1 in 1.2–2, b = 0.75.
var defaultBM25 = bm25Params{k1: 1.2, b: 0.75}

// bm25 weighs a count matrix by Okapi BM25 (Robertson and Zaragoza 2009,
// "The Probabilistic Relevance Framework: BM25 and Beyond", Foundations and
// Trends in Information Retrieval 3(4):333–389, eqs. 3.3 and 3.15):
//
//	w(t,d) = tf·(k1+1) / (tf + k1·(1 − b + b·dl/avdl)) · ln((N − n + 0.5)/(n + 0.5))
//
// where tf counts t in d, dl is d's length (all its counts), avdl the mean
// length, N the number of documents and n those holding t. The (k1+1) factor
// does not change a ranking and is kept so that a single occurrence in a
// document of average length weighs exactly the idf. The idf is negative for
// a term in more than half the documents, which would push a document away
// from the others that share it; such a term gets weight 0 instead. Rows are
// then scaled to unit length, as the TF-IDF rows are, so that the SVD sees
// directions rather than lengths.
func bm25(counts *csr, p bm25Params) *csr {
	df := make([]int, counts.cols)
	for _, j := range counts.ind {
		df[j]++
	}
	n := float64(counts.rows)
	idf := make([]float64, counts.cols)
	for j, d := range df {
		idf[j] = max(0, math.Log((n-float64(d)+0.5)/(float64(d)+0.5)))
	}
	dl := make([]float64, counts.rows)
	var total float64
	for i := range counts.rows {
		_, val := counts.row(i)
		for _, v := range val {
			dl[i] += v
		}
		total += dl[i]
	}
	avdl := total / max(n, 1)
	out := &csr{rows: counts.rows, cols: counts.cols, ptr: counts.ptr, ind: counts.ind,
		val: make([]float64, len(counts.val))}
	for i := range counts.rows {
		lo, hi := counts.ptr[i], counts.ptr[i+1]
		norm := p.k1 * (1 - p.b + p.b*dl[i]/avdl)
		var ss float64
		for k := lo; k < hi; k++ {
			tf := counts.val[k]
			v := tf * (p.k1 + 1) / (tf + norm) * idf[counts.ind[k]]
			out.val[k] = v
			ss += v * v
		}
		if ss > 0 {
			s := 1 / math.Sqrt(ss)
			for k := lo; k < hi; k++ {
				out.val[k] *= s
			}
		}
	}
	return out
}
