//go:build unix

package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestLockRefusesSecondRun: while one koe holds the study, a second refuses
// and names the holder; once the holder is gone, a run works without any
// clean-up.
func TestLockRefusesSecondRun(t *testing.T) {
	dir := copyStudy(t, "small")
	out := filepath.Join(dir, "out")
	os.MkdirAll(out, 0o755)
	f, err := os.OpenFile(filepath.Join(out, ".koe.lock"), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		t.Fatal(err)
	}
	f.WriteString("pid 4242 on testhost, started 2026-01-01 10:00:00")
	r := koe(t, "", "run", dir)
	if r.code != exitFailure || !strings.Contains(r.stderr, "another koe is working on this study (pid 4242") {
		t.Errorf("second run: exit %d, stderr %q; want 1 naming pid 4242", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "koe.sqlite")); !os.IsNotExist(err) {
		t.Error("the refused run wrote a database")
	}
	// The holder dies (its lock file stays behind, as after a crash).
	f.Close()
	if r := koe(t, "", "run", dir); r.code != exitQuarantined {
		t.Errorf("run after the holder died: exit %d\n%s", r.code, r.stderr)
	}
}

// TestKillAtAnyMoment kills `koe run` with SIGKILL at several points, each
// time after changing koe.toml so that the old and the new outputs differ.
// After every kill the outputs must be one complete generation: the report
// shows the config hash that the database's runs table holds. The next run
// then works without manual clean-up.
func TestKillAtAnyMoment(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a dozen runs")
	}
	dir := copyStudy(t, "small")
	cfgPath := filepath.Join(dir, "koe.toml")
	base, _ := os.ReadFile(cfgPath)
	if r := koe(t, "", "run", dir); r.code != exitQuarantined {
		t.Fatalf("first run: exit %d\n%s", r.code, r.stderr)
	}
	checkConsistent(t, dir, "after the first run")
	delays := []time.Duration{10, 60, 150, 300, 500, 700, 900, 1100, 1300, 1600, 2000, 2500}
	for i, d := range delays {
		cfg := strings.Replace(string(base), "小規模テスト調査", "小規模テスト調査 第"+string(rune('A'+i))+"版", 1)
		os.WriteFile(cfgPath, []byte(cfg), 0o644)
		cmd := exec.Command(koeBin, "run", dir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(d * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		checkConsistent(t, dir, "after SIGKILL at "+(d*time.Millisecond).String())
	}
	if r := koe(t, "", "run", dir); r.code != exitQuarantined {
		t.Fatalf("run after the kills: exit %d\n%s", r.code, r.stderr)
	}
	checkConsistent(t, dir, "after the last run")
	if _, err := os.Stat(filepath.Join(dir, "out", ".koe-new")); !os.IsNotExist(err) {
		t.Error("staging directory left after a successful run")
	}
}

// checkConsistent runs a read-only koe command first (which finishes an
// interrupted promotion, as every command does), then compares the report's
// config hash with the database's.
func checkConsistent(t *testing.T, dir, when string) {
	t.Helper()
	out := filepath.Join(dir, "out")
	if r := koe(t, "", "kwic", dir, "バス"); r.code != exitOK {
		t.Fatalf("%s: kwic: exit %d\n%s", when, r.code, r.stderr)
	}
	html, err := os.ReadFile(filepath.Join(out, "report", "index.html"))
	if err != nil {
		t.Fatalf("%s: %v", when, err)
	}
	db := openDB(t, filepath.Join(out, "koe.sqlite"))
	var sha string
	if err := db.QueryRow(`SELECT config_sha256 FROM runs ORDER BY run_id DESC LIMIT 1`).Scan(&sha); err != nil {
		t.Fatalf("%s: %v", when, err)
	}
	if !bytes.Contains(html, []byte(sha)) {
		t.Errorf("%s: the report and the database come from different runs", when)
	}
	var read, loaded, quar int
	if err := db.QueryRow(`SELECT SUM(rows_read), SUM(rows_loaded), SUM(rows_quarantined) FROM waves`).Scan(&read, &loaded, &quar); err != nil || read != 40 || read != loaded+quar {
		t.Errorf("%s: waves %d/%d/%d (err %v): not a complete database", when, read, loaded, quar, err)
	}
}

// TestInterrupt: Ctrl-C stops a run with status 130 and leaves the
// previous outputs as they were.
func TestInterrupt(t *testing.T) {
	dir := copyStudy(t, "small")
	if r := koe(t, "", "run", dir); r.code != exitQuarantined {
		t.Fatalf("first run: exit %d\n%s", r.code, r.stderr)
	}
	before, _ := os.ReadFile(filepath.Join(dir, "out", "report", "index.html"))
	sum := sha256.Sum256(before)
	interrupted := false
	for _, d := range []time.Duration{100, 300, 600} {
		cmd := exec.Command(koeBin, "run", dir)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(d * time.Millisecond)
		cmd.Process.Signal(os.Interrupt)
		err := cmd.Wait()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		}
		switch code {
		case exitInterrupted:
			interrupted = true
		case exitQuarantined:
			// finished before the signal arrived
		default:
			t.Errorf("interrupted at %v: exit %d\n%s", d*time.Millisecond, code, stderr.String())
		}
		after, _ := os.ReadFile(filepath.Join(dir, "out", "report", "index.html"))
		if got := sha256.Sum256(after); got != sum {
			t.Errorf("interrupted at %v: report changed (%s)", d*time.Millisecond, hex.EncodeToString(got[:4]))
		}
	}
	if !interrupted {
		t.Error("no run was interrupted: every one finished before Ctrl-C")
	}
}

// TestInterruptDuringIndex: Ctrl-C once the analysis is done, while koe
// run builds the answers index beside the report, stops the run with
// status 130, leaves the previous outputs and no staging directory, and
// the next run works.
func TestInterruptDuringIndex(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a generated 30,000-respondent study")
	}
	dir := filepath.Join(t.TempDir(), "study")
	if r := koe(t, "", "gen", "--out", dir, "--respondents", "30000"); r.code != exitOK {
		t.Fatalf("gen: exit %d\n%s", r.code, r.stderr)
	}
	if r := koe(t, "", "run", dir); r.code != exitOK {
		t.Fatalf("first run: exit %d\n%s", r.code, r.stderr)
	}
	before, _ := os.ReadFile(filepath.Join(dir, "out", "report", "index.html"))
	cmd := exec.Command(koeBin, "-v", "run", dir)
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = pw
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	pw.Close()
	var seen bytes.Buffer
	buf := make([]byte, 4096)
	for !bytes.Contains(seen.Bytes(), []byte("koe: analyze")) {
		n, err := pr.Read(buf)
		seen.Write(buf[:n])
		if err != nil {
			cmd.Wait()
			t.Fatalf("the run ended before the analysis line:\n%s", seen.String())
		}
	}
	time.Sleep(50 * time.Millisecond) // into the report stage and the index sort
	cmd.Process.Signal(os.Interrupt)
	go func() {
		for {
			n, err := pr.Read(buf)
			seen.Write(buf[:n])
			if err != nil {
				return
			}
		}
	}()
	err = cmd.Wait()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	}
	if code != exitInterrupted {
		t.Fatalf("Ctrl-C during the index: exit %d, want %d", code, exitInterrupted)
	}
	after, _ := os.ReadFile(filepath.Join(dir, "out", "report", "index.html"))
	if len(before) == 0 || !bytes.Equal(before, after) {
		t.Error("the interrupted run changed the previous report")
	}
	if _, err := os.Stat(filepath.Join(dir, "out", ".koe-new")); !os.IsNotExist(err) {
		t.Error("the interrupted run left its staging directory")
	}
	if r := koe(t, "", "run", dir); r.code != exitOK {
		t.Fatalf("run after Ctrl-C: exit %d\n%s", r.code, r.stderr)
	}
}
