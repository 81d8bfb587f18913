package themes

import (
	"errors"
	"strings"
	"testing"
)

// FuzzFind feeds arbitrary term lists (one document a line, terms split on
// spaces) and options: Find must not panic, must fail only for a k above
// the analysable documents, and must keep every Result invariant.
func FuzzFind(f *testing.F) {
	f.Add("a b\na c\nb c\nd e\nd f\ne f", uint8(0), int64(1), false)
	f.Add("バス 本数\nバス 駅\n子育て 保育\n子育て 支援\n防災\n防災 避難", uint8(3), int64(2), true)
	f.Add("x x x x\nx x\nx", uint8(2), int64(3), false)
	f.Add("\n\n \n", uint8(1), int64(4), false)
	f.Add("a\na\na\na\na\na\na\na\na\na\na\na", uint8(0), int64(5), true)
	f.Fuzz(func(t *testing.T, text string, k uint8, seed int64, lsa bool) {
		if len(text) > 4000 {
			t.Skip("long inputs only slow the fuzzer down")
		}
		var docs []Doc
		for i, line := range strings.Split(text, "\n") {
			docs = append(docs, Doc{ID: int64(i), Terms: strings.Fields(line)})
		}
		opt := Options{K: int(k % 6), Seed: seed, Restarts: 1, KMax: 5}
		if lsa {
			opt.Method = MethodLSA
		}
		res, err := Find(docs, opt)
		if err != nil {
			if !errors.Is(err, ErrTooFewDocs) {
				t.Fatalf("unexpected error: %v", err)
			}
			return
		}
		checkInvariants(t, docs, res)
	})
}
