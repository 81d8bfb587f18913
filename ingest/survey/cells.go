package survey

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"koe/ingest"
	"koe/ingest/csvx"
)

// plan is how one question is read from a row.
type plan struct {
	q    *ingest.Question
	col  int   // 0-based column; -1 for one-column-per-option multi
	cols []int // 0-based columns of a one-column-per-option multi

	lookup map[string]int // normalised code or label → option index
	keys   []string       // lookup's keys, longest first, for greedy matching
	sep    string         // normalised separator
	allow  string         // the allowed values, for reasons
	book   *ingest.Codebook
	// normed remembers the normalised form of the column's values: a
	// closed question's cells repeat a handful of labels, and NFKC of each
	// cell was most of the time spent reading a large survey.
	normed map[string]string
}

// maxNormed bounds normed: a column of free text or ids rarely repeats.
const maxNormed = 1024

// normalize is ingest.NormalizeHeader through the plan's memo.
func (p *plan) normalize(raw string) string {
	if v, ok := p.normed[raw]; ok {
		return v
	}
	v := ingest.NormalizeHeader(raw)
	if len(p.normed) < maxNormed && len(raw) <= 64 {
		if p.normed == nil {
			p.normed = map[string]string{}
		}
		p.normed[strings.Clone(raw)] = v
	}
	return v
}

type problem struct {
	col         int // 0-based
	reason, raw string
}

func (p *plan) prepare(cb *ingest.Codebook) {
	p.book = cb
	p.lookup = map[string]int{}
	// Codes first, so that a code wins over a label that happens to equal
	// another option's code (options = [{code="1",label="2"}, {code="2",...}]).
	for i, o := range p.q.Options {
		if _, ok := p.lookup[o.Code]; !ok {
			p.lookup[o.Code] = i
		}
	}
	for i, o := range p.q.Options {
		if _, ok := p.lookup[o.Label]; !ok {
			p.lookup[o.Label] = i
		}
	}
	for k := range p.lookup {
		p.keys = append(p.keys, k)
	}
	sort.Slice(p.keys, func(i, j int) bool {
		if len(p.keys[i]) != len(p.keys[j]) {
			return len(p.keys[i]) > len(p.keys[j])
		}
		return p.keys[i] < p.keys[j]
	})
	p.sep = normalizeSep(p.q.Separator)
	var b strings.Builder
	for i, o := range p.q.Options {
		if i == 10 {
			fmt.Fprintf(&b, ", … (%d options in all)", len(p.q.Options))
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		if o.Code != o.Label {
			fmt.Fprintf(&b, "%s (%s)", o.Code, o.Label)
		} else {
			b.WriteString(o.Label)
		}
	}
	p.allow = b.String()
}

// normalizeSep puts the separator through the same NFKC as cells, but keeps
// a separator that is only white space (a newline, say) as it is.
func normalizeSep(s string) string {
	if strings.TrimSpace(s) == "" {
		return s
	}
	return ingest.NormalizeHeader(s)
}

// apply reads the question's cells into resp, or reports why it cannot.
func (p *plan) apply(rec *csvx.Record, resp *ingest.Respondent) []problem {
	q := p.q
	if len(p.cols) > 0 {
		p.applyColumns(rec, resp)
		return nil
	}
	if p.col < 0 || p.col >= len(rec.Fields) {
		return nil
	}
	raw := rec.Fields[p.col]
	v := p.normalize(raw)
	if p.book.IsMissing(q, v) {
		return nil
	}
	switch q.Kind {
	case ingest.Single, ingest.Likert:
		i, ok := p.lookup[v]
		if !ok {
			return []problem{{p.col, fmt.Sprintf("%q is not one of the options of %s (allowed: %s; or leave the cell empty for no answer)", v, q.ID, p.allow), raw}}
		}
		resp.Answers = append(resp.Answers, p.answer(i))
	case ingest.Multi:
		chosen, unknown := p.splitMulti(v)
		if len(unknown) > 0 {
			return []problem{{p.col, fmt.Sprintf("%s in this cell %s not among the options of %s (allowed: %s; separated by %q)",
				quoteAll(unknown), isAre(len(unknown)), q.ID, p.allow, p.q.Separator), raw}}
		}
		for _, i := range chosen {
			resp.Answers = append(resp.Answers, p.answer(i))
		}
	case ingest.Number:
		x, ok := ingest.ParseNumber(v)
		if !ok {
			return []problem{{p.col, fmt.Sprintf("%q is not a number (write digits, such as 42, 1,234 or 3.5)", v), raw}}
		}
		if (q.Min != nil && x < *q.Min) || (q.Max != nil && x > *q.Max) {
			return []problem{{p.col, fmt.Sprintf("%s is outside the allowed range of %s (%s)", v, q.ID, rangeText(q.Min, q.Max)), raw}}
		}
		resp.Answers = append(resp.Answers, ingest.Answer{QuestionID: q.ID, Value: &x})
	case ingest.Text:
		resp.Docs = append(resp.Docs, ingest.Doc{Source: "survey", QuestionID: q.ID, Line: rec.FieldLines[p.col], Text: strings.TrimSpace(raw)})
	}
	return nil
}

func (p *plan) answer(i int) ingest.Answer {
	o := p.q.Options[i]
	a := ingest.Answer{QuestionID: p.q.ID, Code: o.Code}
	if p.q.Kind == ingest.Likert && o.HasScore {
		s := o.Score
		a.Value = &s
	}
	return a
}

// chosenMarks are the cells of a one-column-per-option multi that mean
// "chosen" without saying more; notChosen the ones that mean "not chosen".
// Anything else is chosen with a text of its own (その他（　）).
var (
	chosenMarks = map[string]bool{"1": true, "○": true, "◯": true, "〇": true, "●": true, "✓": true, "✔": true, "レ": true,
		"true": true, "TRUE": true, "True": true, "yes": true, "Yes": true, "YES": true, "はい": true}
	notChosen = map[string]bool{"0": true, "false": true, "FALSE": true, "False": true, "no": true, "No": true, "NO": true,
		"×": true, "-": true}
)

func (p *plan) applyColumns(rec *csvx.Record, resp *ingest.Respondent) {
	for i, c := range p.cols {
		if c < 0 || c >= len(rec.Fields) {
			continue
		}
		raw := rec.Fields[c]
		v := p.normalize(raw)
		if notChosen[v] || p.book.IsMissing(p.q, v) {
			continue
		}
		resp.Answers = append(resp.Answers, p.answer(i))
		if !chosenMarks[v] {
			resp.Docs = append(resp.Docs, ingest.Doc{Source: "survey", QuestionID: p.q.ID, Line: rec.FieldLines[c], Text: strings.TrimSpace(raw)})
		}
	}
}

// splitMulti splits a multi cell into option indexes (in option order, each
// once) and the pieces that match no option. A cell that splits cleanly is
// the common case; otherwise options are matched greedily, longest first,
// because Google Forms joins choices with ", " and a label may itself hold
// a comma ("自然, 景観").
func (p *plan) splitMulti(v string) ([]int, []string) {
	seen := make([]bool, len(p.q.Options))
	var unknown []string
	simple := true
	for _, part := range strings.Split(v, p.sep) {
		part = strings.TrimSpace(part)
		if part == "" || p.book.IsMissing(p.q, part) {
			continue
		}
		if i, ok := p.lookup[part]; ok {
			seen[i] = true
		} else {
			simple = false
			break
		}
	}
	sepCore := strings.TrimSpace(p.sep)
	if !simple && sepCore != "" {
		clear(seen)
		s := v
		for s != "" {
			s = strings.TrimLeft(s, " \t\u3000")
			if s == "" {
				break
			}
			matched := false
			for _, k := range p.keys {
				if k == "" || !strings.HasPrefix(s, k) {
					continue
				}
				rest := strings.TrimLeft(s[len(k):], " \t\u3000")
				if rest == "" || strings.HasPrefix(rest, sepCore) {
					seen[p.lookup[k]] = true
					s = strings.TrimPrefix(rest, sepCore)
					matched = true
					break
				}
			}
			if matched {
				continue
			}
			tok := s
			if i := strings.Index(s, sepCore); i >= 0 {
				tok, s = s[:i], s[i+len(sepCore):]
			} else {
				s = ""
			}
			if tok = strings.TrimSpace(tok); tok != "" && !p.book.IsMissing(p.q, tok) {
				unknown = append(unknown, tok)
			}
		}
	} else if !simple {
		for _, part := range strings.Split(v, p.sep) {
			part = strings.TrimSpace(part)
			if _, ok := p.lookup[part]; !ok && part != "" && !p.book.IsMissing(p.q, part) {
				unknown = append(unknown, part)
			}
		}
	}
	var chosen []int
	for i, ok := range seen {
		if ok {
			chosen = append(chosen, i)
		}
	}
	return chosen, unknown
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

func rangeText(lo, hi *float64) string {
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	switch {
	case lo != nil && hi != nil:
		return fmt.Sprintf("%s to %s", f(*lo), f(*hi))
	case lo != nil:
		return "at least " + f(*lo)
	case hi != nil:
		return "at most " + f(*hi)
	}
	return "any"
}
