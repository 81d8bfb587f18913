// Package synth writes koe's synthetic studies: the Azumino citizen survey
// that `koe demo` embeds (data/sample), the tiny study the end-to-end tests
// drive (testdata/studies/small), and studies of any size for benchmarks
// and scale tests (`koe gen`, Generate).
//
// Everything it writes is synthetic but shaped by public figures (see
// data/sample/README.txt). Output is byte-identical from run to run: every
// random draw comes from seeded PCG streams, and the package uses only its
// own arithmetic on those streams (never math/rand's derived helpers, whose
// algorithms may change between Go releases). Generate draws each block of
// respondents from a stream of its own, so its bytes do not depend on how
// many cores write them.
//
// synth owns its fragments of resident-style prose and the workshop
// transcripts. It must not import koe packages (its test imports ingest, to
// check that what it writes loads), and it writes only under the directory
// it is given.
package synth
