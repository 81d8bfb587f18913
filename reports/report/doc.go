// Package report renders the council's HTML report (out/report/index.html)
// from the study database.
//
// Load reads everything the report shows through the *sql.DB that
// reports/store hands out, into a Model of display-ready values; Render
// writes that Model as one self-contained HTML file with embedded CSS and
// inline SVG charts drawn here in Go (bar, stacked, grouped and the CS
// scatter with its label placement).
//
// It owns the report's wording, layout, charts and number formatting: the
// plain-Japanese sentences that put weighting, margins of error, the
// 満足度・重要度 quadrants, wave-to-wave changes and the policy codes into
// words, each with its base n. It must not write to the database, link the
// SQLite driver, compute statistics (tallies, crosstabs, residuals, themes,
// weights, margins of error, 偏差値 and the tests between waves come from
// analysis through the database; the pillars of 地方創生2.0 and their order
// from analysis/codes), or read the clock: the same database always gives
// byte-identical HTML. Citizen text is shown only from docs.text_masked,
// never docs.text, and every string from the database reaches the page
// through html/template's escaping.
package report
