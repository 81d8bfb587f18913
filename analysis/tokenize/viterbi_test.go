package tokenize

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ikawaha/kagome/v2/tokenizer"
)

// kagomePath is kagome's own answer for input: each token as class, id, byte
// offset and surface.
func kagomePath(t testing.TB, tk *Tokenizer, input string) []string {
	t.Helper()
	opts := []tokenizer.Option{tokenizer.OmitBosEos()}
	if tk.udict != nil {
		opts = append(opts, tokenizer.UserDict(tk.udict))
	}
	kt, err := tokenizer.New(tk.sys.dict, opts...)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, k := range kt.Analyze(input, tokenizer.Normal) {
		out = append(out, fmt.Sprintf("%d %d %d %q", k.Class, k.ID, k.Position, k.Surface))
	}
	return out
}

func ourPath(tk *Tokenizer, input string) []string {
	var v viterbi
	var out []string
	for _, i := range v.run(tk.sys.dict, tk.sys.vt, tk.udict, input) {
		n := v.nodes[i]
		out = append(out, fmt.Sprintf("%d %d %d %q", n.class, n.id, n.pos, input[n.pos:n.end]))
	}
	return out
}

func comparePaths(t *testing.T, tk *Tokenizer, input string) bool {
	t.Helper()
	want := kagomePath(t, tk, input)
	got := ourPath(tk, input)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("input %q:\n got  %v\n want %v", input, got, want)
		return false
	}
	return true
}

// TestViterbiMatchesKagome checks that the search in viterbi.go picks the
// path kagome's lattice picks, node for node, on inputs that exercise each
// kind of candidate and the corners of kagome's code.
func TestViterbiMatchesKagome(t *testing.T) {
	tk := newTestTokenizer(t)
	tests := []struct{ name, in string }{
		{"known words", "すもももももももものうち"},
		{"user words hide IPA entries", "安曇野市の穂高神社と常念岳"},
		{"unknown katakana run", "ﾎﾟﾎﾟﾛｽｶｯﾄ未知語とポポロスカット"},
		{"ASCII and digits", "sdgs 2030年とwi-fi、3.14"},
		{"spaces", "全角 スペース  と\tタブ"},
		{"symbols", "!?「」（）…〜〔氏名〕"},
		{"replacement character", "壊れた\ufffd文字\ufffd\ufffd"},
		{"NUL stops dictionary search", "東京\x00大阪"},
		{"one character", "あ"},
		{"kanji", "薔薇鬱憂"},
		{"long unknown run", strings.Repeat("ア", 1100)},
		{"long replacement run", strings.Repeat("\ufffd", 1100)},
		{"mixed scripts", "Ωαβ한국어العربية🙂👍🏽"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			comparePaths(t, tk, tc.in)
		})
	}
}

// TestViterbiMatchesKagomeAozora compares every line of the Aozora novels
// in ../shared.
func TestViterbiMatchesKagomeAozora(t *testing.T) {
	if testing.Short() {
		t.Skip("runs kagome over 1 MB")
	}
	lines := aozoraLines(t)
	tk := newTestTokenizer(t)
	bad := 0
	for _, l := range lines {
		if !comparePaths(t, tk, foldASCII(l)) {
			if bad++; bad == 5 {
				t.Fatal("stopping after 5 differing lines")
			}
		}
	}
}

func FuzzViterbiMatchesKagome(f *testing.F) {
	tk := newTestTokenizer(f)
	for _, s := range []string{"安曇野市の防災対策", "ﾎﾟﾎﾟﾛ", "a\ufffdb", "東京\x00", "  ", "穂高神社", "aimとAI"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// lex only sees normalised, folded text.
		comparePaths(t, tk, foldASCII(Normalize(s)))
	})
}

// BenchmarkViterbi compares the search alone, on one core, with kagome's
// tokenizer.Analyze over the same normalised Aozora lines; MB/s counts input
// bytes.
func BenchmarkViterbi(b *testing.B) {
	lines := aozoraLines(b)
	tk := newTestTokenizer(b)
	size := 0
	for i, l := range lines {
		lines[i] = foldASCII(l)
		size += len(l)
	}
	b.Run("koe", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		var v viterbi
		for b.Loop() {
			for _, l := range lines {
				v.run(tk.sys.dict, tk.sys.vt, tk.udict, l)
			}
		}
	})
	b.Run("kagome", func(b *testing.B) {
		kt, err := tokenizer.New(tk.sys.dict, tokenizer.UserDict(tk.udict), tokenizer.OmitBosEos())
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			for _, l := range lines {
				kt.Analyze(l, tokenizer.Normal)
			}
		}
	})
}
