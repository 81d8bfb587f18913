package report

import (
	"cmp"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// This file builds the keyword-in-context samples under each theme: the
// theme's top word in a few of the sentences it was written in, so a
// reader sees what the word stood for.

// KWIC sizes.
const (
	kwicLines = 3  // lines per theme
	kwicWidth = 16 // characters of context on either side, so a line fits across A4 (方法と注記 states it)
	// kwicAttrs is how many of the writer's attributes are shown: the
	// first two demographics of the codebook (district and age band in
	// koe's studies). More would come close to naming the writer.
	kwicAttrs = 2
)

// foldRune folds a character's width (ＡＢＣ → ABC, ｶﾀｶﾅ → カタカナ) as the
// tokenizer's normaliser does, so a word found in normalised text is found
// in the masked text as written.
func foldRune(r rune) rune {
	if f := width.LookupRune(r).Folded(); f != 0 {
		return f
	}
	return r
}

// flatRune writes a line break or tab as a space, so a KWIC line stays
// one line.
func flatRune(r rune) rune {
	switch r {
	case '\n', '\r', '\t':
		return ' '
	}
	return r
}

// foldText is text with every character flattened and folded (one
// character for one, so positions carry over to the text as written).
func foldText(s string) string {
	return strings.Map(func(r rune) rune { return foldRune(flatRune(r)) }, s)
}

// kwicLine finds word in text, comparing folded characters, and returns
// up to n characters on either side of its first occurrence, as written,
// with line breaks as spaces and "…" where the text was cut.
func kwicLine(text, word string, n int) (left, match, right string, ok bool) {
	return kwicFolded(text, foldText(text), foldText(word), n)
}

// kwicFolded is kwicLine with the text and the word already folded, so a
// document searched for several words is folded once.
func kwicFolded(text, folded, word string, n int) (left, match, right string, ok bool) {
	i := strings.Index(folded, word)
	if word == "" || i < 0 {
		return "", "", "", false
	}
	at := utf8.RuneCountInString(folded[:i])
	wn := utf8.RuneCountInString(word)
	rs := []rune(strings.Map(flatRune, text))
	if at+wn > len(rs) {
		return "", "", "", false // cannot happen: folding keeps one character for one
	}
	lo, hi := max(0, at-n), min(len(rs), at+wn+n)
	left = string(rs[lo:at])
	if lo > 0 {
		left = "…" + left
	}
	right = string(rs[at+wn : hi])
	if hi < len(rs) {
		right += "…"
	}
	return left, string(rs[at : at+wn]), right, true
}

// kwicDoc is a themed document that may give a KWIC line.
type kwicDoc struct {
	id     int64
	theme  int64
	weight float64
	text   string
	src    string
	resp   string
	area   string // the workshop's district
	// folded is the trimmed text folded (foldText), once a theme has
	// needed it: a document is searched under its theme and again under
	// each broader one.
	folded    string
	hasFolded bool
}

// loadKwic gives each theme a KWIC sample of its first top word found in
// its documents (a verb's base form is often not written as such; the next
// word is tried then).
func (l *loader) loadKwic(d *waveData) error {
	themed, err := l.themedDocs(d)
	if err != nil {
		return err
	}
	docs := map[int64][]*kwicDoc{} // by theme
	for i := range themed {
		docs[themed[i].theme] = append(docs[themed[i].theme], &themed[i])
	}
	// The quoted writers' attributes are looked up together at the end of
	// Load (afterIndex), after a first pass has chosen the lines (the
	// attributes never change which lines are chosen).
	attrs := map[string]string{} // respondent → its first single demographic answers
	lookup := l.has("v_demographics")
	first := true
	who := func(k *kwicDoc) (string, error) {
		if k.src == "workshop" {
			if k.area != "" {
				return "ワークショップ（" + k.area + "）", nil
			}
			return "ワークショップ", nil
		}
		if k.resp == "" || !lookup {
			return "アンケート", nil
		}
		if first {
			attrs[k.resp] = ""
			return "", nil
		}
		return attrs[k.resp], nil
	}
	if err := l.kwicPass(d, docs, who); err != nil {
		return err
	}
	dedupeKwic(d)
	if len(attrs) == 0 {
		return nil
	}
	// The attributes need the answers index by respondent.
	l.afterIndex(func() error {
		first = false
		resps := make([]string, 0, len(attrs))
		for r := range attrs {
			resps = append(resps, r)
		}
		labels, err := l.demographicLabels(d.w.ID, resps)
		if err != nil {
			return fmt.Errorf("read the writers' attributes: %w", err)
		}
		for _, r := range resps {
			attrs[r] = labels[r]
		}
		if err := l.kwicPass(d, docs, who); err != nil {
			return err
		}
		dedupeKwic(d)
		return nil
	})
	return nil
}

// dedupeKwic drops a broad theme's sample when one of its sub-themes,
// printed with it, shows the same word.
func dedupeKwic(d *waveData) {
	for _, t := range d.themes {
		if t.t == nil || t.t.Kwic == nil {
			continue
		}
		for _, c := range t.t.Children {
			if c.Kwic != nil && c.Kwic.Word == t.t.Kwic.Word {
				t.t.Kwic = nil
				break
			}
		}
	}
}

// kwicPass sets every theme's KWIC sample.
func (l *loader) kwicPass(d *waveData, docs map[int64][]*kwicDoc, who func(*kwicDoc) (string, error)) error {
	for _, t := range d.themes {
		if t.t == nil {
			continue
		}
		// A theme's documents are its own and its sub-themes', best
		// weight first.
		var own []*kwicDoc
		seen := map[int64]bool{}
		var walk func(t *themeRow)
		walk = func(t *themeRow) {
			for _, k := range docs[t.id] {
				if !seen[k.id] {
					seen[k.id] = true
					own = append(own, k)
				}
			}
			for _, c := range t.children {
				walk(c)
			}
		}
		walk(t)
		// Ids are unique here, so the order is total and need not be
		// stable.
		slices.SortFunc(own, func(a, b *kwicDoc) int {
			if a.weight != b.weight {
				return cmp.Compare(b.weight, a.weight)
			}
			return cmp.Compare(a.id, b.id)
		})
		kw, err := kwicFor(own, splitTerms(t.terms), who)
		if err != nil {
			return err
		}
		t.t.Kwic = kw
	}
	return nil
}

// themedDocs reads the wave's themed documents once, for the KWIC
// samples and for the policy codes' examples (their best theme weight).
// Copies of a duplicate group are left out: their first member speaks
// for them. The order is set by the callers. CROSS JOIN keeps doc_themes
// outside: it has no index on doc_id, so SQLite must not look documents'
// themes up one by one.
func (l *loader) themedDocs(d *waveData) ([]kwicDoc, error) {
	if d.themed != nil {
		return d.themed, nil
	}
	area := map[string]string{} // workshop → district
	err := l.each(`SELECT workshop_id, COALESCE(area, '') FROM workshops WHERE wave_id = ?`, []any{d.w.ID}, func(r *sql.Rows) error {
		var id, a string
		if err := r.Scan(&id, &a); err != nil {
			return err
		}
		area[id] = a
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read workshops: %w", err)
	}
	themed := []kwicDoc{}
	err = l.each(`SELECT d.doc_id, dt.theme_id, dt.weight, d.text_masked, d.source, COALESCE(d.respondent_id, ''),
			COALESCE(d.workshop_id, '')
		FROM doc_themes dt CROSS JOIN docs d ON d.doc_id = dt.doc_id
		WHERE d.wave_id = ? AND d.non_answer = 0 AND (d.dup_of IS NULL OR d.dup_of = d.doc_id)
			AND d.text_masked IS NOT NULL`, []any{d.w.ID}, func(r *sql.Rows) error {
		var k kwicDoc
		var wid string
		if err := r.Scan(&k.id, &k.theme, &k.weight, &k.text, &k.src, &k.resp, &wid); err != nil {
			return err
		}
		k.area = area[wid]
		themed = append(themed, k)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read themed documents: %w", err)
	}
	d.themed = themed
	return themed, nil
}

// splitTerms reads themes.top_terms ('、'-separated).
func splitTerms(s string) []string {
	var out []string
	for _, t := range strings.Split(s, "、") {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// kwicFor builds the sample for the first of terms that some document
// holds: up to kwicLines lines from different texts, and how many of the
// documents hold the word.
func kwicFor(docs []*kwicDoc, terms []string, who func(*kwicDoc) (string, error)) (*Kwic, error) {
	for _, doc := range docs {
		if !doc.hasFolded {
			doc.folded, doc.hasFolded = foldText(strings.TrimSpace(doc.text)), true
		}
	}
	for _, term := range terms {
		var k *Kwic
		hits := 0
		seen := map[string]bool{}
		fw := foldText(term)
		for _, doc := range docs {
			// Once the lines are chosen a document only counts, and
			// finding the word is enough for that.
			if k != nil && len(k.Lines) >= kwicLines {
				if strings.Contains(doc.folded, fw) {
					hits++
				}
				continue
			}
			left, match, right, ok := kwicFolded(strings.TrimSpace(doc.text), doc.folded, fw, kwicWidth)
			if !ok {
				continue
			}
			hits++
			if k == nil {
				k = &Kwic{Word: term}
			}
			if len(k.Lines) >= kwicLines || seen[left+match+right] {
				continue
			}
			seen[left+match+right] = true
			w, err := who(doc)
			if err != nil {
				return nil, err
			}
			k.Lines = append(k.Lines, KwicLine{Left: left, Word: match, Right: right, Who: w})
		}
		if k != nil {
			k.Caption = "「" + term + "」が使われている文脈（このテーマで「" + term + "」を含む意見" + comma(hits) + "件のうち" + comma(len(k.Lines)) + "件）"
			return k, nil
		}
	}
	return nil, nil
}

// demographicLabels gives each of resps its answers to the first
// kwicAttrs single-choice demographic questions it answered, in question
// order, joined with '・'; アンケート when it answered none. Only the
// quoted writers are asked for, a few dozen a wave, in one query per
// labelsChunk that looks each one up in the answers index by respondent
// (without the index, each query reads the wave's answers through).
func (l *loader) demographicLabels(wave string, resps []string) (map[string]string, error) {
	parts := map[string][]string{}
	for lo := 0; lo < len(resps); lo += labelsChunk {
		chunk := resps[lo:min(lo+labelsChunk, len(resps))]
		args := []any{wave}
		for _, r := range chunk {
			args = append(args, r)
		}
		err := l.each(`SELECT a.respondent_id, o.label FROM answers a
		JOIN questions q ON q.wave_id = a.wave_id AND q.question_id = a.question_id
		JOIN options o ON o.wave_id = a.wave_id AND o.question_id = a.question_id AND o.code = a.code
		WHERE a.wave_id = ? AND a.respondent_id IN (?`+strings.Repeat(", ?", len(chunk)-1)+`) AND q.is_demographic = 1 AND q.kind = 'single'
		ORDER BY a.respondent_id, q.ord, q.question_id, a.code`, args, func(r *sql.Rows) error {
			var resp, label string
			if err := r.Scan(&resp, &label); err != nil {
				return err
			}
			if len(parts[resp]) < kwicAttrs {
				parts[resp] = append(parts[resp], label)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	out := make(map[string]string, len(resps))
	for _, r := range resps {
		out[r] = "アンケート"
		if p := parts[r]; len(p) > 0 {
			out[r] = strings.Join(p, "・")
		}
	}
	return out, nil
}

// labelsChunk bounds the bound parameters of one demographicLabels query.
const labelsChunk = 500
