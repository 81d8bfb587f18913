package ingest

import (
	"strings"
	"testing"
)

func TestParsePopulation(t *testing.T) {
	cases := []struct {
		name, in string
		rows     int
		err      string
	}{
		{"plain", "question,option,count\narea,豊科,27083\narea,穂高,\"33,266\"\n", 2, ""},
		{"BOM and comments, columns in any order", "\ufeffcount,question,option\n# 2025-01-01\n46561,sex,男性\n", 1, ""},
		{"full-width option is normalised", "question,option,count\nage,１８～２９歳,100\n", 1, ""},
		{"blank line skipped", "question,option,count\narea,豊科,1\n,,\n", 1, ""},
		{"bad count", "question,option,count\narea,豊科,たくさん\n", 0, "pop.csv:2:9: count \"たくさん\""},
		{"negative count", "question,option,count\narea,豊科,-5\n", 0, "pop.csv:2:9"},
		{"missing option", "question,option,count\narea,,5\n", 0, "pop.csv:2:1: question and option must not be empty"},
		{"no count column", "question,option\narea,豊科\n", 0, "pop.csv:1:1: header has no \"count\" column"},
		{"unclosed quote", "question,option,count\narea,\"豊科,5\n", 0, "pop.csv:2:"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rows, err := ParsePopulation([]byte(c.in), "pop.csv")
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("err = %v, want %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != c.rows {
				t.Errorf("%d rows, want %d: %+v", len(rows), c.rows, rows)
			}
		})
	}
	rows, _ := ParsePopulation([]byte("question,option,count\narea,穂高,\"33,266\"\nage,１８～２９歳,100\n"), "pop.csv")
	if rows[0].Count != 33266 || rows[0].Line != 2 || rows[0].Col != 6 || rows[1].Option != "18~29歳" {
		t.Errorf("rows %+v", rows)
	}
}

// FuzzParsePopulation: no panic, and every error is located inside the
// input.
func FuzzParsePopulation(f *testing.F) {
	f.Add([]byte("question,option,count\narea,豊科,27083\n"))
	f.Add([]byte("\ufeffcount,question,option\n1,a,b\n\"x"))
	f.Fuzz(func(t *testing.T, b []byte) {
		rows, err := ParsePopulation(b, "p.csv")
		lines := strings.Count(string(b), "\n") + 1
		if ce, ok := err.(ConfigErrors); ok {
			for _, e := range ce {
				if e.Line < 1 || e.Line > lines || e.Column < 1 {
					t.Fatalf("error outside the input: %v", e)
				}
			}
		}
		for _, r := range rows {
			if r.Line < 1 || r.Line > lines || r.Count < 0 {
				t.Fatalf("row outside the input: %+v", r)
			}
		}
	})
}
