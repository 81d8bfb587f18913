package tokenize

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"koe/data"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

func TestWakatiAzumino(t *testing.T) {
	tk := newTestTokenizer(t)
	tests := []struct{ in, want string }{
		// The brief's acceptance case: IPA alone gives 安曇/野市 (人名,姓).
		{"安曇野市の防災対策", "安曇野 市 の 防災 対策\n"},
		{"豊科、穂高、三郷、堀金、明科", "豊科 、 穂高 、 三郷 、 堀金 、 明科\n"},
		{"常念岳と燕岳", "常念岳 と 燕岳\n"},
		// A multi-part user entry comes out as its parts.
		{"穂高神社に行く", "穂高 神社 に 行く\n"},
		{"  全角　スペース  ", "全角 スペース\n"},
		{"", "\n"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			var b bytes.Buffer
			if err := tk.WriteTokens(&b, tc.in, FormatWakati); err != nil {
				t.Fatal(err)
			}
			if b.String() != tc.want {
				t.Errorf("got %q, want %q", b.String(), tc.want)
			}
		})
	}
}

func TestWriteTokensFormatError(t *testing.T) {
	tk := newTestTokenizer(t)
	err := tk.WriteTokens(&bytes.Buffer{}, "安曇野", "chasen")
	if err == nil || !strings.Contains(err.Error(), `"chasen"`) {
		t.Fatalf("got %v, want an error naming the format", err)
	}
}

// TestWriteTokensGolden fixes the mecab and json output; rewrite with
// go test -run TestWriteTokensGolden -update.
func TestWriteTokensGolden(t *testing.T) {
	tk := newTestTokenizer(t)
	lines := []string{
		"安曇野市の防災対策",
		"バスが足りません。ｽﾏﾎで申請したい！！",
		"国営アルプスあづみの公園とSDGs、ai",
		"ﾎﾟﾎﾟﾛｽｶｯﾄ未知語",
		"",
	}
	for _, format := range []string{FormatMeCab, FormatJSON} {
		t.Run(format, func(t *testing.T) {
			var b bytes.Buffer
			for _, l := range lines {
				if err := tk.WriteTokens(&b, l, format); err != nil {
					t.Fatal(err)
				}
			}
			golden := filepath.Join("testdata", "tokens."+format+".golden")
			if *update {
				if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(b.Bytes(), want) {
				t.Errorf("output differs from %s:\n%s", golden, b.String())
			}
		})
	}
}

// TestMeCabFeatureShape checks lines against what MeCab 0.996 with
// mecab-ipadic-utf8 prints for them (run on Debian 12): 9 fields for
// dictionary words, 7 for unknown words.
func TestMeCabFeatureShape(t *testing.T) {
	tk := newTestTokenizer(t)
	tests := []struct{ in, want string }{
		{"防災", "防災\t名詞,サ変接続,*,*,*,*,防災,ボウサイ,ボーサイ\nEOS\n"},
		{"ww", "ww\t名詞,固有名詞,組織,*,*,*,*\nEOS\n"},
		{"足りない", "足り\t動詞,自立,*,*,一段,未然形,足りる,タリ,タリ\nない\t助動詞,*,*,*,特殊・ナイ,基本形,ない,ナイ,ナイ\nEOS\n"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			var b bytes.Buffer
			if err := tk.WriteTokens(&b, tc.in, FormatMeCab); err != nil {
				t.Fatal(err)
			}
			if b.String() != tc.want {
				t.Errorf("got\n%s\nwant\n%s", b.String(), tc.want)
			}
		})
	}
}

func TestTerms(t *testing.T) {
	tk := newTestTokenizer(t)
	n := func(b string) Term { return Term{b, "名詞"} }
	v := func(b string) Term { return Term{b, "動詞"} }
	a := func(b string) Term { return Term{b, "形容詞"} }
	tests := []struct {
		name string
		in   string
		want []Term
	}{
		// 安曇野市 itself is a stopword (survey filler in data/dict/stopwords.txt).
		{"place compound", "穂高神社の防災対策", []Term{n("穂高神社"), n("防災対策")}},
		{"negated verb", "バスの本数が足りない", []Term{n("バス"), n("本数"), v("足りない")}},
		{"polite negation", "店が開きません", []Term{n("店"), v("開かない")}},
		{"negation across ている", "人手が足りていない", []Term{n("人手"), v("足りない")}},
		{"ず", "行かず", []Term{v("行かない")}},
		{"godan stem", "店が開かない", []Term{n("店"), v("開かない")}},
		{"adjective", "バスの本数が少ない", []Term{n("バス"), n("本数"), a("少ない")}},
		{"negated adjective", "バスの本数が少なくない", []Term{n("バス"), n("本数"), a("少なくない")}},
		{"いい", "駅前はよくない", []Term{n("駅前"), a("よくない")}},
		{"na adjective", "駅前は便利だ", []Term{n("駅前"), n("便利")}},
		{"na adjective negated", "駅前は便利ではない", []Term{n("駅前"), n("便利ではない")}},
		{"じゃない", "交通が便利じゃない", []Term{n("交通"), n("便利ではない")}},
		{"ではありません", "交通が便利ではありません", []Term{n("交通"), n("便利ではない")}},
		{"sahen negated", "県は対応しない", []Term{n("県"), n("対応しない")}},
		{"sahen できない", "施設が利用できない", []Term{n("施設"), n("利用できない")}},
		{"obligation is not negation", "薬を飲まなければならない", []Term{n("薬"), v("飲む")}},
		{"なくては", "薬を飲まなくてはいけない", []Term{n("薬"), v("飲む")}},
		{"ないといけない", "予約しないといけない", []Term{n("予約")}},
		{"ないと思う is a negation", "店が開かないと思う", []Term{n("店"), v("開かない")}},
		{"compounds", "公共交通と子育て支援、空き家対策、デジタル化", []Term{n("公共交通"), n("子育て支援"), n("空き家対策"), n("デジタル化")}},
		{"prefix joins, polite prefix does not", "新庁舎とお店", []Term{n("新庁舎"), n("店")}},
		{"weak suffix dropped", "施設等の整備", []Term{n("施設"), n("整備")}},
		{"numbers and counters dropped", "第3次総合計画の10年後", []Term{n("総合計画")}},
		{"stopwords", "私はこれから穂高に住み続けたいと思います", []Term{n("穂高"), v("住む")}},
		{"ASCII case folded to dictionary spelling", "AIとaiとＡＩ、sdgs", []Term{n("AI"), n("AI"), n("AI"), n("SDGs")}},
		{"ASCII word not in dictionary lower-cased", "Pythonとpython", []Term{n("python"), n("python")}},
		{"user word inside ASCII is not split", "aimの意味", []Term{n("aim"), n("意味")}},
		{"placeholders are gaps", "〔氏名〕さんに〔電話番号〕で連絡した", []Term{n("連絡")}},
		{"URL dropped", "資料はhttps://example.jp/a にある", []Term{n("資料")}},
		{"ruby stripped", "親譲《おやゆず》りの無鉄砲《むてっぽう》", []Term{n("親譲り"), n("無鉄砲")}},
		{"empty", "", nil},
		{"symbols only", "!?。、…", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := tk.Terms(tc.in)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Terms(%q)\n got  %v\n want %v", tc.in, got, tc.want)
			}
		})
	}
}

func TestTermsWithoutCompounds(t *testing.T) {
	opt := DefaultOptions()
	opt.Compounds = false
	// Without stopwords: the built-in list drops 安曇野 and 市, which this
	// test needs to see as separate parts.
	opt.Stopwords = nil
	tk, err := New(opt)
	if err != nil {
		t.Fatal(err)
	}
	n := func(b string) Term { return Term{b, "名詞"} }
	tests := []struct {
		in   string
		want []Term
	}{
		{"公共交通と子育て支援、デジタル化", []Term{n("公共"), n("交通"), n("子育て"), n("支援"), n("デジタル")}},
		// IPA reads 市 after a user word as a noun of its own (名詞,一般).
		{"安曇野市の防災対策", []Term{n("安曇野"), n("市"), n("防災"), n("対策")}},
		{"駅前交通が便利ではない", []Term{n("駅前"), n("交通"), n("便利ではない")}},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := tk.Terms(tc.in); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestTermsAllKeepsOrder(t *testing.T) {
	tk := newTestTokenizer(t)
	texts := []string{"安曇野市の防災対策", "", "バスが足りない", "公共交通", "AI", "わさび田の水"}
	for i := 0; i < 5; i++ {
		texts = append(texts, texts...)
	}
	got := tk.TermsAll(texts)
	if len(got) != len(texts) {
		t.Fatalf("%d results for %d texts", len(got), len(texts))
	}
	for i, s := range texts {
		if want := tk.Terms(s); !reflect.DeepEqual(got[i], want) {
			t.Fatalf("text %d %q: TermsAll gave %v, Terms %v", i, s, got[i], want)
		}
	}
	if got := tk.TermsAll(nil); len(got) != 0 {
		t.Errorf("TermsAll(nil) = %v", got)
	}
	// Repeated texts get equal results, but not one shared slice.
	got[0][0].Base = "changed"
	if got[6][0].Base == "changed" {
		t.Errorf("changing the result of text 0 changed that of its repeat, text 6: %v", got[6])
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"half-width katakana", "ｱｲｳｴｵ ﾃﾞｼﾞﾀﾙ", "アイウエオ デジタル"},
		{"full-width ASCII", "ＡＢＣ１２３！", "ABC123!"},
		{"wave dash kept", "10〜20人", "10〜20人"},
		{"full-width tilde", "10～20人", "10〜20人"},
		{"ASCII tilde outside URLs", "10~20人", "10〜20人"},
		{"long vowel mark", "ｺｰﾋｰとコーヒー", "コーヒーとコーヒー"},
		{"ellipsis kept", "そうですね…‥", "そうですね…‥"},
		{"voiced mark kept", "゛と゜", "゛と゜"},
		{"exclamations", "すごい！！！", "すごい!"},
		{"questions", "本当？？", "本当?"},
		{"mixed", "本当？！？！", "本当!?"},
		{"spaces", "  前後の  空白\t\tを  ", "前後の 空白 を"},
		{"ideographic space", "安曇野　市", "安曇野 市"},
		{"blank lines", "一行目\r\n\r\n\n二行目  \n", "一行目\n二行目"},
		{"ruby", "親譲《おやゆず》りの無鉄砲《むてっぽう》", "親譲りの無鉄砲"},
		{"ruby start mark", "この｜折戸《おりど》を", "この折戸を"},
		{"katakana ruby", "印度《インド》", "印度"},
		{"bracket that is not ruby", "《重要》お知らせ", "《重要》お知らせ"},
		{"bar that is not ruby", "A｜B", "A|B"},
		{"annotation", "［＃５字下げ］本文", "本文"},
		{"gaiji note", "眼を※［＃「目＋爭」、第3水準1-88-85］った", "眼をった"},
		{"unclosed annotation", "［＃未完", "[#未完"},
		{"URL kept", "見て→https://example.jp/~user/?q=1&x=2!!", "見て→https://example.jp/~user/?q=1&x=2!"},
		{"full-width e-mail", "ｍａｉｌ＠ｅｘａｍｐｌｅ．ｊｐ", "mail@example.jp"},
		{"zero width", "安曇\u200b野\ufeff", "安曇野"},
		{"case kept", "AI ai", "AI ai"},
		{"vertical ruby brackets", "漢字︽かんじ︾", "漢字"},
		{"invalid UTF-8", "a\xffb", "a\ufffdb"},
		{"empty", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Normalize(tc.in)
			if got != tc.want {
				t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if again := Normalize(got); again != got {
				t.Errorf("not idempotent: %q then %q", got, again)
			}
		})
	}
}

func TestUserDictionaries(t *testing.T) {
	study := []byte("# a study's own words\n安曇野,安曇 野,アズミ ノ,名詞-固有名詞-地域-一般\nおひさまスクール,おひさま スクール,オヒサマ スクール,カスタム名詞\n")
	// No stopwords: the built-in list drops 安曇野.
	tk, err := New(Options{UserDicts: [][]byte{data.UserDict, study}, Compounds: true})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := tk.WriteTokens(&b, "安曇野のおひさまスクール", FormatWakati); err != nil {
		t.Fatal(err)
	}
	// The study's entry replaces the built-in one.
	if got, want := b.String(), "安曇 野 の おひさま スクール\n"; got != want {
		t.Errorf("wakati %q, want %q", got, want)
	}
	want := []Term{{"安曇野", "名詞"}, {"おひさまスクール", "名詞"}}
	if got := tk.Terms("安曇野のおひさまスクール"); !reflect.DeepEqual(got, want) {
		t.Errorf("Terms %v, want %v", got, want)
	}
}

func TestUserDictionaryErrors(t *testing.T) {
	tests := []struct{ name, dict, want string }{
		{"columns", "安曇野,安曇野,アズミノ\n", "user dictionary 1: line 1: 3 columns"},
		{"spelling", "# c\n安曇野,安曇 野市,アズミ ノ,名詞\n", "line 2: segmentation"},
		{"readings", "安曇野,安曇 野,アズミノ,名詞\n", "line 1: 1 readings for 2 segments"},
		{"surface", ",a,a,名詞\n", "line 1: empty surface"},
		{"pos", "安曇野,安曇野,アズミノ,\n", "line 1: empty part of speech"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New(Options{UserDicts: [][]byte{[]byte(tc.dict)}})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

func TestBuiltInDictionaryParses(t *testing.T) {
	recs, err := parseUserDict(data.UserDict)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) < 100 {
		t.Errorf("built-in dictionary has %d entries, expected over 100", len(recs))
	}
	seen := map[string]bool{}
	for _, r := range recs {
		k := foldASCII(r.surface)
		if seen[k] {
			t.Errorf("%s listed twice", r.surface)
		}
		seen[k] = true
	}
}

func TestMaskCountsAdd(t *testing.T) {
	c := MaskCounts{Phone: 1, Name: 2}
	c.Add(MaskCounts{Phone: 1, Email: 1, Postal: 1, Address: 1, Number: 1, Name: 1})
	if want := (MaskCounts{Phone: 2, Email: 1, Postal: 1, Address: 1, Number: 1, Name: 3}); c != want || c.Total() != 9 {
		t.Errorf("got %+v (total %d), want %+v (total 9)", c, c.Total(), want)
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"ｱｲｳ", "親譲《おやゆず》り", "｜折戸《おりど》", "［＃注］", "!!??", "a  b\n\n c", "https://x.jp/~a!!", "a@b.jp～", "゛ﾞ", "\u200b\r\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Normalize(s)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("Normalize(%q) = %q is not UTF-8", s, got)
		}
		if again := Normalize(got); again != got {
			t.Fatalf("not idempotent: %q → %q → %q", s, got, again)
		}
	})
}

func FuzzUserDict(f *testing.F) {
	f.Add("安曇野,安曇野,アズミノ,名詞-固有名詞-地域-一般\n")
	f.Add("a,a,a,x\n#c\n\nbb,b b,c c,名詞\n")
	f.Add("\ufeffAI,AI,エーアイ,名詞\r\n")
	f.Fuzz(func(t *testing.T, dict string) {
		tk, err := New(Options{UserDicts: [][]byte{[]byte(dict)}, Compounds: true})
		if err != nil {
			return
		}
		// Whatever parsed must tokenize its own surfaces without panicking.
		for _, line := range strings.Split(dict, "\n") {
			surface, _, _ := strings.Cut(line, ",")
			tk.Terms(surface)
			tk.WriteTokens(&bytes.Buffer{}, surface, FormatMeCab)
		}
	})
}

func FuzzMask(f *testing.F) {
	tk := newTestTokenizer(f)
	for _, s := range []string{"田中さん090-1234-5678", "〒399-8205 豊科4丁目2番3号", "a@b.jp", "(0263)72-3111", "ゆいちゃんと", "+81", "((1", "1-2-3-4-5-6"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, c := tk.Mask(s)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("Mask(%q) = %q is not UTF-8", s, got)
		}
		n := 0
		for _, p := range placeholders {
			n += strings.Count(got, p) - strings.Count(Normalize(s), p)
		}
		if n != c.Total() {
			t.Fatalf("Mask(%q) = %q: counts %+v do not match %d new placeholders", s, got, c, n)
		}
	})
}
