package stats

import (
	"fmt"
	"math"
)

// ZMOE is the normal quantile printed in 標本誤差 tables (1.96 rather than
// 1.95996…, which is what reproduces the 内閣府 table; case07 inputs.z).
const ZMOE = 1.96

// MOEMethod chooses the 標本誤差 formula.
type MOEMethod int

// The formulas of published margin-of-error tables (case07).
const (
	// MOESRS is simple random sampling: z·√(P(100−P)/n), multiplied by
	// √deff when a design effect is given (内閣府 世論調査の標本誤差表).
	MOESRS MOEMethod = iota
	// MOEFPC adds the finite population correction: z·√((N−n)/(N−1)·P(100−P)/n).
	MOEFPC
	// MOETwoStage is the form printed by municipal reports of 層化二段無作為抽出
	// surveys: 2·√(2·P(100−P)/n), i.e. z ≈ 2 and a design effect of 2.
	MOETwoStage
)

// MOEOptions complete the method's inputs.
type MOEOptions struct {
	Method     MOEMethod
	Z          float64 // 0 = ZMOE (MOESRS, MOEFPC)
	Population int     // N for MOEFPC
	Deff       float64 // design effect for MOESRS (0 = 1), e.g. Kish's
}

// MarginOfError is the half-width, in percentage points, of the interval
// around a percentage p (0–100) estimated from n respondents.
func MarginOfError(p float64, n int, opt MOEOptions) (float64, error) {
	if math.IsNaN(p) || p < 0 || p > 100 {
		return math.NaN(), fmt.Errorf("margin of error: percentage %v outside [0, 100]", p)
	}
	if n <= 0 {
		return math.NaN(), fmt.Errorf("margin of error: n = %d", n)
	}
	z := opt.Z
	if z == 0 {
		z = ZMOE
	}
	v := p * (100 - p) / float64(n)
	switch opt.Method {
	case MOESRS:
		d := opt.Deff
		if d == 0 {
			d = 1
		}
		if d < 0 || math.IsNaN(d) {
			return math.NaN(), fmt.Errorf("margin of error: design effect %v", d)
		}
		return z * math.Sqrt(d*v), nil
	case MOEFPC:
		N := opt.Population
		if N < n || N < 2 {
			return math.NaN(), fmt.Errorf("margin of error: population %d smaller than sample %d", N, n)
		}
		return z * math.Sqrt(float64(N-n)/float64(N-1)*v), nil
	case MOETwoStage:
		return 2 * math.Sqrt(2*v), nil
	}
	return math.NaN(), fmt.Errorf("margin of error: unknown method %d", opt.Method)
}

// MOETable is a 標本誤差 table: one row per sample size, one column per
// percentage (usually 10, 20, 30, 40, 50, standing for P and 100−P).
func MOETable(ns []int, ps []float64, opt MOEOptions) ([][]float64, error) {
	out := make([][]float64, len(ns))
	for i, n := range ns {
		out[i] = make([]float64, len(ps))
		for j, p := range ps {
			m, err := MarginOfError(p, n, opt)
			if err != nil {
				return nil, err
			}
			out[i][j] = m
		}
	}
	return out, nil
}
