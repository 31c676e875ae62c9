package web

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"huanjie/generator/election"
	"huanjie/internal/ofdread"
	"huanjie/internal/testenv"
)

const sample = "../../samples/donghua-community.toml"

// newServer serves the page as huanjie serve does, on a loopback port.
func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewUnstartedServer(nil)
	srv.Config.Handler = Handler(srv.Listener.Addr().String())
	srv.Start()
	t.Cleanup(srv.Close)
	return srv
}

type answer struct {
	code int
	head http.Header
	body []byte
}

func (a answer) json(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(a.body, &m); err != nil {
		t.Fatalf("not JSON (%d): %s", a.code, a.body)
	}
	return m
}

func do(t *testing.T, srv *httptest.Server, method, path string, body []byte, header ...string) answer {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL+path, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		if header[i] == "Host" {
			req.Host = header[i+1]
		} else {
			req.Header.Set(header[i], header[i+1])
		}
	}
	res, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return answer{res.StatusCode, res.Header, b}
}

func read(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestPage(t *testing.T) {
	srv := newServer(t)
	a := do(t, srv, "GET", "/", nil)
	if a.code != 200 || !strings.HasPrefix(a.head.Get("Content-Type"), "text/html") {
		t.Fatalf("GET /: %d %s", a.code, a.head.Get("Content-Type"))
	}
	page := string(a.body)
	for _, want := range []string{`<html lang="zh-CN">`, "换届选举文书", "组织全称", "候选人预备人选", "选举情况", "下载全套（ZIP）", "换届选举请示", "委员选票"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	// Nothing is fetched from outside the program.
	for _, m := range regexp.MustCompile(`(?:src|href)="([^"]*)"`).FindAllStringSubmatch(page, -1) {
		if !strings.HasPrefix(m[1], "/") {
			t.Errorf("page refers to %s", m[1])
		}
	}
	// Every label names a control that exists.
	ids := map[string]bool{}
	for _, m := range regexp.MustCompile(` id="([^"]*)"`).FindAllStringSubmatch(page, -1) {
		if ids[m[1]] {
			t.Errorf("id %s twice", m[1])
		}
		ids[m[1]] = true
	}
	fors := regexp.MustCompile(`<label for="([^"]*)"`).FindAllStringSubmatch(page, -1)
	if len(fors) < 40 {
		t.Errorf("only %d labels tied to fields", len(fors))
	}
	for _, m := range fors {
		if !ids[m[1]] {
			t.Errorf("label for %s: no such field", m[1])
		}
	}
	for _, p := range []struct{ path, ctype, want string }{
		{"/app.js", "text/javascript", "/api/form"},
		{"/app.css", "text/css", "font"},
	} {
		a := do(t, srv, "GET", p.path, nil)
		if a.code != 200 || !strings.HasPrefix(a.head.Get("Content-Type"), p.ctype) || !strings.Contains(string(a.body), p.want) {
			t.Errorf("GET %s: %d %s", p.path, a.code, a.head.Get("Content-Type"))
		}
		if strings.Contains(string(a.body), "http://") || strings.Contains(string(a.body), "https://") {
			t.Errorf("%s refers to another site", p.path)
		}
	}
	if csp := a.head.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("CSP %q", csp)
	}
}

func TestCheckAndResults(t *testing.T) {
	srv := newServer(t)
	a := do(t, srv, "POST", "/api/check", read(t, sample))
	if a.code != 200 || string(a.body) != "{\n  \"ok\": true,\n  \"findings\": []\n}\n" {
		t.Errorf("check sample: %d %s", a.code, a.body)
	}
	bad := strings.Replace(string(read(t, sample)), "committee_seats = 5", "committee_seats = 6", 1)
	m := do(t, srv, "POST", "/api/check", []byte(bad)).json(t)
	if m["ok"] != false || !strings.Contains(string(mustJSON(m["findings"])), `"code":"margin"`) {
		t.Errorf("check of a file with too few candidates: %v", m)
	}
	// A file that is not text gets check's answer for an unreadable file.
	m = do(t, srv, "POST", "/api/check?name=x.toml", []byte("\xff\xfe\x00abc")).json(t)
	if f := m["findings"].([]any)[0].(map[string]any); m["ok"] != false || f["code"] != "unreadable" || !strings.HasPrefix(f["message"].(string), "x.toml：不是 UTF-8") {
		t.Errorf("unreadable: %v", m)
	}
	m = do(t, srv, "POST", "/api/results", read(t, sample)).json(t)
	if m["status"] != "complete" || m["secretary"] != "嵇玉" {
		t.Errorf("results: %v", m)
	}
	before := strings.Split(string(read(t, sample)), "# ---------- 以下为选举后填写")[0]
	m = do(t, srv, "POST", "/api/results", []byte(before)).json(t)
	if m["status"] != "no_result" {
		t.Errorf("results before the meeting: %v", m)
	}
}

func mustJSON(v any) []byte {
	b, _ := json.Marshal(v)
	return b
}

func unzip(t *testing.T, b []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("not a ZIP: %v", err)
	}
	out := map[string][]byte{}
	for _, f := range zr.File {
		r, _ := f.Open()
		out[f.Name], _ = io.ReadAll(r)
		r.Close()
	}
	return out
}

func TestBuild(t *testing.T) {
	srv := newServer(t)
	src := read(t, sample)
	a := do(t, srv, "POST", "/api/build?format=pdf,docx", src)
	if a.code != 200 || a.head.Get("Content-Type") != "application/zip" {
		t.Fatalf("build: %d %s", a.code, a.body)
	}
	if cd := a.head.Get("Content-Disposition"); !strings.Contains(cd, "attachment") || !strings.Contains(cd, "filename*=utf-8''%E4%B8%9C%E5%8D%8E") {
		t.Errorf("Content-Disposition %q", cd)
	}
	files := unzip(t, a.body)
	if len(files) != 2*len(documentList()) {
		t.Errorf("%d files, want a PDF and a DOCX of each of the %d", len(files), len(documentList()))
	}
	for _, name := range []string{"东华社区党支部-换届选举请示.pdf", "东华社区党支部-委员选票.docx", "东华社区党支部-换届选举工作总结.pdf"} {
		if len(files[name]) == 0 {
			t.Errorf("no %s", name)
		}
	}
	// The same data give the same archive.
	if b := do(t, srv, "POST", "/api/build?format=pdf,docx", src); !bytes.Equal(b.body, a.body) {
		t.Error("two builds of the same data differ")
	}
	if ofd := unzip(t, do(t, srv, "POST", "/api/build?format=ofd&only=request", src).body); len(ofd["东华社区党支部-换届选举请示.ofd"]) == 0 || len(ofd) != 1 {
		t.Errorf("format=ofd: %d files", len(ofd))
	}
	one := unzip(t, do(t, srv, "POST", "/api/build?only=ballot", src).body)
	if len(one) != 2 || one["东华社区党支部-书记副书记选票.pdf"] == nil {
		t.Errorf("only=ballot: %v", keysOf(one))
	}
	// Refused for the data: 422 with check's JSON and build's reason.
	bad := strings.Replace(string(src), "committee_seats = 5", "committee_seats = 6", 1)
	a = do(t, srv, "POST", "/api/build", []byte(bad))
	m := a.json(t)
	if a.code != 422 || m["ok"] != false || len(m["findings"].([]any)) == 0 || !strings.Contains(m["message"].(string), "数据有错误") {
		t.Errorf("refused build: %d %s", a.code, a.body)
	}
	// An invalid election builds only as a draft.
	quorum := strings.Replace(string(src), "total = 42", "total = 52", 1)
	if a := do(t, srv, "POST", "/api/build?only=result-request", []byte(quorum)); a.code != 422 || !strings.Contains(a.json(t)["message"].(string), "会议无效") {
		t.Errorf("invalid meeting: %d %s", a.code, a.body)
	}
	if a := do(t, srv, "POST", "/api/build?only=result-request&draft=1", []byte(quorum)); a.code != 200 || len(unzip(t, a.body)) != 1 {
		t.Errorf("draft: %d %s", a.code, a.body)
	}
	for _, q := range []string{"?format=odt", "?only=ballots"} {
		if a := do(t, srv, "POST", "/api/build"+q, src); a.code != 400 || a.json(t)["message"] == "" {
			t.Errorf("build%s: %d %s", q, a.code, a.body)
		}
	}
	if a := do(t, srv, "POST", "/api/build", []byte("\x00\x01")); a.code != 422 || a.json(t)["ok"] != false {
		t.Errorf("unreadable build: %d %s", a.code, a.body)
	}
}

func keysOf[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestDocument(t *testing.T) {
	srv := newServer(t)
	src := read(t, sample)
	a := do(t, srv, "POST", "/api/document?only=request&file=换届选举请示&format=pdf", src)
	if a.code != 200 || a.head.Get("Content-Type") != "application/pdf" || !bytes.HasPrefix(a.body, []byte("%PDF")) {
		t.Fatalf("preview: %d %s", a.code, a.head.Get("Content-Type"))
	}
	if text := pdfText(t, a.body); !strings.Contains(text, "进行换届选举的请示") {
		t.Errorf("the preview of the 请示 lacks its title:\n%s", text)
	}
	a = do(t, srv, "POST", "/api/document?only=ballot&file=书记副书记选票&format=docx", src)
	if a.code != 200 || !strings.Contains(a.head.Get("Content-Disposition"), "attachment") || !bytes.HasPrefix(a.body, []byte("PK")) {
		t.Errorf("docx: %d %v", a.code, a.head)
	}
	a = do(t, srv, "POST", "/api/document?only=request&file=换届选举请示&format=ofd", src)
	if a.code != 200 || a.head.Get("Content-Type") != "application/ofd" || !strings.Contains(a.head.Get("Content-Disposition"), "attachment") {
		t.Errorf("ofd: %d %v", a.code, a.head)
	} else if d, err := ofdread.Read(a.body); err != nil || !strings.Contains(d.Pages[0].String(), "进行换届选举的请示") {
		t.Errorf("ofd: %v", err)
	}
	before := strings.Split(string(src), "# ---------- 以下为选举后填写")[0]
	a = do(t, srv, "POST", "/api/document?only=summary&file=换届选举工作总结", []byte(before))
	if msg := a.json(t)["message"].(string); a.code != 422 || strings.Contains(msg, "summary") || !strings.Contains(msg, "选举后填写") {
		t.Errorf("summary before the meeting: %d %s", a.code, msg)
	}
	quorum := strings.Replace(string(src), "total = 42", "total = 52", 1)
	a = do(t, srv, "POST", "/api/document?only=result-request&file=选举结果请示", []byte(quorum))
	if msg := a.json(t)["message"].(string); a.code != 422 || strings.Contains(msg, "--draft") || !strings.Contains(msg, "勾选“草稿”") {
		t.Errorf("invalid meeting: %d %s", a.code, msg)
	}
	if a := do(t, srv, "POST", "/api/document?only=request&file=没有", src); a.code != 404 {
		t.Errorf("unknown file: %d", a.code)
	}
}

func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	tool := testenv.Tool(t, "pdftotext")
	f := filepath.Join(t.TempDir(), "x.pdf")
	os.WriteFile(f, pdf, 0o644)
	out, err := exec.Command(tool, "-layout", f, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(string(out)), "")
}

func TestForm(t *testing.T) {
	srv := newServer(t)
	body, _ := json.Marshal(map[string]any{"pairs": [][2]string{
		{"organization.name", "中共东华社区支部委员会"},
		{"organization.short_name", "东华社区党支部"},
		{"plan.committee_seats", "3"},
		{"candidates[0].name", "嵇玉"},
		{"candidates[1].name", "周陈"},
		{"candidates[2].name", "孙朋"},
	}})
	a := do(t, srv, "POST", "/api/form", body)
	var ans formAnswer
	if err := json.Unmarshal(a.body, &ans); err != nil || a.code != 200 {
		t.Fatalf("%d %s", a.code, a.body)
	}
	if !strings.Contains(ans.TOML, "[[candidates]]") || ans.Name != "东华社区党支部" || ans.Buildable {
		t.Errorf("answer: %+v", ans)
	}
	var margin bool
	for _, f := range ans.Check.Findings {
		if f.Code == "margin" && f.Field == "candidates" && strings.Contains(f.Message, "候选人至少应为4名") {
			margin = true
		}
	}
	if !margin {
		t.Errorf("no 差额 finding: %v", ans.Check.Findings)
	}
	if len(ans.Docs) != len(documentList()) || ans.Docs[0].Only != "request" || !ans.Docs[0].Ready {
		t.Errorf("docs: %+v", ans.Docs)
	}
	for _, d := range ans.Docs {
		if d.Only == "summary" && (d.Ready || d.Why != "填写“选举情况”后才能生成") {
			t.Errorf("summary: %+v", d)
		}
	}
	for _, bad := range []string{`{"pairs": [["organization.nmae", "x"]]}`, `{"pairs": 3}`, `not json`} {
		if a := do(t, srv, "POST", "/api/form", []byte(bad)); a.code != 400 || a.json(t)["message"] == "" {
			t.Errorf("%s: %d %s", bad, a.code, a.body)
		}
	}
}

func TestOpen(t *testing.T) {
	srv := newServer(t)
	a := do(t, srv, "POST", "/api/open?name=donghua.toml", read(t, sample))
	var ans openAnswer
	if err := json.Unmarshal(a.body, &ans); err != nil || a.code != 200 || len(ans.Notes) != 0 {
		t.Fatalf("%d %s", a.code, a.body)
	}
	got := map[string]string{}
	for _, p := range ans.Pairs {
		got[p[0]] = p[1]
	}
	for k, v := range map[string]string{"organization.name": "中共东华社区支部委员会", "candidates[5].name": "张荷田", "meeting.votes.嵇玉": "32", "meeting.scrutineers": "马红、朱立新", "rules.profile": "party-2020"} {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
	unknown := strings.Replace(string(read(t, sample)), `gender = "女"`, `gendr = "女"`, 1)
	a = do(t, srv, "POST", "/api/open?name=x.toml", []byte(unknown))
	at := fmt.Sprintf("x.toml:%d:1: 错误：未知的键 gendr", strings.Count(unknown[:strings.Index(unknown, "gendr")], "\n")+1)
	if err := json.Unmarshal(a.body, &ans); err != nil || a.code != 200 || len(ans.Notes) != 1 || !strings.Contains(ans.Notes[0], at) {
		t.Errorf("unknown key: %d %s", a.code, a.body)
	}
	for _, bad := range [][]byte{[]byte("name = \"x\"\n[organization\n"), []byte("\xff\xfe")} {
		a := do(t, srv, "POST", "/api/open", bad)
		if a.code != 422 || !strings.HasPrefix(a.json(t)["message"].(string), "无法打开") {
			t.Errorf("%q: %d %s", bad, a.code, a.body)
		}
	}
}

// The refusals of the contract: another host (DNS rebinding), another
// origin, bodies over 1 MiB; and what no route answers.
func TestRefusals(t *testing.T) {
	srv := newServer(t)
	port := srv.Listener.Addr().(*net.TCPAddr).Port
	host := "localhost:" + strconv.Itoa(port)
	src := read(t, sample)
	for _, c := range []struct {
		method, path string
		header       []string
		code         int
	}{
		{"GET", "/", []string{"Host", "evil.example:" + strconv.Itoa(port)}, 403},
		{"GET", "/", []string{"Host", "127.0.0.1"}, 403},
		{"POST", "/api/check", []string{"Host", "evil.example"}, 403},
		{"GET", "/", []string{"Host", host}, 200},
		{"POST", "/api/check", []string{"Origin", "http://evil.example"}, 403},
		{"POST", "/api/check", []string{"Origin", "null"}, 403},
		{"POST", "/api/check", []string{"Origin", "https://" + strings.TrimPrefix(srv.URL, "http://")}, 403},
		{"POST", "/api/build", []string{"Origin", "http://evil.example"}, 403},
		{"POST", "/api/check", []string{"Origin", srv.URL}, 200},
		{"POST", "/api/check", []string{"Host", host, "Origin", "http://" + host}, 200},
		{"GET", "/nothing", nil, 404},
		{"DELETE", "/api/check", nil, 405},
		{"GET", "/api/check", nil, 405},
		{"POST", "/", nil, 405},
	} {
		a := do(t, srv, c.method, c.path, src, c.header...)
		if a.code != c.code {
			t.Errorf("%s %s %v: %d, want %d: %s", c.method, c.path, c.header, a.code, c.code, a.body)
		}
		if a.code == 403 && !strings.Contains(a.json(t)["message"].(string), "拒绝访问") {
			t.Errorf("403 says %s", a.body)
		}
		if a.code >= 400 && !regexp.MustCompile(`\p{Han}`).Match(a.body) {
			t.Errorf("%s %s: %d in English: %s", c.method, c.path, a.code, a.body)
		}
	}
	big := bytes.Repeat([]byte("# 注释\n"), MaxBody/9+10)
	for _, path := range []string{"/api/check", "/api/results", "/api/build", "/api/form", "/api/open", "/api/document", "/api/roster"} {
		if a := do(t, srv, "POST", path, big); a.code != 413 || !strings.Contains(a.json(t)["message"].(string), "过大") {
			t.Errorf("%s with %d bytes: %d", path, len(big), a.code)
		}
	}
	// A body without a length is cut at the limit too.
	req, _ := http.NewRequest("POST", srv.URL+"/api/check", io.MultiReader(bytes.NewReader(big)))
	req.ContentLength = -1
	res, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 413 {
		t.Errorf("chunked body: %d", res.StatusCode)
	}
}

func TestHostRule(t *testing.T) {
	for _, c := range []struct {
		addr, host string
		ok         bool
	}{
		{"127.0.0.1:8080", "127.0.0.1:8080", true},
		{"127.0.0.1:8080", "localhost:8080", true},
		{"127.0.0.1:8080", "LOCALHOST:8080", true},
		{"127.0.0.1:8080", "localhost:8081", false},
		{"127.0.0.1:8080", "192.168.1.5:8080", false},
		{"127.0.0.1:8080", "attacker.example:8080", false},
		{"[::1]:8080", "[::1]:8080", true},
		{"0.0.0.0:8080", "192.168.1.5:8080", true},
		{"0.0.0.0:8080", "attacker.example:8080", false},
		{"[::]:8080", "[fe80::1]:8080", true},
		{"192.168.1.5:8080", "192.168.1.5:8080", true},
		{"192.168.1.5:8080", "10.0.0.1:8080", false},
	} {
		if got := allowedHosts(c.addr).allows(c.host); got != c.ok {
			t.Errorf("served on %s, Host %s: %v", c.addr, c.host, got)
		}
	}
}

// Several tabs at once: requests in parallel get their own answers.
func TestParallel(t *testing.T) {
	srv := newServer(t)
	src := read(t, sample)
	village := read(t, "../../samples/village-branch.toml")
	var wg sync.WaitGroup
	errs := make(chan string, 40)
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			file, want := src, "嵇玉"
			if i%2 == 1 {
				file, want = village, "王建国"
			}
			for _, path := range []string{"/api/results", "/api/document?only=request&file=换届选举请示", "/api/check"} {
				a := do(t, srv, "POST", path, file)
				if a.code != 200 {
					errs <- path + ": " + string(a.body)
				}
				if path == "/api/results" && !strings.Contains(string(a.body), want) {
					errs <- "results of another file"
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// The page lists every file build writes, the forms of later votes
// included, and previews each of them.
func TestDocumentsOfEveryVote(t *testing.T) {
	srv := newServer(t)
	files, _ := filepath.Glob("../../samples/*.toml")
	for _, f := range files {
		src := read(t, f)
		listed := map[string]bool{}
		l, err := election.Parse(f, src)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range docStates(election.Analyze(l)) {
			listed[d.File] = true
		}
		built := unzip(t, do(t, srv, "POST", "/api/build", src).body)
		for name := range built {
			file := strings.TrimSuffix(name[strings.Index(name, "-")+1:], ".pdf")
			if !listed[file] {
				t.Errorf("%s: %s is built but not listed", f, file)
			}
			if strings.Contains(file, "再次投票") || strings.Contains(file, "另行选举") {
				only := map[bool]string{true: "ballot", false: "tally"}[strings.HasSuffix(file, "选票")]
				a := do(t, srv, "POST", "/api/document?only="+only+"&file="+file, src)
				if a.code != 200 || !bytes.Equal(a.body, built[name]) {
					t.Errorf("%s: preview of %s: %d", f, file, a.code)
				}
			}
		}
	}
}

// TestBuildZipName: the ZIP is named by the short name, also one with a
// "-" in it (the name was once cut at the first "-" of a file name).
func TestBuildZipName(t *testing.T) {
	srv := newServer(t)
	src := bytes.Replace(read(t, sample), []byte(`short_name = "东华社区党支部"`), []byte(`short_name = "东华-社区党支部"`), 1)
	a := do(t, srv, "POST", "/api/build?only=request", src)
	if a.code != 200 {
		t.Fatalf("build: %d %s", a.code, a.body)
	}
	_, params, err := mime.ParseMediaType(a.head.Get("Content-Disposition"))
	if err != nil || params["filename"] != "东华-社区党支部-换届选举文书.zip" {
		t.Errorf("Content-Disposition %q: %v %v", a.head.Get("Content-Disposition"), params, err)
	}
}
