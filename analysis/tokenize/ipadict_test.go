package tokenize

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/ikawaha/kagome-dict/dict"
	"github.com/ikawaha/kagome-dict/ipa"
)

// TestSystemMatchesKagome checks that loadSystem decodes the embedded IPA
// archive to the same tables as kagome's own loader, ipa.Dict().
func TestSystemMatchesKagome(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the IPA dictionary twice")
	}
	sys, err := loadSystem()
	if err != nil {
		t.Fatal(err)
	}
	if err := sys.loadFeatures(); err != nil {
		t.Fatal(err)
	}
	want := ipa.Dict()
	got := sys.dict
	for _, c := range []struct {
		name      string
		got, want any
	}{
		{"Morphs", got.Morphs, want.Morphs},
		{"ContentsMeta", got.ContentsMeta, want.ContentsMeta},
		{"Index.Da", got.Index.Da, want.Index.Da},
		{"Index.Dup", got.Index.Dup, want.Index.Dup},
		{"Connection", got.Connection, want.Connection},
		{"CharClass", got.CharClass, want.CharClass},
		{"CharCategory", got.CharCategory, want.CharCategory},
		{"InvokeList", got.InvokeList, want.InvokeList},
		{"GroupList", got.GroupList, want.GroupList},
		{"UnkDict", got.UnkDict, want.UnkDict},
		{"Info", got.Info(), want.Info()},
	} {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s differs from ipa.Dict()", c.name)
		}
	}

	// POS names and feature rows, morph by morph.
	names := want.POSTable.NameList
	if len(sys.posOf) != len(want.POSTable.POSs) || len(sys.featRow)-1 != len(want.Contents) {
		t.Fatalf("%d POS entries and %d feature rows, want %d and %d",
			len(sys.posOf), len(sys.featRow)-1, len(want.POSTable.POSs), len(want.Contents))
	}
	bad := 0
	for id, p := range want.POSTable.POSs {
		var wantPOS [4]string
		for i := range wantPOS {
			wantPOS[i] = "*"
			if i < len(p) && int(p[i]) < len(names) {
				wantPOS[i] = names[p[i]]
			}
		}
		row, _ := sys.row(id)
		if sys.pos[sys.posOf[id]] != wantPOS || row != strings.Join(want.Contents[id], "\a") {
			if bad++; bad <= 5 {
				t.Errorf("morph %d: POS %v features %q, want %v %q", id, sys.pos[sys.posOf[id]], row, wantPOS, want.Contents[id])
			}
		}
		// The suffix classes that depend on the base form are settled in
		// lex; every other class must match the classification from scratch.
		wantCls := classify(wantPOS[0], wantPOS[1], wantPOS[2], sys.feature(id, sys.base))
		if gotCls := sys.morphCls[id]; gotCls != wantCls && !(gotCls == clsSuffix && wantCls == clsSuffixOther) {
			if bad++; bad <= 5 {
				t.Errorf("morph %d: class %d, want %d", id, gotCls, wantCls)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d morphs differ", bad)
	}
}

func TestDecodersRejectTruncatedInput(t *testing.T) {
	tests := []struct {
		name   string
		decode func([]byte) error
	}{
		{"morphs", func(b []byte) error { _, err := decodeMorphs(b); return err }},
		{"index", func(b []byte) error { _, err := decodeIndex(b); return err }},
		{"connection", func(b []byte) error { _, err := decodeConnection(b); return err }},
	}
	inputs := map[string][]byte{
		"empty":          nil,
		"short count":    {1, 2, 3},
		"count too big":  {255, 255, 255, 255, 255, 255, 255, 127, 0, 0},
		"negative count": {0, 0, 0, 0, 0, 0, 0, 128, 0, 0, 0, 0, 0, 0, 0, 0},
	}
	for _, tc := range tests {
		for name, in := range inputs {
			t.Run(tc.name+"/"+name, func(t *testing.T) {
				if err := tc.decode(in); err == nil {
					t.Errorf("decoded % x without an error", in)
				}
			})
		}
	}
}

func FuzzDecoders(f *testing.F) {
	f.Add([]byte{2, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0})
	f.Add([]byte{1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		// Whatever the bytes, the decoders return an error or tables, never
		// panic or allocate beyond what the input can fill.
		decodeMorphs(b)
		decodeIndex(b)
		decodeConnection(b)
	})
}

// TestReadPOSGob checks the direct reader against dict.ReadPOSTable on the
// real pos.dict, and that it declines what it does not understand.
func TestReadPOSGob(t *testing.T) {
	zr, err := openIPA()
	if err != nil {
		t.Fatal(err)
	}
	b, err := readPart(zr, dict.POSDictFileName)
	if err != nil {
		t.Fatal(err)
	}
	got, ok := readPOSGob(b)
	if !ok {
		t.Fatal("readPOSGob declined the embedded pos.dict")
	}
	pt, err := dict.ReadPOSTable(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.names, pt.NameList) || len(got.of) != len(pt.POSs) {
		t.Fatalf("%d names, %d morphs; want %d and %d", len(got.names), len(got.of), len(pt.NameList), len(pt.POSs))
	}
	for id, p := range pt.POSs {
		key := [4]int32{-1, -1, -1, -1}
		for i := 0; i < len(p) && i < 4; i++ {
			key[i] = int32(p[i])
		}
		if got.vecs[got.of[id]] != key {
			t.Fatalf("morph %d: %v, want %v", id, got.vecs[got.of[id]], key)
		}
	}
	for _, cut := range []int{0, 1, 13, 40, len(b) / 2, len(b) - 1} {
		if _, ok := readPOSGob(b[:cut]); ok {
			t.Errorf("accepted pos.dict cut to %d bytes", cut)
		}
	}
}

func FuzzReadPOSGob(f *testing.F) {
	f.Add([]byte{3, 0x7f, 0, 0})
	f.Add([]byte{5, 2, 0, 1, 1, 7, 4, 4, 0, 1, 1, 'a'})
	f.Fuzz(func(t *testing.T, b []byte) {
		readPOSGob(b)
	})
}

// TestFastChecksMatchStrings holds Normalize's byte-level checks to the
// strings functions they replace.
func TestFastChecksMatchStrings(t *testing.T) {
	inputs := []string{"", "安曇野", "a\tb\nc\r", "a\x00b", "\x7f", "\u0085", "\u009f", "\u00a0", "x\u200by", "\u200c", "\u200d", "\u2060",
		"\ufeff", "\u2028", "…‥", "ｱｲｳ", "《》｜［］", "〜゛゜", "\ufffd", "\xff\xfe", "\xe2\x80", "\xef\xbb"}
	for r := rune(0); r < 0x3000; r++ {
		inputs = append(inputs, "前"+string(r)+"後")
	}
	for _, s := range inputs {
		checkFastChecks(t, s)
	}
}

func checkFastChecks(t *testing.T, s string) {
	t.Helper()
	if got, want := hasInvisible(s), strings.IndexFunc(s, isInvisible) >= 0; got != want {
		t.Errorf("hasInvisible(%q) = %v, want %v", s, got, want)
	}
	if got, want := containsAnyOf(s, aozoraMarks), strings.ContainsAny(s, "《｜［"); got != want {
		t.Errorf("containsAnyOf(%q, aozoraMarks) = %v, want %v", s, got, want)
	}
	if got, want := containsAnyOf(s, nfkcKept), strings.ContainsAny(s, "〜…‥゛゜"); got != want {
		t.Errorf("containsAnyOf(%q, nfkcKept) = %v, want %v", s, got, want)
	}
}

func FuzzFastChecks(f *testing.F) {
	f.Add("a\u200bb")
	f.Add("《ルビ》\x01")
	f.Fuzz(func(t *testing.T, s string) {
		// Normalize only checks valid UTF-8.
		checkFastChecks(t, strings.ToValidUTF8(s, "\ufffd"))
	})
}
