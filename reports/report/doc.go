// Package report renders the council's HTML report (out/report/index.html)
// from the study database.
//
// Load reads everything the report shows through the *sql.DB that
// reports/store hands out, into a Model of display-ready values; Render
// writes that Model as one self-contained HTML file with embedded CSS and
// inline SVG charts drawn here in Go.
//
// It owns the report's wording, layout, charts and number formatting. It
// must not write to the database, link the SQLite driver, compute
// statistics (tallies, crosstabs, residuals and themes come from analysis
// through the database), or read the clock: the same database always gives
// byte-identical HTML. Citizen text is shown only from docs.text_masked,
// never docs.text, and every string from the database reaches the page
// through html/template's escaping.
package report
