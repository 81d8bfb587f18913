package stats

import (
	"fmt"
	"math"
)

// Var is one closed question of a wave, answer by answer. Respondents are
// indexed 0..n-1 in the same order as the weight slice handed next to it.
type Var struct {
	ID     string
	Codes  []string // option codes in codebook order
	Labels []string // option labels; empty means "use the codes"
	Multi  bool     // multiple answer (M.T.)
	// Scores are the likert scores of the options (len(Codes)), or nil.
	Scores []float64
	// Values holds, per respondent, the indexes into Codes that were chosen.
	// Empty means 無回答. Single and likert questions have at most one.
	Values [][]int
	// Single, when not nil, holds a single or likert question's answers in
	// place of Values: per respondent the index into Codes, or -1 for
	// 無回答. It takes 2 bytes a respondent where Values takes 32 (a slice
	// header and its element), which at a million respondents and a few
	// dozen questions is the difference of a gigabyte. A question stored so
	// has at most MaxSingleOptions options.
	Single []int16
}

// MaxSingleOptions is the most options a question in Single storage has.
const MaxSingleOptions = math.MaxInt16

// optionIndex[j] is j: At returns one-element slices of it for Single
// storage, so that reading an answer allocates nothing and shares only
// memory nobody writes.
var optionIndex = func() []int {
	s := make([]int, MaxSingleOptions)
	for j := range s {
		s[j] = j
	}
	return s
}()

// N is the number of respondents (answered or not).
func (v *Var) N() int {
	if v.Single != nil {
		return len(v.Single)
	}
	return len(v.Values)
}

// At returns the indexes respondent i chose (empty for 無回答). The slice
// belongs to v: callers must not change it.
func (v *Var) At(i int) []int {
	if v.Single != nil {
		j := v.Single[i]
		if j < 0 {
			return nil
		}
		return optionIndex[j : j+1 : j+1]
	}
	return v.Values[i]
}

// Label returns the label of option j, falling back to its code.
func (v *Var) Label(j int) string {
	if j < len(v.Labels) && v.Labels[j] != "" {
		return v.Labels[j]
	}
	return v.Codes[j]
}

// Answered reports whether respondent i chose at least one option.
func (v *Var) Answered(i int) bool { return len(v.At(i)) > 0 }

// Validate checks that every index points at an option, that single
// questions carry at most one answer and that multi answers do not repeat an
// option.
func (v *Var) Validate() error {
	if len(v.Codes) == 0 {
		return fmt.Errorf("question %s: no options", v.ID)
	}
	if len(v.Labels) != 0 && len(v.Labels) != len(v.Codes) {
		return fmt.Errorf("question %s: %d labels for %d options", v.ID, len(v.Labels), len(v.Codes))
	}
	if v.Scores != nil && len(v.Scores) != len(v.Codes) {
		return fmt.Errorf("question %s: %d scores for %d options", v.ID, len(v.Scores), len(v.Codes))
	}
	for j, s := range v.Scores {
		if math.IsNaN(s) || math.IsInf(s, 0) {
			return fmt.Errorf("question %s: option %s: score is not a finite number", v.ID, v.Codes[j])
		}
	}
	k := len(v.Codes)
	if v.Single != nil && v.Multi {
		return fmt.Errorf("question %s: a multi-answer question stored as single answers", v.ID)
	}
	if v.Single != nil && len(v.Codes) > MaxSingleOptions {
		return fmt.Errorf("question %s: %d options, more than single-answer storage holds (%d)", v.ID, len(v.Codes), MaxSingleOptions)
	}
	if v.Single != nil {
		// One index or none (negative) per respondent: checked directly,
		// without a slice per respondent (a crosstab checks both its
		// questions, and a million respondents' 99 crosstabs spent 1.9 s
		// of CPU here).
		for i, j := range v.Single {
			if int(j) >= k {
				return fmt.Errorf("question %s: respondent %d: option index %d out of range [0,%d)", v.ID, i, j, k)
			}
		}
		return nil
	}
	for i := range v.N() {
		vals := v.At(i)
		if !v.Multi && len(vals) > 1 {
			return fmt.Errorf("question %s: respondent %d: %d answers to a single-answer question", v.ID, i, len(vals))
		}
		for a, j := range vals {
			if j < 0 || j >= k {
				return fmt.Errorf("question %s: respondent %d: option index %d out of range [0,%d)", v.ID, i, j, k)
			}
			for _, prev := range vals[:a] {
				if prev == j {
					return fmt.Errorf("question %s: respondent %d: option %s chosen twice", v.ID, i, v.Codes[j])
				}
			}
		}
	}
	return nil
}

// ScoreValues returns each respondent's score (NaN for 無回答), for likert
// questions with Scores. It returns nil when the question has no scores or
// is multi-answer.
func (v *Var) ScoreValues() []float64 {
	if v.Scores == nil || v.Multi {
		return nil
	}
	out := make([]float64, v.N())
	for i := range out {
		vals := v.At(i)
		if len(vals) == 0 {
			out[i] = math.NaN()
			continue
		}
		out[i] = v.Scores[vals[0]]
	}
	return out
}

// weights checks w against n respondents. A nil w means unweighted: every
// respondent weighs 1 and the result says weighted == false.
func weights(w []float64, n int) (out []float64, weighted bool, err error) {
	if w == nil {
		out = make([]float64, n)
		for i := range out {
			out[i] = 1
		}
		return out, false, nil
	}
	if len(w) != n {
		return nil, false, fmt.Errorf("%d weights for %d respondents", len(w), n)
	}
	for i, x := range w {
		if math.IsNaN(x) || math.IsInf(x, 0) || x < 0 {
			return nil, false, fmt.Errorf("respondent %d: weight %v is not a finite non-negative number", i, x)
		}
	}
	return w, true, nil
}
