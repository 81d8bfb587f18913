// Command samplegen writes koe's sample studies: the synthetic Azumino
// citizen survey that `koe demo` embeds (data/sample) and the tiny study the
// end-to-end tests drive (testdata/studies/small).
//
//	go run ./cmd/samplegen -out data/sample -small testdata/studies/small
//
// Everything it writes is synthetic but shaped by public figures (see
// data/sample/README.txt). Output is byte-identical from run to run: every
// random draw comes from one seeded PCG stream, and the generator uses only
// its own arithmetic on that stream (never math/rand's derived helpers,
// whose algorithms may change between Go releases).
//
// samplegen owns its fragments of resident-style prose and the workshop
// transcripts. It must not import koe packages other than ingest (and that
// only in its test, to check that the output loads), and it must never touch
// files outside the directories it is given.
package main
