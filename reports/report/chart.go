package report

import (
	"fmt"
	"math"
)

// Chart geometry. Labels are drawn at 12px; one half-width cell is taken as
// 6.5px (a full-width character as 13px), slightly more than fonts in the
// stack draw, so a label measured with dispWidth never runs into its bar.
const (
	chartW       = 640.0
	halfPx       = 6.5
	valPx        = 6.0 // a half-width cell of the 11px value texts
	maxLabel     = 40  // half-width cells; longer labels are cut with "…" (the table beside has them whole)
	barRowH      = 22.0
	barH         = 14.0
	barValueW    = 96.0
	stackRowH    = 28.0
	stackH       = 20.0
	legendRowH   = 18.0
	legendSwatch = 11.0
	minSegText   = 34.0 // narrowest segment that gets its percentage written inside
)

// BarChart is a horizontal bar chart, laid out in Go so the template only
// places ready-made numbers.
type BarChart struct {
	Title         string // accessible name
	Width, Height string
	LabelX        string // right edge of the labels
	BarX          string
	AxisY2        string
	Bars          []Bar
}

// Bar is one bar of a BarChart.
type Bar struct {
	Label  string // as drawn (possibly cut)
	Full   string // whole label, as the bar's tooltip
	Y      string
	TextY  string
	W      string
	ValueX string
	Value  string
	Muted  bool // the 無回答 bar: drawn hatched
}

type barItem struct {
	label string
	value float64 // in the chart's unit (percent)
	text  string  // value as written beside the bar
	muted bool
}

// newBarChart lays out items; scale is the value of a full-length bar
// (100 for percentages of respondents, so charts compare across questions)
// or 0 to scale to the largest item, rounded up to a multiple of 10.
func newBarChart(title string, items []barItem, scale float64) *BarChart {
	if len(items) == 0 {
		return nil
	}
	units := 0
	for _, it := range items {
		units = max(units, min(dispWidth(it.label), maxLabel))
	}
	labelW := float64(units)*halfPx + 8
	barX := labelW + 6
	barMax := chartW - barX - barValueW
	if scale <= 0 {
		top := 0.0
		for _, it := range items {
			top = math.Max(top, it.value)
		}
		scale = math.Max(10, math.Ceil(top/10)*10)
	}
	c := &BarChart{
		Title:  title,
		Width:  num(chartW),
		Height: num(float64(len(items))*barRowH + 8),
		LabelX: num(labelW),
		BarX:   num(barX),
		AxisY2: num(float64(len(items))*barRowH + 4),
	}
	for i, it := range items {
		w := math.Max(0, math.Min(it.value, scale)) / scale * barMax
		y := 4 + float64(i)*barRowH + (barRowH-barH)/2
		c.Bars = append(c.Bars, Bar{
			Label:  truncWidth(it.label, maxLabel),
			Full:   it.label,
			Y:      num(y),
			TextY:  num(y + barH - 3),
			W:      num(w),
			ValueX: num(barX + w + 4),
			Value:  it.text,
			Muted:  it.muted,
		})
	}
	return c
}

// StackChart is a 100% stacked horizontal bar chart with a legend, for
// likert questions: one bar per question.
type StackChart struct {
	Title         string
	Width, Height string
	LabelX        string
	Labelled      bool // one bar per question, named on the left
	Rows          []StackRow
	Legend        []LegendItem
}

// StackRow is one bar of a StackChart.
type StackRow struct {
	Label, Full string
	LabelY      string
	Segs        []Seg
}

// Seg is one segment of a stacked bar.
type Seg struct {
	X, Y, W, H   string
	Fill         string
	Hatch        bool
	Text         string // percentage written inside, when the segment is wide enough
	TextX, TextY string
	Light        bool   // white text on a dark segment
	Tip          string // "label: 12.3%"
}

// LegendItem is one entry of a StackChart's legend.
type LegendItem struct {
	X, Y, TextX, TextY string
	Fill               string
	Hatch              bool
	Label              string
}

type stackRowIn struct {
	label string
	pcts  []float64 // per option, same order as the chart's options
}

// palette gives k fills from dark to light in one hue, so the order of
// answers stays readable when printed in greyscale; light reports whether
// text on the fill should be white.
func palette(k int) (fills []string, light []bool) {
	dark := [3]float64{0x1b, 0x2f, 0x4e}
	pale := [3]float64{0xdc, 0xe4, 0xee}
	for i := range k {
		t := 0.0
		if k > 1 {
			t = float64(i) / float64(k-1)
		}
		var c [3]int
		for j := range 3 {
			c[j] = int(math.Round(dark[j] + (pale[j]-dark[j])*t))
		}
		fills = append(fills, fmt.Sprintf("#%02x%02x%02x", c[0], c[1], c[2]))
		// Rec. 709 luma; below the middle grey, white text reads better.
		luma := 0.2126*float64(c[0]) + 0.7152*float64(c[1]) + 0.0722*float64(c[2])
		light = append(light, luma < 128)
	}
	return fills, light
}

// newStackChart lays out rows of percentages over options; the option
// flagged noAnswer (index, or -1) is drawn hatched. Each row is scaled to
// its own sum so rounding in the data never overflows the bar.
func newStackChart(title string, options []string, noAnswer int, rows []stackRowIn, labelled bool) *StackChart {
	if len(rows) == 0 || len(options) == 0 {
		return nil
	}
	k := len(options)
	if noAnswer >= 0 {
		k--
	}
	fills, light := palette(k)
	labelW := 0.0
	if labelled {
		units := 0
		for _, r := range rows {
			units = max(units, min(dispWidth(r.label), maxLabel))
		}
		labelW = float64(units)*halfPx + 8
	}
	barX := labelW
	if labelled {
		barX += 6
	}
	barW := chartW - barX - 4
	c := &StackChart{Title: title, Width: num(chartW), LabelX: num(labelW), Labelled: labelled}
	for i, r := range rows {
		y := 4 + float64(i)*stackRowH
		row := StackRow{Label: truncWidth(r.label, maxLabel), Full: r.label, LabelY: num(y + stackH/2 + 4)}
		sum := 0.0
		for _, p := range r.pcts {
			sum += math.Max(0, p)
		}
		x := barX
		ci := 0
		for j, p := range r.pcts {
			if j >= len(options) {
				break
			}
			seg := Seg{Y: num(y), H: num(stackH), Tip: options[j] + ": " + pct(p) + "%"}
			if j == noAnswer {
				seg.Hatch = true
			} else {
				seg.Fill, seg.Light = fills[ci], light[ci]
				ci++
			}
			w := 0.0
			if sum > 0 {
				w = math.Max(0, p) / sum * barW
			}
			seg.X, seg.W = num(x), num(w)
			if w >= minSegText {
				seg.Text = pct(p)
				seg.TextX = num(x + w/2)
				seg.TextY = num(y + stackH/2 + 4)
			}
			x += w
			row.Segs = append(row.Segs, seg)
		}
		c.Rows = append(c.Rows, row)
	}
	// Legend under the bars, wrapping to a new line when full.
	ly := 4 + float64(len(rows))*stackRowH + 6
	lx := barX
	ci := 0
	for j, o := range options {
		itemW := legendSwatch + 6 + float64(dispWidth(o))*halfPx + 14
		if lx+itemW > chartW && lx > barX {
			lx = barX
			ly += legendRowH
		}
		it := LegendItem{X: num(lx), Y: num(ly), TextX: num(lx + legendSwatch + 5), TextY: num(ly + legendSwatch - 1), Label: o}
		if j == noAnswer {
			it.Hatch = true
		} else {
			it.Fill = fills[ci]
			ci++
		}
		c.Legend = append(c.Legend, it)
		lx += itemW
	}
	c.Height = num(ly + legendRowH)
	return c
}

// GroupChart is a horizontal bar chart with one bar per series in each
// group: population against respondents, or one wave against the next.
// Series differ in lightness, so it reads in greyscale; the legend names
// them in the order the bars are drawn.
type GroupChart struct {
	Title         string
	Width, Height string
	LabelX        string
	BarX          string
	AxisY2        string
	Groups        []BarGroup
	Legend        []LegendItem
}

// BarGroup is one category of a GroupChart.
type BarGroup struct {
	Label, Full string
	LabelY      string
	Bars        []GroupBar
}

// GroupBar is one series' bar within a group.
type GroupBar struct {
	Y, W, H      string
	Fill         string
	Text         string
	TextX, TextY string
	Tip          string
}

type groupIn struct {
	label  string
	values []float64 // per series; NaN for none
	texts  []string  // written after each bar
}

// Grouped chart geometry: bars are 12px with 2px between the series of a
// group and 10px between groups, so the 11px value texts of neighbouring
// bars never touch.
const (
	gBarH   = 12.0
	gBarGap = 2.0
	gGroup  = 10.0
)

// seriesFills gives k fills from dark to light in the report's hue, with
// enough difference in lightness between neighbours to tell them apart in
// greyscale; the lightest still stands out from white paper.
func seriesFills(k int) []string {
	dark := [3]float64{0x1b, 0x2f, 0x4e}
	light := [3]float64{0xa9, 0xb8, 0xcb}
	var out []string
	for i := range k {
		t := 0.0
		if k > 1 {
			t = float64(i) / float64(k-1)
		}
		var c [3]int
		for j := range 3 {
			c[j] = int(math.Round(dark[j] + (light[j]-dark[j])*t))
		}
		out = append(out, fmt.Sprintf("#%02x%02x%02x", c[0], c[1], c[2]))
	}
	return out
}

// newGroupChart lays out groups of bars, one per series, scaled to the
// largest value rounded up to a multiple of 10. fills has one fill per
// series. The value column is as wide as the widest value text measured
// in full-width cells, so a text such as "28.2%＊" never leaves the chart.
func newGroupChart(title string, series, fills []string, groups []groupIn) *GroupChart {
	if len(groups) == 0 || len(series) == 0 || len(fills) < len(series) {
		return nil
	}
	units, valUnits := 0, 0
	top := 0.0
	for _, g := range groups {
		units = max(units, min(dispWidth(g.label), maxLabel))
		for i, v := range g.values {
			if !math.IsNaN(v) {
				top = math.Max(top, v)
			}
			if i < len(g.texts) {
				valUnits = max(valUnits, dispWidth(g.texts[i]))
			}
		}
	}
	labelW := float64(units)*halfPx + 8
	barX := labelW + 6
	valueW := float64(valUnits)*valPx + 8
	barMax := chartW - barX - valueW
	scale := math.Max(10, math.Ceil(top/10)*10)
	k := len(series)
	groupH := float64(k)*gBarH + float64(k-1)*gBarGap
	c := &GroupChart{Title: title, Width: num(chartW), LabelX: num(labelW), BarX: num(barX)}
	y := 4.0
	for _, g := range groups {
		bg := BarGroup{Label: truncWidth(g.label, maxLabel), Full: g.label, LabelY: num(y + groupH/2 + 4)}
		for i := range k {
			by := y + float64(i)*(gBarH+gBarGap)
			v := math.NaN()
			if i < len(g.values) {
				v = g.values[i]
			}
			w := 0.0
			if !math.IsNaN(v) {
				w = math.Max(0, math.Min(v, scale)) / scale * barMax
			}
			text := ""
			if i < len(g.texts) {
				text = g.texts[i]
			}
			bg.Bars = append(bg.Bars, GroupBar{
				Y: num(by), W: num(w), H: num(gBarH), Fill: fills[i],
				Text: text, TextX: num(barX + w + 4), TextY: num(by + gBarH - 2),
				Tip: series[i] + "：" + text,
			})
		}
		c.Groups = append(c.Groups, bg)
		y += groupH + gGroup
	}
	c.AxisY2 = num(y - gGroup + 2)
	// Legend under the bars, wrapping like the stacked chart's.
	ly := y + 2
	lx := barX
	for i, s := range series {
		itemW := legendSwatch + 6 + float64(dispWidth(s))*halfPx + 14
		if lx+itemW > chartW && lx > barX {
			lx = barX
			ly += legendRowH
		}
		c.Legend = append(c.Legend, LegendItem{X: num(lx), Y: num(ly), TextX: num(lx + legendSwatch + 5),
			TextY: num(ly + legendSwatch - 1), Fill: fills[i], Label: s})
		lx += itemW
	}
	c.Height = num(ly + legendRowH)
	return c
}
