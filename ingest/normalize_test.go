package ingest

import "testing"

// FuzzNormalizeHeader holds the ASCII shortcut to what NFKC and the dash
// folding give.
func FuzzNormalizeHeader(f *testing.F) {
	for _, s := range []string{"", " 34 ", "問1 お住まいの地区", "ＡＢＣ１２３", "1〜3", "\t-5\r\n", "x\x00y", "ｶﾀｶﾅ", "\x7f", "\xff", "①"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := NormalizeHeader(s), normalizeHeaderSlow(s); got != want {
			t.Errorf("NormalizeHeader(%q) = %q, NFKC gives %q", s, got, want)
		}
	})
}
