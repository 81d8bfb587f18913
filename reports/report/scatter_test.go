package report

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// labelRects reads back where newScatter put each label, measured the way
// it measures them.
func labelRects(t *testing.T, s *Scatter) []rect {
	t.Helper()
	var out []rect
	for _, p := range s.Points {
		x, y := parseNum(t, p.LabelX), parseNum(t, p.LabelY)-scAscent
		out = append(out, rect{x, y, x + float64(dispWidth(p.Label))*halfPx, y + scLabelH})
	}
	return out
}

func TestScatterLabelsDoNotCollide(t *testing.T) {
	// demo: the 12 fields of the demo study's R8 cs_fields (koe demo).
	demo := []csPoint{
		{label: "防災対策", x: 55.08, y: 62.62}, {label: "子育て支援", x: 63.88, y: 56.04},
		{label: "公共交通", x: 23.69, y: 60.69, priority: true}, {label: "行政のデジタル化", x: 47.16, y: 43.14},
		{label: "移住・定住の促進", x: 49.42, y: 44.11}, {label: "農業・観光の振興", x: 57.47, y: 50.33},
		{label: "ゼロカーボンの推進", x: 43.13, y: 42.58}, {label: "医療・福祉", x: 51.48, y: 65.41},
		{label: "学校教育", x: 57.58, y: 54.69}, {label: "シティプロモーション", x: 41.53, y: 28.87},
		{label: "地域コミュニティ", x: 55.46, y: 48.10}, {label: "感染症への備え", x: 54.11, y: 43.42},
	}
	// crowded: eight fields within two 偏差値 of each other, as happens
	// when a survey's fields are rated alike.
	var crowded []csPoint
	for i := range 8 {
		crowded = append(crowded, csPoint{label: fmt.Sprintf("分野%d", i+1), x: 49 + float64(i%3)*0.7, y: 49.5 + float64(i/3)*0.8, priority: i == 0})
	}
	// edges: points at the corners of the plot with long labels, which
	// must turn inwards.
	edges := []csPoint{
		{label: "とても長い名前の政策分野その一", x: 20, y: 80}, {label: "とても長い名前の政策分野その二", x: 80, y: 80},
		{label: "とても長い名前の政策分野その三", x: 20, y: 20, priority: true}, {label: "とても長い名前の政策分野その四", x: 80, y: 20},
	}
	for _, tt := range []struct {
		name string
		pts  []csPoint
	}{{"demo", demo}, {"crowded", crowded}, {"edges", edges}} {
		t.Run(tt.name, func(t *testing.T) {
			s := newScatter("CS", "cs1", tt.pts)
			plot := rect{scPlotX, scPlotY, scPlotX + scPlotW, scPlotY + scPlotH}
			ls := labelRects(t, s)
			for i, a := range ls {
				if !a.inside(plot) {
					t.Errorf("label %s at %+v leaves the plot", tt.pts[i].label, a)
				}
				for j, b := range ls[i+1:] {
					if a.overlap(b) > 0 {
						t.Errorf("labels %s and %s overlap", tt.pts[i].label, tt.pts[i+1+j].label)
					}
				}
				for j, p := range s.Points {
					if j == i {
						continue
					}
					x, y := parseNum(t, p.X), parseNum(t, p.Y)
					if a.overlap(rect{x - scPointR, y - scPointR, x + scPointR, y + scPointR}) > 0 {
						t.Errorf("label %s covers the point of %s", tt.pts[i].label, tt.pts[j].label)
					}
				}
			}
			// The 50 lines are broken at every label, and still reach
			// from frame to frame where no label is.
			for _, m := range s.MidLines {
				seg := rect{parseNum(t, m.X1), parseNum(t, m.Y1), parseNum(t, m.X2), parseNum(t, m.Y2)}
				for i, a := range ls {
					if seg.x0 >= a.x0 && seg.x0 <= a.x1 && seg.y1 > a.y0 && seg.y0 < a.y1 ||
						seg.y0 >= a.y0 && seg.y0 <= a.y1 && seg.x1 > a.x0 && seg.x0 < a.x1 {
						t.Errorf("50 line %+v runs through label %s", m, tt.pts[i].label)
					}
				}
			}
			if again := newScatter("CS", "cs1", tt.pts); !reflect.DeepEqual(s, again) {
				t.Error("two layouts of the same points differ")
			}
		})
	}
}

func TestScatterGeometry(t *testing.T) {
	// Satisfaction 35 and 60, importance 55 and 40: the farthest is 15
	// from 50, plus the 4 margin is 19, rounded up to a multiple of 5: 20,
	// so both axes run 30–70 and 50 sits in the middle of the plot.
	s := newScatter("CS", "cs1", []csPoint{{label: "甲", x: 35, y: 55, priority: true}, {label: "乙", x: 60, y: 40}})
	if got, want := s.MidX, num(scPlotX+scPlotW/2); got != want {
		t.Errorf("50 line at x=%s, want the middle %s", got, want)
	}
	var ticks []string
	for _, tk := range s.XTicks {
		ticks = append(ticks, tk.Text)
	}
	if got := strings.Join(ticks, " "); got != "30 40 50 60 70" {
		t.Errorf("x ticks %s, want 30 40 50 60 70", got)
	}
	// 甲 at satisfaction 35: (35 − 30)/40 of the width.
	if got, want := s.Points[0].X, num(scPlotX+5.0/40*scPlotW); got != want {
		t.Errorf("甲 at x=%s, want %s", got, want)
	}
	// No label on the 50 lines here: each is one whole line.
	if len(s.MidLines) != 2 || s.MidLines[0].Y1 != num(scPlotY) || s.MidLines[0].Y2 != num(scPlotY+scPlotH) {
		t.Errorf("50 lines %+v, want two whole lines", s.MidLines)
	}
	if s.Points[0].Tri == "" || s.Points[1].Tri != "" {
		t.Error("only the 重点改善 field is drawn as a triangle")
	}
	if newScatter("CS", "cs1", nil) != nil {
		t.Error("a chart without fields")
	}
}

func TestAxisHalf(t *testing.T) {
	tests := []struct {
		vals []float64
		want float64
	}{
		{[]float64{50, 50}, 15},     // never under 15
		{[]float64{45, 58}, 15},     // 8 + 4 = 12 → 15
		{[]float64{23.69, 65}, 35},  // 26.31 + 4 = 30.31 → 35
		{[]float64{30, 50, 70}, 25}, // 20 + 4 = 24 → 25
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.vals), func(t *testing.T) {
			if got := axisHalf(tt.vals); got != tt.want {
				t.Errorf("axisHalf(%v) = %v, want %v", tt.vals, got, tt.want)
			}
		})
	}
}

func TestGroupChartValuesFit(t *testing.T) {
	// A full-length bar with the widest value text must still end inside
	// the chart: the value column is sized from the texts.
	c := newGroupChart("t", []string{"令和7年度", "令和8年度"}, seriesFills(2), []groupIn{
		{label: "どちらともいえない", values: []float64{100, 99.9}, texts: []string{"100.0%", "99.9%＊"}},
		{label: "満足", values: []float64{0, 3}, texts: []string{"0.0%", "3.0%"}},
	})
	for _, g := range c.Groups {
		for _, b := range g.Bars {
			end := parseNum(t, b.TextX) + float64(dispWidth(b.Text))*valPx
			if end > chartW {
				t.Errorf("value %s ends at %.1f, past the chart's %v", b.Text, end, chartW)
			}
		}
	}
	if len(c.Legend) != 2 || c.Legend[1].Label != "令和8年度" {
		t.Errorf("legend %+v", c.Legend)
	}
	if newGroupChart("t", nil, nil, nil) != nil {
		t.Error("a chart without groups")
	}
}

func TestSeriesFillsGreyscale(t *testing.T) {
	// Neighbouring series must differ in luma (Rec. 709) by enough to tell
	// apart on a greyscale print: at least 40 of 255.
	for k := 2; k <= 4; k++ {
		fills := seriesFills(k)
		var prev float64
		for i, f := range fills {
			var r, g, b int
			if _, err := fmtSscanf(f, &r, &g, &b); err != nil {
				t.Fatal(err)
			}
			luma := 0.2126*float64(r) + 0.7152*float64(g) + 0.0722*float64(b)
			if i > 0 && luma-prev < 40 {
				t.Errorf("k=%d: fills %s and %s differ by %.0f in luma", k, fills[i-1], f, luma-prev)
			}
			prev = luma
		}
	}
}
