package ingest

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestQuestionTitleRules(t *testing.T) {
	tests := []struct {
		name, id, column, want string
	}{
		{"header text", "live", "問1 今後も住み続けたいですか", "問1 今後も住み続けたいですか"},
		{"column number", "q59", "#59", "q59"},
		{"empty", "q1", "", "q1"},
		// The demo codebook's 0/1 columns (data/sample, question info_source).
		{"underscore prefix", "info_source", "問9_広報あづみの; 問9_市ホームページ; 問9_市公式LINE・SNS", "問9"},
		{"spaced prefix", "reasons", "問7 理由 自然; 問7 理由 交通", "問7 理由"},
		{"bracketed options", "reasons", "問7(自然が豊か); 問7(交通が便利)", "問7"},
		{"full-width bracket left open", "info", "問9（情報源：広報）; 問9（情報源：HP）", "問9"},
		{"closed bracket kept", "sub", "問9(1)_広報; 問9(1)_HP", "問9(1)"},
		{"no separator: a shared word is not a title", "nature", "自然が豊か; 自然災害", "nature"},
		{"digits run on", "q", "問1; 問10", "q"},
		{"nothing shared", "q", "広報; ホームページ", "q"},
		{"only separators shared", "q", "_a; _b", "q"},
		{"one column left", "q", "問9_広報; ", "q"},
		{"differ inside a character", "q", "問9_あ; 問9_い", "問9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := QuestionTitle(tt.id, tt.column); got != tt.want {
				t.Errorf("QuestionTitle(%q, %q) = %q, want %q", tt.id, tt.column, got, tt.want)
			}
		})
	}
}

// FuzzQuestionTitleRules checks that any column_name gives a title that is
// valid UTF-8 (when the input is), never empty, and either the id or text
// taken from the column.
func FuzzQuestionTitleRules(f *testing.F) {
	for _, s := range []string{"問9_広報; 問9_HP", "#3", "a; b", "（; （", "問\xe3; 問\xe3\x81", "; ; ", "問1(2)_x; 問1(2)_y"} {
		f.Add("qid", s)
	}
	f.Fuzz(func(t *testing.T, id, column string) {
		if id == "" {
			id = "q"
		}
		got := QuestionTitle(id, column)
		if got == "" {
			t.Fatalf("QuestionTitle(%q, %q) is empty", id, column)
		}
		if got != id && !strings.Contains(column, got) && got != strings.TrimSpace(column) {
			t.Fatalf("QuestionTitle(%q, %q) = %q: neither the id nor part of the column", id, column, got)
		}
		if got != id && utf8.ValidString(column) && !utf8.ValidString(got) {
			t.Fatalf("QuestionTitle(%q, %q) = %q: invalid UTF-8", id, column, got)
		}
	})
}
