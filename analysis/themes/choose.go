package themes

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"gonum.org/v1/gonum/floats"
)

// candidate is the best of the restarts (k-means) or chains (DMM) for one
// requested k, fitted on the sample rows.
type candidate struct {
	k       int       // clusters requested
	keff    int       // clusters that kept a document
	labels  []int     // per sample row, 0..keff−1 by first appearance
	score   float64   // objective (k-means) or log-likelihood (DMM); higher is better
	centres []float64 // k-means only: keff×d
}

// rngFor derives the source of one random step, so that a restart's draws
// do not depend on how many ran before it or on which goroutine runs it.
func rngFor(seed int64, stream uint64, k, run int) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(seed), stream<<32|uint64(k)<<16|uint64(run)))
}

// parallel runs f(0..n−1) on up to GOMAXPROCS goroutines. Each f writes only
// its own result slot, so the outcome does not depend on scheduling.
func parallel(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				f(i)
			}
		}()
	}
	wg.Wait()
}

// fitCandidates fits every k in ks with the given number of runs each and
// keeps the best run per k (ties to the earlier run).
func fitCandidates(method Method, xs points, cs *csr, ks []int, runs int, seed int64, progress func(done, total int)) []candidate {
	type job struct{ k, run int }
	var jobs []job
	for _, k := range ks {
		for r := range runs {
			jobs = append(jobs, job{k, r})
		}
	}
	out := make([]candidate, len(jobs))
	var done atomic.Int64
	parallel(len(jobs), func(i int) {
		if progress != nil {
			defer func() { progress(int(done.Add(1)), len(jobs)) }()
		}
		j := jobs[i]
		switch method {
		case MethodLSA:
			rng := rngFor(seed, streamKMeans, j.k, j.run)
			c := lloyd(xs, seedPlusPlus(xs, j.k, rng), j.k, true)
			out[i] = candidate{k: j.k, keff: j.k, labels: c.labels, score: c.objective, centres: c.centres}
		default:
			// Each chain starts from its own spherical k-means partition of
			// the LSA vectors rather than from random clusters: the vectors
			// see which words go together across the whole sample, the
			// sampler then moves documents by the likelihood of their own
			// words. See defaultDMM for the measurements.
			rng := rngFor(seed, streamKMeans, j.k, j.run)
			init := lloyd(xs, seedPlusPlus(xs, j.k, rng), j.k, true).labels
			s := newDMM(cs, j.k, defaultDMM)
			s.run(rngFor(seed, streamDMM, j.k, j.run), init)
			labels, keff := compact(s.z)
			out[i] = candidate{k: j.k, keff: keff, labels: labels, score: s.logLik()}
		}
	})
	best := make([]candidate, len(ks))
	for i, c := range out {
		if g := i / runs; i%runs == 0 || c.score > best[g].score {
			best[g] = c
		}
	}
	return best
}

// compact relabels cluster ids 0, 1, … by first appearance and returns the
// number of distinct ids.
func compact(z []int) ([]int, int) {
	ids := make(map[int]int)
	out := make([]int, len(z))
	for i, c := range z {
		id, ok := ids[c]
		if !ok {
			id = len(ids)
			ids[c] = id
		}
		out[i] = id
	}
	return out, len(ids)
}

// silhouetteDims is how many leading LSA components the silhouette is taken
// in. Later components mostly single out rare words; with all 100 of them on
// testdata/labelled.tsv every partition looked alike and the silhouette rose
// with k to the end of the range, while on the leading 10–20 it peaked at
// 6–10 themes for 7 written topics.
const silhouetteDims = 20

// leading returns the unit rows of x cut to its first d components.
func leading(x points, d int) points {
	if d >= x.d {
		return x
	}
	out := points{m: x.m, d: d, data: make([]float64, x.m*d)}
	for i := range x.m {
		copy(out.row(i), x.row(i)[:d])
	}
	normalizeRows(out)
	return out
}

// chooseK settles k (recording why in res) and returns the theme of every
// analysed row, 0..k−1.
func chooseK(method Method, x points, counts *csr, opt Options, res *Result) ([]int, int) {
	sample := samplePoints(x.m, silhouetteSample, newRand(opt.Seed, streamSample))
	whole := len(sample) == x.m
	xs, cs := x, counts
	if !whole {
		xs, cs = x.subset(sample), rowSubset(counts, sample)
	}
	name := "球面k-means"
	if method == MethodDMM {
		name = "短文向け混合モデル（GSDMM）"
	}

	var ks []int
	auto := false
	switch {
	case opt.K > 0:
		ks = []int{opt.K}
		res.KReason = fmt.Sprintf("テーマ数は設定でk=%dと指定されています（%sで分類）。", opt.K, name)
	case min(opt.KMax, len(sample)/3) < 2:
		res.KReason = fmt.Sprintf("分析できる回答が%d件と少ないため、1つのテーマにまとめました。", x.m)
		ks = []int{1}
	default:
		// At least three documents a theme on average, counted on the
		// sample the silhouette is taken on.
		kmax := min(opt.KMax, len(sample)/3)
		for k := max(2, min(opt.KMin, kmax)); k <= kmax; k++ {
			ks = append(ks, k)
		}
		auto = true
	}
	if ks[0] > xs.m { // a fixed k above the sample size: fit on all rows
		xs, cs, whole = x, counts, true
	}
	cands := fitCandidates(method, xs, cs, ks, opt.Restarts, opt.Seed, opt.Progress)

	best := cands[0]
	if auto {
		dist := cosineDistances(leading(xs, silhouetteDims))
		byK := make(map[int]KScore)
		bestScore := 0.0
		for i, c := range cands {
			s := silhouette(dist, xs.m, c.labels, c.keff)
			if old, ok := byK[c.keff]; !ok || s > old.Silhouette {
				byK[c.keff] = KScore{K: c.keff, Silhouette: s}
			}
			if i == 0 || s > bestScore || (s == bestScore && c.keff < best.keff) {
				best, bestScore = c, s
			}
		}
		for _, s := range byK {
			res.KScores = append(res.KScores, s)
		}
		slices.SortFunc(res.KScores, func(a, b KScore) int { return a.K - b.K })
		capped := ""
		if ks[len(ks)-1] < opt.KMax {
			capped = fmt.Sprintf("（回答%d件に対して上限をk=%dとしました）", len(sample), ks[len(ks)-1])
		}
		tried := fmt.Sprintf("k=%d〜%d%sのそれぞれ", ks[0], ks[len(ks)-1], capped)
		if len(ks) == 1 {
			tried = fmt.Sprintf("k=%d%s", ks[0], capped)
		}
		on := fmt.Sprintf("無作為に選んだ%d件の回答", xs.m)
		if xs.m == x.m {
			on = fmt.Sprintf("全%d件の回答", xs.m)
		}
		res.KReason = fmt.Sprintf("%sで%sにより分類し、%sでシルエット係数（テーマ内のまとまりとテーマ間の離れ具合の指標）が最も高かったk=%d（%.3f）を採用しました。",
			tried, name, on, best.keff, bestScore)
	}

	labels, k := best.labels, best.keff
	if !whole {
		labels = extend(method, x, counts, cs, best, opt.Seed)
		labels, k = compact(labels)
	}
	// The sampler may empty a cluster, on the sample or when extended to
	// every row; split to keep the k that was asked for or reported.
	if want := max(opt.K, best.keff); k < want {
		labels, k = splitToK(x, labels, k, want, rngFor(opt.Seed, streamSplit, want, 0))
	}
	return labels, k
}

// extend carries a clustering of the sample to every row: one Lloyd run from
// the sample's centres, or a short DMM run started from each row's most
// probable cluster under the sample's counts.
func extend(method Method, x points, counts, sampleCounts *csr, c candidate, seed int64) []int {
	if method == MethodLSA {
		return lloyd(x, c.centres, c.keff, true).labels
	}
	fitted := newDMM(sampleCounts, c.keff, defaultDMM)
	for d, z := range c.labels {
		fitted.z[d] = z
		fitted.add(d, z, 1)
	}
	init := make([]int, counts.rows)
	for d := range init {
		init[d] = argmax(fitted.weights(counts.row(d)))
	}
	s := newDMM(counts, c.keff, refineDMM)
	s.run(rngFor(seed, streamDMM, c.keff, 1<<15), init)
	return s.z
}

// splitToK splits the largest theme in two by spherical 2-means until there
// are k, for a fixed k the model left short (a DMM may empty clusters).
func splitToK(x points, labels []int, have, k int, rng *rand.Rand) ([]int, int) {
	labels = slices.Clone(labels)
	for have < k {
		size := make([]int, have)
		for _, l := range labels {
			size[l]++
		}
		big := 0
		for j, n := range size {
			if n > size[big] {
				big = j
			}
		}
		var members []int
		for i, l := range labels {
			if l == big {
				members = append(members, i)
			}
		}
		sub := x.subset(members)
		c := lloyd(sub, seedPlusPlus(sub, 2, rng), 2, true)
		for n, i := range members {
			if c.labels[n] == 1 {
				labels[i] = have
			}
		}
		have++
	}
	return labels, have
}

// centroids returns the unit mean direction of each theme's rows.
func centroids(x points, labels []int, k int) []float64 {
	c := make([]float64, k*x.d)
	for i, l := range labels {
		floats.Add(c[l*x.d:(l+1)*x.d], x.row(i))
	}
	for j := range k {
		r := c[j*x.d : (j+1)*x.d]
		if n := floats.Norm(r, 2); n > 0 {
			floats.Scale(1/n, r)
		}
	}
	return c
}

// rowSubset copies the rows idx of a.
func rowSubset(a *csr, idx []int) *csr {
	out := &csr{rows: len(idx), cols: a.cols, ptr: make([]int, 1, len(idx)+1)}
	for _, i := range idx {
		ind, val := a.row(i)
		out.ind = append(out.ind, ind...)
		out.val = append(out.val, val...)
		out.ptr = append(out.ptr, len(out.ind))
	}
	return out
}
