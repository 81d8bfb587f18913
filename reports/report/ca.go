package report

import (
	"database/sql"
	"fmt"
	"math"
	"sort"
	"strings"
)

// This file draws the 対応分析 (correspondence analysis) maps the analysis
// stored in ca_points and ca_inertia: the free-text words and the groups of
// a demographic question on the first two dimensions.

// CAChart is one correspondence-analysis map. Both axes share one scale,
// so distances read the same across and up.
type CAChart struct {
	Title        string
	DescribedBy  string
	Width        string
	Height       string
	PlotX, PlotY string
	PlotW, PlotH string
	Zero         []Segment // the two 0 lines, broken where a label sits
	Others       []CADot   // words not labelled: small grey dots
	Points       []CAPoint // groups, then labelled words
	XTitleX      string
	XTitleY      string
	XTitle       string
	YTitleX      string
	YTitleY      string
	YTitle       string
	// Unlabelled counts the labelled words whose label fitted nowhere on
	// the map; they are dots there and named in the table.
	Unlabelled  int
	LegendY     string
	LegendMidY  string
	LegendTextY string
}

// CADot is an unlabelled word.
type CADot struct {
	X, Y string
	Tip  string
}

// CAPoint is a group (a square) or a labelled word (a dot) with its label.
type CAPoint struct {
	X, Y     string
	Group    bool
	Square   Box
	Label    string
	LabelX   string
	LabelY   string
	LabelBox Box
	Leader   bool
	LX1, LY1 string
	LX2, LY2 string
	Tip      string
}

// Map geometry: the plot is at most this wide and tall; the shorter side
// follows from the data, as both axes share one scale.
const (
	caPlotX    = 52.0
	caPlotY    = 30.0
	caMaxW     = 572.0
	caMaxH     = 440.0
	caMinH     = 220.0
	caPad      = 0.06 // of the data's range, kept free on each side
	caSquare   = 5.0  // half the side of a group's square
	caDotR     = 3.5
	caOtherR   = 2.0
	caMaxTerms = 40 // labelled words at most, by contribution
)

type caPoint struct {
	kind, label  string
	ord          int
	dim1, dim2   float64
	contribution float64
	labelled     bool
	tip          string // tooltip; the label when empty
}

func (l *loader) loadCA(d *waveData) error {
	if !l.has("ca_points", "ca_inertia") {
		return nil
	}
	byQ := map[string][]caPoint{}
	var qids []string
	err := l.each(`SELECT question_id, kind, ord, label, dim1, dim2, contribution, labelled FROM ca_points
		WHERE wave_id = ? ORDER BY question_id, kind, ord, label`, []any{d.w.ID}, func(r *sql.Rows) error {
		var qid string
		var p caPoint
		if err := r.Scan(&qid, &p.kind, &p.ord, &p.label, &p.dim1, &p.dim2, &p.contribution, &p.labelled); err != nil {
			return err
		}
		if _, ok := byQ[qid]; !ok {
			qids = append(qids, qid)
		}
		byQ[qid] = append(byQ[qid], p)
		return nil
	})
	if err != nil {
		return fmt.Errorf("read ca_points: %w", err)
	}
	inertia := map[string][]float64{}
	err = l.each(`SELECT question_id, inertia_pct FROM ca_inertia WHERE wave_id = ?
		ORDER BY question_id, dim`, []any{d.w.ID}, func(r *sql.Rows) error {
		var qid string
		var p float64
		if err := r.Scan(&qid, &p); err != nil {
			return err
		}
		inertia[qid] = append(inertia[qid], p)
		return nil
	})
	if err != nil {
		return fmt.Errorf("read ca_inertia: %w", err)
	}
	// Demographics in codebook order.
	d.sortByCodebook(qids)
	type based struct {
		set   *CASet
		qid   string
		terms int
	}
	var sets []based
	for _, qid := range qids {
		if set, terms := l.buildCA(d, qid, byQ[qid], inertia[qid]); set != nil {
			d.w.CA = append(d.w.CA, set)
			sets = append(sets, based{set, qid, terms})
		}
	}
	if len(sets) == 0 {
		return nil
	}
	// Each table's base: the analysis counted it (ca_bases); a database
	// without the count is counted here, which looks answers up by
	// respondent and so waits for the answers index (afterIndex).
	if l.has("ca_bases") {
		counted := map[string]int{}
		err := l.each(`SELECT question_id, n_docs FROM ca_bases WHERE wave_id = ?`, []any{d.w.ID}, func(r *sql.Rows) error {
			var qid string
			var n int
			if err := r.Scan(&qid, &n); err != nil {
				return err
			}
			counted[qid] = n
			return nil
		})
		if err != nil {
			return fmt.Errorf("read ca_bases: %w", err)
		}
		rest := sets[:0]
		for _, b := range sets {
			if n, ok := counted[b.qid]; ok {
				caBase(b.set, n, b.terms)
			} else {
				rest = append(rest, b)
			}
		}
		sets = rest
		if len(sets) == 0 {
			return nil
		}
	}
	l.afterIndex(func() error {
		docs, err := l.networkDocsBy(d, qids)
		if err != nil {
			return err
		}
		for _, b := range sets {
			caBase(b.set, docs[b.qid], b.terms)
		}
		return nil
	})
	return nil
}

// groupNoun is what a sentence calls one group of a demographic question.
func groupNoun(title string) string {
	switch {
	case strings.Contains(title, "地区") || strings.Contains(title, "地域"):
		return "地区"
	case strings.Contains(title, "年代") || strings.Contains(title, "年齢"):
		return "年代"
	}
	return "グループ"
}

// The set's Base, which needs the documents by answer, is left to the
// caller; nTerms is the number of terms it names.
func (l *loader) buildCA(d *waveData, qid string, pts []caPoint, inertia []float64) (_ *CASet, nTerms int) {
	var groups, terms []caPoint
	for _, p := range pts {
		if !finite(p.dim1) || !finite(p.dim2) {
			continue // nothing to place; the analysis never writes these
		}
		switch p.kind {
		case "group":
			groups = append(groups, p)
		case "term":
			terms = append(terms, p)
		}
	}
	if len(groups) < 2 || len(terms) == 0 {
		return nil, 0
	}
	title := d.shortName(qid)
	noun := groupNoun(title)
	set := &CASet{Anchor: l.anchor("ca"), TableID: l.anchor("cat"), Title: title, GroupHdr: noun}
	oneDim := len(inertia) < 2
	if !oneDim {
		oneDim = true
		for _, p := range pts {
			if math.Abs(p.dim2) > 1e-12 {
				oneDim = false
				break
			}
		}
	}
	set.OneDim = oneDim
	axisPct := func(k int) string {
		if k < len(inertia) {
			return pct(inertia[k])
		}
		return "—"
	}
	if oneDim {
		set.Inertia = noun + "が2つなので、違いは1本の軸ですべて表せます。"
	} else {
		both := "—"
		if len(inertia) >= 2 {
			both = pct(roundFloat(inertia[0], 1) + roundFloat(inertia[1], 1))
		}
		set.Inertia = noun + "による言葉の使い方の違いのうち、横軸（第1軸）で" + axisPct(0) + "%、縦軸（第2軸）で" +
			axisPct(1) + "%、合わせて" + both + "%を表しています。"
	}

	// The labelled words: those the analysis marked, most distinctive
	// first, at most caMaxTerms so the map stays readable.
	var labelled []caPoint
	for _, t := range terms {
		if t.labelled {
			labelled = append(labelled, t)
		}
	}
	sort.SliceStable(labelled, func(i, j int) bool {
		if labelled[i].contribution != labelled[j].contribution {
			return labelled[i].contribution > labelled[j].contribution
		}
		return labelled[i].label < labelled[j].label
	})
	if len(labelled) > caMaxTerms {
		labelled = labelled[:caMaxTerms]
	}
	// Each labelled word's nearest group on the map (on the one axis when
	// there is only one): how the map is read, put in a table.
	nearest := func(t caPoint) int {
		best, bd := 0, math.Inf(1)
		for i, g := range groups {
			dx, dy := t.dim1-g.dim1, t.dim2-g.dim2
			if oneDim {
				dy = 0
			}
			if dd := dx*dx + dy*dy; dd < bd {
				best, bd = i, dd
			}
		}
		return best
	}
	type row struct {
		t caPoint
		g int
	}
	var rows []row
	for _, t := range labelled {
		rows = append(rows, row{t, nearest(t)})
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].g != rows[j].g {
			return rows[i].g < rows[j].g
		}
		return rows[i].t.contribution > rows[j].t.contribution
	})
	near := make([][]string, len(groups))
	for i, r := range rows {
		near[r.g] = append(near[r.g], r.t.label)
		rows[i].t.tip = r.t.label + "（最も近い" + noun + "：" + groups[r.g].label + "）"
	}
	for i, g := range groups {
		row := CARow{Group: g.label, Terms: strings.Join(near[i], "、"), N: comma(len(near[i]))}
		if len(near[i]) == 0 {
			row.Terms = "—"
		}
		set.Rows = append(set.Rows, row)
	}
	labelled = labelled[:0]
	for _, r := range rows {
		labelled = append(labelled, r.t)
	}
	// Labels are placed most distinctive first, as before the table's sort.
	sort.SliceStable(labelled, func(i, j int) bool {
		if labelled[i].contribution != labelled[j].contribution {
			return labelled[i].contribution > labelled[j].contribution
		}
		return labelled[i].label < labelled[j].label
	})
	if oneDim {
		set.Caption = "特徴的な言葉を、その言葉を多く使った" + noun + "ごとに表にしました。"
		return set, len(terms)
	}
	set.Caption = "■は" + noun + "、●は特徴的な言葉、薄い点はそのほかの言葉です。近くにある言葉ほど、その" + noun +
		"の回答で特徴的に使われています。中心（点線の交わる所）に近い言葉は、どの" + noun + "でも同じように使われています。"
	// Its title gets the Base with it (caBase).
	set.Chart = newCAChart(title+"と言葉の対応分析", set.TableID, groups, labelled, terms,
		"第1軸（"+axisPct(0)+"%）→", "↑ 第2軸（"+axisPct(1)+"%）")
	return set, len(terms)
}

// caBase sets a table's base, and its chart's title that names it: the
// documents of the respondents who answered the question, and the terms.
func caBase(set *CASet, docs, terms int) {
	set.Base = set.Title + "に答えた人の自由記述" + comma(docs) + "件、よく使われた" + comma(terms) + "語"
	if set.Chart != nil {
		set.Chart.Title = set.Title + "と言葉の対応分析（" + set.Base + "）"
	}
}

// newCAChart lays out a map: groups as squares and labelled words as dots,
// both labelled (groups first), other words as faint dots, and the 0
// lines broken at the labels. Both axes share one scale, as a
// correspondence-analysis map must (Greenacre 2017, ch. 3): the plot's
// shorter side is cut to fit.
func newCAChart(title, describedBy string, groups, labelled, all []caPoint, xTitle, yTitle string) *CAChart {
	xlo, xhi, ylo, yhi := 0.0, 0.0, 0.0, 0.0 // the origin is always in view
	for _, set := range [][]caPoint{groups, all} {
		for _, p := range set {
			xlo, xhi = math.Min(xlo, p.dim1), math.Max(xhi, p.dim1)
			ylo, yhi = math.Min(ylo, p.dim2), math.Max(yhi, p.dim2)
		}
	}
	xr, yr := xhi-xlo, yhi-ylo
	if xr <= 0 {
		xr = 1
	}
	if yr <= 0 {
		yr = 1
	}
	xlo, xhi = xlo-caPad*xr, xhi+caPad*xr
	ylo, yhi = ylo-caPad*yr, yhi+caPad*yr
	xr, yr = xhi-xlo, yhi-ylo
	scale := caMaxW / xr
	if yr*scale > caMaxH {
		scale = caMaxH / yr
	}
	plotW, plotH := xr*scale, yr*scale
	if plotH < caMinH {
		// Widen the vertical range about its middle, keeping the scale.
		extra := (caMinH/scale - yr) / 2
		ylo, yhi = ylo-extra, yhi+extra
		plotH = caMinH
	}
	x0 := caPlotX + (caMaxW-plotW)/2
	px := func(v float64) float64 { return x0 + (v-xlo)*scale }
	py := func(v float64) float64 { return caPlotY + (yhi-v)*scale }
	bottom := caPlotY + plotH
	c := &CAChart{Title: title, DescribedBy: describedBy, Width: num(chartW),
		PlotX: num(x0), PlotY: num(caPlotY), PlotW: num(plotW), PlotH: num(plotH),
		XTitle: xTitle, XTitleX: num(x0 + plotW), XTitleY: num(bottom + 18),
		YTitle: yTitle, YTitleX: num(x0), YTitleY: num(caPlotY - 10)}
	isLabelled := map[string]bool{}
	for _, t := range labelled {
		isLabelled[t.label] = true
	}
	for _, t := range all {
		if isLabelled[t.label] {
			continue
		}
		c.Others = append(c.Others, CADot{X: num(px(t.dim1)), Y: num(py(t.dim2)), Tip: t.label})
	}
	// Words written only by one group share one position exactly; they
	// get one dot and one label, the most distinctive word first.
	type spot struct{ x, y float64 }
	at := map[spot]int{}
	var merged []caPoint
	for _, t := range labelled {
		k := spot{math.Round(px(t.dim1)*2) / 2, math.Round(py(t.dim2)*2) / 2}
		if j, ok := at[k]; ok {
			merged[j].label += "・" + t.label
			merged[j].tip += "、" + t.tip
			continue
		}
		at[k] = len(merged)
		if t.tip == "" {
			t.tip = t.label
		}
		merged = append(merged, t)
	}
	pts := append(append([]caPoint(nil), groups...), merged...)
	items := make([]labelItem, len(pts))
	dots := make([]rect, len(pts))
	for i, p := range pts {
		cx, cy := px(p.dim1), py(p.dim2)
		r := caDotR
		if p.kind == "group" {
			r = caSquare
		}
		dots[i] = rect{cx - r - 1, cy - r - 1, cx + r + 1, cy + r + 1}
		// A word's label goes where it is clearly its own or not at all
		// (the table names every word); a group's is always drawn.
		items[i] = labelItem{cx: cx, cy: cy, w: float64(dispWidth(p.label)) * halfPx,
			dists: []float64{r + 3, r + 10, r + 20, r + 32}, edge: r + 1, optional: p.kind != "group"}
	}
	seq := make([]int, len(pts))
	for i := range seq {
		seq[i] = i
	}
	plot := rect{x0 + 2, caPlotY + 2, x0 + plotW - 2, bottom - 2}
	// The axis titles sit outside the plot; nothing inside it is blocked.
	placed := placeLabels(items, seq, dots, nil, plot)
	var boxes []rect
	for i, p := range pts {
		cx, cy := px(p.dim1), py(p.dim2)
		pl := placed[i]
		if pl.dropped {
			c.Unlabelled += strings.Count(p.label, "・") + 1
			c.Points = append(c.Points, CAPoint{X: num(cx), Y: num(cy), Tip: p.tip})
			continue
		}
		cp := CAPoint{X: num(cx), Y: num(cy), Group: p.kind == "group", Label: p.label,
			LabelX: num(pl.box.x0), LabelY: num(pl.box.y0 + scAscent),
			LabelBox: Box{X: num(pl.box.x0 - 1), Y: num(pl.box.y0), W: num(pl.box.x1 - pl.box.x0 + 2), H: num(scLabelH)},
			Tip:      p.tip}
		if cp.Tip == "" {
			cp.Tip = p.label
		}
		if cp.Group {
			cp.Square = Box{X: num(cx - caSquare), Y: num(cy - caSquare), W: num(2 * caSquare), H: num(2 * caSquare)}
		}
		if pl.leader {
			cp.Leader = true
			cp.LX1, cp.LY1, cp.LX2, cp.LY2 = num(pl.lx1), num(pl.ly1), num(pl.lx2), num(pl.ly2)
		}
		c.Points = append(c.Points, cp)
		boxes = append(boxes, pl.box)
	}
	c.Zero = append(c.Zero, split(px(0), caPlotY, bottom, boxes, true)...)
	c.Zero = append(c.Zero, split(py(0), x0, x0+plotW, boxes, false)...)
	ly := bottom + 32
	c.LegendY = num(ly)
	c.LegendTextY = num(ly + 10)
	c.LegendMidY = num(ly + 5)
	c.Height = num(ly + 20)
	return c
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// sortByCodebook orders question ids as the codebook lists them; ids it
// does not know go last, by id.
func (d *waveData) sortByCodebook(qids []string) {
	rank := func(qid string) int {
		if q := d.byID[qid]; q != nil {
			return q.ord
		}
		return 1 << 30
	}
	sort.SliceStable(qids, func(i, j int) bool {
		if rank(qids[i]) != rank(qids[j]) {
			return rank(qids[i]) < rank(qids[j])
		}
		return qids[i] < qids[j]
	})
}
