package themes

import (
	"bufio"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
)

// labelledSet reads testdata/labelled.tsv: topic, tab, space-separated terms.
// Doc IDs are the 1-based line numbers.
func labelledSet(t testing.TB) ([]Doc, []string) {
	t.Helper()
	p := filepath.Join("testdata", "labelled.tsv")
	f, err := os.Open(p)
	if err != nil {
		t.Fatalf("open %s: %v", p, err)
	}
	defer f.Close()
	var docs []Doc
	var topics []string
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		topic, terms, ok := strings.Cut(s, "\t")
		if !ok {
			t.Fatalf("%s:%d: no tab", p, line)
		}
		docs = append(docs, Doc{ID: int64(line), Terms: strings.Fields(terms)})
		topics = append(topics, topic)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read %s: %v", p, err)
	}
	return docs, topics
}

// truthAndFound returns the known topic and the found theme of every
// assigned document, as integer labels.
func truthAndFound(docs []Doc, topics []string, res *Result) (truth, found []int) {
	topicOf := make(map[int64]string, len(docs))
	for i, d := range docs {
		topicOf[d.ID] = topics[i]
	}
	ids := map[string]int{}
	for _, a := range res.Assign {
		tp := topicOf[a.DocID]
		if _, ok := ids[tp]; !ok {
			ids[tp] = len(ids)
		}
		truth = append(truth, ids[tp])
		found = append(found, a.Theme)
	}
	return truth, found
}

// checkInvariants verifies what every Result promises, whatever the data.
func checkInvariants(t *testing.T, docs []Doc, res *Result) {
	t.Helper()
	if len(res.Themes) != res.K {
		t.Fatalf("K=%d but %d themes", res.K, len(res.Themes))
	}
	if res.K > 0 && res.KReason == "" {
		t.Error("no KReason")
	}
	// Assign and Skipped partition the input, each in input order.
	skipped := make(map[int64]bool)
	for _, id := range res.Skipped {
		skipped[id] = true
	}
	var wantAssigned, wantSkipped []int64
	for _, d := range docs {
		if skipped[d.ID] {
			wantSkipped = append(wantSkipped, d.ID)
		} else {
			wantAssigned = append(wantAssigned, d.ID)
		}
	}
	var gotAssigned []int64
	size := make(map[int]int)
	members := make(map[int][]int64)
	for _, a := range res.Assign {
		gotAssigned = append(gotAssigned, a.DocID)
		if a.Theme < 1 || a.Theme > res.K {
			t.Fatalf("doc %d in theme %d of %d", a.DocID, a.Theme, res.K)
		}
		if math.IsNaN(a.Weight) || a.Weight < -1-1e-9 || a.Weight > 1+1e-9 {
			t.Errorf("doc %d: weight %v outside [-1, 1]", a.DocID, a.Weight)
		}
		size[a.Theme]++
		members[a.Theme] = append(members[a.Theme], a.DocID)
	}
	if !slices.Equal(gotAssigned, wantAssigned) || !slices.Equal(res.Skipped, wantSkipped) {
		t.Fatalf("assigned %v skipped %v; want %v and %v", gotAssigned, res.Skipped, wantAssigned, wantSkipped)
	}
	inParent := make(map[int]int)
	for i, p := range res.Parents {
		if p.ID != i+1 || p.Label == "" || len(p.Themes) == 0 {
			t.Errorf("parent %d: %+v", i, p)
		}
		for _, th := range p.Themes {
			inParent[th]++
			if res.Themes[th-1].Parent != p.ID {
				t.Errorf("theme %d lists parent %d, parent %d lists it", th, res.Themes[th-1].Parent, p.ID)
			}
		}
	}
	for i, th := range res.Themes {
		if th.ID != i+1 {
			t.Errorf("theme %d has ID %d", i, th.ID)
		}
		if th.Size != size[th.ID] || th.Size == 0 {
			t.Errorf("theme %d: Size %d, assigned %d", th.ID, th.Size, size[th.ID])
		}
		if i > 0 && th.Size > res.Themes[i-1].Size {
			t.Errorf("theme %d (%d docs) after a smaller one", th.ID, th.Size)
		}
		if inParent[th.ID] != 1 {
			t.Errorf("theme %d is in %d parents", th.ID, inParent[th.ID])
		}
		if n := len(th.Reps); n > maxReps || n < min(minReps, th.Size) {
			t.Errorf("theme %d: %d reps of %d docs", th.ID, n, th.Size)
		}
		for _, r := range th.Reps {
			if !slices.Contains(members[th.ID], r) {
				t.Errorf("theme %d: rep %d is not a member", th.ID, r)
			}
		}
		if len(th.TopTerms) == 0 || len(th.TopTerms) > topTermsPerTheme || th.Label != labelOf(th.TopTerms) {
			t.Errorf("theme %d: label %q, top terms %v", th.ID, th.Label, th.TopTerms)
		}
	}
	if res.K > 0 && (len(res.Parents) == 0 || len(res.Parents) > 6) {
		t.Errorf("%d parents for %d themes", len(res.Parents), res.K)
	}
}

// TestLabelledSet measures agreement with the written topics of
// testdata/labelled.tsv (465 answers, 7 topics). Over seeds 1–10 the means
// were (ARI, lowest ARI, NMI): GSDMM k=7 0.242, 0.194, 0.333; LSA k=7 0.217,
// 0.177, 0.289; GSDMM automatic k (mean k 10.1) 0.245, 0.217, 0.364. The
// floors sit a little under the lowest seed; only seeds 1–3 run here.
//
// Before the kanji sub-word features and the seeded chains the figures were
// 0.319, 0.228, 0.410; 0.223, 0.164, 0.304; 0.350, 0.294, 0.464. Seeded
// chains alone (at 60 sweeps) raised GSDMM k=7 to 0.374; the kanji features
// then cost this set what they gain on ../themeeval's sets (see subwordDF):
// its terms are words already split (公共 交通, 避難 所) with verbs and
// adjectives, so splitting them further only adds noise, while the pipeline
// hands Find joined compounds (公共交通, 避難所), for which ../themeeval
// measures the features' gain.
func TestLabelledSet(t *testing.T) {
	docs, topics := labelledSet(t)
	for _, tc := range []struct {
		name  string
		opt   Options
		floor float64
	}{
		{"gsdmm k=7", Options{K: 7}, 0.18},
		{"lsa k=7", Options{K: 7, Method: MethodLSA}, 0.16},
		{"gsdmm auto k", Options{}, 0.19},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for seed := int64(1); seed <= 3; seed++ {
				opt := tc.opt
				opt.Seed = seed
				res, err := Find(docs, opt)
				if err != nil {
					t.Fatal(err)
				}
				checkInvariants(t, docs, res)
				truth, found := truthAndFound(docs, topics, res)
				ari, nmi := ARI(truth, found), NMI(truth, found)
				t.Logf("seed %d: k=%d ARI=%.3f NMI=%.3f", seed, res.K, ari, nmi)
				if ari < tc.floor {
					t.Errorf("seed %d: ARI %.3f below the floor %.2f", seed, ari, tc.floor)
				}
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	docs, _ := labelledSet(t)
	opt := Options{Seed: 42, KMax: 8}
	a, err := Find(docs, opt)
	if err != nil {
		t.Fatal(err)
	}
	// One worker instead of several: restarts run in another order.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	b, err := Find(docs, opt)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Error("two runs with the same seed differ")
	}
	opt.Seed = 43
	c, err := Find(docs, opt)
	if err != nil {
		t.Fatal(err)
	}
	if reflect.DeepEqual(a.Assign, c.Assign) {
		t.Error("seeds 42 and 43 gave identical assignments; is the seed used?")
	}
}

func docsOf(lines ...string) []Doc {
	docs := make([]Doc, len(lines))
	for i, l := range lines {
		docs[i] = Doc{ID: int64(100 + i), Terms: strings.Fields(l)}
	}
	return docs
}

// threeTopics has three clearly separate groups of four documents.
var threeTopics = docsOf(
	"バス 本数 少ない", "バス 駅 本数", "駅 バス 不便", "本数 駅 不便",
	"保育園 子育て 支援", "子育て 保育園 待機", "支援 子育て 待機", "保育園 待機 支援",
	"避難 防災 訓練", "防災 訓練 地震", "地震 避難 防災", "訓練 避難 地震",
)

func TestFindSmall(t *testing.T) {
	tests := []struct {
		name    string
		docs    []Doc
		opt     Options
		k       int
		skipped []int64
		errIs   error
	}{
		{name: "no docs", docs: nil, k: 0},
		{name: "no shared term", docs: docsOf("a b", "c d", "e"), k: 0, skipped: []int64{100, 101, 102}},
		{name: "one doc with MinDF 1", docs: docsOf("a b"), opt: Options{MinDF: 1}, k: 1},
		{name: "two docs", docs: docsOf("a b", "a c"), k: 1},
		{name: "skips the unshared", docs: docsOf("a b", "x", "a b", "b a", "y z"), k: 1, skipped: []int64{101, 104}},
		{name: "three topics, k=3", docs: threeTopics, opt: Options{K: 3}, k: 3},
		{name: "three topics, lsa k=3", docs: threeTopics, opt: Options{K: 3, Method: MethodLSA}, k: 3},
		{name: "k above docs", docs: threeTopics, opt: Options{K: 13}, errIs: ErrTooFewDocs},
		{name: "k equal to docs", docs: threeTopics, opt: Options{K: 12}, k: 12},
		{name: "empty terms ignored", docs: docsOf("", "", ""), k: 0, skipped: []int64{100, 101, 102}},
		{name: "three topics, bm25 k=3", docs: threeTopics, opt: Options{K: 3, Weighting: WeightBM25}, k: 3},
		// BM25 gives a term in more than half the documents weight 0, so
		// both vectors here are zero; Find must still assign them.
		{name: "bm25, only common terms", docs: docsOf("a b", "a b", "a"), opt: Options{Weighting: WeightBM25}, k: 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Find(tc.docs, tc.opt)
			if tc.errIs != nil {
				if !errors.Is(err, tc.errIs) {
					t.Fatalf("err = %v, want %v", err, tc.errIs)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if res.K != tc.k {
				t.Errorf("K = %d, want %d (%s)", res.K, tc.k, res.KReason)
			}
			if !slices.Equal(res.Skipped, tc.skipped) {
				t.Errorf("skipped %v, want %v", res.Skipped, tc.skipped)
			}
			checkInvariants(t, tc.docs, res)
		})
	}
}

// TestThreeTopicsRecovered: with k=3 both methods find the three groups.
func TestThreeTopicsRecovered(t *testing.T) {
	truth := []int{0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2}
	for _, m := range []Method{MethodDMM, MethodLSA} {
		t.Run(string(m), func(t *testing.T) {
			res, err := Find(threeTopics, Options{K: 3, Method: m, Seed: 7})
			if err != nil {
				t.Fatal(err)
			}
			found := make([]int, len(res.Assign))
			for i, a := range res.Assign {
				found[i] = a.Theme
			}
			if got := ARI(truth, found); got != 1 {
				t.Errorf("ARI %.3f, want 1 (themes %v)", got, found)
			}
			if len(res.Parents) != 3 {
				t.Errorf("%d parents for 3 themes, want one each", len(res.Parents))
			}
		})
	}
}

func TestBadOptions(t *testing.T) {
	for _, opt := range []Options{
		{K: -1}, {MinDF: -1}, {KMin: -2}, {KMax: -1}, {Dims: -5}, {Restarts: -1},
		{KMin: 9, KMax: 5}, {Method: "lda"}, {Weighting: "okapi"},
	} {
		t.Run(fmt.Sprintf("%+v", opt), func(t *testing.T) {
			if _, err := Find(threeTopics, opt); err == nil {
				t.Error("no error")
			}
		})
	}
}

// TestFixedKAboveStructure: a fixed k above what the DMM fills still gives k themes.
func TestFixedKAboveStructure(t *testing.T) {
	res, err := Find(threeTopics, Options{K: 6, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if res.K != 6 {
		t.Errorf("K = %d, want 6", res.K)
	}
	checkInvariants(t, threeTopics, res)
}

func TestDistinctiveTerms(t *testing.T) {
	// Terms 0..2; class 0 holds rows 0–1, class 1 row 2.
	counts := csrFromDense([][]float64{
		{2, 1, 0},
		{1, 0, 0},
		{0, 1, 3},
	})
	// tf(t,c)/Σ: class 0 = (3/4, 1/4, 0), class 1 = (0, 1/4, 3/4);
	// f = (3, 2, 3); A = 8/2 = 4; ln(1+A/f) = (ln 7/3, ln 3, ln 7/3).
	// class 0: 0.75·0.847 = 0.636, 0.25·1.099 = 0.275 → [0 1]
	// class 1: 0.75·0.847 = 0.636, 0.25·1.099 = 0.275 → [2 1]
	got := distinctiveTerms(counts, 3, []int{0, 0, 1}, 2, 3)
	want := [][]int{{0, 1}, {2, 1}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	// A term frequent in one class but spread everywhere loses to a rarer
	// term concentrated there: term 0 appears 3× in class 0 and 3× in class 1,
	// term 1 twice, only in class 0. ln(1+A/f): A = 10/2 = 5,
	// term 0: (3/5)·ln(1+5/6) = 0.364, term 1: (2/5)·ln(1+5/2) = 0.501.
	counts = csrFromDense([][]float64{{3, 2, 0}, {3, 0, 2}})
	if got := distinctiveTerms(counts, 3, []int{0, 1}, 2, 1); got[0][0] != 1 {
		t.Errorf("class 0 top term %d, want 1", got[0][0])
	}
}

func TestRepresentatives(t *testing.T) {
	counts := csrFromDense([][]float64{
		{1, 1, 1, 0, 0, 0}, // 0
		{1, 1, 1, 0, 0, 0}, // 1: duplicate of 0
		{1, 1, 0, 1, 0, 0}, // 2: Jaccard 2/4 with 0, a near-duplicate
		{0, 0, 1, 0, 1, 0}, // 3
		{0, 0, 0, 1, 0, 1}, // 4
		{0, 0, 0, 0, 1, 1}, // 5: Jaccard 1/3 with 3 and with 4
		{1, 0, 0, 0, 0, 1}, // 6
	})
	tests := []struct {
		members, want []int
	}{
		{[]int{0, 1, 2, 3, 4, 5, 6}, []int{0, 3, 4, 5, 6}},
		// Only near-duplicates: fill to three, nearest first.
		{[]int{0, 1, 2}, []int{0, 1, 2}},
		{[]int{1, 0}, []int{1, 0}},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprint(tc.members), func(t *testing.T) {
			c := &corpus{counts: counts, nTerms: counts.cols}
			if got := representatives(c, tc.members); !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestParentRule(t *testing.T) {
	docs, _ := labelledSet(t)
	for _, k := range []int{2, 3, 4, 7, 12} {
		t.Run(fmt.Sprint(k), func(t *testing.T) {
			res, err := Find(docs, Options{K: k, Seed: 3, Restarts: 2})
			if err != nil {
				t.Fatal(err)
			}
			p := len(res.Parents)
			switch {
			case k <= 3 && p != k:
				t.Errorf("k=%d: %d parents, want one per theme", k, p)
			case k > 3 && (p < 2 || p > min(6, k/2)):
				t.Errorf("k=%d: %d parents, want 2..%d", k, p, min(6, k/2))
			}
			if k > 3 {
				// On average a parent gathers at least two themes.
				if 2*p > k {
					t.Errorf("k=%d: %d parents hold fewer than two themes on average", k, p)
				}
			}
			for _, pa := range res.Parents {
				t.Logf("大テーマ %d %s: %v", pa.ID, pa.Label, pa.Themes)
			}
		})
	}
}

// TestProgress: Options.Progress hears of every fit once, with the same
// total each time, and watching does not change the result.
func TestProgress(t *testing.T) {
	docs, _ := labelledSet(t)
	opt := Options{Seed: 42, KMin: 3, KMax: 5, Restarts: 2}
	plain, err := Find(docs, opt)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var seen []int
	totals := map[int]bool{}
	opt.Progress = func(done, total int) {
		mu.Lock()
		defer mu.Unlock()
		seen = append(seen, done)
		totals[total] = true
	}
	watched, err := Find(docs, opt)
	if err != nil {
		t.Fatal(err)
	}
	// k = 3, 4, 5, two restarts each: 6 fits.
	slices.Sort(seen)
	if want := []int{1, 2, 3, 4, 5, 6}; !slices.Equal(seen, want) || len(totals) != 1 || !totals[6] {
		t.Errorf("progress calls done=%v totals=%v, want done=%v, total 6", seen, totals, want)
	}
	if !reflect.DeepEqual(plain, watched) {
		t.Error("setting Progress changed the result")
	}
}

// TestThemeOfFeaturesOnly: answers that share only a kanji of one-off terms
// form a theme, named by their own terms since no term passes MinDF.
func TestThemeOfFeaturesOnly(t *testing.T) {
	docs := docsOf("防災無線", "防犯灯", "防火水槽") // each term once: below MinDF 2
	res, err := Find(docs, Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, docs, res)
	if res.K != 1 || len(res.Skipped) != 0 {
		t.Fatalf("K = %d, skipped %v; want one theme of all three", res.K, res.Skipped)
	}
	// Each term occurs once, so ties go in string (code point) order:
	// 火 U+706B < 災 U+707D < 犯 U+72AF.
	if want := "防火水槽・防災無線・防犯灯"; res.Themes[0].Label != want {
		t.Errorf("label %q, want %q", res.Themes[0].Label, want)
	}
}
