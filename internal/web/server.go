// Package web is the page `huanjie serve` shows in the user's browser: the
// election file as a form, checked as it is typed by the same engine as
// `huanjie check`, previews of the documents, and downloads. Every asset is
// in the binary; nothing is written on the computer except what the user
// downloads. The API is the contract's (POST /api/check, /api/results,
// /api/build) plus the page's own endpoints.
package web

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"mime"
	"net"
	"net/http"
	"strings"

	"huanjie/generator/build"
	"huanjie/internal/report"
)

// MaxBody is the largest request body accepted (the contract's 1 MiB,
// the same limit as an election file read by check).
const MaxBody = 1 << 20

//go:embed assets
var assets embed.FS

var page = template.Must(template.ParseFS(assets, "assets/page.html"))

// Handler serves the page and its API to requests addressed to addr, the
// host:port the server listens on. Requests naming another host (a DNS
// rebinding attack) and POSTs from another origin are refused.
func Handler(addr string) http.Handler {
	s := &server{hosts: allowedHosts(addr), session: build.NewSession()}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.index)
	mux.HandleFunc("GET /app.js", asset("assets/app.js", "text/javascript; charset=utf-8"))
	mux.HandleFunc("GET /app.css", asset("assets/app.css", "text/css; charset=utf-8"))
	mux.HandleFunc("POST /api/check", s.check)
	mux.HandleFunc("POST /api/results", s.results)
	mux.HandleFunc("POST /api/build", s.build)
	mux.HandleFunc("POST /api/form", s.form)
	mux.HandleFunc("POST /api/open", s.open)
	mux.HandleFunc("POST /api/document", s.document)
	mux.HandleFunc("POST /api/roster", s.roster)
	mux.HandleFunc("GET /api/roster-template", s.rosterTemplate)
	mux.HandleFunc("/", s.nowhere)
	return s.guard(mux)
}

// nowhere answers, in Chinese, what no route does: a request with the
// wrong method for an address that exists (405), or for no address (404).
func (s *server) nowhere(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/", "/app.js", "/app.css", "/api/roster-template":
		w.Header().Set("Allow", "GET")
		fail(w, http.StatusMethodNotAllowed, "这个地址只能用浏览器打开。")
	case "/api/check", "/api/results", "/api/build", "/api/form", "/api/open", "/api/document", "/api/roster":
		w.Header().Set("Allow", "POST")
		fail(w, http.StatusMethodNotAllowed, "这个地址只接受页面提交的数据。")
	default:
		fail(w, http.StatusNotFound, "没有这个页面。请打开 huanjie serve 显示的地址。")
	}
}

type server struct {
	hosts hostRule
	// session parses the templates once for every document the page
	// asks for, not once per request.
	session *build.Session
}

// hostRule says which Host headers name this server.
type hostRule struct {
	exact map[string]bool
	port  string
	anyIP bool // listening on every address: any IP literal with the port
}

func allowedHosts(addr string) hostRule {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		host, port = addr, "80"
	}
	r := hostRule{exact: map[string]bool{}, port: port}
	r.exact[strings.ToLower(net.JoinHostPort(host, port))] = true
	r.exact["localhost:"+port] = true
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		r.anyIP = true
	}
	return r
}

func (r hostRule) allows(hostport string) bool {
	hostport = strings.ToLower(hostport)
	if r.exact[hostport] {
		return true
	}
	host, port, err := net.SplitHostPort(hostport)
	return err == nil && r.anyIP && port == r.port && net.ParseIP(host) != nil
}

// guard refuses requests for another host or from another origin, limits
// bodies and sets the headers every answer carries.
func (s *server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; connect-src 'self' blob:; frame-src 'self' blob:; object-src 'self' blob:; img-src 'self' data: blob:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cache-Control", "no-store")
		if !s.hosts.allows(r.Host) {
			fail(w, http.StatusForbidden, "拒绝访问：请求的地址不是本程序的地址。请使用 huanjie serve 显示的地址打开页面。")
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			if o := r.Header.Get("Origin"); o != "" && !s.sameOrigin(o) {
				fail(w, http.StatusForbidden, "拒绝访问：请求来自其他网站。")
				return
			}
			if r.ContentLength > MaxBody {
				tooLarge(w)
				return
			}
			r.Body = http.MaxBytesReader(w, r.Body, MaxBody)
		}
		next.ServeHTTP(w, r)
	})
}

func (s *server) sameOrigin(origin string) bool {
	rest, ok := strings.CutPrefix(strings.ToLower(origin), "http://")
	return ok && !strings.ContainsAny(rest, "/?#@") && s.hosts.allows(rest)
}

func tooLarge(w http.ResponseWriter) {
	fail(w, http.StatusRequestEntityTooLarge, "文件过大：选举数据文件和花名册都不应超过 1 MB。请确认选对了文件。")
}

// body reads the request body; false when it was refused (answered).
func body(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	b, err := io.ReadAll(r.Body)
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			tooLarge(w)
		} else {
			fail(w, http.StatusBadRequest, "没有收到完整的数据，请重试。")
		}
		return nil, false
	}
	return b, true
}

// fail answers {"message": msg} with status code.
func fail(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, code, map[string]string{"message": msg})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	var b bytes.Buffer // the command line's encoding: /api/check answers exactly check --json
	if err := report.WriteJSON(&b, v); err != nil {
		code, b = http.StatusInternalServerError, *bytes.NewBufferString(`{"message": "内部错误：无法生成回答。"}` + "\n")
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	w.Write(b.Bytes())
}

// attachment names a downloaded file (Chinese names survive in every
// browser through RFC 6266's filename*).
func attachment(w http.ResponseWriter, disposition, name, contentType string) {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Disposition", mime.FormatMediaType(disposition, map[string]string{"filename": name}))
}

func asset(name, contentType string) http.HandlerFunc {
	data, err := assets.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", contentType)
		w.Write(data)
	}
}

func (s *server) index(w http.ResponseWriter, r *http.Request) {
	defaults, _ := json.Marshal(newFile)
	var b bytes.Buffer
	err := page.Execute(&b, map[string]any{
		"Sections": sections(),
		"Docs":     documentList(),
		"Defaults": template.JS(defaults),
	})
	if err != nil {
		http.Error(w, fmt.Sprintf("页面生成失败：%v", err), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(b.Bytes())
}

// newFile is the form of a new election file: a 党支部 under the 2020
// rules with one 书记 and one 副书记, everything else to be typed.
var newFile = []Pair{
	{"version", "1"},
	{"kind", "party-branch"},
	{"rules.profile", "party-2020"},
	{"plan.secretary_seats", "1"},
	{"plan.deputy_seats", "1"},
}
