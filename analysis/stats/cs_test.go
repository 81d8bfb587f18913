package stats

import (
	"errors"
	"math"
	"testing"
)

// Inputs and expected values: /work/shared/oracles/case06_likert_tally_scores.json,
// inputs.importance_satisfaction and expected.hensachi (R 4.2).
var (
	csItems = []string{"子育て支援", "学校教育", "公共交通", "道路整備", "防災対策", "高齢者福祉", "公園緑地", "ごみ処理"}
	csSat   = []float64{0.35, 0.52, -0.41, -0.22, 0.1, -0.05, 0.28, 0.81}
	csImp   = []float64{1.21, 1.15, 1.32, 0.98, 1.45, 1.38, 0.74, 1.02}
)

func TestHensachiCase06(t *testing.T) {
	cases := []struct {
		name  string
		x     []float64
		popSD bool
		want  []float64
	}{
		{"satisfaction_pop_sd", csSat, true, []float64{54.7473852907523, 59.2941768368249, 34.4205524965454, 39.5022606950971, 48.0609271347632, 44.0490522411697, 52.8751770070753, 67.0504682977722}},
		{"importance_pop_sd", csImp, true, []float64{52.4375618224817, 49.7165625787812, 57.4260604359326, 42.0070647216298, 63.3215587972837, 60.1470596796331, 31.1230677468278, 43.8210642174301}},
		{"satisfaction_sample_sd", csSat, false, []float64{54.4407723102513, 58.6939063538723, 35.4267612917105, 40.1802640463457, 48.1861634225734, 44.4333980899667, 52.6894818217015, 65.9492526635786}},
		{"importance_sample_sd", csImp, false, []float64{52.2801302997017, 49.7348685698021, 56.9464434711842, 42.52329366842, 62.4611772192999, 59.4917052010838, 32.3422467488218, 44.2201348216864}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Hensachi(c.x, c.popSD)
			if err != nil {
				t.Fatal(err)
			}
			for i := range c.want {
				// The oracle prints 15 significant digits; compare to 1e-12 relative.
				if math.Abs(got[i]-c.want[i]) > 1e-12*math.Abs(c.want[i]) {
					t.Errorf("%s: %.15g, want %.15g", csItems[i], got[i], c.want[i])
				}
			}
		})
	}
}

func TestQuadrantCase06(t *testing.T) {
	want := map[string]string{"子育て支援": "重点維持", "学校教育": "維持", "公共交通": "重点改善", "道路整備": "改善",
		"防災対策": "重点改善", "高齢者福祉": "重点改善", "公園緑地": "維持", "ごみ処理": "維持"}
	sat, _ := Hensachi(csSat, true)
	imp, _ := Hensachi(csImp, true)
	for i, item := range csItems {
		if got := QuadrantOf(sat[i], imp[i]); got != want[item] {
			t.Errorf("%s: %s, want %s", item, got, want[item])
		}
		if QuadrantMeaning(QuadrantOf(sat[i], imp[i])) == "" {
			t.Errorf("%s: no plain explanation", item)
		}
	}
	// 50 itself counts as high on both axes.
	if got := QuadrantOf(50, 50); got != QuadrantMaintainPriority {
		t.Errorf("QuadrantOf(50, 50) = %s", got)
	}
}

func TestHensachiDegenerate(t *testing.T) {
	for _, x := range [][]float64{nil, {1}, {2, 2, 2}, {1, math.NaN()}} {
		if _, err := Hensachi(x, true); !errors.Is(err, ErrDegenerate) {
			t.Errorf("Hensachi(%v): err = %v, want ErrDegenerate", x, err)
		}
	}
}
