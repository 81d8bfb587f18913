// Package codes owns koe's coding rules: a small language in the spirit of
// KH Coder's コーディングルール that assigns documents to named codes (policy
// areas such as 災害・防災 or 公共交通), the parser for it, and the matcher
// that tells which codes a document falls under. The built-in rules for the
// plan's policy areas live in data/codes/policy.txt; a study may add its own
// file on top of them (ParseWith).
//
// The package works on documents given as term lists: content-word base
// forms in text order, as the tokenizer produced them. It must not import the
// tokenizer (or any other sibling package), read files, or know about SQLite;
// callers hand it bytes and terms and store what it returns.
//
// # Rule files
//
// A rule file is UTF-8 text. A line whose first character is ＊ (or *)
// starts a code:
//
//	＊code_id | label | pillar
//
// The id is one word without spaces, '<', '>', '*', '"' or '|'; the label
// (default: the id) and the pillar (default: その他) are optional. A pillar
// written as a number 1–5, "(1)" or "(1) …" names that pillar of 地方創生2.0
// (see Pillars); any other text is kept as written, so a city following
// another framework can use its own headings.
//
// The lines after a header, up to the next header, hold the code's condition:
// a boolean expression over terms. Blank lines and lines starting with # are
// skipped; a # that starts a token comments out the rest of its line. The
// condition may span several lines, which are read as one expression, so
// lines must be joined with an operator ("災害 or" at the end of a line, or
// "or 防災" at the start of the next). A condition line that itself begins
// with a wildcard word (*交通) must be indented, or it would read as a header.
//
//	word              a term equal to word
//	交通*  *交通  *交通*  a term starting with, ending with, or containing 交通
//	                  (as in a glob, 交通 itself too); this is how a rule
//	                  reaches compound nouns (公共交通機関)
//	"and"             a quoted word is literal: no keyword, no wildcard
//	word >= 2         term count comparison: >=, >, <=, <, == (or =)
//	A+B+C             phrase: consecutive terms (counts compare too: A+B >= 2)
//	near(A-B)[n]      A and B at distinct positions at most n terms apart
//	                  (default 10); with more words, all inside one span of n
//	seq(A-B)[n]       A, then B later, in that order; [n] bounds the span
//	<＊code>          the condition of another code (cycles are an error)
//	not X, X and Y, X or Y   also !, & and |; not binds tightest, then and,
//	                  then or; parentheses group
//
// Operators may be written in full width (（ ）＆ ｜ ！ ＜ ＞ ＝ ＋ ［ ］).
// Keywords (and, or, not, near, seq) are case-insensitive; near and seq are
// functions only when "(" follows. Inside near( ) and seq( ), '-' separates
// words; elsewhere it is an ordinary character (Wi-Fi).
//
// Words and code ids are compared after Unicode NFKC, and ASCII letters match
// regardless of case (AI, ai and ＡＩ are one term). Distances count terms,
// that is content words, not characters. Match reports every code whose
// condition holds, including codes that are also used through <＊code>;
// MatchIndex gives the same as indexes into Rules.Codes. Matching is safe for
// concurrent use and allocates little beyond its result.
//
// # Errors
//
// Parse collects every problem as path:line:column: message (1-based; the
// column counts characters, not bytes), each with a hint for the fix, and
// returns them together as Errors. A code with a bad condition is reported
// once, at its first problem, and the file is read on.
//
// # Built-in and study codes
//
// ParseWith reads a study's file on top of the built-in rules; Merge does the
// same for two parsed sets. A study code whose id is already defined replaces
// that code in place (its position in Codes, and so in reports, is kept), and
// every other code referring to it sees the new condition; new ids follow in
// file order. Inside its replacement, a code may refer to itself to mean the
// definition it replaces, which is how a city adds local words to a built-in
// code:
//
//	＊公共交通
//	<＊公共交通> or あづみん
package codes
