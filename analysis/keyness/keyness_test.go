package keyness

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
)

// rG2 is the R reference the expected G² and p below come from: the
// textbook formula written out, and pchisq for the upper tail.
//
//	Rscript -e 'g2 <- function(a,n1,c,n2){O<-c(a,n1-a,c,n2-c);
//	  E<-c(n1*(a+c)/(n1+n2),n1*(n1+n2-a-c)/(n1+n2),n2*(a+c)/(n1+n2),n2*(n1+n2-a-c)/(n1+n2));
//	  k<-O>0;G<-2*sum(O[k]*log(O[k]/E[k]));
//	  cat(sprintf("%.17g %.17g\n",G,pchisq(G,1,lower.tail=FALSE)))}; g2(30,100,20,200)'
//
// (R 4.x; scipy.stats.chi2_contingency(..., lambda_="log-likelihood",
// correction=False) gives the same; scipy was not installed here.)
var rG2 = []struct {
	name         string
	a, n1, c, n2 int
	g2, p        float64
	relTol, pTol float64 // relative tolerance of G², of p
}{
	{"ordinary", 30, 100, 20, 200, 18.130675552224861, 2.0625186633714525e-05, 1e-12, 1e-9},
	{"nobody else", 5, 20, 0, 180, 24.269333870260052, 8.3762060306258835e-07, 1e-12, 1e-9},
	{"independent", 12, 50, 48, 200, 0, 1, 0, 1e-12},
	{"large", 150, 1000, 300, 4000, 48.884349219635013, 2.7150862369982578e-12, 1e-12, 1e-9},
	{"whole group", 7, 7, 3, 93, 38.510503343240401, 5.4459805351977951e-10, 1e-12, 1e-9},
	{"strong", 40, 120, 10, 400, 82.922050773039388, 8.5353701582895257e-20, 1e-12, 1e-9},
	{"fewer in group", 0, 10, 5, 20, 4.5402667472259441, 0.033106432573919431, 1e-12, 1e-9},
	{"empty other cell", 30, 100, 0, 200, 72.876923623890278, 1.379922402289356e-17, 1e-12, 1e-9},
	{"100k", 3000, 100000, 2000, 200000, 1510.5980509937158, 0, 1e-10, 1e-300},
}

func TestLogLikelihood(t *testing.T) {
	for _, tc := range rG2 {
		t.Run(tc.name, func(t *testing.T) {
			g2, p := LogLikelihood(tc.a, tc.n1, tc.c, tc.n2)
			if !close(g2, tc.g2, tc.relTol, 1e-12) {
				t.Errorf("G² = %.17g, want %.17g (R)", g2, tc.g2)
			}
			if !close(p, tc.p, tc.pTol, 1e-300) {
				t.Errorf("p = %.17g, want %.17g (R)", p, tc.p)
			}
			// The statistic does not care which row is the group.
			g2r, pr := LogLikelihood(tc.c, tc.n2, tc.a, tc.n1)
			if !close(g2r, g2, 1e-12, 1e-12) || !close(pr, p, 1e-12, 1e-300) {
				t.Errorf("swapping the rows changed G² %.17g → %.17g, p %.17g → %.17g", g2, g2r, p, pr)
			}
		})
	}
	t.Run("impossible counts", func(t *testing.T) {
		for _, x := range [][4]int{{6, 5, 0, 5}, {-1, 5, 0, 5}, {0, 5, 7, 5}} {
			if g2, p := LogLikelihood(x[0], x[1], x[2], x[3]); !math.IsNaN(g2) || !math.IsNaN(p) {
				t.Errorf("LogLikelihood%v = %v, %v, want NaN", x, g2, p)
			}
		}
	})
}

// close reports whether got is within rel (relative) or abs of want.
func close(got, want, rel, abs float64) bool {
	d := math.Abs(got - want)
	return d <= abs || d <= rel*math.Abs(want)
}

// docsOf returns n documents with the given terms and groups.
func docsOf(n int, terms []string, groups ...int) []Doc {
	out := make([]Doc, n)
	for i := range out {
		out[i] = Doc{Terms: terms, Groups: groups}
	}
	return out
}

// districts is a survey of three districts (0 明科 n=100, 1 豊科 n=120,
// 2 穂高 n=80) whose tables are the R references: 明科 writes バス 30 times
// against 20 elsewhere (30,100,20,200) and is alone with 駅 (30,100,0,200);
// 景観 is 豊科's (108,120,142,180) and 穂高's (72,80,178,220). 常念岳 has
// only 4 writers, below the floor; 5 answers without a district and one
// document repeating a word must change nothing.
func districts() []Doc {
	var d []Doc
	d = append(d, docsOf(30, []string{"バス", "駅"}, 0)...)
	d = append(d, docsOf(4, []string{"景観", "常念岳"}, 0)...)
	d = append(d, docsOf(66, []string{"景観"}, 0)...)
	d = append(d, docsOf(12, []string{"バス"}, 1)...)
	d = append(d, docsOf(1, []string{"景観", "景観"}, 1)...)
	d = append(d, docsOf(107, []string{"景観"}, 1)...)
	d = append(d, docsOf(8, []string{"バス"}, 2)...)
	d = append(d, docsOf(72, []string{"景観", ""}, 2)...)
	d = append(d, docsOf(5, []string{"バス", "駅"})...)
	return d
}

func TestCompute(t *testing.T) {
	res, err := Compute(districts(), 3, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Tested pairs (a ≥ 5): 明科 バス 駅 景観, 豊科 バス 景観, 穂高 バス 景観.
	if res.Tests != 7 {
		t.Errorf("Tests = %d, want 7", res.Tests)
	}
	type want struct {
		term    string
		a, c    int
		g2, p   float64 // R, rG2
		jaccard float64 // a/(n_g + c)
	}
	wants := [][]want{
		{ // 明科: 駅 (nobody else) before バス; 景観 is less used there (70% against 90%)
			{"駅", 30, 0, 72.876923623890278, 1.379922402289356e-17, 30.0 / 100},
			{"バス", 30, 20, 18.130675552224861, 2.0625186633714525e-05, 30.0 / 120},
		},
		{{"景観", 108, 142, 6.7637778833228719, 0.0093026609398883086, 108.0 / 262}},
		{{"景観", 72, 178, 3.8065210218972254, 0.051053386911993258, 72.0 / 258}},
	}
	sizes := [][2]int{{100, 200}, {120, 180}, {80, 220}}
	for g, ws := range wants {
		got := res.Groups[g]
		if got.Size != sizes[g][0] || got.OtherSize != sizes[g][1] {
			t.Errorf("group %d: sizes %d/%d, want %d/%d", g, got.Size, got.OtherSize, sizes[g][0], sizes[g][1])
		}
		if len(got.Terms) != len(ws) {
			t.Errorf("group %d: %d terms %v, want %d", g, len(got.Terms), termNames(got.Terms), len(ws))
			continue
		}
		for i, w := range ws {
			tm := got.Terms[i]
			t.Run(tm.Term, func(t *testing.T) {
				if tm.Term != w.term || tm.InGroup != w.a || tm.InOther != w.c {
					t.Errorf("group %d rank %d: %s a=%d c=%d, want %s a=%d c=%d", g, i+1, tm.Term, tm.InGroup, tm.InOther, w.term, w.a, w.c)
				}
				if !close(tm.G2, w.g2, 1e-12, 0) || !close(tm.P, w.p, 1e-9, 0) {
					t.Errorf("G² %.17g p %.17g, want %.17g %.17g (R)", tm.G2, tm.P, w.g2, w.p)
				}
				if !close(tm.Jaccard, w.jaccard, 1e-15, 0) {
					t.Errorf("Jaccard %v, want %v", tm.Jaccard, w.jaccard)
				}
				ng, no := float64(sizes[g][0]), float64(sizes[g][1])
				if tm.ShareGroup != float64(w.a)/ng || tm.ShareOther != float64(w.c)/no {
					t.Errorf("shares %v %v, want %v %v", tm.ShareGroup, tm.ShareOther, float64(w.a)/ng, float64(w.c)/no)
				}
				if !math.IsNaN(tm.PAdj) {
					t.Errorf("PAdj = %v without Adjust, want NaN", tm.PAdj)
				}
			})
		}
	}
}

func termNames(ts []Term) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Term)
	}
	return out
}

// TestAdjustFamily: Adjust sees every tested pair once, in group then term
// order, whichever direction it leans, and its answer lands on the right
// term. Bonferroni (min(1, 7p)) stands in for BH to keep the check plain.
func TestAdjustFamily(t *testing.T) {
	var seen []float64
	bonferroni := func(p []float64) ([]float64, error) {
		seen = slices.Clone(p)
		out := make([]float64, len(p))
		for i, x := range p {
			out[i] = math.Min(1, float64(len(p))*x)
		}
		return out, nil
	}
	res, err := Compute(districts(), 3, Options{Adjust: bonferroni})
	if err != nil {
		t.Fatal(err)
	}
	// 明科 バス 景観 駅, 豊科 バス 景観, 穂高 バス 景観 (terms in byte order).
	order := [][4]int{{30, 100, 20, 200}, {70, 100, 180, 200}, {30, 100, 0, 200},
		{12, 120, 38, 180}, {108, 120, 142, 180}, {8, 80, 42, 220}, {72, 80, 178, 220}}
	if len(seen) != len(order) {
		t.Fatalf("Adjust got %d p-values, want %d", len(seen), len(order))
	}
	for i, x := range order {
		if _, p := LogLikelihood(x[0], x[1], x[2], x[3]); p != seen[i] {
			t.Errorf("p-value %d handed to Adjust = %v, want %v (table %v)", i, seen[i], p, x)
		}
	}
	for _, g := range res.Groups {
		for _, tm := range g.Terms {
			if want := math.Min(1, 7*tm.P); tm.PAdj != want {
				t.Errorf("%s: PAdj %v, want %v", tm.Term, tm.PAdj, want)
			}
		}
	}
}

func TestComputeOptions(t *testing.T) {
	// Four terms with one table each in group 0 (a = 6, c = 0 … 3) and
	// two with the same table, to check the tie goes by term.
	var docs []Doc
	docs = append(docs, docsOf(6, []string{"い", "あ", "う"}, 0)...)
	docs = append(docs, docsOf(6, []string{"え"}, 0)...)
	docs = append(docs, docsOf(3, []string{"う"}, 1)...)
	docs = append(docs, docsOf(9, []string{"お"}, 1)...)
	tests := []struct {
		name  string
		opt   Options
		terms []string
	}{
		{"defaults", Options{}, []string{"あ", "い", "え", "う"}},
		{"top 2", Options{Top: 2}, []string{"あ", "い"}},
		{"min 7 leaves nothing", Options{MinDocs: 7}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Compute(docs, 2, tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			if got := termNames(res.Groups[0].Terms); !slices.Equal(got, tc.terms) {
				t.Errorf("terms %v, want %v", got, tc.terms)
			}
		})
	}
}

// TestMultiGroup: a respondent in two groups (a multi-answer question)
// counts in each, and is not "elsewhere" for either.
func TestMultiGroup(t *testing.T) {
	var docs []Doc
	docs = append(docs, docsOf(5, []string{"x"}, 0, 1, 0)...)
	docs = append(docs, docsOf(5, []string{"y"}, 0)...)
	docs = append(docs, docsOf(5, []string{"z"}, 1)...)
	res, err := Compute(docs, 2, Options{MinDocs: 1})
	if err != nil {
		t.Fatal(err)
	}
	g := res.Groups[0]
	if g.Size != 10 || g.OtherSize != 5 {
		t.Fatalf("group 0 sizes %d/%d, want 10/5", g.Size, g.OtherSize)
	}
	// x: a = 5 of 10, c = 0 of 5; y the same. R: g2(5,10,0,5) = 5.2324814376454798.
	for _, tm := range g.Terms {
		if tm.InGroup != 5 || tm.InOther != 0 || !close(tm.G2, 5.2324814376454798, 1e-12, 0) {
			t.Errorf("%s: a=%d c=%d G²=%v, want 5, 0, 5.2324814376454798 (R)", tm.Term, tm.InGroup, tm.InOther, tm.G2)
		}
	}
	if got := termNames(g.Terms); !slices.Equal(got, []string{"x", "y"}) {
		t.Errorf("group 0 terms %v, want [x y]", got)
	}
}

func TestComputeEdges(t *testing.T) {
	t.Run("one group has no one to compare with", func(t *testing.T) {
		res, err := Compute(docsOf(10, []string{"バス"}, 0), 2, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if res.Tests != 0 || len(res.Groups[0].Terms) != 0 || res.Groups[0].Size != 10 || res.Groups[1].Size != 0 {
			t.Errorf("got %+v", res)
		}
	})
	t.Run("no documents", func(t *testing.T) {
		res, err := Compute(nil, 3, Options{Adjust: func([]float64) ([]float64, error) { return nil, errors.New("called") }})
		if err != nil || len(res.Groups) != 3 || res.Tests != 0 {
			t.Errorf("Compute(nil) = %+v, %v", res, err)
		}
	})
	for _, tc := range []struct {
		name string
		docs []Doc
		n    int
		opt  Options
		want string
	}{
		{"group out of range", docsOf(1, []string{"a"}, 2), 2, Options{}, "group 2 outside"},
		{"negative group", docsOf(1, []string{"a"}, -1), 2, Options{}, "group -1 outside"},
		{"negative option", nil, 2, Options{Top: -1}, "negative option"},
		{"negative groups", nil, -1, Options{}, "-1 groups"},
		{"adjust fails", districts(), 3, Options{Adjust: func([]float64) ([]float64, error) { return nil, errors.New("boom") }}, "boom"},
		{"adjust short", districts(), 3, Options{Adjust: func([]float64) ([]float64, error) { return []float64{1}, nil }}, "gave 1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Compute(tc.docs, tc.n, tc.opt)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want one containing %q", err, tc.want)
			}
		})
	}
}
