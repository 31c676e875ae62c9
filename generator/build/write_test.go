package build

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
)

// set makes n outputs named f0…f(n-1) in dir, each holding tag and its name.
func set(dir, tag string, n int) []Output {
	var outs []Output
	for i := range n {
		name := fmt.Sprintf("f%d.pdf", i)
		outs = append(outs, Output{Name: name, Path: filepath.Join(dir, name), Data: []byte(tag + ":" + name)})
	}
	return outs
}

// folder reads every entry of dir: name → content.
func folder(t *testing.T, dir string) map[string]string {
	t.Helper()
	des, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, d := range des {
		b, _ := os.ReadFile(filepath.Join(dir, d.Name()))
		m[d.Name()] = string(b)
	}
	return m
}

// assertSet checks dir holds exactly the n files of one tag and nothing else.
func assertSet(t *testing.T, dir string, n int, tags ...string) string {
	t.Helper()
	m := folder(t, dir)
	var names []string
	for k := range m {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, tag := range tags {
		ok := len(m) == n
		for _, o := range set(dir, tag, n) {
			if m[filepath.Base(o.Path)] != string(o.Data) {
				ok = false
			}
		}
		if ok {
			return tag
		}
	}
	t.Errorf("%s holds %v, not one whole set of %v", dir, m, tags)
	return ""
}

// A signal (a cancelled context) at any point of the move leaves the old
// set, and nothing else, in the folder.
func TestInterruptRollsBack(t *testing.T) {
	const n = 5
	for stop := 0; stop < n; stop++ {
		dir := t.TempDir()
		if err := Write(set(dir, "old", n-1)); err != nil { // the new set has one more file
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		testHookPlaced = func(i int) {
			if i == stop {
				cancel()
			}
		}
		err := WriteContext(ctx, set(dir, "new", n), nil)
		testHookPlaced = nil
		if stop < n-1 && !errors.Is(err, ErrInterrupted) {
			t.Errorf("stop after %d: got %v, want ErrInterrupted", stop, err)
		}
		if stop < n-1 {
			assertSet(t, dir, n-1, "old")
		} else if err == nil {
			assertSet(t, dir, n, "new") // cancelled after the last move: committed
		}
	}
}

// A run that dies half way (here: its goroutine ends without cleaning
// up) leaves a journal; the next run rolls the half set back before it
// writes, and no helper file survives.
func TestCrashRecovery(t *testing.T) {
	dir := t.TempDir()
	if err := Write(set(dir, "old", 3)); err != nil {
		t.Fatal(err)
	}
	done := make(chan bool)
	testHookPlaced = func(i int) {
		if i == 1 {
			close(done)
			runtime.Goexit() // die with two of four files moved in
		}
	}
	go WriteContext(context.Background(), set(dir, "new", 4), nil)
	<-done
	testHookPlaced = nil
	if _, err := os.Stat(filepath.Join(dir, journalName)); err != nil {
		t.Fatalf("no journal after the crash: %v", err)
	}
	if err := recoverFolder(dir); err != nil {
		t.Fatal(err)
	}
	assertSet(t, dir, 3, "old")
	// A later build writes its set over the recovered folder.
	if err := Write(set(dir, "next", 2)); err != nil {
		t.Fatal(err)
	}
	m := folder(t, dir)
	if len(m) != 3 || m["f0.pdf"] != "next:f0.pdf" || m["f2.pdf"] != "old:f2.pdf" {
		t.Errorf("after the next build: %v", m)
	}
}

// Writers into one folder take turns: whatever the interleaving, the
// folder ends with one whole set.
func TestConcurrentWritersTakeTurns(t *testing.T) {
	dir := t.TempDir()
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- Write(set(dir, []string{"a", "b"}[i%2], 20))
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	assertSet(t, dir, 20, "a", "b")
}

// Outputs must all be plain names in one folder.
func TestWriteStaysInItsFolder(t *testing.T) {
	dir := t.TempDir()
	for _, outs := range [][]Output{
		{{Path: filepath.Join(dir, "a.pdf")}, {Path: filepath.Join(dir, "sub", "b.pdf")}},
		{{Path: filepath.Join(dir, "a.pdf")}, {Path: filepath.Join(dir, "a.pdf")}},
		{{Path: filepath.Join(dir, ".huanjie-x.tmp")}},
	} {
		if err := Write(outs); err == nil || !strings.Contains(err.Error(), "没有写入任何文书") {
			t.Errorf("%v: got %v", outs, err)
		}
	}
	if m := folder(t, dir); len(m) != 0 {
		t.Errorf("folder holds %v", m)
	}
}

// A short name that looks like a path still gives plain file names.
func TestSafeName(t *testing.T) {
	for _, s := range []string{"../../x", "..", ".hidden", "a/b\\c:d", " .x"} {
		n := SafeName(s) + "-换届选举请示.pdf"
		if !filepath.IsLocal(n) || filepath.Base(n) != n || strings.HasPrefix(n, ".") {
			t.Errorf("%q gives %q", s, n)
		}
	}
}
