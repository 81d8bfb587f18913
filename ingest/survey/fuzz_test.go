package survey

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"koe/ingest"
)

// FuzzRead feeds arbitrary bytes to Read with the basic codebook and checks
// what must hold for any input: no panic, every row read is either loaded
// or quarantined, every quarantine line lies within the file, and each
// quarantined row is counted once.
func FuzzRead(f *testing.F) {
	seed, err := os.ReadFile(filepath.Join("testdata", "basic", "survey.csv"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte("回答者ID,お住まいの地区\n1,豊科\n"))
	f.Add([]byte{0xFF, 0xFE, 'a', 0})
	book, err := os.ReadFile(filepath.Join("testdata", "basic", "codebook.toml"))
	if err != nil {
		f.Fatal(err)
	}
	header := strings.SplitN(string(seed), "\n", 2)[0] + "\n"
	f.Fuzz(func(t *testing.T, body []byte) {
		cb, err := ingest.ParseCodebook(book, "codebook.toml")
		if err != nil {
			t.Fatal(err)
		}
		// Half the inputs get the real header, so that rows are reached.
		in := body
		if len(body) > 0 && body[0]&1 == 1 {
			in = append([]byte(header), body[1:]...)
		}
		var c collect
		res, err := Read(bytes.NewReader(in), "f.csv", "W", cb, &c)
		s := res.Stats
		if s.RowsRead != s.RowsLoaded+s.RowsQuarantined {
			t.Fatalf("read %d != loaded %d + quarantined %d", s.RowsRead, s.RowsLoaded, s.RowsQuarantined)
		}
		if err != nil {
			return
		}
		if len(c.resp) != s.RowsLoaded {
			t.Fatalf("%d respondents for %d rows loaded", len(c.resp), s.RowsLoaded)
		}
		lines := bytes.Count(in, []byte{'\n'}) + 1
		rows := map[int]bool{}
		for _, q := range c.quar {
			if q.Line < 1 || q.Line > lines {
				t.Fatalf("quarantine line %d outside the file's %d lines", q.Line, lines)
			}
			if q.Reason == "" {
				t.Fatalf("quarantine without a reason: %+v", q)
			}
			rows[q.Line] = true
		}
		if len(rows) != s.RowsQuarantined {
			t.Fatalf("%d quarantined rows but quarantine names %d lines", s.RowsQuarantined, len(rows))
		}
		for _, r := range c.resp {
			if r.Line < 1 || r.Line > lines || rows[r.Line] {
				t.Fatalf("respondent at line %d (file has %d lines; quarantined %v)", r.Line, lines, rows[r.Line])
			}
		}
	})
}

// BenchmarkRead reads a generated 100,000-row export through the basic
// codebook: every kind of question, a quoted multi-line text cell on one
// row in ten, and one row in a hundred with a bad value.
func BenchmarkRead(b *testing.B) {
	book, err := os.ReadFile(filepath.Join("testdata", "basic", "codebook.toml"))
	if err != nil {
		b.Fatal(err)
	}
	cb, err := ingest.ParseCodebook(book, "codebook.toml")
	if err != nil {
		b.Fatal(err)
	}
	const rows = 100_000
	var sb bytes.Buffer
	sb.WriteString("回答者ID,お住まいの地区,年代,問5(1) 防災対策の満足度,問7 理由,交通_車,交通_バス,交通_その他,居住年数,問20 10年後の安曇野市に望むこと,氏名,メールアドレス,メモ\r\n")
	areas := []string{"豊科", "穂高", "三郷", "堀金", "明科"}
	sats := []string{"満足", "やや満足", "どちらともいえない", "やや不満", "不満"}
	for i := range rows {
		text := ""
		if i%10 == 0 {
			text = "\"駅前に駐輪場を\r\n増やしてほしい\""
		}
		sat := sats[i%5]
		if i%100 == 7 {
			sat = "ふつう"
		}
		fmt.Fprintf(&sb, "%d,%s,%d,%s,自然が豊か;交通が便利,1,0,,%d,%s,,,\r\n", i+1, areas[i%5], 1+i%3, sat, i%90, text)
	}
	in := sb.Bytes()
	b.SetBytes(int64(len(in)))
	b.ResetTimer()
	for b.Loop() {
		res, err := Read(bytes.NewReader(in), "bench.csv", "W", cb, discard{})
		if err != nil {
			b.Fatal(err)
		}
		if res.Stats.RowsRead != rows || res.Stats.RowsQuarantined != rows/100 {
			b.Fatalf("stats %+v", res.Stats)
		}
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

type discard struct{}

func (discard) Respondent(*ingest.Respondent) error { return nil }
func (discard) Quarantine(ingest.Quarantined) error { return nil }
