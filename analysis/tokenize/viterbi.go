package tokenize

import (
	"math"
	"unicode/utf8"

	"github.com/ikawaha/kagome-dict/dict"
	"github.com/ikawaha/kagome-dict/dict/trie"
)

// This file is kagome's lattice (tokenizer/lattice: Build, Forward and
// Backward in Normal mode) rewritten to do the same arithmetic in the same
// order with less around it: nodes live in one reused slice instead of a
// sync.Pool each, duplicate dictionary entries come from a dense table
// instead of a map, and each node's best cost is computed as it is added,
// since every node it can follow has been added before. The candidates, their
// order and the tie-breaking (the first of equal costs wins) are kagome's, so
// the path is the one kagome finds; TestViterbiMatchesKagome and
// FuzzViterbiMatchesKagome hold it to that.

// Node classes, as kagome's lattice.NodeClass numbers them.
const (
	nodeDummy   uint8 = iota // BOS and EOS
	nodeKnown                // IPA dictionary
	nodeUnknown              // IPA unknown-word model
	nodeUser                 // user dictionary
)

const (
	maxCost        = math.MaxInt32 // kagome's maximumCost
	maxUnknownRune = 1024          // kagome's maximumUnknownWordLength
)

type lnode struct {
	pos, end            int32 // byte span in the input
	id                  int32
	cost                int32 // of the best path from BOS to here
	prev                int32 // best previous node, -1 for none
	next                int32 // next node ending at the same rune position, -1 for none
	left, right, weight int16
	class               uint8
}

// candidate is a node that can precede the nodes starting at one position,
// copied out of its list so the inner loop reads contiguous memory.
type candidate struct {
	cost  int32
	idx   int32
	right int16
	user  bool
}

// viterbi is the scratch space for one line, reused across lines.
type viterbi struct {
	nodes     []lnode
	head      []int32 // per rune end position: first and last node ending there
	tail      []int32
	prevs     []candidate
	prevsUser bool // some of prevs are user-dictionary words
	matches   []match
	path      []int32
}

type match struct{ id, n int32 }

// viterbiTables are what the search reads from the IPA dictionary, laid out
// for it.
type viterbiTables struct {
	dupOf  []uint16 // morph id → number of entries after it with the same surface
	unkID  []int32  // character class → first unknown-word entry
	unkDup []int32  // character class → number of further entries
}

func newViterbiTables(d *dict.Dict) (*viterbiTables, error) {
	vt := &viterbiTables{dupOf: make([]uint16, len(d.Morphs))}
	for id, n := range d.Index.Dup {
		if id < 0 || int(id) >= len(vt.dupOf) || n < 0 || n > math.MaxUint16 || int(id)+int(n) >= len(d.Morphs) {
			return nil, errBadDup
		}
		vt.dupOf[id] = uint16(n)
	}
	nclass := len(d.CharClass)
	if len(d.InvokeList) != nclass || len(d.GroupList) != nclass {
		return nil, errBadCharDef
	}
	vt.unkID = make([]int32, nclass)
	vt.unkDup = make([]int32, nclass)
	for c := range nclass {
		id, dup := d.UnkDict.Index[int32(c)], d.UnkDict.IndexDup[int32(c)]
		if id < 0 || dup < 0 || int(id)+int(dup) >= len(d.UnkDict.Morphs) {
			return nil, errBadUnknown
		}
		vt.unkID[c], vt.unkDup[c] = id, dup
	}
	for _, c := range d.CharCategory {
		if int(c) >= nclass {
			return nil, errBadCharDef
		}
	}
	return vt, nil
}

// prefixMatches appends the entries of da that are prefixes of s, shortest
// first, as trie.DoubleArray.CommonPrefixSearchCallback finds them.
func prefixMatches(out []match, da trie.DoubleArray, s string) []match {
	p, q := 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == 0 { // kagome's terminator
			break
		}
		p = q
		q = int(da[p].Base) + int(c)
		if q < 0 || q >= len(da) || int(da[q].Check) != p {
			break
		}
		ahead := int(da[q].Base)
		if ahead >= 0 && ahead < len(da) && int(da[ahead].Check) == q && da[ahead].Base <= 0 {
			out = append(out, match{-da[ahead].Base, int32(i + 1)})
		}
	}
	return out
}

// run finds the best path through input and returns its nodes from the first
// word to the last (BOS and EOS left out). The result is valid until the next
// call.
func (v *viterbi) run(d *dict.Dict, vt *viterbiTables, ud *dict.UserDict, input string) []int32 {
	rc := utf8.RuneCountInString(input)
	v.nodes = v.nodes[:0]
	v.head = grow(v.head, rc+2)
	v.tail = grow(v.tail, rc+2)
	for i := range v.head {
		v.head[i], v.tail[i] = -1, -1
	}
	// BOS ends at rune 0.
	v.nodes = append(v.nodes, lnode{prev: -1, next: -1, class: nodeDummy, id: -1})
	v.head[0], v.tail[0] = 0, 0

	conn := d.Connection.Vec
	rows := int(d.Connection.Row)
	runePos := -1
	for pos, ch := range input {
		runePos++
		v.gather(runePos)
		rest := input[pos:]

		// (1) User dictionary: a match there hides the IPA entries.
		if ud != nil {
			v.matches = prefixMatches(v.matches[:0], ud.Index.Da, rest)
			for _, m := range v.matches {
				dup := ud.Index.Dup[m.id]
				for id := m.id; id <= m.id+dup; id++ {
					v.add(conn, rows, runePos, lnode{pos: int32(pos), end: int32(pos) + m.n, id: id, class: nodeUser}, runePos+utf8.RuneCountInString(rest[:m.n]))
				}
			}
			if len(v.matches) > 0 {
				continue
			}
		}

		// (2) IPA dictionary.
		v.matches = prefixMatches(v.matches[:0], d.Index.Da, rest)
		for _, m := range v.matches {
			last := m.id + int32(vt.dupOf[m.id])
			endRune := runePos + utf8.RuneCountInString(rest[:m.n])
			for id := m.id; id <= last; id++ {
				mo := d.Morphs[id]
				v.add(conn, rows, runePos, lnode{pos: int32(pos), end: int32(pos) + m.n, id: id, class: nodeKnown, left: mo.LeftID, right: mo.RightID, weight: mo.Weight}, endRune)
			}
		}

		// (3) Unknown words, when nothing matched or the character class
		// always invokes them.
		class := d.CharacterCategory(ch)
		if len(v.matches) > 0 && !d.InvokeList[class] {
			continue
		}
		end := pos + 1
		if ch != utf8.RuneError {
			end = pos + utf8.RuneLen(ch)
		}
		if d.GroupList[class] {
			for i, w, n := end, 0, 1; i < len(input); i += w {
				var c rune
				c, w = utf8.DecodeRuneInString(input[i:])
				if d.CharacterCategory(c) != class {
					break
				}
				end += w
				if n++; n >= maxUnknownRune {
					break
				}
			}
		}
		short := pos
		if c, size := utf8.DecodeLastRuneInString(input[pos:end]); c != utf8.RuneError {
			short = end - size
		}
		first, dup := vt.unkID[class], vt.unkDup[class]
		for id := first; id <= first+dup; id++ {
			mo := d.UnkDict.Morphs[id]
			n := lnode{pos: int32(pos), id: id, class: nodeUnknown, left: mo.LeftID, right: mo.RightID, weight: mo.Weight}
			if pos < short {
				// The run without its last character.
				n.end = int32(short)
				v.add(conn, rows, runePos, n, runePos+utf8.RuneCountInString(input[pos:short]))
			}
			n.end = int32(end)
			v.add(conn, rows, runePos, n, runePos+utf8.RuneCountInString(input[pos:end]))
		}
	}

	// EOS follows the nodes ending at the last rune.
	v.gather(rc)
	eos := v.add(conn, rows, rc, lnode{pos: int32(len(input)), end: int32(len(input)), id: -1, class: nodeDummy}, rc+1)
	v.path = v.path[:0]
	for p := v.nodes[eos].prev; p >= 0; p = v.nodes[p].prev {
		if v.nodes[p].class != nodeDummy {
			v.path = append(v.path, p)
		}
	}
	for i, j := 0, len(v.path)-1; i < j; i, j = i+1, j-1 {
		v.path[i], v.path[j] = v.path[j], v.path[i]
	}
	return v.path
}

// gather copies the nodes ending at rune position r, in the order they were
// added, into v.prevs.
func (v *viterbi) gather(r int) {
	v.prevs = v.prevs[:0]
	v.prevsUser = false
	for i := v.head[r]; i >= 0; i = v.nodes[i].next {
		n := &v.nodes[i]
		user := n.class == nodeUser
		v.prevsUser = v.prevsUser || user
		v.prevs = append(v.prevs, candidate{cost: n.cost, idx: i, right: n.right, user: user})
	}
}

// add gives n its best predecessor among v.prevs (the nodes ending where it
// starts) and files it under its end position endRune. The sum, the clamp and
// the strict comparison are those of kagome's Forward.
func (v *viterbi) add(conn []int16, rows, startRune int, n lnode, endRune int) int32 {
	n.prev, n.next = -1, -1
	n.cost = maxCost
	user := n.class == nodeUser
	if !user && !v.prevsUser {
		// The common case, without the checks for user words (which
		// connect at no cost).
		row := conn[rows*int(n.left):][:rows]
		w := int64(n.weight)
		for j := range v.prevs {
			c := &v.prevs[j]
			total := int64(row[c.right]) + w + int64(c.cost)
			if total > maxCost {
				total = maxCost
			}
			if j == 0 || int32(total) < n.cost {
				n.cost = int32(total)
				n.prev = c.idx
			}
		}
	} else {
		row := rows * int(n.left)
		for j := range v.prevs {
			c := &v.prevs[j]
			var k int16
			if !user && !c.user {
				k = conn[row+int(c.right)]
			}
			total := int64(k) + int64(n.weight) + int64(c.cost)
			if total > maxCost {
				total = maxCost
			}
			if j == 0 || int32(total) < n.cost {
				n.cost = int32(total)
				n.prev = c.idx
			}
		}
	}
	idx := int32(len(v.nodes))
	v.nodes = append(v.nodes, n)
	if v.tail[endRune] < 0 {
		v.head[endRune] = idx
	} else {
		v.nodes[v.tail[endRune]].next = idx
	}
	v.tail[endRune] = idx
	return idx
}

func grow(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	return s[:n]
}
