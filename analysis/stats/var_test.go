package stats

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// TestSingleStorage: a single or likert question stored compactly (Single)
// gives the same tallies, likert statistics and crosstabs as the same
// answers in Values.
func TestSingleStorage(t *testing.T) {
	idx := []int16{0, 2, -1, 1, 1, 0, -1, 2, 2, 0, 1, 1, 0, 2, 1, -1, 0, 0, 2, 1}
	wide := &Var{ID: "q", Codes: []string{"a", "b", "c"}, Scores: []float64{1, 0, -1}, Values: make([][]int, len(idx))}
	compact := &Var{ID: "q", Codes: wide.Codes, Scores: wide.Scores, Single: idx}
	for i, j := range idx {
		if j >= 0 {
			wide.Values[i] = []int{int(j)}
		}
	}
	demo := &Var{ID: "d", Codes: []string{"x", "y"}, Single: make([]int16, len(idx))}
	for i := range idx {
		demo.Single[i] = int16(i % 2)
	}
	w := make([]float64, len(idx))
	for i := range w {
		w[i] = 0.5 + float64(i%3)*0.25
	}
	for i := range idx {
		if got, want := compact.At(i), wide.Values[i]; len(got) != len(want) || (len(got) == 1 && got[0] != want[0]) {
			t.Fatalf("At(%d) = %v, want %v", i, got, want)
		}
	}
	if err := compact.Validate(); err != nil {
		t.Fatal(err)
	}
	if compact.N() != wide.N() {
		t.Fatalf("N = %d, want %d", compact.N(), wide.N())
	}
	for _, weights := range [][]float64{nil, w} {
		a, errA := Tabulate(wide, weights)
		b, errB := Tabulate(compact, weights)
		if errA != nil || errB != nil || !sameNaN(a, b) {
			t.Errorf("tally: %+v (%v) and %+v (%v)", a, errA, b, errB)
		}
		la, errA := Likert(wide, weights)
		lb, errB := Likert(compact, weights)
		if errA != nil || errB != nil || !sameNaN(la, lb) {
			t.Errorf("likert: %+v (%v) and %+v (%v)", la, errA, lb, errB)
		}
		ca, errA := Crosstab(demo, wide, weights, CrosstabOptions{})
		cb, errB := Crosstab(demo, compact, weights, CrosstabOptions{})
		if errA != nil || errB != nil || !sameNaN(ca, cb) {
			t.Errorf("crosstab: %+v (%v) and %+v (%v)", ca, errA, cb, errB)
		}
	}
	if got := compact.ScoreValues(); !reflect.DeepEqual(got[:2], []float64{1, -1}) {
		t.Errorf("ScoreValues = %v", got)
	}
	bad := &Var{ID: "m", Codes: []string{"a"}, Multi: true, Single: []int16{0}}
	if bad.Validate() == nil {
		t.Error("a multi question in Single storage validated")
	}
	for _, single := range [][]int16{{0, 2, -1}, {-1, 0, 5}} {
		out := &Var{ID: "s", Codes: []string{"a", "b"}, Single: single}
		if err := out.Validate(); err == nil || !strings.Contains(err.Error(), "out of range") {
			t.Errorf("Single %v with 2 options: error %v, want an index out of range", single, err)
		}
	}
	if ok := (&Var{ID: "s", Codes: []string{"a", "b"}, Single: []int16{-1, 1, 0, -3}}); ok.Validate() != nil {
		t.Errorf("Single with 無回答 (negative) and in-range answers: %v", ok.Validate())
	}
}

// sameNaN is reflect.DeepEqual with NaN equal to NaN: the results compared
// here hold NaNs for undefined statistics.
func sameNaN(a, b any) bool { return sameValue(reflect.ValueOf(a), reflect.ValueOf(b)) }

func sameValue(a, b reflect.Value) bool {
	if a.Kind() != b.Kind() {
		return false
	}
	switch a.Kind() {
	case reflect.Float64, reflect.Float32:
		x, y := a.Float(), b.Float()
		return x == y || (x != x && y != y)
	case reflect.Pointer, reflect.Interface:
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		return sameValue(a.Elem(), b.Elem())
	case reflect.Slice, reflect.Array:
		if a.Len() != b.Len() {
			return false
		}
		for i := range a.Len() {
			if !sameValue(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Struct:
		for i := range a.NumField() {
			if !sameValue(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	case reflect.Map:
		if a.Len() != b.Len() {
			return false
		}
		for _, k := range a.MapKeys() {
			if !sameValue(a.MapIndex(k), b.MapIndex(k)) {
				return false
			}
		}
		return true
	default:
		// unexported fields cannot be Interface()d; compare their printing
		return fmt.Sprint(a) == fmt.Sprint(b)
	}
}
