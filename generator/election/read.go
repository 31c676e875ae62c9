package election

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// MaxFileSize is the largest election file read (1 MiB). Real files are a
// few kilobytes; anything larger is refused before parsing.
const MaxFileSize = 1 << 20

// UnreadableError means the file could not be read as an election file at
// all (missing, a directory, too large, not text). The CLI exits 2.
type UnreadableError struct {
	Path string
	Msg  string
}

func (e *UnreadableError) Error() string { return e.Path + ": " + e.Msg }

// Pos is a position in the file: 1-based line and column, the column
// counted in characters.
type Pos struct {
	Line, Col int
}

// Loaded is a decoded election file with its source positions.
type Loaded struct {
	Path     string
	File     File
	Findings Findings // reading findings (syntax, type, unknown keys)
	keyPos   map[string]Pos
	valPos   map[string]Pos
}

// KeyPos returns the position of the key at path (e.g. "candidates[2].name",
// "meeting.votes.嵇玉"), falling back to the nearest enclosing table that
// has one. The zero Pos means unknown.
func (l *Loaded) KeyPos(path string) Pos {
	for p := path; p != ""; p = parentPath(p) {
		if pos, ok := l.keyPos[p]; ok {
			return pos
		}
	}
	return Pos{}
}

// ValPos returns the position of the value at path, or the key's position.
func (l *Loaded) ValPos(path string) Pos {
	if pos, ok := l.valPos[path]; ok {
		return pos
	}
	return l.KeyPos(path)
}

func parentPath(p string) string {
	for i := len(p) - 1; i >= 0; i-- {
		switch p[i] {
		case '.':
			return p[:i]
		case '[':
			return p[:i]
		}
	}
	return ""
}

// ReadFile reads and decodes an election file. An *UnreadableError is
// returned when the file cannot be read as text; everything else wrong with
// it is reported in Loaded.Findings.
func ReadFile(path string) (*Loaded, error) {
	st, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, &UnreadableError{path, "文件不存在，请检查文件名和路径"}
		}
		if errors.Is(err, fs.ErrPermission) {
			return nil, &UnreadableError{path, "没有读取权限"}
		}
		return nil, &UnreadableError{path, "无法读取文件"}
	}
	if st.IsDir() {
		return nil, &UnreadableError{path, "这是一个目录，不是选举数据文件；请给出 .toml 文件的路径"}
	}
	if st.Size() > MaxFileSize {
		return nil, &UnreadableError{path, fmt.Sprintf("文件过大（%.1f MB），选举数据文件不应超过 1 MB；请确认选对了文件", float64(st.Size())/(1<<20))}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &UnreadableError{path, "无法打开文件"}
	}
	defer f.Close()
	buf := new(bytes.Buffer)
	if _, err := buf.ReadFrom(&limitedReader{f, MaxFileSize + 1}); err != nil {
		return nil, &UnreadableError{path, "读取文件时出错"}
	}
	if buf.Len() > MaxFileSize {
		return nil, &UnreadableError{path, "文件过大，选举数据文件不应超过 1 MB"}
	}
	return Parse(path, buf.Bytes())
}

type limitedReader struct {
	r interface{ Read([]byte) (int, error) }
	n int64
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		return 0, errEOF
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	return n, err
}

var errEOF = errors.New("EOF")

// Parse decodes data (the content of path) into a Loaded.
func Parse(path string, data []byte) (*Loaded, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // Windows Notepad's BOM
	if bytes.IndexByte(data, 0) >= 0 || !utf8.Valid(data) {
		return nil, &UnreadableError{path, "不是 UTF-8 编码的文本文件（可能是二进制文件或 GBK 编码）；请用文本编辑器另存为 UTF-8 编码的 .toml 文件"}
	}
	l := &Loaded{Path: path, keyPos: map[string]Pos{}, valPos: map[string]Pos{}}
	var raw map[string]any
	if err := toml.Unmarshal(data, &raw); err != nil {
		l.Findings = append(l.Findings, syntaxFinding(data, err))
		return l, nil
	}
	l.indexPositions(data)
	d := &decoder{l: l}
	d.decodeStruct("", raw, &l.File)
	return l, nil
}

func syntaxFinding(data []byte, err error) Finding {
	f := Finding{Level: LevelError, Code: "syntax"}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		line, col := de.Position()
		f.Line = line
		f.Column = charColumn(data, line, col)
		key := de.Key()
		if len(key) > 0 {
			f.Field = joinKey(key)
		}
		f.Message = "TOML 语法错误：" + translateSyntax(err.Error()) + "。请对照样例文件 samples/donghua-community.toml 检查这一行的写法（字符串要用英文双引号括起来，键和值之间用 =）"
		return f
	}
	f.Message = "TOML 语法错误：" + err.Error()
	return f
}

// charColumn converts a 1-based byte column on a 1-based line to a 1-based
// character column.
func charColumn(data []byte, line, byteCol int) int {
	start := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(data[start:], '\n')
		if i < 0 {
			return byteCol
		}
		start += i + 1
	}
	end := start + byteCol - 1
	if end > len(data) {
		end = len(data)
	}
	if end < start {
		return byteCol
	}
	return utf8.RuneCount(data[start:end]) + 1
}

func joinKey(parts []string) string {
	s := ""
	for i, p := range parts {
		if i > 0 {
			s += "."
		}
		s += p
	}
	return s
}

// indexPositions records the position of every key and value, by path.
func (l *Loaded) indexPositions(data []byte) {
	defer func() { _ = recover() }() // positions are a courtesy; never fail on them
	var p unstable.Parser
	p.Reset(data)
	arrays := map[string]int{} // array-table path → number of elements so far
	prefix := ""
	pos := func(r unstable.Range) Pos {
		if r.Length == 0 && r.Offset == 0 {
			return Pos{}
		}
		off := int(r.Offset)
		lineStart := bytes.LastIndexByte(data[:off], '\n') + 1
		line := bytes.Count(data[:off], []byte{'\n'}) + 1
		return Pos{line, utf8.RuneCount(data[lineStart:off]) + 1}
	}
	resolve := func(parts []string, base string) string {
		path := base
		for _, part := range parts {
			if path != "" {
				path += "."
			}
			path += part
			if n, ok := arrays[path]; ok && n > 0 {
				path += "[" + strconv.Itoa(n-1) + "]"
			}
		}
		return path
	}
	keyParts := func(n *unstable.Node) ([]string, Pos) {
		var parts []string
		var first Pos
		it := n.Key()
		for it.Next() {
			k := it.Node()
			if len(parts) == 0 {
				first = pos(k.Raw)
			}
			parts = append(parts, string(k.Data))
		}
		return parts, first
	}
	var indexValue func(v *unstable.Node, path string)
	indexValue = func(v *unstable.Node, path string) {
		if v == nil {
			return
		}
		if vp := pos(v.Raw); vp.Line > 0 {
			l.valPos[path] = vp
		}
		switch v.Kind {
		case unstable.Array:
			i := 0
			it := v.Children()
			for it.Next() {
				indexValue(it.Node(), path+"["+strconv.Itoa(i)+"]")
				i++
			}
		case unstable.InlineTable:
			it := v.Children()
			for it.Next() {
				kv := it.Node()
				parts, kp := keyParts(kv)
				full := path + "." + joinKey(parts)
				l.keyPos[full] = kp
				indexValue(kv.Value(), full)
			}
		}
	}
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table:
			parts, kp := keyParts(e)
			prefix = resolve(parts, "")
			if _, ok := l.keyPos[prefix]; !ok {
				l.keyPos[prefix] = kp
			}
		case unstable.ArrayTable:
			parts, kp := keyParts(e)
			parent := resolve(parts[:len(parts)-1], "")
			path := parts[len(parts)-1]
			if parent != "" {
				path = parent + "." + path
			}
			n := arrays[path]
			arrays[path] = n + 1
			if _, ok := l.keyPos[path]; !ok {
				l.keyPos[path] = kp
			}
			prefix = path + "[" + strconv.Itoa(n) + "]"
			l.keyPos[prefix] = kp
		case unstable.KeyValue:
			parts, kp := keyParts(e)
			full := joinKey(parts)
			if prefix != "" {
				full = prefix + "." + full
			}
			l.keyPos[full] = kp
			indexValue(e.Value(), full)
		}
	}
}

// translateSyntax turns go-toml's English parser messages into Chinese.
func translateSyntax(msg string) string {
	msg = trimPrefix(msg, "toml: ")
	table := []struct{ en, zh string }{
		{"expected newline", "一行只能写一个“键 = 值”，这里多出了内容"},
		{"expected character =", "缺少等号“=”"},
		{"expected value, not eof", "等号后缺少值"},
		{"expected value", "等号后缺少值，或值的写法不对（文字要用英文双引号括起来）"},
		{"invalid character at start of key", "键名的写法不对（中文键名要用双引号括起来）"},
		{"unterminated basic string", "字符串缺少结尾的双引号"},
		{"unterminated literal string", "字符串缺少结尾的单引号"},
		{"basic string not terminated", "字符串缺少结尾的双引号"},
		{"toml: array-table", "表数组的写法不对"},
		{"key already defined", "同一个键写了两次"},
		{"table", "表的写法不对或重复定义"},
		{"array", "数组的写法不对（用方括号 [ ] 括起来，元素之间用逗号分隔）"},
		{"inline table", "内联表的写法不对"},
		{"date", "日期的写法不对（应如 2024-07-18）"},
		{"integer", "数字的写法不对"},
		{"float", "数字的写法不对"},
		{"too deeply nested", "嵌套层数过多"},
		{"nesting", "嵌套层数过多"},
	}
	for _, t := range table {
		if contains(msg, t.en) {
			return t.zh + "（" + msg + "）"
		}
	}
	return "写法不符合 TOML 格式（" + msg + "）"
}

func trimPrefix(s, p string) string {
	if len(s) >= len(p) && s[:len(p)] == p {
		return s[len(p):]
	}
	return s
}

func contains(s, sub string) bool { return bytes.Contains([]byte(s), []byte(sub)) }
