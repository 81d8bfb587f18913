package tokenize

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// maskCase is one line of testdata/mask.tsv.
type maskCase struct {
	line     int
	in, want string
	section  string
}

func readMaskSet(t *testing.T) []maskCase {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "mask.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []maskCase
	sc := bufio.NewScanner(f)
	n, section := 0, ""
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.HasPrefix(line, "## ") {
			section = strings.TrimPrefix(line, "## ")
			continue
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		in, want, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("mask.tsv:%d: no tab between input and expected output", n)
		}
		out = append(out, maskCase{line: n, in: in, want: want, section: section})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// maskKinds pairs each placeholder with the MaskCounts field it counts.
var maskKinds = []struct {
	name, placeholder string
	count             func(MaskCounts) int
}{
	{"phone", PhonePlaceholder, func(c MaskCounts) int { return c.Phone }},
	{"email", EmailPlaceholder, func(c MaskCounts) int { return c.Email }},
	{"postal", PostalPlaceholder, func(c MaskCounts) int { return c.Postal }},
	{"address", AddressPlaceholder, func(c MaskCounts) int { return c.Address }},
	{"number", NumberPlaceholder, func(c MaskCounts) int { return c.Number }},
	{"name", NamePlaceholder, func(c MaskCounts) int { return c.Name }},
}

// TestMaskSet scores Mask on testdata/mask.tsv. Per line and kind, the
// placeholders in the output are matched with those expected: matched ones
// are true positives, extra ones false positives, missing ones false
// negatives. Every line must also reproduce the expected text exactly for the
// exact-match rate.
func TestMaskSet(t *testing.T) {
	tk := newTestTokenizer(t)
	cases := readMaskSet(t)
	if len(cases) < 100 {
		t.Fatalf("mask.tsv has %d cases, want at least 100", len(cases))
	}
	type score struct{ tp, fp, fn int }
	scores := make([]score, len(maskKinds))
	exact := 0
	for _, c := range cases {
		got, counts := tk.Mask(c.in)
		if got == c.want {
			exact++
		} else {
			t.Logf("mask.tsv:%d [%s]\n in:   %s\n got:  %s\n want: %s", c.line, c.section, c.in, got, c.want)
		}
		for k, mk := range maskKinds {
			g := strings.Count(got, mk.placeholder)
			w := strings.Count(c.want, mk.placeholder)
			if n := mk.count(counts); n != g {
				t.Errorf("mask.tsv:%d: MaskCounts.%s = %d, but %d placeholders in the output", c.line, mk.name, n, g)
			}
			m := min(g, w)
			scores[k].tp += m
			scores[k].fp += g - m
			scores[k].fn += w - m
		}
	}
	ratio := func(a, b int) float64 {
		if b == 0 {
			return 1
		}
		return float64(a) / float64(b)
	}
	var all score
	for k, mk := range maskKinds {
		s := scores[k]
		all.tp += s.tp
		all.fp += s.fp
		all.fn += s.fn
		p, r := ratio(s.tp, s.tp+s.fp), ratio(s.tp, s.tp+s.fn)
		t.Logf("%-7s precision %.3f recall %.3f (tp %d, fp %d, fn %d)", mk.name, p, r, s.tp, s.fp, s.fn)
		minRecall := 0.0
		switch mk.name {
		case "phone", "email", "postal":
			minRecall = 0.99
		case "name":
			minRecall = 0.9
		}
		if r < minRecall {
			t.Errorf("%s recall %.3f, want at least %.2f", mk.name, r, minRecall)
		}
	}
	p, r := ratio(all.tp, all.tp+all.fp), ratio(all.tp, all.tp+all.fn)
	t.Logf("overall precision %.3f recall %.3f; exact output %d/%d lines", p, r, exact, len(cases))
	if p < 0.9 {
		t.Errorf("overall precision %.3f, want at least 0.90", p)
	}
}

// maskTermsAgree fails t unless MaskTerms gives what Mask and then Terms of
// the masked text give.
func maskTermsAgree(t *testing.T, tk *Tokenizer, in string) {
	t.Helper()
	wantMasked, wantCounts := tk.Mask(in)
	wantTerms := tk.Terms(wantMasked)
	masked, counts, terms := tk.MaskTerms(in)
	if masked != wantMasked || counts != wantCounts || !slices.Equal(terms, wantTerms) {
		t.Errorf("MaskTerms(%q) = %q %+v %v\nMask, Terms give %q %+v %v", in, masked, counts, terms, wantMasked, wantCounts, wantTerms)
	}
}

// TestMaskTerms: tokenizing once for masking and terms gives what masking
// and then tokenizing the masked text give, on the masking set (names,
// phones, addresses: texts that change), the sample's free-text answers
// (mostly texts that do not) and texts that already hold placeholders,
// protected spans or odd characters.
func TestMaskTerms(t *testing.T) {
	tk := newTestTokenizer(t)
	var texts []string
	for _, c := range readMaskSet(t) {
		texts = append(texts, c.in, c.want)
	}
	b, err := os.ReadFile(filepath.Join("..", "..", "data", "sample", "r8", "survey.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, cell := range strings.FieldsFunc(string(b), func(r rune) bool { return r == ',' || r == '\n' }) {
		if utf8.RuneCountInString(cell) > 8 {
			texts = append(texts, strings.Trim(cell, `"`))
		}
	}
	texts = append(texts, "", " ", "〔氏名〕さんに聞いた", "連絡は "+PhonePlaceholder+" まで", "https://example.jp/安曇野 を見て",
		"ｱｽﾞﾐﾉ　ﾃﾞﾏﾝﾄﾞ交通", "穂高\u200b神社", "\xff\xfe壊れた", "松本さんと〔", "〔〕〔番号〕123-4567")
	if len(texts) < 300 {
		t.Fatalf("only %d texts", len(texts))
	}
	for _, s := range texts {
		maskTermsAgree(t, tk, s)
	}
}

func FuzzMaskTerms(f *testing.F) {
	for _, s := range []string{"松本さんに電話 090-1234-5678", "バスの本数を増やしてほしい", "〔氏名〕", "info@example.jp"} {
		f.Add(s)
	}
	tk := newTestTokenizer(f)
	f.Fuzz(func(t *testing.T, s string) { maskTermsAgree(t, tk, s) })
}
