package themes

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// labelSep joins the top terms of a theme into its label.
const labelSep = "・"

// distinctiveTerms ranks, for each class, the term columns by class-based
// TF-IDF (Grootendorst 2022, "BERTopic: neural topic modeling with a
// class-based TF-IDF procedure", arXiv:2203.05794, eq. 1):
//
//	W(t,c) = tf(t,c) / Σₜ tf(t,c) · ln(1 + A / f(t))
//
// where tf(t,c) counts t in the documents of class c, f(t) counts t in all
// classes and A is the mean number of term occurrences per class. A term
// common everywhere gets a small ln(1 + A/f) however often it occurs in c.
// class[i] is row i's class (−1 leaves the row out). Only the first nTerms
// columns are ranked (the rest are sub-word features, which are no label);
// all columns count in A. It returns up to top columns per class, best first,
// ties by column (the terms' sorted order).
func distinctiveTerms(counts *csr, nTerms int, class []int, nClass, top int) [][]int {
	tf := make([][]float64, nClass)
	for c := range tf {
		tf[c] = make([]float64, counts.cols)
	}
	total := make([]float64, nClass)
	f := make([]float64, counts.cols)
	var all float64
	for i := 0; i < counts.rows; i++ {
		c := class[i]
		if c < 0 {
			continue
		}
		ind, val := counts.row(i)
		for n, j := range ind {
			tf[c][j] += val[n]
			f[j] += val[n]
			total[c] += val[n]
			all += val[n]
		}
	}
	avg := all / float64(nClass)
	out := make([][]int, nClass)
	type scored struct {
		col int
		w   float64
	}
	var cand []scored
	for c := range nClass {
		cand = cand[:0]
		for j, n := range tf[c][:nTerms] {
			if n > 0 {
				cand = append(cand, scored{j, n / total[c] * math.Log(1+avg/f[j])})
			}
		}
		slices.SortFunc(cand, func(a, b scored) int {
			if c := cmp.Compare(b.w, a.w); c != 0 {
				return c
			}
			return cmp.Compare(a.col, b.col)
		})
		for _, s := range cand[:min(top, len(cand))] {
			out[c] = append(out[c], s.col)
		}
	}
	return out
}

func termStrings(terms []string, cols []int) []string {
	out := make([]string, len(cols))
	for i, j := range cols {
		out[i] = terms[j]
	}
	return out
}

func labelOf(topTerms []string) string {
	return strings.Join(topTerms[:min(3, len(topTerms))], labelSep)
}

// Representatives are picked greedily from the members nearest the centroid,
// skipping any whose term set is a near-duplicate of one already picked, so a
// theme is not illustrated by five copies of the same sentence.
const (
	maxReps       = 5
	minReps       = 3
	repScanLimit  = 500 // members looked at, nearest first
	repMaxJaccard = 0.5 // a candidate this similar to a pick is a near-duplicate
)

// representatives returns the rows to show for one theme. members must be
// sorted nearest first.
func representatives(c *corpus, members []int) []int {
	scan := members[:min(len(members), repScanLimit)]
	var picked []int
	for _, r := range scan {
		if len(picked) == maxReps {
			break
		}
		dup := false
		for _, p := range picked {
			if jaccard(c, r, p) >= repMaxJaccard {
				dup = true
				break
			}
		}
		if !dup {
			picked = append(picked, r)
		}
	}
	// Too few distinct members: fill up with the nearest ones left.
	for _, r := range scan {
		if len(picked) >= minReps {
			break
		}
		if !slices.Contains(picked, r) {
			picked = append(picked, r)
		}
	}
	// Show them nearest first, whichever pass picked them.
	ordered := picked[:0:0]
	for _, r := range scan {
		if slices.Contains(picked, r) {
			ordered = append(ordered, r)
		}
	}
	return ordered
}

// jaccard is |A∩B| / |A∪B| of the term sets of rows a and b.
func jaccard(c *corpus, a, b int) float64 {
	x, _ := c.termRow(a)
	y, _ := c.termRow(b)
	inter := 0
	for i, j := 0, 0; i < len(x) && j < len(y); {
		switch {
		case x[i] == y[j]:
			inter++
			i++
			j++
		case x[i] < y[j]:
			i++
		default:
			j++
		}
	}
	union := len(x) + len(y) - inter
	if union == 0 {
		return 1
	}
	return float64(inter) / float64(union)
}
