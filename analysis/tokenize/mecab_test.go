package tokenize

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// aozoraLines returns the non-empty normalised lines of the Aozora texts in
// ../shared, or skips.
func aozoraLines(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(sharedDir(t), "realdata", "aozora", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, f := range files {
		if filepath.Base(f) == "SOURCE.txt" {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(b), "\n") {
			if l = Normalize(l); l != "" {
				lines = append(lines, l)
			}
		}
	}
	if len(lines) == 0 {
		t.Skip("no Aozora texts in ../shared/realdata/aozora")
	}
	return lines
}

// mecabIPA finds MeCab and an IPA dictionary for it, or skips.
func mecabIPA(t *testing.T) (bin, dicdir string) {
	t.Helper()
	bin, err := exec.LookPath("mecab")
	if err != nil {
		t.Skip("mecab is not installed (apt-get install mecab mecab-ipadic-utf8)")
	}
	for _, d := range []string{
		"/var/lib/mecab/dic/ipadic-utf8",
		"/usr/lib/x86_64-linux-gnu/mecab/dic/ipadic-utf8",
		"/usr/lib/mecab/dic/ipadic-utf8",
		"/usr/local/lib/mecab/dic/ipadic",
		"/opt/homebrew/lib/mecab/dic/ipadic",
	} {
		if _, err := os.Stat(filepath.Join(d, "sys.dic")); err == nil {
			return bin, d
		}
	}
	t.Skip("mecab is installed but no IPA dictionary was found")
	return "", ""
}

// TestMeCabAgreement compares koe's tokens with MeCab+IPA on the Aozora texts
// (ruby stripped by Normalize). It logs boundary precision, recall and F1 —
// a boundary being the byte offset where a token ends inside a line — and
// the share of tokens that MeCab also outputs with the same span and the same
// features. The brief's target is boundary F1 ≥ 0.993.
func TestMeCabAgreement(t *testing.T) {
	lines := aozoraLines(t)
	bin, dicdir := mecabIPA(t)
	cmd := exec.Command(bin, "-d", dicdir, "-b", "1048576")
	cmd.Stdin = strings.NewReader(strings.Join(lines, "\n") + "\n")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("mecab: %v", err)
	}
	type token struct {
		start, end int
		features   string
	}
	var mecab [][]token
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 0, 1<<16), 1<<20)
	var cur []token
	pos, skipped := 0, 0
	for sc.Scan() {
		l := sc.Text()
		if l == "EOS" {
			mecab = append(mecab, cur)
			cur, pos = nil, 0
			continue
		}
		surface, feat, ok := strings.Cut(l, "\t")
		if !ok || len(mecab) >= len(lines) {
			t.Fatalf("unexpected mecab line %q", l)
		}
		line := lines[len(mecab)]
		for pos < len(line) && line[pos] == ' ' {
			pos++
		}
		if !strings.HasPrefix(line[pos:], surface) {
			// MeCab re-spelled something; drop this line from the comparison.
			cur = append(cur, token{-1, -1, ""})
			continue
		}
		cur = append(cur, token{pos, pos + len(surface), feat})
		pos += len(surface)
	}
	if len(mecab) != len(lines) {
		t.Fatalf("mecab returned %d lines for %d", len(mecab), len(lines))
	}
	tk := newTestTokenizer(t)
	var common, ours, theirs, sameTok, sameFeat, nTok int
	var f [9]string
	for i, line := range lines {
		m := mecab[i]
		bad := false
		for _, x := range m {
			bad = bad || x.start < 0
		}
		if bad {
			skipped++
			continue
		}
		kb := map[int]bool{}
		ks := map[[2]int]string{}
		for _, k := range tk.analyze(line, nil) {
			if k.cls == clsSpace {
				continue
			}
			if k.end < len(line) {
				kb[k.end] = true
			}
			n := tk.features(&k, &f)
			ks[[2]int{k.start, k.end}] = strings.Join(f[:n], ",")
		}
		ours += len(kb)
		for _, x := range m {
			nTok++
			if feat, ok := ks[[2]int{x.start, x.end}]; ok {
				sameTok++
				if feat == x.features {
					sameFeat++
				}
			}
			if x.end >= len(line) {
				continue
			}
			theirs++
			if kb[x.end] {
				common++
			}
		}
	}
	p := float64(common) / float64(ours)
	r := float64(common) / float64(theirs)
	f1 := 2 * p * r / (p + r)
	t.Logf("%d lines (%d skipped), %d MeCab tokens", len(lines), skipped, nTok)
	t.Logf("boundary precision %.5f recall %.5f F1 %.5f", p, r, f1)
	t.Logf("same span %.5f, same span and features %.5f", float64(sameTok)/float64(nTok), float64(sameFeat)/float64(nTok))
	if f1 < 0.993 {
		t.Errorf("boundary F1 %.5f below 0.993", f1)
	}
}
