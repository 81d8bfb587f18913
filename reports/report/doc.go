// Package report renders the council's HTML report (out/report/index.html)
// from the study database.
//
// Load reads everything the report shows through the *sql.DB that
// reports/store hands out, into a Model of display-ready values; Render
// writes that Model as one self-contained HTML file with embedded CSS and
// inline SVG charts drawn here in Go (bar, stacked, grouped, the CS
// scatter, the co-occurrence network and the correspondence-analysis map,
// the last three sharing one label placement that keeps labels off each
// other and off the points).
//
// It owns the report's wording, layout, charts and number formatting: the
// plain-Japanese sentences that put weighting, margins of error, the
// 満足度・重要度 quadrants, wave-to-wave changes, adjusted p-values, the
// policy codes, duplicate comments and possible campaigns, non-answers and
// privacy masking into words, each with its base n; and the
// keyword-in-context lines under each theme. It must not write to the
// database, link the SQLite driver, compute statistics (tallies, crosstabs,
// residuals, p_adj, themes, duplicate groups, weights, margins of error,
// 偏差値, the tests between waves, the network's layout and communities,
// the correspondence analysis and the distinctive words with their G² and
// adjusted p come from analysis through the database; the pillars of
// 地方創生2.0 and their order from analysis/codes), or read the clock: the
// same database always gives byte-identical HTML. Tables a later analysis
// adds (cooc_*, ca_*, distinctive_*, masking) are read only when present,
// so an older database still renders. Citizen text is shown only from
// docs.text_masked, never docs.text, and every string from the database
// reaches the page through html/template's escaping.
package report
