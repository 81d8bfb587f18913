package codes

import "slices"

// state is the per-document scratch of a match, pooled so that matching a
// corpus allocates little beyond the results.
type state struct {
	pos     [][]int32 // slot → positions of the terms filling it, ascending
	present []uint64  // bitset of the slots with positions
	touched []int32   // slots with positions, to reset
	memo    []uint8   // code → 0 unknown, 1 false, 2 true
	used    []int32   // near: positions already assigned
}

// Match returns the ids of the codes whose conditions the document's terms
// satisfy, in rule order. terms are the document's content-word base forms in
// text order; nil when no code matches.
func (r *Rules) Match(terms []string) []string {
	if r == nil || r.prog == nil {
		return nil
	}
	var buf [32]int
	idx := r.prog.match(terms, buf[:0])
	if len(idx) == 0 {
		return nil
	}
	ids := make([]string, len(idx))
	for i, c := range idx {
		ids[i] = r.Codes[c].ID
	}
	return ids
}

// MatchIndex appends to dst the indexes in r.Codes of the codes the document
// matches, in rule order, and returns the extended slice; it is Match for
// callers that keep their own per-code data.
func (r *Rules) MatchIndex(terms []string, dst []int) []int {
	if r == nil || r.prog == nil {
		return dst
	}
	return r.prog.match(terms, dst)
}

func (p *prog) match(terms []string, dst []int) []int {
	if p.nvis == 0 {
		return dst
	}
	st := p.pool.Get().(*state)
	for i, t := range terms {
		key := foldCase(t)
		slots := p.exact[key]
		if len(p.wild) > 0 {
			slots = p.termSlots(key)
		}
		for _, s := range slots {
			st.add(s, int32(i))
		}
	}
	for i := 0; i < p.nvis; i++ {
		if st.code(p, int32(i)) {
			dst = append(dst, i)
		}
	}
	for _, s := range st.touched {
		st.pos[s] = st.pos[s][:0]
		st.present[s/64] = 0
	}
	st.touched = st.touched[:0]
	clear(st.memo)
	p.pool.Put(st)
	return dst
}

// termSlots returns every slot a term fills, plain and wildcard, from the
// cache when it can.
func (p *prog) termSlots(term string) []int32 {
	if v, ok := p.cache.Load(term); ok {
		return v.([]int32)
	}
	s := slices.Clone(p.exact[term])
	for _, w := range p.wild {
		if w.pat.matches(term) {
			s = append(s, w.slot)
		}
	}
	if p.cached.Load() < maxCached {
		if _, loaded := p.cache.LoadOrStore(term, s); !loaded {
			p.cached.Add(1)
		}
	}
	return s
}

func (st *state) add(s, i int32) {
	if len(st.pos[s]) == 0 {
		st.touched = append(st.touched, s)
		st.present[s/64] |= 1 << (s % 64)
	}
	st.pos[s] = append(st.pos[s], i)
}

func (st *state) code(p *prog, i int32) bool {
	switch st.memo[i] {
	case 1:
		return false
	case 2:
		return true
	}
	// Linking rejected cycles, so this recursion ends.
	v := st.eval(p, p.codes[i])
	st.memo[i] = 1
	if v {
		st.memo[i] = 2
	}
	return v
}

func (st *state) eval(p *prog, c *cnode) bool {
	switch c.kind {
	case nTerm:
		if c.op == cmpNone {
			return st.phrase(c.slots, 1) > 0
		}
		n := st.phrase(c.slots, -1)
		switch c.op {
		case cmpGE:
			return n >= c.n
		case cmpGT:
			return n > c.n
		case cmpLE:
			return n <= c.n
		case cmpLT:
			return n < c.n
		default:
			return n == c.n
		}
	case nNear:
		return st.near(c.slots, c.n)
	case nSeq:
		return st.seq(c.slots, c.n)
	case nRef:
		return st.code(p, c.code)
	case nNot:
		return !st.eval(p, c.kids[0])
	case nAnd:
		for _, k := range c.kids {
			if !st.eval(p, k) {
				return false
			}
		}
		return true
	case nOr:
		for i, m := range c.mask {
			if m&st.present[i] != 0 {
				return true
			}
		}
		for _, k := range c.kids {
			if st.eval(p, k) {
				return true
			}
		}
		return false
	}
	return false
}

// phrase counts the places where the slots' terms stand one after another,
// stopping at limit (no limit when negative).
func (st *state) phrase(slots []int32, limit int) int {
	first := st.pos[slots[0]]
	if len(slots) == 1 {
		return len(first)
	}
	n := 0
next:
	for _, at := range first {
		for k, s := range slots[1:] {
			if _, ok := slices.BinarySearch(st.pos[s], at+int32(k)+1); !ok {
				continue next
			}
		}
		n++
		if n == limit {
			break
		}
	}
	return n
}

// near tells whether every slot can be given its own position, all inside
// one span of at most span terms (last − first ≤ span). The leftmost chosen
// position is some slot's position, so trying each as the span's start is
// enough; within a span the slots are assigned by backtracking, which is
// needed only when one term fills several slots (overlapping wildcards).
// Linking sorted the slots, so repeats of one slot (near(A-A)) are adjacent
// and take increasing positions, which keeps the search linear for them.
func (st *state) near(slots []int32, span int) bool {
	for _, s := range slots {
		if len(st.pos[s]) == 0 {
			return false
		}
	}
	for _, s := range slots {
		for _, lo := range st.pos[s] {
			st.used = st.used[:0]
			if st.assign(slots, lo, lo+int32(span), -1, -1) {
				return true
			}
		}
	}
	return false
}

func (st *state) assign(slots []int32, lo, hi, prevSlot, prevPos int32) bool {
	if len(slots) == 0 {
		return true
	}
	ps := st.pos[slots[0]]
	from := lo
	if slots[0] == prevSlot {
		from = prevPos + 1
	}
	i, _ := slices.BinarySearch(ps, from)
	for ; i < len(ps) && ps[i] <= hi; i++ {
		if slices.Contains(st.used, ps[i]) {
			continue
		}
		st.used = append(st.used, ps[i])
		if st.assign(slots[1:], lo, hi, slots[0], ps[i]) {
			return true
		}
		st.used = st.used[:len(st.used)-1]
	}
	return false
}

// seq tells whether the slots' terms occur in order at increasing positions,
// with last − first ≤ span when span > 0. From a given first position,
// taking the earliest next occurrence each time ends soonest, so one greedy
// pass per first position decides.
func (st *state) seq(slots []int32, span int) bool {
	for _, start := range st.pos[slots[0]] {
		at := start
		for _, s := range slots[1:] {
			ps := st.pos[s]
			i, _ := slices.BinarySearch(ps, at+1)
			if i == len(ps) {
				// A later start cannot find a later match either.
				return false
			}
			at = ps[i]
		}
		if span <= 0 || at-start <= int32(span) {
			return true
		}
	}
	return false
}
