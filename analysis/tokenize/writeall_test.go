package tokenize

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
)

// sequential is the reference WriteAll must match: WriteTokens on each line,
// as `koe tokenize` did before it went parallel.
func sequential(t testing.TB, tk *Tokenizer, in, format string) []byte {
	t.Helper()
	var b bytes.Buffer
	for in != "" {
		line := in
		if i := strings.IndexByte(in, '\n'); i >= 0 {
			line, in = in[:i], in[i+1:]
		} else {
			in = ""
		}
		if err := tk.WriteTokens(&b, strings.TrimRight(line, "\r\n"), format); err != nil {
			t.Fatal(err)
		}
	}
	return b.Bytes()
}

// writeAllFixture has what line splitting must get right: CRLF, blank lines,
// a long line spanning several chunks, and no final line feed.
func writeAllFixture() string {
	// 162 kB: longer than a chunk and than the read buffer.
	long := strings.Repeat("安曇野市の公共交通と子育て支援について、意見を述べます。", 2000)
	return strings.Join([]string{
		"安曇野市の防災対策",
		"バスが足りません。ｽﾏﾎで申請したい！！\r",
		"",
		"\r",
		long,
		"国営アルプスあづみの公園とSDGs、ai",
		"ﾎﾟﾎﾟﾛｽｶｯﾄ未知語",
		"  全角　スペース  ",
		"穂高神社に行く",
		"最後の行に改行がない",
	}, "\n")
}

func TestWriteAllMatchesSequential(t *testing.T) {
	tk := newTestTokenizer(t)
	inputs := []struct{ name, text string }{
		{"fixture", writeAllFixture()},
		{"empty", ""},
		{"one line feed", "\n"},
		{"no final line feed", "a\nb"},
		{"fixture repeated", strings.Repeat(writeAllFixture()+"\n", 3)},
	}
	for _, in := range inputs {
		for _, format := range []string{FormatWakati, FormatMeCab, FormatJSON} {
			t.Run(in.name+"/"+format, func(t *testing.T) {
				want := sequential(t, tk, in.text, format)
				var got bytes.Buffer
				// OneByteReader makes every chunk end inside a read.
				r := io.Reader(strings.NewReader(in.text))
				if in.name == "no final line feed" {
					r = iotest.OneByteReader(r)
				}
				if err := tk.WriteAll(context.Background(), r, &got, format); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got.Bytes(), want) {
					t.Errorf("WriteAll output (%d bytes) differs from WriteTokens line by line (%d bytes) at byte %d",
						got.Len(), len(want), firstDiff(got.Bytes(), want))
				}
			})
		}
	}
}

// TestWriteAllAozora compares parallel and sequential output on the three
// Aozora novels in ../shared (1 MB, 10 MB of MeCab format).
func TestWriteAllAozora(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 1 MB of Aozora text")
	}
	text := aozoraText(t)
	tk := newTestTokenizer(t)
	for _, format := range []string{FormatWakati, FormatMeCab} {
		t.Run(format, func(t *testing.T) {
			want := sequential(t, tk, text, format)
			var got bytes.Buffer
			if err := tk.WriteAll(context.Background(), strings.NewReader(text), &got, format); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("WriteAll output (%d bytes) differs from WriteTokens line by line (%d bytes) at byte %d",
					got.Len(), len(want), firstDiff(got.Bytes(), want))
			}
		})
	}
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// aozoraText returns the Aozora novels in ../shared as they are on disk, one
// after the other, or skips.
func aozoraText(t testing.TB) string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(sharedDir(t), "realdata", "aozora", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, f := range files {
		if filepath.Base(f) == "SOURCE.txt" {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(data)
	}
	if b.Len() == 0 {
		t.Skip("no Aozora texts in ../shared/realdata/aozora")
	}
	return b.String()
}

type failWriter struct{ n int }

func (w *failWriter) Write(p []byte) (int, error) {
	if w.n == 0 {
		return 0, errors.New("disk full")
	}
	w.n--
	return len(p), nil
}

func TestWriteAllErrors(t *testing.T) {
	tk := newTestTokenizer(t)
	many := strings.Repeat("安曇野市の防災対策\n", 20000) // 580 kB: many chunks
	t.Run("bad format", func(t *testing.T) {
		err := tk.WriteAll(context.Background(), strings.NewReader("a\n"), io.Discard, "chasen")
		if err == nil || !strings.Contains(err.Error(), `"chasen"`) {
			t.Errorf("got %v, want an error naming the format", err)
		}
	})
	t.Run("write fails", func(t *testing.T) {
		err := tk.WriteAll(context.Background(), strings.NewReader(many), &failWriter{n: 2}, FormatWakati)
		if err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("got %v, want the write error", err)
		}
	})
	t.Run("read fails", func(t *testing.T) {
		r := io.MultiReader(strings.NewReader("安曇野\n"), iotest.ErrReader(errors.New("broken pipe")))
		var b bytes.Buffer
		err := tk.WriteAll(context.Background(), r, &b, FormatWakati)
		if err == nil || !strings.Contains(err.Error(), "broken pipe") {
			t.Errorf("got %v, want the read error", err)
		}
		// What was read before the error is still written.
		if b.String() != "安曇野\n" {
			t.Errorf("wrote %q before the error, want %q", b.String(), "安曇野\n")
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		err := tk.WriteAll(ctx, strings.NewReader(many), io.Discard, FormatWakati)
		if !errors.Is(err, context.Canceled) {
			t.Errorf("got %v, want context.Canceled", err)
		}
	})
}

// BenchmarkWriteAll measures `koe tokenize` without the dictionary load: the
// Aozora novels through WriteAll on all cores; MB/s counts input bytes.
// Compare BenchmarkWriteTokens for one core.
func BenchmarkWriteAll(b *testing.B) {
	text := aozoraText(b)
	tk := newTestTokenizer(b)
	for _, format := range []string{FormatWakati, FormatMeCab} {
		b.Run(format, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				if err := tk.WriteAll(context.Background(), strings.NewReader(text), io.Discard, format); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkWriteTokens is the sequential baseline: WriteTokens line by line.
func BenchmarkWriteTokens(b *testing.B) {
	text := aozoraText(b)
	lines := strings.Split(text, "\n")
	tk := newTestTokenizer(b)
	for _, format := range []string{FormatWakati, FormatMeCab} {
		b.Run(format, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				for _, l := range lines {
					if err := tk.WriteTokens(io.Discard, l, format); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// BenchmarkLoadSystem measures decoding the IPA dictionary as a process does
// once: the parts the search needs (in parallel), and the feature rows.
func BenchmarkLoadSystem(b *testing.B) {
	b.Run("search", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := decodeSystem(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("features", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := decodeFeatures(); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestAppendFeaturesMatchesFeatures checks the mecab writer's features
// against features, which the json format and TestMeCabAgreement read, for
// dictionary, unknown and user words.
func TestAppendFeaturesMatchesFeatures(t *testing.T) {
	tk := newTestTokenizer(t)
	if err := tk.sys.loadFeatures(); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(writeAllFixture(), "\n")
	kinds := map[source]int{}
	var f [9]string
	for _, l := range lines {
		s := Normalize(l)
		for _, k := range tk.lex(s, nil, false) {
			n := tk.features(&k, &f)
			want := strings.Join(f[:n], ",")
			if got := string(tk.appendFeatures(nil, &k)); got != want {
				t.Errorf("%q: appendFeatures %q, features %q", s[k.start:k.end], got, want)
			}
			kinds[k.src]++
		}
	}
	if kinds[srcKnown] == 0 || kinds[srcUnknown] == 0 || kinds[srcUser] == 0 {
		t.Errorf("fixture lacks a kind of token: %v", kinds)
	}
}
