package keyness

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

// Doc is one document: its words and the groups it belongs to.
type Doc struct {
	Terms []string // repeats count once; "" is ignored
	// Groups are indices 0 … groups−1; a respondent of a multi-answer
	// question may be in several. A document in none (its respondent did
	// not answer the question) is left out of every table.
	Groups []int
}

// Options tune Compute. The zero value uses the defaults.
type Options struct {
	// MinDocs is the fewest documents of a group that must use a term for
	// it to be tested there (default DefaultMinDocs).
	MinDocs int
	// Top is how many terms each group keeps, most distinctive first
	// (default DefaultTop).
	Top int
	// Adjust corrects the p-values of every test of the call for multiple
	// testing; it gets them in a fixed order (group, then term) and must
	// return as many. Nil leaves Term.PAdj NaN.
	Adjust func(p []float64) ([]float64, error)
}

// Defaults of Options.
const (
	DefaultMinDocs = 5  // the report's min_cell
	DefaultTop     = 10 // a council table's worth per group
)

// Result is the distinctive terms of every group.
type Result struct {
	Groups []Group // index = group
	Tests  int     // (group, term) pairs tested: the family Adjust corrected
}

// Group is one group's distinctive terms.
type Group struct {
	Size      int    // documents in the group (n_g)
	OtherSize int    // documents in the other groups (n_o)
	Terms     []Term // at most Options.Top, highest G² first, ties by term
}

// Term is a term's 2×2 table against one group, and its test.
type Term struct {
	Term       string
	InGroup    int     // a: the group's documents using the term
	InOther    int     // c: the other documents using it
	ShareGroup float64 // a / n_g
	ShareOther float64 // c / n_o
	G2         float64 // log-likelihood ratio statistic
	P          float64 // P(χ²₁ ≥ G2)
	PAdj       float64 // P adjusted across Result.Tests; NaN without Options.Adjust
	Jaccard    float64 // a / (n_g + c): the term's and the group's documents, shared over either
}

// Compute finds the distinctive terms of each of groups groups.
func Compute(docs []Doc, groups int, opt Options) (*Result, error) {
	if groups < 0 {
		return nil, fmt.Errorf("keyness: %d groups", groups)
	}
	if opt.MinDocs < 0 || opt.Top < 0 {
		return nil, fmt.Errorf("keyness: negative option (MinDocs %d, Top %d)", opt.MinDocs, opt.Top)
	}
	minDocs, top := opt.MinDocs, opt.Top
	if minDocs == 0 {
		minDocs = DefaultMinDocs
	}
	if top == 0 {
		top = DefaultTop
	}

	// Terms are interned once; a per-term stamp of the last document seen
	// makes a repeated word count once without sorting each document.
	index := map[string]int{}
	var terms []string
	var stamp []int
	df := []int{}               // documents (in some group) using each term
	in := make([][]int, groups) // in[g][t]: the group's documents using t
	size := make([]int, groups)
	total := 0
	var gs []int
	for i, d := range docs {
		gs = gs[:0]
		for _, g := range d.Groups {
			if g < 0 || g >= groups {
				return nil, fmt.Errorf("keyness: document %d: group %d outside 0…%d", i, g, groups-1)
			}
			if !slices.Contains(gs, g) {
				gs = append(gs, g)
			}
		}
		if len(gs) == 0 {
			continue
		}
		total++
		for _, g := range gs {
			size[g]++
		}
		for _, s := range d.Terms {
			if s == "" {
				continue
			}
			t, ok := index[s]
			if !ok {
				t = len(terms)
				index[s] = t
				terms = append(terms, s)
				stamp = append(stamp, -1)
				df = append(df, 0)
				for g := range in {
					in[g] = append(in[g], 0)
				}
			}
			if stamp[t] == i {
				continue
			}
			stamp[t] = i
			df[t]++
			for _, g := range gs {
				in[g][t]++
			}
		}
	}

	res := &Result{Groups: make([]Group, groups)}
	type test struct {
		g int
		t Term
	}
	var tests []test
	for g := range groups {
		ng, no := size[g], total-size[g]
		res.Groups[g] = Group{Size: ng, OtherSize: no}
		if ng == 0 || no == 0 {
			continue // nothing to compare against
		}
		for t, a := range in[g] {
			if a < minDocs {
				continue
			}
			c := df[t] - a
			g2, p := LogLikelihood(a, ng, c, no)
			tests = append(tests, test{g, Term{Term: terms[t], InGroup: a, InOther: c,
				ShareGroup: float64(a) / float64(ng), ShareOther: float64(c) / float64(no),
				G2: g2, P: p, PAdj: math.NaN(), Jaccard: float64(a) / float64(ng+c)}})
		}
	}
	// A fixed order for Adjust and for ties: group, then term.
	slices.SortFunc(tests, func(x, y test) int {
		if c := cmp.Compare(x.g, y.g); c != 0 {
			return c
		}
		return cmp.Compare(x.t.Term, y.t.Term)
	})
	res.Tests = len(tests)
	if opt.Adjust != nil && len(tests) > 0 {
		ps := make([]float64, len(tests))
		for i, x := range tests {
			ps[i] = x.t.P
		}
		adj, err := opt.Adjust(ps)
		if err != nil {
			return nil, fmt.Errorf("keyness: adjust p-values: %w", err)
		}
		if len(adj) != len(ps) {
			return nil, fmt.Errorf("keyness: adjusting %d p-values gave %d", len(ps), len(adj))
		}
		for i := range tests {
			tests[i].t.PAdj = adj[i]
		}
	}
	for _, x := range tests {
		if x.t.ShareGroup > x.t.ShareOther {
			res.Groups[x.g].Terms = append(res.Groups[x.g].Terms, x.t)
		}
	}
	for g := range res.Groups {
		ts := res.Groups[g].Terms
		slices.SortStableFunc(ts, func(x, y Term) int {
			if c := cmp.Compare(y.G2, x.G2); c != 0 {
				return c
			}
			return cmp.Compare(x.Term, y.Term)
		})
		if len(ts) > top {
			res.Groups[g].Terms = slices.Clip(ts[:top])
		}
	}
	return res, nil
}

// LogLikelihood returns the log-likelihood ratio G² of the 2×2 table
// {{a, n1−a}, {c, n2−c}} and its p-value on one degree of freedom:
// G² = 2 Σ O·ln(O/E), E = row total · column total / N, an empty cell
// adding nothing (Dunning 1993, eq. 7; Rayson & Garside 2000). Counts
// outside 0 ≤ a ≤ n1, 0 ≤ c ≤ n2 give NaN.
func LogLikelihood(a, n1, c, n2 int) (g2, p float64) {
	if a < 0 || c < 0 || a > n1 || c > n2 {
		return math.NaN(), math.NaN()
	}
	n := float64(n1 + n2)
	uses := float64(a + c)
	not := n - uses
	if n == 0 {
		return 0, 1
	}
	cell := func(o, row, col float64) float64 {
		if o == 0 {
			return 0
		}
		return o * math.Log(o*n/(row*col))
	}
	fa, fb := float64(a), float64(n1-a)
	fc, fd := float64(c), float64(n2-c)
	g2 = 2 * (cell(fa, float64(n1), uses) + cell(fb, float64(n1), not) +
		cell(fc, float64(n2), uses) + cell(fd, float64(n2), not))
	// Rounding can leave a hair below 0 for a table at independence.
	g2 = math.Max(0, g2)
	// For one degree of freedom P(χ² ≥ x) = P(|Z| ≥ √x) = erfc(√(x/2)),
	// accurate far into the tail where 1 − CDF would round to 0.
	return g2, math.Erfc(math.Sqrt(g2 / 2))
}
