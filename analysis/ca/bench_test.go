package ca

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// BenchmarkFit5000x5 is the largest table koe analyze builds in practice:
// every term used by at least five of 100,000 answers (about 5,000) by the
// five districts.
func BenchmarkFit5000x5(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 0))
	t := Table{Cols: []string{"豊科", "穂高", "三郷", "堀金", "明科"}}
	for i := range 5000 {
		t.Rows = append(t.Rows, fmt.Sprintf("語%04d", i))
		row := make([]float64, 5)
		for j := range row {
			row[j] = float64(1 + rng.IntN(40))
		}
		t.Counts = append(t.Counts, row)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Fit(t, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
