package tokenize

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
