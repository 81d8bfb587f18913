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

// codeQuotes picks every code's examples in one query, masked text only:
// answers of a readable length first, then those matching fewer codes
// (they speak to this one), then those closest to their theme's centre,
// then document order, so the choice is the same on every run. The
// per-document counts are grouped once rather than looked up per row:
// doc_codes has no index on doc_id.
func (l *loader) codeQuotes(d *waveData) (map[string][]Quote, error) {
	out := map[string][]Quote{}
	seen := map[string]map[string]bool{}
	err := l.each(`WITH nc AS (SELECT doc_id, COUNT(*) AS n FROM doc_codes GROUP BY doc_id),
			mw AS (SELECT doc_id, MAX(weight) AS w FROM doc_themes GROUP BY doc_id),
			ranked AS (
				SELECT dc.code_id, d.source, COALESCE(d.question_id, '') AS qid, COALESCE(d.workshop_id, '') AS wid,
					COALESCE(d.speaker, '') AS speaker, COALESCE(w.title, '') AS wtitle, d.text_masked AS text,
					COALESCE(d.group_size, 1) AS size,
					ROW_NUMBER() OVER (PARTITION BY dc.code_id ORDER BY
						LENGTH(TRIM(d.text_masked)) BETWEEN ? AND ? DESC, nc.n, COALESCE(mw.w, -1) DESC, d.doc_id) AS rk
				FROM doc_codes dc JOIN docs d ON d.doc_id = dc.doc_id
				JOIN nc ON nc.doc_id = d.doc_id LEFT JOIN mw ON mw.doc_id = d.doc_id
				LEFT JOIN workshops w ON w.wave_id = d.wave_id AND w.workshop_id = d.workshop_id
				WHERE d.wave_id = ? AND d.non_answer = 0 AND d.text_masked IS NOT NULL AND TRIM(d.text_masked) <> ''
					AND (d.dup_of IS NULL OR d.dup_of = d.doc_id))
		SELECT code_id, source, qid, wid, speaker, wtitle, text, size FROM ranked WHERE rk <= ? ORDER BY code_id, rk`,
		[]any{quoteMinRunes, quoteMaxRunes, d.w.ID, quotesPerCode * 4}, func(r *sql.Rows) error {
			var code, src, qid, wid, speaker, wtitle, text string
			var size int
			if err := r.Scan(&code, &src, &qid, &wid, &speaker, &wtitle, &text, &size); err != nil {
				return err
			}
			text = strings.TrimSpace(text)
			if seen[code] == nil {
				seen[code] = map[string]bool{}
			}
			if len(out[code]) >= quotesPerCode || seen[code][text] {
				return nil
			}
			seen[code][text] = true
			out[code] = append(out[code], Quote{Text: truncRunes(text, maxQuoteRunes), Source: sourceLabel(d, src, qid, wid, speaker, wtitle),
				Similar: similar(size)})
			return nil
		})
	return out, err
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
