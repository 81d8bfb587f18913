package dedup

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// sharedDir returns ../shared beside the module root, skipping the test when
// it is absent (it is not part of the project; see ../shared/README.md).
func sharedDir(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			p := filepath.Join(filepath.Dir(dir), "shared")
			if _, err := os.Stat(p); err != nil {
				t.Skipf("../shared beside the module root is absent (%v); the real-data check needs it", err)
			}
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("no go.mod above the package directory, so no ../shared to read")
		}
		dir = parent
	}
}

// fukuiFreeText are the free-text columns of the Fukui tourism survey.
var fukuiFreeText = []string{
	"福井県内での交通手段の満足度の理由", "満足度(商品・サービス)の理由", "満足度の理由",
	"不便さの内容", "推奨項目", "施設に求めるもの", "福井県に求めるもの",
}

// TestFukuiSurvey runs Find on every non-empty free-text cell of a real
// survey export (福井県観光連盟, monthly_202410.csv, CC BY 4.0) and compares
// the groups and non-answers with testdata/fukui.golden, which was reviewed
// by hand: every non-answer there is one, and no answer with content is
// missing from the count of answers.
func TestFukuiSurvey(t *testing.T) {
	texts := fukuiTexts(t)
	res := Find(texts, Options{Seed: 1})
	checkInvariants(t, texts, res)
	got := "# Free-text cells of 福井県観光連盟 monthly_202410.csv (CC BY 4.0), columns in fukuiFreeText order.\n" +
		describe(texts, res)
	checkGolden(t, filepath.Join("testdata", "fukui.golden"), got)
}

// fukuiTexts returns the non-empty free-text cells, NFKC-normalised.
func fukuiTexts(t *testing.T) []string {
	t.Helper()
	path := filepath.Join(sharedDir(t), "realdata", "fukui-survey", "monthly_202410.csv")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("real survey not available: %v", err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	if len(rows) < 2 {
		t.Fatalf("%s: no data rows", path)
	}
	col := make(map[string]int)
	for j, h := range rows[0] {
		col[strings.TrimPrefix(h, "\ufeff")] = j
	}
	var texts []string
	for _, name := range fukuiFreeText {
		j, ok := col[name]
		if !ok {
			t.Fatalf("%s: no column %q", path, name)
		}
		for _, row := range rows[1:] {
			// NFKC stands in for the caller's tokenize.Normalize.
			if s := strings.TrimSpace(norm.NFKC.String(row[j])); s != "" {
				texts = append(texts, s)
			}
		}
	}
	return texts
}
