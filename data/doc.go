// Package data holds what koe embeds in its binary: the sample Azumino study
// that `koe demo` runs on, the built-in user dictionary of local and policy
// words, the stopword list, and the built-in coding rules for the plan's
// policy areas. It only exposes bytes and file systems; it parses nothing.
package data

import (
	"embed"
	"io/fs"
)

//go:embed all:sample
var sample embed.FS

// Sample returns the sample study as a file system rooted at its directory
// (koe.toml at the top).
func Sample() fs.FS {
	sub, err := fs.Sub(sample, "sample")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	return sub
}

// UserDict is the built-in user dictionary in kagome's user-dictionary CSV
// format: surface,segmentation,readings,POS.
//
//go:embed dict/userdict.csv
var UserDict []byte

// Stopwords lists base forms that never count as content words, one a line.
//
//go:embed dict/stopwords.txt
var Stopwords []byte

// Codes are the built-in coding rules for the plan's policy areas.
//
//go:embed codes/policy.txt
var Codes []byte
