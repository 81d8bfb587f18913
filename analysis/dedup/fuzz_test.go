package dedup

import (
	"strings"
	"testing"
)

// FuzzFind feeds arbitrary texts (one a line) and options: Find must not
// panic, every text must have a group, and the sizes must add up.
func FuzzFind(f *testing.F) {
	f.Add("バスの本数を増やしてほしい\nバスの本数を増やしてほしい。\n特になし\n\n駅", uint8(3), uint8(80), int64(1), uint8(10))
	f.Add(strings.Repeat("穂高駅前の古い公民館を残してください。\n", 5)+"穂高駅前の歴史ある公民館を残してください", uint8(2), uint8(50), int64(2), uint8(1))
	f.Add("a\nA\n a \n\xff\xfe\n。。。\nー", uint8(0), uint8(0), int64(-1), uint8(0))
	f.Add("ＮＯＮＥ\nnone\nN/A\n特　に　な　し", uint8(9), uint8(255), int64(7), uint8(3))
	f.Fuzz(func(t *testing.T, text string, shingle, threshold uint8, seed int64, minRunes uint8) {
		if len(text) > 8000 {
			t.Skip("long inputs only slow the fuzzer down")
		}
		texts := strings.Split(text, "\n")
		opt := Options{
			Shingle:   int(shingle % 8),
			Threshold: float64(threshold) / 200, // 0 to 1.275: defaults, clamps and all
			Seed:      seed,
			MinRunes:  int(minRunes % 16),
		}
		res := Find(texts, opt)
		checkInvariants(t, texts, res)
	})
}

// FuzzKey checks the properties Find relies on: Key is idempotent, and a
// text and its key agree on IsNonAnswer (Find asks once per exact group).
func FuzzKey(f *testing.F) {
	for _, s := range []string{"特になし。", "Free  WiFi!", " バス を 増やして ", "。", "", "\xffＮＯ", "a\u3000b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Key(s)
		if k2 := Key(k); k2 != k {
			t.Errorf("Key(%q) = %q, but Key(%q) = %q", s, k, k, k2)
		}
		if IsNonAnswer(s) != IsNonAnswer(k) {
			t.Errorf("IsNonAnswer(%q) = %v but IsNonAnswer(Key) = IsNonAnswer(%q) = %v", s, IsNonAnswer(s), k, IsNonAnswer(k))
		}
		if j := Jaccard(s, k, 3); j != 1 {
			t.Errorf("Jaccard(%q, its key %q) = %v, want 1", s, k, j)
		}
	})
}
