package themes

import (
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/lapack/lapack64"
	"gonum.org/v1/gonum/mat"
)

// lsa is a rank-k truncated SVD A ≈ U Σ Vᵀ of a documents × terms matrix.
type lsa struct {
	values []float64  // σ₁ ≥ … ≥ σ_k
	v      *mat.Dense // terms × k, orthonormal columns (term loadings)
	scores *mat.Dense // documents × k, U Σ = A V (what sklearn's transform returns)
}

// svdParams are the knobs of the randomized range finder.
type svdParams struct {
	oversample int // extra test vectors beyond k (Halko et al. §4.2 suggest 5–10)
	powerIters int // applications of AᵀA after the first (Halko et al. §4.5)
}

var defaultSVD = svdParams{oversample: 10, powerIters: 4}

// truncatedSVD computes the k leading singular triplets of a by a randomized
// range finder: Halko, Martinsson and Tropp (2011), "Finding structure with
// randomness", SIAM Review 53(2), algorithms 4.4 (randomized subspace
// iteration) and 5.1 (direct SVD).
//
// The subspace is sought on the term side: Z (terms × l, l = k + oversample)
// starts Gaussian and is replaced by orth(AᵀA Z) powerIters+1 times, with a
// Householder re-orthonormalisation after each product so that the leading
// directions do not swamp the rest in floating point. Each product AᵀA Z is
// taken one document row at a time, so neither A Z (documents × l) nor a dense
// copy of A is ever held. The small SVD is then that of the l×l matrix
// G = Zᵀ AᵀA Z = W Λ Wᵀ (mat.SVD; G is symmetric positive semi-definite, so its
// singular vectors are its eigenvectors): σᵢ = √λᵢ and V = Z W. Working with
// G squares the condition number, which costs relative accuracy only for
// σᵢ/σ₁ below about 1e-4 — far below anything a theme depends on.
//
// Signs follow sklearn's svd_flip (u-based): in each component the document
// score of largest magnitude is positive (first such document on ties).
// k must be between 1 and min(rows, cols).
func truncatedSVD(a *csr, k int, rng *rand.Rand, p svdParams) lsa {
	l := min(k+p.oversample, a.rows, a.cols)
	z := mat.NewDense(a.cols, l, nil)
	zr := z.RawMatrix()
	for i := range zr.Data {
		zr.Data[i] = rng.NormFloat64()
	}
	h := mat.NewDense(a.cols, l, nil)
	for range p.powerIters + 1 {
		gramApply(a, zr, h.RawMatrix())
		z, h = h, z
		zr = z.RawMatrix()
		orthonormalize(zr)
	}
	gramApply(a, zr, h.RawMatrix())
	var g mat.Dense
	g.Mul(z.T(), h)
	sym := mat.NewSymDense(l, nil)
	for i := range l {
		for j := i; j < l; j++ {
			sym.SetSym(i, j, (g.At(i, j)+g.At(j, i))/2)
		}
	}
	var svd mat.SVD
	if !svd.Factorize(sym, mat.SVDThin) {
		// Factorize fails only on NaN or Inf, which TF-IDF weights never are;
		// fall back to the (still orthonormal) subspace itself.
		return finishLSA(a, z.Slice(0, a.cols, 0, k).(*mat.Dense), make([]float64, k))
	}
	lambda := svd.Values(nil)
	var w mat.Dense
	svd.VTo(&w)
	var v mat.Dense
	v.Mul(z, w.Slice(0, l, 0, k))
	values := make([]float64, k)
	for i := range values {
		values[i] = math.Sqrt(max(lambda[i], 0))
	}
	return finishLSA(a, &v, values)
}

// finishLSA computes the document scores A V and applies the sign rule.
func finishLSA(a *csr, v *mat.Dense, values []float64) lsa {
	_, k := v.Dims()
	scores := mat.NewDense(a.rows, k, nil)
	sr, vr := scores.RawMatrix(), v.RawMatrix()
	for i := 0; i < a.rows; i++ {
		ind, val := a.row(i)
		dst := sr.Data[i*sr.Stride : i*sr.Stride+k]
		for n, j := range ind {
			floats.AddScaled(dst, val[n], vr.Data[int(j)*vr.Stride:int(j)*vr.Stride+k])
		}
	}
	// The sign rule, row by row: with a million documents a walk down each
	// column would touch a new cache line at every step.
	best := make([]float64, k) // largest |score| so far, per component
	at := make([]float64, k)   // the score that has it
	for c := range best {
		best[c] = -1
	}
	for i := 0; i < a.rows; i++ {
		for c, x := range sr.Data[i*sr.Stride : i*sr.Stride+k] {
			if ax := math.Abs(x); ax > best[c] {
				best[c], at[c] = ax, x
			}
		}
	}
	flip := make([]float64, k)
	flipAny := false
	for c := range flip {
		flip[c] = 1
		if a.rows > 0 && at[c] < 0 {
			flip[c], flipAny = -1, true
		}
	}
	if flipAny {
		for i := 0; i < a.rows; i++ {
			floats.Mul(sr.Data[i*sr.Stride:i*sr.Stride+k], flip)
		}
		for j := 0; j < a.cols; j++ {
			floats.Mul(vr.Data[j*vr.Stride:j*vr.Stride+k], flip)
		}
	}
	return lsa{values: values, v: v, scores: scores}
}

// gramApply sets out = AᵀA z, streaming over the rows of a: for each row aᵢ,
// r = aᵢ z and out += aᵢᵀ r. Memory beyond out is one l-vector.
func gramApply(a *csr, z, out blas64.General) {
	l := z.Cols
	clear(out.Data)
	r := make([]float64, l)
	for i := 0; i < a.rows; i++ {
		ind, val := a.row(i)
		clear(r)
		for n, j := range ind {
			floats.AddScaled(r, val[n], z.Data[int(j)*z.Stride:int(j)*z.Stride+l])
		}
		for n, j := range ind {
			floats.AddScaled(out.Data[int(j)*out.Stride:int(j)*out.Stride+l], val[n], r)
		}
	}
}

// orthonormalize replaces the columns of a (rows ≥ cols) by an orthonormal
// basis of their span, by Householder QR (LAPACK dgeqrf + dorgqr). The thin
// Q is formed in place; mat.QR.QTo would build the full rows × rows Q.
func orthonormalize(a blas64.General) {
	tau := make([]float64, a.Cols)
	work := make([]float64, 1)
	lapack64.Geqrf(a, tau, work, -1)
	lwork := max(int(work[0]), a.Cols)
	lapack64.Orgqr(a, tau, work, -1)
	lwork = max(lwork, int(work[0]))
	work = make([]float64, lwork)
	lapack64.Geqrf(a, tau, work, lwork)
	lapack64.Orgqr(a, tau, work, lwork)
}

// explainedVarianceRatio is sklearn TruncatedSVD's explained_variance_ratio_:
// the population variance of each score column over the summed population
// variances of the columns of a (uncentred LSA, so the first ratio is often
// small: the first component mostly carries the mean).
func explainedVarianceRatio(a *csr, scores *mat.Dense) []float64 {
	n := float64(a.rows)
	sum := make([]float64, a.cols)
	sumSq := make([]float64, a.cols)
	for k, j := range a.ind {
		sum[j] += a.val[k]
		sumSq[j] += a.val[k] * a.val[k]
	}
	var total float64
	for j := range sum {
		m := sum[j] / n
		total += sumSq[j]/n - m*m
	}
	_, k := scores.Dims()
	out := make([]float64, k)
	if total <= 0 {
		return out // every column constant (BM25 can zero them all): nothing to explain
	}
	// Population variance of each score column by the corrected two-pass
	// algorithm (Chan, Golub and LeVeque 1983, eq. 1.7, as gonum's
	// stat.PopVariance), both passes row by row for the cache's sake.
	sr := scores.RawMatrix()
	mean := make([]float64, k)
	for i := 0; i < a.rows; i++ {
		floats.Add(mean, sr.Data[i*sr.Stride:i*sr.Stride+k])
	}
	floats.Scale(1/n, mean)
	ss := make([]float64, k)
	comp := make([]float64, k)
	for i := 0; i < a.rows; i++ {
		for c, x := range sr.Data[i*sr.Stride : i*sr.Stride+k] {
			d := x - mean[c]
			ss[c] += d * d
			comp[c] += d
		}
	}
	for c := range out {
		out[c] = (ss[c] - comp[c]*comp[c]/n) / n / total
	}
	return out
}
