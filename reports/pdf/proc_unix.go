//go:build unix

package pdf

import (
	"os"
	"os/exec"
	"syscall"
)

// The browser starts helper processes (zygote, GPU, renderer); running it
// in its own process group lets Print end all of them, on cancellation and
// after a normal exit alike, so none outlives the print.
func setProcessGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
}

func killProcessGroup(cmd *exec.Cmd) {
	if cmd.Process != nil {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) // ESRCH when all are gone
	}
}

func runsAsRoot() bool { return os.Geteuid() == 0 }
