// Command samplegen rewrites koe's committed sample studies from package
// ingest/synth: the study `koe demo` embeds (data/sample) and the tiny
// study the end-to-end tests drive (testdata/studies/small).
//
//	go run ./cmd/samplegen -out data/sample -small testdata/studies/small
//
// Studies of any size for benchmarks come from `koe gen` instead.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"koe/ingest/synth"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("samplegen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "write the sample Azumino study to `DIR` (data/sample)")
	small := fs.String("small", "", "write the small end-to-end test study to `DIR` (testdata/studies/small)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: samplegen [-out DIR] [-small DIR]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 || (*out == "" && *small == "") {
		fs.Usage()
		return 2
	}
	if *out != "" {
		s, err := synth.NewSample()
		if err == nil {
			err = synth.WriteFiles(*out, s.Files)
		}
		if err != nil {
			fmt.Fprintf(stderr, "samplegen: %v\n", err)
			return 1
		}
		s.Summary(stdout, *out)
	}
	if *small != "" {
		if err := synth.WriteFiles(*small, synth.SmallFiles()); err != nil {
			fmt.Fprintf(stderr, "samplegen: %v\n", err)
			return 1
		}
		fmt.Fprintf(stdout, "wrote the small study to %s (EXPECTED.md there is maintained by hand)\n", *small)
	}
	return 0
}
