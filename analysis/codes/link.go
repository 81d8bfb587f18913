package codes

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// prog is a linked rule set ready for matching. Every distinct word pattern
// of the rules is a slot; matching a document first records, per slot, the
// positions of the terms that fill it, then evaluates the conditions on
// those position lists.
type prog struct {
	codes  []*cnode // the visible codes first, then replaced definitions
	nvis   int
	nslots int
	exact  map[string][]int32 // term → slots of plain words
	wild   []wildSlot

	// cache remembers which slots a term fills when the rules have
	// wildcards: a corpus has far fewer distinct terms than tokens, so each
	// term is tested against the wildcards once.
	cache  sync.Map // string → []int32
	cached atomic.Int64
	pool   sync.Pool // *state
}

// maxCached bounds the wildcard cache; past it, terms are tested each time.
const maxCached = 1 << 20

type wildSlot struct {
	pat  pattern
	slot int32
}

// cnode is a linked condition node.
type cnode struct {
	kind  nkind
	slots []int32 // per word of the phrase or list
	op    cmpOp
	n     int
	code  int32 // nRef
	kids  []*cnode
	// mask (nOr) holds the slots of the plain-word alternatives, which
	// kids then leaves out: rules are long or-chains of words, and one
	// bitset test replaces a walk over them.
	mask []uint64
}

// link resolves references by name, assigns slots and rejects cycles.
// broken names codes dropped for parse errors, whose references are not
// reported again; prefer is the path of the file being read, if any.
func link(defs []*def, broken map[string]bool, prefer string) (*prog, Errors) {
	p := &prog{exact: map[string][]int32{}, nvis: len(defs)}
	var errs Errors
	index := make(map[string]int32, len(defs))
	for i, d := range defs {
		index[d.code.ID] = int32(i)
	}
	slotOf := map[string]int32{}
	slot := func(pt pattern) int32 {
		k := pt.key()
		if s, ok := slotOf[k]; ok {
			return s
		}
		s := int32(p.nslots)
		p.nslots++
		slotOf[k] = s
		if pt.anyBefore || pt.anyAfter {
			p.wild = append(p.wild, wildSlot{pt, s})
		} else {
			p.exact[pt.text] = append(p.exact[pt.text], s)
		}
		return s
	}

	// all holds every def that gets compiled: the visible ones, then the
	// replaced definitions that self-references reach, in the order found.
	all := append([]*def(nil), defs...)
	hidden := map[*def]int32{}
	type edge struct {
		to int32
		at pos
	}
	edges := [][]edge{}
	var compile func(d *def, self int32, x *node) *cnode
	compile = func(d *def, self int32, x *node) *cnode {
		c := &cnode{kind: x.kind, op: x.op, n: x.n, code: -1}
		for _, pt := range x.pats {
			c.slots = append(c.slots, slot(pt))
		}
		if x.kind == nNear {
			// Order does not matter to near; equal slots side by side let
			// the matcher take their positions in increasing order only.
			slices.Sort(c.slots)
		}
		for _, k := range x.kids {
			c.kids = append(c.kids, compile(d, self, k))
		}
		if x.kind == nOr {
			kids := c.kids[:0]
			for _, k := range c.kids {
				if k.kind == nTerm && k.op == cmpNone && len(k.slots) == 1 {
					c.mask = setBit(c.mask, k.slots[0])
					continue
				}
				kids = append(kids, k)
			}
			c.kids = kids
		}
		if x.kind != nRef {
			return c
		}
		switch to, ok := index[x.ref]; {
		case x.ref == d.code.ID && d.base != nil:
			h, seen := hidden[d.base]
			if !seen {
				h = int32(len(all))
				hidden[d.base] = h
				all = append(all, d.base)
			}
			c.code = h
		case ok:
			c.code = to
		case broken[x.ref]:
			// Reported where it was defined.
		default:
			errs = append(errs, &Error{Path: d.code.Path, Line: x.at.line, Column: x.at.col,
				Message: fmt.Sprintf("unknown code <＊%s>: define it with a line ＊%s, or check the spelling", x.ref, x.ref)})
		}
		if c.code >= 0 {
			edges[self] = append(edges[self], edge{c.code, x.at})
		}
		return c
	}
	for i := 0; i < len(all); i++ {
		edges = append(edges, nil)
		p.codes = append(p.codes, compile(all[i], int32(i), all[i].expr))
	}

	// Depth-first search for cycles. Each back edge is one message, placed
	// at a reference in the file being read (prefer) when the cycle passes
	// through one, since that is the file the user can change.
	const (
		white = iota
		grey
		black
	)
	color := make([]uint8, len(all))
	type step struct {
		code int32
		at   pos // the reference taken to the next step
	}
	var stack []step
	var visit func(u int32)
	visit = func(u int32) {
		color[u] = grey
		stack = append(stack, step{code: u})
		for _, e := range edges[u] {
			stack[len(stack)-1].at = e.at
			switch color[e.to] {
			case white:
				visit(e.to)
			case grey:
				j := len(stack) - 1
				for stack[j].code != e.to {
					j--
				}
				cycle := stack[j:]
				k := len(cycle) - 1
				for i, st := range cycle {
					if all[st.code].code.Path == prefer {
						k = i
						break
					}
				}
				var names []string
				for i := range cycle {
					names = append(names, all[cycle[(k+i)%len(cycle)].code].code.ID)
				}
				names = append(names, names[0])
				d := all[cycle[k].code]
				at := cycle[k].at
				msg := fmt.Sprintf("code %s refers back to itself (%s): break the cycle", d.code.ID, strings.Join(names, " → "))
				if len(cycle) == 1 {
					msg = fmt.Sprintf("code %s refers to itself: a code may use its own id only when it replaces a built-in code of that id", d.code.ID)
				}
				errs = append(errs, &Error{Path: d.code.Path, Line: at.line, Column: at.col, Message: msg})
			}
		}
		stack = stack[:len(stack)-1]
		color[u] = black
	}
	for i := range all {
		if color[i] == white {
			visit(int32(i))
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	p.pool.New = func() any {
		return &state{
			pos:     make([][]int32, p.nslots),
			present: make([]uint64, (p.nslots+63)/64),
			memo:    make([]uint8, len(p.codes)),
		}
	}
	return p, nil
}

func setBit(set []uint64, i int32) []uint64 {
	for int(i/64) >= len(set) {
		set = append(set, 0)
	}
	set[i/64] |= 1 << (i % 64)
	return set
}
