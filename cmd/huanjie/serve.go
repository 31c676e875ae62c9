package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"syscall"
	"time"

	"huanjie/internal/web"
)

// cmdServe serves the page until interrupted.
func cmdServe(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serve(ctx, args, stdout, stderr, openBrowser)
}

// serve listens on --addr (127.0.0.1 with a free port by default), prints
// the page's address as the first line of stdout, opens it with browse
// unless --no-browser, and serves until ctx ends.
func serve(ctx context.Context, args []string, stdout, stderr io.Writer, browse func(string) error) int {
	f := newFlags()
	addr := f.String("--addr", "127.0.0.1:0")
	noBrowser := f.Bool("--no-browser")
	if err := f.parse(args); err != nil {
		return usageError(stderr, "serve", err)
	}
	if len(f.args) > 0 {
		return usageError(stderr, "serve", fmt.Errorf("serve 不带文件参数；在打开的页面上用“打开数据文件…”选择文件"))
	}
	if _, _, err := net.SplitHostPort(*addr); err != nil {
		return usageError(stderr, "serve", fmt.Errorf("--addr 应写成 主机:端口，如 127.0.0.1:8080，现为 %q", *addr))
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "huanjie serve：无法在 %s 上提供页面（端口可能已被占用）；请换一个端口，如 --addr 127.0.0.1:8765。\n", *addr)
		return exitUsage
	}
	served := ln.Addr().String()
	url := "http://" + pageHost(served) + "/"
	fmt.Fprintln(stdout, url)
	fmt.Fprintln(stdout, "换届选举文书页面已启动。请在浏览器中打开上面的地址；用完后关闭本窗口或按 Ctrl+C 退出。")
	if !*noBrowser {
		if err := browse(url); err != nil {
			fmt.Fprintln(stderr, "未能自动打开浏览器，请手动在浏览器中打开上面的地址。")
		}
	}
	if host, _, _ := net.SplitHostPort(served); !net.ParseIP(host).IsLoopback() {
		fmt.Fprintln(stdout, "注意：页面不只在本机提供，同一网络中的其他电脑也能打开它。")
	}
	// The server's own log lines are English and for programmers: the
	// console window a secretary sees shows none.
	srv := &http.Server{Handler: web.Handler(served), ReadHeaderTimeout: 10 * time.Second, ErrorLog: log.New(io.Discard, "", 0)}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case <-ctx.Done():
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shut)
		fmt.Fprintln(stdout, "已退出。")
		return exitOK
	case err := <-done:
		if errors.Is(err, http.ErrServerClosed) {
			return exitOK
		}
		fmt.Fprintf(stderr, "huanjie serve：页面服务意外停止（%v）。\n", err)
		return exitData
	}
}

// pageHost is the host:port to put in the page's address: the address
// listened on, or 127.0.0.1 when it listens on every address.
func pageHost(served string) string {
	host, port, _ := net.SplitHostPort(served)
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	return net.JoinHostPort(host, port)
}

// openBrowser opens url in the user's default browser.
func openBrowser(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	case "darwin":
		cmd = exec.Command("open", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait()
	return nil
}

// serveDoubleClicked serves for a user who double-clicked huanjie.exe:
// the console window that opened with it shows the address, and stays
// open on an error until Enter is pressed, so the message can be read.
func serveDoubleClicked(stdin io.Reader, stdout, stderr io.Writer) int {
	code := cmdServe(nil, stdout, stderr)
	if code != exitOK {
		fmt.Fprintln(stdout, "按回车键关闭本窗口。")
		bufio.NewReader(stdin).ReadString('\n')
	}
	return code
}
