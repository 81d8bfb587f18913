package survey

import (
	"bufio"
	"flag"
	"fmt"
	"hash/fnv"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"koe/data"
	"koe/ingest"
)

// bench1MRows is the size of the file BenchmarkRead1M reads: a city-wide
// census-style survey is far smaller, so this is head-room, not a target.
const bench1MRows = 1_000_000

// countSink counts what Read hands over and samples the heap as it goes.
type countSink struct {
	rows, answers, docs, quarantined int
	peakHeap                         uint64
}

func (c *countSink) Respondent(r *ingest.Respondent) error {
	c.rows++
	c.answers += len(r.Answers)
	c.docs += len(r.Docs)
	if c.rows%20_000 == 0 {
		c.sampleHeap()
	}
	return nil
}

func (c *countSink) Quarantine(ingest.Quarantined) error { c.quarantined++; return nil }

func (c *countSink) sampleHeap() {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	c.peakHeap = max(c.peakHeap, m.HeapAlloc)
}

// BenchmarkRead1M reads a 1,000,000-row export with the sample study's
// codebook (31 closed answers and one short free-text answer a row) and
// reports rows/s and the peak heap, which shows that Read streams: the
// heap stays flat however long the file.
//
// It runs only when the -bench pattern names it (go test -run '^$'
// -bench Read1M ./ingest/survey/), never under -bench . : writing the
// file takes a while and some 300 MB in the temporary directory, where it
// is kept for the next run.
func BenchmarkRead1M(b *testing.B) {
	if f := flag.Lookup("test.bench"); f == nil || !strings.Contains(f.Value.String(), "1M") {
		b.Skip("reads a 1,000,000-row file; run it with -bench Read1M")
	}
	book, err := fs.ReadFile(data.Sample(), "codebook.toml")
	if err != nil {
		b.Fatal(err)
	}
	cb, err := ingest.ParseCodebook(book, "codebook.toml")
	if err != nil {
		b.Fatal(err)
	}
	path, size, err := bench1MFile(cb, book, bench1MRows)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	runtime.GC()
	var sink *countSink
	for b.Loop() {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		sink = &countSink{}
		sink.sampleHeap()
		res, err := Read(f, "bench.csv", "B", cb, sink)
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
		sink.sampleHeap()
		if res.Stats.RowsLoaded != bench1MRows || sink.quarantined != 0 {
			b.Fatalf("stats %+v, %d quarantine records; want %d rows loaded", res.Stats, sink.quarantined, bench1MRows)
		}
	}
	b.ReportMetric(float64(bench1MRows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(sink.peakHeap)/(1<<20), "peak-heap-MiB")
	b.ReportMetric(float64(size)/(1<<20), "file-MiB")
	b.ReportMetric(float64(sink.answers)/float64(sink.rows), "answers/row")
}

// bench1MFile writes (once; it is kept in the temporary directory under a
// name that carries the row count and a hash of the codebook) a UTF-8
// export of n rows for cb.
func bench1MFile(cb *ingest.Codebook, book []byte, n int) (string, int64, error) {
	h := fnv.New32a()
	h.Write(book)
	path := filepath.Join(os.TempDir(), fmt.Sprintf("koe-bench-survey-%d-%08x.csv", n, h.Sum32()))
	if st, err := os.Stat(path); err == nil && st.Size() > 0 {
		return path, st.Size(), nil
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".koe-bench-*.csv")
	if err != nil {
		return "", 0, err
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriterSize(tmp, 1<<20)
	if err := writeBenchRows(w, cb, n); err != nil {
		tmp.Close()
		return "", 0, err
	}
	if err := w.Flush(); err != nil {
		tmp.Close()
		return "", 0, err
	}
	if err := tmp.Close(); err != nil {
		return "", 0, err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return "", 0, err
	}
	st, err := os.Stat(path)
	if err != nil {
		return "", 0, err
	}
	return path, st.Size(), nil
}

// benchWishes make the short free-text answers: a place, a want, an ask.
var benchWishes = [3][]string{
	{"駅前に", "地区の", "通学路に", "公民館に", "穂高の", "明科の", "子ども向けの", "冬の"},
	{"本屋", "公園", "バスの便", "歩道", "休める場所", "図書館", "除雪", "集会所"},
	{"がほしいです。", "を増やしてほしい。", "を整えてください。", "をお願いします。", "が足りません。"},
}

func writeBenchRows(w *bufio.Writer, cb *ingest.Codebook, n int) error {
	rng := rand.New(rand.NewPCG(1, 2))
	header := []string{cb.IDColumn}
	for _, q := range cb.Questions {
		if len(q.Columns) > 0 {
			header = append(header, q.Columns...)
		} else {
			header = append(header, q.Column)
		}
	}
	w.WriteString(strings.Join(header, ",") + "\n")
	var row []string
	for i := 1; i <= n; i++ {
		row = append(row[:0], strconv.Itoa(i))
		firstText := true
		for _, q := range cb.Questions {
			switch {
			case len(q.Columns) > 0:
				for range q.Columns {
					row = append(row, strconv.Itoa(rng.IntN(2)))
				}
			case q.Kind == ingest.Single || q.Kind == ingest.Likert:
				row = append(row, q.Options[rng.IntN(len(q.Options))].Label)
			case q.Kind == ingest.Multi:
				k := 1 + rng.IntN(3)
				var picked []string
				for _, j := range rng.Perm(len(q.Options))[:k] {
					picked = append(picked, q.Options[j].Label)
				}
				row = append(row, strings.Join(picked, q.Separator))
			case q.Kind == ingest.Number:
				lo, hi := 0, 10
				if q.Min != nil {
					lo = int(*q.Min)
				}
				if q.Max != nil {
					hi = int(*q.Max)
				}
				row = append(row, strconv.Itoa(lo+rng.IntN(min(hi-lo+1, 6))))
			case q.Kind == ingest.Text && firstText:
				firstText = false
				row = append(row, benchWishes[0][rng.IntN(8)]+benchWishes[1][rng.IntN(8)]+benchWishes[2][rng.IntN(5)])
			default:
				row = append(row, "")
			}
		}
		for j, c := range row {
			if j > 0 {
				w.WriteByte(',')
			}
			if strings.ContainsAny(c, ",\"\n") {
				w.WriteString(`"` + strings.ReplaceAll(c, `"`, `""`) + `"`)
			} else {
				w.WriteString(c)
			}
		}
		if err := w.WriteByte('\n'); err != nil {
			return err
		}
	}
	return nil
}
