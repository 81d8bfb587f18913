package draft_test

import (
	"bytes"
	"io/fs"
	"testing"

	"koe/data"
	"koe/ingest/draft"
)

// BenchmarkDraftSample drafts the sample's R8 export (1,500 rows, 43
// columns, Shift_JIS): the cost of `koe init` per row.
func BenchmarkDraftSample(b *testing.B) {
	raw, err := fs.ReadFile(data.Sample(), "r8/survey.csv")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(raw)))
	var rows int
	for b.Loop() {
		res, err := draft.Draft(bytes.NewReader(raw), "r8/survey.csv", draft.Options{})
		if err != nil {
			b.Fatal(err)
		}
		rows = res.Rows
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}
