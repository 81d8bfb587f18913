package textenc

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf16"
)

// utf16Bytes encodes s as UTF-16 with the given byte order, optionally
// behind a BOM, the way Excel's "Unicode text" export writes it.
func utf16Bytes(s string, bigEndian, bom bool) []byte {
	var b []byte
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	for _, u := range units {
		if bigEndian {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return b
}

func cat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

// sjisSample is "地区,会社\n①㈱㍻,髙﨑\n" in CP932 bytes. The byte values are
// from Microsoft's cp932 table (Python's codecs.encode(..., "cp932") gives
// the same): ① 87 40, ㈱ 87 8A, ㍻ 87 7E (NEC row 13), 髙 FB FC and 﨑 FA B1
// (IBM extensions), and 髙 EE E0, 﨑 ED 95 (the NEC-selected copies of the
// same characters).
var sjisSample = []byte{
	0x92, 0x6E, 0x8B, 0xE6, ',', 0x89, 0xEF, 0x8E, 0xD0, '\n', // 地区,会社
	0x87, 0x40, 0x87, 0x8A, 0x87, 0x7E, ',', // ①㈱㍻,
	0xFB, 0xFC, 0xFA, 0xB1, 0xEE, 0xE0, 0xED, 0x95, '\n', // 髙﨑髙﨑
}

const sjisText = "地区,会社\n①㈱㍻,髙﨑髙﨑\n"

func TestDecode(t *testing.T) {
	long := strings.Repeat("a,b,c\n", LookAhead/6+100) // ASCII beyond the look-ahead
	tests := []struct {
		name string
		in   []byte
		want Encoding
		out  string
		enc  Encoding
	}{
		{"empty", nil, Auto, "", UTF8},
		{"ascii", []byte("a,b\n1,2\n"), Auto, "a,b\n1,2\n", UTF8},
		{"utf8", []byte("地区,年代\n穂高,30代\n"), Auto, "地区,年代\n穂高,30代\n", UTF8},
		{"utf8 bom", cat([]byte{0xEF, 0xBB, 0xBF}, []byte("地区\n")), Auto, "地区\n", UTF8BOM},
		{"utf8 bom fixed", cat([]byte{0xEF, 0xBB, 0xBF}, []byte("地区\n")), UTF8, "地区\n", UTF8BOM},
		{"cp932 auto", sjisSample, Auto, sjisText, CP932},
		{"cp932 fixed", sjisSample, CP932, sjisText, CP932},
		{"half-width katakana", []byte{0xB1, 0xDD, 0xB9, 0xB0, 0xC4, '\n'}, CP932, "ｱﾝｹｰﾄ\n", CP932},
		{"utf16le bom", utf16Bytes("地区\t年代\r\n穂高\t30代\r\n", false, true), Auto, "地区\t年代\r\n穂高\t30代\r\n", UTF16LE},
		{"utf16be bom", utf16Bytes("地区\t𠮷\n", true, true), Auto, "地区\t𠮷\n", UTF16BE},
		{"utf16 fixed with bom", utf16Bytes("a\tb\n", true, true), UTF16, "a\tb\n", UTF16BE},
		{"utf16le no bom guessed", utf16Bytes("id\t地区\n1\t穂高\n", false, false), Auto, "id\t地区\n1\t穂高\n", UTF16LE},
		{"utf16be no bom guessed", utf16Bytes("id\t地区\n1\t穂高\n", true, false), UTF16, "id\t地区\n1\t穂高\n", UTF16BE},
		{"ascii then utf8 past look-ahead", []byte(long + "穂高\n"), Auto, long + "穂高\n", UTF8},
		// A two-byte character straddling the detector's 256-byte steps.
		{"sjis char across detection steps", cat([]byte{0xB0}, bytes.Repeat([]byte{0x95, 0xE4}, 300)), Auto, "ｰ" + strings.Repeat("穂", 300), CP932},
		{"ascii then sjis past look-ahead", cat([]byte(long), sjisSample), Auto, long + sjisText, CP932},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, enc, err := Decode(tc.in, "in.csv", tc.want)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if out != tc.out {
				t.Errorf("text = %q, want %q", trunc(out), trunc(tc.out))
			}
			if enc != tc.enc {
				t.Errorf("encoding = %s, want %s", enc, tc.enc)
			}
			// The same bytes one at a time must give the same text: the
			// reader may not depend on how the source splits its reads.
			r := NewReader(iotest.OneByteReader(bytes.NewReader(tc.in)), "in.csv", tc.want)
			got, err := io.ReadAll(r)
			if err != nil {
				t.Fatalf("one byte at a time: %v", err)
			}
			if string(got) != tc.out || r.Encoding() != tc.enc {
				t.Errorf("one byte at a time: %q (%s), want %q (%s)", trunc(string(got)), r.Encoding(), trunc(tc.out), tc.enc)
			}
		})
	}
}

func trunc(s string) string {
	if len(s) > 80 {
		return s[:40] + "…" + s[len(s)-40:]
	}
	return s
}

func TestDecodeErrors(t *testing.T) {
	long := strings.Repeat("あ,い\n", LookAhead/8+10) // UTF-8 beyond the look-ahead
	longLines := strings.Count(long, "\n")
	tests := []struct {
		name   string
		in     []byte
		want   Encoding
		line   int
		col    int
		offset int64
		bytes  []byte
		enc    Encoding
		hint   string // a substring of the hint
	}{
		// "穂高\n" is 7 bytes, so the bad byte 0xFF sits at offset 7+4 on
		// line 2 after the two characters "a,".
		{"bad utf8", cat([]byte("穂高\na,"), []byte{0xFF}, []byte("b\n")), UTF8, 2, 3, 9, []byte{0xFF}, UTF8, ""},
		{"truncated utf8 at end", cat([]byte("穂高\n"), []byte{0xE7, 0xA9}), UTF8, 2, 1, 7, []byte{0xE7, 0xA9}, UTF8, ""},
		// 0x81 0x20: a lead byte followed by a space is not a character.
		{"bad sjis pair", cat(sjisSample, []byte{'x', 0x81, 0x20}), CP932, 3, 2, int64(len(sjisSample) + 1), []byte{0x81, 0x20}, CP932, ""},
		{"sjis 0x80", cat([]byte("ab\n"), []byte{0x80}), CP932, 2, 1, 3, []byte{0x80}, CP932, ""},
		{"sjis 0xA0", []byte{0x92, 0x6E, 0xA0}, CP932, 1, 2, 2, []byte{0xA0}, CP932, ""},
		{"sjis lone lead at end", []byte{'a', 0x92}, CP932, 1, 2, 1, []byte{0x92}, CP932, ""},
		// 0xFF is valid in neither; Shift_JIS gets further (it accepts 0x92
		// 0x6E), so the error is in its terms and names UTF-8's offset.
		{"neither", []byte{'a', 0x92, 0x6E, 0xFF}, Auto, 1, 3, 3, []byte{0xFF}, CP932, "UTF-8 fails at byte offset 1"},
		{"utf8 detected then bad", cat([]byte(long), []byte{0x92, 0x6E}), Auto, longLines + 1, 1, int64(len(long)), []byte{0x92}, UTF8, "set encoding = \"cp932\""},
		{"cp932 with utf8 bom", []byte{0xEF, 0xBB, 0xBF, 'a'}, CP932, 1, 1, 0, []byte{0xEF, 0xBB, 0xBF}, CP932, "byte order mark"},
		{"utf8 with utf16 bom", []byte{0xFF, 0xFE, 'a', 0}, UTF8, 1, 1, 0, []byte{0xFF, 0xFE}, UTF8, "byte order mark"},
		{"utf16le given be bom", []byte{0xFE, 0xFF, 0, 'a'}, UTF16LE, 1, 1, 0, []byte{0xFE, 0xFF}, UTF16LE, "byte order mark"},
		// BOM (2 bytes) + "a\n" (4 bytes): the lone low surrogate DC00 is at
		// offset 6 on line 2.
		{"utf16 lone low surrogate", cat(utf16Bytes("a\n", false, true), []byte{0x00, 0xDC}), Auto, 2, 1, 6, []byte{0x00, 0xDC}, UTF16LE, ""},
		{"utf16 high surrogate then a", cat(utf16Bytes("a", false, true), []byte{0x3D, 0xD8, 'a', 0}), Auto, 1, 2, 4, []byte{0x3D, 0xD8, 'a', 0}, UTF16LE, ""},
		{"utf16 odd byte", cat(utf16Bytes("ab", true, true), []byte{0x30}), Auto, 1, 3, 6, []byte{0x30}, UTF16BE, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, split := range []string{"whole", "one byte"} {
				var src io.Reader = bytes.NewReader(tc.in)
				if split == "one byte" {
					src = iotest.OneByteReader(src)
				}
				_, err := io.ReadAll(NewReader(src, "x.csv", tc.want))
				var de *DecodeError
				if !errors.As(err, &de) {
					t.Fatalf("%s: err = %v, want a *DecodeError", split, err)
				}
				if de.Path != "x.csv" || de.Line != tc.line || de.Column != tc.col || de.Offset != tc.offset || !bytes.Equal(de.Bytes, tc.bytes) || de.Encoding != tc.enc {
					t.Errorf("%s: got %s:%d:%d offset %d bytes % X enc %s, want x.csv:%d:%d offset %d bytes % X enc %s",
						split, de.Path, de.Line, de.Column, de.Offset, de.Bytes, de.Encoding, tc.line, tc.col, tc.offset, tc.bytes, tc.enc)
				}
				if !strings.Contains(de.Hint, tc.hint) {
					t.Errorf("%s: hint %q does not contain %q", split, de.Hint, tc.hint)
				}
				if !strings.HasPrefix(de.Error(), "x.csv:") {
					t.Errorf("%s: message %q does not start with the path", split, de.Error())
				}
			}
		})
	}
}

// TestValidPrefixBeforeError checks that every valid byte before a bad one
// is delivered, so a reader above sees the rows before the error.
func TestValidPrefixBeforeError(t *testing.T) {
	in := cat([]byte("一,二\n三,"), []byte{0xFF})
	got, err := io.ReadAll(NewReader(bytes.NewReader(in), "p", UTF8))
	var de *DecodeError
	if !errors.As(err, &de) {
		t.Fatalf("err = %v, want a decode error", err)
	}
	if string(got) != "一,二\n三," {
		t.Errorf("prefix = %q", got)
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk gone") }

func TestSourceError(t *testing.T) {
	_, err := io.ReadAll(NewReader(failingReader{}, "p.csv", Auto))
	if err == nil || !strings.Contains(err.Error(), "read p.csv: disk gone") {
		t.Errorf("err = %v, want the source error with the path", err)
	}
}

func TestParseName(t *testing.T) {
	tests := []struct {
		in   string
		want Encoding
		ok   bool
	}{
		{"", Auto, true}, {"auto", Auto, true}, {"UTF-8", UTF8, true}, {"utf8", UTF8, true},
		{"cp932", CP932, true}, {"Shift_JIS", CP932, true}, {"sjis", CP932, true},
		{"utf-16", UTF16, true}, {"utf-16le", UTF16LE, true}, {"utf-16be", UTF16BE, true},
		{"latin1", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseName(tc.in)
			if (err == nil) != tc.ok || got != tc.want {
				t.Errorf("ParseName(%q) = %q, %v", tc.in, got, err)
			}
		})
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte("a,b\n"), uint8(0))
	f.Add(sjisSample, uint8(0))
	f.Add(utf16Bytes("地区\n", false, true), uint8(0))
	f.Add([]byte{0xEF, 0xBB, 0xBF, 0xE3, 0x81}, uint8(1))
	f.Add([]byte{0x81, 0x20, 0xFF}, uint8(2))
	encs := []Encoding{Auto, UTF8, CP932, UTF16, UTF16LE, UTF16BE}
	f.Fuzz(func(t *testing.T, b []byte, e uint8) {
		want := encs[int(e)%len(encs)]
		whole, _, err1 := Decode(b, "f", want)
		r := NewReader(iotest.OneByteReader(bytes.NewReader(b)), "f", want)
		bytewise, err2 := io.ReadAll(r)
		if (err1 == nil) != (err2 == nil) {
			t.Fatalf("whole err %v, one byte err %v", err1, err2)
		}
		var de *DecodeError
		if err1 != nil {
			if !errors.As(err1, &de) {
				t.Fatalf("error is not a DecodeError: %v", err1)
			}
			if de.Offset < 0 || de.Offset >= int64(len(b)) || de.Line < 1 || de.Column < 1 {
				t.Fatalf("error position out of range: %v (len %d)", de, len(b))
			}
			return
		}
		if whole != string(bytewise) {
			t.Fatalf("whole %q != one byte at a time %q", whole, bytewise)
		}
		if strings.ContainsRune(whole, '\uFFFD') && !bytes.Contains(b, []byte("\uFFFD")) && r.Encoding() != UTF16LE && r.Encoding() != UTF16BE {
			t.Fatalf("U+FFFD in output but not in input: %q", whole)
		}
	})
}

func ExampleDecode() {
	// "穂高" in Shift_JIS, as an old Excel would save it.
	text, enc, err := Decode([]byte{0x95, 0xE4, 0x8D, 0x82}, "survey.csv", Auto)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(text, enc)
	// Output: 穂高 cp932
}

func benchDecode(b *testing.B, in []byte, want Encoding) {
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		n, err := io.Copy(io.Discard, NewReader(bytes.NewReader(in), "b", want))
		if err != nil || n == 0 {
			b.Fatal(n, err)
		}
	}
}

// BenchmarkDecodeCP932 decodes about 1 MB of Shift_JIS survey-like rows.
func BenchmarkDecodeCP932(b *testing.B) {
	benchDecode(b, bytes.Repeat(cat(sjisSample, []byte("1,\x95\xE4\x8D\x82,30\x91\xE3\r\n")), 1<<20/40), Auto)
}

// BenchmarkDecodeUTF8 decodes about 1 MB of UTF-8 rows with a BOM.
func BenchmarkDecodeUTF8(b *testing.B) {
	benchDecode(b, cat([]byte{0xEF, 0xBB, 0xBF}, bytes.Repeat([]byte(sjisText+"1,穂高,30代\r\n"), 1<<20/50)), Auto)
}
