// Package tables writes every table of the council report as a CSV file
// that opens cleanly in Excel, for staff who paste figures into their own
// documents (out/tables/).
//
// Files are UTF-8 with a byte-order mark (without it Japanese Excel reads
// the file as Shift_JIS), CRLF line ends, and one header row. Numbers are
// written as the report prints them: percentages 四捨五入 to one decimal
// (analysis/stats.FormatHalfUp, the rule reports/report uses), suppressed
// crosstab cells as "x". Every text cell that a spreadsheet would take for
// a formula (starting with =, +, -, @, tab or CR) is prefixed with a single
// quote, so citizen text can never run as a formula; numbers koe writes
// itself stay numeric.
//
// # File names
//
// Names are ASCII only: wave id, kind, question id, such as
// R8_tally_sat_kotsu.csv or R8_crosstab_sat_kotsu_by_area.csv. Japanese
// names would read better in Explorer, but zip files made by Windows'
// built-in compression store names in the local code page, so they turn to
// mojibake when unzipped on another machine or by a mail gateway, and
// question texts hold characters no file name may (？ / : *). The
// Japanese title of every file is in index.csv, which lists them all:
//
//	index.csv                          every file with its title, kind, base and notes
//	summary.csv                        調査の概要: one row per wave
//	{wave}_tally_{question}.csv        単純集計 of one closed question
//	{wave}_stats.csv                   平均などの要約 of the likert and number questions
//	{wave}_crosstab_{question}_by_{demographic}.csv   クロス集計 (row %)
//	{wave}_crosstab_themes_by_{demographic}.csv      テーマ × 属性
//	{wave}_crosstab_codes_by_{demographic}.csv       政策分野 × 属性
//	{wave}_themes.csv                  自由記述のテーマ
//	{wave}_codes.csv                   政策分野ごとの意見の件数
//	{wave}_words_by_{demographic}.csv  特徴語: each group's distinctive words, shares, G², p
//	{wave}_quarantine.csv              除外した行 (file, line, column, reason; never the raw cell)
//
// An id that is not plain ASCII letters, digits, '-' or '_' is replaced by
// its position (q07 for the 7th question, w2 for the 2nd wave); a name
// already taken gets _2, _3, ….
//
// It only reads the database through the *sql.DB it is given, and must not
// compute statistics (they come from analysis through the database), link
// the SQLite driver, or write outside the directory it is given, which it
// replaces as a whole: the tables are written to a temporary directory
// beside it and renamed into place.
package tables
