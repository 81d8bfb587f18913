package ingest

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestStudyOptions(t *testing.T) {
	const cb = "[[question]]\nid = \"area\"\ncolumn = \"地区\"\nkind = \"single\"\noptions = [\"豊科\", \"穂高\"]\n"
	cases := []struct {
		name, extra string
		wantErr     string // "" = valid
		check       func(*Study) bool
	}{
		{"defaults", "", "", func(s *Study) bool {
			return s.ThemesDuplicates == "once" && s.ThemesVectors == "tfidf" && s.MinCell == 5 && s.Seed == 1
		}},
		{"vectors bm25", "[themes]\nvectors = \"bm25\"\n", "", func(s *Study) bool { return s.ThemesVectors == "bm25" }},
		{"vectors bad", "[themes]\nk = 8\nvectors = \"word2vec\"\n", "koe.toml:13:1: vectors", nil},
		{"duplicates each", "[themes]\nduplicates = \"each\"\n", "", func(s *Study) bool { return s.ThemesDuplicates == "each" }},
		{"duplicates bad", "[themes]\nduplicates = \"twice\"\n", "koe.toml:12:1: duplicates", nil},
		{"trim", "[weighting]\npopulation = \"p.csv\"\nby = [\"area\"]\ntrim = [0.3, 3.0]\n", "", func(s *Study) bool { return s.Weighting.TrimMin == 0.3 && s.Weighting.TrimMax == 3 }},
		{"trim reversed", "[weighting]\npopulation = \"p.csv\"\nby = [\"area\"]\ntrim = [3.0, 0.3]\n", "koe.toml:14:1: trim", nil},
		{"weighting unknown question", "[weighting]\npopulation = \"p.csv\"\nby = [\"age\"]\n", "no such question", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			toml := "title = \"t\"\n\n[[wave]]\nid = \"A\"\nsurvey = \"s.csv\"\ncodebook = \"cb.toml\"\n\n[report]\nmin_cell = 5\n\n" + c.extra
			fsys := fstest.MapFS{"koe.toml": {Data: []byte(toml)}, "cb.toml": {Data: []byte(cb)}}
			s, err := LoadStudy(fsys, ".")
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("err = %v, want %q", err, c.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !c.check(s) {
				t.Errorf("unexpected study: %+v", s)
			}
		})
	}
}
