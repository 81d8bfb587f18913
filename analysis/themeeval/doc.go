// Package themeeval measures how well analysis/themes recovers known topics:
// it reads labelled sets (label, tab, raw Japanese text), tokenizes them the
// way the pipeline does, runs themes.Find with each method, and scores the
// themes against the labels by adjusted Rand index and normalized mutual
// information. It also runs, on the same texts, the pipeline an analyst would
// otherwise script, so that koe's numbers have a yardstick:
//
//   - MeCab-style tokens: tokenize.Terms with the zero Options, that is kagome
//     with the bare IPA dictionary, no koe dictionary, no stopwords and no
//     compound joining, keeping the base forms of nouns, independent verbs and
//     adjectives. That is the part-of-speech filter a typical script applies
//     to MeCab's output, and base forms rather than wakati surfaces because
//     the scripts we model count 増やし and 増やす as one word;
//   - scikit-learn's default TfidfVectorizer on those tokens: raw counts,
//     smoothed idf ln((1+n)/(1+df))+1, unit-length rows, min_df 1;
//   - TruncatedSVD to 100 dimensions, then rows scaled to unit length, as
//     sklearn's "Clustering text documents using k-means" example does;
//   - Euclidean k-means with greedy k-means++ seeding and n_init 10 (the
//     sklearn default before 1.4, and the stronger choice: the best of ten
//     runs by inertia), k the true number of classes.
//
// The sets live in testdata/: articles (news-like bodies, 9 categories),
// titles (headlines alone, the same 9) and proposals (citizens' short policy
// proposals, 12 areas). TestEvalTable prints the whole table.
//
// The package exists for its tests and for whoever tunes themes; nothing in
// koe imports it, and it reads no files itself: callers hand ReadSet a reader.
package themeeval
