package cooc_test

import (
	"fmt"

	"koe/analysis/cooc"
)

func ExampleBuild() {
	answers := [][]string{
		{"バス", "本数", "少ない"}, {"バス", "本数", "駅"}, {"駅", "バス", "不便"}, {"本数", "駅", "不便"},
		{"保育園", "子育て", "支援"}, {"子育て", "保育園", "待機"}, {"支援", "子育て", "保育園"},
	}
	net, err := cooc.Build(answers, cooc.Options{MinFreq: 2, MaxEdges: 6, Seed: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range net.Edges {
		fmt.Printf("%s–%s %.2f\n", e.A, e.B, e.Jaccard)
	}
	for _, n := range net.Nodes {
		fmt.Printf("%s (%d件) グループ%d\n", n.Term, n.Freq, n.Community)
	}
	// Output:
	// 保育園–子育て 1.00
	// 不便–駅 0.67
	// 保育園–支援 0.67
	// 子育て–支援 0.67
	// バス–本数 0.50
	// バス–駅 0.50
	// バス (3件) グループ1
	// 保育園 (3件) グループ2
	// 子育て (3件) グループ2
	// 本数 (3件) グループ1
	// 駅 (3件) グループ1
	// 不便 (2件) グループ1
	// 支援 (2件) グループ2
}
