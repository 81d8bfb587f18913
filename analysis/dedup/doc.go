// Package dedup finds what should not count as many voices, or as any voice
// at all, in a set of free-text answers: exact duplicates, near-duplicates
// (an organised campaign's copies differing in a word or a comma), and
// non-answers such as 特になし, わからない or a lone dash. Without it, 300
// copies of one template letter would look like the city's top concern and
// 特になし would become a theme.
//
// It owns three things:
//
//   - the exact key of a text (Key): the caller's normalised text with
//     whitespace folded, trailing 。．.！!？?、，,…‥ dropped and ASCII letters
//     lowered;
//   - near-duplicate detection (Find): character shingles of the key
//     (punctuation, symbols and spaces left out), MinHash signatures banded
//     for locality-sensitive hashing, every candidate pair verified by the
//     exact Jaccard index of the two shingle sets (Jaccard), and union-find
//     to turn verified pairs into groups (single linkage). There is no
//     all-pairs step: a bucket member is checked against at most a few
//     earlier members, so time and memory grow linearly with the number of
//     texts;
//   - the non-answer rule (IsNonAnswer): a word list and a segmentation of
//     short texts into its words.
//
// Find is deterministic for a seed: the parallel steps fill slots owned by
// one text or one band, and what each band joins depends only on the input
// and the bands before it, so goroutine scheduling never reaches a Result.
//
// The package is a leaf: it takes texts already normalised by the caller
// (koe passes tokenize.Normalize of each answer) and must not import the
// tokenizer, the store or any other koe package. It reads no files and no
// environment, and it decides nothing about weighting: the caller chooses
// whether a group counts once and whether non-answers are dropped.
package dedup
