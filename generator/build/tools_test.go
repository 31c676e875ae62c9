package build

import (
	"os"
	"os/exec"
	"testing"
)

// needTool returns the path of an external tool the test needs. When the
// tool is missing the test is skipped, except under CI=true, where a
// missing tool is a failure (CI must install it: Debian poppler-utils).
func needTool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is required under CI=true but was not found in PATH", name)
		}
		t.Skipf("%s not found in PATH; skipping", name)
	}
	return p
}
