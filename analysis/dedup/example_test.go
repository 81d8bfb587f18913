package dedup_test

import (
	"fmt"

	"koe/analysis/dedup"
)

// Count each organised campaign once and leave non-answers out, the way a
// report would before choosing themes.
func ExampleFind() {
	answers := []string{
		"穂高駅前の公民館を取り壊す計画に反対します。長く市民の交流の場として使われてきたので、残してください。",
		"バスの本数を増やしてほしい",
		"穂高駅前の公民館を取り壊す計画に反対します。長く地域の交流の場として使われてきたので、残してください！",
		"特になし",
		"穂高駅前の公民館を取り壊す計画に反対します。長く市民の交流の場として使われてきたので残してください。",
		"バスの運賃を下げてほしい",
		"なし。",
		"バスの本数を増やしてほしい。",
	}
	res := dedup.Find(answers, dedup.Options{Seed: 1})
	for g, first := range res.First {
		if res.NonAnswer[first] {
			continue
		}
		kind := "exact"
		if !res.Exact[g] {
			kind = "near"
		}
		fmt.Printf("%d× (%s) %s\n", res.Size[g], kind, answers[first])
	}
	// Output:
	// 3× (near) 穂高駅前の公民館を取り壊す計画に反対します。長く市民の交流の場として使われてきたので、残してください。
	// 2× (exact) バスの本数を増やしてほしい
	// 1× (exact) バスの運賃を下げてほしい
}

func ExampleIsNonAnswer() {
	for _, s := range []string{"特になし。", "今のところ特にありません", "ー", "N/A", "特に子育て支援", "ないものねだり", "特に不満はない"} {
		fmt.Println(s, dedup.IsNonAnswer(s))
	}
	// Output:
	// 特になし。 true
	// 今のところ特にありません true
	// ー true
	// N/A true
	// 特に子育て支援 false
	// ないものねだり false
	// 特に不満はない false
}

func ExampleJaccard() {
	// 11 and 10 shingles, 3 shared (バスの, てほし, ほしい): 3/18.
	fmt.Printf("%.3f\n", dedup.Jaccard("バスの本数を増やしてほしい", "バスの運賃を下げてほしい", 3))
	// Punctuation and spaces are not wording.
	fmt.Printf("%.3f\n", dedup.Jaccard("バスの本数を、増やしてほしい！", "バスの本数を増やして ほしい", 3))
	// Output:
	// 0.167
	// 1.000
}
