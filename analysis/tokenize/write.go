package tokenize

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"
)

// Formats WriteTokens accepts.
const (
	FormatMeCab  = "mecab"
	FormatWakati = "wakati"
	FormatJSON   = "json"
)

// TokenInfo is one token as `koe tokenize --format json` prints it.
type TokenInfo struct {
	Surface          string   `json:"surface"`
	Class            string   `json:"class"` // KNOWN, UNKNOWN or USER
	POS              []string `json:"pos"`   // four IPA levels, "*" when empty
	InflectionalType string   `json:"inflectional_type"`
	InflectionalForm string   `json:"inflectional_form"`
	BaseForm         string   `json:"base_form"`
	Reading          string   `json:"reading"`
	Pronunciation    string   `json:"pronunciation"`
}

// WriteTokens normalises one line of text, analyses it and writes its tokens
// to w in format "mecab" (surface, a tab and MeCab's IPA features, then EOS),
// "wakati" (surfaces separated by single spaces) or "json" (one array of
// TokenInfo). Spaces are not tokens, as in MeCab.
func (t *Tokenizer) WriteTokens(w io.Writer, line string, format string) error {
	if err := t.prepare(format); err != nil {
		return err
	}
	buf := t.getBuf()
	dst, toks, err := t.appendTokens(nil, line, format, *buf)
	*buf = toks
	t.putBuf(buf)
	if err != nil {
		return err
	}
	if _, err := w.Write(dst); err != nil {
		return fmt.Errorf("write tokens: %w", err)
	}
	return nil
}

// prepare checks the format and reads the feature rows the format needs, so
// that a failure to read them is an error here rather than a panic later.
func (t *Tokenizer) prepare(format string) error {
	switch format {
	case FormatWakati:
		return nil
	case FormatMeCab, FormatJSON:
		return t.sys.loadFeatures()
	}
	return fmt.Errorf("unknown token format %q (want mecab, wakati or json)", format)
}

// chunkSize is how much input a worker of WriteAll takes at a time: large
// enough that handing chunks between goroutines costs nothing next to
// analysing them, small enough that two cores share even a short input.
const chunkSize = 32 << 10

// chunk is a run of whole input lines and, once a worker is done with it,
// their output.
type chunk struct {
	in   []byte
	out  []byte
	done chan struct{}
}

// WriteAll reads r line by line and writes what WriteTokens writes for each
// line (without its trailing carriage returns and line feed) to w, in input
// order. Lines are analysed in chunks on all cores while the next chunk is
// read and the previous one written; the output is byte for byte that of
// calling WriteTokens on each line in turn. A final line without a line feed
// counts; an empty input writes nothing. WriteAll stops early with ctx's
// error when ctx is cancelled.
func (t *Tokenizer) WriteAll(ctx context.Context, r io.Reader, w io.Writer, format string) error {
	if err := t.prepare(format); err != nil {
		return err
	}
	workers := runtime.GOMAXPROCS(0)
	// Chunks in flight: one being read, one per worker, and as many
	// finished ones waiting for the writer, which bounds memory.
	order := make(chan *chunk, 2*workers)
	work := make(chan *chunk, workers)
	free := make(chan *chunk, 3*workers+2)
	stop := make(chan struct{})
	var stopOnce sync.Once
	halt := func() { stopOnce.Do(func() { close(stop) }) }

	var readErr error
	var wg sync.WaitGroup
	wg.Go(func() {
		defer close(work)
		defer close(order)
		readErr = readChunks(ctx, r, free, stop, func(c *chunk) bool {
			// The writer learns the order before any worker can finish.
			select {
			case order <- c:
			case <-stop:
				return false
			}
			work <- c // never blocks for long: workers drain it until it closes
			return true
		})
	})
	for range workers {
		wg.Go(func() {
			var toks []tok
			for c := range work {
				select {
				case <-stop:
				default:
					c.out, toks = t.appendLines(c.out[:0], c.in, format, toks)
				}
				close(c.done)
			}
		})
	}

	var writeErr error
	for c := range order {
		<-c.done
		if writeErr == nil {
			if _, err := w.Write(c.out); err != nil {
				writeErr = fmt.Errorf("write tokens: %w", err)
				halt()
			}
		}
		select {
		case free <- c:
		default:
		}
	}
	halt()
	wg.Wait()
	return errors.Join(writeErr, readErr)
}

// readChunks cuts r into chunks of whole lines and hands each to send, until
// r ends, send refuses, or ctx is cancelled.
func readChunks(ctx context.Context, r io.Reader, free <-chan *chunk, stop <-chan struct{}, send func(*chunk) bool) error {
	br := bufio.NewReaderSize(r, chunkSize)
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		var c *chunk
		select {
		case c = <-free:
			c.in = c.in[:0]
		case <-stop:
			return nil
		default:
			c = &chunk{in: make([]byte, 0, chunkSize+chunkSize/4)}
		}
		c.done = make(chan struct{})
		var err error
		for midLine := false; midLine || len(c.in) < chunkSize; {
			var line []byte
			line, err = br.ReadSlice('\n')
			c.in = append(c.in, line...)
			midLine = err == bufio.ErrBufferFull
			if err != nil && !midLine {
				break
			}
			err = nil
		}
		if len(c.in) > 0 && !send(c) {
			return nil
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read input: %w", err)
		}
	}
}

// appendLines appends the output for each line of in.
func (t *Tokenizer) appendLines(dst, in []byte, format string, toks []tok) ([]byte, []tok) {
	// One string per chunk, so lines are slices of it rather than copies.
	s := string(in)
	for s != "" {
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		// The format was checked and the features loaded by prepare, so
		// appendTokens cannot fail here.
		dst, toks, _ = t.appendTokens(dst, strings.TrimRight(line, "\r\n"), format, toks)
	}
	return dst, toks
}

// appendTokens appends the output for one line to dst. toks is scratch space,
// returned for the next call.
func (t *Tokenizer) appendTokens(dst []byte, line, format string, toks []tok) ([]byte, []tok, error) {
	s := Normalize(line)
	toks = t.lex(s, toks[:0], false)
	switch format {
	case FormatMeCab:
		for i := range toks {
			if toks[i].cls == clsSpace {
				continue
			}
			dst = append(dst, s[toks[i].start:toks[i].end]...)
			dst = append(dst, '\t')
			dst = t.appendFeatures(dst, &toks[i])
			dst = append(dst, '\n')
		}
		dst = append(dst, "EOS\n"...)
	case FormatWakati:
		first := true
		for i := range toks {
			if toks[i].cls == clsSpace {
				continue
			}
			if !first {
				dst = append(dst, ' ')
			}
			first = false
			dst = append(dst, s[toks[i].start:toks[i].end]...)
		}
		dst = append(dst, '\n')
	case FormatJSON:
		infos := make([]TokenInfo, 0, len(toks))
		var f [9]string
		for i := range toks {
			k := &toks[i]
			if k.cls == clsSpace {
				continue
			}
			n := t.features(k, &f)
			get := func(j int) string {
				if j < n && f[j] != "*" {
					return f[j]
				}
				return ""
			}
			infos = append(infos, TokenInfo{
				Surface:          s[k.start:k.end],
				Class:            [...]string{"KNOWN", "UNKNOWN", "USER"}[k.src],
				POS:              []string{f[0], f[1], f[2], f[3]},
				InflectionalType: get(4),
				InflectionalForm: get(5),
				BaseForm:         get(6),
				Reading:          get(7),
				Pronunciation:    get(8),
			})
		}
		b, err := json.Marshal(infos)
		if err != nil {
			return dst, toks, fmt.Errorf("encode tokens: %w", err)
		}
		dst = append(dst, b...)
		dst = append(dst, '\n')
	default:
		return dst, toks, fmt.Errorf("unknown token format %q (want mecab, wakati or json)", format)
	}
	return dst, toks, nil
}

// appendFeatures appends the token's MeCab features, joined by commas, as
// features would give them, without splitting anything into strings.
func (t *Tokenizer) appendFeatures(dst []byte, k *tok) []byte {
	sys := t.sys
	switch k.src {
	case srcKnown:
		id := int(k.id)
		if id < 0 || id >= len(sys.posOf) {
			return append(dst, "*,*,*,*"...)
		}
		dst = append(dst, sys.posJoined[sys.posOf[id]]...)
		r, ok := sys.row(id)
		if !ok {
			return dst
		}
		// Copy the row and turn its separators into commas; at most five
		// fields follow the four POS levels, as in features.
		dst = append(dst, ',')
		mark := len(dst)
		dst = append(dst, r...)
		seps := 0
		for i := mark; i < len(dst); i++ {
			if dst[i] == '\a' {
				if seps == 4 {
					return dst[:i]
				}
				dst[i] = ','
				seps++
			}
		}
		return dst
	case srcUnknown:
		if k.id < 0 || int(k.id) >= len(sys.unkJoined) {
			return append(dst, "*,*,*,*,*,*,*"...)
		}
		return append(dst, sys.unkJoined[k.id]...)
	case srcUser:
		e := &t.users[k.id]
		for _, p := range e.pos {
			dst = append(dst, p...)
			dst = append(dst, ',')
		}
		dst = append(dst, "*,*,"...)
		dst = append(dst, e.segs[k.seg]...)
		dst = append(dst, ',')
		dst = append(dst, e.yomi[k.seg]...)
		dst = append(dst, ',')
		return append(dst, e.yomi[k.seg]...)
	}
	return append(dst, "*,*,*,*,*,*,*"...)
}

// features fills f with the token's MeCab features and returns how many there
// are: 9 for dictionary words, 7 for unknown words (MeCab prints no base form,
// reading or pronunciation for those).
func (t *Tokenizer) features(k *tok, f *[9]string) int {
	for i := range f {
		f[i] = "*"
	}
	sys := t.sys
	switch k.src {
	case srcKnown:
		id := int(k.id)
		if id < 0 || id >= len(sys.posOf) {
			return 4
		}
		p := sys.pos[sys.posOf[id]]
		copy(f[:4], p[:])
		n := 4
		if r, ok := sys.row(id); ok {
			for ; n < len(f); n++ {
				j := strings.IndexByte(r, '\a')
				if j < 0 {
					f[n] = r
					n++
					break
				}
				f[n] = r[:j]
				r = r[j+1:]
			}
		}
		return n
	case srcUnknown:
		return t.unknownFeatures(k, f)
	case srcUser:
		e := &t.users[k.id]
		copy(f[:4], e.pos[:])
		f[6] = e.segs[k.seg]
		f[7] = e.yomi[k.seg]
		f[8] = e.yomi[k.seg]
		return 9
	}
	return 7
}

func (t *Tokenizer) unknownFeatures(k *tok, f *[9]string) int {
	d := t.sys.dict
	if k.id < 0 || int(k.id) >= len(d.UnkDict.Contents) {
		return 7
	}
	n := 0
	for _, c := range d.UnkDict.Contents[k.id] {
		if n == len(f) {
			break
		}
		f[n] = c
		n++
	}
	if n < 7 {
		n = 7
	}
	return n
}
