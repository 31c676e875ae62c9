package web

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"time"

	"huanjie/generator/build"
	"huanjie/generator/district"
	"huanjie/generator/election"
	"huanjie/internal/report"
)

// fileName is the name an election file sent to the API goes by in
// messages: the ?name= the page gives (the file it opened), or a word.
func fileName(r *http.Request) string {
	if n := strings.TrimSpace(r.URL.Query().Get("name")); n != "" && len(n) < 200 {
		return filepath.Base(strings.ReplaceAll(n, `\`, "/"))
	}
	return "选举数据文件"
}

// analyse reads an election file sent in the body. When the file cannot
// be read as text it answers the JSON of `check --json` for such a file
// (status 200, as the contract's endpoints do) and returns nil.
func analyse(w http.ResponseWriter, r *http.Request, code int) *election.Election {
	data, ok := body(w, r)
	if !ok {
		return nil
	}
	l, err := election.Parse(fileName(r), data)
	if err != nil {
		writeJSON(w, code, report.Unreadable(err.Error()))
		return nil
	}
	return election.Analyze(l)
}

// POST /api/check: exactly `check --json`.
func (s *server) check(w http.ResponseWriter, r *http.Request) {
	if e := analyse(w, r, http.StatusOK); e != nil {
		writeJSON(w, http.StatusOK, report.Check(e))
	}
}

// POST /api/results: exactly `results --json`.
func (s *server) results(w http.ResponseWriter, r *http.Request) {
	if e := analyse(w, r, http.StatusOK); e != nil {
		writeJSON(w, http.StatusOK, report.Results(e))
	}
}

// buildAnswer is the 422 answer of /api/build: the check JSON, and the
// reason build gave.
type buildAnswer struct {
	report.CheckJSON
	Message string `json:"message"`
}

// POST /api/build?format=pdf,docx,ofd&only=a,b&draft=1: a ZIP of the files
// build would write, or 422 with the check JSON when build refuses.
func (s *server) build(w http.ResponseWriter, r *http.Request) {
	e := analyse(w, r, http.StatusUnprocessableEntity)
	if e == nil {
		return
	}
	q := r.URL.Query()
	opt := build.Options{Formats: list(q.Get("format")), Only: list(q.Get("only")), Draft: isSet(q.Get("draft"))}
	outs, err := s.session.Plan(e, opt, io.Discard)
	if err != nil {
		refused(w, e, err)
		return
	}
	var b bytes.Buffer
	if err := writeZip(&b, outs, zipTime(e)); err != nil {
		fail(w, http.StatusInternalServerError, "打包文书时出错："+err.Error())
		return
	}
	// Named like the files inside: the short name made safe for a file
	// name (which may itself hold a "-").
	name := build.SafeName(district.Short(e)) + "-换届选举文书.zip"
	attachment(w, "attachment", name, "application/zip")
	w.Write(b.Bytes())
}

// refused answers a build that was refused: 400 for options the page
// should not have sent, 422 with the check JSON for the data.
func refused(w http.ResponseWriter, e *election.Election, err error) {
	var ue *build.UsageError
	if errors.As(err, &ue) {
		fail(w, http.StatusBadRequest, ue.Msg)
		return
	}
	writeJSON(w, http.StatusUnprocessableEntity, buildAnswer{report.Check(e), err.Error()})
}

func list(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == ' ' }) {
		out = append(out, strings.TrimSpace(p))
	}
	return out
}

func isSet(s string) bool { return s == "1" || s == "true" }

// writeZip stores the files in build's order under build's names, each
// dated from the data so the same data give the same archive.
func writeZip(w io.Writer, outs []build.Output, mod time.Time) error {
	zw := zip.NewWriter(w)
	for _, o := range outs {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: filepath.Base(o.Path), Method: zip.Deflate, Modified: mod})
		if err != nil {
			return err
		}
		if _, err := f.Write(o.Data); err != nil {
			return err
		}
	}
	return zw.Close()
}

func zipTime(e *election.Election) time.Time {
	if d, ok := e.ElectionDate(); ok {
		return d.Time()
	}
	return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
}

// POST /api/document?only=ballot&file=委员选票&format=pdf&draft=1: one
// file of the set, for the preview and for downloading one document.
func (s *server) document(w http.ResponseWriter, r *http.Request) {
	e := analyse(w, r, http.StatusUnprocessableEntity)
	if e == nil {
		return
	}
	q := r.URL.Query()
	only, file, format := q.Get("only"), q.Get("file"), q.Get("format")
	if format == "" {
		format = "pdf"
	}
	outs, err := s.session.Plan(e, build.Options{Formats: []string{format}, Only: []string{only}, Draft: isSet(q.Get("draft"))}, io.Discard)
	if err != nil {
		var ue *build.UsageError
		if errors.As(err, &ue) {
			fail(w, http.StatusBadRequest, ue.Msg)
			return
		}
		fail(w, http.StatusUnprocessableEntity, plainRefusal(err.Error()))
		return
	}
	for _, o := range outs {
		base := filepath.Base(o.Path)
		if strings.TrimSuffix(base, "."+format) == file || strings.HasSuffix(base, "-"+file+"."+format) {
			ct, disp := "application/pdf", "inline"
			switch format {
			case "docx":
				ct, disp = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "attachment"
			case "ofd":
				ct, disp = "application/ofd", "attachment"
			}
			attachment(w, disp, base, ct)
			w.Write(o.Data)
			return
		}
	}
	fail(w, http.StatusNotFound, fmt.Sprintf("没有名为“%s”的文书。", file))
}

// plainRefusal rewords build's refusal for the page: the page has a 草稿
// box where the command line has --draft, and the reader already knows
// which document was asked for.
func plainRefusal(msg string) string {
	if strings.HasPrefix(msg, "不能生成 ") {
		if i := strings.Index(msg, "）："); i > 0 {
			msg = msg[i+len("）："):]
		}
	}
	msg = strings.ReplaceAll(msg, "请加 --draft", "请勾选“草稿”")
	msg = strings.ReplaceAll(msg, "请先运行 huanjie check 按提示修改。", "请先按页面上方的提示修改。")
	return msg
}

// formAnswer is what the page gets back for each change of the form.
type formAnswer struct {
	TOML      string           `json:"toml"`
	Check     report.CheckJSON `json:"check"`
	Buildable bool             `json:"buildable"` // build would write the documents before the election
	Facts     []string         `json:"facts"`
	Docs      []docState       `json:"docs"`
	Name      string           `json:"name"` // short name, for file names
}

// POST /api/form: the form's values ({"pairs": [[path, text], …]}) →
// the election file, its check, and what can be built.
func (s *server) form(w http.ResponseWriter, r *http.Request) {
	data, ok := body(w, r)
	if !ok {
		return
	}
	var in struct {
		Pairs []Pair `json:"pairs"`
	}
	if err := json.Unmarshal(data, &in); err != nil {
		fail(w, http.StatusBadRequest, "页面发来的数据无法读取，请刷新页面后重试。")
		return
	}
	text, err := Encode(in.Pairs)
	if err != nil {
		fail(w, http.StatusBadRequest, err.Error())
		return
	}
	l, err := election.Parse(fileName(r), text)
	if err != nil {
		fail(w, http.StatusBadRequest, err.Error())
		return
	}
	e := election.Analyze(l)
	writeJSON(w, http.StatusOK, formAnswer{
		TOML:      string(text),
		Check:     report.Check(e),
		Buildable: len(e.Findings.DataErrors()) == 0,
		Facts:     facts(e),
		Docs:      docStates(e),
		Name:      district.Short(e),
	})
}

// openAnswer is an election file opened on the page.
type openAnswer struct {
	Pairs []Pair   `json:"pairs"`
	Notes []string `json:"notes"` // what could not be read into the form
}

// POST /api/open: an election file (the body) → the form's values.
func (s *server) open(w http.ResponseWriter, r *http.Request) {
	data, ok := body(w, r)
	if !ok {
		return
	}
	l, err := election.Parse(fileName(r), data)
	if err != nil {
		var ue *election.UnreadableError
		if errors.As(err, &ue) {
			fail(w, http.StatusUnprocessableEntity, "无法打开："+ue.Msg)
			return
		}
		fail(w, http.StatusUnprocessableEntity, "无法打开："+err.Error())
		return
	}
	var notes []string
	for _, f := range l.Findings {
		notes = append(notes, f.Format(l.Path))
	}
	if l.Findings.Has("syntax") {
		fail(w, http.StatusUnprocessableEntity, "无法打开，文件的写法有误：\n"+strings.Join(notes, "\n"))
		return
	}
	writeJSON(w, http.StatusOK, openAnswer{Pairs: FromFile(&l.File), Notes: notes})
}
