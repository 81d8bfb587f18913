package draft

import (
	"sort"
	"strings"
	"sync"

	"koe/ingest"
)

// A scale is one way a Japanese questionnaire words a rating: four polar
// labels from the most positive to the most negative, to which a middle
// label may be added. The families are those of the city's own surveys
// (satisfaction, importance, attachment) and the common agreement and
// good/bad wordings; the variants are the intensity words that Japanese
// questionnaires pair with each stem.
type scale struct {
	family string    // 満足度, 重要度, … for the analyst's comment
	polar  [4]string // strong +, weak +, weak −, strong −
}

var polarScales = []scale{
	{"満足度", [4]string{"満足", "やや満足", "やや不満", "不満"}},
	{"満足度", [4]string{"満足", "まあ満足", "やや不満", "不満"}},
	{"満足度", [4]string{"満足", "まあまあ満足", "やや不満", "不満"}},
	{"満足度", [4]string{"満足", "どちらかといえば満足", "どちらかといえば不満", "不満"}},
	{"満足度", [4]string{"とても満足", "満足", "不満", "とても不満"}},
	{"満足度", [4]string{"とても満足", "やや満足", "やや不満", "とても不満"}},
	{"満足度", [4]string{"非常に満足", "満足", "不満", "非常に不満"}},
	{"満足度", [4]string{"非常に満足", "やや満足", "やや不満", "非常に不満"}},
	{"満足度", [4]string{"大変満足", "満足", "不満", "大変不満"}},
	{"満足度", [4]string{"満足している", "やや満足している", "やや不満である", "不満である"}},
	{"重要度", [4]string{"重要", "やや重要", "あまり重要でない", "重要でない"}},
	{"重要度", [4]string{"重要", "どちらかといえば重要", "どちらかといえば重要でない", "重要でない"}},
	{"重要度", [4]string{"とても重要", "重要", "あまり重要でない", "重要でない"}},
	{"重要度", [4]string{"とても重要", "やや重要", "あまり重要でない", "全く重要でない"}},
	{"重要度", [4]string{"非常に重要", "重要", "あまり重要でない", "重要でない"}},
	{"重要度", [4]string{"非常に重要", "やや重要", "あまり重要でない", "全く重要でない"}},
	{"そう思うか", [4]string{"そう思う", "ややそう思う", "あまりそう思わない", "そう思わない"}},
	{"そう思うか", [4]string{"そう思う", "どちらかといえばそう思う", "どちらかといえばそう思わない", "そう思わない"}},
	{"そう思うか", [4]string{"とてもそう思う", "ややそう思う", "あまりそう思わない", "全くそう思わない"}},
	{"そう思うか", [4]string{"とてもそう思う", "そう思う", "そう思わない", "全くそう思わない"}},
	{"そう思うか", [4]string{"強くそう思う", "そう思う", "そう思わない", "全くそう思わない"}},
	{"そう思うか", [4]string{"非常にそう思う", "ややそう思う", "あまりそう思わない", "全くそう思わない"}},
	{"賛否", [4]string{"賛成", "やや賛成", "やや反対", "反対"}},
	{"賛否", [4]string{"賛成", "どちらかといえば賛成", "どちらかといえば反対", "反対"}},
	{"良し悪し", [4]string{"良い", "やや良い", "やや悪い", "悪い"}},
	{"良し悪し", [4]string{"良い", "まあ良い", "やや悪い", "悪い"}},
	{"良し悪し", [4]string{"良い", "どちらかといえば良い", "どちらかといえば悪い", "悪い"}},
	{"良し悪し", [4]string{"とても良い", "良い", "悪い", "とても悪い"}},
	{"良し悪し", [4]string{"良くなった", "やや良くなった", "やや悪くなった", "悪くなった"}},
	{"愛着", [4]string{"愛着がある", "やや愛着がある", "あまり愛着がない", "愛着がない"}},
	{"愛着", [4]string{"とても愛着がある", "やや愛着がある", "あまり愛着はない", "愛着はない"}},
	{"愛着", [4]string{"とても愛着がある", "やや愛着がある", "あまり愛着がない", "愛着がない"}},
	{"関心", [4]string{"関心がある", "やや関心がある", "あまり関心がない", "関心がない"}},
	{"関心", [4]string{"とても関心がある", "やや関心がある", "あまり関心がない", "全く関心がない"}},
}

// middles are the middle labels a five-point scale may use.
var middles = []string{"どちらともいえない", "どちらとも言えない", "どちらでもない", "ふつう", "普通"}

// spellings are written either way in practice; every scale is also tried
// with each rewritten.
var spellings = [][2]string{
	{"どちらかといえば", "どちらかと言えば"},
	{"全く", "まったく"},
	{"良", "よ"},
	{"悪い", "わるい"},
	{"とても", "非常に"},
}

// Scores: five points +2 … −2; four points +2, +1, −1, −2 (package doc).
var (
	scores5 = []float64{2, 1, 0, -1, -2}
	scores4 = []float64{2, 1, -1, -2}
)

type scaleVariant struct {
	family string
	polar  [4]string
}

var variants = sync.OnceValue(func() []scaleVariant {
	var out []scaleVariant
	seen := map[[4]string]bool{}
	for _, s := range polarScales {
		forms := [][4]string{s.polar}
		for _, sp := range spellings {
			for _, f := range forms {
				var g [4]string
				changed := false
				for i, l := range f {
					g[i] = strings.ReplaceAll(l, sp[0], sp[1])
					changed = changed || g[i] != l
				}
				if changed {
					forms = append(forms, g)
				}
			}
		}
		for _, f := range forms {
			for i := range f {
				f[i] = ingest.NormalizeHeader(f[i])
			}
			if !seen[f] {
				seen[f] = true
				out = append(out, scaleVariant{s.family, f})
			}
		}
	}
	return out
})

// likertGuess is a scale that fits a column's values.
type likertGuess struct {
	family    string
	labels    []string // in scale order, positive first
	scores    []float64
	unseen    []string // scale labels nobody chose
	strays    []string // values off the scale (rare), by count
	strayN    int      // cells holding them
	matchedBy int      // distinct values on the scale
}

// matchScale finds the scale that covers most of the cells of counts. A
// scale needs three distinct values on it; up to three rare values
// (together at most 1% of the cells, or one cell) may lie off it.
func matchScale(counts map[string]int) *likertGuess {
	if len(counts) < 3 || len(counts) > 12 {
		return nil
	}
	total := 0
	for _, n := range counts {
		total += n
	}
	var best *likertGuess
	bestCover := 0
	for _, sv := range variants() {
		cover, distinct := 0, 0
		var mid string
		for _, l := range sv.polar {
			if n, ok := counts[l]; ok {
				cover += n
				distinct++
			}
		}
		for _, m := range middles {
			if n, ok := counts[m]; ok && (mid == "" || n > counts[mid]) {
				mid = m
			}
		}
		if mid != "" {
			cover += counts[mid]
			distinct++
		}
		if distinct < 3 {
			continue
		}
		g := &likertGuess{family: sv.family, matchedBy: distinct}
		if mid != "" {
			g.labels = []string{sv.polar[0], sv.polar[1], mid, sv.polar[2], sv.polar[3]}
			g.scores = scores5
		} else {
			g.labels = sv.polar[:]
			g.scores = scores4
		}
		for _, l := range g.labels {
			if counts[l] == 0 {
				g.unseen = append(g.unseen, l)
			}
		}
		// More cells covered wins; then fewer unseen labels; then the
		// earlier scale (the list is in order of how common each is).
		if best == nil || cover > bestCover || (cover == bestCover && len(g.unseen) < len(best.unseen)) {
			best, bestCover = g, cover
		}
	}
	if best == nil {
		return nil
	}
	on := map[string]bool{}
	for _, l := range best.labels {
		on[l] = true
	}
	for v, n := range counts {
		if !on[v] {
			best.strays = append(best.strays, v)
			best.strayN += n
		}
	}
	if len(best.strays) > 3 || (best.strayN > 1 && best.strayN*100 > total) {
		return nil
	}
	sortByCount(best.strays, counts)
	return best
}

// sortByCount orders values by descending count, then by text, so that
// the order never depends on map iteration.
func sortByCount(vs []string, counts map[string]int) {
	sort.Slice(vs, func(i, j int) bool {
		if counts[vs[i]] != counts[vs[j]] {
			return counts[vs[i]] > counts[vs[j]]
		}
		return vs[i] < vs[j]
	})
}
