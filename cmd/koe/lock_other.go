//go:build !unix

package main

import (
	"fmt"
	"os"
	"path/filepath"
)

// studyLock on systems without flock: an exclusive-create lock file. A lock
// left by a crashed run must be removed by hand; the message says where.
type studyLock struct{ path string }

func lockStudy(outDir string) (*studyLock, error) {
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return nil, fmt.Errorf("create output directory: %w", err)
	}
	path := filepath.Join(outDir, ".koe.lock")
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		holder, _ := os.ReadFile(path)
		return nil, fmt.Errorf("another koe is working on this study (%s); if none is, delete %s", holder, path)
	}
	fmt.Fprintf(f, "pid %d", os.Getpid())
	f.Close()
	return &studyLock{path: path}, nil
}

func (l *studyLock) unlock() {
	if l != nil {
		os.Remove(l.path)
	}
}
