package draft_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"koe/ingest/draft"
)

// FuzzDraft drafts arbitrary bytes. Whatever the input: no panic; when a
// draft comes back, its koe.toml and codebook load as a study, and the
// input then reads with it without a config error, quarantining no row
// for a drafted column (only whole-row faults, such as a row of the wrong
// width, and id-column faults may remain).
func FuzzDraft(f *testing.F) {
	seed, err := os.ReadFile(filepath.Join("testdata", "fixture.csv"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte("ID,満足度,理由\n1,満足,自然;交通\n2,不満,自然\n3,やや満足,交通\n4,満足,自然;交通\n"))
	f.Add([]byte("Q1,Q2,Q3\n地区,年齢,自然\n1,20,0\n2,30,1\n1,40,1\n"))
	f.Add([]byte("\xef\xbb\xbfa\tb\n1\t\"x\ny\"\n"))
	f.Add([]byte{0xFF, 0xFE, 'a', 0, ',', 0, 'b', 0, '\n', 0, '1', 0, ',', 0, '2', 0})
	f.Fuzz(func(t *testing.T, in []byte) {
		res, err := draft.Draft(bytes.NewReader(in), "f.csv", draft.Options{})
		if err != nil {
			return
		}
		sr, c := readBack(t, res, "f.csv", in)
		for _, q := range c.quar {
			if q.Column > 0 && q.ColumnName != res.IDColumn {
				t.Errorf("drafted column quarantined %d:%d [%s]: %s (raw %q)\ncodebook:\n%s", q.Line, q.Column, q.ColumnName, q.Reason, q.Raw, res.Codebook)
			}
		}
		if sr.Stats.RowsRead != res.Rows {
			t.Errorf("survey.Read read %d rows, the draft %d", sr.Stats.RowsRead, res.Rows)
		}
	})
}
