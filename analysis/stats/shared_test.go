package stats

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestOracleCopyMatchesShared checks that testdata/oracles.json still holds
// the inputs and expected values of the shared oracle files it was copied
// from, so the tests cannot drift from /work/shared/oracles unnoticed.
func TestOracleCopyMatchesShared(t *testing.T) {
	shared := moduleShared(t)
	if shared == "" {
		t.Skip("../shared beside the module root is absent; the copy in testdata is used as is")
	}
	o := loadOracle(t, "oracles.json")
	for _, c := range []string{
		"case01_contingency_tables", "case02_raking_ipf", "case03_weighted_mean_se",
		"case06_likert_tally_scores", "case07_margin_of_error_tables",
	} {
		t.Run(c, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(shared, "oracles", c+".json"))
			if err != nil {
				t.Skipf("oracle file absent: %v", err)
			}
			var src map[string]any
			if err := json.Unmarshal(b, &src); err != nil {
				t.Fatalf("parse %s: %v", c, err)
			}
			for _, part := range []string{"inputs", "expected"} {
				if !reflect.DeepEqual(o.get(t, c+"."+part), src[part]) {
					t.Errorf("%s.%s differs from the shared oracle; refresh testdata/oracles.json (see testdata/README.md)", c, part)
				}
			}
		})
	}
}
