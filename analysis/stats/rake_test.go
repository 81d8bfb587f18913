package stats

import (
	"errors"
	"math"
	"strings"
	"testing"
)

// case02 holds case02_raking_ipf's sample as raking margins and outcomes.
type case02 struct {
	margins []Margin
	aware   []float64
	likert  []float64
	age     []int
	sex     []int
}

var (
	c02Age      = []string{"18-39", "40-64", "65+"}
	c02Sex      = []string{"男", "女"}
	c02District = []string{"A", "B", "C"}
)

func loadCase02(t *testing.T) case02 {
	o := loadOracle(t, "oracles.json")
	const in = "case02_raking_ipf.inputs."
	sample := o.get(t, in+"sample").([]any)
	var c case02
	cats := [3][]int{}
	names := []string{"age", "sex", "district"}
	codes := [][]string{c02Age, c02Sex, c02District}
	for _, r := range sample {
		m := r.(map[string]any)
		for v, name := range names {
			k := -1
			for j, code := range codes[v] {
				if m[name] == code {
					k = j
				}
			}
			if k < 0 {
				t.Fatalf("respondent %v: %s %v not in %v", m["id"], name, m[name], codes[v])
			}
			cats[v] = append(cats[v], k)
		}
		c.aware = append(c.aware, m["aware"].(float64))
		c.likert = append(c.likert, m["likert"].(float64))
	}
	for v, name := range names {
		var target []float64
		for _, code := range codes[v] {
			target = append(target, o.f(t, in+"population_margins."+name+"."+code))
		}
		c.margins = append(c.margins, Margin{Name: name, Labels: codes[v], Cat: cats[v], Target: target})
	}
	c.age, c.sex = cats[0], cats[1]
	return c
}

// TestRakeCase02 checks raked weights and what follows from them against
// survey::rake / svymean (testdata/oracles.json →
// case02_raking_ipf.expected.*).
func TestRakeCase02(t *testing.T) {
	o := loadOracle(t, "oracles.json")
	const e = "case02_raking_ipf.expected."
	c := loadCase02(t)
	rk, err := Rake(nil, c.margins, RakeOptions{Tol: 1e-13})
	if err != nil {
		t.Fatal(err)
	}
	if !rk.Converged {
		t.Fatal("not converged")
	}
	checkVec(t, "weights", rk.Weights, o.vec(t, e+"raked_weights"))
	checkVec(t, "mean-1 weights", rk.Mean1, o.vec(t, e+"raked_weights_normalised_mean1"))
	var sum float64
	for _, x := range rk.Weights {
		sum += x
	}
	checkF(t, "sum", sum, o.f(t, e+"sum_weights"))
	for _, m := range c.margins {
		got := make([]float64, len(m.Target))
		for i, k := range m.Cat {
			got[k] += rk.Weights[i]
		}
		for k, code := range m.Labels {
			checkF(t, m.Name+" "+code, got[k], o.f(t, e+"achieved_margins."+m.Name+"."+code))
		}
	}
	checkF(t, "kish deff", rk.Kish.Deff, o.f(t, e+"kish_deff"))
	checkF(t, "kish deft", rk.Kish.Deft, o.f(t, e+"kish_deft"))
	checkF(t, "n_eff", rk.Kish.NEff, o.f(t, e+"n_eff"))

	top2 := make([]float64, len(c.likert))
	for i, l := range c.likert {
		if l >= 4 {
			top2[i] = 1
		}
	}
	outcomes := []struct {
		name string
		y    []float64
	}{{"aware", c.aware}, {"likert", c.likert}, {"top2", top2}}
	wantMean := map[string]string{"aware": "weighted_prop_aware", "likert": "weighted_mean_likert", "top2": "weighted_prop_top2"}
	for _, oc := range outcomes {
		t.Run(oc.name, func(t *testing.T) {
			m, err := WeightedMean(oc.y, rk.Weights)
			if err != nil {
				t.Fatal(err)
			}
			checkF(t, "mean", m.Mean, o.f(t, e+wantMean[oc.name]))
			checkF(t, "se weights fixed", m.SE, o.f(t, e+"se_weights_fixed."+oc.name))
			se, err := CalibratedMeanSE(oc.y, rk.Weights, c.margins)
			if err != nil {
				t.Fatal(err)
			}
			checkF(t, "se calibration-aware", se, o.f(t, e+"se_calibration_aware."+oc.name))
		})
	}
}

// TestPostStratifyCase02: raking to one joint age×sex margin is
// post-stratification (case02 expected.poststratified_age_sex, cell weight
// N_cell/n_cell).
func TestPostStratifyCase02(t *testing.T) {
	o := loadOracle(t, "oracles.json")
	const e = "case02_raking_ipf.expected.poststratified_age_sex."
	c := loadCase02(t)
	joint := Margin{Name: "age×sex"}
	for _, a := range c02Age {
		for _, s := range c02Sex {
			joint.Labels = append(joint.Labels, a+"|"+s)
			joint.Target = append(joint.Target, o.f(t, "case02_raking_ipf.inputs.population_joint_age_sex."+a+"|"+s))
		}
	}
	for i := range c.age {
		joint.Cat = append(joint.Cat, c.age[i]*len(c02Sex)+c.sex[i])
	}
	rk, err := Rake(nil, []Margin{joint}, RakeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	checkVec(t, "weights", rk.Weights, o.vec(t, e+"weights"))
	checkF(t, "kish", rk.Kish.Deff, o.f(t, e+"kish_deff"))
	m, _ := WeightedMean(c.aware, rk.Weights)
	checkF(t, "aware", m.Mean, o.f(t, e+"weighted_prop_aware"))
}

func TestRakeErrorsAndMissing(t *testing.T) {
	c := loadCase02(t)
	withCat := func(m Margin, i, k int) Margin {
		m.Cat = append([]int(nil), m.Cat...)
		m.Cat[i] = k
		return m
	}
	tests := []struct {
		name    string
		margins []Margin
		want    string
	}{
		{"no margins", nil, "no margins"},
		{"empty category", []Margin{{Name: "sex", Labels: c02Sex, Cat: []int{0, 0, 0}, Target: []float64{10, 10}}}, "no respondents"},
		{"zero population", []Margin{{Name: "sex", Labels: c02Sex, Cat: []int{0, 1, 1}, Target: []float64{10, 0}}}, "population 0"},
		{"negative population", []Margin{{Name: "sex", Cat: []int{0, 1}, Target: []float64{10, -1}}}, "finite non-negative"},
		{"category out of range", []Margin{withCat(c.margins[0], 3, 7)}, "out of range"},
		{"lengths differ", []Margin{c.margins[0], {Name: "x", Cat: []int{0}, Target: []float64{1}}}, "respondents"},
		{"nobody answered", []Margin{{Name: "sex", Cat: []int{-1, -1}, Target: []float64{1, 1}}}, "no respondent"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Rake(nil, tc.margins, RakeOptions{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want it to mention %q", err, tc.want)
			}
		})
	}

	t.Run("not converged", func(t *testing.T) {
		rk, err := Rake(nil, c.margins, RakeOptions{MaxIter: 1})
		if !errors.Is(err, ErrNotConverged) || rk == nil || rk.Converged {
			t.Errorf("err = %v, result %v; want ErrNotConverged with weights", err, rk)
		}
	})

	t.Run("missing district", func(t *testing.T) {
		// Respondent 0's district unknown: the district shares hold among
		// the 23 others and their weight total; a note says so.
		ms := []Margin{c.margins[0], c.margins[1], withCat(c.margins[2], 0, -1)}
		rk, err := Rake(nil, ms, RakeOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if len(rk.Notes) != 1 || !strings.Contains(rk.Notes[0], "district") {
			t.Errorf("notes %q", rk.Notes)
		}
		for _, m := range ms {
			got := make([]float64, len(m.Target))
			var known, total float64
			for i, k := range m.Cat {
				if k >= 0 {
					got[k] += rk.Weights[i]
					known += rk.Weights[i]
				}
			}
			for _, x := range m.Target {
				total += x
			}
			for k := range got {
				if math.Abs(got[k]/known-m.Target[k]/total) > 1e-9 {
					t.Errorf("%s %d: share %v, want %v", m.Name, k, got[k]/known, m.Target[k]/total)
				}
			}
		}
	})

	t.Run("trimming", func(t *testing.T) {
		// Untrimmed, the largest mean-1 weight is 1.378 (case02
		// raked_weights_normalised_mean1); capping at 1.3 × mean is still
		// compatible with the margins, capping at 1.2 is not.
		rk, err := Rake(nil, c.margins, RakeOptions{TrimMax: 1.3})
		if err != nil {
			t.Fatal(err)
		}
		if rk.Trimmed == 0 {
			t.Error("no weight trimmed")
		}
		for i, x := range rk.Mean1 {
			if x > 1.3*(1+1e-9) {
				t.Errorf("weight %d = %v above 1.3 × mean", i, x)
			}
		}
		rk, err = Rake(nil, c.margins, RakeOptions{TrimMax: 1.2, MaxIter: 200})
		if !errors.Is(err, ErrNotConverged) || rk == nil {
			t.Fatalf("err = %v, want ErrNotConverged with weights", err)
		}
		for i, x := range rk.Mean1 {
			if x > 1.2*(1+1e-9) {
				t.Errorf("weight %d = %v above 1.2 × mean", i, x)
			}
		}
	})

	t.Run("inconsistent totals", func(t *testing.T) {
		ms := append([]Margin(nil), c.margins...)
		ms[1].Target = []float64{485, 515} // shares as case02, total 1000
		rk, err := Rake(nil, ms, RakeOptions{})
		if err != nil {
			t.Fatal(err)
		}
		o := loadOracle(t, "oracles.json")
		checkVec(t, "weights", rk.Weights, o.vec(t, "case02_raking_ipf.expected.raked_weights"))
		if len(rk.Notes) == 0 {
			t.Error("no note about the differing totals")
		}
	})
}
