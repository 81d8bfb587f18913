package tokenize

import "testing"

// BenchmarkTermsAll measures content-word extraction over the Aozora texts in
// ../shared, one document per line; MB/s counts input bytes.
func BenchmarkTermsAll(b *testing.B) {
	lines := aozoraLines(b)
	tk := newTestTokenizer(b)
	size := 0
	for _, l := range lines {
		size += len(l)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		tk.TermsAll(lines)
	}
}

// BenchmarkMask measures masking over the same lines, one at a time.
func BenchmarkMask(b *testing.B) {
	lines := aozoraLines(b)
	tk := newTestTokenizer(b)
	size := 0
	for _, l := range lines {
		size += len(l)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for range b.N {
		for _, l := range lines {
			tk.Mask(l)
		}
	}
}
