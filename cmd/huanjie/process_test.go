package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The test binary runs as huanjie itself when HUANJIE_RUN_MAIN is set, so
// the tests below start real huanjie processes.
func TestMain(m *testing.M) {
	if os.Getenv("HUANJIE_RUN_MAIN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

func huanjieProcess(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "HUANJIE_RUN_MAIN=1")
	return cmd
}

// variant writes the sample with place replaced, so two variants write
// files of the same names with different content.
func variant(t *testing.T, place string) string {
	t.Helper()
	src, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), place+".toml")
	os.WriteFile(p, []byte(strings.Replace(string(src), "东华社区党群服务中心二楼会议室", place, 1)), 0o644)
	return p
}

// snapshot is a folder's files by name.
func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	des, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string][]byte{}
	for _, d := range des {
		b, _ := os.ReadFile(filepath.Join(dir, d.Name()))
		m[d.Name()] = b
	}
	return m
}

func sameSet(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if !bytes.Equal(v, b[k]) {
			return false
		}
	}
	return true
}

// reference builds a file alone into a fresh folder.
func reference(t *testing.T, file string, args ...string) map[string][]byte {
	t.Helper()
	dir := t.TempDir()
	if _, errOut, code := runCLI(t, "", append([]string{"build", file, "-o", dir}, args...)...); code != 0 {
		t.Fatalf("reference build: %s", errOut)
	}
	return snapshot(t, dir)
}

// Ten huanjie processes building two different files into one folder at
// once: every one exits 0 and the folder holds one whole set.
func TestConcurrentBuildsLeaveOneWholeSet(t *testing.T) {
	if testing.Short() {
		t.Skip("starts ten processes")
	}
	a, b := variant(t, "一楼甲室"), variant(t, "二楼乙室")
	refA, refB := reference(t, a), reference(t, b)
	out := t.TempDir()
	var cmds []*exec.Cmd
	var outs []*bytes.Buffer
	for i := range 10 {
		cmd := huanjieProcess("build", []string{a, b}[i%2], "-o", out)
		var buf bytes.Buffer
		cmd.Stdout, cmd.Stderr = &buf, &buf
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds, outs = append(cmds, cmd), append(outs, &buf)
	}
	for i, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Errorf("build %d: %v\n%s", i, err, outs[i])
		}
	}
	if got := snapshot(t, out); !sameSet(got, refA) && !sameSet(got, refB) {
		var names []string
		for k := range got {
			names = append(names, k)
		}
		t.Errorf("the folder holds a mixed set: %v", names)
	}
}

// A build interrupted by SIGINT while it writes leaves the old set (and
// exits 1 saying so), or, when the signal came after the set was in, the
// new set; never a mix, never a helper file. A build killed outright is
// cleaned up by the next one.
func TestSignalDuringWrite(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGINT to another process")
	}
	if testing.Short() {
		t.Skip("builds 1,000-copy ballots")
	}
	a, b := variant(t, "一楼甲室"), variant(t, "二楼乙室")
	big := []string{"--only", "ballot,tally,report", "--copies", "1000", "--format", "pdf,docx"}
	refA, refB := reference(t, a, big...), reference(t, b, big...)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGKILL} {
		out := t.TempDir()
		if _, errOut, code := runCLI(t, "", append([]string{"build", a, "-o", out}, big...)...); code != 0 {
			t.Fatal(errOut)
		}
		cmd := huanjieProcess(append([]string{"build", b, "-o", out}, big...)...)
		var buf bytes.Buffer
		cmd.Stdout, cmd.Stderr = &buf, &buf
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Wait for the first temporary file: the write has begun.
		deadline := time.Now().Add(60 * time.Second)
		for !hasHelperFile(out) && time.Now().Before(deadline) {
			time.Sleep(time.Millisecond)
		}
		cmd.Process.Signal(sig)
		err := cmd.Wait()
		got := snapshot(t, out)
		t.Logf("%v: %v %q", sig, err, strings.TrimSpace(buf.String()))
		switch {
		case sig == syscall.SIGKILL:
			// The next build cleans up whatever the killed one left.
			if _, errOut, code := runCLI(t, "", append([]string{"build", a, "-o", out}, big...)...); code != 0 {
				t.Fatalf("build after a kill: %s", errOut)
			}
			if got := snapshot(t, out); !sameSet(got, refA) {
				t.Errorf("after a kill and a new build the folder is not the new build's set: %d files", len(got))
			}
		case err == nil:
			if !sameSet(got, refB) {
				t.Errorf("%v: exit 0 but the folder is not the new set", sig)
			}
		default:
			if !strings.Contains(buf.String(), "已中断") || !sameSet(got, refA) {
				t.Errorf("%v: %v, %q; the folder is the old set: %v", sig, err, buf.String(), sameSet(got, refA))
			}
		}
	}
}

func hasHelperFile(dir string) bool {
	des, _ := os.ReadDir(dir)
	for _, d := range des {
		if strings.HasPrefix(d.Name(), ".huanjie-") {
			return true
		}
	}
	return false
}
