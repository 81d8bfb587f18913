package textenc

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/transform"
)

// Encoding names a text encoding. The values are what Result structs and
// messages show.
type Encoding string

const (
	Auto    Encoding = "auto"      // detect: BOM, then UTF-8, then Shift_JIS
	UTF8    Encoding = "utf-8"     // UTF-8 without BOM (plain ASCII included)
	UTF8BOM Encoding = "utf-8-bom" // UTF-8 that starts with a byte order mark
	CP932   Encoding = "cp932"     // Shift_JIS with the Microsoft/NEC/IBM extensions
	UTF16   Encoding = "utf-16"    // byte order from the BOM (little-endian without one)
	UTF16LE Encoding = "utf-16le"
	UTF16BE Encoding = "utf-16be"
)

// LookAhead is how many bytes auto-detection looks at before it decides. A
// file that is plain ASCII for longer than that is still decided correctly:
// detection waits for the first non-ASCII byte and looks LookAhead bytes on
// from there.
const LookAhead = 64 << 10

// ParseName maps the encoding names a codebook accepts to an Encoding.
func ParseName(s string) (Encoding, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "auto":
		return Auto, nil
	case "utf-8", "utf8":
		return UTF8, nil
	case "utf-8-bom", "utf-8-sig":
		return UTF8BOM, nil
	case "cp932", "shift_jis", "shift-jis", "sjis", "windows-31j", "ms932":
		return CP932, nil
	case "utf-16", "utf16":
		return UTF16, nil
	case "utf-16le":
		return UTF16LE, nil
	case "utf-16be":
		return UTF16BE, nil
	}
	return "", fmt.Errorf("encoding %q is not one of auto, utf-8, cp932, utf-16, utf-16le, utf-16be", s)
}

func (e Encoding) display() string {
	switch e {
	case CP932:
		return "Shift_JIS (cp932)"
	case UTF8BOM:
		return "UTF-8"
	case UTF8:
		return "UTF-8"
	case UTF16LE:
		return "UTF-16LE"
	case UTF16BE:
		return "UTF-16BE"
	}
	return string(e)
}

// DecodeError is a byte sequence that is not valid in the encoding in use.
type DecodeError struct {
	Path     string
	Encoding Encoding
	Line     int   // 1-based line of the bad bytes (lines end at '\n')
	Column   int   // 1-based column in characters
	Offset   int64 // 0-based byte offset in the file
	Bytes    []byte
	Hint     string // how to fix it, when there is a likely fix
}

func (e *DecodeError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%d:%d: ", e.Path, e.Line, e.Column)
	if len(e.Bytes) == 0 {
		fmt.Fprintf(&b, "at byte offset %d: not valid %s", e.Offset, e.Encoding.display())
	} else {
		fmt.Fprintf(&b, "bytes % X at byte offset %d are not valid %s", e.Bytes, e.Offset, e.Encoding.display())
	}
	if e.Hint != "" {
		b.WriteString("; ")
		b.WriteString(e.Hint)
	}
	return b.String()
}

// Decode decodes a whole byte slice (a transcript, a sticky-note file).
func Decode(b []byte, path string, want Encoding) (string, Encoding, error) {
	r := NewReader(bytes.NewReader(b), path, want)
	out, err := io.ReadAll(r)
	if err != nil {
		return "", r.Encoding(), err
	}
	return string(out), r.Encoding(), nil
}

// Reader decodes an encoded byte stream to UTF-8. Its Read returns a
// *DecodeError at the first invalid byte, after every valid byte before it.
type Reader struct {
	src  io.Reader
	path string
	want Encoding

	enc      Encoding // "" until decided
	started  bool
	pending  bool   // auto mode, only ASCII seen so far: both candidates agree
	deciding bool   // pending mode met a non-ASCII byte at in[inPos]
	hint     string // added to decode errors once the encoding was guessed

	in     []byte // raw bytes: in[inPos:] not yet decoded
	inPos  int
	off    int64 // file offset of in[0]
	srcEOF bool

	out    []byte // decoded bytes not yet returned: out[outPos:]
	outPos int
	buf    []byte // scratch for decoders that cannot alias the input
	err    error  // returned once out is drained

	line, col int // position just after the last decoded byte
	sjis      transform.Transformer
	more      int // undecoded bytes the decoder needs before it can go on
}

// NewReader returns a Reader that decodes src, which is named path in
// errors. want is Auto or a fixed encoding (a BOM that contradicts a fixed
// encoding is an error).
func NewReader(src io.Reader, path string, want Encoding) *Reader {
	if want == "" {
		want = Auto
	}
	return &Reader{src: src, path: path, want: want, line: 1, col: 1}
}

// Encoding is the encoding in use: the one asked for, or the detected one.
// It is final once Read has returned io.EOF; a file that held only ASCII is
// reported as UTF8.
func (r *Reader) Encoding() Encoding {
	if r.enc == "" {
		switch r.want {
		case Auto:
			return UTF8
		case UTF16:
			return UTF16LE
		}
		return r.want
	}
	return r.enc
}

// Read implements io.Reader.
func (r *Reader) Read(p []byte) (int, error) {
	for r.outPos == len(r.out) {
		if r.err != nil {
			return 0, r.err
		}
		r.out, r.outPos = r.out[:0], 0
		r.step()
	}
	n := copy(p, r.out[r.outPos:])
	r.outPos += n
	return n, nil
}

const chunk = 64 << 10

// fill reads until at least min undecoded bytes are buffered or the source
// ends. It may move the buffered bytes; out must not alias in when called.
func (r *Reader) fill(min int) error {
	if r.inPos > 0 {
		n := copy(r.in, r.in[r.inPos:])
		r.off += int64(r.inPos)
		r.in, r.inPos = r.in[:n], 0
	}
	for len(r.in) < min && !r.srcEOF {
		if cap(r.in)-len(r.in) < chunk/2 {
			grown := make([]byte, len(r.in), 2*cap(r.in)+chunk)
			copy(grown, r.in)
			r.in = grown
		}
		n, err := r.src.Read(r.in[len(r.in):cap(r.in)])
		r.in = r.in[:len(r.in)+n]
		if err == io.EOF {
			r.srcEOF = true
		} else if err != nil {
			return fmt.Errorf("read %s: %w", r.path, err)
		}
	}
	return nil
}

func (r *Reader) step() {
	need := max(1, r.more)
	r.more = 0
	if !r.started || r.deciding {
		need = max(need, LookAhead)
	}
	if len(r.in)-r.inPos < need {
		if err := r.fill(need); err != nil {
			r.err = err
			return
		}
	}
	if !r.started {
		r.started = true
		if err := r.start(); err != nil {
			r.err = err
			return
		}
	}
	src := r.in[r.inPos:]
	if len(src) == 0 && r.srcEOF {
		r.err = io.EOF
		return
	}
	if r.deciding {
		r.deciding = false
		r.pending = false
		r.decide(src)
	}
	if r.pending {
		i := 0
		for i < len(src) && src[i] < utf8.RuneSelf {
			i++
		}
		if i < len(src) {
			r.deciding = true
		}
		r.emitAlias(i)
		return
	}
	switch r.enc {
	case UTF8, UTF8BOM:
		r.stepUTF8(src)
	case CP932:
		r.stepSJIS(src)
	case UTF16LE, UTF16BE:
		r.stepUTF16(src)
	default:
		r.err = fmt.Errorf("decode %s: unknown encoding %q", r.path, r.enc)
	}
}

// start looks at the first bytes: byte order marks, and in auto mode the
// first non-ASCII text.
func (r *Reader) start() error {
	head := r.in
	bom := Encoding("")
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		bom = UTF8BOM
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		bom = UTF16LE
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		bom = UTF16BE
	}
	skip := map[Encoding]int{UTF8BOM: 3, UTF16LE: 2, UTF16BE: 2}[bom]
	mismatch := func() error {
		return &DecodeError{Path: r.path, Encoding: r.want, Line: 1, Column: 1, Bytes: append([]byte(nil), head[:skip]...),
			Hint: fmt.Sprintf("the file starts with a %s byte order mark; set encoding = \"auto\" in the codebook", bom.display())}
	}
	switch r.want {
	case Auto:
		if bom != "" {
			r.enc = bom
			break
		}
		if e := guessUTF16(head); e != "" {
			r.enc = e
			r.hint = "no byte order mark; the NUL bytes suggested " + e.display()
			break
		}
		r.pending = true
	case UTF8, UTF8BOM:
		switch bom {
		case UTF8BOM:
			r.enc = UTF8BOM
		case "":
			r.enc = UTF8
		default:
			return mismatch()
		}
	case CP932:
		if bom != "" {
			return mismatch()
		}
		r.enc = CP932
	case UTF16:
		switch bom {
		case UTF16LE, UTF16BE:
			r.enc = bom
		case "":
			r.enc = UTF16LE
			if e := guessUTF16(head); e != "" {
				r.enc = e
			}
		default:
			return mismatch()
		}
	case UTF16LE, UTF16BE:
		if bom != "" && bom != r.want {
			return mismatch()
		}
		r.enc = r.want
	default:
		return fmt.Errorf("decode %s: unknown encoding %q", r.path, r.want)
	}
	r.inPos += skip
	return nil
}

// guessUTF16 recognises BOM-less UTF-16 by its NUL bytes: text with ASCII
// in it (every CSV has commas and newlines) has a zero in every other byte,
// which neither UTF-8 nor Shift_JIS text ever has.
func guessUTF16(head []byte) Encoding {
	var even, odd, pairs int
	for i := 0; i+1 < len(head); i += 2 {
		pairs++
		if head[i] == 0 {
			even++
		}
		if head[i+1] == 0 {
			odd++
		}
	}
	if pairs < 2 {
		return ""
	}
	switch {
	case odd*4 >= pairs && even == 0:
		return UTF16LE
	case even*4 >= pairs && odd == 0:
		return UTF16BE
	}
	return ""
}

// decide picks UTF-8 or Shift_JIS for auto mode from a window that starts at
// the first non-ASCII byte.
func (r *Reader) decide(window []byte) {
	atEOF := r.srcEOF
	u := firstBadUTF8(window, atEOF)
	if u < 0 {
		r.enc = UTF8
		r.hint = "the encoding was detected as UTF-8 from the first non-ASCII text; if the file is Shift_JIS set encoding = \"cp932\" in the codebook"
		return
	}
	s := firstBadSJIS(window, atEOF)
	if s < 0 {
		r.enc = CP932
		r.hint = "the encoding was detected as Shift_JIS from the first non-ASCII text; if the file is UTF-8 set encoding = \"utf-8\" in the codebook"
		return
	}
	// Neither fits. Report in terms of the one that got further, which is
	// the likelier intent, and name the other's failure too.
	if s > u {
		r.enc = CP932
		r.hint = fmt.Sprintf("the file is neither Shift_JIS nor UTF-8 (UTF-8 fails at byte offset %d); re-save it as UTF-8", r.off+int64(r.inPos+u))
	} else {
		r.enc = UTF8
		r.hint = fmt.Sprintf("the file is neither UTF-8 nor Shift_JIS (Shift_JIS fails at byte offset %d); re-save it as UTF-8", r.off+int64(r.inPos+s))
	}
}

// emitAlias hands on n undecoded bytes unchanged (they are already UTF-8).
func (r *Reader) emitAlias(n int) {
	b := r.in[r.inPos : r.inPos+n]
	r.track(b)
	r.out, r.outPos = b, 0
	r.inPos += n
}

func (r *Reader) emit(b []byte) {
	r.track(b)
	r.out, r.outPos = b, 0
}

func (r *Reader) track(b []byte) {
	if i := bytes.LastIndexByte(b, '\n'); i >= 0 {
		r.line += bytes.Count(b, []byte{'\n'})
		r.col = 1 + utf8.RuneCount(b[i+1:])
	} else {
		r.col += utf8.RuneCount(b)
	}
}

func (r *Reader) fail(at, n int) {
	src := r.in[r.inPos:]
	end := min(at+n, len(src))
	r.err = &DecodeError{Path: r.path, Encoding: r.enc, Line: r.line, Column: r.col,
		Offset: r.off + int64(r.inPos+at), Bytes: append([]byte(nil), src[at:end]...), Hint: r.hint}
}

// firstBadUTF8 returns the index of the first invalid byte, or -1. Without
// atEOF an incomplete sequence at the end is not yet invalid.
func firstBadUTF8(b []byte, atEOF bool) int {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		c, size := utf8.DecodeRune(b[i:])
		if c == utf8.RuneError && size == 1 {
			if !atEOF && !utf8.FullRune(b[i:]) {
				return -1
			}
			return i
		}
		i += size
	}
	return -1
}

func (r *Reader) stepUTF8(src []byte) {
	n := completeUTF8(src, r.srcEOF)
	if utf8.Valid(src[:n]) {
		if n == 0 {
			r.more = len(src) + 1
		}
		r.emitAlias(n)
		return
	}
	bad := firstBadUTF8(src, true)
	r.emitAlias(bad)
	r.fail(0, len(utf8Prefix(r.in[r.inPos:])))
}

// utf8Prefix returns the bytes that look like one (broken) UTF-8 sequence,
// so that a sequence which merely stops early is shown whole.
func utf8Prefix(b []byte) []byte {
	n := 1
	for n < len(b) && n < utf8.UTFMax && b[n]&0xC0 == 0x80 {
		n++
	}
	return b[:n]
}

// completeUTF8 returns how much of b ends on a whole character, leaving an
// incomplete final sequence for the next read unless atEOF.
func completeUTF8(b []byte, atEOF bool) int {
	if atEOF {
		return len(b)
	}
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			if utf8.FullRune(b[i:]) {
				return len(b)
			}
			return i
		}
	}
	return len(b)
}

func isSJISLead(c byte) bool { return (0x81 <= c && c <= 0x9F) || (0xE0 <= c && c <= 0xFC) }

// firstBadSJIS returns the index of the first invalid Shift_JIS character,
// or -1.
func firstBadSJIS(b []byte, atEOF bool) int {
	var dst [4 * 256]byte
	t := japanese.ShiftJIS.NewDecoder()
	for pos := 0; pos < len(b); {
		end := min(pos+256, len(b))
		nDst, nSrc, err := t.Transform(dst[:], b[pos:end], atEOF && end == len(b))
		if i := badSJISRune(dst[:nDst]); i >= 0 {
			return pos + sjisByteIndex(b[pos:], i)
		}
		if nSrc == 0 {
			if err == transform.ErrShortSrc && !atEOF && end == len(b) {
				return -1 // an incomplete character that the next read completes
			}
			return pos
		}
		pos += nSrc
	}
	return -1
}

// badSJISRune returns how many runes precede the first one that shows the
// decoder met an invalid sequence, or -1. U+FFFD is what x/text writes for
// invalid bytes; U+0080 is what it writes for the lone byte 0x80, which
// CP932 leaves undefined.
func badSJISRune(out []byte) int {
	i := bytes.IndexRune(out, utf8.RuneError)
	if j := bytes.Index(out, []byte{0xC2, 0x80}); j >= 0 && (i < 0 || j < i) {
		i = j
	}
	if i < 0 {
		return -1
	}
	return utf8.RuneCount(out[:i])
}

// sjisByteIndex finds the byte offset of the k-th character of valid
// Shift_JIS text (every character before the bad one is valid, so lead
// bytes always take two bytes).
func sjisByteIndex(b []byte, k int) int {
	i := 0
	for ; k > 0 && i < len(b); k-- {
		if isSJISLead(b[i]) {
			i += 2
		} else {
			i++
		}
	}
	return min(i, len(b))
}

func (r *Reader) stepSJIS(src []byte) {
	if r.sjis == nil {
		r.sjis = japanese.ShiftJIS.NewDecoder()
	}
	// Each byte becomes at most three bytes of UTF-8 (half-width katakana).
	if need := 3*len(src) + utf8.UTFMax; cap(r.buf) < need {
		r.buf = make([]byte, need)
	}
	dst := r.buf[:cap(r.buf)]
	nDst, nSrc, err := r.sjis.Transform(dst, src, r.srcEOF)
	if err != nil && err != transform.ErrShortSrc {
		r.err = fmt.Errorf("decode %s: %w", r.path, err)
		return
	}
	if k := badSJISRune(dst[:nDst]); k >= 0 {
		at := sjisByteIndex(src, k)
		prefix := dst[:nDst]
		prefix = prefix[:runeOffset(prefix, k)]
		r.emit(prefix)
		n := 1
		if isSJISLead(src[at]) && at+1 < len(src) {
			n = 2
		}
		r.fail(at, n)
		return
	}
	if nSrc == 0 {
		r.more = len(src) + 1
	}
	r.emit(dst[:nDst])
	r.inPos += nSrc
}

func runeOffset(b []byte, k int) int {
	i := 0
	for ; k > 0 && i < len(b); k-- {
		_, size := utf8.DecodeRune(b[i:])
		i += size
	}
	return i
}

func (r *Reader) stepUTF16(src []byte) {
	if cap(r.buf) < 2*len(src)+utf8.UTFMax {
		r.buf = make([]byte, 0, 2*len(src)+utf8.UTFMax)
	}
	dst := r.buf[:0]
	unit := func(i int) uint16 {
		if r.enc == UTF16BE {
			return uint16(src[i])<<8 | uint16(src[i+1])
		}
		return uint16(src[i+1])<<8 | uint16(src[i])
	}
	i := 0
	bad, badLen := -1, 0
	for i+1 < len(src) {
		u := unit(i)
		switch {
		case !utf16.IsSurrogate(rune(u)):
			dst = utf8.AppendRune(dst, rune(u))
			i += 2
			continue
		case u >= 0xDC00: // a low surrogate with no high one before it
			bad, badLen = i, 2
		case i+3 >= len(src):
			if !r.srcEOF {
				goto done
			}
			bad, badLen = i, len(src)-i
		default:
			lo := unit(i + 2)
			if lo < 0xDC00 || lo > 0xDFFF {
				bad, badLen = i, 4
				break
			}
			dst = utf8.AppendRune(dst, utf16.DecodeRune(rune(u), rune(lo)))
			i += 4
			continue
		}
		break
	}
	if bad < 0 && i < len(src) && r.srcEOF {
		bad, badLen = i, 1 // an odd byte at the end
	}
done:
	r.buf = dst
	r.emit(dst)
	r.inPos += i
	if bad >= 0 {
		r.fail(bad-i, badLen)
		return
	}
	if i == 0 {
		r.more = len(src) + 1
	}
}
