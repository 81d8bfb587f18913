// Package cooc builds the co-occurrence network of a set of short documents:
// the 共起ネットワーク chart that Japanese analysts know from KH Coder.
//
// It owns the whole path from term lists to a drawable graph:
//
//   - the terms: those in at least Options.MinFreq documents, at most the
//     Options.MaxTerms most frequent;
//   - the edges: every pair of those terms that share a document, weighted
//     by the Jaccard coefficient of their document sets, of which the
//     Options.MaxEdges strongest are kept (KH Coder's default view);
//   - the communities: Louvain modularity (gonum graph/community) on the
//     kept edges, with a seeded random source;
//   - the layout: a seeded Fruchterman–Reingold placement with a fixed
//     number of iterations, rotated to its principal axes and scaled into
//     the unit square.
//
// Every ordering is explicit (frequency, then term; Jaccard, then terms),
// the graph handed to gonum iterates its nodes and neighbours in ID order,
// and every random draw comes from a PCG source seeded by Options.Seed, so
// the same documents and seed give the same Network on the same platform.
//
// The package is a leaf: it takes documents as lists of base forms that
// someone else produced, and it must not import the tokenizer, the store or
// any other koe package. It reads no files and no environment.
package cooc
