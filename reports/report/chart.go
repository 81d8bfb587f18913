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
	maxLabel     = 40 // half-width cells; longer labels are cut with "…" (the table beside has them whole)
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
