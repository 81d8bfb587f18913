// Package stats holds koe's survey statistics: 単純集計 (Tabulate, Likert),
// cross tabulations and their tests (Crosstab, ChiSquareTest,
// WeightedChiSquare, FisherExact2x2, AdjustP), small-cell suppression
// (Suppress), weighting (Rake, Kish, WeightedMean, CalibratedMeanSE),
// 標本誤差 tables (MarginOfError, MOETable), sample-versus-population and
// wave-versus-wave comparisons (GoodnessOfFit, TwoProportions) and the
// 四捨五入 rounding reports print (Percent, FormatHalfUp).
//
// It works on plain slices handed in by the caller — a Var per question,
// respondents indexed 0..n−1, a weight slice (nil = unweighted) — and returns
// plain structs. It must not read files or the database, import a sibling
// package, or let map order reach its output. Bad input gives an error, never
// a panic; shapes and empty inputs are checked before gonum sees them.
//
// Numbers match R 4.2 (stats, survey 4.1, vcd) to 1e-9 relative on the
// shared oracles (case01, 02, 03, 06, 07) and on testdata/extra_oracles.R.
//
// # Decisions (for the README)
//
// Bases. A tally's percentage base is every loaded respondent of the wave,
// 無回答 included, and the 無回答 row is shown last; so single-answer rows sum
// to 100 and multi-answer rows (M.T.) to more. Rows also carry the share of
// respondents who answered and, for multi, the share of all choices.
// Likert summaries (mean score, top-2/bottom-2, median) use the respondents
// who answered; the top-2/bottom-2 shares on the full base are given too.
// In a cross tabulation only respondents who answered both questions count
// (N); the row % base is the row group's respondents; with a multi-answer
// question cells count respondents, not answers, so rows may exceed 100%.
//
// Top-2 / bottom-2. The boxes are the two highest- and two lowest-scoring
// options (one each on scales of fewer than four options), found by score,
// so the order of options in the codebook does not matter. Without scores
// the first option scores k and the last 1.
//
// Rounding. Percent rounds 100·k/n half-up (四捨五入) on the exact rational
// (29/200 → 14.5; 1/16 → 6.3, where R's round gives 6.2). Weighted figures
// are not rationals of counts: FormatHalfUp writes the float with 15
// significant digits (what a float64 holds reliably), then rounds that
// decimal half-up, so float noise such as 14.499999999999998 rounds as the
// 14.5 it stands for. Ties round away from zero. No base prints "-" (該当なし).
//
// Intervals. Means: ȳ ± t(0.975, n−1)·SE, unweighted (t.test) and weighted
// alike; weighted SE is the linearisation SE of survey::svymean with
// ids=~1, weights fixed. Proportions: Wilson score unweighted, normal with
// linearisation SE weighted. CalibratedMeanSE gives the smaller SE that
// accounts for raking.
//
// Tests. Pearson's χ² without continuity correction; df = (r−1)(c−1) of the
// table actually tested, after all-zero rows and columns are dropped (with a
// note; R would return NaN and a wrong df). Cramér's V = √(χ²/(N(min(r,c)−1))).
// Small expected counts (any E < 1, or more than 20% of cells with E < 5)
// set SmallExpected and a note. Fisher's exact test (two-sided as R's
// fisher.test) is computed for unweighted 2×2 tables always and for larger
// unweighted tables when SmallExpected and at most a million tables need
// enumerating; reports show it instead of χ² when SmallExpected.
// Weighted tables use the Rao–Scott second-order correction as
// survey::svychisq(statistic = "F") on svydesign(ids = ~1, weights = ~w):
// χ² is Pearson's on the weighted table scaled to N, p is the F test's.
// Multi-answer questions have no whole-table test (the rows overlap);
// instead each option gets its own groups × (chosen, not chosen) test,
// whose adjusted residuals give the cells' marks, and the option p-values
// are adjusted together by Benjamini–Hochberg. Two multi-answer questions
// are not tested.
//
// Marks. Cells are marked by the adjusted standardized residual
// (O−E)/√(E(1−r/N)(1−c/N)): ▲ / ▼ at |z| ≥ 1.96 (5%), ▲▲ / ▼▼ at
// |z| ≥ 2.58 (1%); Mark.Meaning gives the legend text, e.g. ▲ 全体と比べて
// 多い（5%水準で有意）. Marks are not adjusted for the number of cells; a
// report that wants that can use AdjustP on NormalTwoSided(residual).
// Reports should not print a mark on a suppressed cell.
//
// Suppression. With min_cell m, cells with 0 < n < m are hidden; then, while
// a row or column holds exactly one hidden cell, its smallest other non-zero
// cell is hidden as well (rows first, repeated to a fixed point), so no
// hidden cell follows from the row and column totals by subtraction. Zero
// cells stay visible. Counts, not weights, decide.
//
// Weighting. Rake is iterative proportional fitting to each margin's
// population shares; weights are returned scaled to the population total
// (as survey::rake) and to mean 1 (ウェイトバック). A category with
// population but no respondents, or respondents but no population, is an
// error naming it. Respondents missing a raking variable keep their weight
// in that variable's step and the shares are imposed on those who answered,
// so the missing group keeps the weight total the other variables give it
// (a note says how many). Optional trimming caps weights relative to the
// mean after each sweep and reports ErrNotConverged if the caps and the
// margins cannot both be met. Kish: deff = n·Σw²/(Σw)², n_eff = n/deff,
// deft = √deff.
//
// 標本誤差. MarginOfError offers z·√(P(100−P)/n) (z = 1.96, which reproduces
// the 内閣府 table), the same with finite population correction, the
// municipal two-stage form 2·√(2·P(100−P)/n), and a Kish-deff variant.
package stats
