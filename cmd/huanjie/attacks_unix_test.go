//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// 4. Sizes that would take the machine are refused at once.
func TestAttackSizes(t *testing.T) {
	start := time.Now()
	refusedAtLine(t, attackFile(t, "[report]", "[ballot]\nwriteins = 1000000\n[report]"), "ballot.writeins 的值 1000000 过大")
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("writeins took %v", d)
	}
	dir := t.TempDir()
	fifo := filepath.Join(dir, "data.toml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	done := make(chan bool)
	go func() {
		_, errOut, code := runCLI(t, "", "check", fifo)
		if code != 2 || !strings.Contains(errOut, "不是普通文件") {
			t.Errorf("FIFO data file: exit %d: %s", code, errOut)
		}
		fonts := t.TempDir()
		syscall.Mkfifo(filepath.Join(fonts, "simsun.ttf"), 0o644)
		if out, errOut, code := runCLI(t, "", "fonts", "--fonts", fonts); code != 0 || !strings.Contains(out+errOut, "不是普通文件") {
			t.Errorf("FIFO font: exit %d: %s%s", code, out, errOut)
		}
		tdir := t.TempDir()
		os.Symlink("/dev/zero", filepath.Join(tdir, "report.tmpl"))
		if _, errOut, code := runCLI(t, "", "build", sample, "-o", t.TempDir(), "--templates", tdir); code != 1 || !strings.Contains(errOut, "无法读取模板 report.tmpl：不是普通文件") {
			t.Errorf("template linked to /dev/zero: exit %d: %s", code, errOut)
		}
		os.Remove(filepath.Join(tdir, "report.tmpl"))
		os.WriteFile(filepath.Join(tdir, "report.tmpl"), []byte("文书：report\n文件名：工作报告\n---\n"+`{{define "r"}}{{if lt . 60}}{{template "r" (inc .)}}{{template "r" (inc .)}}{{end}}{{end}}{{template "r" 0}}`), 0o644)
		if _, errOut, code := runCLI(t, "", "build", sample, "-o", t.TempDir(), "--templates", tdir); code != 1 || !strings.Contains(errOut, "模板运行超过") {
			t.Errorf("exponential template: exit %d: %s", code, errOut)
		}
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(60 * time.Second):
		t.Fatal("a FIFO or an endless template still blocks after 60 s")
	}
}
