package codes

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// This file reads a rule file as lines: headers, condition lines, comments
// and pillars; cond.go parses each condition.

// pos is a 1-based line and character column.
type pos struct{ line, col int }

func (p pos) String() string { return fmt.Sprintf("%d:%d", p.line, p.col) }

// pending is a code whose header has been read and whose condition lines
// are being collected.
type pending struct {
	code   Code
	header pos // where the id starts
	broken bool
	// unreadable: part of the text was not UTF-8 and is missing, so the
	// condition is not parsed (its errors would be about the gap).
	unreadable bool
	text       []rune
	at         []pos // position of each rune of text
	end        pos   // just past the last condition character
	lines      []string
}

// parseFile splits a rule file into codes and parses each one's condition.
// broken holds the ids of codes that were dropped for errors, so that links
// to them are not reported a second time.
func parseFile(src []byte, path string) (defs []*def, broken map[string]bool, errs Errors) {
	broken = map[string]bool{}
	seen := map[string]pos{}
	add := func(at pos, format string, args ...any) {
		errs = append(errs, &Error{Path: path, Line: at.line, Column: at.col, Message: fmt.Sprintf(format, args...)})
	}
	var cur *pending
	// nextStar: the header ending the current code uses ASCII *, which a
	// wildcard condition line would too.
	nextStar := false
	finish := func() {
		if cur == nil {
			return
		}
		c := cur
		cur = nil
		if c.broken {
			// The header is bad, but the condition's own mistakes are
			// worth reporting in the same run.
			broken[c.code.ID] = true
			if !c.unreadable && len(strings.TrimSpace(string(c.text))) > 0 {
				p := &parser{path: path, text: c.text, at: c.at, end: c.end}
				if p.parse(); p.err != nil {
					errs = append(errs, p.err)
				}
			}
			return
		}
		if first, dup := seen[c.code.ID]; dup {
			add(c.header, "code %s is already defined at %s: give this one another id", c.code.ID, first)
			return
		}
		seen[c.code.ID] = c.header
		if len(strings.TrimSpace(string(c.text))) == 0 {
			hint := ""
			if nextStar {
				hint = "; a condition line that starts with * (a wildcard) must be indented, or it starts a new code"
			}
			add(c.header, "code %s has no condition: write one on the lines below it, e.g. 災害 or 防災%s", c.code.ID, hint)
			broken[c.code.ID] = true
			return
		}
		p := &parser{path: path, text: c.text, at: c.at, end: c.end}
		x := p.parse()
		if p.err != nil {
			errs = append(errs, p.err)
			broken[c.code.ID] = true
			return
		}
		c.code.Cond = strings.Join(c.lines, " ")
		defs = append(defs, &def{code: c.code, expr: x})
	}

	s := string(src)
	s = strings.TrimPrefix(s, "\uFEFF")
	orphan := false
	for i, line := range strings.Split(s, "\n") {
		ln := i + 1
		line = strings.TrimSuffix(line, "\r")
		if !utf8.ValidString(line) {
			col := 1 + utf8.RuneCountInString(line[:firstInvalid(line)])
			add(pos{ln, col}, "invalid UTF-8: save the file as UTF-8")
			if strings.HasPrefix(line, "*") || strings.HasPrefix(line, "＊") {
				// An unreadable header still ends the code above it.
				finish()
				cur = &pending{code: Code{ID: fmt.Sprintf("(line %d)", ln)}}
			}
			if cur != nil {
				cur.broken, cur.unreadable = true, true
			}
			continue
		}
		trimmed := strings.TrimLeftFunc(line, unicode.IsSpace)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") || strings.HasPrefix(trimmed, "＃") {
			continue
		}
		if strings.HasPrefix(line, "*") || strings.HasPrefix(line, "＊") {
			nextStar = line[0] == '*'
			finish()
			cur = parseHeader(line, ln, path, &errs)
			orphan = false
			continue
		}
		if cur == nil {
			if !orphan {
				add(pos{ln, 1 + utf8.RuneCountInString(line) - utf8.RuneCountInString(trimmed)},
					"condition outside any code: start a code with a line ＊name above it")
				orphan = true
			}
			continue
		}
		cur.lines = append(cur.lines, strings.TrimSpace(line))
		if len(cur.text) > 0 {
			cur.text = append(cur.text, '\n')
			cur.at = append(cur.at, cur.end)
		}
		col := 0
		for _, r := range line {
			col++
			cur.text = append(cur.text, r)
			cur.at = append(cur.at, pos{ln, col})
		}
		cur.end = pos{ln, col + 1}
	}
	nextStar = false
	finish()
	return defs, broken, errs
}

func firstInvalid(s string) int {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return i
			}
		}
	}
	return len(s)
}

// parseHeader reads "＊id | label | pillar". It returns a pending code even
// when the header is bad (marked broken), so that the lines below it are
// taken as its condition and not reported as orphans.
func parseHeader(line string, ln int, path string, errs *Errors) *pending {
	rs := []rune(line)
	c := &pending{code: Code{Path: path, Line: ln, Pillar: OtherPillar}}
	c.end = pos{ln, len(rs) + 1}
	fail := func(col int, format string, args ...any) {
		if !c.broken {
			*errs = append(*errs, &Error{Path: path, Line: ln, Column: col, Message: fmt.Sprintf(format, args...)})
		}
		c.broken = true
	}
	// Split at '|' (or '｜'), keeping each field's starting column.
	type field struct {
		text string
		col  int // column of the field's first non-space character
		sep  int // column of the '|' that ends it (0 for the last)
	}
	var fields []field
	start := 1
	for i := 1; i <= len(rs); i++ {
		if i == len(rs) || rs[i] == '|' || rs[i] == '｜' {
			f := field{col: i + 1}
			seg := rs[start:i]
			lead := 0
			for lead < len(seg) && unicode.IsSpace(seg[lead]) {
				lead++
			}
			f.col = start + lead + 1
			f.text = strings.TrimSpace(string(seg))
			if f.text == "" {
				f.col = start + 1
			}
			if i < len(rs) {
				f.sep = i + 1
			}
			fields = append(fields, f)
			start = i + 1
		}
	}
	id := fields[0]
	c.header = pos{ln, id.col}
	if id.text == "" {
		fail(id.col, "expected a code name after ＊, e.g. ＊防災 | 災害・防災")
		c.code.ID = fmt.Sprintf("(line %d)", ln)
		return c
	}
	idRunes := []rune(id.text)
	for j, r := range idRunes {
		switch {
		case unicode.IsSpace(r):
			rest := strings.TrimSpace(string(idRunes[j:]))
			fail(id.col+j, "code name %s is followed by %q: a code name has no spaces; put the label after '|', e.g. ＊%s | %s",
				string(idRunes[:j]), rest, string(idRunes[:j]), rest)
		case strings.ContainsRune(`<>*"＜＞＊＂`, r):
			fail(id.col+j, "a code name cannot contain %q: it is part of the <＊code> syntax", r)
		}
		if c.broken {
			break
		}
	}
	c.code.ID = norm.NFKC.String(id.text)
	c.code.Label = c.code.ID
	if len(fields) > 1 && fields[1].text != "" {
		c.code.Label = norm.NFKC.String(fields[1].text)
	}
	if len(fields) > 2 {
		p, ok := pillarOf(fields[2].text)
		if !ok {
			fail(fields[2].col, "pillar %s is not one of the five: write 1–5, a pillar's name, or any other heading without a number", fields[2].text)
		}
		c.code.Pillar = p
	}
	if len(fields) > 3 {
		fail(fields[2].sep, "too many '|': a header is ＊name | label | pillar")
	}
	return c
}

// pillarOf resolves a header's pillar field: a number 1–5, "(n)" or
// "(n) text" names a pillar of 地方創生2.0; other text is kept as written.
func pillarOf(s string) (string, bool) {
	s = strings.TrimSpace(norm.NFKC.String(s))
	if s == "" || s == OtherPillar {
		return OtherPillar, true
	}
	num := ""
	switch {
	case strings.HasPrefix(s, "("):
		end := strings.IndexByte(s, ')')
		if end < 0 {
			return s, true
		}
		num = s[1:end]
	default:
		num = s
	}
	n, err := strconv.Atoi(num)
	if err != nil || strings.ContainsAny(num, "+-") {
		return s, true
	}
	if n < 1 || n > len(pillars) {
		return s, false
	}
	return pillars[n-1], true
}
