package ingest

import (
	"os"
	"strings"
	"testing"
)

// TestREADMECodebook keeps the README's complete codebook example valid: a
// new user copies it first.
func TestREADMECodebook(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var blocks []string
	for _, part := range strings.Split(string(b), "```toml\n")[1:] {
		blocks = append(blocks, part[:strings.Index(part, "```")])
	}
	found := false
	for _, blk := range blocks {
		if !strings.Contains(blk, "[[question]]") {
			continue
		}
		found = true
		cb, err := ParseCodebook([]byte(blk), "README.md")
		if err != nil {
			t.Fatalf("the README's codebook does not parse:\n%v", err)
		}
		kinds := map[Kind]bool{}
		for _, q := range cb.Questions {
			kinds[q.Kind] = true
		}
		for _, k := range []Kind{Single, Multi, Likert, Number, Text} {
			if !kinds[k] {
				t.Errorf("the README's codebook shows no %s question", k)
			}
		}
	}
	if !found {
		t.Error("the README has no codebook example")
	}
}
