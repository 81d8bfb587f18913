package keyness_test

import (
	"fmt"

	"koe/analysis/keyness"
)

// Three districts' free-text answers: 明科 writes about the bus and the
// station far more than the others, and everyone about the scenery.
func ExampleCompute() {
	districts := []string{"明科", "豊科", "穂高"}
	var docs []keyness.Doc
	add := func(n int, group int, terms ...string) {
		for range n {
			docs = append(docs, keyness.Doc{Terms: terms, Groups: []int{group}})
		}
	}
	add(30, 0, "バス", "駅")
	add(70, 0, "景観")
	add(12, 1, "バス")
	add(108, 1, "景観")
	add(8, 2, "バス")
	add(72, 2, "景観")

	res, err := keyness.Compute(docs, len(districts), keyness.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for g, grp := range res.Groups {
		for _, t := range grp.Terms {
			fmt.Printf("%s（n=%d）%s: この層 %.0f%% / ほかの層 %.0f%%, G²=%.1f, p=%.2g\n",
				districts[g], grp.Size, t.Term, 100*t.ShareGroup, 100*t.ShareOther, t.G2, t.P)
		}
	}
	// Output:
	// 明科（n=100）駅: この層 30% / ほかの層 0%, G²=72.9, p=1.4e-17
	// 明科（n=100）バス: この層 30% / ほかの層 10%, G²=18.1, p=2.1e-05
	// 豊科（n=120）景観: この層 90% / ほかの層 79%, G²=6.8, p=0.0093
	// 穂高（n=80）景観: この層 90% / ほかの層 81%, G²=3.8, p=0.051
}
