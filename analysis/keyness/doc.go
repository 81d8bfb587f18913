// Package keyness finds the distinctive words (特徴語) of groups of
// respondents: for every option of a demographic question (a district, an
// age band), the words its respondents use markedly more often than
// everyone else, each with a test.
//
// The unit is the document, and a word counts once per document: in koe a
// document is a respondent's free text, so the shares read "x% of this
// district's writers used the word", not "x% of its words". For a group g
// and a term t the 2×2 table is
//
//	             uses t    does not
//	in g           a        n_g − a
//	elsewhere      c        n_o − c
//
// where n_g is the group's documents and n_o everyone else's. Its keyness
// is the log-likelihood ratio G² = 2 Σ O·ln(O/E) over the four cells
// (Dunning 1993, "Accurate methods for the statistics of surprise and
// coincidence"; Rayson & Garside 2000, "Comparing corpora using frequency
// profiling"), with its p-value from χ² on one degree of freedom. G² rather
// than Pearson's χ² because it stays trustworthy for the rare words that
// fill a vocabulary, where expected counts are small (Dunning's point).
//
// Terms are ranked by G² among those positively associated with the group
// (a/n_g > c/n_o): G² measures how far the group departs from the others,
// given the sizes of both, so a word everyone uses equally scores 0 and
// falls out. KH Coder ranks its 特徴語 by the Jaccard index a/(n_g + c)
// instead; that index never looks at the other groups' rates, so the
// commonest words of a large group top its list whether or not the group
// uses them more. The Jaccard index is reported beside G² as the effect
// size, with the two shares, which say how big a difference is; G² and p
// say how sure it is.
//
// A term is tested in a group only when at least MinDocs of the group's
// documents use it: it is the report's privacy floor (min_cell), and a
// word of two writers says nothing about a district. Every (group, term)
// pair tested, in either direction, is one hypothesis of the family that
// Options.Adjust corrects (Benjamini–Hochberg in koe): the family is one
// call of Compute, one demographic question.
//
// The package is a leaf: it imports only the standard library, not the
// tokenizer, the store or analysis/stats (cmd/koe hands in the adjustment),
// and it reads no files and no environment. Output is deterministic: ties
// in G² are broken by the term.
package keyness
