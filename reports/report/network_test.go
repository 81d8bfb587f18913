package report

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// readTSV reads a tab-separated testdata file, skipping # comments.
func readTSV(t *testing.T, name string) [][]string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out [][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := sc.Text(); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, strings.Split(line, "\t"))
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func atof(t *testing.T, s string) float64 {
	t.Helper()
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func demoNetwork(t *testing.T) ([]netNode, []netEdge) {
	var nodes []netNode
	var edges []netEdge
	for _, r := range readTSV(t, "demo_network.tsv") {
		switch r[0] {
		case "node":
			f, _ := strconv.Atoi(r[2])
			c, _ := strconv.Atoi(r[3])
			nodes = append(nodes, netNode{term: r[1], freq: f, community: c, x: atof(t, r[4]), y: atof(t, r[5])})
		case "edge":
			b, _ := strconv.Atoi(r[3])
			edges = append(edges, netEdge{a: r[1], b: r[2], both: b, jaccard: atof(t, r[4])})
		}
	}
	return nodes, edges
}

// crowdedNetwork is 60 terms of two to six characters dropped at random
// (seeded) into the unit square, the worst a layout could hand over.
func crowdedNetwork() []netNode {
	r := rand.New(rand.NewPCG(1, 2))
	var nodes []netNode
	for i := range 60 {
		nodes = append(nodes, netNode{term: strings.Repeat("語", 2+i%5), freq: 5 + r.IntN(100), community: 1 + i%9,
			x: r.Float64(), y: r.Float64()})
	}
	return nodes
}

func TestNetChartLabelsDoNotCollide(t *testing.T) {
	demoNodes, demoEdges := demoNetwork(t)
	if len(demoNodes) != 51 || len(demoEdges) != 60 {
		t.Fatalf("testdata has %d nodes and %d edges, want the demo's 51 and 60", len(demoNodes), len(demoEdges))
	}
	for _, tt := range []struct {
		name    string
		nodes   []netNode
		edges   []netEdge
		overlap bool // labels may overlap (more labels than fit)
	}{
		{"demo", demoNodes, demoEdges, false},
		{"crowded", crowdedNetwork(), nil, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := newNetChart("net", "net1", tt.nodes, tt.edges)
			w, h := parseNum(t, c.Width), parseNum(t, c.Height)
			var labels, circles []rect
			for _, n := range c.Nodes {
				x, y := parseNum(t, n.LabelX), parseNum(t, n.LabelY)-scAscent
				labels = append(labels, rect{x, y, x + float64(dispWidth(n.Label))*halfPx, y + scLabelH})
				cx, cy, r := parseNum(t, n.X), parseNum(t, n.Y), parseNum(t, n.R)
				circles = append(circles, rect{cx - r, cy - r, cx + r, cy + r})
			}
			var collisions int
			for i, a := range labels {
				if !a.inside(rect{0, 0, w, h}) {
					t.Errorf("label %s at %+v leaves the chart", c.Nodes[i].Label, a)
				}
				for j, b := range labels[i+1:] {
					if a.overlap(b) > 0 {
						collisions++
						if !tt.overlap {
							t.Errorf("labels %s and %s overlap", c.Nodes[i].Label, c.Nodes[i+1+j].Label)
						}
					}
				}
				for j, b := range circles {
					if a.overlap(b) > 0 {
						collisions++
						if !tt.overlap {
							t.Errorf("label %s covers the circle of %s", c.Nodes[i].Label, c.Nodes[j].Label)
						}
					}
				}
			}
			t.Logf("%d nodes, %d collisions", len(labels), collisions)
			if again := newNetChart("net", "net1", tt.nodes, tt.edges); !reflect.DeepEqual(c, again) {
				t.Error("two layouts of the same network differ")
			}
		})
	}
}

func TestNetChartGeometry(t *testing.T) {
	// Two terms: frequencies 100 and 25, so radii 18·√1 = 18 and
	// 18·√0.25 = 9 (area in proportion to frequency); one edge.
	nodes := []netNode{{term: "甲", freq: 100, community: 1, x: 0, y: 0}, {term: "乙", freq: 25, community: 7, x: 1, y: 1}}
	c := newNetChart("net", "net1", nodes, []netEdge{{a: "甲", b: "乙", both: 20, jaccard: 0.19}})
	if c.Nodes[0].R != "18" || c.Nodes[1].R != "9" {
		t.Errorf("radii %s and %s, want 18 and 9", c.Nodes[0].R, c.Nodes[1].R)
	}
	// x 0 and 1 map to the margins, 44 and 640 − 44 = 596.
	if c.Nodes[0].X != "44" || c.Nodes[1].X != "596" {
		t.Errorf("x %s and %s, want 44 and 596", c.Nodes[0].X, c.Nodes[1].X)
	}
	// One Jaccard value: the middle width, (0.8 + 4.5)/2 = 2.65 → 2.6 or 2.7.
	if w := c.Lines[0].W; w != "2.7" && w != "2.6" {
		t.Errorf("edge width %s, want the middle 2.65", w)
	}
	if !c.Lines[0].Cross {
		t.Error("an edge between communities 1 and 7 is not marked")
	}
	// Community 7 takes the first style again (six styles), and keeps its number.
	if c.Nodes[1].Style != "g1" || c.Nodes[1].Num != "7" {
		t.Errorf("community 7 drawn as %s numbered %s, want g1 numbered 7", c.Nodes[1].Style, c.Nodes[1].Num)
	}
	if len(c.Legend) != 2 || c.Legend[0].Text != "甲" || c.Legend[1].Num != "7" {
		t.Errorf("legend %+v, want communities 1 and 7", c.Legend)
	}
	if newNetChart("net", "net1", nil, nil) != nil {
		t.Error("a chart without nodes")
	}
}

func demoCA(t *testing.T) (groups, terms []caPoint) {
	for _, r := range readTSV(t, "demo_ca.tsv") {
		p := caPoint{kind: r[0], label: r[1], dim1: atof(t, r[2]), dim2: atof(t, r[3]), contribution: atof(t, r[4]), labelled: r[5] == "1"}
		if p.kind == "group" {
			groups = append(groups, p)
		} else {
			terms = append(terms, p)
		}
	}
	return groups, terms
}

func TestCAChartLabelsDoNotCollide(t *testing.T) {
	groups, terms := demoCA(t)
	var labelled []caPoint
	for _, p := range terms {
		if p.labelled {
			labelled = append(labelled, p)
		}
	}
	if len(groups) != 5 || len(labelled) != 30 {
		t.Fatalf("testdata has %d groups and %d labelled terms, want the demo's 5 and 30", len(groups), len(labelled))
	}
	// Most distinctive first, as buildCA hands them over.
	sort.SliceStable(labelled, func(i, j int) bool { return labelled[i].contribution > labelled[j].contribution })
	c := newCAChart("ca", "ca1", groups, labelled, terms, "x", "y")
	plot := rect{parseNum(t, c.PlotX), parseNum(t, c.PlotY), parseNum(t, c.PlotX) + parseNum(t, c.PlotW), parseNum(t, c.PlotY) + parseNum(t, c.PlotH)}
	var labels, marks []rect
	var drawn []CAPoint
	for _, p := range c.Points {
		cx, cy := parseNum(t, p.X), parseNum(t, p.Y)
		marks = append(marks, rect{cx - caDotR, cy - caDotR, cx + caDotR, cy + caDotR})
		if p.Label == "" {
			if p.Group {
				t.Errorf("group %s lost its label", p.Tip)
			}
			continue // a word whose label fitted nowhere: named in the table
		}
		x, y := parseNum(t, p.LabelX), parseNum(t, p.LabelY)-scAscent
		labels = append(labels, rect{x, y, x + float64(dispWidth(p.Label))*halfPx, y + scLabelH})
		drawn = append(drawn, p)
	}
	// Of the 30 words (fewer labels where words coincide), at most a few
	// may go unlabelled: the demo's district map drops one.
	if c.Unlabelled > 3 {
		t.Errorf("%d words unlabelled, want at most 3", c.Unlabelled)
	}
	t.Logf("%d labels drawn, %d words unlabelled", len(drawn), c.Unlabelled)
	for i, a := range labels {
		if !a.inside(plot) {
			t.Errorf("label %s leaves the plot", drawn[i].Label)
		}
		for j, b := range labels[i+1:] {
			if a.overlap(b) > 0 {
				t.Errorf("labels %s and %s overlap", drawn[i].Label, drawn[i+1+j].Label)
			}
		}
		for j, b := range marks {
			if c.Points[j].X == drawn[i].X && c.Points[j].Y == drawn[i].Y {
				continue // its own mark
			}
			if a.overlap(b) > 0 {
				t.Errorf("label %s covers the mark of %s", drawn[i].Label, c.Points[j].Tip)
			}
		}
	}
	// Terms written only in 穂高 share one position: one mark, one label.
	var merged int
	for _, p := range c.Points {
		if strings.Contains(p.Label, "・") {
			merged++
		}
	}
	if merged == 0 {
		t.Error("no coinciding terms were merged into one label")
	}
	// One scale on both axes: a unit of dim1 and of dim2 is as long.
	sx := (parseNum(t, c.Points[1].X) - parseNum(t, c.Points[0].X)) / (groups[1].dim1 - groups[0].dim1)
	sy := (parseNum(t, c.Points[0].Y) - parseNum(t, c.Points[1].Y)) / (groups[1].dim2 - groups[0].dim2)
	if d := sx - sy; d > 0.5 || d < -0.5 { // coordinates are rounded to 0.1 px
		t.Errorf("scales differ: %.2f px across, %.2f px up per unit", sx, sy)
	}
	if again := newCAChart("ca", "ca1", groups, labelled, terms, "x", "y"); !reflect.DeepEqual(c, again) {
		t.Error("two layouts of the same map differ")
	}
}

func TestKwicLine(t *testing.T) {
	tests := []struct {
		text, word         string
		n                  int
		left, match, right string
		ok                 bool
	}{
		{"駅までのバスを増やして", "バス", 16, "駅までの", "バス", "を増やして", true},
		// Cut on both sides, with the ellipsis where the text goes on.
		{"あいうえおかきくけこバスさしすせそたちつてと", "バス", 3, "…くけこ", "バス", "さしす…", true},
		// Full-width letters are found by their normalised form and shown as written.
		{"ＢＵＳの本数", "BUS", 5, "", "ＢＵＳ", "の本数", true},
		{"ｶﾀｶﾅのバス", "カタカナ", 2, "", "ｶﾀｶﾅ", "のバ…", true},
		// Line breaks become spaces, so a line stays one line.
		{"一行目\n二行目のバス", "バス", 16, "一行目 二行目の", "バス", "", true},
		{"一行目\r\nバス", "バス", 16, "一行目  ", "バス", "", true},
		{"バスがない", "電車", 16, "", "", "", false},
		{"短い", "", 16, "", "", "", false},
		{"バ", "バス", 16, "", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.text+"|"+tt.word, func(t *testing.T) {
			l, m, r, ok := kwicLine(tt.text, tt.word, tt.n)
			if ok != tt.ok || l != tt.left || m != tt.match || r != tt.right {
				t.Errorf("kwicLine = %q %q %q %v, want %q %q %q %v", l, m, r, ok, tt.left, tt.match, tt.right, tt.ok)
			}
		})
	}
}

// FuzzKwicLine checks that a KWIC line is always the text itself around a
// match of the word: left, match and right are pieces of the text (line
// breaks aside) in order, and the match folds to the word.
func FuzzKwicLine(f *testing.F) {
	for _, s := range [][2]string{{"駅までのバスを増やして", "バス"}, {"ＢＵＳ", "BUS"}, {"\n\n", "\n"}, {"\xff\xfe", "\xff"}, {"ｶﾞｲﾄﾞ", "ガ"}} {
		f.Add(s[0], s[1], uint8(16))
	}
	f.Fuzz(func(t *testing.T, text, word string, n uint8) {
		l, m, r, ok := kwicLine(text, word, int(n))
		if !ok {
			return
		}
		flat := strings.Map(flatRune, text)
		ws, ms := []rune(word), []rune(m)
		if len(ws) != len(ms) {
			t.Fatalf("match %q is not as long as %q", m, word)
		}
		for i := range ws {
			if foldRune(flatRune(ws[i])) != foldRune(flatRune(ms[i])) {
				t.Fatalf("match %q does not fold to %q", m, word)
			}
		}
		whole := strings.TrimPrefix(l, "…") + m + strings.TrimSuffix(r, "…")
		if !strings.Contains(flat, whole) {
			t.Fatalf("%q is not a piece of %q", whole, text)
		}
	})
}

func TestSegmentHits(t *testing.T) {
	box := rect{10, 10, 20, 20}
	tests := []struct {
		x0, y0, x1, y1 float64
		want           bool
	}{
		{0, 15, 30, 15, true},  // straight through
		{0, 0, 30, 30, true},   // diagonal through
		{0, 0, 5, 5, false},    // stops short
		{0, 25, 30, 25, false}, // passes below
		{15, 15, 40, 40, true}, // starts inside
		{25, 0, 25, 30, false}, // vertical beside it
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.x0, tt.y0, tt.x1, tt.y1), func(t *testing.T) {
			if got := segmentHits(tt.x0, tt.y0, tt.x1, tt.y1, box); got != tt.want {
				t.Errorf("segmentHits = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestGroupNoun(t *testing.T) {
	for _, tt := range []struct{ title, want string }{
		{"お住まいの地区", "地区"}, {"居住地域", "地区"}, {"年代", "年代"}, {"問2 年齢", "年代"}, {"性別", "グループ"},
	} {
		if got := groupNoun(tt.title); got != tt.want {
			t.Errorf("groupNoun(%q) = %s, want %s", tt.title, got, tt.want)
		}
	}
}
