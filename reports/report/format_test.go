package report

import (
	"math"
	"strings"
	"testing"
)

func TestRoundHalfUp(t *testing.T) {
	tests := []struct {
		x        float64
		decimals int
		want     string
	}{
		{0, 1, "0.0"},
		{12.25, 1, "12.3"},  // exact binary half: strconv would give 12.2 (half to even)
		{12.35, 1, "12.4"},  // 12.35 is stored as 12.3499999999999996; 15 digits restore the half
		{0.05, 1, "0.1"},    // the half below the first digit
		{0.04999, 1, "0.0"}, // just below the half
		{99.95, 1, "100.0"}, // carry through every digit
		{9.96, 1, "10.0"},
		{100, 1, "100.0"},
		{100.0 * 1 / 3, 1, "33.3"},
		{100.0 * 2 / 3, 1, "66.7"},
		{100.0 * 667 / 2000, 1, "33.4"}, // 33.35 computed in floating point
		{100.0 * 61 / 203, 1, "30.0"},   // 30.0492… (fixture: 豊科 61 of 203)
		{1234.5, 0, "1235"},
		{2.5, 0, "3"},
		{0.0005, 3, "0.001"},
		{-0.643, 2, "−0.64"},
		{-0.645, 2, "−0.65"}, // halves round away from zero
		{-0.004, 2, "0.00"},  // no minus on a zero
		{1e-300, 1, "0.0"},
		{123456789012345, 1, "123456789012345.0"},
		{1234567890123456, 1, "1234567890123460.0"}, // beyond 15 significant digits
		{math.NaN(), 1, "—"},
		{math.Inf(1), 1, "—"},
	}
	for _, tt := range tests {
		t.Run(strings.ReplaceAll(strings.TrimSpace(tt.want), ".", "_"), func(t *testing.T) {
			if got := roundHalfUp(tt.x, tt.decimals); got != tt.want {
				t.Errorf("roundHalfUp(%v, %d) = %q, want %q", tt.x, tt.decimals, got, tt.want)
			}
		})
	}
}

func TestSignedCommaP(t *testing.T) {
	tests := []struct {
		name, got, want string
	}{
		{"signed positive", signed(4.804, 2), "+4.80"},
		{"signed negative", signed(-2.005, 2), "−2.01"},
		{"signed zero", signed(0.001, 2), "0.00"},
		{"comma small", comma(999), "999"},
		{"comma thousands", comma(1234), "1,234"},
		{"comma millions", comma(1234567), "1,234,567"},
		{"comma negative", comma(-1234), "−1,234"},
		{"base", baseN(1234), "n=1,234"},
		{"p small", pValue(0.0008819), "p<0.001"},
		{"p", pValue(0.2054), "p=0.205"},
		{"p half", pValue(0.0345), "p=0.035"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

func TestDispWidth(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"", 0},
		{"abc", 3},
		{"豊科", 4},
		{"18〜39歳", 8}, // 1, 8 (1 each) + 〜 (2) + 3, 9 (1 each) + 歳 (2)
		{"ｱｲｳ", 3},    // half-width katakana
		{"ＡＢ", 4},     // full-width Latin
		{"○×", 4},     // ambiguous, drawn full-width by Japanese fonts
		{"問5(1) 防災", 2 + 1 + 3 + 1 + 4},
		{"🏔️", 2},      // U+1F3D4 is narrow as text; U+FE0F asks for the wide emoji form
		{"わ\u3099", 2}, // a combining mark adds nothing
	}
	for _, tt := range tests {
		t.Run(tt.s, func(t *testing.T) {
			if got := dispWidth(tt.s); got != tt.want {
				t.Errorf("dispWidth(%q) = %d, want %d", tt.s, got, tt.want)
			}
		})
	}
}

func TestTruncWidth(t *testing.T) {
	tests := []struct {
		s    string
		max  int
		want string
	}{
		{"豊科", 4, "豊科"},
		{"どちらともいえない", 10, "どちらと…"}, // 4 wide characters (8) + … (ambiguous, 2) = 10
		{"abcdef", 5, "abc…"},
		{"", 3, ""},
	}
	for _, tt := range tests {
		t.Run(tt.s, func(t *testing.T) {
			got := truncWidth(tt.s, tt.max)
			if got != tt.want {
				t.Errorf("truncWidth(%q, %d) = %q, want %q", tt.s, tt.max, got, tt.want)
			}
			if dispWidth(got) > tt.max {
				t.Errorf("truncWidth(%q, %d) is %d cells wide", tt.s, tt.max, dispWidth(got))
			}
		})
	}
}

func TestBarChartLabelsFit(t *testing.T) {
	labels := []string{"自然が豊か", "交通が便利", "子育てしやすい", "その他（具体的に：北アルプスの景観と水）", "無回答"}
	var items []barItem
	for i, l := range labels {
		items = append(items, barItem{label: l, value: float64(20 * i), text: "x%"})
	}
	c := newBarChart("t", items, 100)
	labelX := parseNum(t, c.LabelX)
	barX := parseNum(t, c.BarX)
	for _, b := range c.Bars {
		// Text is drawn right-aligned at LabelX, so it starts at LabelX
		// minus its width; at 13px per wide character it must stay ≥ 0.
		if w := float64(dispWidth(b.Label)) * halfPx; w > labelX {
			t.Errorf("label %q is %.1fpx wide, column %.1fpx", b.Label, w, labelX)
		}
		if end := barX + parseNum(t, b.W); end > chartW-barValueW+0.1 {
			t.Errorf("bar %q ends at %.1f, past the value column", b.Label, end)
		}
	}
	if c.Bars[3].Full != labels[3] || !strings.HasSuffix(c.Bars[3].Label, "…") && dispWidth(labels[3]) > maxLabel {
		t.Errorf("long label: drawn %q, full %q", c.Bars[3].Label, c.Bars[3].Full)
	}
}

func TestStackChartFillsBar(t *testing.T) {
	// Percentages that add to 100.1 after rounding in the data must still
	// fill exactly one bar width.
	c := newStackChart("t", []string{"満足", "やや満足", "不満", "無回答"}, 3,
		[]stackRowIn{{label: "問", pcts: []float64{33.4, 33.4, 33.3, 0}}}, false)
	total := 0.0
	for _, s := range c.Rows[0].Segs {
		total += parseNum(t, s.W)
	}
	// Bar width is chartW − 4 = 636 (unlabelled); each width is rounded to
	// 0.1, so the sum may be off by up to 4 × 0.05.
	if math.Abs(total-636) > 0.2 {
		t.Errorf("segments sum to %.2f, want 636 ± 0.2", total)
	}
	if !c.Rows[0].Segs[3].Hatch || c.Rows[0].Segs[0].Hatch {
		t.Error("only the 無回答 segment is hatched")
	}
	if len(c.Legend) != 4 {
		t.Errorf("legend has %d items, want 4", len(c.Legend))
	}
}

func TestPaletteGreyscale(t *testing.T) {
	// Printed in greyscale, the answers must stay in order: luma rises
	// strictly from the first option to the last.
	fills, _ := palette(5)
	prev := -1.0
	for _, f := range fills {
		var r, g, b int
		if _, err := fmtSscanf(f, &r, &g, &b); err != nil {
			t.Fatal(err)
		}
		luma := 0.2126*float64(r) + 0.7152*float64(g) + 0.0722*float64(b)
		if luma <= prev {
			t.Errorf("fill %s is not lighter than the one before", f)
		}
		prev = luma
	}
}
