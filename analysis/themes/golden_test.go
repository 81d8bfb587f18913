package themes

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// summary renders a Result as the text the golden file holds: everything but
// the weights, which are printed to 3 decimals so that a last-bit difference
// does not show.
func summary(res *Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "method %s, k %d, dims %d\n%s\n", res.Method, res.K, res.Dims, res.KReason)
	for _, s := range res.KScores {
		fmt.Fprintf(&b, "silhouette k=%d %.3f\n", s.K, s.Silhouette)
	}
	for _, p := range res.Parents {
		fmt.Fprintf(&b, "大テーマ %d %s %v\n", p.ID, p.Label, p.Themes)
	}
	for _, t := range res.Themes {
		fmt.Fprintf(&b, "テーマ %d (大テーマ %d, %d件) %s %v reps %v\n", t.ID, t.Parent, t.Size, t.Label, t.TopTerms, t.Reps)
	}
	for _, a := range res.Assign {
		fmt.Fprintf(&b, "doc %d theme %d %.3f\n", a.DocID, a.Theme, a.Weight)
	}
	fmt.Fprintf(&b, "skipped %v\n", res.Skipped)
	return b.String()
}

// TestGolden pins the whole Result for the labelled set, so that a change in
// any step shows up as a diff to review (go test -run Golden -update to
// accept it). The numbers come from this code itself, on linux/amd64.
func TestGolden(t *testing.T) {
	docs, _ := labelledSet(t)
	res, err := Find(docs, Options{Seed: 1, KMax: 9})
	if err != nil {
		t.Fatal(err)
	}
	got := summary(res)
	p := filepath.Join("testdata", "labelled.golden")
	if *update {
		if err := os.WriteFile(p, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("read %s: %v (run with -update to create it)", p, err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("%s:%d differs:\n got: %s\nwant: %s", p, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("%s: %d lines, want %d", p, len(gl), len(wl))
	}
}
