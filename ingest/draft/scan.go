package draft

import (
	"hash/fnv"
	"math"
	"strings"
	"unicode/utf8"

	"koe/ingest"
)

const (
	// headBuffer is how many records are held back before the header rows
	// are decided: enough to see what later rows look like.
	headBuffer = 200
	// maxDistinct caps the distinct values counted per column. A column
	// past it is free text or numbers, and needs no option list.
	maxDistinct = 4096
	// maxStrays caps the non-numeric values remembered for a number column.
	maxStrays = 8
)

// missingTokens are cell values that exports use for "no answer". Only
// those seen in the file go into the codebook's missing list.
var missingTokens = map[string]bool{
	"無回答": true, "未回答": true, "回答なし": true, "不明": true,
	"NA": true, "N/A": true, "n/a": true, "#N/A": true,
}

// column gathers what the guesses need about one column, one cell at a
// time, in bounded memory.
type column struct {
	index  int    // 0-based
	header string // header cell, trimmed, as written
	norm   string // header after ingest.NormalizeHeader
	top    string // with two header rows: the first row's text, carried over merged (empty) cells
	repeat bool   // the normalised header is empty or occurs more than once

	cells   int               // non-empty cells, missing tokens included
	missing map[string]int    // missing tokens seen
	counts  map[string]int    // value → cells, missing tokens excluded; nil once past maxDistinct
	written map[string]string // value → its first spelling in the file where NFKC changed it (１８～２９歳)
	values  int               // non-empty, non-missing cells

	numeric, integer int
	min, max         float64
	strays           map[string]int // non-numeric values, up to maxStrays distinct
	moreStrays       bool

	marks int // cells that are a binary mark (0, 1, ○, ✓, TRUE, …)
	dates int // cells that look like a date or a time
	codes int // values that look like codes (first column only, for the id guess)

	// First column only: whether every value is unique. Hashes keep a
	// million-row file in a few tens of megabytes.
	seen     map[uint64]struct{}
	dups     int
	dupFirst []string
	empties  int // empty cells (first column only)
}

func newColumn(i int, header string) *column {
	return &column{index: i, header: strings.TrimSpace(header), norm: ingest.NormalizeHeader(header),
		missing: map[string]int{}, counts: map[string]int{}, written: map[string]string{}, strays: map[string]int{}, min: math.Inf(1), max: math.Inf(-1)}
}

// add records one raw cell.
func (c *column) add(raw string) {
	v := ingest.NormalizeHeader(raw)
	if c.seen != nil {
		c.addID(v)
	}
	if v == "" {
		return
	}
	c.cells++
	if missingTokens[v] {
		c.missing[v]++
		return
	}
	c.values++
	if c.counts != nil {
		n, ok := c.counts[v]
		switch {
		case !ok && len(c.counts) >= maxDistinct:
			c.counts, c.written = nil, nil
		case !ok:
			// Cells are slices of their record's text: a key kept in a map
			// would pin the whole record, so new keys are copied.
			v = strings.Clone(v)
			if w := strings.TrimSpace(raw); w != v {
				c.written[v] = strings.Clone(w)
			}
			c.counts[v] = 1
		default:
			c.counts[v] = n + 1
		}
	}
	if x, ok := ingest.ParseNumber(v); ok {
		c.numeric++
		if x == math.Trunc(x) {
			c.integer++
		}
		c.min = math.Min(c.min, x)
		c.max = math.Max(c.max, x)
	} else if _, ok := c.strays[v]; ok {
		c.strays[v]++
	} else if len(c.strays) < maxStrays {
		c.strays[strings.Clone(v)] = 1
	} else {
		c.moreStrays = true
	}
	if binaryMarks[v] {
		c.marks++
	}
	if looksDate(v) {
		c.dates++
	}
	if c.seen != nil && asciiCode(v) {
		c.codes++
	}
}

// asciiCode reports whether a value looks like a respondent number or
// code: ASCII letters, digits and - _ . / only.
func asciiCode(v string) bool {
	for i := 0; i < len(v); i++ {
		ch := v[i]
		if !(ch >= '0' && ch <= '9' || ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch == '-' || ch == '_' || ch == '.' || ch == '/') {
			return false
		}
	}
	return v != ""
}

func (c *column) addID(v string) {
	if v == "" {
		c.empties++
		return
	}
	h := fnv.New64a()
	h.Write([]byte(v))
	k := h.Sum64()
	if _, ok := c.seen[k]; ok {
		c.dups++
		if len(c.dupFirst) < 3 {
			c.dupFirst = append(c.dupFirst, strings.Clone(v))
		}
		return
	}
	c.seen[k] = struct{}{}
}

// display is a value as the file first wrote it, which the analyst will
// recognise; the codebook's NFKC makes it match either way.
func (c *column) display(v string) string {
	if w, ok := c.written[v]; ok {
		return w
	}
	return v
}

// sentences counts the cells with 。！？ or a line break: prose. It is
// known only while the distinct values are (and only then needed).
func (c *column) sentences() int {
	n := 0
	for v, k := range c.counts {
		if strings.ContainsAny(v, "。!?\n") {
			n += k
		}
	}
	return n
}

// distinct is the number of distinct values, or -1 past maxDistinct.
func (c *column) distinct() int {
	if c.counts == nil {
		return -1
	}
	return len(c.counts)
}

// meanRunes is the mean length of the distinct values: free text is long
// even where a few short answers ("なし") repeat.
func (c *column) meanDistinctRunes() float64 {
	if len(c.counts) == 0 {
		return 0
	}
	n := 0
	for v := range c.counts {
		n += utf8.RuneCountInString(v)
	}
	return float64(n) / float64(len(c.counts))
}

// binaryMarks are the cells of a one-column-per-option multi that
// ingest/survey reads as chosen or not chosen without further text. はい
// and yes are left out: their "no" counterparts would read as chosen.
var binaryMarks = map[string]bool{
	"0": true, "1": true, "○": true, "◯": true, "〇": true, "●": true, "✓": true, "✔": true,
	"TRUE": true, "FALSE": true, "true": true, "false": true, "True": true, "False": true,
	"×": true,
}

// looksDate reports whether a cell is a date or a time as exports write
// them: 2024-10-04 17:07:46, 2026/7/12 9:30, 2026年7月12日, 9:30.
func looksDate(v string) bool {
	i := 0
	num := func(lo, hi int) bool {
		j := i
		for j < len(v) && v[j] >= '0' && v[j] <= '9' {
			j++
		}
		n := j - i
		i = j
		return n >= lo && n <= hi
	}
	lit := func(s ...string) bool {
		for _, p := range s {
			if strings.HasPrefix(v[i:], p) {
				i += len(p)
				return true
			}
		}
		return false
	}
	if num(4, 4) {
		if !lit("-", "/", ".", "年") || !num(1, 2) || !lit("-", "/", ".", "月") || !num(1, 2) {
			return false
		}
		lit("日")
		if i == len(v) {
			return true
		}
		if !lit(" ", "T") {
			return false
		}
	} else {
		i = 0
	}
	if !num(1, 2) || !lit(":") || !num(2, 2) {
		return false
	}
	if lit(":") && !num(2, 2) {
		return false
	}
	if lit(".") {
		num(1, 9)
	}
	return i == len(v)
}
