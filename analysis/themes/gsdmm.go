package themes

import (
	"math"
	"math/rand/v2"
)

// dmmParams are the hyperparameters and schedule of the Dirichlet-multinomial
// mixture.
type dmmParams struct {
	alpha  float64 // prior weight of a cluster: larger fills more clusters
	beta   float64 // prior weight of a term in a cluster: smaller splits finer
	iters  int     // Gibbs sweeps over all documents
	greedy int     // sweeps that then move each document to its most probable cluster
}

// α = β = 0.1 are Yin and Wang's settings. They stop after 30 sweeps; on
// testdata/labelled.tsv 60 sampling sweeps followed by 5 greedy ones raised
// the mean ARI over 10 seeds from 0.22 to 0.27 for one chain, and choosing
// the most probable of 5 chains raised it to 0.36.
//
// Starting each chain from a spherical k-means partition of the LSA vectors
// instead of at random (fitCandidates) raised the mean ARI at the true k,
// seeds 1–6, on ../themeeval's articles, titles and proposals from 0.592,
// 0.174 and 0.100 to 0.616, 0.175 and 0.121, and on labelled.tsv (seeds
// 1–10, k = 7) from 0.319 to 0.374. Other priors, tried the same way on the
// three sets, bought nothing: β = 0.2 moved no set by more than 0.007, α = 1
// lowered proposals by 0.007 and β = 0.05 articles by 0.032. Before seeding,
// 150 sweeps or 10 chains changed no mean by more than 0.01. A seeded chain
// starts near a good partition, so Yin and Wang's 30 sampling sweeps are
// enough again: against 60 they moved no mean on the three sets by more than
// 0.023 either way (k = true and automatic, seeds 1–6) nor on labelled.tsv
// by more than 0.008, and take half the time; 3 chains instead of 5 cost up
// to 0.056 at the true k.
var (
	defaultDMM = dmmParams{alpha: 0.1, beta: 0.1, iters: 30, greedy: 5}
	// refineDMM continues on all documents from a model fitted on a sample,
	// where many documents average the sampling noise away.
	refineDMM = dmmParams{alpha: 0.1, beta: 0.1, iters: 15, greedy: 5}
)

// dmm is the state of a collapsed Gibbs sampler for the Dirichlet-multinomial
// mixture model of short texts (Yin and Wang 2014, "A Dirichlet multinomial
// mixture model-based approach for short text clustering", KDD '14): every
// document belongs to one of k clusters, and document d moves to cluster z
// with probability proportional to (their eq. 4)
//
//	(m_z + α) · Πₜ Π_{j=1..c_dt} (n_zt + β + j − 1) / Π_{i=1..N_d} (n_z + Vβ + i − 1)
//
// where m_z counts documents in z, n_zt occurrences of term t in z, n_z all
// term occurrences in z, c_dt occurrences of t in d, N_d = Σₜ c_dt and V the
// vocabulary size, all counted without d. One cluster per whole answer suits
// survey text, where an answer is a handful of words about one thing.
type dmm struct {
	counts *csr
	k      int
	p      dmmParams
	m, n   []float64 // m_z, n_z
	// n_zt at t*k+z: a term's counts in all clusters lie together, which is
	// the order weights reads them in.
	nt       []float64
	z        []int // cluster of each row
	prob     []float64
	num, den []float64
}

func newDMM(counts *csr, k int, p dmmParams) *dmm {
	return &dmm{
		counts: counts, k: k, p: p,
		m: make([]float64, k), n: make([]float64, k),
		nt: make([]float64, k*counts.cols),
		z:  make([]int, counts.rows), prob: make([]float64, k),
		num: make([]float64, k), den: make([]float64, k),
	}
}

func (s *dmm) add(d, z int, sign float64) {
	ind, val := s.counts.row(d)
	s.m[z] += sign
	for i, t := range ind {
		s.nt[int(t)*s.k+z] += sign * val[i]
		s.n[z] += sign * val[i]
	}
}

// weights sets s.prob to the unnormalised probabilities of d's clusters
// under the current counts, for the row ind/val of some matrix over the same
// vocabulary. Numerators and denominators are multiplied separately over
// runs of chunk term occurrences and divided once per run; all clusters are
// then rescaled together if they have shrunk, so long workshop utterances do
// not underflow. (Each factor is at least β/(n_z+Vβ+N_d) > 1e-9 for any
// realistic corpus, so a run moves the products by at most 1e-144.)
func (s *dmm) weights(ind []int32, val []float64) []float64 {
	const chunk = 16
	k := s.k
	vBeta := float64(s.counts.cols) * s.p.beta
	for z := range s.prob {
		s.prob[z] = s.m[z] + s.p.alpha
		s.num[z], s.den[z] = 1, 1
	}
	i := 0
	for x, t := range ind {
		nt := s.nt[int(t)*k : int(t)*k+k]
		for j := 0; j < int(val[x]); j++ {
			a, b := s.p.beta+float64(j), vBeta+float64(i)
			for z, c := range nt {
				s.num[z] *= c + a
				s.den[z] *= s.n[z] + b
			}
			i++
			if i%chunk == 0 {
				s.flush()
			}
		}
	}
	if i%chunk != 0 {
		s.flush()
	}
	return s.prob
}

// flush folds the pending numerator and denominator products into prob.
func (s *dmm) flush() {
	for z := range s.prob {
		s.prob[z] *= s.num[z] / s.den[z]
		s.num[z], s.den[z] = 1, 1
	}
	rescale(s.prob)
}

// run sweeps the sampler: from init when given (a cluster per row), else
// from uniformly random clusters.
func (s *dmm) run(rng *rand.Rand, init []int) {
	for d := range s.z {
		if init != nil {
			s.z[d] = init[d]
		} else {
			s.z[d] = rng.IntN(s.k)
		}
		s.add(d, s.z[d], 1)
	}
	for sweep := range s.p.iters + s.p.greedy {
		for d := range s.z {
			s.add(d, s.z[d], -1)
			w := s.weights(s.counts.row(d))
			if sweep < s.p.iters {
				s.z[d] = sample(w, rng)
			} else {
				s.z[d] = argmax(w)
			}
			s.add(d, s.z[d], 1)
		}
	}
}

// logLik is log p(z, documents) with the cluster proportions and the term
// distributions integrated out (Yin and Wang 2014, eqs. 1–3; Dirichlet-
// multinomial marginals), up to terms that do not depend on z. Chains with
// the same k are compared by it.
func (s *dmm) logLik() float64 {
	vBeta := float64(s.counts.cols) * s.p.beta
	var ll float64
	for z := range s.k {
		ll += lgamma(s.m[z]+s.p.alpha) - lgamma(s.p.alpha)
		ll += lgamma(vBeta) - lgamma(s.n[z]+vBeta)
	}
	for _, c := range s.nt { // fixed order: the sum is the same every run
		if c > 0 {
			ll += lgamma(c+s.p.beta) - lgamma(s.p.beta)
		}
	}
	return ll
}

func lgamma(x float64) float64 {
	y, _ := math.Lgamma(x)
	return y
}

// rescale multiplies all weights by 2¹²⁸ while the largest is below 2⁻⁶⁴;
// a power of two keeps their ratios exact.
func rescale(w []float64) {
	const tiny = 0x1p-64
	top := 0.0
	for _, x := range w {
		top = max(top, x)
	}
	for top > 0 && top < tiny {
		for i := range w {
			w[i] *= 0x1p128
		}
		top *= 0x1p128
	}
}

// sample draws an index with probability proportional to w.
func sample(w []float64, rng *rand.Rand) int {
	var total float64
	for _, x := range w {
		total += x
	}
	u := rng.Float64() * total
	for i, x := range w {
		u -= x
		if u < 0 {
			return i
		}
	}
	// Rounding left u ≥ 0: take the last index with any weight.
	for i := len(w) - 1; i >= 0; i-- {
		if w[i] > 0 {
			return i
		}
	}
	return 0
}

func argmax(w []float64) int {
	best := 0
	for i, x := range w {
		if x > w[best] {
			best = i
		}
	}
	return best
}
