//go:build linux

package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// These tests give koe a full or read-only output directory. As root (CI
// runs as root, and chmod does not stop root) the directory is a small
// tmpfs mounted for the test, remounted read-only or filled with a filler
// file; without root a read-only directory is made with chmod, and the
// full-disk test skips.

// mountTmpfs mounts a tmpfs of size bytes on dir for the test's lifetime,
// or skips the test when mounting is not permitted.
func mountTmpfs(t *testing.T, dir string, size int) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mount("koe-test", dir, "tmpfs", 0, "mode=0755,size="+strconv.Itoa(size)); err != nil {
		t.Skipf("cannot mount a tmpfs on %s (%v): this test needs root with CAP_SYS_ADMIN", dir, err)
	}
	// Registered after t.TempDir's own clean-up, so it runs first.
	t.Cleanup(func() {
		if err := syscall.Unmount(dir, 0); err != nil {
			if err := syscall.Unmount(dir, syscall.MNT_DETACH); err != nil {
				t.Errorf("unmount %s: %v", dir, err)
			}
		}
	})
}

func remountReadOnly(t *testing.T, dir string) {
	t.Helper()
	if err := syscall.Mount("", dir, "", syscall.MS_REMOUNT|syscall.MS_RDONLY, ""); err != nil {
		t.Fatalf("remount %s read-only: %v", dir, err)
	}
}

// makeReadOnly makes dir read-only: a remounted tmpfs as root (which must
// already be mounted there), chmod otherwise. It returns what the error
// should say.
func makeReadOnly(t *testing.T, dir string, mounted bool) string {
	t.Helper()
	if mounted {
		remountReadOnly(t, dir)
		return "read-only file system"
	}
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	return "permission denied"
}

// treeSums hashes every file under dir but the lock file (each command
// rewrites its holder line) and the test's filler.
func treeSums(t *testing.T, dir string) map[string]string {
	t.Helper()
	sums := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if rel == ".koe.lock" || rel == "filler" {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		s := sha256.Sum256(b)
		sums[rel] = hex.EncodeToString(s[:])
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return sums
}

func sameTree(t *testing.T, when string, before, after map[string]string) {
	t.Helper()
	if maps.Equal(before, after) {
		return
	}
	for _, k := range slices.Sorted(maps.Keys(before)) {
		if after[k] != before[k] {
			t.Errorf("%s: %s changed or went missing", when, k)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(after)) {
		if _, ok := before[k]; !ok {
			t.Errorf("%s: %s appeared", when, k)
		}
	}
}

// checkWriteMessage checks that a failed command said in one sentence
// which path it could not write and why, without the chain of wrapped
// errors behind it.
func checkWriteMessage(t *testing.T, r result, path, why string) {
	t.Helper()
	if r.code != exitFailure {
		t.Fatalf("exit %d, want 1\n%s", r.code, r.stderr)
	}
	first, _, _ := strings.Cut(r.stderr, "\n")
	if !strings.HasPrefix(first, "koe run: cannot write "+path) || !strings.HasSuffix(first, ": "+why) {
		t.Errorf("first line %q, want \"koe run: cannot write %s…: %s\"", first, path, why)
	}
	if strings.Count(first, ": ") != 2 {
		t.Errorf("first line %q carries a chain of wrapped errors", first)
	}
	if !strings.Contains(r.stderr, "then run again") {
		t.Errorf("no hint of what to do:\n%s", r.stderr)
	}
}

// TestReadOnlyOutput: a read-only output directory, or out = … inside a
// read-only directory, fails with one message naming the path, and the
// previous outputs stay byte for byte.
func TestReadOnlyOutput(t *testing.T) {
	root := os.Geteuid() == 0
	t.Run("out is read-only", func(t *testing.T) {
		dir := copyStudy(t, "small")
		out := filepath.Join(dir, "out")
		if root {
			mountTmpfs(t, out, 8<<20)
		}
		if r := koe(t, "", "run", dir); r.code != exitQuarantined {
			t.Fatalf("first run: exit %d\n%s", r.code, r.stderr)
		}
		before := treeSums(t, out)
		why := makeReadOnly(t, out, root)
		r := koe(t, "", "run", dir)
		checkWriteMessage(t, r, out+string(filepath.Separator), why)
		if !strings.Contains(r.stderr, "the previous outputs in "+out+" are unchanged") {
			t.Errorf("the message does not say the outputs are kept:\n%s", r.stderr)
		}
		sameTree(t, "after the failed run", before, treeSums(t, out))
	})
	t.Run("out inside a read-only directory", func(t *testing.T) {
		dir := copyStudy(t, "small")
		ro := filepath.Join(dir, "ro")
		if root {
			mountTmpfs(t, ro, 1<<20)
		} else if err := os.Mkdir(ro, 0o755); err != nil {
			t.Fatal(err)
		}
		why := makeReadOnly(t, ro, root)
		cfg, _ := os.ReadFile(filepath.Join(dir, "koe.toml"))
		cfg = []byte(strings.Replace(string(cfg), "seed  = 1", "seed  = 1\nout   = \"ro/out\"", 1))
		os.WriteFile(filepath.Join(dir, "koe.toml"), cfg, 0o644)
		r := koe(t, "", "run", dir)
		checkWriteMessage(t, r, filepath.Join(ro, "out"), why)
		if entries, _ := os.ReadDir(ro); len(entries) != 0 {
			t.Errorf("the failed run wrote %d entries in the read-only directory", len(entries))
		}
	})
}

// freeBytes is the space left for an unprivileged writer on dir's file system.
func freeBytes(t *testing.T, dir string) int64 {
	t.Helper()
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		t.Fatal(err)
	}
	return int64(st.Bavail) * int64(st.Bsize)
}

// fillTo writes dir/filler so that about leave bytes stay free.
func fillTo(t *testing.T, dir string, leave int64) {
	t.Helper()
	n := freeBytes(t, dir) - leave
	if n <= 0 {
		return
	}
	f, err := os.OpenFile(filepath.Join(dir, "filler"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	buf := make([]byte, 1<<16)
	for n > 0 {
		k, err := f.Write(buf[:min(int64(len(buf)), n)])
		n -= int64(k)
		if err != nil {
			if errors.Is(err, syscall.ENOSPC) {
				return
			}
			t.Fatal(err)
		}
	}
}

// TestDiskFull runs koe on an output disk with less and less room: each run
// either succeeds or fails saying the disk is full and naming the path,
// with the previous outputs byte for byte as they were and no staging
// directory left; the first failure is SQLite's (SQLITE_FULL), whose
// message must read the same. Once space is freed, a run works without
// clean-up.
func TestDiskFull(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to mount a small tmpfs as the output disk")
	}
	dir := copyStudy(t, "small")
	out := filepath.Join(dir, "out")
	mountTmpfs(t, out, 8<<20)
	if r := koe(t, "", "run", dir); r.code != exitQuarantined {
		t.Fatalf("first run: exit %d\n%s", r.code, r.stderr)
	}
	var size int64
	sums := treeSums(t, out)
	for rel := range sums {
		st, _ := os.Stat(filepath.Join(out, rel))
		size += st.Size()
	}
	// A run needs the outputs' size again while it builds them beside the
	// old ones, and more while the database's write-ahead log is open: the
	// steps go from nothing to well past that.
	var failures []string
	for step := range 12 {
		if testing.Short() && step > 1 {
			break
		}
		leave := int64(step) * size / 3
		fillTo(t, out, leave)
		r := koe(t, "", "run", dir)
		os.Remove(filepath.Join(out, "filler"))
		when := "with " + thousands(int(leave)) + " bytes free"
		if r.code == exitQuarantined {
			t.Logf("%s: the run fits", when)
			sums = treeSums(t, out)
			break
		}
		first, _, _ := strings.Cut(r.stderr, "\n")
		t.Logf("%s: %s", when, first)
		checkWriteMessage(t, r, out+string(filepath.Separator), "the disk is full")
		failures = append(failures, first)
		sameTree(t, when, sums, treeSums(t, out))
		for _, left := range []string{".koe-new", ".koe-old"} {
			if _, err := os.Stat(filepath.Join(out, left)); !os.IsNotExist(err) {
				t.Errorf("%s: %s left behind", when, left)
			}
		}
	}
	if len(failures) == 0 {
		t.Fatal("no run failed: the steps never filled the disk")
	}
	if !strings.Contains(failures[0], "koe.sqlite: the disk is full") {
		t.Errorf("with no space at all, the first write is the database's; got %q", failures[0])
	}

	// The single-stage commands write the database in place: a full disk
	// rolls the wave's transaction back.
	fillTo(t, out, 0)
	r := koe(t, "", "ingest", dir)
	os.Remove(filepath.Join(out, "filler"))
	if r.code != exitFailure || !strings.Contains(r.stderr, "cannot write "+filepath.Join(out, "koe.sqlite")+": the disk is full") {
		t.Errorf("ingest on a full disk: exit %d\n%s", r.code, r.stderr)
	}
	db := openDB(t, filepath.Join(out, "koe.sqlite"))
	if n := count(t, db, `SELECT SUM(rows_read) FROM waves`); n != 40 {
		t.Errorf("after the failed ingest the database holds %d rows read, want the previous 40", n)
	}
	db.Close()

	if r := koe(t, "", "run", dir); r.code != exitQuarantined {
		t.Fatalf("run after freeing space: exit %d\n%s", r.code, r.stderr)
	}
	checkConsistent(t, dir, "after freeing space")
}
