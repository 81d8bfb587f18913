// Package survey applies a codebook to one survey export: it decodes the
// file (textenc), reads it record by record (csvx), finds each question's
// column in the header, and turns every data row into either an
// ingest.Respondent (answers and free-text docs) or one ingest.Quarantined
// per bad cell, handed to an ingest.Sink as it goes.
//
// It owns the reading rules of SPEC §2 for survey files: header rows,
// header matching after NFKC, column numbers, respondent ids, the five
// question kinds, missing values, and what makes a row unloadable. It
// counts rows so that RowsRead = RowsLoaded + RowsQuarantined always holds.
//
// It never holds a whole file in memory, never stores a personal-data
// column, never drops a row silently, and never writes anywhere but the
// Sink: databases and reports are later stages' business.
package survey
