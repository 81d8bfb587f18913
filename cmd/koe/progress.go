package main

import (
	"fmt"
	"io"
	"time"
)

// progress prints a line per stage on stderr when it is a terminal or -v
// was given; the final summary is printed regardless.
type progress struct {
	w  io.Writer
	on bool
}

func newProgress(e *env) *progress {
	return &progress{w: e.stderr, on: e.verbose || isTerminal(e.stderr)}
}

// stage starts timing a stage; the returned func prints its line.
func (p *progress) stage(name string) func(format string, args ...any) {
	start := time.Now()
	return func(format string, args ...any) {
		if !p.on {
			return
		}
		fmt.Fprintf(p.w, "koe: %-8s %s (%.2f s)\n", name, fmt.Sprintf(format, args...), time.Since(start).Seconds())
	}
}

// thousands formats n with comma separators, as Japanese reports print counts.
func thousands(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
