// Package testenv holds the one rule for tests that need something from
// outside the repository (a Debian tool, the shared test data): locally
// such a test is skipped when the thing is missing; under CI=true, where
// .ci/run must have installed it, the test fails instead.
package testenv

import (
	"os"
	"os/exec"
	"testing"
)

// missing skips the test, or fails it under CI=true.
func missing(t testing.TB, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf(format+" (CI=true: .ci/run must install it)", args...)
	}
	t.Skipf(format, args...)
}

// Tool returns the path of an external command the test needs.
func Tool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		missing(t, "%s is not installed", name)
	}
	return p
}

// Tools checks several commands at once.
func Tools(t testing.TB, names ...string) {
	t.Helper()
	for _, n := range names {
		Tool(t, n)
	}
}

// Data checks that a file or directory the test reads exists.
func Data(t testing.TB, path string) {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		missing(t, "test data missing: %v", err)
	}
}
