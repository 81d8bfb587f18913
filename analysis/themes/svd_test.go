package themes

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// The numbers in this file are copied from ../shared/oracles/
// case05_tfidf_truncated_svd.json ("expected", computed with Python 3.11 +
// sklearn 1.2.1 and numpy 1.24.2, cross-checked with R 4.2.2 svd() to < 4e-15).
// The oracle suggests a 1e-9 relative tolerance for Go/gonum.
const oracleTol = 1e-9

// case05Counts is inputs.counts: 6 documents × 8 terms
// (公園, 道路, 子育て, 保育園, バス, 駐車場, 防災, 高齢者).
var case05Counts = [][]float64{
	{1, 0, 2, 2, 0, 0, 0, 0},
	{2, 0, 1, 1, 0, 0, 0, 0},
	{0, 2, 0, 0, 2, 1, 0, 0},
	{0, 0, 0, 0, 3, 1, 0, 1},
	{0, 1, 0, 0, 0, 0, 2, 2},
	{1, 0, 0, 0, 1, 0, 1, 1},
}

// near reports whether got is within tol of want, relative to |want| when
// that exceeds 1 and absolute otherwise (so exact zeros compare sensibly).
func near(got, want, tol float64) bool {
	return math.Abs(got-want) <= tol*max(1, math.Abs(want))
}

func dense(a *csr) [][]float64 {
	out := make([][]float64, a.rows)
	for i := range out {
		out[i] = make([]float64, a.cols)
		ind, val := a.row(i)
		for n, j := range ind {
			out[i][j] = val[n]
		}
	}
	return out
}

func checkMatrix(t *testing.T, name string, got, want [][]float64, tol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d rows, want %d", name, len(got), len(want))
	}
	for i := range want {
		if len(got[i]) != len(want[i]) {
			t.Fatalf("%s row %d: %d columns, want %d", name, i, len(got[i]), len(want[i]))
		}
		for j := range want[i] {
			if !near(got[i][j], want[i][j], tol) {
				t.Errorf("%s[%d][%d] = %.17g, want %.17g", name, i, j, got[i][j], want[i][j])
			}
		}
	}
}

func rowsOf(m mat.Matrix) [][]float64 {
	r, c := m.Dims()
	out := make([][]float64, r)
	for i := range out {
		out[i] = make([]float64, c)
		for j := range out[i] {
			out[i][j] = m.At(i, j)
		}
	}
	return out
}

func TestTFIDFCase05(t *testing.T) {
	tests := []struct {
		name string
		w    weighting
		want [][]float64
		idf  []float64 // nil: not checked
	}{
		{
			// expected.tfidf_sklearn_default and expected.idf_sklearn_smooth
			name: "sklearn default",
			w:    sklearnWeighting,
			want: [][]float64{
				{0.28602373982103335, 0, 0.6775656500512661, 0.6775656500512661, 0, 0, 0, 0},
				{0.7666337821662895, 0, 0.45402238052843286, 0.45402238052843286, 0, 0, 0, 0},
				{0, 0.7137779361986578, 0, 0, 0.602620379878561, 0.3568889680993289, 0, 0},
				{0, 0, 0, 0, 0.8884088276055689, 0.3507606892843332, 0, 0.296136275868523},
				{0, 0.3568889680993289, 0, 0, 0, 0, 0.7137779361986578, 0.602620379878561},
				{0.4765721883198389, 0, 0, 0, 0.4765721883198389, 0, 0.5644792715061554, 0.4765721883198389},
			},
			idf: []float64{1.5596157879354227, 1.8472978603872037, 1.8472978603872037, 1.8472978603872037,
				1.5596157879354227, 1.8472978603872037, 1.8472978603872037, 1.5596157879354227},
		},
		{
			// expected.tfidf_sklearn_smooth_false and crosscheck.idf_smooth_false
			name: "sklearn smooth_idf=False",
			w:    weighting{addOne: true, l2: true},
			want: [][]float64{
				{0.27430356414954266, 0, 0.679984394929346, 0.679984394929346, 0, 0, 0, 0},
				{0.7520395333159556, 0, 0.46606680869265915, 0.46606680869265915, 0, 0, 0, 0},
				{0, 0.72530142009774, 0, 0, 0.5851686188657522, 0.36265071004887, 0, 0},
				{0, 0, 0, 0, 0.8832589620188347, 0.3649255723407637, 0, 0.29441965400627823},
				{0, 0.36265071004887, 0, 0, 0, 0, 0.72530142009774, 0.5851686188657522},
				{0.4695148042146437, 0, 0, 0, 0.4695148042146437, 0, 0.5819514978671799, 0.4695148042146437},
			},
			idf: []float64{1.69314718055995, 2.09861228866811, 2.09861228866811, 2.09861228866811,
				1.69314718055995, 2.09861228866811, 2.09861228866811, 1.69314718055995},
		},
		{
			// crosscheck.tfidf_classic_unnormalised and crosscheck.idf_classic_logN_df
			// (R, printed to 15 significant digits, hence the looser tolerance)
			name: "classic tf·ln(N/df)",
			w:    weighting{},
			want: [][]float64{
				{0.693147180559945, 0, 2.19722457733622, 2.19722457733622, 0, 0, 0, 0},
				{1.38629436111989, 0, 1.09861228866811, 1.09861228866811, 0, 0, 0, 0},
				{0, 2.19722457733622, 0, 0, 1.38629436111989, 1.09861228866811, 0, 0},
				{0, 0, 0, 0, 2.07944154167984, 1.09861228866811, 0, 0.693147180559945},
				{0, 1.09861228866811, 0, 0, 0, 0, 2.19722457733622, 1.38629436111989},
				{0.693147180559945, 0, 0, 0, 0.693147180559945, 0, 1.09861228866811, 0.693147180559945},
			},
			idf: []float64{0.693147180559945, 1.09861228866811, 1.09861228866811, 1.09861228866811,
				0.693147180559945, 1.09861228866811, 1.09861228866811, 0.693147180559945},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, idf := tfidf(csrFromDense(case05Counts), tc.w)
			tol := oracleTol
			if tc.name == "classic tf·ln(N/df)" {
				tol = 1e-13
			}
			checkMatrix(t, "tfidf", dense(got), tc.want, tol)
			for j, want := range tc.idf {
				if !near(idf[j], want, max(tol, 1e-13)) {
					t.Errorf("idf[%d] = %.17g, want %.17g", j, idf[j], want)
				}
			}
		})
	}
}

func TestTruncatedSVDCase05(t *testing.T) {
	a, _ := tfidf(csrFromDense(case05Counts), sklearnWeighting)
	for _, seed := range []uint64{1, 2, 99} {
		t.Run("seed", func(t *testing.T) {
			got := truncatedSVD(a, 2, rand.New(rand.NewPCG(seed, 0)), defaultSVD)
			// expected.singular_values
			wantS := []float64{1.552261158350387, 1.3511556064333818}
			for i, w := range wantS {
				if !near(got.values[i], w, oracleTol) {
					t.Errorf("σ%d = %.17g, want %.17g", i+1, got.values[i], w)
				}
			}
			// expected.doc_scores_US_signfixed
			checkMatrix(t, "US", rowsOf(got.scores), [][]float64{
				{0.33793351656341003, 0.871030420231573},
				{0.42747369506726585, 0.8667702625497566},
				{0.6359641417634163, -0.36823095270238443},
				{0.7300228388940722, -0.36281150884006264},
				{0.6368757832452402, -0.21784649965204378},
				{0.8772612974090659, -0.030878291750749163},
			}, oracleTol)
			// expected.term_loadings_V_signfixed
			checkMatrix(t, "V", rowsOf(got.v), [][]float64{
				{0.3496351853662083, 0.49238849414505326},
				{0.2827254436926323, -0.1865568229801559},
				{0.17557675278694093, 0.5388375441081676},
				{0.17557675278694088, 0.5388375441081676},
				{0.6017319674870231, -0.3061665121773815},
				{0.20046854236643988, -0.14169288842609395},
				{0.39418049567992186, -0.09472072011602815},
				{0.42251616307016127, -0.13882183590265437},
			}, oracleTol)
			// expected.rank_k_reconstruction = (U Σ) Vᵀ
			var rec mat.Dense
			rec.Mul(got.scores, got.v.T())
			checkMatrix(t, "reconstruction", rowsOf(&rec), [][]float64{
				{0.5470388046774596, -0.06695426450847076, 0.5286771619771614, 0.5286771619771614, -0.06333494596119041, -0.055673776667374025, 0.050702172418522845, 0.021864330727571307},
				{0.5762475489606086, -0.040844216330136476, 0.5421028028600481, 0.5421028028600481, -0.008151440562158593, -0.03712015355238805, 0.08640068956787088, 0.060287906300262324},
				{0.04104275629298824, 0.24849924081177888, -0.08675614331900927, -0.0867561433190093, 0.49541994073914, 0.17966651179292922, 0.2855637616439405, 0.31982362591841523},
				{0.07659745810204144, 0.27408099346192044, -0.06732142288423279, -0.06732142288423285, 0.5503588133975673, 0.1977544250490828, 0.32212653187664253, 0.35881260858689945},
				{0.11540907261175795, 0.2207017392675362, -0.005563290914229157, -0.005563290914229185, 0.4499258210855146, 0.15854085970487017, 0.2716785892479449, 0.29933216331574625},
				{0.2915173007572961, 0.2537846455524265, 0.13738830705151348, 0.13738830705151342, 0.5373300653774982, 0.18023852791391462, 0.3487241070841007, 0.3749436585416069},
			}, oracleTol)
			// expected.explained_variance_ratio_sklearn
			evr := explainedVarianceRatio(a, got.scores)
			for i, w := range []float64{0.05291830141231048, 0.47057043837354456} {
				if !near(evr[i], w, oracleTol) {
					t.Errorf("explained variance ratio %d = %.17g, want %.17g", i, evr[i], w)
				}
			}
			// expected.doc_cosine_in_lsa_space, first row
			for j, w := range []float64{0.9999999999999999, 0.9961231146192359, -0.1541346386469983, -0.09101508140237302, 0.04050228259852685, 0.3286829655867976} {
				x, y := got.scores.RawRowView(0), got.scores.RawRowView(j)
				c := mat.Dot(mat.NewVecDense(2, x), mat.NewVecDense(2, y)) /
					(mat.Norm(mat.NewVecDense(2, x), 2) * mat.Norm(mat.NewVecDense(2, y), 2))
				if !near(c, w, oracleTol) {
					t.Errorf("cos(d1, d%d) = %.17g, want %.17g", j+1, c, w)
				}
			}
		})
	}
}

// TestTruncatedSVDAllValues checks that with k = min(rows, cols) every
// singular value comes out (expected.all_singular_values_of_tfidf_default).
func TestTruncatedSVDAllValues(t *testing.T) {
	a, _ := tfidf(csrFromDense(case05Counts), sklearnWeighting)
	got := truncatedSVD(a, 6, rand.New(rand.NewPCG(7, 0)), defaultSVD)
	want := []float64{1.5522611583503871, 1.3511556064333825, 1.0233618814855994, 0.6955678532414555, 0.4687812086928636, 0.1184222230670326}
	for i, w := range want {
		if !near(got.values[i], w, oracleTol) {
			t.Errorf("σ%d = %.17g, want %.17g", i+1, got.values[i], w)
		}
	}
}

// TestBM25 checks bm25 on a case worked by hand from the formula in its
// comment (k1 = 1.2, b = 0.75). Five documents over terms a, b, c, d:
//
//	d0: a×2 b     d1: a c     d2: c×2     d3: b d     d4: c d×3
//
// N = 5, n = (2, 2, 3, 2), so idf(a) = idf(b) = idf(d) = ln(3.5/2.5) =
// ln 1.4 = 0.336472 and idf(c) = ln(2.5/3.5) < 0, floored to 0. Lengths are
// (3, 2, 2, 2, 4), avdl = 13/5 = 2.6. For d0, K = 1.2·(0.25 + 0.75·3/2.6) =
// 1.338462; w(a) = 2·2.2/(2+K)·ln 1.4 = 0.443461 and w(b) = 2.2/(1+K)·ln 1.4 =
// 0.316550, which scaled to unit length are 0.813914 and 0.580985. d1 keeps
// only a (c weighs 0): (1, 0). d2 holds only c: a zero row. d3's two terms
// have equal weights: 1/√2 each. d4 keeps only d: 1.
func TestBM25(t *testing.T) {
	counts := csrFromDense([][]float64{
		{2, 1, 0, 0},
		{1, 0, 1, 0},
		{0, 0, 2, 0},
		{0, 1, 0, 1},
		{0, 0, 1, 3},
	})
	got := dense(bm25(counts, defaultBM25))
	r := 1 / math.Sqrt2
	want := [][]float64{
		{0.8139143338068476, 0.5809849027502827, 0, 0},
		{1, 0, 0, 0},
		{0, 0, 0, 0},
		{0, r, 0, r},
		{0, 0, 0, 1},
	}
	// The hand values above are rounded to 6 digits; these are the same
	// arithmetic carried to full precision, so the tolerance is rounding's.
	checkMatrix(t, "bm25", got, want, 1e-12)
}
