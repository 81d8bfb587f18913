package codes

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Code is one code of a rule set, as reports and the codes table show it.
type Code struct {
	ID     string // as written after ＊, NFKC-normalised
	Label  string // the label, or the id when none was given
	Pillar string // one of Pillars(), OtherPillar, or a city's own heading
	Path   string // the file that defined it (as given to Parse)
	Line   int    // line of its ＊ header
	Cond   string // the condition as written, its lines joined by spaces
}

// OtherPillar is the pillar of a code that names none.
const OtherPillar = "その他"

// pillars are the five policy pillars of 地方創生2.0 (基本構想 3. 政策の5本柱),
// without their subtitles, in the order the framework numbers them.
var pillars = [...]string{
	"安心して働き、暮らせる地方の生活環境の創生",
	"稼ぐ力を高め、付加価値創出型の新しい地方経済の創生",
	"人や企業の地方分散",
	"新時代のインフラ整備とAI・デジタルなどの新技術の徹底活用",
	"広域リージョン連携",
}

// Pillars returns the five pillars of 地方創生2.0 in their numbered order;
// a rule header may name one by its number (1–5).
func Pillars() []string { return pillars[:] }

// Rules is a parsed, checked rule set. Codes lists its codes in rule order,
// which is the order Match reports them in; treat it as read-only. A Rules is
// safe for concurrent use.
type Rules struct {
	Codes []Code
	defs  []*def // parallel to Codes
	prog  *prog
}

// def is a code with its condition, before linking. Link compiles defs into
// a prog; defs themselves are never changed once parsed, so several rule sets
// can share them.
type def struct {
	code Code
	expr *node
	// base is the definition this one replaced in a merge; a reference to
	// the code's own id inside expr means base.
	base *def
}

// Error is one problem in a rule file, located (1-based line and column; the
// column counts characters).
type Error struct {
	Path    string
	Line    int
	Column  int
	Message string
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Column, e.Message)
}

// Errors are all the problems found in a rule file, in file order, so that
// a user can fix them in one go.
type Errors []*Error

func (es Errors) Error() string {
	var b strings.Builder
	for i, e := range es {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Parse reads a rule file that stands alone (as the built-in policy.txt
// does): every <＊code> it uses must be defined in it. path names the file in
// messages. The error, if any, is Errors.
func Parse(src []byte, path string) (*Rules, error) {
	return ParseWith(src, path, nil)
}

// ParseWith reads a study's rule file on top of base (the built-in rules;
// nil for none) and returns the merged set, as Merge describes: the file may
// refer to base's codes, replace them, and refer to the replaced definition
// from inside its replacement. base is not changed.
func ParseWith(src []byte, path string, base *Rules) (*Rules, error) {
	defs, broken, errs := parseFile(src, path)
	var all []*def
	if base != nil {
		all = mergeDefs(base.defs, defs)
	} else {
		all = defs
	}
	r, lerrs := build(all, broken, path)
	errs = append(errs, lerrs...)
	if len(errs) > 0 {
		sortErrors(errs)
		return nil, errs
	}
	return r, nil
}

// Merge returns the rules of a followed by those of b. A code of b whose id a
// already defines replaces it in place, and a's codes that refer to it see
// b's condition; b's other codes follow in b's order. Neither a nor b is
// changed; either may be nil. The result is linked afresh, and an error
// reports a reference that no longer resolves or now closes a cycle; for two
// sets from Parse neither can happen, as each refers only to its own codes.
func Merge(a, b *Rules) (*Rules, error) {
	var ad, bd []*def
	if a != nil {
		ad = a.defs
	}
	if b != nil {
		bd = b.defs
	}
	r, errs := build(mergeDefs(ad, bd), nil, "")
	if len(errs) > 0 {
		sortErrors(errs)
		return nil, errs
	}
	return r, nil
}

func mergeDefs(a, b []*def) []*def {
	out := slices.Clone(a)
	at := make(map[string]int, len(a))
	for i, d := range a {
		at[d.code.ID] = i
	}
	for _, d := range b {
		i, ok := at[d.code.ID]
		if !ok {
			at[d.code.ID] = len(out)
			out = append(out, d)
			continue
		}
		if d.base == nil {
			nd := *d
			nd.base = out[i]
			d = &nd
		}
		out[i] = d
	}
	return out
}

func build(defs []*def, broken map[string]bool, prefer string) (*Rules, Errors) {
	p, errs := link(defs, broken, prefer)
	if len(errs) > 0 {
		return nil, errs
	}
	r := &Rules{defs: defs, prog: p, Codes: make([]Code, len(defs))}
	for i, d := range defs {
		r.Codes[i] = d.code
	}
	return r, nil
}

func sortErrors(es Errors) {
	slices.SortStableFunc(es, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	})
}
