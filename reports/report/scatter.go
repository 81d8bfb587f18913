package report

import (
	"math"
	"sort"
	"strconv"
)

// Scatter is the CS chart: satisfaction 偏差値 across, importance 偏差値
// up, lines at 50 splitting it into the four quadrants. The 重点改善
// quadrant is hatched and its fields drawn as triangles, so it stands out
// without colour.
type Scatter struct {
	Title         string
	DescribedBy   string // id of the data table
	Width, Height string
	PlotX, PlotY  string
	PlotW, PlotH  string
	Priority      Box // the 重点改善 quadrant
	MidX, MidY    string
	MidLines      []Segment // the 50 lines, broken where a label sits
	PlotX2        string
	PlotY2        string
	XTicks        []Tick
	YTicks        []Tick
	XTitleX       string
	XTitleY       string
	YTitleX       string
	YTitleY       string
	TickY         string // baseline of the x tick labels
	TickX         string // right edge of the y tick labels
	Corners       []Corner
	Points        []Point
	LegendY       string
	LegendMidY    string
	LegendTextY   string
	LegendTri     string // polygon of the legend's triangle
}

// Segment is a straight line in chart coordinates.
type Segment struct{ X1, Y1, X2, Y2 string }

// Box is a rectangle in chart coordinates.
type Box struct{ X, Y, W, H string }

// Tick is one labelled position on an axis.
type Tick struct {
	Pos  string
	Text string
	Mid  bool // the 50 line
}

// Corner names a quadrant in its corner of the plot.
type Corner struct {
	X, Y   string
	Anchor string // start or end
	Text   string
}

// Point is one field in the scatter with its placed label.
type Point struct {
	X, Y     string
	Priority bool
	Tri      string // triangle polygon for 重点改善
	Label    string
	LabelX   string
	LabelY   string
	LabelBox Box // a pale backing, so lines and hatching never run through the text
	Leader   bool
	LX1, LY1 string
	LX2, LY2 string
	Tip      string
}

// Scatter geometry, in px of the 640-wide viewBox.
const (
	scPlotX   = 52.0
	scPlotY   = 30.0
	scPlotW   = 572.0
	scPlotH   = 340.0
	scLabelH  = 14.0 // one line of 12px text with its descent
	scAscent  = 11.0
	scPointR  = 4.5
	scTriR    = 6.5
	scGap     = 7.0 // from a point's centre to its label
	scMinHalf = 15.0
	scPad     = 4.0 // 偏差値 kept free between the outermost point and the frame
)

type rect struct{ x0, y0, x1, y1 float64 }

func (a rect) overlap(b rect) float64 {
	w := math.Min(a.x1, b.x1) - math.Max(a.x0, b.x0)
	h := math.Min(a.y1, b.y1) - math.Max(a.y0, b.y0)
	if w <= 0 || h <= 0 {
		return 0
	}
	return w * h
}

func (a rect) inside(b rect) bool {
	return a.x0 >= b.x0 && a.y0 >= b.y0 && a.x1 <= b.x1 && a.y1 <= b.y1
}

// csPoint is a field to plot, in 偏差値.
type csPoint struct {
	label    string
	x, y     float64 // satisfaction, importance 偏差値
	priority bool
	tip      string
}

// axisHalf is the half-range of an axis centred on 50: the farthest point
// plus a margin, rounded up to a multiple of 5 and never under 15, so a
// quadrant is never a sliver.
func axisHalf(vals []float64) float64 {
	dev := 0.0
	for _, v := range vals {
		dev = math.Max(dev, math.Abs(v-50))
	}
	return math.Max(scMinHalf, math.Ceil((dev+scPad)/5)*5)
}

// newScatter lays out the CS chart. Labels are placed one by one,
// 重点改善 fields first, each at the first of several positions around its
// point that collides with no placed label, no point, no quadrant name
// and stays inside the plot; failing that, farther out with a leader line;
// failing that, where it overlaps least. The order of points and of
// positions is fixed, so the same data always gives the same picture.
func newScatter(title, describedBy string, pts []csPoint) *Scatter {
	if len(pts) == 0 {
		return nil
	}
	var xs, ys []float64
	for _, p := range pts {
		xs = append(xs, p.x)
		ys = append(ys, p.y)
	}
	hx, hy := axisHalf(xs), axisHalf(ys)
	x0, y0 := 50-hx, 50-hy
	px := func(v float64) float64 { return scPlotX + (v-x0)/(2*hx)*scPlotW }
	py := func(v float64) float64 { return scPlotY + scPlotH - (v-y0)/(2*hy)*scPlotH }
	midX, midY := px(50), py(50)
	bottom := scPlotY + scPlotH
	right := scPlotX + scPlotW
	s := &Scatter{
		Title: title, DescribedBy: describedBy, Width: num(chartW),
		PlotX: num(scPlotX), PlotY: num(scPlotY), PlotW: num(scPlotW), PlotH: num(scPlotH),
		PlotX2: num(right), PlotY2: num(bottom),
		MidX: num(midX), MidY: num(midY),
		Priority: Box{X: num(scPlotX), Y: num(scPlotY), W: num(midX - scPlotX), H: num(midY - scPlotY)},
		TickY:    num(bottom + 16), TickX: num(scPlotX - 6),
		XTitleX: num(right), XTitleY: num(bottom + 34),
		YTitleX: num(scPlotX), YTitleY: num(scPlotY - 10),
	}
	for v := math.Ceil(x0/10) * 10; v <= x0+2*hx; v += 10 {
		s.XTicks = append(s.XTicks, Tick{Pos: num(px(v)), Text: strconv.Itoa(int(v)), Mid: v == 50})
	}
	for v := math.Ceil(y0/10) * 10; v <= y0+2*hy; v += 10 {
		s.YTicks = append(s.YTicks, Tick{Pos: num(py(v)), Text: strconv.Itoa(int(v)), Mid: v == 50})
	}

	// Quadrant names, bold 13px: a full-width character is 13px wide.
	plot := rect{scPlotX + 2, scPlotY + 2, right - 2, bottom - 2}
	var blocked []rect
	corner := func(text string, top, left bool) {
		w := float64(dispWidth(text)) * 6.5
		c := Corner{Text: text, Anchor: "start"}
		r := rect{x0: scPlotX + 6, x1: scPlotX + 6 + w}
		c.X = num(scPlotX + 6)
		if !left {
			c.Anchor = "end"
			c.X = num(right - 6)
			r = rect{x0: right - 6 - w, x1: right - 6}
		}
		if top {
			r.y0, r.y1 = scPlotY+4, scPlotY+20
			c.Y = num(scPlotY + 17)
		} else {
			r.y0, r.y1 = bottom-20, bottom-4
			c.Y = num(bottom - 8)
		}
		s.Corners = append(s.Corners, c)
		blocked = append(blocked, r)
	}
	corner("重点改善", true, true)
	corner("重点維持", true, false)
	corner("改善", false, true)
	corner("維持", false, false)

	// Every point blocks its own square for every label but its own.
	cxs, cys := make([]float64, len(pts)), make([]float64, len(pts))
	var dots []rect
	s.Points = make([]Point, len(pts))
	for i, p := range pts {
		cxs[i], cys[i] = px(p.x), py(p.y)
		dots = append(dots, rect{cxs[i] - 6, cys[i] - 6, cxs[i] + 6, cys[i] + 6})
		pt := Point{X: num(cxs[i]), Y: num(cys[i]), Priority: p.priority, Label: p.label, Tip: p.tip}
		if p.priority {
			pt.Tri = triangle(cxs[i], cys[i], scTriR)
		}
		s.Points[i] = pt
	}
	// Place 重点改善 labels first: they are the ones a reader looks for.
	var seq []int
	for i, p := range pts {
		if p.priority {
			seq = append(seq, i)
		}
	}
	for i, p := range pts {
		if !p.priority {
			seq = append(seq, i)
		}
	}
	items := make([]labelItem, len(pts))
	for i, p := range pts {
		items[i] = labelItem{cx: cxs[i], cy: cys[i], w: float64(dispWidth(p.label)) * halfPx,
			dists: []float64{scGap, 20, 34, 50}, edge: 6}
	}
	placed := placeLabels(items, seq, dots, blocked, plot)
	var labels []rect
	for _, i := range seq {
		pl := placed[i]
		best := pl.box
		pt := &s.Points[i]
		pt.LabelX, pt.LabelY = num(best.x0), num(best.y0+scAscent)
		pt.LabelBox = Box{X: num(best.x0 - 1), Y: num(best.y0), W: num(best.x1 - best.x0 + 2), H: num(scLabelH)}
		if pl.leader {
			pt.Leader = true
			pt.LX1, pt.LY1 = num(pl.lx1), num(pl.ly1)
			pt.LX2, pt.LY2 = num(pl.lx2), num(pl.ly2)
		}
		labels = append(labels, best)
	}
	// The 50 lines stop at every label they would cross. A pale backing
	// behind the label would do on screen, but Chromium's print path
	// draws the vertical line over it.
	s.MidLines = append(s.MidLines, split(midX, scPlotY, bottom, labels, true)...)
	s.MidLines = append(s.MidLines, split(midY, scPlotX, right, labels, false)...)
	ly := bottom + 46
	s.LegendY = num(ly)
	s.LegendTextY = num(ly + 10)
	s.LegendMidY = num(ly + 5.5)
	s.LegendTri = triangle(scPlotX+6, ly+5, 5.5)
	s.Height = num(ly + 20)
	return s
}

// triangle is an upward triangle centred on (cx, cy) with circumradius r.
func triangle(cx, cy, r float64) string {
	return num(cx) + "," + num(cy-r) + " " + num(cx+r*0.866) + "," + num(cy+r*0.5) + " " + num(cx-r*0.866) + "," + num(cy+r*0.5)
}

// split draws the line at c from lo to hi (vertical when vertical, else
// horizontal) as segments that leave out each box it crosses, with 2px to
// spare on either side.
func split(c, lo, hi float64, boxes []rect, vertical bool) []Segment {
	type span struct{ a, b float64 }
	var cut []span
	for _, b := range boxes {
		a0, a1, b0, b1 := b.x0, b.x1, b.y0, b.y1
		if !vertical {
			a0, a1, b0, b1 = b.y0, b.y1, b.x0, b.x1
		}
		if c >= a0-1 && c <= a1+1 {
			cut = append(cut, span{b0 - 2, b1 + 2})
		}
	}
	sort.Slice(cut, func(i, j int) bool { return cut[i].a < cut[j].a })
	var out []Segment
	seg := func(a, b float64) {
		if b-a < 1 {
			return
		}
		if vertical {
			out = append(out, Segment{num(c), num(a), num(c), num(b)})
		} else {
			out = append(out, Segment{num(a), num(c), num(b), num(c)})
		}
	}
	at := lo
	for _, s := range cut {
		if s.a > at {
			seg(at, math.Min(s.a, hi))
		}
		at = math.Max(at, s.b)
	}
	if at < hi {
		seg(at, hi)
	}
	return out
}
