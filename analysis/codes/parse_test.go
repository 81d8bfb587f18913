package codes

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// render prints a parsed condition as an s-expression, so that tests can
// state the tree the parser built.
func render(x *node) string {
	words := func(ps []pattern, sep string) string {
		var parts []string
		for _, p := range ps {
			s := p.text
			if p.anyBefore {
				s = "*" + s
			}
			if p.anyAfter {
				s += "*"
			}
			parts = append(parts, s)
		}
		return strings.Join(parts, sep)
	}
	ops := map[cmpOp]string{cmpGE: ">=", cmpGT: ">", cmpLE: "<=", cmpLT: "<", cmpEQ: "=="}
	switch x.kind {
	case nTerm:
		s := words(x.pats, "+")
		if x.op != cmpNone {
			s = fmt.Sprintf("(%s %s %d)", ops[x.op], s, x.n)
		}
		return s
	case nNear:
		return fmt.Sprintf("near(%s)[%d]", words(x.pats, "-"), x.n)
	case nSeq:
		return fmt.Sprintf("seq(%s)[%d]", words(x.pats, "-"), x.n)
	case nRef:
		return "<" + x.ref + ">"
	}
	name := map[nkind]string{nNot: "not", nAnd: "and", nOr: "or"}[x.kind]
	parts := []string{name}
	for _, k := range x.kids {
		parts = append(parts, render(k))
	}
	return "(" + strings.Join(parts, " ") + ")"
}

func TestParseConditions(t *testing.T) {
	tests := []struct {
		name, cond, want string
	}{
		{"word", "災害", "災害"},
		{"or and not precedence", "災害 or 防災 and not 避難", "(or 災害 (and 防災 (not 避難)))"},
		{"symbols", "災害 | 防災 & !避難", "(or 災害 (and 防災 (not 避難)))"},
		{"symbols without spaces", "(災害|防災)&!避難", "(and (or 災害 防災) (not 避難))"},
		{"full-width operators", "（災害｜防災）＆！避難", "(and (or 災害 防災) (not 避難))"},
		{"keywords any case", "A AND B Or NOT C", "(or (and a b) (not c))"},
		{"chains flatten", "a or b or c and d and e", "(or a b (and c d e))"},
		{"parentheses", "(a or b) and (c or (d and e))", "(and (or a b) (or c (and d e)))"},
		{"double not", "not not a", "(not (not a))"},
		{"count", "災害 >= 2", "(>= 災害 2)"},
		{"count ops", "a>1 & b<=2 & c<3 & d==0 & e=4", "(and (> a 1) (<= b 2) (< c 3) (== d 0) (== e 4))"},
		{"full-width count", "災害＞＝２", "(>= 災害 2)"},
		{"phrase", "公共+交通", "公共+交通"},
		{"phrase of three with count", "a+b+c >= 2", "(>= a+b+c 2)"},
		{"near default span", "near(駅-バス)", "near(駅-バス)[10]"},
		{"near span", "near(駅-バス-本数)[3]", "near(駅-バス-本数)[3]"},
		{"near spaces", "near( 駅 - バス ) [ 3 ]", "near(駅-バス)[3]"},
		{"seq", "seq(免許-返納)", "seq(免許-返納)[0]"},
		{"seq span", "SEQ(免許-返納)[2]", "seq(免許-返納)[2]"},
		{"near as a word", "near or seq", "(or near seq)"},
		{"hyphen outside lists", "Wi-Fi or near(Wi-Fi)", "(or wi-fi near(wi-fi)[10])"},
		{"reference", "<＊防災> and not <*交通>", "(and <防災> (not <交通>))"},
		{"full-width reference", "＜＊防災＞", "<防災>"},
		{"wildcards", "交通* or *交通 or *交通*", "(or 交通* *交通 *交通*)"},
		{"quoted keyword", `"and" or "*"`, "(or and *)"},
		{"nfkc and case", "ＳＤＧｓ or ｶﾞｽ", "(or sdgs ガス)"},
		{"several lines", "災害 or\n防災\n  or 避難", "(or 災害 防災 避難)"},
		{"inline comment", "災害 # 自然災害も\nor 防災", "(or 災害 防災)"},
		{"hash inside a word", "C#", "c#"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := "＊x\n" + tc.cond + "\n＊防災\nA\n＊交通\nB\n"
			r, err := Parse([]byte(src), "t.txt")
			if err != nil {
				t.Fatalf("Parse(%q): %v", src, err)
			}
			if got := render(r.defs[0].expr); got != tc.want {
				t.Errorf("Parse(%q) = %s, want %s", tc.cond, got, tc.want)
			}
		})
	}
}

func TestParseHeaders(t *testing.T) {
	tests := []struct {
		name, src string
		want      []Code
	}{
		{"id only", "＊防災\n災害\n", []Code{{ID: "防災", Label: "防災", Pillar: OtherPillar, Line: 1, Cond: "災害"}}},
		{"ascii star, label, pillar by number", "*bosai | 災害・防災 | 1\n 災害 or 防災\n",
			[]Code{{ID: "bosai", Label: "災害・防災", Pillar: pillars[0], Line: 1, Cond: "災害 or 防災"}}},
		{"pillar as (n) name", "＊x | X | (4) 新時代のインフラ整備\nA\n",
			[]Code{{ID: "x", Label: "X", Pillar: pillars[3], Line: 1, Cond: "A"}}},
		{"pillar by name, full-width bar", "＊x｜X｜広域リージョン連携\nA\n",
			[]Code{{ID: "x", Label: "X", Pillar: pillars[4], Line: 1, Cond: "A"}}},
		{"own heading kept", "＊x | X | 第2章 暮らし\nA\n",
			[]Code{{ID: "x", Label: "X", Pillar: "第2章 暮らし", Line: 1, Cond: "A"}}},
		{"empty label falls back to id", "＊x | | その他\nA\n",
			[]Code{{ID: "x", Label: "x", Pillar: OtherPillar, Line: 1, Cond: "A"}}},
		{"id normalised", "＊ＳＤＧｓ\nA\n", []Code{{ID: "SDGs", Label: "SDGs", Pillar: OtherPillar, Line: 1, Cond: "A"}}},
		{"comments, blanks, BOM, CRLF", "\uFEFF# rules\r\n\r\n＊a\r\n# note\r\n  A or\r\n\r\n  B\r\n＊b\r\nC\r\n",
			[]Code{
				{ID: "a", Label: "a", Pillar: OtherPillar, Line: 3, Cond: "A or B"},
				{ID: "b", Label: "b", Pillar: OtherPillar, Line: 8, Cond: "C"},
			}},
		{"empty file", "", nil},
		{"only comments", "# nothing yet\n", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Parse([]byte(tc.src), "t.txt")
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if len(r.Codes) != len(tc.want) {
				t.Fatalf("got %d codes %+v, want %d", len(r.Codes), r.Codes, len(tc.want))
			}
			for i, w := range tc.want {
				w.Path = "t.txt"
				if r.Codes[i] != w {
					t.Errorf("code %d = %+v, want %+v", i, r.Codes[i], w)
				}
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // every message, in order
	}{
		{"unclosed paren", "＊a\n災害 and (防災 or\n  避難\n",
			[]string{"t.txt:3:5: expected ')' to close '(' at 2:8, found the end of the condition"}},
		{"unclosed paren, word follows", "＊a\n(災害 防災)\n",
			[]string{"t.txt:2:5: expected ')' to close '(' at 2:1, found 防災: join conditions with 'and' or 'or'"}},
		{"stray close", "＊a\n災害)\n", []string{"t.txt:2:3: unexpected ')': no '(' is open"}},
		{"missing operator across lines", "＊a\n災害\n防災\n",
			[]string{"t.txt:3:1: expected 'and' or 'or' before 防災: a condition on several lines is one expression, so join its parts with an operator"}},
		{"dangling or", "＊a\n災害 or\n",
			[]string{"t.txt:2:6: expected a word, '(' or <＊code> after or, found the end of the condition"}},
		{"double operator", "＊a\n災害 and or 防災\n",
			[]string{"t.txt:2:8: expected a word, '(' or <＊code> after and, found or: or needs a condition on each side"}},
		{"leading operator", "＊a\n& 災害\n",
			[]string{"t.txt:2:1: expected a word, '(' or <＊code>, found &: & needs a condition on each side"}},
		{"empty group", "＊a\n()\n", []string{"t.txt:2:2: expected a word, '(' or <＊code> after (, found ')'"}},
		{"count without word", "＊a\n>= 2\n",
			[]string{"t.txt:2:1: expected a word, '(' or <＊code>, found >=: a count comparison follows a word, e.g. 災害 >= 2"}},
		{"count without number", "＊a\n災害 >= 多い\n", []string{"t.txt:2:7: expected a count after >=, e.g. 災害 >= 2, found 多い"}},
		{"count at end", "＊a\n災害 >\n", []string{"t.txt:2:5: expected a count after >, e.g. 災害 > 2, found the end of the condition"}},
		{"count too large", "＊a\n災害 > 99999999999\n", []string{"t.txt:2:6: 99999999999 is too large: at most 1000000"}},
		{"count on a reference", "＊a\n<＊b> >= 2\n＊b\nB\n", []string{"t.txt:2:6: a count comparison follows a word or phrase, not <＊code>"}},
		{"phrase missing word", "＊a\n公共+\n", []string{"t.txt:2:4: expected a word after + in a phrase, e.g. 公共+交通, found the end of the condition"}},
		{"near one word", "＊a\nnear(駅)\n", []string{"t.txt:2:7: near( ) needs at least two words separated by '-', e.g. near(駅-バス)"}},
		{"near unclosed", "＊a\nnear(駅-バス\n", []string{"t.txt:2:10: expected '-' between words or ')' to close near( at 2:5, found the end of the condition"}},
		{"near bad span", "＊a\nnear(駅-バス)[x]\n", []string{"t.txt:2:12: expected a whole number of terms in [ ], e.g. [5], found x"}},
		{"near zero span", "＊a\nnear(駅-バス)[0]\n", []string{"t.txt:2:12: the span in [ ] must be at least 1"}},
		{"near unclosed span", "＊a\nnear(駅-バス)[3\n", []string{"t.txt:2:13: expected ']' to close '[' at 2:11, found the end of the condition"}},
		{"seq reference inside", "＊a\nseq(<＊b>-x)\n", []string{"t.txt:2:5: expected a word in seq( ), e.g. seq(駅-バス), found <＊b>: join conditions with 'and' or 'or'"}},
		{"unclosed reference", "＊a\n<＊防災 or 避難\n", []string{"t.txt:2:1: expected '>' to close '<＊' at 2:1"}},
		{"empty reference", "＊a\n<＊>\n", []string{"t.txt:2:1: expected a code name in <＊…>, e.g. <＊防災>"}},
		{"unclosed quote", "＊a\n\"and\n", []string{"t.txt:2:1: expected '\"' to close the quote at 2:1"}},
		{"lone wildcard starts a header", "＊a\n*\n", []string{
			"t.txt:1:2: code a has no condition: write one on the lines below it, e.g. 災害 or 防災; a condition line that starts with * (a wildcard) must be indented, or it starts a new code",
			"t.txt:2:2: expected a code name after ＊, e.g. ＊防災 | 災害・防災",
		}},
		{"indented lone wildcard", "＊a\n *\n", []string{"t.txt:2:2: a wildcard needs some text, e.g. 交通* or *交通*"}},
		{"wildcard inside", "＊a\n 交*通\n", []string{"t.txt:2:3: '*' stands only at the start or end of a word (quote the word to match a literal *)"}},
		{"too deep", "＊a\n" + strings.Repeat("(", 300) + "x" + strings.Repeat(")", 300) + "\n",
			[]string{"t.txt:2:201: conditions nested more than 200 deep: simplify it, or split it into codes joined with <＊code>"}},
		{"header without id", "＊ | ラベル\nA\n", []string{"t.txt:1:2: expected a code name after ＊, e.g. ＊防災 | 災害・防災"}},
		{"header with space", "＊防災 災害・防災\nA\n",
			[]string{"t.txt:1:4: code name 防災 is followed by \"災害・防災\": a code name has no spaces; put the label after '|', e.g. ＊防災 | 災害・防災"}},
		{"header bad char", "＊a<b\nA\n", []string{"t.txt:1:3: a code name cannot contain '<': it is part of the <＊code> syntax"}},
		{"header too many bars", "＊a | b | 1 | d\nA\n", []string{"t.txt:1:12: too many '|': a header is ＊name | label | pillar"}},
		{"pillar out of range", "＊a | b | (6)\nA\n", []string{"t.txt:1:10: pillar (6) is not one of the five: write 1–5, a pillar's name, or any other heading without a number"}},
		{"no condition", "＊a\n＊b\nB\n", []string{"t.txt:1:2: code a has no condition: write one on the lines below it, e.g. 災害 or 防災"}},
		{"condition before any code", "災害\n防災\n＊a\nA\n", []string{"t.txt:1:1: condition outside any code: start a code with a line ＊name above it"}},
		{"duplicate id", "＊a\nA\n＊ａ\nB\n", []string{"t.txt:3:2: code a is already defined at 1:2: give this one another id"}},
		{"unknown reference", "＊a\nA or <＊b>\n", []string{"t.txt:2:6: unknown code <＊b>: define it with a line ＊b, or check the spelling"}},
		{"self reference", "＊a\nA or <＊a>\n", []string{"t.txt:2:6: code a refers to itself: a code may use its own id only when it replaces a built-in code of that id"}},
		{"cycle", "＊a\n<＊b>\n＊b\n<＊c>\n＊c\nx or <＊a>\n",
			[]string{"t.txt:2:1: code a refers back to itself (a → b → c → a): break the cycle"}},
		{"invalid utf-8", "＊a\nA or \xff\nB\n", []string{"t.txt:2:6: invalid UTF-8: save the file as UTF-8"}},
		{"invalid utf-8 header", "＊a\nA\n＊\xff\nB\n＊c\n<＊a> or", []string{
			"t.txt:3:2: invalid UTF-8: save the file as UTF-8",
			"t.txt:6:8: expected a word, '(' or <＊code> after or, found the end of the condition",
		}},
		{"all problems, in order", "＊a\n(A\n＊b\nB or\n＊c\nC\n",
			[]string{
				"t.txt:2:3: expected ')' to close '(' at 2:1, found the end of the condition",
				"t.txt:4:5: expected a word, '(' or <＊code> after or, found the end of the condition",
			}},
		{"references to broken codes are not reported twice", "＊a\n(A\n＊b\n<＊a>\n",
			[]string{"t.txt:2:3: expected ')' to close '(' at 2:1, found the end of the condition"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Parse([]byte(tc.src), "t.txt")
			if err == nil {
				t.Fatalf("Parse(%q) = %d codes, want errors", tc.src, len(r.Codes))
			}
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("error %v is %T, want Errors", err, err)
			}
			var got []string
			for _, e := range es {
				got = append(got, e.Error())
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("Parse(%q) errors:\n%s\nwant:\n%s", tc.src, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestErrorsGolden runs a file with many mistakes, as an analyst might first
// write it, and compares every message with testdata/errors.golden.
func TestErrorsGolden(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "errors.txt"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Parse(src, "errors.txt")
	if err == nil {
		t.Fatal("Parse(testdata/errors.txt) succeeded, want errors")
	}
	got := err.Error() + "\n"
	golden := filepath.Join("testdata", "errors.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("errors differ from %s (rerun with -update if the change is intended):\ngot:\n%s\nwant:\n%s", golden, got, want)
	}
}
