package dedup

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// readLines reads one text a line, skipping blank lines and # comments.
func readLines(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if line := sc.Text(); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out
}

// describe renders a Result for a golden file: every group of more than one
// text with its members (1-based line numbers among the texts), then every
// non-answer.
func describe(texts []string, res *Result) string {
	var b strings.Builder
	members := make([][]int, len(res.Size))
	for i, g := range res.Group {
		members[g] = append(members[g], i)
	}
	fmt.Fprintf(&b, "%d texts, %d groups\n", len(texts), len(res.Size))
	for g, ms := range members {
		if len(ms) < 2 {
			continue
		}
		kind := "exact"
		if !res.Exact[g] {
			kind = "near"
		}
		fmt.Fprintf(&b, "\ngroup %d (%s, %d)\n", g, kind, res.Size[g])
		for _, i := range ms {
			fmt.Fprintf(&b, "  %d: %s\n", i+1, oneLine(texts[i]))
		}
	}
	b.WriteString("\nnon-answers\n")
	for i, na := range res.NonAnswer {
		if na {
			fmt.Fprintf(&b, "  %d: %s\n", i+1, oneLine(texts[i]))
		}
	}
	return b.String()
}

func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatalf("write %s: %v", path, err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v (run go test -run %s -update to create it)", path, err, t.Name())
	}
	if got != string(want) {
		t.Errorf("result differs from %s (go test -run %s -update rewrites it after review)\n--- got\n%s", path, t.Name(), got)
	}
}

func TestGolden(t *testing.T) {
	texts := readLines(t, filepath.Join("testdata", "answers.txt"))
	res := Find(texts, Options{Seed: 1})
	checkInvariants(t, texts, res)
	checkGolden(t, filepath.Join("testdata", "answers.golden"), describe(texts, res))
}

// oneLine shows line breaks inside a text as \n, one text a golden line.
func oneLine(s string) string { return strings.ReplaceAll(s, "\n", `\n`) }
