package codes

import (
	"slices"
	"strings"
	"sync"
	"testing"
)

// mustParse parses rules a test relies on.
func mustParse(t testing.TB, src string) *Rules {
	t.Helper()
	r, err := Parse([]byte(src), "t.txt")
	if err != nil {
		t.Fatalf("Parse(%q): %v", src, err)
	}
	return r
}

func TestMatchOperators(t *testing.T) {
	doc := func(s string) []string { return strings.Fields(s) }
	tests := []struct {
		name  string
		cond  string
		terms []string
		want  bool
	}{
		{"word present", "災害", doc("大雨 災害 心配"), true},
		{"word absent", "災害", doc("大雨 心配"), false},
		{"word is whole term", "交通", doc("公共交通 不便"), false},
		{"empty document", "災害", nil, false},
		{"or", "災害 or 防災", doc("防災 訓練"), true},
		{"and needs both", "災害 and 防災", doc("防災 訓練"), false},
		{"and", "災害 & 防災", doc("災害 防災"), true},
		{"not", "not 災害", doc("防災"), true},
		{"not on empty", "!災害", nil, true},
		{"and not", "駅 and not 道+駅", doc("道 駅 駐車場"), false},
		{"and not, other駅", "駅 and not 道+駅", doc("穂高 駅 遠い"), true},
		{"precedence", "a or b and c", doc("a"), true},
		{"precedence 2", "(a or b) and c", doc("a"), false},
		{"count >=", "災害 >= 2", doc("災害 大雨 災害"), true},
		{"count >= short", "災害 >= 2", doc("災害 大雨"), false},
		{"count >", "a > 1", doc("a a"), true},
		{"count <=", "a <= 1", doc("a a"), false},
		{"count < 1 means absent", "a < 1", doc("b"), true},
		{"count ==", "a == 2", doc("a b a"), true},
		{"count == 0", "a == 0", doc("b"), true},
		{"phrase", "公共+交通", doc("公共 交通 不便"), true},
		{"phrase apart", "公共+交通", doc("公共 施設 交通"), false},
		{"phrase reversed", "公共+交通", doc("交通 公共"), false},
		{"phrase of three", "a+b+c", doc("x a b c"), true},
		{"phrase of three broken", "a+b+c", doc("a b x c"), false},
		{"phrase of a repeat", "a+a", doc("a b a"), false},
		{"phrase of a repeat, adjacent", "a+a", doc("b a a"), true},
		{"phrase count", "a+b >= 2", doc("a b x a b"), true},
		{"phrase count short", "a+b >= 2", doc("a b x a c"), false},
		{"near within default 10", "near(a-b)", doc("a 1 2 3 4 5 6 7 8 9 b"), true},
		{"near beyond default 10", "near(a-b)", doc("a 1 2 3 4 5 6 7 8 9 10 b"), false},
		{"near either order", "near(a-b)[2]", doc("b x a"), true},
		{"near span 1 is adjacent", "near(a-b)[1]", doc("a x b"), false},
		{"near any pair", "near(a-b)[1]", doc("a x x x b x a b"), true},
		{"near same word needs two", "near(a-a)[3]", doc("a x x x x"), false},
		{"near same word", "near(a-a)[3]", doc("a x x a"), true},
		{"near three", "near(a-b-c)[3]", doc("c x b a"), true},
		{"near three too wide", "near(a-b-c)[2]", doc("c x b a"), false},
		{"near three repeated", "near(a-a-b)[2]", doc("a b a"), true},
		{"near needs all", "near(a-b-c)", doc("a b"), false},
		{"near one term cannot fill two wildcards", "near(交通*-*交通)[5]", doc("交通"), false},
		{"near two terms fill overlapping wildcards", "near(交通*-*交通)[5]", doc("交通 x 交通"), true},
		{"seq in order", "seq(免許-返納)", doc("免許 x x x x x x x x x x x x 返納"), true},
		{"seq wrong order", "seq(免許-返納)", doc("返納 免許"), false},
		{"seq span", "seq(免許-返納)[2]", doc("免許 x x 返納"), false},
		{"seq span, later start", "seq(a-b)[2]", doc("a x x a x b"), true},
		{"seq three", "seq(a-b-c)", doc("a c b a c"), true},
		{"seq three missing", "seq(a-b-c)", doc("c b a"), false},
		{"seq repeat", "seq(a-a)", doc("a b"), false},
		{"seq repeat present", "seq(a-a)", doc("a b a"), true},
		{"prefix wildcard", "交通*", doc("交通機関"), true},
		{"prefix wildcard equal", "交通*", doc("交通"), true},
		{"prefix wildcard no", "交通*", doc("公共交通"), false},
		{"suffix wildcard", "*交通", doc("公共交通"), true},
		{"suffix wildcard no", "*交通", doc("交通機関"), false},
		{"contains", "*交通*", doc("地域公共交通計画"), true},
		{"wildcard count", "*交通* >= 2", doc("公共交通 交通安全"), true},
		{"wildcard in phrase", "公共+交通*", doc("公共 交通機関"), true},
		{"quoted star is literal", `"*"`, doc("交通"), false},
		{"quoted star", `"*"`, doc("*"), true},
		{"quoted keyword", `"and"`, doc("and"), true},
		{"ASCII case ignored", "AI", doc("ai 活用"), true},
		{"ASCII case ignored in terms", "ai", doc("AI"), true},
		{"full-width rule word", "ＤＸ", doc("DX"), true},
		{"wildcard case", "*sdgs*", doc("SDGs未来都市"), true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// Indented, as a condition starting with a wildcard must be.
			r := mustParse(t, "＊x\n  "+tc.cond+"\n")
			got := r.Match(tc.terms)
			if (len(got) == 1) != tc.want {
				t.Errorf("%s on %q: matched %v, want %v", tc.cond, tc.terms, got, tc.want)
			}
		})
	}
}

func TestMatchReferencesAndOrder(t *testing.T) {
	r := mustParse(t, `
＊交通 | 公共交通
  バス or 電車
＊高齢者の足
  <＊交通> and 高齢者
＊不便
  不便
＊交通以外の不便
  <＊不便> and not <＊交通>
`)
	tests := []struct {
		terms string
		want  []string
	}{
		{"高齢者 バス 不便", []string{"交通", "高齢者の足", "不便"}},
		{"店 不便", []string{"不便", "交通以外の不便"}},
		{"高齢者 元気", nil},
		{"", nil},
	}
	for _, tc := range tests {
		t.Run(tc.terms, func(t *testing.T) {
			got := r.Match(strings.Fields(tc.terms))
			if !slices.Equal(got, tc.want) {
				t.Errorf("Match(%s) = %v, want %v", tc.terms, got, tc.want)
			}
			idx := r.MatchIndex(strings.Fields(tc.terms), nil)
			var ids []string
			for _, i := range idx {
				ids = append(ids, r.Codes[i].ID)
			}
			if !slices.Equal(ids, tc.want) {
				t.Errorf("MatchIndex(%s) = %v, want %v", tc.terms, ids, tc.want)
			}
		})
	}
}

func TestMatchNil(t *testing.T) {
	var r *Rules
	if got := r.Match([]string{"a"}); got != nil {
		t.Errorf("nil rules matched %v", got)
	}
	empty := mustParse(t, "")
	if got := empty.Match([]string{"a"}); got != nil {
		t.Errorf("empty rules matched %v", got)
	}
}

// TestMatchConcurrent runs Match from several goroutines on one Rules, with
// wildcards so that the shared cache is exercised; go test -race checks it.
func TestMatchConcurrent(t *testing.T) {
	r := mustParse(t, "＊a\n *交通*\n＊b\n near(駅-バス)[2]\n")
	docs := [][]string{{"公共交通", "駅", "バス"}, {"駅", "x", "x", "バス"}, {"交通安全"}}
	want := [][]string{{"a", "b"}, nil, {"a"}}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				d := (i + g) % len(docs)
				if got := r.Match(docs[d]); !slices.Equal(got, want[d]) {
					t.Errorf("Match(%v) = %v, want %v", docs[d], got, want[d])
					return
				}
			}
		}()
	}
	wg.Wait()
}

const builtin = `
＊交通 | 公共交通 | 1
  バス or 電車
＊高齢者の足
  <＊交通> and 高齢者
＊防災 | 災害・防災 | 1
  災害
`

func TestParseWith(t *testing.T) {
	base := mustParse(t, builtin)
	tests := []struct {
		name    string
		study   string
		ids     []string // codes after the merge, in order
		labels  []string
		matches map[string][]string // terms → codes
	}{
		{
			name:   "new codes follow",
			study:  "＊わさび\n わさび\n＊防災の交通\n <＊交通> and <＊防災>\n",
			ids:    []string{"交通", "高齢者の足", "防災", "わさび", "防災の交通"},
			labels: []string{"公共交通", "高齢者の足", "災害・防災", "わさび", "防災の交通"},
			matches: map[string][]string{
				"わさび 電車 災害": {"交通", "防災", "わさび", "防災の交通"},
			},
		},
		{
			name:   "replacement keeps its place and reaches referrers",
			study:  "＊交通 | 地域の足\n あづみん\n",
			ids:    []string{"交通", "高齢者の足", "防災"},
			labels: []string{"地域の足", "高齢者の足", "災害・防災"},
			matches: map[string][]string{
				"バス 高齢者":   nil,
				"あづみん 高齢者": {"交通", "高齢者の足"},
			},
		},
		{
			name:   "self reference extends the built-in definition",
			study:  "＊交通 | 公共交通 | 1\n <＊交通> or あづみん\n",
			ids:    []string{"交通", "高齢者の足", "防災"},
			labels: []string{"公共交通", "高齢者の足", "災害・防災"},
			matches: map[string][]string{
				"バス 高齢者":   {"交通", "高齢者の足"},
				"あづみん 高齢者": {"交通", "高齢者の足"},
				"高齢者":      nil,
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := ParseWith([]byte(tc.study), "study.txt", base)
			if err != nil {
				t.Fatal(err)
			}
			var ids, labels []string
			for _, c := range r.Codes {
				ids = append(ids, c.ID)
				labels = append(labels, c.Label)
			}
			if !slices.Equal(ids, tc.ids) || !slices.Equal(labels, tc.labels) {
				t.Errorf("codes %v %v, want %v %v", ids, labels, tc.ids, tc.labels)
			}
			for terms, want := range tc.matches {
				if got := r.Match(strings.Fields(terms)); !slices.Equal(got, want) {
					t.Errorf("Match(%s) = %v, want %v", terms, got, want)
				}
			}
			// The built-in set is unchanged.
			if got := base.Match([]string{"あづみん", "高齢者"}); got != nil {
				t.Errorf("base changed: matches %v", got)
			}
			if got := base.Match([]string{"バス", "高齢者"}); !slices.Equal(got, []string{"交通", "高齢者の足"}) {
				t.Errorf("base changed: matches %v", got)
			}
		})
	}
}

func TestParseWithErrors(t *testing.T) {
	base := mustParse(t, builtin)
	tests := []struct {
		name, study string
		want        string
	}{
		{"unknown code", "＊a\n <＊交通> or <＊鉄道>\n",
			"study.txt:2:11: unknown code <＊鉄道>: define it with a line ＊鉄道, or check the spelling"},
		{"cycle through a built-in code", "＊交通\n <＊高齢者の足>\n",
			"study.txt:2:2: code 交通 refers back to itself (交通 → 高齢者の足 → 交通): break the cycle"},
		{"syntax", "＊a\n (a\n", "study.txt:2:4: expected ')' to close '(' at 2:2, found the end of the condition"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseWith([]byte(tc.study), "study.txt", base)
			if err == nil || err.Error() != tc.want {
				t.Errorf("ParseWith error\n%v\nwant\n%s", err, tc.want)
			}
		})
	}
}

func TestMerge(t *testing.T) {
	a := mustParse(t, builtin)
	b := mustParse(t, "＊防災 | 防災 | 1\n 避難\n＊農業\n 農業\n")
	r, err := Merge(a, b)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, c := range r.Codes {
		ids = append(ids, c.ID)
	}
	if want := []string{"交通", "高齢者の足", "防災", "農業"}; !slices.Equal(ids, want) {
		t.Errorf("Merge codes %v, want %v", ids, want)
	}
	if got, want := r.Match([]string{"避難", "災害", "農業"}), []string{"防災", "農業"}; !slices.Equal(got, want) {
		t.Errorf("Match = %v, want %v", got, want)
	}
	if got := r.Codes[2].Path; got != "t.txt" {
		t.Errorf("replaced code's path %q", got)
	}
	if r2, err := Merge(nil, nil); err != nil || len(r2.Codes) != 0 {
		t.Errorf("Merge(nil, nil) = %v, %v", r2, err)
	}

}
