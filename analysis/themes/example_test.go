package themes_test

import (
	"fmt"

	"koe/analysis/themes"
)

func ExampleFind() {
	answers := [][]string{
		{"バス", "本数", "少ない"}, {"バス", "駅", "本数"}, {"駅", "バス", "不便"}, {"本数", "駅", "不便"},
		{"保育園", "子育て", "支援"}, {"子育て", "保育園", "待機"}, {"支援", "子育て", "待機"},
		{"避難", "防災", "訓練"}, {"防災", "訓練", "地震"}, {"地震", "避難", "防災"}, {"訓練", "避難", "地震"},
		{"わさび"}, // no term shared with another answer: skipped
	}
	docs := make([]themes.Doc, len(answers))
	for i, terms := range answers {
		docs[i] = themes.Doc{ID: int64(i + 1), Terms: terms}
	}
	res, err := themes.Find(docs, themes.Options{K: 3, Seed: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range res.Themes {
		fmt.Printf("テーマ%d（%d件）%s %v\n", t.ID, t.Size, t.Label, t.Reps)
	}
	fmt.Println("skipped:", res.Skipped)
	// Output:
	// テーマ1（4件）バス・本数・駅 [2 4 1]
	// テーマ2（4件）地震・訓練・避難 [11 8 9]
	// テーマ3（3件）子育て・保育園・待機 [5 6 7]
	// skipped: [12]
}

func ExampleARI() {
	// The "partial" pair of ../shared/oracles/case04_clustering_ari.json:
	// every cell of the 3×3 table holds 2 of 12, so I = ln 1.5 and
	// NMI = ln 1.5 / ln 3 = 0.3691.
	a := []int{1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3}
	b := []int{1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 1, 1}
	fmt.Printf("ARI %.4f, NMI %.4f\n", themes.ARI(a, b), themes.NMI(a, b))
	// Label values do not matter, only the grouping.
	fmt.Printf("ARI %.4f\n", themes.ARI([]int{1, 1, 2, 2}, []int{7, 7, 3, 3}))
	// Output:
	// ARI 0.0833, NMI 0.3691
	// ARI 1.0000
}
