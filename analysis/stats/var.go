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
}

// N is the number of respondents (answered or not).
func (v *Var) N() int { return len(v.Values) }

// Label returns the label of option j, falling back to its code.
func (v *Var) Label(j int) string {
	if j < len(v.Labels) && v.Labels[j] != "" {
		return v.Labels[j]
	}
	return v.Codes[j]
}

// Answered reports whether respondent i chose at least one option.
func (v *Var) Answered(i int) bool { return len(v.Values[i]) > 0 }

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
	for i, vals := range v.Values {
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
	out := make([]float64, len(v.Values))
	for i, vals := range v.Values {
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
