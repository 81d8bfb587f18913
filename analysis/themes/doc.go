// Package themes finds the themes of a set of short free-text documents and
// groups them into a few 大テーマ (parent themes).
//
// It owns the whole numerical path from term lists to themes:
//
//   - a sparse TF-IDF matrix of its own (sublinear tf, sklearn's smoothed idf,
//     L2-normalised rows) over the terms that pass a document-frequency floor;
//   - latent semantic analysis by a randomized truncated SVD
//     (Halko, Martinsson and Tropp 2011) that touches the sparse matrix only
//     through products, so it never holds documents × vocabulary; the
//     largest allocation is the reduced vectors, documents × Options.Dims
//     (80 MB for 100,000 documents at 100 dimensions). Those vectors give
//     every document its weight, pick the representatives, place the
//     parents and measure the silhouette, whichever clusterer ran;
//   - two clusterers: a Dirichlet-multinomial mixture fitted by Gibbs
//     sampling (GSDMM, the default, made for short texts) on the term
//     counts, and spherical k-means with greedy k-means++ seeding on the
//     LSA vectors; each keeps the best of several seeded runs, and the
//     number of themes is the one with the highest mean silhouette on a
//     seeded sample of at most 2,000 documents;
//   - class-based TF-IDF labels, representative documents, and Ward
//     (ward.D2) agglomeration of the theme centroids into parent themes;
//   - the agreement measures ARI and NMI used to evaluate all of this.
//
// Every random step draws from a PCG source seeded by Options.Seed, and no map
// iteration order reaches a Result, so the same input and seed give the same
// Result on the same platform.
//
// The package is a leaf: it takes documents as lists of base forms that
// someone else produced, and it must not import the tokenizer, the store or
// any other koe package. It reads no files and no environment.
package themes
