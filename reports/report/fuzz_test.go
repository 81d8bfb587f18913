package report

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"testing"
)

// hostileModel puts s in every kind of place citizen or config text reaches:
// headings, table cells, quotes, SVG text, SVG <title> and aria-label
// attributes.
func hostileModel(s string) *Model {
	bars := newBarChart(s, []barItem{{label: s, value: 50, text: "50.0%"}}, 100)
	stack := newStackChart(s, []string{s, "無回答"}, 1, []stackRowIn{{label: s, pcts: []float64{90, 10}}}, true)
	q := &Question{ID: "q", Title: s, Kind: "single", KindLabel: "単一回答", Anchor: "q1", Base: "n=1",
		Rows: []TallyRow{{Label: s, N: "1", Pct: "100.0"}}, Bars: bars, Stack: stack}
	ct := &Crosstab{Anchor: "x1", Title: s, RowTitle: s, Cols: []string{s}, Unit: "人", Base: "n=1", Stat: s,
		Rows:  []XRow{{Label: s, N: "1", Cells: []XCell{{Pct: "1.0", Mark: "▲"}}}},
		Total: XRow{Label: "全体", N: "1", Cells: []XCell{{Pct: "1.0"}}}}
	turned := *ct
	turned.Anchor, turned.ColTitle = "x2", s
	turned.Turned = &Turned{Groups: []string{"全体", s}, N: []string{"1", s},
		Rows: []XRow{{Label: s, Cells: []XCell{{Pct: "1.0"}, {Pct: s, Mark: "▼"}}}}}
	q.Headline = s
	group := newGroupChart(s, []string{s, s}, seriesFills(2), []groupIn{{label: s, values: []float64{10, 20}, texts: []string{s, s}}})
	demo := *q
	demo.Anchor = "q2"
	demo.Rep = &RepBlock{Title: s, Weighted: true, NoAnswer: s, Test: s, Chart: group,
		Rows: []RepRow{{Label: s, PopPct: s, N: s, Pct: s, WeightedPct: s}}, Total: RepRow{Label: s}}
	// The layout depends on the labels' widths; lay it out for a fixed
	// label and put s in afterwards, so s changes text, never structure.
	scatter := newScatter("a", "cs1", []csPoint{{label: "a", x: 40, y: 60, priority: true}, {label: "a", x: 60, y: 40}})
	scatter.Title = s
	for i := range scatter.Points {
		scatter.Points[i].Label, scatter.Points[i].Tip = s, s
	}
	net := newNetChart("a", "net1", []netNode{{term: "a", freq: 5, community: 1, x: 0.2, y: 0.2}, {term: "a", freq: 3, community: 2, x: 0.8, y: 0.8}},
		[]netEdge{{a: "a", b: "a", both: 2, jaccard: 0.5}})
	net.Title = s
	for i := range net.Nodes {
		net.Nodes[i].Label, net.Nodes[i].Tip = s, s
	}
	for i := range net.Lines {
		net.Lines[i].Tip = s
	}
	for i := range net.Legend {
		net.Legend[i].Text = s
	}
	camap := newCAChart("a", "cat1", []caPoint{{kind: "group", label: "a", dim1: -0.3}, {kind: "group", label: "a", dim1: 0.3, dim2: 0.2}},
		[]caPoint{{kind: "term", label: "a", dim1: 0.1, dim2: -0.2, labelled: true}},
		[]caPoint{{kind: "term", label: "a", dim1: 0.1, dim2: -0.2, labelled: true}, {kind: "term", label: "b", dim1: -0.1, dim2: 0.1}}, "a", "a")
	camap.Title, camap.XTitle, camap.YTitle = s, s, s
	for i := range camap.Points {
		camap.Points[i].Label, camap.Points[i].Tip = s, s
	}
	for i := range camap.Others {
		camap.Others[i].Tip = s
	}
	quote := Quote{Text: s, Source: s, Similar: s}
	kwic := &Kwic{Word: s, Caption: s, Lines: []KwicLine{{Left: s, Word: s, Right: s, Who: s}}}
	return &Model{Title: s, Version: s, Seed: s, AnalysisVersion: s, ConfigSHA256: s,
		Compare: &Comparison{Intro: s, Stable: []string{s},
			Trends: []*TrendTable{{Title: s, Waves: []string{s, s}, Base: s, Scale: s, Rows: []TrendRow{{Field: s, Means: []string{s, s}, Top2: []string{s, s}}}}},
			Questions: []*ChangeQuestion{{Anchor: "w1", Title: s, Chart: group,
				Pairs: []ChangePair{{Pair: s, Base: s, Rest: s, Changes: []Change{{Label: s, From: s, To: s, Diff: s, CI: s, P: s}}}}}}},
		Waves: []*Wave{{
			ID: s, Label: s, SourcePath: s, SHA256: s, Encoding: s,
			Findings:     []Finding{{Kind: s, Text: s}},
			Weighting:    &Weighting{Sentence: s, Effect: s, Variables: s, Range: s, Iterations: s, Deff: s, NEff: s, Notes: s},
			MOE:          &MOETable{Ps: []string{s}, Rows: []MOERow{{N: s, Note: s, Cells: []string{s}}}, Example: s},
			Demographics: []*Question{q, &demo},
			Questions:    []*Question{q},
			LikertCharts: []*StackChart{stack},
			Crosstabs:    []*Crosstab{ct, &turned},
			CS: &CSSet{TableID: "cs1", Chart: scatter, Summary: s, Base: s,
				Rows: []CSRow{{Field: s, Quadrant: s, Priority: true, SatScore: s, ImpScore: s, SatH: s, ImpH: s, SatN: s, ImpN: s}}},
			Policy: &PolicySet{Docs: s, Coded: s, CodedPct: s, Crosstabs: []*Crosstab{ct},
				Pillars: []*Pillar{{Anchor: "p1", Name: s, N: s, Share: s, Chart: bars,
					Codes: []*PolicyCode{{Anchor: "c1", Label: s, N: s, Share: s, Note: s, Quotes: []Quote{{Text: s, Source: s}}}}}}},
			Themes: &ThemeSet{Docs: "1", Chart: bars, Crosstabs: []*Crosstab{ct}, Intro: s, Repeated: s,
				Campaigns: []Campaign{{Sentence: s, Quote: quote}},
				Themes: []*Theme{{Anchor: "t1", Label: s, N: "1", Share: "100.0", Terms: s, Quotes: []Quote{quote}, Kwic: kwic,
					Children: []*Theme{{Anchor: "t2", Label: s, N: s, Share: s, Terms: s, Quotes: []Quote{quote}, Kwic: kwic}}}}},
			Network: &NetworkSet{TableID: "net1", Chart: net, Base: s, Summary: s, Shown: s,
				Edges: []NetEdgeRow{{A: s, B: s, Both: s, Jaccard: s, Group: s}}},
			CA: []*CASet{
				{Anchor: "ca1", TableID: "cat1", Title: s, Chart: camap, Caption: s, Inertia: s, Base: s, GroupHdr: s,
					Rows: []CARow{{Group: s, Terms: s, N: s}}},
				{Anchor: "ca2", TableID: "cat2", Title: s, Caption: s, Inertia: s, Base: s, GroupHdr: s, OneDim: true,
					Rows: []CARow{{Group: s, Terms: s, N: s}}},
			},
			TextQuality: []string{s, s},
			Workshops: []*Workshop{
				{Title: s, Date: s, Area: s, Speakers: true, Groups: []WorkshopGroup{{Name: s, Voices: []Voice{{Speaker: s, Text: s}}}}},
				{Title: s, Kind: s, Groups: []WorkshopGroup{{Name: s, Voices: []Voice{{Text: s}}}}},
			},
			Quarantine: []QuarantineGroup{{Reason: s, N: "1", Locations: []string{s}}},
		}}}
}

// FuzzRenderEscapes checks that text from the database can never add
// markup: whatever s holds, the page has exactly as many '<' as with a
// harmless s, since html/template must escape every '<' of s.
func FuzzRenderEscapes(f *testing.F) {
	for _, s := range []string{
		"安曇野", "<script>alert(1)</script>", `<img src=x onerror=alert(1)>`, `javascript:alert(1)`,
		`</style><style>*{display:none}</style>`, `"><svg onload=alert(1)>`, `</title><script>x</script>`,
		"<!--", "\x00<\xff>", "{{.}}", "]]>",
	} {
		f.Add(s)
	}
	var base bytes.Buffer
	if err := Render(&base, hostileModel("a")); err != nil {
		f.Fatal(err)
	}
	want := strings.Count(base.String(), "<")
	f.Fuzz(func(t *testing.T, s string) {
		if s == "" {
			t.Skip("an empty value hides optional parts of the page, so the count differs by design")
		}
		var buf bytes.Buffer
		if err := Render(&buf, hostileModel(s)); err != nil {
			t.Fatalf("render: %v", err)
		}
		if got := strings.Count(buf.String(), "<"); got != want {
			t.Errorf("text %q changed the page's markup: %d '<', want %d", s, got, want)
		}
	})
}

// FuzzRoundHalfUp checks the rounding against its definition: the result
// reads back as a number with the asked decimals, within half a unit of
// the last place of x (plus the 15-significant-digit cut).
func FuzzRoundHalfUp(f *testing.F) {
	for _, x := range []float64{0, 0.05, 12.25, 33.35, 99.95, -0.645, 1e-9, 123456.789} {
		f.Add(x, uint8(1))
	}
	f.Fuzz(func(t *testing.T, x float64, d uint8) {
		decimals := int(d % 6)
		if math.IsNaN(x) || math.IsInf(x, 0) || math.Abs(x) > 1e15 {
			t.Skip("out of the report's range")
		}
		s := roundHalfUp(x, decimals)
		if i := strings.IndexByte(s, '.'); (i < 0) != (decimals == 0) || (i >= 0 && len(s)-i-1 != decimals) {
			t.Fatalf("roundHalfUp(%v, %d) = %q: wrong number of decimals", x, decimals, s)
		}
		got, err := strconv.ParseFloat(strings.Replace(s, "−", "-", 1), 64)
		if err != nil {
			t.Fatalf("roundHalfUp(%v, %d) = %q: %v", x, decimals, s, err)
		}
		unit := math.Pow(10, -float64(decimals))
		if diff := math.Abs(got - x); diff > unit/2+math.Abs(x)*1e-11+1e-12 {
			t.Errorf("roundHalfUp(%v, %d) = %q, off by %g", x, decimals, s, diff)
		}
	})
}
