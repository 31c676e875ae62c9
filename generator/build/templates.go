package build

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"text/template"
	"time"
	"unicode/utf8"

	"huanjie/internal/oserr"
	"huanjie/internal/regular"
	"huanjie/templates"
)

// Template is one document template: its front matter and body.
type Template struct {
	File     string // file name, e.g. "request.tmpl"
	Name     string // --only name, e.g. "request"
	FileName string // output file name part, e.g. "换届选举请示"
	// RoundFileName, when set ("后续文件名：委员{轮次}选票"), makes the
	// template a form of every vote: filled once for the first round under
	// FileName, and once for each later vote (再次投票, 另行选举, held or
	// still to be held) under this name, {轮次} replaced by the vote's name.
	RoundFileName string
	Needs         []string // data sections it needs: meeting, first_meeting, report, summary, result
	Order         int
	Body          string
	bodyLine      int // line of the file where Body starts (for error lines)
	fileNameLine  int // line of 文件名
	tmpl          *template.Template
}

// TemplateError is a template problem, in Chinese, naming the file and line.
type TemplateError struct {
	File string
	Line int
	Key  string
	Msg  string
}

func (e *TemplateError) Error() string {
	s := "模板 " + e.File
	if e.Line > 0 {
		s += fmt.Sprintf(" 第%d行", e.Line)
	}
	s += "：" + e.Msg
	if e.Key != "" {
		s += "（数据键 " + e.Key + "）"
	}
	return s
}

// LoadTemplates reads the embedded templates, replaced file by file by those
// in dir when dir is not empty.
func LoadTemplates(dir string) ([]*Template, error) {
	files := map[string][]byte{}
	entries, _ := fs.ReadDir(templates.FS, ".")
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmpl") {
			b, _ := fs.ReadFile(templates.FS, e.Name())
			files[e.Name()] = b
		}
	}
	if dir != "" {
		des, err := os.ReadDir(dir)
		if err != nil {
			return nil, fmt.Errorf("无法读取模板目录 %s：%s", dir, oserr.Describe(err))
		}
		n := 0
		for _, e := range des {
			if !strings.HasSuffix(e.Name(), ".tmpl") {
				continue
			}
			if n++; n > maxTemplates {
				return nil, fmt.Errorf("模板目录 %s 中的 .tmpl 文件多于%d个；请只放要替换或增加的模板", dir, maxTemplates)
			}
			b, err := regular.ReadFile(filepath.Join(dir, e.Name()), maxTemplateSize)
			if err != nil {
				return nil, fmt.Errorf("无法读取模板 %s：%s", e.Name(), oserr.Describe(err))
			}
			files[e.Name()] = b
		}
	}
	// In file-name order, so that of two faulty templates the same one is
	// reported every time.
	var out []*Template
	for _, name := range slices.Sorted(maps.Keys(files)) {
		t, err := parseTemplate(name, files[name])
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Order != out[j].Order {
			return out[i].Order < out[j].Order
		}
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].File < out[j].File
	})
	byFileName := map[string]*Template{}
	for _, t := range out {
		if o := byFileName[t.FileName]; o != nil {
			return nil, &TemplateError{File: t.File, Line: t.fileNameLine, Msg: fmt.Sprintf("文件名“%s”与模板 %s 的相同；两份文书不能写到同一个文件，请改一个文件名", t.FileName, o.File)}
		}
		byFileName[t.FileName] = t
	}
	return out, nil
}

// Bounds on a templates folder: real templates are a few kilobytes.
const (
	maxTemplates    = 100
	maxTemplateSize = 256 << 10
	maxFileNameLen  = 30 // characters of a 文件名
)

// checkFileName says what is wrong with the value v of a template's
// 文件名 or 后续文件名 (key) ("" when nothing): it becomes part of one
// file name in the output folder, so it can hold no path separator, no
// "..", nothing Windows refuses in a name.
func checkFileName(key, v string) string {
	switch {
	case v == "":
		return "“" + key + "”不能为空"
	case utf8.RuneCountInString(v) > maxFileNameLen:
		return fmt.Sprintf("“%s”最多%d个字", key, maxFileNameLen)
	case strings.ContainsFunc(v, notInFileName):
		return "“" + key + `”中不能有 / \ : * ? " < > | 或控制字符：文书只能写在输出目录中，不能写到别处`
	case strings.HasPrefix(v, ".") || strings.HasSuffix(v, ".") || strings.TrimSpace(v) != v:
		return "“" + key + "”不能以“.”或空格开头或结尾"
	}
	return ""
}

// parseTemplate reads the front matter (key：value lines up to "---") and
// parses the body as a Go text/template.
func parseTemplate(file string, b []byte) (*Template, error) {
	src := strings.ReplaceAll(string(b), "\r\n", "\n")
	head, body, ok := strings.Cut(src, "\n---\n")
	if !ok {
		return nil, &TemplateError{File: file, Line: 1, Msg: "缺少开头的说明部分（文书、文件名等）和分隔行 ---"}
	}
	t := &Template{File: file, Body: body, bodyLine: strings.Count(head, "\n") + 3}
	for i, line := range strings.Split(head, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "//") {
			continue
		}
		k, v, ok := strings.Cut(line, "：")
		if !ok {
			k, v, ok = strings.Cut(line, ":")
		}
		if !ok {
			return nil, &TemplateError{File: file, Line: i + 1, Msg: "说明部分每行应写成“键：值”"}
		}
		v = strings.TrimSpace(v)
		switch strings.TrimSpace(k) {
		case "文书":
			t.Name = v
		case "文件名":
			if msg := checkFileName("文件名", v); msg != "" {
				return nil, &TemplateError{File: file, Line: i + 1, Msg: msg}
			}
			t.FileName, t.fileNameLine = v, i+1
		case "需要":
			for _, n := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == '，' || r == '、' || r == ' ' }) {
				if !knownNeed[n] {
					return nil, &TemplateError{File: file, Line: i + 1, Msg: fmt.Sprintf("“需要”中的 %s 不认识；可写 meeting、first_meeting、result、report、summary", n)}
				}
				t.Needs = append(t.Needs, n)
			}
		case "后续文件名":
			if msg := checkFileName("后续文件名", v); msg != "" {
				return nil, &TemplateError{File: file, Line: i + 1, Msg: msg}
			}
			if !strings.Contains(v, "{轮次}") {
				return nil, &TemplateError{File: file, Line: i + 1, Msg: "“后续文件名”中应有 {轮次}（如“委员{轮次}选票”），以区分各次投票的文书"}
			}
			t.RoundFileName = v
		case "顺序":
			n, err := strconv.Atoi(v)
			if err != nil {
				return nil, &TemplateError{File: file, Line: i + 1, Msg: "“顺序”应是整数"}
			}
			t.Order = n
		default:
			return nil, &TemplateError{File: file, Line: i + 1, Msg: fmt.Sprintf("说明部分不认识“%s”；可写 文书、文件名、后续文件名、需要、顺序", k)}
		}
	}
	if t.Name == "" || t.FileName == "" {
		return nil, &TemplateError{File: file, Line: 1, Msg: "说明部分必须有“文书：英文名”和“文件名：中文名”"}
	}
	// Pad with newlines so template line numbers equal file line numbers.
	tm, err := template.New(file).Funcs(funcs).Option("missingkey=error").Parse(strings.Repeat("\n", t.bodyLine-1) + body)
	if err != nil {
		return nil, translateTemplateError(file, err)
	}
	escapeTemplates(tm)
	t.tmpl = tm
	return t, nil
}

var knownNeed = map[string]bool{"meeting": true, "first_meeting": true, "result": true, "report": true, "summary": true}

var tmplErrRE = regexp.MustCompile(`template: ([^:]+):(\d+)(?::(\d+))?: (.*)$`)
var tmplKeyRE = regexp.MustCompile(`<(?:[^>]*\s)?(\.[A-Za-z][\w.]*)>`)

// translateTemplateError turns a text/template error into Chinese with the
// file, line and data key.
func translateTemplateError(file string, err error) error {
	msg := err.Error()
	te := &TemplateError{File: file, Msg: "模板写法有误：" + msg}
	le, limited := isLimit(err)
	if limited {
		te.Msg = le.msg
	}
	if m := tmplErrRE.FindStringSubmatch(msg); m != nil {
		te.Line, _ = strconv.Atoi(m[2])
		detail := m[4]
		if k := tmplKeyRE.FindStringSubmatch(detail); k != nil {
			te.Key = k[1]
		}
		switch {
		case limited:
			te.Key = ""
		case strings.Contains(detail, "exceeded maximum template depth"):
			te.Msg = "模板调用自身的层数太多（递归没有结束），已停止"
		case strings.Contains(detail, "can't evaluate field"), strings.Contains(detail, "map has no entry for key"):
			te.Msg = "数据中没有这一项，请检查拼写"
		case strings.Contains(detail, "nil pointer evaluating"):
			te.Msg = "这一项数据没有填写（数据文件中缺少相应的表）"
		case strings.Contains(detail, "function") && strings.Contains(detail, "not defined"):
			te.Msg = "用了不存在的函数：" + detail
		case strings.Contains(detail, "unexpected"), strings.Contains(detail, "unclosed"), strings.Contains(detail, "missing"):
			te.Msg = "模板语法错误（{{ }} 不配对或写法不对）：" + detail
		case strings.Contains(detail, "error calling"):
			te.Msg = "计算出错：" + innermost(err).Error()
		default:
			te.Msg = "模板出错：" + detail
		}
	}
	return te
}

// innermost is the error at the end of err's chain: the Chinese message of
// a template function, without text/template's English wrapping.
func innermost(err error) error {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err
		}
		err = next
	}
}

// Execute fills the template with data and returns the markup text. The
// execution is bounded (see escape.go).
func (t *Template) Execute(data any) (string, error) {
	var buf bytes.Buffer
	b := &budget{start: time.Now(), out: &buf}
	tm, err := t.tmpl.Clone()
	if err != nil {
		return "", translateTemplateError(t.File, err)
	}
	tm.Funcs(template.FuncMap{tickName: b.tick})
	if err := tm.Execute(b, data); err != nil {
		return "", translateTemplateError(t.File, err)
	}
	return buf.String(), nil
}
