// Package ingest is the first stage of koe: it turns a study's input files
// (survey CSV exports and workshop records) into plain records — Respondent,
// Answer, Doc, Quarantined, Workshop — and hands them to a Sink.
//
// This package holds the shared record types (model.go) and the parsing of
// koe.toml and codebook.toml (config.go). The readers live below it:
//
//   - textenc decodes UTF-8, UTF-8 with BOM, CP932 (Shift_JIS) and UTF-16
//     strictly, reporting the place of any byte that is not valid;
//   - csvx reads CSV (comma or tab) record by record with physical lines;
//   - survey applies a codebook to a survey export, row by row;
//   - workshop reads transcripts and sticky-note exports.
//
// Ingest never imports analysis or reports, never writes files or databases
// itself, and never drops an input row silently: every data row is either
// loaded or quarantined with its line, column and reason.
package ingest
