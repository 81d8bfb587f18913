package report

import (
	"database/sql"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// This file draws the 共起ネットワーク (co-occurrence network) the analysis
// stored in cooc_nodes and cooc_edges: the terms, where they sit, their
// communities, and the strongest pairs.

// NetChart is the co-occurrence network, laid out in Go.
type NetChart struct {
	Title       string
	DescribedBy string // id of the edge table
	Width       string
	Height      string
	Lines       []NetLine
	Nodes       []NetNode
	Legend      []NetLegend
	LegendY     string // baseline of the legend's heading
}

// NetLine is one edge.
type NetLine struct {
	X1, Y1, X2, Y2 string
	W              string // stroke width, from the Jaccard coefficient
	Cross          bool   // joins two communities: drawn dashed
	Tip            string
}

// NetNode is one term: its circle with the community number, and its
// placed label.
type NetNode struct {
	X, Y, R  string
	Style    string // community style class, g1 … g6
	Num      string // community number, drawn in the circle
	NumY     string
	Label    string
	LabelX   string
	LabelY   string
	LabelBox Box
	Leader   bool
	LX1, LY1 string
	LX2, LY2 string
	Tip      string
}

// NetLegend is one community in the legend: its swatch and its words.
type NetLegend struct {
	X, Y, R      string
	Style, Num   string
	NumY         string
	TextX, TextY string
	Text         string
}

// Network geometry, in px of the 640-wide viewBox. Nodes sit inside the
// margins so a circle never leaves the chart and a label has room on
// either side of the outermost ones.
const (
	netMarginX  = 44.0
	netMarginY  = 26.0
	netPlotH    = 430.0
	netRMin     = 7.0 // a two-digit community number still fits in the circle
	netRMax     = 18.0
	netWMin     = 0.8
	netWMax     = 4.5
	netStyles   = 6  // community styles before they repeat (the number tells them apart)
	netTopEdges = 15 // edges listed in the table
	netLegendW  = 3  // words named per community in the legend
)

type netNode struct {
	term      string
	freq      int
	community int
	x, y      float64
}

type netEdge struct {
	a, b    string
	both    int
	jaccard float64
}

func (l *loader) loadNetwork(d *waveData) error {
	if !l.has("cooc_nodes", "cooc_edges") {
		return nil
	}
	var nodes []netNode
	err := l.each(`SELECT term, freq, community, x, y FROM cooc_nodes WHERE wave_id = ?
		ORDER BY freq DESC, term`, []any{d.w.ID}, func(r *sql.Rows) error {
		var n netNode
		if err := r.Scan(&n.term, &n.freq, &n.community, &n.x, &n.y); err != nil {
			return err
		}
		nodes = append(nodes, n)
		return nil
	})
	if err != nil {
		return fmt.Errorf("read cooc_nodes: %w", err)
	}
	var edges []netEdge
	err = l.each(`SELECT a, b, both_n, jaccard FROM cooc_edges WHERE wave_id = ?
		ORDER BY jaccard DESC, a, b`, []any{d.w.ID}, func(r *sql.Rows) error {
		var e netEdge
		if err := r.Scan(&e.a, &e.b, &e.both, &e.jaccard); err != nil {
			return err
		}
		edges = append(edges, e)
		return nil
	})
	if err != nil {
		return fmt.Errorf("read cooc_edges: %w", err)
	}
	if len(nodes) == 0 || len(edges) == 0 {
		return nil
	}
	docs, err := l.networkDocs(d)
	if err != nil {
		return err
	}
	ns := &NetworkSet{TableID: l.anchor("net")}
	ns.Base = "アンケートの自由記述" + comma(docs) + "件"
	comm := map[string]int{}
	communities := map[int]bool{}
	for _, n := range nodes {
		comm[n.term] = n.community
		communities[n.community] = true
	}
	ns.Summary = "よく使われた言葉どうしのうち、特に結びつきの強い" + comma(len(edges)) + "組を線で結びました。図の" +
		comma(len(nodes)) + "語は、互いによく一緒に使われる言葉ごとに" + comma(len(communities)) +
		"つのグループに分かれます（" + ns.Base + "、「特になし」などを除き、同じ文面の意見は1件と数えています）。"
	ns.Chart = newNetChart("共起ネットワーク（"+ns.Base+"）", ns.TableID, nodes, edges)
	shown := min(len(edges), netTopEdges)
	for _, e := range edges[:shown] {
		g := strconv.Itoa(comm[e.a])
		if comm[e.a] != comm[e.b] {
			g += "・" + strconv.Itoa(comm[e.b])
		}
		ns.Edges = append(ns.Edges, NetEdgeRow{A: e.a, B: e.b, Both: comma(e.both), Jaccard: roundHalfUp(e.jaccard, 2), Group: g})
	}
	ns.Shown = "上位" + comma(shown) + "組"
	if shown == len(edges) {
		ns.Shown = "全" + comma(shown) + "組"
	}
	d.w.Network = ns
	return nil
}

// networkBase selects the documents the network and the correspondence
// analysis are built from, as reports/store.NetworkDocs selects them:
// survey answers with words, non-answers left out, a duplicate group
// once.
const networkBase = `SELECT d.wave_id, d.respondent_id FROM docs d WHERE d.wave_id = ? AND d.source = 'survey'
	AND d.non_answer = 0 AND (d.dup_of IS NULL OR d.dup_of = d.doc_id)
	AND EXISTS (SELECT 1 FROM doc_terms t WHERE t.doc_id = d.doc_id)`

// networkDocs counts the network's documents (networkBase).
func (l *loader) networkDocs(d *waveData) (int, error) {
	var n int
	if err := l.db.QueryRow(`SELECT COUNT(*) FROM (`+networkBase+`)`, d.w.ID).Scan(&n); err != nil {
		return 0, fmt.Errorf("count the network's documents: %w", err)
	}
	return n, nil
}

// networkDocsBy counts, for each question, the network's documents
// written by respondents who answered it. The documents are selected
// once; each one's respondent is then looked up in the answers index by
// respondent, as answers has no index by question and reading it through
// for every demographic cost far more than the documents themselves.
func (l *loader) networkDocsBy(d *waveData, qids []string) (map[string]int, error) {
	out := map[string]int{}
	if len(qids) == 0 {
		return out, nil
	}
	args := []any{d.w.ID}
	for _, q := range qids {
		args = append(args, q)
	}
	q := `WITH nd AS MATERIALIZED (` + networkBase + `)
		SELECT q.column1, (SELECT COUNT(*) FROM nd WHERE EXISTS (SELECT 1 FROM answers a
			WHERE a.wave_id = nd.wave_id AND a.respondent_id = nd.respondent_id AND a.question_id = q.column1))
		FROM (VALUES (?)` + strings.Repeat(", (?)", len(qids)-1) + `) q`
	err := l.each(q, args, func(r *sql.Rows) error {
		var qid string
		var n int
		if err := r.Scan(&qid, &n); err != nil {
			return err
		}
		out[qid] = n
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("count the network's documents by question: %w", err)
	}
	return out, nil
}

// newNetChart lays out the network: circles sized by frequency (area in
// proportion), edges as wide as their Jaccard coefficient, each community
// in its own fill and numbered, and labels placed like the CS scatter's.
func newNetChart(title, describedBy string, nodes []netNode, edges []netEdge) *NetChart {
	if len(nodes) == 0 {
		return nil
	}
	plotW := chartW - 2*netMarginX
	px := func(x float64) float64 { return netMarginX + clamp01(x)*plotW }
	py := func(y float64) float64 { return netMarginY + clamp01(y)*netPlotH }
	fmax := 1
	for _, n := range nodes {
		fmax = max(fmax, n.freq)
	}
	radius := func(f int) float64 {
		return math.Max(netRMin, netRMax*math.Sqrt(float64(max(f, 0))/float64(fmax)))
	}
	c := &NetChart{Title: title, DescribedBy: describedBy, Width: num(chartW)}
	pos := map[string][2]float64{}
	comm := map[string]int{}
	for _, n := range nodes {
		pos[n.term] = [2]float64{px(n.x), py(n.y)}
		comm[n.term] = n.community
	}

	jlo, jhi := math.Inf(1), math.Inf(-1)
	for _, e := range edges {
		if finite(e.jaccard) {
			jlo, jhi = math.Min(jlo, e.jaccard), math.Max(jhi, e.jaccard)
		}
	}
	width := func(j float64) float64 {
		if !finite(j) || !(jhi-jlo >= 1e-12) {
			return (netWMin + netWMax) / 2
		}
		return netWMin + (j-jlo)/(jhi-jlo)*(netWMax-netWMin)
	}
	// The weakest edges first, so the strongest are drawn over them.
	for i := len(edges) - 1; i >= 0; i-- {
		e := edges[i]
		a, okA := pos[e.a]
		b, okB := pos[e.b]
		if !okA || !okB {
			continue
		}
		c.Lines = append(c.Lines, NetLine{X1: num(a[0]), Y1: num(a[1]), X2: num(b[0]), Y2: num(b[1]),
			W: num(width(e.jaccard)), Cross: comm[e.a] != comm[e.b],
			Tip: e.a + "・" + e.b + "：同じ回答に" + comma(e.both) + "件（Jaccard係数" + roundHalfUp(e.jaccard, 2) + "）"})
	}

	// The largest circles first, so a small one is never hidden under a
	// large one.
	order := make([]int, len(nodes))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return nodes[order[i]].freq > nodes[order[j]].freq })
	items := make([]labelItem, len(nodes))
	dots := make([]rect, len(nodes))
	rs := make([]float64, len(nodes))
	for i, n := range nodes {
		p := pos[n.term]
		r := radius(n.freq)
		rs[i] = r
		dots[i] = rect{p[0] - r, p[1] - r, p[0] + r, p[1] + r}
		items[i] = labelItem{cx: p[0], cy: p[1], w: float64(dispWidth(n.term)) * halfPx,
			dists: []float64{r + 3, r + 10, r + 20, r + 34, r + 50}, edge: r}
	}
	bottom := netMarginY + netPlotH
	bounds := rect{2, 2, chartW - 2, bottom + netMarginY - 4}
	placed := placeLabels(items, order, dots, nil, bounds)
	for _, i := range order {
		n := nodes[i]
		p := pos[n.term]
		pl := placed[i]
		node := NetNode{X: num(p[0]), Y: num(p[1]), R: num(rs[i]), Style: netStyle(n.community),
			Num: strconv.Itoa(n.community), NumY: num(p[1] + 3),
			Label: n.term, LabelX: num(pl.box.x0), LabelY: num(pl.box.y0 + scAscent),
			LabelBox: Box{X: num(pl.box.x0 - 1), Y: num(pl.box.y0), W: num(pl.box.x1 - pl.box.x0 + 2), H: num(scLabelH)},
			Tip:      n.term + "：" + comma(n.freq) + "件の回答で使用（グループ" + strconv.Itoa(n.community) + "）"}
		if pl.leader {
			node.Leader = true
			node.LX1, node.LY1, node.LX2, node.LY2 = num(pl.lx1), num(pl.ly1), num(pl.lx2), num(pl.ly2)
		}
		c.Nodes = append(c.Nodes, node)
	}

	// Legend: each community with its most used words, wrapping.
	byComm := map[int][]string{}
	var ids []int
	for _, n := range nodes { // nodes come by frequency
		if _, ok := byComm[n.community]; !ok {
			ids = append(ids, n.community)
		}
		if len(byComm[n.community]) < netLegendW {
			byComm[n.community] = append(byComm[n.community], n.term)
		}
	}
	sort.Ints(ids)
	ly := bottom + netMarginY + 14
	c.LegendY = num(ly)
	ly += 10
	lx := netMarginX
	for _, id := range ids {
		text := strings.Join(byComm[id], "・")
		itemW := 2*netRMin + 5 + float64(dispWidth(text))*halfPx + 16
		if lx+itemW > chartW-4 && lx > netMarginX {
			lx = netMarginX
			ly += 20
		}
		cy := ly + netRMin
		c.Legend = append(c.Legend, NetLegend{X: num(lx + netRMin), Y: num(cy), R: num(netRMin), Style: netStyle(id),
			Num: strconv.Itoa(id), NumY: num(cy + 3), TextX: num(lx + 2*netRMin + 5), TextY: num(cy + 4), Text: text})
		lx += itemW
	}
	c.Height = num(ly + 2*netRMin + 6)
	return c
}

// netStyle is the fill class of community k: six greyscale fills and
// patterns in turn; the number in each circle tells repeats apart.
func netStyle(k int) string {
	if k < 1 {
		k = 1
	}
	return "g" + strconv.Itoa((k-1)%netStyles+1)
}

func clamp01(x float64) float64 {
	if math.IsNaN(x) {
		return 0.5
	}
	return math.Max(0, math.Min(1, x))
}
