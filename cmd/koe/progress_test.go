package main

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
)

// The expected rates and times below are worked by hand from the counts
// and durations of each case.
func TestProgressLine(t *testing.T) {
	tests := []struct {
		name     string
		label    string
		n, total int64
		frac     float64
		elapsed  time.Duration
		want     string
	}{
		// 412,000 rows in 8 s = 51,500 rows/s; 588,000 left / 51,500 = 11.4 s → 12 s.
		{"total known", "R8 survey.csv", 412_000, 1_000_000, -1, 8 * time.Second,
			"koe: ingest   R8 survey.csv 412,000/1,000,000 rows  51,500 rows/s  ETA 12 s"},
		// 41% of the bytes in 8 s: 8·0.59/0.41 = 11.5 s left → 12 s.
		{"fraction of bytes", "R8 survey.csv", 412_000, 0, 0.41, 8 * time.Second,
			"koe: ingest   R8 survey.csv 412,000 rows (41%)  51,500 rows/s  ETA 12 s"},
		{"nothing done yet", "R8 survey.csv", 0, 0, 0, 200 * time.Millisecond,
			"koe: ingest   R8 survey.csv 0 rows (0%)"},
		{"no time yet", "", 5, 10, -1, 0, "koe: ingest   5/10 rows"},
		// 3 in 4 s = 0.75/s, printed to one decimal; 7 left / 0.75 = 9.33 s → 10 s.
		{"slow rate", "", 3, 10, -1, 4 * time.Second, "koe: ingest   3/10 rows  0.8 rows/s  ETA 10 s"},
		{"finished", "", 10, 10, -1, 2 * time.Second, "koe: ingest   10/10 rows  5.0 rows/s"},
		{"unknown size", "R8 x.csv", 900, 0, -1, 3 * time.Second, "koe: ingest   R8 x.csv 900 rows  300 rows/s"},
		// 1,000 of 1,000,000 in 5 s = 200/s; 999,000 / 200 = 4,995 s = 83.25 min → 1 h 24 min.
		{"hours", "", 1_000, 1_000_000, -1, 5 * time.Second, "koe: ingest   1,000/1,000,000 rows  200 rows/s  ETA 1 h 24 min"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := progressLine("ingest", tt.label, "rows", tt.n, tt.total, tt.frac, tt.elapsed)
			if got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestETA(t *testing.T) {
	tests := []struct {
		secs float64
		want string
	}{
		{0.2, "1 s"}, {11, "11 s"}, {59.5, "1 min 00 s"}, {185, "3 min 05 s"},
		{3599, "59 min 59 s"}, {3600, "1 h 00 min"}, {4801, "1 h 21 min"},
	}
	for _, tt := range tests {
		if got := eta(tt.secs); got != tt.want {
			t.Errorf("eta(%v) = %q, want %q", tt.secs, got, tt.want)
		}
	}
}

// syncBuffer is a bytes.Buffer safe for the drawing goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestCounterDraws drives a live counter with a fake clock: each draw
// rewrites the line with \r, and Done clears it.
func TestCounterDraws(t *testing.T) {
	var buf syncBuffer
	clock := time.Date(2026, 7, 1, 9, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	now := func() time.Time { mu.Lock(); defer mu.Unlock(); return clock }
	p := &progress{w: &buf, on: true, live: true, now: now, every: time.Hour} // the ticker never fires: draws are by hand
	c := p.counter("analyze", "R8 tokenize", "docs", 1000)
	c.Add(250)
	mu.Lock()
	clock = clock.Add(5 * time.Second)
	mu.Unlock()
	c.draw()
	c.Add(250)
	c.Done()
	c.Done() // twice is harmless
	// 250 docs in 5 s = 50 docs/s; 750 left / 50 = 15 s.
	want := "\rkoe: analyze  R8 tokenize 250/1,000 docs  50 docs/s  ETA 15 s\x1b[K\r\x1b[K"
	if got := buf.String(); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestCounterReader: without a row total, the bytes read of the file give
// the fraction.
func TestCounterReader(t *testing.T) {
	var buf syncBuffer
	p := &progress{w: &buf, live: true, now: time.Now, every: time.Hour}
	c := p.counter("ingest", "R8 survey.csv", "rows", 0)
	defer c.Done()
	r := c.Reader(strings.NewReader(strings.Repeat("x", 400)), 1000)
	if _, err := r.Read(make([]byte, 100)); err != nil {
		t.Fatal(err)
	}
	if got := c.line(c.start); !strings.Contains(got, "(10%)") {
		t.Errorf("after 100 of 1,000 bytes: %q, want 10%%", got)
	}
}

// TestNotTerminal: when stderr is not a terminal there are no counters,
// every counter method is a no-op on the nil counter, and nothing is
// written but the stage lines under -v.
func TestNotTerminal(t *testing.T) {
	for _, verbose := range []bool{false, true} {
		var buf bytes.Buffer
		p := newProgress(&env{stderr: &buf, verbose: verbose})
		done := p.stage("ingest")
		c := p.counter("ingest", "R8 survey.csv", "rows", 0)
		if c != nil {
			t.Fatal("a counter on a non-terminal")
		}
		c.Add(5)
		c.SetTotal(9)
		c.Fits(1, 2)
		_ = c.Reader(strings.NewReader(""), 10)
		_ = countRows(&collectSink{}, c)
		c.Done()
		done("%d rows", 5)
		got := buf.String()
		if strings.Contains(got, "\r") || strings.Contains(got, "\x1b") {
			t.Errorf("verbose=%v: control characters on a non-terminal: %q", verbose, got)
		}
		if verbose != strings.HasPrefix(got, "koe: ingest   5 rows (") || strings.Count(got, "\n") != map[bool]int{false: 0, true: 1}[verbose] {
			t.Errorf("verbose=%v: got %q, want one stage line exactly when verbose", verbose, got)
		}
	}
}

// TestRunNotTerminal: `koe -v run` with stderr in a pipe prints exactly
// one line per stage and no \r.
func TestRunNotTerminal(t *testing.T) {
	dir := copyStudy(t, "small")
	r := koe(t, "", "-v", "run", dir)
	if r.code != exitQuarantined {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	if strings.ContainsAny(r.stderr, "\r\x1b") {
		t.Errorf("control characters in piped stderr: %q", r.stderr)
	}
	for _, stage := range []string{"ingest", "analyze", "report"} {
		if n := strings.Count(r.stderr, "koe: "+stage+" "); n != 1 {
			t.Errorf("%d lines for stage %s, want 1:\n%s", n, stage, r.stderr)
		}
	}
}

// BenchmarkCounterAdd is the cost per row of counting on a live counter.
func BenchmarkCounterAdd(b *testing.B) {
	p := &progress{w: &syncBuffer{}, live: true, now: time.Now, every: time.Hour}
	c := p.counter("ingest", "", "rows", 0)
	defer c.Done()
	for b.Loop() {
		c.Add(1)
	}
}
