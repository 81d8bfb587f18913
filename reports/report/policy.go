package report

import (
	"database/sql"
	"fmt"
	"sort"
	"strings"

	"koe/analysis/codes"
)

// This file builds 政策分野別の市民の声: the policy codes the analysis
// matched in the free text, grouped by the five pillars of 地方創生2.0.

// quotesPerCode is how many masked examples each code shows.
const quotesPerCode = 2

// Example quotes read best between these lengths (characters): shorter
// ones say too little, longer ones are cut.
const (
	quoteMinRunes = 12
	quoteMaxRunes = 150
)

// maxNoteGroups is the most groups of one demographic named in a code's
// sentence; more would not read as a sentence.
const maxNoteGroups = 3

// codeNote is a group of a demographic in which a code is marked ▲ in the
// codes × demographic crosstab.
type codeNote struct {
	demo    string // demographic question
	demoOrd int
	row     string // option code of the group
	group   string // its label
	pct     float64
	n       int // documents of the group
	res     float64
}

// loadCodes reads each code's number of documents in the wave, and keeps
// the wave's coded documents for loadPolicy. doc_codes is read once and
// counted in Go: counting it in SQL took a join and a distinct sort per
// question asked (by code, in all, by pillar), each dearer than the read.
func (l *loader) loadCodes(d *waveData) error {
	type codeDef struct {
		label  string
		pillar sql.NullString
	}
	defs := map[string]codeDef{}
	err := l.each(`SELECT code_id, label, pillar FROM codes`, nil, func(r *sql.Rows) error {
		var id sql.NullString
		var c codeDef
		if err := r.Scan(&id, &c.label, &c.pillar); err != nil {
			return err
		}
		if id.Valid { // a NULL id joins no document
			defs[id.String] = c
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("read codes: %w", err)
	}
	var pairs []docCode
	err = l.each(`SELECT dc.doc_id, dc.code_id FROM doc_codes dc JOIN docs d ON d.doc_id = dc.doc_id
		WHERE d.wave_id = ?`, []any{d.w.ID}, func(r *sql.Rows) error {
		var p docCode
		if err := r.Scan(&p.doc, &p.code); err != nil {
			return err
		}
		pairs = append(pairs, p)
		return nil
	})
	if err != nil {
		return fmt.Errorf("read doc_codes: %w", err)
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].doc != pairs[j].doc {
			return pairs[i].doc < pairs[j].doc
		}
		return pairs[i].code < pairs[j].code
	})
	d.docCodes = pairs
	n := map[string]int{} // distinct documents per code
	for i, p := range pairs {
		if i > 0 && pairs[i-1] == p {
			continue
		}
		if _, ok := defs[p.code]; ok {
			n[p.code]++
		}
	}
	for id, k := range n {
		c := codeRow{id: id, label: defs[id].label, pillar: defs[id].pillar.String, n: k}
		if strings.TrimSpace(c.pillar) == "" {
			c.pillar = codes.OtherPillar
		}
		d.codes = append(d.codes, c)
	}
	sort.Slice(d.codes, func(i, j int) bool {
		if d.codes[i].n != d.codes[j].n {
			return d.codes[i].n > d.codes[j].n
		}
		return d.codes[i].id < d.codes[j].id
	})
	d.codePillar = map[string]string{}
	for id, c := range defs {
		// As SQL's COALESCE(NULLIF(TRIM(pillar), ''), その他): TRIM takes
		// off spaces only, where loadCodes' TrimSpace takes any white
		// space, so a pillar of other blanks counts under its own name.
		p := strings.Trim(c.pillar.String, " ")
		if p == "" {
			p = codes.OtherPillar
		}
		d.codePillar[id] = p
	}
	for i := range d.codes {
		d.codeByID[d.codes[i].id] = &d.codes[i]
	}
	return nil
}

// docCode is one row of doc_codes.
type docCode struct {
	doc  int64
	code string
}

// codedDocs counts the wave's documents with a code, and those with a
// code of each pillar (as codePillar names it).
func (d *waveData) codedDocs() (coded int, byPillar map[string]int) {
	byPillar = map[string]int{}
	seen := map[string]bool{}
	for i, p := range d.docCodes {
		if i == 0 || d.docCodes[i-1].doc != p.doc {
			coded++
			clear(seen)
		}
		if name, ok := d.codePillar[p.code]; ok && !seen[name] {
			seen[name] = true
			byPillar[name]++
		}
	}
	return coded, byPillar
}

// pillarOrder lists the pillars present: the five of 地方創生2.0 in their
// numbered order, then a city's own headings by name, then その他.
func pillarOrder(present map[string]bool) []string {
	var out []string
	known := map[string]bool{codes.OtherPillar: true}
	for _, p := range codes.Pillars() {
		known[p] = true
		if present[p] {
			out = append(out, p)
		}
	}
	var own []string
	for p := range present {
		if !known[p] {
			own = append(own, p)
		}
	}
	sort.Strings(own)
	out = append(out, own...)
	if present[codes.OtherPillar] {
		out = append(out, codes.OtherPillar)
	}
	return out
}

func (l *loader) loadPolicy(d *waveData) error {
	if len(d.codes) == 0 {
		return nil
	}
	var total int
	// 特になし is no opinion: it is left out of the base, as from the themes.
	if err := l.db.QueryRow(`SELECT COUNT(*) FROM docs WHERE wave_id = ? AND non_answer = 0`, d.w.ID).Scan(&total); err != nil {
		return fmt.Errorf("count docs: %w", err)
	}
	coded, pillarDocs := d.codedDocs()
	share := func(n int) float64 { return 100 * float64(n) / float64(max(total, 1)) }
	ps := &PolicySet{Docs: comma(total), Coded: comma(coded), CodedPct: pct(share(coded)), Crosstabs: d.codeXts}

	byPillar := map[string][]*codeRow{}
	present := map[string]bool{}
	for i := range d.codes {
		c := &d.codes[i]
		byPillar[c.pillar] = append(byPillar[c.pillar], c)
		present[c.pillar] = true
	}
	quotes, err := l.codeQuotes(d)
	if err != nil {
		return fmt.Errorf("read code examples: %w", err)
	}
	// Every chart shares one scale, so bars compare across pillars.
	top := 0.0
	for _, c := range d.codes {
		top = max(top, share(c.n))
	}
	for _, name := range pillarOrder(present) {
		n := pillarDocs[name]
		p := &Pillar{Anchor: l.anchor("p"), Name: name, N: comma(n), Share: pct(share(n))}
		var items []barItem
		for _, c := range byPillar[name] {
			pc := &PolicyCode{Anchor: l.anchor("c"), Label: c.label, N: comma(c.n), Share: pct(share(c.n)), Quotes: quotes[c.id], Note: d.noteFor(c)}
			p.Codes = append(p.Codes, pc)
			items = append(items, barItem{label: c.label, value: share(c.n), text: comma(c.n) + "件（" + pct(share(c.n)) + "%）"})
		}
		p.Chart = newBarChart(name+"：分野ごとの意見の件数（意見"+comma(total)+"件）", items, niceScale(top))
		ps.Pillars = append(ps.Pillars, p)
	}
	d.w.Policy = ps
	return nil
}

// niceScale is the full length of a bar: the largest value rounded up to
// a multiple of 10.
func niceScale(top float64) float64 {
	s := 10.0
	for s < top {
		s += 10
	}
	return s
}

// codeQuotes picks every code's examples, masked text only: answers of a
// readable length first, then those matching fewer codes (they speak to
// this one), then those closest to their theme's centre, then document
// order, so the choice is the same on every run. The ranking is done in
// Go on doc_codes as loadCodes read it and the weights themedDocs read:
// ranking in SQL sorted every coded document with its text, and grouped
// doc_codes and doc_themes whole (neither has an index on doc_id).
func (l *loader) codeQuotes(d *waveData) (map[string][]Quote, error) {
	// fits: the document may be quoted; true when its length reads well.
	fits := map[int64]bool{}
	err := l.each(`SELECT doc_id, LENGTH(TRIM(text_masked)) BETWEEN ? AND ? FROM docs
		WHERE wave_id = ? AND non_answer = 0 AND text_masked IS NOT NULL AND TRIM(text_masked) <> ''
			AND (dup_of IS NULL OR dup_of = doc_id)`,
		[]any{quoteMinRunes, quoteMaxRunes, d.w.ID}, func(r *sql.Rows) error {
			var id int64
			var ok bool
			if err := r.Scan(&id, &ok); err != nil {
				return err
			}
			fits[id] = ok
			return nil
		})
	if err != nil {
		return nil, err
	}
	themed, err := l.themedDocs(d)
	if err != nil {
		return nil, err
	}
	// Every themed document that may be quoted is in themed with all its
	// themes, as themedDocs selects the documents a quote may come from.
	best := map[int64]float64{}
	for _, k := range themed {
		if w, ok := best[k.id]; !ok || k.weight > w {
			best[k.id] = k.weight
		}
	}
	ncodes := map[int64]int{} // doc_codes rows of each document
	for _, p := range d.docCodes {
		ncodes[p.doc]++
	}
	type cand struct {
		doc    int64
		fits   bool
		ncodes int
		weight float64
	}
	byCode := map[string][]cand{}
	for _, p := range d.docCodes { // a row given twice is ranked twice, as in SQL
		ok, quotable := fits[p.doc]
		if !quotable {
			continue
		}
		w, themed := best[p.doc]
		if !themed {
			w = -1
		}
		byCode[p.code] = append(byCode[p.code], cand{p.doc, ok, ncodes[p.doc], w})
	}
	picked := map[string][]int64{}
	var ids []int64
	for code, cs := range byCode {
		sort.Slice(cs, func(i, j int) bool {
			a, b := cs[i], cs[j]
			switch {
			case a.fits != b.fits:
				return a.fits
			case a.ncodes != b.ncodes:
				return a.ncodes < b.ncodes
			case a.weight != b.weight:
				return a.weight > b.weight
			}
			return a.doc < b.doc
		})
		for _, c := range cs[:min(len(cs), quotesPerCode*4)] {
			picked[code] = append(picked[code], c.doc)
			ids = append(ids, c.doc)
		}
	}
	quotes, err := l.docQuotes(d, ids)
	if err != nil {
		return nil, err
	}
	out := map[string][]Quote{}
	for code, docs := range picked {
		seen := map[string]bool{}
		for _, id := range docs {
			q := quotes[id]
			if len(out[code]) >= quotesPerCode || seen[q.text] {
				continue
			}
			seen[q.text] = true
			out[code] = append(out[code], q.Quote)
		}
	}
	return out, nil
}

// docQuote is a document as quoted, and its text before it was cut.
type docQuote struct {
	Quote
	text string
}

// docQuotes reads the given documents as quotes, a few hundred ids to a
// query.
func (l *loader) docQuotes(d *waveData, ids []int64) (map[int64]docQuote, error) {
	out := map[int64]docQuote{}
	const batch = 500
	for len(ids) > 0 {
		n := min(len(ids), batch)
		args := make([]any, n)
		for i, id := range ids[:n] {
			args[i] = id
		}
		ids = ids[n:]
		err := l.each(`SELECT d.doc_id, d.source, COALESCE(d.question_id, ''), COALESCE(d.workshop_id, ''),
				COALESCE(d.speaker, ''), COALESCE(w.title, ''), d.text_masked, COALESCE(d.group_size, 1)
			FROM docs d LEFT JOIN workshops w ON w.wave_id = d.wave_id AND w.workshop_id = d.workshop_id
			WHERE d.doc_id IN (?`+strings.Repeat(", ?", n-1)+`)`, args, func(r *sql.Rows) error {
			var id int64
			var src, qid, wid, speaker, wtitle, text string
			var size int
			if err := r.Scan(&id, &src, &qid, &wid, &speaker, &wtitle, &text, &size); err != nil {
				return err
			}
			text = strings.TrimSpace(text)
			out[id] = docQuote{Quote{Text: truncRunes(text, maxQuoteRunes), Source: sourceLabel(d, src, qid, wid, speaker, wtitle),
				Similar: similar(size)}, text}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// noteFor says in one sentence in which groups a code's share stands out
// (▲ in the codes × demographic crosstabs): at most three groups per
// demographic, the most marked ones, named in the demographic's order.
func (d *waveData) noteFor(c *codeRow) string {
	notes := d.codeNotes[c.id]
	if len(notes) == 0 {
		return ""
	}
	byDemo := map[string][]codeNote{}
	var demos []string
	for _, n := range notes {
		if byDemo[n.demo] == nil {
			demos = append(demos, n.demo)
		}
		byDemo[n.demo] = append(byDemo[n.demo], n)
	}
	sort.SliceStable(demos, func(i, j int) bool {
		a, b := byDemo[demos[i]][0].demoOrd, byDemo[demos[j]][0].demoOrd
		if a != b {
			return a < b
		}
		return demos[i] < demos[j]
	})
	var parts []string
	for _, demo := range demos {
		ns := byDemo[demo]
		sort.SliceStable(ns, func(i, j int) bool { return ns[i].res > ns[j].res })
		if len(ns) > maxNoteGroups {
			ns = ns[:maxNoteGroups]
		}
		pos := map[string]int{}
		for i, code := range d.optionCodes(demo) {
			pos[code] = i
		}
		sort.SliceStable(ns, func(i, j int) bool { return pos[ns[i].row] < pos[ns[j].row] })
		var gs []string
		for _, n := range ns {
			gs = append(gs, "「"+n.group+"」（意見"+comma(n.n)+"件中"+pct(n.pct)+"%）")
		}
		parts = append(parts, d.shortName(demo)+"が"+strings.Join(gs, "・")+"の人")
	}
	return "「" + c.label + "」に関する意見は、" + strings.Join(parts, "、") + "で、全体より多くなっています。"
}
