// Package testenv holds the one rule for tests that need something from
// outside the repository (a Debian tool, the shared test data): locally
// such a test is skipped when the thing is missing; under CI=true, where
// .ci/run must have installed it, the test fails instead.
package testenv

import (
	"bufio"
	"compress/bzip2"
	"os"
	"os/exec"
	"strconv"
	"strings"
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

// unihan is Debian's unicode-data copy of the Unihan readings, whose
// kTGHZ2013 field lists the 8,105 characters of the 通用规范汉字表
// (通用规范汉字字典, 2013).
const unihan = "/usr/share/unicode/Unihan_Readings.txt.bz2"

// StandardChars reads the 通用规范汉字表 from Unihan, in code point order.
func StandardChars(t testing.TB) []rune {
	t.Helper()
	Data(t, unihan)
	f, err := os.Open(unihan)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []rune
	sc := bufio.NewScanner(bzip2.NewReader(f))
	for sc.Scan() {
		fs := strings.Split(sc.Text(), "\t")
		if len(fs) < 2 || fs[1] != "kTGHZ2013" || !strings.HasPrefix(fs[0], "U+") {
			continue
		}
		v, err := strconv.ParseUint(strings.TrimPrefix(fs[0], "U+"), 16, 32)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, rune(v))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
