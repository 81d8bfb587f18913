package tokenize

import (
	"bufio"
	"bytes"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/ikawaha/kagome-dict/dict"

	"koe/data"
)

// Options configures a Tokenizer.
type Options struct {
	// UserDicts are kagome user-dictionary CSV texts
	// (surface,segmentation,readings,POS), the built-in data.UserDict first,
	// then a study's own. kagome takes a single user dictionary, so New
	// merges them: a later entry replaces an earlier one with the same
	// surface (compared without ASCII case).
	UserDicts [][]byte
	// Stopwords lists base forms that never become terms, one per line; '#'
	// starts a comment.
	Stopwords []byte
	// Compounds joins a run of nouns into one term instead of its parts. The
	// zero Options leave it off; DefaultOptions turns it on.
	Compounds bool
	// SurfacesOnly says the caller wants surfaces only (wakati output), so
	// New does not start reading the dictionary's features (base forms,
	// readings: 22 MB unpacked) in the background. They are still read on
	// first use; this only saves the work when they are never used.
	SurfacesOnly bool
}

// DefaultOptions returns the pipeline's settings: the built-in dictionary and
// stopwords, compounds on. Append a study's dictionary to UserDicts.
func DefaultOptions() Options {
	return Options{
		UserDicts: [][]byte{data.UserDict},
		Stopwords: data.Stopwords,
		Compounds: true,
	}
}

// Term is one content word of a document: its base form and its part of
// speech ("名詞", "動詞" or "形容詞").
type Term struct {
	Base string
	POS  string
}

// Tokenizer analyses Japanese text with kagome, the IPA dictionary and the
// user dictionaries it was built with. It is safe for concurrent use.
type Tokenizer struct {
	sys       *system
	udict     *dict.UserDict       // nil without user words
	users     []userEntry          // indexed by kagome's user-dictionary id
	canon     map[string]userEntry // ASCII-letter words, by lower-case spelling
	stop      map[string]struct{}
	compounds bool
	pool      sync.Pool // *[]tok, reused across documents
}

// userEntry is one user-dictionary word after parsing.
type userEntry struct {
	surface string   // spelling to report
	segs    []string // parts, spelling the surface
	yomi    []string // one reading per part
	pos     [4]string
	cls     class
	surname bool // the IPA dictionary also knows the surface as a person's name
}

// New builds a tokenizer. The IPA dictionary is loaded once per process
// (about 0.1 s on two cores); user dictionaries and stopwords are parsed on
// every call.
func New(opt Options) (*Tokenizer, error) {
	if !opt.SurfacesOnly {
		prefetchFeatures()
	}
	sys, err := loadSystem()
	if err != nil {
		return nil, err
	}
	t := &Tokenizer{sys: sys, compounds: opt.Compounds, canon: map[string]userEntry{}}

	entries := map[string]userEntry{}
	for i, b := range opt.UserDicts {
		recs, err := parseUserDict(b)
		if err != nil {
			return nil, fmt.Errorf("user dictionary %d: %w", i+1, err)
		}
		for _, e := range recs {
			entries[foldASCII(e.surface)] = e
		}
	}
	keys := make([]string, 0, len(entries))
	for k := range entries {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var recs dict.UserDictRecords
	for _, k := range keys {
		e := entries[k]
		e.surname = sys.isSurname(k)
		if isASCIILetters(k) {
			// Kept out of the lattice: kagome prefers a user entry at every
			// position it matches, so "ai" would split "aim".
			t.canon[k] = e
			continue
		}
		segs := make([]string, len(e.segs))
		for i, s := range e.segs {
			segs[i] = foldASCII(s)
		}
		recs = append(recs, dict.UserDicRecord{Text: k, Tokens: segs, Yomi: e.yomi, Pos: strings.Join(e.pos[:], "-")})
		t.users = append(t.users, e)
	}
	if len(recs) > 0 {
		ud, err := recs.NewUserDict()
		if err != nil {
			return nil, fmt.Errorf("build user dictionary: %w", err)
		}
		t.udict = ud
	}
	t.stop = parseStopwords(opt.Stopwords)
	return t, nil
}

// parseUserDict reads kagome's user-dictionary CSV, checking every line so a
// study's analyst learns which line is wrong.
func parseUserDict(b []byte) ([]userEntry, error) {
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var out []userEntry
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		if !utf8.ValidString(s) {
			return nil, fmt.Errorf("line %d: not UTF-8", line)
		}
		cols := strings.Split(s, ",")
		if len(cols) != 4 {
			return nil, fmt.Errorf("line %d: %d columns, want 4 (surface,segmentation,readings,POS)", line, len(cols))
		}
		surface := strings.TrimSpace(cols[0])
		segs := strings.Fields(cols[1])
		yomi := strings.Fields(cols[2])
		pos := strings.TrimSpace(cols[3])
		switch {
		case surface == "":
			return nil, fmt.Errorf("line %d: empty surface", line)
		case len(segs) == 0:
			segs = []string{surface}
		}
		if strings.Join(segs, "") != surface {
			return nil, fmt.Errorf("line %d: segmentation %q does not spell %q", line, cols[1], surface)
		}
		if len(yomi) == 0 {
			yomi = make([]string, len(segs))
			for i := range yomi {
				yomi[i] = "*"
			}
		}
		if len(yomi) != len(segs) {
			return nil, fmt.Errorf("line %d: %d readings for %d segments", line, len(yomi), len(segs))
		}
		if pos == "" {
			return nil, fmt.Errorf("line %d: empty part of speech", line)
		}
		e := userEntry{surface: surface, segs: segs, yomi: yomi, pos: userPOS(pos)}
		e.cls = classify(e.pos[0], e.pos[1], e.pos[2], e.surface)
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", line+1, err)
	}
	return out, nil
}

// userPOS reads a POS label: IPA levels joined by "-" (名詞-固有名詞-地域-一般),
// or any other label (kagome's examples use カスタム名詞), read as a proper
// noun.
func userPOS(label string) [4]string {
	p := [4]string{"*", "*", "*", "*"}
	parts := strings.Split(label, "-")
	switch parts[0] {
	case "名詞", "動詞", "形容詞", "副詞", "連体詞", "接続詞", "感動詞", "接頭詞", "記号", "助詞", "助動詞", "フィラー", "その他":
		for i := 0; i < len(parts) && i < 4; i++ {
			if parts[i] != "" {
				p[i] = parts[i]
			}
		}
	default:
		p = [4]string{"名詞", "固有名詞", "一般", "*"}
	}
	return p
}

// parseStopwords reads one base form per line; text after '#' is ignored.
func parseStopwords(b []byte) map[string]struct{} {
	m := map[string]struct{}{}
	for _, line := range strings.Split(string(b), "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(strings.TrimPrefix(line, "\ufeff"))
		if line != "" {
			m[foldASCII(line)] = struct{}{}
		}
	}
	return m
}

// isSurname reports whether the IPA dictionary lists the word as a person's
// name.
func (s *system) isSurname(folded string) bool {
	for _, id := range s.dict.Index.Search(folded) {
		if id < len(s.morphCls) && s.morphCls[id] == clsPerson {
			return true
		}
	}
	return false
}

// class is koe's reading of a token's part of speech: what the term, compound,
// negation and name rules need to know.
type class uint8

const (
	clsOther       class = iota // 副詞, 連体詞, 接続詞, 感動詞 …
	clsNoun                     // 名詞,一般
	clsNounSahen                // 名詞,サ変接続 (対応, 支援)
	clsNounAdjv                 // 名詞,形容動詞語幹 (便利, 安全)
	clsProper                   // 名詞,固有名詞 other than persons and places
	clsPlace                    // 名詞,固有名詞,地域
	clsPerson                   // 名詞,固有名詞,人名 (IPA dictionary words only)
	clsNum                      // 名詞,数
	clsSuffix                   // 名詞,接尾 that makes a new noun (化, 性, 者, 市)
	clsSuffixPlace              // 名詞,接尾,地域 (市, 町, 村)
	clsHonorific                // 名詞,接尾,人名 (さん, 様, 氏)
	clsSuffixOther              // counters, 後, 中, 等, たち …
	clsNounOther                // 非自立, 代名詞, 副詞可能, ナイ形容詞語幹 …
	clsPrefix                   // 接頭詞,名詞接続
	clsVerb                     // 動詞,自立
	clsVerbAux                  // 動詞,非自立 and 動詞,接尾
	clsAdj                      // 形容詞,自立
	clsAdjAux                   // 形容詞,非自立 and 形容詞,接尾
	clsAux                      // 助動詞
	clsParticle                 // 助詞
	clsSymbol                   // 記号
	clsSpace                    // 記号,空白
)

// weakSuffixes are 接尾 words that mark plurality or approximation; they do
// not make a new concept, so 施設等 counts as 施設.
var weakSuffixes = map[string]bool{
	"等": true, "ら": true, "たち": true, "達": true, "ども": true, "共": true,
	"方": true, "がた": true, "毎": true, "頃": true, "ごろ": true, "ぐらい": true,
	"くらい": true, "中": true, "内": true, "間": true, "じゅう": true, "ずつ": true,
}

func classify(p1, p2, p3, base string) class {
	switch p1 {
	case "名詞":
		switch p2 {
		case "一般":
			return clsNoun
		case "サ変接続":
			return clsNounSahen
		case "形容動詞語幹":
			return clsNounAdjv
		case "固有名詞":
			switch p3 {
			case "人名":
				return clsPerson
			case "地域":
				return clsPlace
			}
			return clsProper
		case "数":
			return clsNum
		case "接尾":
			switch p3 {
			case "人名":
				return clsHonorific
			case "地域":
				return clsSuffixPlace
			case "一般", "サ変接続", "形容動詞語幹":
				if weakSuffixes[base] {
					return clsSuffixOther
				}
				return clsSuffix
			}
			return clsSuffixOther
		}
		return clsNounOther
	case "接頭詞":
		if p2 == "名詞接続" {
			return clsPrefix
		}
		return clsOther
	case "動詞":
		if p2 == "自立" {
			return clsVerb
		}
		return clsVerbAux
	case "形容詞":
		if p2 == "自立" {
			return clsAdj
		}
		return clsAdjAux
	case "助動詞":
		return clsAux
	case "助詞":
		return clsParticle
	case "記号":
		if p2 == "空白" {
			return clsSpace
		}
		return clsSymbol
	}
	return clsOther
}

// isContentNoun reports whether a noun can be a term by itself.
func (c class) isContentNoun() bool {
	switch c {
	case clsNoun, clsNounSahen, clsNounAdjv, clsProper, clsPlace:
		return true
	}
	return false
}

// source says which dictionary a token came from.
type source uint8

const (
	srcKnown   source = iota // IPA dictionary
	srcUnknown               // IPA unknown-word model
	srcUser                  // a user-dictionary entry (one of its parts)
)

// tok is one token of koe's own analysis; strings are slices of the analysed
// text or of the dictionaries, so building a tok allocates nothing.
type tok struct {
	start, end int    // byte offsets in the normalised text
	key        string // surface with ASCII lower-cased
	base       string // base form (dictionary spelling for user words)
	cls        class
	src        source
	id         int32 // IPA morph id, unknown class id, or user entry index
	seg        int16 // part of a user entry
	canon      bool  // an ASCII word given the spelling a user dictionary lists
}

// analyze runs kagome over s (already normalised) and appends koe tokens to
// out. ASCII letters are looked up lower-cased; folding keeps byte offsets,
// so surfaces are still read from s.
func (t *Tokenizer) analyze(s string, out []tok) []tok {
	return t.lex(s, out, true)
}

// lex is analyze; with full false it leaves out what only Terms and Mask read
// (base forms, the classes that depend on them, user spellings of ASCII
// words), so WriteTokens never waits for the feature rows.
func (t *Tokenizer) lex(s string, out []tok, full bool) []tok {
	if s == "" {
		return out
	}
	folded := foldASCII(s)
	sys := t.sys
	v := getViterbi()
	defer putViterbi(v)
	for _, i := range v.run(sys.dict, sys.vt, t.udict, folded) {
		n := &v.nodes[i]
		start, end := int(n.pos), int(n.end)
		surface := folded[start:end]
		id := int(n.id)
		switch n.class {
		case nodeKnown:
			tk := tok{start: start, end: end, key: surface, base: surface, src: srcKnown, id: n.id}
			if id < len(sys.morphCls) {
				tk.cls = sys.morphCls[id]
			}
			if full {
				switch tk.cls {
				case clsParticle, clsSymbol, clsSpace, clsNum:
					// The base form is the surface; skip the look-up, a
					// cache miss per token.
				default:
					b := sys.feature(id, sys.base)
					if tk.cls == clsSuffix && weakSuffixes[b] {
						tk.cls = clsSuffixOther
					}
					if b != "" && b != "*" {
						tk.base = b
					}
				}
				if e, ok := t.canon[surface]; ok {
					tk.base, tk.cls, tk.canon = e.surface, e.cls, true
				}
			}
			out = append(out, tk)
		case nodeUnknown:
			tk := tok{start: start, end: end, key: surface, base: surface, src: srcUnknown, id: n.id}
			if id < len(sys.unkCls) {
				tk.cls = sys.unkCls[id]
			}
			if tk.cls != clsSpace && !hasWordChar(surface) {
				// IPA's unknown-word model calls "-" or "@" a noun.
				tk.cls = clsSymbol
			}
			if full {
				if e, ok := t.canon[surface]; ok {
					tk.base, tk.cls, tk.canon = e.surface, e.cls, true
				}
			}
			out = append(out, tk)
		case nodeUser:
			if id >= len(t.users) {
				continue
			}
			e := &t.users[id]
			off := start
			for i, seg := range e.segs {
				w := len(seg)
				if off+w > end {
					w = end - off
				}
				out = append(out, tok{start: off, end: off + w, key: folded[off : off+w], base: seg, cls: e.cls, src: srcUser, id: n.id, seg: int16(i)})
				off += w
			}
		}
	}
	return out
}

var viterbiPool = sync.Pool{New: func() any { return new(viterbi) }}

func getViterbi() *viterbi { return viterbiPool.Get().(*viterbi) }

func putViterbi(v *viterbi) {
	if cap(v.nodes) > 1<<16 {
		return // do not pin the memory of one huge line
	}
	viterbiPool.Put(v)
}

func (t *Tokenizer) getBuf() *[]tok {
	if p, ok := t.pool.Get().(*[]tok); ok {
		*p = (*p)[:0]
		return p
	}
	b := make([]tok, 0, 256)
	return &b
}

func (t *Tokenizer) putBuf(p *[]tok) {
	if cap(*p) > 1<<16 {
		return // do not pin the memory of one huge document
	}
	t.pool.Put(p)
}

// foldASCII lower-cases ASCII letters; it returns s itself when there are none
// to fold.
func foldASCII(s string) string {
	i := 0
	for ; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			break
		}
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if c := b[i]; 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func isASCIILetters(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

func hasWordChar(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
