package themes

import (
	"math"
	"slices"
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

// corpus is the term-count matrix of the documents that kept at least one
// term after the document-frequency floor.
type corpus struct {
	terms   []string // column j's term; sorted, so column order never depends on input order
	counts  *csr     // rows are analysed documents in input order
	rowDoc  []int    // analysed row → index into the input
	skipped []int    // input indexes of documents with no usable term
}

// buildCorpus counts terms per document and drops terms whose document
// frequency is below minDF. Empty strings are not terms.
func buildCorpus(docs []Doc, minDF int) corpus {
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
	col := make(map[string]int32, len(terms))
	for j, t := range terms {
		col[t] = int32(j)
	}

	c := corpus{terms: terms}
	a := &csr{cols: len(terms), ptr: make([]int, 1, len(docs)+1)}
	var cols []int32
	for i, d := range docs {
		cols = cols[:0]
		for _, t := range d.Terms {
			if j, ok := col[t]; ok {
				cols = append(cols, j)
			}
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
