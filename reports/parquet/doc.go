// Package parquet exports the study database's respondents, answers and
// documents as Parquet files for R, Python, DuckDB or Spark.
//
// It is the only koe package that imports Apache Arrow. It reads through the
// *sql.DB that reports/store hands out and never writes to the database or
// links the SQLite driver itself. Documents are exported with text_masked
// only: the raw text stays in the database for staff.
package parquet
