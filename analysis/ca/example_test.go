package ca_test

import (
	"fmt"

	"koe/analysis/ca"
)

func ExampleFit() {
	t := ca.Table{
		Rows: []string{"わさび", "観光", "通勤", "雪"},
		Cols: []string{"穂高", "豊科", "明科"},
		Counts: [][]float64{
			{20, 5, 3},
			{15, 6, 4},
			{4, 18, 6},
			{2, 3, 12},
		},
	}
	res, err := ca.Fit(t, ca.Options{Labels: 2})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("第1軸 %.1f%%, 第2軸 %.1f%%\n", res.InertiaPct[0], res.InertiaPct[1])
	for _, p := range res.Cols {
		fmt.Printf("%s (%.2f, %.2f)\n", p.Label, p.Dim[0], p.Dim[1])
	}
	for _, p := range res.Rows {
		if p.Labelled {
			fmt.Printf("%s (%.2f, %.2f)\n", p.Label, p.Dim[0], p.Dim[1])
		}
	}
	// Output:
	// 第1軸 64.1%, 第2軸 35.9%
	// 穂高 (-0.62, -0.12)
	// 豊科 (0.28, 0.55)
	// 明科 (0.66, -0.50)
	// 通勤 (0.43, 0.56)
	// 雪 (0.81, -0.66)
}
