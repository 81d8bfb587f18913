package dedup

import (
	"testing"
	"unicode"
)

func TestKey(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"unchanged", "バスを増やしてほしい", "バスを増やしてほしい"},
		{"trailing maru", "バスを増やしてほしい。", "バスを増やしてほしい"},
		{"trailing marks mixed", "バスを増やしてほしい！！。 ", "バスを増やしてほしい"},
		{"trailing ascii", "バスを増やしてほしい...!?", "バスを増やしてほしい"},
		{"trailing ellipsis and comma", "バスを増やして…、", "バスを増やして"},
		{"leading space", "　 バスを増やして", "バスを増やして"},
		{"inner space dropped", "バスを 増やして　ほしい", "バスを増やしてほしい"},
		{"inner newline dropped", "バスを\n増やして", "バスを増やして"},
		{"latin words keep one space", "Wi-Fi  を  free  wifi  に", "wi-fiをfree wifiに"},
		{"ascii lowered", "ＷｉＦｉはWiFi", "ＷｉＦｉはwifi"},
		{"inner punctuation kept", "バス、電車。タクシー", "バス、電車。タクシー"},
		{"long vowel kept at end", "コーヒー", "コーヒー"},
		{"wave dash kept at end", "よろしく〜", "よろしく〜"},
		{"only punctuation", "。！？ ", ""},
		{"empty", "", ""},
		{"digits apart", "1 2 3", "1 2 3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Key(tt.in)
			if got != tt.want {
				t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if again := Key(got); again != got {
				t.Errorf("Key is not idempotent: Key(%q) = %q", got, again)
			}
		})
	}
}

func TestAppendCore(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"japanese punctuation", "バス、電車。", "バス電車"},
		{"symbols", "★バス☆を♪", "バスを"},
		{"ascii", "wi-fi 2.0", "wifi20"},
		{"long vowel is wording", "コーヒー", "コーヒー"},
		{"full-width letters", "ＷｉＦｉ！", "ＷｉＦｉ"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(appendCore(nil, tt.in)); got != tt.want {
				t.Errorf("appendCore(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNeedsKeyFold(t *testing.T) {
	// Every space Unicode knows, in Japanese context, and runes that share
	// their lead bytes without being spaces.
	for r := rune(0); r <= 0x3100; r++ {
		s := "あ" + string(r) + "い"
		want := unicode.IsSpace(r) || r >= 'A' && r <= 'Z'
		if got := needsKeyFold(s); got != want {
			t.Errorf("needsKeyFold(%q) (U+%04X) = %v, want %v", s, r, got, want)
		}
	}
}
