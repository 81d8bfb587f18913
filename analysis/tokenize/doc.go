// Package tokenize turns Japanese free text into what the analysis stages
// count: a normalised string (Normalize), content-word terms (Terms,
// TermsAll), a privacy-masked copy (Mask), and MeCab-style token listings for
// `koe tokenize` (WriteTokens for one line, WriteAll for a stream).
//
// It owns the morphological analyser: it is the only package in koe that
// imports kagome and its IPA dictionary, and it reads the user dictionaries
// and stopword lists handed to New as bytes. It does not read files, flags or
// the environment, does not know about waves, questions or the database, and
// does not decide what a theme or a code is: analysis/themes and the others
// receive plain []Term values.
//
// # Choices
//
// Analysis follows kagome in Normal mode, which reproduces MeCab's IPA
// segmentation; Search mode splits long kanji compounds, which would fight the
// compound-noun joining below.
//
// For speed, the package does two of kagome's jobs itself, with kagome's
// tables and to kagome's results. It decodes the IPA archive that
// kagome-dict/ipa embeds (ipadict.go: the parts in parallel, the feature rows
// only when needed, about 0.1 s instead of 0.8 s), and it finds the best path
// with its own Viterbi search (viterbi.go), which visits the same candidates
// in the same order as kagome's lattice with about half the work.
// TestSystemMatchesKagome and TestViterbiMatchesKagome (with a fuzz test and
// every Aozora line in ../shared) hold both to kagome's own answers.
// WriteAll analyses chunks of lines on all cores and writes them in input
// order, byte for byte what WriteTokens gives line by line.
//
// Normalize applies Unicode NFKC (half-width katakana to full width, full-width
// ASCII to ASCII) but keeps 〜, …, ‥, ゛ and ゜, which NFKC would turn into
// ASCII look-alikes or a space plus a combining mark; the full-width tilde ～
// and an ASCII ~ outside URLs both become the wave dash 〜. It does not change
// letter case, so the masked text and keyword-in-context lines read as the
// respondent wrote them.
//
// Case folding happens in Terms instead: ASCII letters are lower-cased before
// dictionary look-up, so "AI", "ai" and "Ai" are one term. A word listed in a
// user dictionary is reported in the dictionary's spelling (AI, SDGs, Wi-Fi);
// any other ASCII word in lower case.
//
// A user-dictionary entry whose segmentation has several parts (穂高神社 as
// 穂高 神社) comes out of WriteTokens as those parts, and is joined again by
// the compound rule in Terms.
//
// With Options.Compounds (DefaultOptions sets it) a run of nouns becomes one
// term instead of its parts: 空き家対策, not 空き家 + 対策, so a term count is
// not inflated by counting every part twice. Without it each part is a term of
// its own and prefixes and suffixes are dropped.
//
// Negation stays with its word: 足りない, 少なくない, 便利ではない and
// 対応しない are terms distinct from 足りる, 少ない, 便利 and 対応. An
// obligation (行かなければならない, 行かなくてはいけない) is not a negation and
// yields the positive verb.
//
// Mask works on the normalised text. Numbers, e-mail addresses and street
// numbers are found by their shape; persons' names on the tokens: IPA words
// tagged 名詞,固有名詞,人名 when a family and a given name stand together or
// an honorific or title follows (さん, 様, 氏, くん, ちゃん, 先生, 議員 …),
// unknown words before an honorific, and given names in hiragana before
// さん, ちゃん or くん. A surname standing alone is not masked: IPA tags
// many place names as surnames (越前 in 越前そば). Places from the
// dictionaries are never masked as names, except a place that is also an
// IPA surname when an honorific follows it (松本さん).
package tokenize
