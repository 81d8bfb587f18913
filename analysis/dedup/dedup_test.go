package dedup

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// checkInvariants asserts what every Result promises, whatever the input.
func checkInvariants(t *testing.T, texts []string, res *Result) {
	t.Helper()
	n := len(texts)
	if len(res.Group) != n || len(res.NonAnswer) != n {
		t.Fatalf("len(Group) = %d, len(NonAnswer) = %d, want %d", len(res.Group), len(res.NonAnswer), n)
	}
	g := len(res.Size)
	if len(res.Exact) != g || len(res.First) != g {
		t.Fatalf("per-group slices differ in length: Size %d, Exact %d, First %d", g, len(res.Exact), len(res.First))
	}
	size := make([]int, g)
	next := 0 // ids must appear in order of first member
	keyOf := make([]string, g)
	for i, id := range res.Group {
		if id < 0 || id >= g {
			t.Fatalf("text %d: group %d out of range [0, %d)", i, id, g)
		}
		if size[id] == 0 {
			if id != next {
				t.Fatalf("text %d opens group %d, want %d", i, id, next)
			}
			if res.First[id] != i {
				t.Errorf("First[%d] = %d, want %d", id, res.First[id], i)
			}
			keyOf[id] = Key(texts[i])
			next++
		} else if res.Exact[id] && Key(texts[i]) != keyOf[id] {
			t.Errorf("group %d is marked exact but holds %q and %q", id, texts[res.First[id]], texts[i])
		}
		size[id]++
		if res.NonAnswer[i] != IsNonAnswer(texts[i]) {
			t.Errorf("text %d %q: NonAnswer = %v, IsNonAnswer = %v", i, texts[i], res.NonAnswer[i], IsNonAnswer(texts[i]))
		}
	}
	total := 0
	for id := range size {
		if size[id] != res.Size[id] {
			t.Errorf("Size[%d] = %d, counted %d", id, res.Size[id], size[id])
		}
		total += res.Size[id]
	}
	if total != n {
		t.Errorf("sizes add up to %d, want %d", total, n)
	}
}

// members returns the texts of group g.
func members(texts []string, res *Result, g int) []string {
	var out []string
	for i, id := range res.Group {
		if id == g {
			out = append(out, texts[i])
		}
	}
	return out
}

func TestFindExact(t *testing.T) {
	texts := []string{
		"バスの本数を増やしてほしい",    // 0: group 0
		"バスの本数を増やしてほしい。",   // 1: trailing 。
		"子育て支援を充実させてほしい",   // 2: group 1
		"バスの本数を 増やして ほしい！", // 3: inner spaces and ！
		"駅",         // 4: short, group 2
		"駅。",        // 5: short but identical once folded
		"道",         // 6: group 3
		"特になし",      // 7: group 4, a non-answer
		"特になし。",     // 8
		"Free WiFi", // 9: group 5
		"free wifi", // 10: same once lowered
		"freewifi",  // 11: the space between Latin words counts: group 6
	}
	res := Find(texts, Options{Seed: 1})
	checkInvariants(t, texts, res)
	want := []int{0, 0, 1, 0, 2, 2, 3, 4, 4, 5, 5, 6}
	if !reflect.DeepEqual(res.Group, want) {
		t.Errorf("Group = %v, want %v", res.Group, want)
	}
	if wantSize := []int{3, 1, 2, 1, 2, 2, 1}; !reflect.DeepEqual(res.Size, wantSize) {
		t.Errorf("Size = %v, want %v", res.Size, wantSize)
	}
	for g, exact := range res.Exact {
		if !exact {
			t.Errorf("group %d %v is not exact", g, members(texts, res, g))
		}
	}
	for i, na := range res.NonAnswer {
		if na != (i == 7 || i == 8) {
			t.Errorf("NonAnswer[%d] (%q) = %v", i, texts[i], na)
		}
	}
}

// campaign returns n copies of one organised comment, each with one or two
// edits (a word swapped, a phrase added, punctuation changed) drawn with a
// fixed seed. Organised comments are template letters, longer than most
// answers; the base has 66 characters of wording, so one swapped 2-character
// word leaves a Jaccard index of about (66−6)/(66+2) = 0.88 (see
// Options.Threshold), and a copy with two edits is one edit away from a copy
// with one.
func campaign(n int, seed uint64) []string {
	const base = "穂高駅前の古い公民館を取り壊す計画に反対します。公民館は市民の交流の場として長く使われてきたので、" +
		"耐震補強をして残してください。"
	edits := [][2]string{
		{"古い", "歴史ある"}, {"古い", "昔からの"}, {"取り壊す", "解体する"}, {"市民の", "地域の"},
		{"市民の", "住民の"}, {"交流の場", "集いの場"}, {"残してください", "残してほしい"},
		{"残してください", "残すべきです"}, {"、", ""}, {"、", " "}, {"。", "！"}, {"。", ""},
		{"穂高駅前", "穂高の駅前"}, {"穂高駅前の", "私も穂高駅前の"}, {"長く", "何十年も"},
		{"反対します", "強く反対します"}, {"耐震補強をして", "改修して"},
	}
	rng := rand.New(rand.NewPCG(seed, 1))
	out := make([]string, n)
	for i := range out {
		s := base
		for range 1 + rng.IntN(2) {
			e := edits[rng.IntN(len(edits))]
			s = strings.Replace(s, e[0], e[1], 1)
		}
		out[i] = s
	}
	return out
}

func TestFindCampaign(t *testing.T) {
	// 300 copies, some identical, most differing in a word or a mark; the
	// other answers share its topic or its words but not its wording.
	camp := campaign(300, 1)
	others := []string{
		"バスの本数を増やしてほしい",
		"バスの運賃を下げてほしい",
		"明科の公民館は新しくして、駐車場を広げてほしい。",
		"穂高駅前の駐輪場が狭いので、広げてください。",
		"子育て支援センターをもっと増やしてほしいです。",
	}
	texts := append(append([]string{}, others[:2]...), camp...)
	texts = append(texts, others[2:]...)
	for seed := int64(1); seed <= 5; seed++ {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			res := Find(texts, Options{Seed: seed})
			checkInvariants(t, texts, res)
			g := res.Group[2]
			if res.Size[g] != len(camp) {
				out := outside(texts[2:2+len(camp)], res.Group[2:2+len(camp)], g)
				t.Fatalf("campaign group has %d members, want %d; outside it, e.g.: %q", res.Size[g], len(camp), out[:min(3, len(out))])
			}
			if res.Exact[g] {
				t.Errorf("campaign group is marked exact")
			}
			if len(res.Size) != len(others)+1 {
				t.Errorf("%d groups, want %d (the campaign and each other answer alone)", len(res.Size), len(others)+1)
			}
		})
	}
}

func outside(texts []string, groups []int, g int) []string {
	var out []string
	for i, id := range groups {
		if id != g {
			out = append(out, texts[i])
		}
	}
	return out
}

func TestFindDistinctOpinions(t *testing.T) {
	// Pairs on one topic with different requests. Jaccard values are from
	// the Jaccard function (the first one is derived by hand in
	// TestJaccard); none reaches 0.8, so no pair may be grouped.
	pairs := [][2]string{
		{"バスの本数を増やしてほしい", "バスの運賃を下げてほしい"},
		{"バスの本数を増やしてほしいです", "電車の本数を増やしてほしいです"},
		{"保育園の数を増やしてほしいと思います", "保育園の数は今のままで良いと思います"},
		{"駅前に大きな駐車場を作ってほしい", "駅前の駐車場を無料にしてほしい"},
		{"わさび田の景観を守るために開発を制限すべき", "わさび田の周りにも店を増やして開発すべき"},
		{"冬の道路の除雪をもっと早くしてほしい", "冬の歩道の除雪をもっと丁寧にしてほしい"},
	}
	for _, p := range pairs {
		t.Run(p[0]+" / "+p[1], func(t *testing.T) {
			if j := Jaccard(p[0], p[1], 3); j >= 0.8 {
				t.Fatalf("Jaccard = %.3f, the pair is not a test of distinct opinions", j)
			}
			for seed := int64(1); seed <= 3; seed++ {
				res := Find(p[:], Options{Seed: seed})
				if res.Group[0] == res.Group[1] {
					t.Errorf("seed %d: grouped (Jaccard %.3f)", seed, Jaccard(p[0], p[1], 3))
				}
			}
		})
	}
}

func TestFindShortTextsOnlyExact(t *testing.T) {
	// 駅を作って and 駅を直して differ in one word: as whole answers they are
	// different requests, and at 5 characters near-matching is noise.
	texts := []string{"駅を作って", "駅を直して", "駅を作って。", "駅をつくって"}
	for _, th := range []float64{0.5, 0.8} {
		res := Find(texts, Options{Seed: 1, Threshold: th})
		checkInvariants(t, texts, res)
		if want := []int{0, 1, 0, 2}; !reflect.DeepEqual(res.Group, want) {
			t.Errorf("threshold %v: Group = %v, want %v", th, res.Group, want)
		}
	}
	// Lowering MinRunes lets them take part: 駅を作って and 駅をつくって
	// share only 駅を (1 shingle of 3 + 4 − 1 = 6, Jaccard 1/6), so even
	// then they stay apart, while a copy with one mark added joins.
	res := Find([]string{"駅を作って", "駅を作って！", "駅をつくって"}, Options{Seed: 1, MinRunes: 1})
	if want := []int{0, 0, 1}; !reflect.DeepEqual(res.Group, want) {
		t.Errorf("MinRunes 1: Group = %v, want %v", res.Group, want)
	}
}

func TestFindNonAnswersNotNearGrouped(t *testing.T) {
	// Two long non-answers that share most of their wording stay apart:
	// they are dropped by the caller anyway, and grouping them would hide
	// how many people had nothing to say behind one count.
	texts := []string{"今のところ特に意見はありません", "今のところ特に要望はありません"}
	res := Find(texts, Options{Seed: 1, Threshold: 0.5})
	checkInvariants(t, texts, res)
	if res.Group[0] == res.Group[1] {
		t.Errorf("non-answers grouped: %v", res.Group)
	}
	if !res.NonAnswer[0] || !res.NonAnswer[1] {
		t.Errorf("NonAnswer = %v", res.NonAnswer)
	}
}

func TestFindDeterministic(t *testing.T) {
	texts := synthetic(20_000, 3)
	texts = append(texts, campaign(500, 2)...)
	a := Find(texts, Options{Seed: 7})
	checkInvariants(t, texts, a)
	b := Find(texts, Options{Seed: 7})
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two runs with the same seed differ")
	}
	// One worker and several must agree: the parallel steps own their slots.
	prev := runtime.GOMAXPROCS(1)
	c := Find(texts, Options{Seed: 7})
	runtime.GOMAXPROCS(4)
	d := Find(texts, Options{Seed: 7})
	runtime.GOMAXPROCS(prev)
	if !reflect.DeepEqual(a, c) || !reflect.DeepEqual(a, d) {
		t.Fatal("results depend on GOMAXPROCS")
	}
}

func TestFindNoGroupBelowThreshold(t *testing.T) {
	// Single linkage may chain, but every text of a near group must reach
	// the threshold with at least one other member: verification is exact.
	texts := append(synthetic(5_000, 4), campaign(200, 3)...)
	res := Find(texts, Options{Seed: 1})
	checkInvariants(t, texts, res)
	byGroup := make(map[int][]string)
	for i, g := range res.Group {
		if !res.Exact[g] {
			byGroup[g] = append(byGroup[g], texts[i])
		}
	}
	for g, ms := range byGroup {
		for i, a := range ms {
			ok := false
			for j, b := range ms {
				if i != j && (Key(a) == Key(b) || Jaccard(a, b, 3) >= defaultThreshold) {
					ok = true
					break
				}
			}
			if !ok {
				t.Errorf("group %d: %q reaches no other member", g, a)
			}
		}
	}
}

func TestFindOptions(t *testing.T) {
	tests := []struct {
		name string
		in   Options
		want Options
	}{
		{"zero", Options{}, Options{Shingle: 3, Threshold: 0.8, MinRunes: 10, Hashes: 128}},
		{"low threshold raised", Options{Threshold: 0.1}, Options{Shingle: 3, Threshold: 0.5, MinRunes: 10, Hashes: 128}},
		{"high threshold lowered", Options{Threshold: 3}, Options{Shingle: 3, Threshold: 1, MinRunes: 10, Hashes: 128}},
		{"negative", Options{Shingle: -1, Threshold: -1, MinRunes: -5, Hashes: -2, Seed: -3}, Options{Shingle: 3, Threshold: 0.8, MinRunes: 10, Hashes: 128, Seed: -3}},
		{"kept", Options{Shingle: 2, Threshold: 0.9, MinRunes: 5, Hashes: 64, Seed: 9}, Options{Shingle: 2, Threshold: 0.9, MinRunes: 5, Hashes: 64, Seed: 9}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.in.withDefaults(); got != tt.want {
				t.Errorf("withDefaults() = %+v, want %+v", got, tt.want)
			}
		})
	}
	// NaN is not a threshold.
	if got := (Options{Threshold: nan()}).withDefaults().Threshold; got != defaultThreshold {
		t.Errorf("NaN threshold became %v", got)
	}
	// Odd shingle lengths and a tiny hash budget still give valid results.
	texts := campaign(50, 9)
	for _, opt := range []Options{{Shingle: 1}, {Shingle: 40}, {Hashes: 1}, {Threshold: 1}} {
		checkInvariants(t, texts, Find(texts, opt))
	}
}

func nan() float64 {
	var zero float64
	return zero / zero
}

func TestFindEmpty(t *testing.T) {
	for _, texts := range [][]string{nil, {}, {""}, {"", "", "。"}} {
		res := Find(texts, Options{})
		checkInvariants(t, texts, res)
	}
}
