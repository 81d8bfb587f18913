// Package workshop reads workshop records: plain-text or Markdown
// transcripts (.txt, .md) and sticky-note exports (.csv, .tsv), in UTF-8 or
// Shift_JIS, into one ingest.Workshop and its ingest.Docs.
//
// It owns the transcript format of SPEC §2 (front matter, "## " groups,
// "NAME: text" utterances and their continuation lines), the sticky-note
// layouts (a text, 付箋, comment or comment-body column; comment-id,
// comment-body; no header at all), and pseudonymisation: participants'
// names are replaced by 参加者1, 参加者2, … in order of first appearance in
// each workshop, and never leave this package. Facilitators keep their role
// name (see ingest.IsFacilitator) so analysis can leave their questions out.
//
// It reads bytes it is given; finding files (globs) and storing the result
// are the caller's business.
package workshop
