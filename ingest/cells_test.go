package ingest

import "testing"

func TestParseNumber(t *testing.T) {
	cases := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"42", 42, true}, {"1,234", 1234, true}, {"1,234,567.5", 1234567.5, true}, {"-3.5", -3.5, true},
		{"+2", 2, true}, {"\u22127", -7, true}, {"0.25", 0.25, true},
		{"12,34", 0, false}, {"1,2345", 0, false}, {",123", 0, false}, {"3.", 0, false}, {".5", 0, false},
		{"NaN", 0, false}, {"Inf", 0, false}, {"1e5", 0, false}, {"たくさん", 0, false}, {"", 0, false}, {"1 2", 0, false},
	}
	for _, c := range cases {
		got, ok := ParseNumber(c.in)
		if ok != c.ok || (ok && got != c.want) {
			t.Errorf("ParseNumber(%q) = %v, %v; want %v, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestStripNotes(t *testing.T) {
	for in, want := range map[string]string{"お名前(任意)": "お名前", "【必須】メール": "メール", "電話[携帯]番号": "電話番号", "地区": "地区"} {
		if got := StripNotes(in); got != want {
			t.Errorf("StripNotes(%q) = %q, want %q", in, got, want)
		}
	}
}
