package dedup

import (
	"runtime"
	"slices"
	"sync"
)

// Defaults for the zero Options.
const (
	defaultShingle   = 3
	defaultThreshold = 0.8
	defaultMinRunes  = 10
	defaultHashes    = 128

	// minThreshold is the lowest Threshold Find accepts. Below it two texts
	// are related rather than copies, which is the themes package's
	// business, and the bands would have to be so short that common endings
	// (してほしい) flood the buckets.
	minThreshold = 0.5

	// maxLeaders bounds how many texts of one bucket every other member is
	// verified against, which keeps the work linear however large a bucket
	// grows. A bucket holding more distinct near-duplicate clusters than
	// this is rare; their members still meet in the other bands.
	maxLeaders = 8
)

// Options tune Find. The zero value means the defaults.
type Options struct {
	// Shingle is the character shingle length (default 3). Texts whose
	// wording is shorter use the whole wording as their one shingle.
	Shingle int
	// Threshold is the Jaccard similarity of the shingle sets at or above
	// which two texts are near-duplicates (default 0.8; values below 0.5
	// are raised to 0.5, values above 1 lowered to 1). With 3-character
	// shingles, swapping one 2-character word in a text of n characters
	// changes 4 of its n−2 shingles, leaving (n−6)/(n+2): 0.8 from 38
	// characters on, 0.88 at 66. Punctuation and spacing never count.
	Threshold float64
	// Seed seeds the MinHash permutations and the shingle hash.
	Seed int64
	// MinRunes is the shortest wording, in characters without punctuation,
	// symbols and spaces, that takes part in near-duplicate matching
	// (default 10). Shorter texts join exact groups only: one different
	// word in 駅を作って is a different request, not a copy.
	MinRunes int
	// Hashes is the MinHash budget (default 128); Find uses as many of them
	// as the band layout chosen for Threshold needs.
	Hashes int
}

func (o Options) withDefaults() Options {
	if o.Shingle < 1 {
		o.Shingle = defaultShingle
	}
	switch {
	case !(o.Threshold > 0): // also NaN
		o.Threshold = defaultThreshold
	case o.Threshold < minThreshold:
		o.Threshold = minThreshold
	case o.Threshold > 1:
		o.Threshold = 1
	}
	if o.MinRunes < 1 {
		o.MinRunes = defaultMinRunes
	}
	if o.Hashes < 1 {
		o.Hashes = defaultHashes
	}
	return o
}

// Result assigns every input text to exactly one group; a text without a
// copy is a group of one.
type Result struct {
	// Group is, per input text, its group id. Ids are 0-based and numbered
	// in the order of each group's first member, so Group[0] is 0.
	Group []int
	// Size is, per group, how many texts it holds; the sizes add up to the
	// number of texts.
	Size []int
	// Exact is, per group, whether all members have the same Key (true for
	// every group of one); false means near-duplicates.
	Exact []bool
	// First is, per group, the index of its first member, the natural text
	// to show for it.
	First []int
	// NonAnswer is, per input text, IsNonAnswer of the text.
	NonAnswer []bool
}

// Find groups exact and near-duplicate texts and marks non-answers. The
// texts should be normalised by the caller (koe uses tokenize.Normalize).
//
// Texts with the same Key form an exact group. Among the distinct keys that
// are not non-answers and whose wording is at least Options.MinRunes
// characters, pairs whose shingle sets have a Jaccard index of at least
// Options.Threshold are joined, and groups are the connected components
// (single linkage: a chain of close copies is one group even if its ends
// differ more). Pairs are found by MinHash LSH, with the band layout chosen
// so that a pair exactly at the threshold becomes a candidate with
// probability at least 0.95 (13 bands of 7 rows at 0.8, where a pair at 0.9
// is found with probability 0.9998); every candidate is verified exactly,
// so no pair below the threshold is ever joined. Time and memory are linear
// in the number of texts; the result depends on the texts, the options and
// the seed only.
func Find(texts []string, opt Options) *Result {
	opt = opt.withDefaults()
	n := len(texts)
	workers := min(runtime.GOMAXPROCS(0), max(1, n/4096))

	keys := make([]string, n)
	parallel(n, workers, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			keys[i] = Key(texts[i])
		}
	})

	// Exact groups: rep[i] is the position in reps of text i's first copy.
	rep := make([]int32, n)
	var reps []int32
	first := make(map[string]int32, n/2)
	for i, k := range keys {
		p, ok := first[k]
		if !ok {
			p = int32(len(reps))
			first[k] = p
			reps = append(reps, int32(i))
		}
		rep[i] = p
	}
	first = nil

	// coreLen[p] is the wording length of exact group p, or -1 when the
	// group takes no part in near-duplicate matching.
	nonAnswer := make([]bool, len(reps))
	coreLen := make([]int32, len(reps))
	parallel(len(reps), workers, func(lo, hi int) {
		var core []rune
		for p := lo; p < hi; p++ {
			k := keys[reps[p]]
			nonAnswer[p] = IsNonAnswer(k)
			core = appendCore(core[:0], k)
			coreLen[p] = int32(len(core))
			if len(core) < opt.MinRunes || nonAnswer[p] {
				coreLen[p] = -1
			}
		}
	})

	uf := newUnionFind(len(reps))
	findNear(keys, reps, coreLen, uf, opt, workers)

	res := &Result{Group: make([]int, n), NonAnswer: make([]bool, n)}
	gid := make([]int32, len(reps))
	for i := range gid {
		gid[i] = -1
	}
	groupRep := []int32{} // per group: the exact-group position of its first member
	for i := range texts {
		p := rep[i]
		root := uf.find(p)
		g := gid[root]
		if g < 0 {
			g = int32(len(res.Size))
			gid[root] = g
			res.Size = append(res.Size, 0)
			res.Exact = append(res.Exact, true)
			res.First = append(res.First, i)
			groupRep = append(groupRep, p)
		}
		res.Group[i] = int(g)
		res.Size[g]++
		if groupRep[g] != p {
			res.Exact[g] = false
		}
		res.NonAnswer[i] = nonAnswer[p]
	}
	return res
}

// findNear unions the exact groups (positions in reps) that are near
// duplicates. Shingle sets and band keys are computed in parallel, one slot
// per text and band. Each band is then sorted by key, its buckets are
// verified in parallel against the groups as they stood after the previous
// band, and the verified pairs are joined on this goroutine. Which pairs a
// band verifies depends only on the input and the bands before it, and the
// groups do not depend on the order of unions, so neither the number of
// workers nor their timing reaches the result.
func findNear(keys []string, reps []int32, coreLen []int32, uf *unionFind, opt Options, workers int) {
	var elig []int32 // positions in reps
	for p, n := range coreLen {
		if n >= 0 {
			elig = append(elig, int32(p))
		}
	}
	m := len(elig)
	if m < 2 {
		return
	}
	bands, rows := chooseBands(opt.Threshold, opt.Hashes)
	seed := seedWord(opt.Seed)
	mh := newMinHasher(bands*rows, bands, rows, seed)
	shSeed := mix64(seed ^ 0x5348494e474c45) // "SHINGLE"

	// The shingle sets live in one arena: text e owns
	// arena[off[e]:off[e+1]] and uses its first setLen[e] slots.
	off := make([]int, m+1)
	for e, p := range elig {
		off[e+1] = off[e] + numShingles(int(coreLen[p]), opt.Shingle)
	}
	arena := make([]uint32, off[m])
	setLen := make([]int32, m)
	// bk[j*m+e] is band j's key of text e: band-major, so each band's sort
	// reads one contiguous stretch.
	bk := make([]uint32, bands*m)
	parallel(m, workers, func(lo, hi int) {
		var core []rune
		sig := make([]uint32, bands*rows)
		for e := lo; e < hi; e++ {
			core = appendCore(core[:0], keys[reps[elig[e]]])
			// The cap keeps a miscount from spilling into the next text's slots.
			set := setOf(appendShingles(arena[off[e]:off[e]:off[e+1]], core, opt.Shingle, shSeed))
			setLen[e] = int32(len(set))
			mh.signature(sig, set)
			for j := range bands {
				bk[j*m+e] = mh.bandKey(sig, j)
			}
		}
	})

	// comp[e] is the root of text e's group as of the last finished band.
	// Within a band the workers only read it, so what a band joins depends
	// on the bands before it, never on which worker got there first.
	comp := make([]int32, m)
	for e, p := range elig {
		comp[e] = p
	}
	vs := make([]verifier, workers)
	for w := range vs {
		vs[w] = verifier{t: opt.Threshold, arena: arena, off: off, setLen: setLen, comp: comp}
	}
	bufs := make([][2][]uint64, workers)
	for w := range bufs {
		bufs[w] = [2][]uint64{make([]uint64, m), make([]uint64, m)}
	}
	sorted := make([][]uint64, workers)
	for j0 := 0; j0 < bands; j0 += workers {
		batch := min(workers, bands-j0)
		parallel(batch, batch, func(lo, hi int) {
			for w := lo; w < hi; w++ {
				a := bufs[w][0]
				for e, key := range bk[(j0+w)*m : (j0+w+1)*m] {
					a[e] = uint64(key)<<32 | uint64(e)
				}
				sorted[w] = radixSortHigh32(a, bufs[w][1])
			}
		})
		for w := range batch {
			pieces := splitRuns(sorted[w], workers)
			parallel(len(pieces), len(pieces), func(lo, hi int) {
				for k := lo; k < hi; k++ {
					vs[k].edges = vs[k].edges[:0]
					vs[k].buckets(pieces[k])
				}
			})
			joined := false
			for k := range pieces {
				for _, ed := range vs[k].edges {
					uf.union(elig[ed[0]], elig[ed[1]])
					joined = true
				}
			}
			if joined {
				for e, p := range elig {
					comp[e] = uf.find(p)
				}
			}
		}
	}
}

// splitRuns cuts a sorted band into at most n pieces of similar length
// that never split a run of equal keys.
func splitRuns(a []uint64, n int) [][]uint64 {
	var pieces [][]uint64
	for len(a) > 0 {
		cut := len(a)
		if len(pieces) < n-1 {
			cut = min(len(a), max(1, len(a)/(n-len(pieces))))
			for cut < len(a) && a[cut]>>32 == a[cut-1]>>32 {
				cut++
			}
		}
		pieces = append(pieces, a[:cut])
		a = a[cut:]
	}
	return pieces
}

// verifier checks the candidate pairs of some buckets and records the ones
// at or above the threshold as edges between eligible texts.
type verifier struct {
	t      float64
	arena  []uint32
	off    []int
	setLen []int32
	comp   []int32
	edges  [][2]int32

	// Per bucket: the leaders (eligible texts) and the group each leader
	// stands for after this bucket's own joins, as an index into leaders.
	leaders [maxLeaders]int32
	label   [maxLeaders]int
}

// set returns the sorted shingle set of eligible text e.
func (v *verifier) set(e int32) []uint32 {
	return v.arena[v.off[e] : v.off[e]+int(v.setLen[e])]
}

// buckets walks the runs of equal band keys in a piece of a sorted band.
func (v *verifier) buckets(a []uint64) {
	for lo := 0; lo < len(a); {
		hi := lo + 1
		for hi < len(a) && a[hi]>>32 == a[lo]>>32 {
			hi++
		}
		if hi-lo > 1 {
			v.run(a[lo:hi])
		}
		lo = hi
	}
}

// run verifies one bucket, members in text order. Each member is compared
// with up to maxLeaders earlier members standing for different groups: a
// leader already in the member's group (as of the last band, or joined to
// it earlier in this bucket) needs no check, one at or above the threshold
// is joined, and a member that joins no leader becomes one while there is
// room. A bucket of copies thus costs one check per member, and any bucket
// at most maxLeaders per member.
func (v *verifier) run(a []uint64) {
	nl := 0
	for _, x := range a {
		e := int32(uint32(x))
		mine := -1 // the label this member joined in this bucket
		for l := range nl {
			ld := v.leaders[l]
			lab := v.find(l)
			if lab == mine {
				continue
			}
			if v.comp[e] != v.comp[ld] && !jaccardAtLeast(v.set(e), v.set(ld), v.t) {
				continue
			}
			if v.comp[e] != v.comp[ld] {
				v.edges = append(v.edges, [2]int32{e, ld})
			}
			if mine < 0 {
				mine = lab
			} else {
				v.label[max(lab, mine)] = min(lab, mine)
				mine = min(lab, mine)
			}
		}
		if mine < 0 && nl < maxLeaders {
			v.leaders[nl] = e
			v.label[nl] = nl
			nl++
		}
	}
}

// find follows label links to the bucket-local group of leader l.
func (v *verifier) find(l int) int {
	for v.label[l] != l {
		l = v.label[l]
	}
	return l
}

// unionFind keeps the smallest position as each set's root, so the roots,
// and with them the result, do not depend on the order of unions.
type unionFind struct{ parent []int32 }

func newUnionFind(n int) *unionFind {
	u := &unionFind{parent: make([]int32, n)}
	for i := range u.parent {
		u.parent[i] = int32(i)
	}
	return u
}

func (u *unionFind) find(x int32) int32 {
	for u.parent[x] != x {
		u.parent[x] = u.parent[u.parent[x]] // path halving
		x = u.parent[x]
	}
	return x
}

func (u *unionFind) union(a, b int32) {
	a, b = u.find(a), u.find(b)
	switch {
	case a < b:
		u.parent[b] = a
	case b < a:
		u.parent[a] = b
	}
}

// radixSortHigh32 sorts a by its upper 32 bits, stably, in two passes of
// 16 bits (least significant digit first), using tmp as scratch. It
// returns whichever of the two holds the result.
func radixSortHigh32(a, tmp []uint64) []uint64 {
	if len(a) < 1<<14 {
		// Below this the 2×65,536 counters cost more than they save. The
		// low half of each value is its position, so sorting whole values
		// keeps equal keys in position order, as the stable sort does.
		slices.Sort(a)
		return a
	}
	count := make([]int, 1<<16)
	for _, shift := range [2]uint{32, 48} {
		clear(count)
		for _, x := range a {
			count[(x>>shift)&0xffff]++
		}
		sum := 0
		for i, c := range count {
			count[i] = sum
			sum += c
		}
		for _, x := range a {
			d := (x >> shift) & 0xffff
			tmp[count[d]] = x
			count[d]++
		}
		a, tmp = tmp, a
	}
	return a
}

// parallel calls f on contiguous chunks of [0, n) from up to `workers`
// goroutines and waits for them. f must write only to slots of its chunk.
func parallel(n, workers int, f func(lo, hi int)) {
	if workers <= 1 || n < 2 {
		f(0, n)
		return
	}
	chunk := (n + workers - 1) / workers
	var wg sync.WaitGroup
	for lo := 0; lo < n; lo += chunk {
		hi := min(lo+chunk, n)
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(lo, hi)
		}()
	}
	wg.Wait()
}
