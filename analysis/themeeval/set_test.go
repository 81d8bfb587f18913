package themeeval

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"koe/analysis/tokenize"
)

func TestReadSet(t *testing.T) {
	for _, tc := range []struct {
		name, in    string
		labels      []string
		texts       []string
		errContains string
	}{
		{name: "comments and blanks", in: "# header\n\nA\tone\r\nB\ttwo\n",
			labels: []string{"A", "B"}, texts: []string{"one", "two"}},
		{name: "BOM and spaces", in: "\ufeff 交通 \t バスが少ない \n",
			labels: []string{"交通"}, texts: []string{"バスが少ない"}},
		{name: "tab in text kept", in: "A\tone\ttwo\n", labels: []string{"A"}, texts: []string{"one\ttwo"}},
		{name: "no tab", in: "# x\nA one\n", errContains: "set.tsv:2: no tab"},
		{name: "empty label", in: "\tone\n", errContains: "set.tsv:1: empty label"},
		{name: "empty text", in: "A\t \n", errContains: "set.tsv:1: empty text"},
		{name: "not UTF-8", in: "A\t\xff\n", errContains: "set.tsv:1: not UTF-8"},
		{name: "nothing", in: "# only a comment\n", errContains: "set.tsv: no items"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := ReadSet(strings.NewReader(tc.in), "set.tsv")
			if tc.errContains != "" {
				if err == nil || !strings.Contains(err.Error(), tc.errContains) {
					t.Fatalf("err = %v, want one containing %q", err, tc.errContains)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(s.Labels, tc.labels) || !reflect.DeepEqual(s.Texts, tc.texts) {
				t.Errorf("got %q %q, want %q %q", s.Labels, s.Texts, tc.labels, tc.texts)
			}
		})
	}
}

func TestClasses(t *testing.T) {
	s := &Set{Labels: []string{"b", "a", "b", "c", "a"}}
	got, k := s.Classes()
	if want := []int{0, 1, 0, 2, 1}; k != 3 || !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, %d; want %v, 3", got, k, want)
	}
}

func FuzzReadSet(f *testing.F) {
	f.Add("# c\nA\tone\nB\ttwo\n")
	f.Add("\ufeffA\tx\r\n\n")
	f.Add("A\n")
	f.Fuzz(func(t *testing.T, in string) {
		s, err := ReadSet(strings.NewReader(in), "fuzz")
		if err != nil {
			return
		}
		if len(s.Labels) != len(s.Texts) || len(s.Texts) == 0 {
			t.Fatalf("%d labels, %d texts", len(s.Labels), len(s.Texts))
		}
		for i := range s.Texts {
			if s.Labels[i] == "" || s.Texts[i] == "" {
				t.Fatalf("item %d: empty label or text", i)
			}
		}
	})
}

func TestTopicTerms(t *testing.T) {
	n := func(b string) tokenize.Term { return tokenize.Term{Base: b, POS: "名詞"} }
	v := func(b string) tokenize.Term { return tokenize.Term{Base: b, POS: "動詞"} }
	for _, tc := range []struct {
		in   []tokenize.Term
		want []string
	}{
		{[]tokenize.Term{n("バス"), v("増やす"), n("本数")}, []string{"バス", "本数"}},
		{[]tokenize.Term{v("困る"), v("行く")}, []string{"困る", "行く"}},
		{nil, nil},
	} {
		t.Run(fmt.Sprint(tc.want), func(t *testing.T) {
			if got := TopicTerms(tc.in); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func ExampleReadSet() {
	s, err := ReadSet(strings.NewReader("# area<TAB>answer\n交通\tバスを増やしてほしい\n子育て\t保育園に入れない\n交通\t駅の駐車場が足りない\n"), "example.tsv")
	if err != nil {
		fmt.Println(err)
		return
	}
	classes, k := s.Classes()
	fmt.Println(len(s.Texts), "answers in", k, "areas:", classes)
	// Output: 3 answers in 2 areas: [0 1 0]
}
