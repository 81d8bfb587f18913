package codes

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// This file reads one code's condition: the lexer and the recursive-descent
// parser that build a node tree, with references still by name.
// maxDepth bounds nesting of parentheses and nots, so that a hostile file
// cannot exhaust the stack; real rules nest a handful of levels.
const maxDepth = 200

// maxList bounds the words of near( ) and seq( ); matching near is a small
// search over positions, which must stay small.
const maxList = 16

// maxCount bounds the numbers in counts and spans; a document has far fewer
// terms than this.
const maxCount = 1_000_000

// nkind is the kind of a condition node.
type nkind uint8

const (
	nTerm nkind = iota // a word or a phrase, with an optional count comparison
	nNear
	nSeq
	nRef
	nNot
	nAnd
	nOr
)

type cmpOp uint8

const (
	cmpNone cmpOp = iota // present at least once
	cmpGE
	cmpGT
	cmpLE
	cmpLT
	cmpEQ
)

// pattern is one word of a condition. A leading or trailing * in the rule
// lets the term have any characters, or none, on that side (as in a glob:
// *駅 matches 駅 too).
type pattern struct {
	text      string // NFKC, ASCII lower case, without the * marks
	anyBefore bool   // *text
	anyAfter  bool   // text*
}

func (p pattern) key() string {
	var b strings.Builder
	if p.anyBefore {
		b.WriteByte('*')
	} else {
		b.WriteByte('=')
	}
	if p.anyAfter {
		b.WriteByte('*')
	} else {
		b.WriteByte('=')
	}
	b.WriteString(p.text)
	return b.String()
}

func (p pattern) matches(term string) bool {
	switch {
	case p.anyBefore && p.anyAfter:
		return strings.Contains(term, p.text)
	case p.anyBefore:
		return strings.HasSuffix(term, p.text)
	case p.anyAfter:
		return strings.HasPrefix(term, p.text)
	}
	return term == p.text
}

// node is a parsed condition; references are still by name.
type node struct {
	kind nkind
	pats []pattern // nTerm: the phrase (one word or more); nNear, nSeq: the words
	op   cmpOp     // nTerm
	n    int       // nTerm: the count compared to; nNear, nSeq: the span (0: none)
	ref  string    // nRef: code id
	at   pos       // nRef: where, for link errors
	kids []*node   // nNot: one; nAnd, nOr: two or more
}

// Tokens of a condition.
type tkind uint8

const (
	tEOF tkind = iota
	tWord
	tLParen
	tRParen
	tAnd
	tOr
	tNot
	tCmp
	tPlus
	tMinus
	tLBrack
	tRBrack
	tRef
	tBad
)

type token struct {
	kind   tkind
	i      int    // index of the first rune in the condition text
	text   string // tWord: as written; tRef: the code id; tBad: the message
	quoted bool
	op     cmpOp
	src    string // as written, for messages
}

// fold maps full-width ASCII forms (！ to ～) to ASCII and the ideographic
// space to a space, so that operators typed with a Japanese IME work.
func fold(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E {
		return r - 0xFEE0
	}
	if r == 0x3000 {
		return ' '
	}
	return r
}

func isOp(r rune) bool {
	return strings.ContainsRune(`()&|!<>=+[]"`, r)
}

// parser reads one code's condition. It stops at the first error: what
// follows a syntax error is seldom worth a second message.
type parser struct {
	path  string
	text  []rune
	at    []pos
	end   pos
	i     int // next rune to lex
	last  int // just past the last token lexed, where the end is reported
	tok   token
	err   *Error
	depth int
}

func (p *parser) posOf(i int) pos {
	if i < len(p.at) {
		return p.at[i]
	}
	return p.end
}

func (p *parser) fail(i int, format string, args ...any) {
	if p.err != nil {
		return
	}
	at := p.posOf(i)
	p.err = &Error{Path: p.path, Line: at.line, Column: at.col, Message: fmt.Sprintf(format, args...)}
}

// lex returns the token at p.i and moves past it. In a list (the inside of
// near and seq) '-' separates words.
func (p *parser) lex(list bool) token {
	rs := p.text
	for {
		for p.i < len(rs) && unicode.IsSpace(fold(rs[p.i])) {
			p.i++
		}
		if p.i < len(rs) && (rs[p.i] == '#' || rs[p.i] == '＃') {
			for p.i < len(rs) && rs[p.i] != '\n' {
				p.i++
			}
			continue
		}
		break
	}
	start := p.i
	if start >= len(rs) {
		return token{kind: tEOF, i: p.last}
	}
	defer func() { p.last = p.i }()
	r := fold(rs[start])
	p.i++
	next := func() rune {
		if p.i < len(rs) {
			return fold(rs[p.i])
		}
		return 0
	}
	t := token{i: start, src: string(rs[start]), kind: tBad}
	switch r {
	case '(':
		t.kind = tLParen
	case ')':
		t.kind = tRParen
	case '&':
		t.kind = tAnd
	case '|':
		t.kind = tOr
	case '!':
		t.kind = tNot
	case '+':
		t.kind = tPlus
	case '[':
		t.kind = tLBrack
	case ']':
		t.kind = tRBrack
	case '=':
		t.kind, t.op = tCmp, cmpEQ
		if next() == '=' {
			p.i++
		}
	case '>':
		t.kind, t.op = tCmp, cmpGT
		if next() == '=' {
			p.i++
			t.op = cmpGE
		}
	case '<':
		switch next() {
		case '=':
			p.i++
			t.kind, t.op = tCmp, cmpLE
		case '*':
			p.i++
			nameStart := p.i
			for p.i < len(rs) && fold(rs[p.i]) != '>' && !unicode.IsSpace(fold(rs[p.i])) {
				p.i++
			}
			if p.i >= len(rs) || fold(rs[p.i]) != '>' {
				t.text = fmt.Sprintf("expected '>' to close '<＊' at %s", p.posOf(start))
				break
			}
			name := string(rs[nameStart:p.i])
			p.i++
			if name == "" {
				t.text = "expected a code name in <＊…>, e.g. <＊防災>"
				break
			}
			t.kind, t.text = tRef, norm.NFKC.String(name)
		default:
			t.kind, t.op = tCmp, cmpLT
		}
	case '"':
		for p.i < len(rs) && fold(rs[p.i]) != '"' && rs[p.i] != '\n' {
			p.i++
		}
		if p.i >= len(rs) || rs[p.i] == '\n' {
			t.text = fmt.Sprintf("expected '\"' to close the quote at %s", p.posOf(start))
			break
		}
		t.text = string(rs[start+1 : p.i])
		p.i++
		if t.text == "" {
			t.text = "empty quoted word: put the word between the quotes"
			break
		}
		t.kind, t.quoted = tWord, true
	default:
		if list && r == '-' {
			t.kind = tMinus
			break
		}
		for p.i < len(rs) {
			c := fold(rs[p.i])
			if unicode.IsSpace(c) || isOp(c) || (list && c == '-') {
				break
			}
			p.i++
		}
		t.kind, t.text = tWord, string(rs[start:p.i])
		switch strings.ToLower(t.text) {
		case "and":
			t.kind = tAnd
		case "or":
			t.kind = tOr
		case "not":
			t.kind = tNot
		}
	}
	if t.kind != tBad {
		t.src = string(rs[start:p.i])
	}
	return t
}

func (p *parser) advance(list bool) { p.tok = p.lex(list) }

// peekParen tells whether the token after the current one is '('.
func (p *parser) peekParen() bool {
	save, last := p.i, p.last
	t := p.lex(false)
	p.i, p.last = save, last
	return t.kind == tLParen
}

func (p *parser) parse() *node {
	p.advance(false)
	x := p.parseOr(nil)
	if p.err != nil {
		return nil
	}
	switch p.tok.kind {
	case tEOF:
		return x
	case tRParen:
		p.fail(p.tok.i, "unexpected ')': no '(' is open")
	case tWord, tRef, tLParen, tNot:
		p.fail(p.tok.i, "expected 'and' or 'or' before %s: a condition on several lines is one expression, so join its parts with an operator", p.tok.src)
	case tBad:
		p.fail(p.tok.i, "%s", p.tok.text)
	default:
		p.fail(p.tok.i, "unexpected %s", p.tok.src)
	}
	return nil
}

// parseOr parses and-chains joined by or. after is the token just before
// the expression ('(' or an operator), for messages.
func (p *parser) parseOr(after *token) *node {
	x := p.parseAnd(after)
	for x != nil && p.tok.kind == tOr {
		op := p.tok
		p.advance(false)
		y := p.parseAnd(&op)
		if y == nil {
			return nil
		}
		x = join(nOr, x, y)
	}
	return x
}

func (p *parser) parseAnd(after *token) *node {
	x := p.parseUnary(after)
	for x != nil && p.tok.kind == tAnd {
		op := p.tok
		p.advance(false)
		y := p.parseUnary(&op)
		if y == nil {
			return nil
		}
		x = join(nAnd, x, y)
	}
	return x
}

// join flattens chains of one operator, so that evaluation walks a short
// tree.
func join(k nkind, x, y *node) *node {
	if x.kind == k {
		x.kids = append(x.kids, y)
		return x
	}
	return &node{kind: k, kids: []*node{x, y}}
}

// parseUnary parses [not] primary.
func (p *parser) parseUnary(after *token) *node {
	if p.tok.kind == tNot {
		op := p.tok
		if !p.enter() {
			return nil
		}
		p.advance(false)
		x := p.parseUnary(&op)
		p.depth--
		if x == nil {
			return nil
		}
		return &node{kind: nNot, kids: []*node{x}}
	}
	return p.parsePrimary(after)
}

func (p *parser) enter() bool {
	p.depth++
	if p.depth > maxDepth {
		p.fail(p.tok.i, "conditions nested more than %d deep: simplify it, or split it into codes joined with <＊code>", maxDepth)
		return false
	}
	return true
}

func (p *parser) parsePrimary(after *token) *node {
	t := p.tok
	switch t.kind {
	case tLParen:
		if !p.enter() {
			return nil
		}
		p.advance(false)
		x := p.parseOr(&t)
		p.depth--
		if x == nil {
			return nil
		}
		if p.tok.kind != tRParen {
			p.expected(p.tok, "')' to close '(' at %s", p.posOf(t.i))
			return nil
		}
		p.advance(false)
		return x
	case tRef:
		p.advance(false)
		if p.tok.kind == tCmp {
			p.fail(p.tok.i, "a count comparison follows a word or phrase, not <＊code>")
			return nil
		}
		return &node{kind: nRef, ref: t.text, at: p.posOf(t.i)}
	case tWord:
		if !t.quoted {
			switch strings.ToLower(t.text) {
			case "near", "seq":
				if p.peekParen() {
					return p.parseList(t)
				}
			}
		}
		return p.parseTerm()
	case tBad:
		p.fail(t.i, "%s", t.text)
		return nil
	}
	// Something that cannot start an operand.
	what := "expected a word, '(' or <＊code>"
	if after != nil {
		what += " after " + after.src
	}
	switch t.kind {
	case tEOF:
		p.fail(t.i, "%s, found the end of the condition", what)
	case tRParen:
		if after != nil {
			p.fail(t.i, "%s, found ')'", what)
		} else {
			p.fail(t.i, "%s, found ')': the group is empty", what)
		}
	case tAnd, tOr:
		p.fail(t.i, "%s, found %s: %s needs a condition on each side", what, t.src, t.src)
	case tCmp:
		p.fail(t.i, "%s, found %s: a count comparison follows a word, e.g. 災害 >= 2", what, t.src)
	default:
		p.fail(t.i, "%s, found %s", what, t.src)
	}
	return nil
}

// expected reports that t is not what the grammar needs here.
func (p *parser) expected(t token, format string, args ...any) {
	want := fmt.Sprintf(format, args...)
	switch t.kind {
	case tEOF:
		p.fail(t.i, "expected %s, found the end of the condition", want)
	case tBad:
		p.fail(t.i, "%s", t.text)
	case tWord, tRef, tLParen, tNot:
		p.fail(t.i, "expected %s, found %s: join conditions with 'and' or 'or'", want, t.src)
	default:
		p.fail(t.i, "expected %s, found %s", want, t.src)
	}
}

// word turns a word token into a pattern.
func (p *parser) word(t token) (pattern, bool) {
	text := t.text
	var pt pattern
	if !t.quoted {
		rs := []rune(text)
		if len(rs) > 0 && fold(rs[0]) == '*' {
			pt.anyBefore = true
			rs = rs[1:]
		}
		if len(rs) > 0 && fold(rs[len(rs)-1]) == '*' {
			pt.anyAfter = true
			rs = rs[:len(rs)-1]
		}
		for j, r := range rs {
			if fold(r) == '*' {
				off := j
				if pt.anyBefore {
					off++
				}
				p.fail(t.i+off, "'*' stands only at the start or end of a word (quote the word to match a literal *)")
				return pt, false
			}
		}
		if len(rs) == 0 {
			p.fail(t.i, "a wildcard needs some text, e.g. 交通* or *交通*")
			return pt, false
		}
		text = string(rs)
	}
	pt.text = foldCase(norm.NFKC.String(text))
	return pt, true
}

// number reads the count or span after a comparison or inside [ ].
func (p *parser) number(what string) (int, bool) {
	t := p.tok
	if t.kind != tWord || t.quoted {
		p.expected(t, "%s", what)
		return 0, false
	}
	s := norm.NFKC.String(t.text)
	for _, r := range s {
		if r < '0' || r > '9' {
			p.fail(t.i, "expected %s, found %s", what, t.src)
			return 0, false
		}
	}
	n, err := strconv.Atoi(s)
	if err != nil || n > maxCount {
		p.fail(t.i, "%s is too large: at most %d", t.src, maxCount)
		return 0, false
	}
	return n, true
}

// parseTerm parses word[+word…] [cmp n].
func (p *parser) parseTerm() *node {
	x := &node{kind: nTerm}
	for {
		pt, ok := p.word(p.tok)
		if !ok {
			return nil
		}
		x.pats = append(x.pats, pt)
		p.advance(false)
		if p.tok.kind != tPlus {
			break
		}
		plus := p.tok
		p.advance(false)
		if p.tok.kind != tWord {
			p.expected(p.tok, "a word after %s in a phrase, e.g. 公共+交通", plus.src)
			return nil
		}
	}
	if p.tok.kind == tCmp {
		op := p.tok
		p.advance(false)
		n, ok := p.number(fmt.Sprintf("a count after %s, e.g. 災害 %s 2", op.src, op.src))
		if !ok {
			return nil
		}
		x.op, x.n = op.op, n
		p.advance(false)
	}
	return x
}

// parseList parses near(A-B…)[n] or seq(A-B…)[n]; p.tok is the keyword.
func (p *parser) parseList(kw token) *node {
	name := strings.ToLower(kw.text)
	x := &node{kind: nNear, n: 10}
	if name == "seq" {
		x.kind, x.n = nSeq, 0
	}
	p.advance(false) // '('
	open := p.tok
	p.advance(true)
	for {
		if p.tok.kind != tWord {
			p.expected(p.tok, "a word in %s( ), e.g. %s(駅-バス)", name, name)
			return nil
		}
		pt, ok := p.word(p.tok)
		if !ok {
			return nil
		}
		x.pats = append(x.pats, pt)
		p.advance(true)
		if p.tok.kind == tMinus {
			p.advance(true)
			continue
		}
		if p.tok.kind == tRParen {
			break
		}
		p.expected(p.tok, "'-' between words or ')' to close %s( at %s", name, p.posOf(open.i))
		return nil
	}
	if len(x.pats) < 2 {
		p.fail(p.tok.i, "%s( ) needs at least two words separated by '-', e.g. %s(駅-バス)", name, name)
		return nil
	}
	if len(x.pats) > maxList {
		p.fail(kw.i, "%s( ) takes at most %d words: split it, or use and", name, maxList)
		return nil
	}
	p.advance(false)
	if p.tok.kind == tLBrack {
		open := p.tok
		p.advance(false)
		n, ok := p.number("a whole number of terms in [ ], e.g. [5]")
		if !ok {
			return nil
		}
		if n < 1 {
			p.fail(p.tok.i, "the span in [ ] must be at least 1")
			return nil
		}
		x.n = n
		p.advance(false)
		if p.tok.kind != tRBrack {
			p.expected(p.tok, "']' to close '[' at %s", p.posOf(open.i))
			return nil
		}
		p.advance(false)
	}
	return x
}

// foldCase lower-cases ASCII letters only: terms come NFKC-normalised, and
// folding other scripts is not wanted (and changes lengths).
func foldCase(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; c >= 'A' && c <= 'Z' {
					b[j] = c + ('a' - 'A')
				}
			}
			return string(b)
		}
	}
	return s
}
