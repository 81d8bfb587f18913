package ingest

import (
	"errors"
	"testing"
)

// FuzzParseCodebook checks that no codebook text makes ParseCodebook panic,
// and that every problem it reports is located at line 1 or later.
func FuzzParseCodebook(f *testing.F) {
	f.Add([]byte(`encoding = "auto"
header_rows = 1
id_column = "回答者ID"
missing = ["無回答"]

[[question]]
id = "area"
column = "お住まいの地区"
kind = "single"
demographic = true
options = ["豊科", "穂高"]

[[question]]
id = "age"
column = 3
kind = "likert"
options = [{code = "1", label = "満足", score = 2}, {code = "2", label = "不満"}]
scores = [2, -2]

[[question]]
id = "m"
kind = "multi"
columns = ["a", "b"]
`))
	f.Add([]byte("[[question]]\nid = 1\ncolumn = 1.5\noptions = [[1]]\n"))
	f.Add([]byte("[[question]]\noptions = [{code = {}}]\nmin = 3\nmax = \"x\"\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		cb, err := ParseCodebook(b, "f.toml")
		var ce ConfigErrors
		if err != nil && errors.As(err, &ce) {
			for _, e := range ce {
				if e.Line < 1 || e.Column < 1 {
					t.Fatalf("problem at %d:%d: %s", e.Line, e.Column, e.Message)
				}
			}
		}
		if err == nil && cb == nil {
			t.Fatal("no codebook and no error")
		}
		if cb != nil {
			for _, q := range cb.Questions {
				_ = cb.IsMissing(q, "x")
			}
		}
	})
}
