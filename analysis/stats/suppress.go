package stats

// Suppress decides which cells of a published table of respondent counts are
// hidden (秘匿).
//
// Primary suppression hides every cell with 0 < n < minCell: a handful of
// respondents could be recognised. Zero cells stay visible (an empty cell
// reveals no one's answer), and minCell <= 1 hides nothing.
//
// Complementary suppression then makes sure a hidden cell cannot be worked
// back from the row and column totals: as long as some row or column holds
// exactly one hidden cell, the smallest other visible cell of that line
// with n > 0 is hidden too (ties go to the lowest index; a zero cell is
// taken only when the line has no other non-zero cell). Rows are settled
// before columns, repeatedly, until every row and every column holds zero
// or at least two hidden cells. A table with a single row or column cannot
// meet the rule; its hidden cells are then recoverable from the totals and
// the caller should hide the totals too.
//
// This is the usual two-per-line rule, not a full audit: with several
// hidden cells arranged in a rectangle-free pattern, linear combinations of
// totals can still narrow values down.
func Suppress(counts [][]int, minCell int) [][]bool {
	R := len(counts)
	out := make([][]bool, R)
	C := 0
	for i, row := range counts {
		out[i] = make([]bool, len(row))
		C = max(C, len(row))
		for j, n := range row {
			out[i][j] = n > 0 && n < minCell
		}
	}
	cell := func(i, j int) (int, bool) {
		if j < len(counts[i]) {
			return counts[i][j], true
		}
		return 0, false
	}
	// pick returns the best complementary cell among the candidates, or -1.
	pick := func(cands [][2]int) int {
		best := -1
		for k, c := range cands {
			n, _ := cell(c[0], c[1])
			if best < 0 {
				best = k
				continue
			}
			bn, _ := cell(cands[best][0], cands[best][1])
			switch {
			case n > 0 && bn == 0:
				best = k
			case (n > 0) == (bn > 0) && n < bn:
				best = k
			}
		}
		return best
	}
	for changed := true; changed; {
		changed = false
		for i := range R {
			var hidden int
			var cands [][2]int
			for j := range counts[i] {
				if out[i][j] {
					hidden++
				} else {
					cands = append(cands, [2]int{i, j})
				}
			}
			if hidden == 1 {
				if k := pick(cands); k >= 0 {
					out[cands[k][0]][cands[k][1]] = true
					changed = true
				}
			}
		}
		for j := range C {
			var hidden int
			var cands [][2]int
			for i := range R {
				if _, ok := cell(i, j); !ok {
					continue
				}
				if out[i][j] {
					hidden++
				} else {
					cands = append(cands, [2]int{i, j})
				}
			}
			if hidden == 1 {
				if k := pick(cands); k >= 0 {
					out[cands[k][0]][cands[k][1]] = true
					changed = true
				}
			}
		}
	}
	return out
}
