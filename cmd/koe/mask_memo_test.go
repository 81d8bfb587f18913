package main

import (
	"strings"
	"sync"
	"testing"
	"unsafe"

	"koe/analysis/tokenize"
)

func TestMaskMemo(t *testing.T) {
	k := newMaskMemo()
	row := "12,特になし,34" // a document's text is often a slice of its row
	text := row[3:15]
	if _, ok := k.get(text); ok {
		t.Fatal("an empty memo knows a text")
	}
	r := k.put(text, maskResult{masked: text, counts: tokenize.MaskCounts{Name: 1}, terms: []tokenize.Term{{Base: "特に", POS: "副詞"}}})
	got, ok := k.get("特になし")
	if !ok || got.masked != "特になし" || got.counts.Name != 1 || len(got.terms) != 1 {
		t.Fatalf("get after put: %+v, %v", got, ok)
	}
	for key := range k.m {
		if unsafe.StringData(key) == unsafe.StringData(text) {
			t.Error("the memo's key is the row's own bytes; it would keep the row alive")
		}
	}
	if unsafe.StringData(r.masked) == unsafe.StringData(text) || unsafe.StringData(got.masked) == unsafe.StringData(text) {
		t.Error("an unmasked text is remembered as the row's own bytes")
	}
	// The first result put wins, so that every document with the text
	// gets the same one whichever core masked it first.
	if again := k.put("特になし", maskResult{masked: "other"}); again.masked != "特になし" {
		t.Errorf("a second put returned %q, want the first result", again.masked)
	}
	long := strings.Repeat("あ", maskMemoText)
	k.put(long, maskResult{masked: long})
	if _, ok := k.get(long); ok {
		t.Errorf("a text of %d bytes was remembered; the limit is %d", len(long), maskMemoText)
	}
}

// TestMaskMemoConcurrent masks the same texts on several goroutines: each
// text is tokenized at least once and every caller sees one result.
func TestMaskMemoConcurrent(t *testing.T) {
	k := newMaskMemo()
	texts := []string{"a", "b", "c", "d"}
	var wg sync.WaitGroup
	results := make([][]string, 8)
	for g := range results {
		wg.Go(func() {
			for i := range 400 {
				s := texts[i%len(texts)]
				r, ok := k.get(s)
				if !ok {
					r = k.put(s, maskResult{masked: strings.ToUpper(s) + string(rune('0'+g))})
				}
				results[g] = append(results[g], r.masked)
			}
		})
	}
	wg.Wait()
	for _, s := range texts {
		want, _ := k.get(s)
		for g := range results {
			for i, m := range results[g] {
				if texts[i%len(texts)] == s && i >= len(texts) && m != want.masked {
					t.Fatalf("goroutine %d saw %q for %q after the memo settled on %q", g, m, s, want.masked)
				}
			}
		}
	}
}
