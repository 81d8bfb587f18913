//go:build !unix

package pdf

import "os/exec"

// Elsewhere (Windows) the browser is ended through its main process;
// exec.CommandContext kills it on cancellation.
func setProcessGroup(cmd *exec.Cmd) {}

func killProcessGroup(cmd *exec.Cmd) {}

func runsAsRoot() bool { return false }
