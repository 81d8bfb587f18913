package csvx

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
)

type rec struct {
	line   int
	fields []string
	starts []int // FieldLines
}

func readAll(t testing.TB, r *Reader) ([]rec, []Warning, error) {
	t.Helper()
	var out []rec
	var warns []Warning
	for {
		x, err := r.Read()
		if err == io.EOF {
			return out, warns, nil
		}
		if err != nil {
			return out, warns, err
		}
		out = append(out, rec{x.Line, x.Fields, x.FieldLines})
		warns = append(warns, x.Warnings...)
	}
}

func TestRead(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		comma byte // 0: detect
		want  []rec
		warns []Warning
		blank int
	}{
		{"lf", "a,b\n1,2\n", 0, []rec{{1, []string{"a", "b"}, []int{1, 1}}, {2, []string{"1", "2"}, []int{2, 2}}}, nil, 0},
		{"crlf no final newline", "a,b\r\n1,2", 0, []rec{{1, []string{"a", "b"}, []int{1, 1}}, {2, []string{"1", "2"}, []int{2, 2}}}, nil, 0},
		{"mixed line ends", "a,b\r\n1,2\n3,4\r\n", 0, []rec{{1, []string{"a", "b"}, []int{1, 1}}, {2, []string{"1", "2"}, []int{2, 2}}, {3, []string{"3", "4"}, []int{3, 3}}}, nil, 0},
		{"final cr at eof", "a,b\r", 0, []rec{{1, []string{"a", "b"}, []int{1, 1}}}, nil, 0},
		{"tab detected", "地区\t年代\r\n穂高\t30代\r\n", 0, []rec{{1, []string{"地区", "年代"}, []int{1, 1}}, {2, []string{"穂高", "30代"}, []int{2, 2}}}, nil, 0},
		// A header with more commas (inside quotes) than tabs outside is
		// still tab-separated: only separators outside quotes count.
		{"tab with quoted commas", "\"a,b,c\"\td\n", 0, []rec{{1, []string{"a,b,c", "d"}, []int{1, 1}}}, nil, 0},
		// A title row with no separator decides nothing; the header does.
		{"title row then tabs", "調査結果\n地区\t年代\n", 0, []rec{{1, []string{"調査結果"}, []int{1}}, {2, []string{"地区", "年代"}, []int{2, 2}}}, nil, 0},
		{"comma given", "a\tb,c\n", ',', []rec{{1, []string{"a\tb", "c"}, []int{1, 1}}}, nil, 0},
		// The record on line 2 holds two newlines, so the next record
		// starts on line 5, and its second cell starts on line 3.
		{"newlines in quoted cell", "id,text\n1,\"一行目\r\n二行目\n三行目\"\n2,x\n", 0,
			[]rec{{1, []string{"id", "text"}, []int{1, 1}}, {2, []string{"1", "一行目\n二行目\n三行目"}, []int{2, 2}}, {5, []string{"2", "x"}, []int{5, 5}}}, nil, 0},
		{"cell after multi-line cell", "\"a\nb\",c\n", 0, []rec{{1, []string{"a\nb", "c"}, []int{1, 2}}}, nil, 0},
		{"escaped quotes", "\"彼は\"\"はい\"\"と言った\",x\n", 0, []rec{{1, []string{"彼は\"はい\"と言った", "x"}, []int{1, 1}}}, nil, 0},
		{"empty quoted", "\"\",\"\"\n", 0, []rec{{1, []string{"", ""}, []int{1, 1}}}, nil, 0},
		{"trailing empty columns", "a,b,,\n1,2,,\n", 0, []rec{{1, []string{"a", "b", "", ""}, []int{1, 1, 1, 1}}, {2, []string{"1", "2", "", ""}, []int{2, 2, 2, 2}}}, nil, 0},
		{"blank lines skipped", "a\n\n\r\nb\n", 0, []rec{{1, []string{"a"}, []int{1}}, {4, []string{"b"}, []int{4}}}, nil, 2},
		{"bare quote", "a,b\n1,30\"代\n", 0, []rec{{1, []string{"a", "b"}, []int{1, 1}}, {2, []string{"1", "30\"代"}, []int{2, 2}}},
			[]Warning{{2, 2, "a \" inside a cell that does not start with \"; kept as text (quote the whole cell and double the \" to silence this)"}}, 0},
		{"text after closing quote", "\"abc\"def,x\n", 0, []rec{{1, []string{"abcdef", "x"}, []int{1, 1}}},
			[]Warning{{1, 1, "text \"def\" after the closing quote of a quoted cell; kept as part of the cell"}}, 0},
		{"empty input", "", 0, nil, nil, 0},
		{"one empty cell per line", ",\n", 0, []rec{{1, []string{"", ""}, []int{1, 1}}}, nil, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, oneByte := range []bool{false, true} {
				var src io.Reader = strings.NewReader(tc.in)
				if oneByte {
					src = iotest.OneByteReader(src)
				}
				r := NewReader(src, "s.csv")
				r.Comma = tc.comma
				got, warns, err := readAll(t, r)
				if err != nil {
					t.Fatalf("Read: %v", err)
				}
				if !reflect.DeepEqual(got, tc.want) {
					t.Errorf("records\n got %v\nwant %v", got, tc.want)
				}
				if !reflect.DeepEqual(warns, tc.warns) {
					t.Errorf("warnings\n got %v\nwant %v", warns, tc.warns)
				}
				if r.BlankLines != tc.blank {
					t.Errorf("blank lines = %d, want %d", r.BlankLines, tc.blank)
				}
			}
		})
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		msg  string // the whole error text
	}{
		{"unclosed quote", "a,b\n1,\"abc\n2,3\n", "s.csv:2:2: this quoted cell never closes: its opening \" runs to the end of the file (is there a stray \" at the start of the cell?)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := readAll(t, NewReader(strings.NewReader(tc.in), "s.csv"))
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want a *ParseError", err)
			}
			if err.Error() != tc.msg {
				t.Errorf("err = %q\nwant %q", err, tc.msg)
			}
		})
	}
}

func TestLongLine(t *testing.T) {
	// Longer than the 64 KiB bufio buffer, so readLine must stitch pieces.
	long := strings.Repeat("あ", 40000)
	in := "a,b\n1,\"" + long + "\n" + long + "\"\n2," + long + "\n"
	got, _, err := readAll(t, NewReader(strings.NewReader(in), "s.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[1].fields[1] != long+"\n"+long || got[2].line != 4 || got[2].fields[1] != long {
		t.Errorf("long cells read wrongly: %d records", len(got))
	}
}

// FuzzRead checks that the reader never panics, that lines only grow, and
// that wherever encoding/csv (strict) reads the input, csvx reads the same
// cells on the same lines with no warning.
func FuzzRead(f *testing.F) {
	for _, s := range []string{"a,b\n1,2\n", "\"a\nb\",c\r\n", "a\"b,c\n", "\"a\"b\n", "\"x", "\n\n,\n", "a\tb\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		r := NewReader(strings.NewReader(in), "f.csv")
		r.Comma = ','
		got, warns, err := readAll(t, r)
		lines := strings.Count(in, "\n") + 1
		last := 0
		for _, x := range got {
			if x.line <= last || x.line > lines {
				t.Fatalf("record line %d after %d (input has %d lines)", x.line, last, lines)
			}
			for _, fl := range x.starts {
				if fl < x.line || fl > lines {
					t.Fatalf("cell line %d outside record at %d", fl, x.line)
				}
			}
			last = x.line
		}
		// With the separator detected, only the invariants are checked.
		auto := NewReader(strings.NewReader(in), "f.csv")
		autoRecs, _, _ := readAll(t, auto) // a tab may open a quoted cell a comma would not
		for i := 1; i < len(autoRecs); i++ {
			if autoRecs[i].line <= autoRecs[i-1].line {
				t.Fatalf("detected separator: lines do not rise: %v", autoRecs)
			}
		}
		cr := csv.NewReader(strings.NewReader(in))
		cr.FieldsPerRecord = -1
		var want []rec
		for {
			fields, cerr := cr.Read()
			if cerr == io.EOF {
				break
			}
			if cerr != nil {
				return // encoding/csv refuses it; csvx may be lenient
			}
			line, _ := cr.FieldPos(0)
			starts := make([]int, len(fields))
			for i := range fields {
				starts[i], _ = cr.FieldPos(i)
			}
			want = append(want, rec{line, fields, starts})
		}
		if err != nil {
			t.Fatalf("encoding/csv reads it, csvx says %v", err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("csvx %v\n encoding/csv %v", got, want)
		}
		if len(warns) > 0 {
			t.Fatalf("warnings on strict CSV: %v", warns)
		}
	})
}

func ExampleReader() {
	r := NewReader(strings.NewReader("id,意見\n1,\"駅前に\n駐輪場を\"\n2,公園\n"), "survey.csv")
	for {
		rec, err := r.Read()
		if err != nil {
			break
		}
		fmt.Printf("line %d: %q\n", rec.Line, rec.Fields)
	}
	// Output:
	// line 1: ["id" "意見"]
	// line 2: ["1" "駅前に\n駐輪場を"]
	// line 4: ["2" "公園"]
}

func BenchmarkRead(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("id,地区,年代,意見\n")
	for i := range 10000 {
		fmt.Fprintf(&sb, "%d,穂高,30代,\"駅前の駐輪場を\r\n増やしてほしい\"\r\n", i)
	}
	in := sb.String()
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		r := NewReader(strings.NewReader(in), "b.csv")
		for {
			if _, err := r.Read(); err != nil {
				break
			}
		}
	}
}
