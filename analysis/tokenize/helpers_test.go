package tokenize

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
)

var (
	testTokOnce sync.Once
	testTok     *Tokenizer
	testTokErr  error
)

// newTestTokenizer returns one shared tokenizer with the default options.
func newTestTokenizer(t testing.TB) *Tokenizer {
	t.Helper()
	testTokOnce.Do(func() { testTok, testTokErr = New(DefaultOptions()) })
	if testTokErr != nil {
		t.Fatal(testTokErr)
	}
	return testTok
}

// sharedDir returns ../shared beside the module root, or skips the test.
func sharedDir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("no go.mod above the package directory, so no ../shared")
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(shared); err != nil {
		t.Skipf("%s is absent: the shared data set is only on developer machines", shared)
	}
	return shared
}
