package stats_test

import (
	"fmt"
	"strings"

	"koe/analysis/stats"
)

// Percentages print 四捨五入 on the exact fraction: 29 of 200 is 14.5, and
// 1 of 16 (6.25) rounds up to 6.3 where R's round() gives 6.2.
func ExamplePercent() {
	fmt.Println(stats.Percent(29, 200, 1), stats.Percent(29, 200, 0))
	fmt.Println(stats.Percent(1, 16, 1))
	fmt.Println(stats.Percent(3, 0, 1))
	// Output:
	// 14.5 15
	// 6.3
	// -
}

// A 単純集計: the base is every respondent, 無回答 included.
func ExampleTabulate() {
	v := &stats.Var{
		ID:     "area",
		Codes:  []string{"豊科", "穂高", "三郷"},
		Values: [][]int{{0}, {1}, {1}, {2}, nil, {1}, {0}, {1}},
	}
	t, err := stats.Tabulate(v, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, r := range t.Rows {
		fmt.Printf("%s\t%d\t%s%%\n", r.Label, r.N, t.PctString(i, 1))
	}
	// Output:
	// 豊科	2	25.0%
	// 穂高	4	50.0%
	// 三郷	1	12.5%
	// 無回答	1	12.5%
}

// A cross tabulation of sex by use of a facility (case01's 2×2 table): row
// percentages with residual marks, and Fisher's exact test because an
// expected count is below 5.
func ExampleCrosstab() {
	sex := &stats.Var{ID: "sex", Codes: []string{"男性", "女性"}}
	used := &stats.Var{ID: "used", Codes: []string{"利用あり", "利用なし"}}
	for a, row := range [][]int{{2, 10}, {8, 5}} {
		for b, n := range row {
			for range n {
				sex.Values = append(sex.Values, []int{a})
				used.Values = append(used.Values, []int{b})
			}
		}
	}
	ct, err := stats.Crosstab(sex, used, nil, stats.CrosstabOptions{MinCell: 2})
	if err != nil {
		fmt.Println(err)
		return
	}
	for a := range ct.RowCodes {
		fmt.Print(ct.RowLabels[a])
		for b := range ct.ColCodes {
			cell := stats.FormatHalfUp(ct.RowPct[a][b], 1) + ct.Marks[a][b].Glyph()
			if ct.Suppressed[a][b] {
				cell = "*"
			}
			fmt.Print("\t", cell)
		}
		fmt.Println()
	}
	fmt.Printf("χ²=%s df=%d p=%s\n", stats.FormatHalfUp(ct.Test.Chi2, 2), ct.Test.DF, stats.FormatHalfUp(ct.Test.P, 3))
	fmt.Printf("small expected: %v, Fisher p=%s\n", ct.SmallExpected, stats.FormatHalfUp(ct.Fisher.P, 3))
	for _, m := range stats.Legend() {
		fmt.Println(m.Glyph(), m.Meaning())
	}
	// Output:
	// 男性	16.7▼	83.3▲
	// 女性	61.5▲	38.5▼
	// χ²=5.24 df=1 p=0.022
	// small expected: true, Fisher p=0.041
	// ▲▲ 全体と比べて特に多い（1%水準で有意）
	// ▲ 全体と比べて多い（5%水準で有意）
	// ▼ 全体と比べて少ない（5%水準で有意）
	// ▼▼ 全体と比べて特に少ない（1%水準で有意）
}

// Raking two margins; the weights sum to the population.
func ExampleRake() {
	sex := stats.Margin{Name: "sex", Labels: []string{"男", "女"}, Cat: []int{0, 0, 1, 1, 1, 1}, Target: []float64{480, 520}}
	age := stats.Margin{Name: "age", Labels: []string{"若", "老"}, Cat: []int{0, 1, 0, 1, 1, 1}, Target: []float64{400, 600}}
	r, err := stats.Rake(nil, []stats.Margin{sex, age}, stats.RakeOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	var ws []string
	for _, w := range r.Weights {
		ws = append(ws, stats.FormatHalfUp(w, 1))
	}
	fmt.Println(strings.Join(ws, " "))
	fmt.Println("deff", stats.FormatHalfUp(r.Kish.Deff, 3))
	// Output:
	// 256.3 223.7 143.7 125.4 125.4 125.4
	// deff 1.101
}
