package synth

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"koe/ingest"
)

// TestGenerateDeterministic: the same options give the same bytes whatever
// the number of cores, and another seed gives other bytes.
func TestGenerateDeterministic(t *testing.T) {
	opt := Options{Respondents: 3*blockRows + 17, Waves: 2, Workshops: 5}
	read := func(dir string) map[string][]byte {
		out := map[string][]byte{}
		filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				b, _ := os.ReadFile(p)
				rel, _ := filepath.Rel(dir, p)
				out[rel] = b
			}
			return nil
		})
		return out
	}
	a := t.TempDir()
	if _, err := Generate(a, opt); err != nil {
		t.Fatal(err)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	b := t.TempDir()
	if _, err := Generate(b, opt); err != nil {
		t.Fatal(err)
	}
	fa, fb := read(a), read(b)
	if len(fa) != len(fb) || len(fa) != 3+2+5 {
		t.Fatalf("%d and %d files, want 10", len(fa), len(fb))
	}
	for name, data := range fa {
		if !bytes.Equal(data, fb[name]) {
			t.Errorf("%s differs between 2 cores and 1", name)
		}
	}
	opt.Seed = 2
	c := t.TempDir()
	if _, err := Generate(c, opt); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(read(c)["r8/survey.csv"], fa["r8/survey.csv"]) {
		t.Error("seeds 1 and 2 gave the same survey")
	}
}

// TestGenerateLoads reads a generated study with koe's own config and
// codebook parsers and checks the survey's shape: every row has every
// column, ids run 1..n, and in short mode every respondent wrote one
// answer of about 40 characters to 問13 and nothing else.
func TestGenerateLoads(t *testing.T) {
	for _, text := range []Text{TextShort, TextFull} {
		t.Run(string(text), func(t *testing.T) {
			dir := t.TempDir()
			const n = 5000
			sum, err := Generate(dir, Options{Respondents: n, Workshops: 4, Text: text})
			if err != nil {
				t.Fatal(err)
			}
			if sum.Rows != n || len(sum.Files) != 8 {
				t.Errorf("summary %+v", sum)
			}
			st, err := ingest.LoadStudy(os.DirFS(dir), dir)
			if err != nil {
				t.Fatalf("koe.toml or codebook.toml does not load: %v", err)
			}
			if len(st.Waves) != 1 || st.Waves[0].ID != "R8" || len(st.Waves[0].Workshops) != 2 {
				t.Errorf("waves %+v", st.Waves)
			}
			f, err := os.Open(filepath.Join(dir, "r8", "survey.csv"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			rows, err := csv.NewReader(f).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != n+1 || !slices.Equal(rows[0], header()) {
				t.Fatalf("%d rows; header %q", len(rows), rows[0])
			}
			var chars, wrote int
			for i, r := range rows[1:] {
				if r[colID] != strconv.Itoa(i+1) {
					t.Fatalf("row %d has id %q", i+1, r[colID])
				}
				if text == TextShort {
					if r[colFuture] != "" || r[colTrbl] != "" || r[colOpin] == "" {
						t.Fatalf("row %d: free text %q %q %q; want only 問13", i+1, r[colFuture], r[colOpin], r[colTrbl])
					}
				}
				if r[colOpin] != "" {
					wrote++
					chars += utf8.RuneCountInString(r[colOpin])
				}
			}
			mean := float64(chars) / float64(wrote)
			if text == TextShort && (wrote != n || mean < 25 || mean > 50) {
				t.Errorf("%d of %d wrote, mean %.1f characters; want all, about 40", wrote, n, mean)
			}
			ws, _ := filepath.Glob(filepath.Join(dir, "r8", "workshops", "*"))
			if len(ws) != 4 {
				t.Errorf("%d workshop files, want 4", len(ws))
			}
			for _, w := range ws {
				b, _ := os.ReadFile(w)
				if strings.HasSuffix(w, ".txt") && !strings.Contains(string(b), "id: ws-r8-000") {
					t.Errorf("%s keeps the sample's id", w)
				}
			}
		})
	}
}

func TestGenerateRefuses(t *testing.T) {
	full := t.TempDir()
	os.WriteFile(filepath.Join(full, "keep.txt"), []byte("x"), 0o644)
	for _, tc := range []struct {
		name string
		dir  string
		opt  Options
		want string
	}{
		{"no respondents", t.TempDir(), Options{}, "respondents = 0"},
		{"too many waves", t.TempDir(), Options{Respondents: 1, Waves: 21}, "waves = 21"},
		{"bad text", t.TempDir(), Options{Respondents: 1, Text: "long"}, `text = "long"`},
		{"not empty", full, Options{Respondents: 1}, "not empty"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Generate(tc.dir, tc.opt)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
	if b, _ := os.ReadFile(filepath.Join(full, "keep.txt")); string(b) != "x" {
		t.Error("a refused run touched an existing file")
	}
}

func BenchmarkGenerate100k(b *testing.B) {
	for b.Loop() {
		dir := b.TempDir()
		sum, err := Generate(dir, Options{Respondents: 100_000})
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(sum.Bytes)
	}
}
