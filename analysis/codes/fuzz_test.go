package codes

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"koe/data"
)

// FuzzParse checks that no rule file makes Parse or Match panic, that every
// error points inside the input, and that matching is repeatable.
func FuzzParse(f *testing.F) {
	// The first codes of the built-in file: the whole file is a slow seed
	// to mutate and minimise.
	if i := indexNth(data.Codes, []byte("\n＊"), 3); i > 0 {
		f.Add(data.Codes[:i])
	}
	if b, err := os.ReadFile(filepath.Join("testdata", "errors.txt")); err == nil {
		f.Add(b)
	}
	for _, s := range []string{
		"", "＊a\n災害 or 防災\n", "*a | b | 1\n near(a-b)[2] and not seq(b-a)\n",
		"＊a\n<＊b> or x >= 2\n＊b\n \"y\" + z*\n", "＊a\n((a\n", "＊a\n<＊a>\n",
		"\uFEFF＊a\r\n  *交通* & !a+b\r\n", "＊\xff\n\xfe\n", "災害\n", "＊a｜b｜(9)\nx\n",
		"＊a\nnear(a-a-a-a)[1] or seq(a-b-a)[3]\n", "＊a\n<＊",
	} {
		f.Add([]byte(s))
	}
	base := builtinRules(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		r, err := Parse(src, "f.txt")
		if err != nil {
			checkLocated(t, src, err)
		} else {
			// Every word of the input as a term, so that conditions have
			// something to find.
			terms := strings.Fields(string(src))
			if len(terms) > 300 {
				terms = terms[:300]
			}
			m1 := r.Match(terms)
			m2 := r.Match(terms)
			if !slices.Equal(m1, m2) {
				t.Fatalf("Match not repeatable: %v then %v", m1, m2)
			}
			seen := map[string]bool{}
			for _, c := range r.Codes {
				if seen[c.ID] {
					t.Fatalf("duplicate code id %q", c.ID)
				}
				seen[c.ID] = true
			}
		}
		if r, err := ParseWith(src, "f.txt", base); err == nil {
			r.Match(strings.Fields(string(src)))
		} else {
			for _, e := range err.(Errors) {
				// A cycle may be closed by a built-in code; such a message
				// names the built-in file.
				if e.Path == "f.txt" {
					checkLocated(t, src, Errors{e})
				}
			}
		}
	})
}

func checkLocated(t *testing.T, src []byte, err error) {
	t.Helper()
	var es Errors
	if !errors.As(err, &es) || len(es) == 0 {
		t.Fatalf("error %v (%T) is not a non-empty Errors", err, err)
	}
	lines := strings.Split(strings.TrimPrefix(string(src), "\uFEFF"), "\n")
	for _, e := range es {
		if e.Path != "f.txt" || e.Message == "" {
			t.Fatalf("bad error %+v", e)
		}
		if e.Line < 1 || e.Line > len(lines) {
			t.Fatalf("error %v: line outside 1..%d", e, len(lines))
		}
		n := utf8.RuneCountInString(strings.TrimSuffix(lines[e.Line-1], "\r"))
		if e.Column < 1 || e.Column > n+1 {
			t.Fatalf("error %v: column outside 1..%d of line %q", e, n+1, lines[e.Line-1])
		}
	}
}

// indexNth is the index of the n-th occurrence of sep in b, or -1.
func indexNth(b, sep []byte, n int) int {
	at := 0
	for range n {
		i := bytes.Index(b[at:], sep)
		if i < 0 {
			return -1
		}
		at += i + len(sep)
	}
	return at - len(sep)
}
