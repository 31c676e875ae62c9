package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"huanjie/internal/web"
)

// The contract's endpoints answer exactly what the command line prints for
// the same file.
func TestServeAnswersLikeTheCommandLine(t *testing.T) {
	srv := httptest.NewUnstartedServer(nil)
	srv.Config.Handler = web.Handler(srv.Listener.Addr().String())
	srv.Start()
	defer srv.Close()
	post := func(path string, body []byte) []byte {
		res, err := http.Post(srv.URL+path, "application/toml", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return b
	}
	// The files, by the names the page knows them by (a browser sends no
	// folder).
	dir := t.TempDir()
	inputs := map[string][]byte{"binary.toml": []byte("\x00\x01garbage"), "empty.toml": nil}
	for _, f := range []string{sample, "../../samples/village-branch.toml", "../../samples/school-branch.toml", "testdata/bad.toml", "testdata/quorum.toml"} {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs[filepath.Base(f)] = data
	}
	for name, data := range inputs {
		os.WriteFile(filepath.Join(dir, name), data, 0o644)
	}
	data, _ := os.ReadFile(sample)
	t.Chdir(dir)
	for f, data := range inputs {
		for _, cmd := range []string{"check", "results"} {
			want, _, _ := runCLI(t, "", cmd, f, "--json")
			if got := post("/api/"+cmd+"?name="+f, data); string(got) != want {
				t.Errorf("%s %s:\n--- /api/%s\n%s\n--- huanjie %s --json\n%s", cmd, f, cmd, got, cmd, want)
			}
		}
	}
	// /api/build holds the files build writes, with the same names and bytes.
	out := filepath.Join(dir, "out")
	if _, errOut, code := runCLI(t, "", "build", filepath.Base(sample), "-o", out, "--format", "pdf,docx"); code != 0 {
		t.Fatal(errOut)
	}
	zb := post("/api/build?format=pdf,docx", data)
	zr, err := zip.NewReader(bytes.NewReader(zb), int64(len(zb)))
	if err != nil {
		t.Fatalf("not a ZIP: %s", zb)
	}
	var names []string
	for _, zf := range zr.File {
		names = append(names, zf.Name)
		r, _ := zf.Open()
		got, _ := io.ReadAll(r)
		r.Close()
		want, err := os.ReadFile(filepath.Join(out, zf.Name))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s differs from what build wrote (%v)", zf.Name, err)
		}
	}
	written, _ := os.ReadDir(out)
	if len(written) != len(names) {
		t.Errorf("build wrote %d files, the ZIP holds %d: %v", len(written), len(names), names)
	}
}

// huanjie serve prints its address first, serves the page there and stops
// when interrupted.
func TestServeCommand(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	var stderr bytes.Buffer
	opened := make(chan string, 1)
	done := make(chan int)
	go func() {
		done <- serve(ctx, nil, pw, &stderr, func(url string) error { opened <- url; return nil })
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	go io.Copy(io.Discard, pr)
	url := strings.TrimSpace(line)
	if !strings.HasPrefix(url, "http://127.0.0.1:") || !strings.HasSuffix(url, "/") {
		t.Fatalf("first line %q", line)
	}
	select {
	case u := <-opened:
		if u != url {
			t.Errorf("opened %s", u)
		}
	case <-time.After(5 * time.Second):
		t.Error("the browser was not opened")
	}
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(page), "换届选举文书") {
		t.Errorf("GET %s: %d", url, res.StatusCode)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d: %s", code, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
}

func TestServeUsage(t *testing.T) {
	ctx := context.Background()
	never := func(string) error { t.Error("browser opened"); return nil }
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"--addr", "nonsense"}, "--addr 应写成 主机:端口"},
		{[]string{"x.toml"}, "serve 不带文件参数"},
		{[]string{"--port", "8080"}, "不认识的选项 --port"},
	} {
		var out, errb bytes.Buffer
		if code := serve(ctx, c.args, &out, &errb, never); code != exitUsage || !strings.Contains(errb.String(), c.msg) {
			t.Errorf("%v: exit %d, %s", c.args, code, errb.String())
		}
	}
	// A port already in use.
	ln := httptest.NewServer(http.NotFoundHandler())
	defer ln.Close()
	var out, errb bytes.Buffer
	if code := serve(ctx, []string{"--addr", strings.TrimPrefix(ln.URL, "http://"), "--no-browser"}, &out, &errb, never); code != exitUsage || !strings.Contains(errb.String(), "端口可能已被占用") {
		t.Errorf("port in use: %d %s", code, errb.String())
	}
	// Without arguments, away from a double-click on Windows, huanjie prints its usage.
	stdout, _, code := runCLI(t, "")
	if code != 0 || !strings.Contains(stdout, "huanjie serve") {
		t.Errorf("usage (exit %d) lacks serve:\n%s", code, stdout)
	}
}

func TestPageHost(t *testing.T) {
	for served, want := range map[string]string{
		"127.0.0.1:8080":   "127.0.0.1:8080",
		"0.0.0.0:80":       "127.0.0.1:80",
		"[::]:8080":        "127.0.0.1:8080",
		"192.168.1.5:8080": "192.168.1.5:8080",
		"[::1]:8080":       "[::1]:8080",
	} {
		if got := pageHost(served); got != want {
			t.Errorf("served on %s: page at %s, want %s", served, got, want)
		}
	}
}
