package main

import (
	"fmt"
	"io"
	"io/fs"
	"math"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"koe/analysis/tokenize"
	"koe/ingest"
)

// progress reports on stderr. It prints a line per stage when stderr is a
// terminal or -v was given; on a terminal only, the long loops also show a
// live counter line, rewritten in place with \r, so that a log file or a
// pipe never receives half-lines. The final summary is printed regardless.
type progress struct {
	w     io.Writer
	on    bool             // a line per stage
	live  bool             // live counters (stderr is a terminal)
	now   func() time.Time // the clock, replaced in tests
	every time.Duration    // between two redraws of a live counter
	mu    sync.Mutex       // one writer at a time: counters and stage lines
}

func newProgress(e *env) *progress {
	tty := isTerminal(e.stderr)
	return &progress{w: e.stderr, on: e.verbose || tty, live: tty, now: time.Now, every: 200 * time.Millisecond}
}

// stage starts timing a stage; the returned func prints its line.
func (p *progress) stage(name string) func(format string, args ...any) {
	start := time.Now()
	return func(format string, args ...any) {
		if p == nil || !p.on {
			return
		}
		p.mu.Lock()
		defer p.mu.Unlock()
		fmt.Fprintf(p.w, "koe: %-8s %s (%.2f s)\n", name, fmt.Sprintf(format, args...), time.Since(start).Seconds())
	}
}

// counter is a live progress line for one loop: how many units are done
// out of how many, the rate and the time left. Add is an atomic add, cheap
// enough to call per row; a goroutine redraws the line at most every
// p.every. A nil *counter (stderr is not a terminal) does nothing, so call
// sites need no check.
type counter struct {
	p                  *progress
	stage, label, unit string
	total              atomic.Int64 // 0 = not known
	n                  atomic.Int64
	// When the count has no known total, the bytes read of a file of known
	// size give the fraction done.
	bytes, size atomic.Int64
	start       time.Time
	drawn       bool // a line is on the screen (owned by the drawing goroutine until Done)
	stop, gone  chan struct{}
	once        sync.Once
}

// counter starts a live counter of unit (rows, docs, tables …) for label
// within stage; total is 0 when not known. It returns nil when stderr is
// not a terminal.
func (p *progress) counter(stage, label, unit string, total int) *counter {
	if p == nil || !p.live {
		return nil
	}
	c := &counter{p: p, stage: stage, label: label, unit: unit, start: p.now(),
		stop: make(chan struct{}), gone: make(chan struct{})}
	c.total.Store(int64(total))
	go c.run()
	return c
}

func (c *counter) run() {
	defer close(c.gone)
	t := time.NewTicker(c.p.every)
	defer t.Stop()
	for {
		select {
		case <-c.stop:
			return
		case <-t.C:
			c.draw()
		}
	}
}

// draw rewrites the live line; \x1b[K clears what a longer line left.
func (c *counter) draw() {
	c.p.mu.Lock()
	defer c.p.mu.Unlock()
	fmt.Fprintf(c.p.w, "\r%s\x1b[K", c.line(c.p.now()))
	c.drawn = true
}

func (c *counter) line(now time.Time) string {
	frac := -1.0
	if size := c.size.Load(); size > 0 {
		frac = float64(c.bytes.Load()) / float64(size)
	}
	return progressLine(c.stage, c.label, c.unit, c.n.Load(), c.total.Load(), frac, now.Sub(c.start))
}

// Add counts n more units done.
func (c *counter) Add(n int) {
	if c != nil {
		c.n.Add(int64(n))
	}
}

// SetTotal sets the number of units, once it is known.
func (c *counter) SetTotal(n int) {
	if c != nil {
		c.total.Store(int64(n))
	}
}

// Reader counts the bytes read through r against size, for the fraction
// done when the number of units is not known in advance (rows of a CSV).
func (c *counter) Reader(r io.Reader, size int64) io.Reader {
	if c == nil || size <= 0 {
		return r
	}
	c.size.Store(size)
	return &countingReader{r: r, n: &c.bytes}
}

// Done stops the counter and clears its line, so that the stage's line or
// an error message starts on a clean one. It may be called more than once.
func (c *counter) Done() {
	if c == nil {
		return
	}
	c.once.Do(func() {
		close(c.stop)
		<-c.gone
		if c.drawn {
			c.p.mu.Lock()
			fmt.Fprint(c.p.w, "\r\x1b[K")
			c.p.mu.Unlock()
		}
	})
}

type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (r *countingReader) Read(b []byte) (int, error) {
	k, err := r.r.Read(b)
	r.n.Add(int64(k))
	return k, err
}

// progressLine formats a live counter, e.g.
//
//	koe: ingest   R8 survey.csv 412,000/1,000,000 rows  51,200 rows/s  ETA 11 s
//
// total is 0 when not known; frac, the fraction done, is negative when not
// known. The rate is the mean since the start. The time left assumes it
// holds: (total − n)/rate with a total, elapsed·(1 − frac)/frac with a
// fraction.
func progressLine(stage, label, unit string, n, total int64, frac float64, elapsed time.Duration) string {
	var b strings.Builder
	fmt.Fprintf(&b, "koe: %-8s ", stage)
	if label != "" {
		b.WriteString(label + " ")
	}
	b.WriteString(thousands(int(n)))
	if total > 0 {
		b.WriteString("/" + thousands(int(total)))
	}
	b.WriteString(" " + unit)
	if total <= 0 && frac >= 0 {
		fmt.Fprintf(&b, " (%d%%)", int(math.Min(frac, 1)*100))
	}
	secs := elapsed.Seconds()
	if n <= 0 || secs <= 0 {
		return b.String()
	}
	rate := float64(n) / secs
	if rate < 10 {
		fmt.Fprintf(&b, "  %.1f %s/s", rate, unit)
	} else {
		fmt.Fprintf(&b, "  %s %s/s", thousands(int(math.Round(rate))), unit)
	}
	left := -1.0
	switch {
	case total > 0 && n < total:
		left = float64(total-n) / rate
	case total <= 0 && frac > 0 && frac < 1:
		left = secs * (1 - frac) / frac
	}
	if left >= 0 {
		b.WriteString("  ETA " + eta(left))
	}
	return b.String()
}

// eta formats seconds left, rounded up so that a running loop never shows
// 0 s: "11 s", "3 min 05 s", "1 h 20 min".
func eta(secs float64) string {
	s := int(math.Ceil(secs))
	switch {
	case s < 60:
		return fmt.Sprintf("%d s", s)
	case s < 3600:
		return fmt.Sprintf("%d min %02d s", s/60, s%60)
	}
	m := (s + 59) / 60
	return fmt.Sprintf("%d h %02d min", m/60, m%60)
}

// thousands formats n with comma separators, as Japanese reports print counts.
func thousands(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// rowCounter hands rows on to a sink and counts them: a loaded respondent,
// or a quarantined row (counted once however many of its cells are bad).
type rowCounter struct {
	ingest.Sink
	c    *counter
	last int // line of the last quarantined cell
}

// countRows wraps sink to count its rows on c; with no counter it returns
// sink itself.
func countRows(sink ingest.Sink, c *counter) ingest.Sink {
	if c == nil {
		return sink
	}
	return &rowCounter{Sink: sink, c: c}
}

func (r *rowCounter) Respondent(x *ingest.Respondent) error {
	r.c.Add(1)
	return r.Sink.Respondent(x)
}

func (r *rowCounter) Quarantine(q ingest.Quarantined) error {
	if q.Line != r.last {
		r.last = q.Line
		r.c.Add(1)
	}
	return r.Sink.Quarantine(q)
}

// fileSize is the size of name in fsys, or 0 when it cannot be told.
func fileSize(fsys fs.FS, name string) int64 {
	st, err := fs.Stat(fsys, name)
	if err != nil {
		return 0
	}
	return st.Size()
}

// Fits is a themes.Options.Progress: one more of total fits is done. Its
// method value is nil-safe like the others.
func (c *counter) Fits(_, total int) {
	c.SetTotal(total)
	c.Add(1)
}

// termsChunk is how many documents are tokenized between two counts: small
// enough for a live rate, large enough that the cores stay busy.
const termsChunk = 2048

// termsAll is tok.TermsAll, in chunks counted on c when there is a counter.
func termsAll(tok *tokenize.Tokenizer, texts []string, c *counter) [][]tokenize.Term {
	defer c.Done()
	if c == nil {
		return tok.TermsAll(texts)
	}
	out := make([][]tokenize.Term, 0, len(texts))
	for lo := 0; lo < len(texts); lo += termsChunk {
		hi := min(lo+termsChunk, len(texts))
		out = append(out, tok.TermsAll(texts[lo:hi])...)
		c.Add(hi - lo)
	}
	return out
}

// crosstabTotal is how many tables writeCrosstabs writes: every demographic
// crossed with every other closed question.
func crosstabTotal(wd *waveData) int {
	demos, closed := 0, 0
	for _, q := range wd.questions {
		if wd.vars[q.ID] != nil {
			closed++
			if q.Demographic {
				demos++
			}
		}
	}
	return demos * max(closed-1, 0)
}
