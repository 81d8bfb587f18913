package stats

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// relTol is the agreement asked of every oracle number: 1e-9 relative (the
// oracles' suggested_tolerance), with 1e-12 absolute for expected zeros.
const relTol = 1e-9

func near(got, want float64) bool {
	if math.IsNaN(want) {
		return math.IsNaN(got)
	}
	if want == 0 {
		return math.Abs(got) <= 1e-12
	}
	return math.Abs(got-want) <= relTol*math.Abs(want)
}

func checkF(t *testing.T, name string, got, want float64) {
	t.Helper()
	if !near(got, want) {
		t.Errorf("%s = %.17g, want %.17g (rel err %.3g)", name, got, want, math.Abs(got-want)/math.Abs(want))
	}
}

func checkVec(t *testing.T, name string, got, want []float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: len %d, want %d", name, len(got), len(want))
	}
	for i := range want {
		if !near(got[i], want[i]) {
			t.Errorf("%s[%d] = %.17g, want %.17g", name, i, got[i], want[i])
		}
	}
}

func checkMat(t *testing.T, name string, got, want [][]float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d rows, want %d", name, len(got), len(want))
	}
	for i := range want {
		if len(got[i]) != len(want[i]) {
			t.Fatalf("%s row %d: %d cells, want %d", name, i, len(got[i]), len(want[i]))
		}
		for j := range want[i] {
			if !near(got[i][j], want[i][j]) {
				t.Errorf("%s[%d][%d] = %.17g, want %.17g", name, i, j, got[i][j], want[i][j])
			}
		}
	}
}

// oracle is a parsed JSON tree with path lookups; the files under testdata
// are copies of /work/shared/oracles (see testdata/README.md).
type oracle struct{ root any }

func loadOracle(t testing.TB, file string) oracle {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatalf("read oracle: %v", err)
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("parse %s: %v", file, err)
	}
	return oracle{v}
}

// get walks a dotted path ("case01_contingency_tables.expected.t2x2_small.N").
// Keys that contain dots themselves ("marks_1.96") are matched whole: at
// each level the longest key that prefixes the rest of the path wins.
func (o oracle) get(t testing.TB, path string) any {
	t.Helper()
	cur, rest := o.root, path
	for rest != "" {
		m, ok := cur.(map[string]any)
		if !ok {
			t.Fatalf("oracle path %s: %q is not inside an object", path, rest)
		}
		best := ""
		for k := range m {
			if (rest == k || strings.HasPrefix(rest, k+".")) && len(k) > len(best) {
				best = k
			}
		}
		if best == "" {
			t.Fatalf("oracle path %s: no key for %q", path, rest)
		}
		cur = m[best]
		rest = strings.TrimPrefix(strings.TrimPrefix(rest, best), ".")
	}
	return cur
}

func toF(v any) float64 {
	if v == nil {
		return math.NaN()
	}
	return v.(float64)
}

func (o oracle) f(t testing.TB, path string) float64 { t.Helper(); return toF(o.get(t, path)) }

func (o oracle) vec(t testing.TB, path string) []float64 {
	t.Helper()
	raw := o.get(t, path).([]any)
	out := make([]float64, len(raw))
	for i, x := range raw {
		out[i] = toF(x)
	}
	return out
}

func (o oracle) mat(t testing.TB, path string) [][]float64 {
	t.Helper()
	raw := o.get(t, path).([]any)
	out := make([][]float64, len(raw))
	for i, r := range raw {
		row := r.([]any)
		out[i] = make([]float64, len(row))
		for j, x := range row {
			out[i][j] = toF(x)
		}
	}
	return out
}

func (o oracle) strMat(t testing.TB, path string) [][]string {
	t.Helper()
	raw := o.get(t, path).([]any)
	out := make([][]string, len(raw))
	for i, r := range raw {
		for _, x := range r.([]any) {
			out[i] = append(out[i], x.(string))
		}
	}
	return out
}

// varsFromTable builds a single-answer row Var and column Var whose
// respondents reproduce a table of counts, row by row.
func varsFromTable(counts [][]float64) (row, col *Var) {
	row = &Var{ID: "row"}
	col = &Var{ID: "col"}
	for i := range counts {
		row.Codes = append(row.Codes, string(rune('a'+i)))
	}
	for j := range counts[0] {
		col.Codes = append(col.Codes, string(rune('A'+j)))
	}
	for i, r := range counts {
		for j, n := range r {
			for range int(n) {
				row.Values = append(row.Values, []int{i})
				col.Values = append(col.Values, []int{j})
			}
		}
	}
	return row, col
}

// moduleShared finds ../shared beside the module root, or "" when absent.
func moduleShared(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			p := filepath.Join(filepath.Dir(dir), "shared")
			if _, err := os.Stat(p); err == nil {
				return p
			}
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}
