//go:build unix

package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// studyLock keeps a second koe from working on the same study at once. It
// is an flock(2) on out/.koe.lock: the kernel drops it when the holder
// exits, however it exits, so a crashed run never leaves a lock behind that
// needs clearing by hand. The file records who holds it, for the message.
type studyLock struct{ f *os.File }

func lockStudy(outDir string) (*studyLock, error) {
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return nil, fmt.Errorf("create output directory: %w", err)
	}
	path := filepath.Join(outDir, ".koe.lock")
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		holder, _ := os.ReadFile(path)
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			who := strings.TrimSpace(string(holder))
			if who == "" {
				who = "another koe process"
			}
			return nil, fmt.Errorf("another koe is working on this study (%s); wait for it to finish, or stop it, then run again", who)
		}
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	host, _ := os.Hostname()
	f.Truncate(0)
	fmt.Fprintf(f, "pid %d on %s, started %s", os.Getpid(), host, time.Now().Format("2006-01-02 15:04:05"))
	f.Sync()
	return &studyLock{f: f}, nil
}

func (l *studyLock) unlock() {
	if l == nil || l.f == nil {
		return
	}
	l.f.Truncate(0)
	syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
	l.f.Close()
}
