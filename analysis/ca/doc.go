// Package ca computes the correspondence analysis of a contingency table:
// in koe, the terms of the free text (rows) by the options of a
// demographic question such as district or age band (columns), the
// 対応分析 chart that shows which words go with which group.
//
// It owns the numerical path from counts to a chart: masses, standardized
// residuals, their singular value decomposition (gonum mat.SVD), principal
// coordinates of rows and columns on the first two dimensions, the share
// of inertia each dimension explains, a deterministic sign for each
// dimension, and the rows' contributions, from which it picks the most
// distinctive rows for a chart to label.
//
// Tables are checked (shape, finite non-negative counts, no empty row or
// column, at least 2×2) before gonum sees them, so bad input is an error,
// never a panic. Dropping empty rows and columns is the caller's choice,
// made before calling Fit.
//
// The package is a leaf: it must not import the store, the tokenizer or any
// other koe package. It reads no files and no environment.
package ca
