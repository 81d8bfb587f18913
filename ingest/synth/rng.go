package synth

import (
	"math"
	"math/rand/v2"
)

// rng draws everything from one PCG stream. PCG's output is fixed by its
// published algorithm; the derived draws (uniform, normal, choice) are done
// here rather than with rand.Rand's helpers so that a later Go release
// cannot change the sample's bytes.
type rng struct {
	src   *rand.PCG
	spare float64
	has   bool
}

func newRNG(seed, stream uint64) *rng {
	return &rng{src: rand.NewPCG(seed, stream)}
}

// float returns a uniform value in [0, 1) from the top 53 bits.
func (r *rng) float() float64 {
	return float64(r.src.Uint64()>>11) / (1 << 53)
}

// intn returns a value in [0, n); the modulo bias is below 2^-40 for the
// small n used here, far under anything the sample could show.
func (r *rng) intn(n int) int {
	return int(r.src.Uint64() % uint64(n))
}

func (r *rng) chance(p float64) bool { return r.float() < p }

// norm is a standard normal draw by the Box–Muller transform (Box and
// Muller 1958), keeping the second value of each pair.
func (r *rng) norm() float64 {
	if r.has {
		r.has = false
		return r.spare
	}
	u1 := 1 - r.float() // (0, 1], so the log is finite
	u2 := r.float()
	rad := math.Sqrt(-2 * math.Log(u1))
	r.spare, r.has = rad*math.Sin(2*math.Pi*u2), true
	return rad * math.Cos(2*math.Pi*u2)
}

// pick returns an index drawn with probability proportional to w.
func (r *rng) pick(w []float64) int {
	var sum float64
	for _, x := range w {
		sum += x
	}
	u := r.float() * sum
	for i, x := range w {
		if u < x {
			return i
		}
		u -= x
	}
	return len(w) - 1
}

func (r *rng) one(s []string) string { return s[r.intn(len(s))] }
