package election

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"huanjie/internal/oserr"
	"huanjie/internal/regular"

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

// Error is the path and what is wrong, joined as a Chinese message is:
// "x.toml：文件不存在，…".
func (e *UnreadableError) Error() string { return e.Path + "：" + e.Msg }

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
// it is reported in Loaded.Findings. Only a regular file is read: a FIFO
// or a device is refused at once, without waiting or reading without end.
func ReadFile(path string) (*Loaded, error) {
	b, err := regular.ReadFile(path, MaxFileSize)
	if err != nil {
		var tl *regular.TooLargeError
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return nil, &UnreadableError{path, "文件不存在，请检查文件名和路径"}
		case errors.Is(err, fs.ErrPermission):
			return nil, &UnreadableError{path, "没有读取权限"}
		case errors.As(err, &tl):
			return nil, &UnreadableError{path, fmt.Sprintf("文件过大（%.1f MB），选举数据文件不应超过 1 MB；请确认选对了文件", float64(tl.Size)/(1<<20))}
		case errors.Is(err, regular.ErrNotRegular):
			if st, serr := os.Stat(path); serr == nil && st.IsDir() {
				return nil, &UnreadableError{path, "这是一个目录，不是选举数据文件；请给出 .toml 文件的路径"}
			}
			return nil, &UnreadableError{path, "不是普通文件（可能是管道或设备），不是选举数据文件；请给出 .toml 文件的路径"}
		}
		return nil, &UnreadableError{path, "无法读取文件（" + oserr.Describe(err) + "）"}
	}
	return Parse(path, b)
}

// Parse decodes data (the content of path) into a Loaded.
func Parse(path string, data []byte) (*Loaded, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // Windows Notepad's BOM
	if bytes.IndexByte(data, 0) >= 0 || !utf8.Valid(data) {
		return nil, &UnreadableError{path, "不是 UTF-8 编码的文本文件（可能是二进制文件或 GBK 编码）；请用文本编辑器另存为 UTF-8 编码的 .toml 文件"}
	}
	l := &Loaded{Path: path, keyPos: map[string]Pos{}, valPos: map[string]Pos{}}
	// Positions first: that pass is linear and stops at the first path
	// deeper than MaxDepth, which go-toml would take seconds to decode.
	if deep := l.indexPositions(data); deep.Line > 0 {
		l.Findings = append(l.Findings, Finding{Level: LevelError, Code: "syntax", Line: deep.Line, Column: deep.Col,
			Message: fmt.Sprintf("表或数组嵌套超过%d层；选举数据文件用不到这么多层，请检查这里的方括号和花括号", MaxDepth)})
		return l, nil
	}
	var raw map[string]any
	if err := toml.Unmarshal(data, &raw); err != nil {
		l.Findings = append(l.Findings, syntaxFinding(data, err))
		return l, nil
	}
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
	f.Message = "TOML 语法错误：" + translateSyntax(err.Error())
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

// MaxDepth bounds how deep tables, arrays and dotted keys nest (the
// deepest real path, "meeting.another_round.votes.姓名", has four levels).
const MaxDepth = 10

// indexPositions records the position of every key and value, by path,
// and of every table a dotted header or key opens. It stops at the first
// path deeper than MaxDepth and returns its position (the zero Pos when
// there is none), so the work stays linear in the size of the file.
func (l *Loaded) indexPositions(data []byte) (deep Pos) {
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
			if depth(path) > MaxDepth {
				break
			}
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
	// opened records the tables a dotted header or key opens on the way
	// to path ("first_meting" for [first_meting.duties]).
	opened := func(path string, at Pos) {
		for p := parentPath(path); p != ""; p = parentPath(p) {
			if _, ok := l.keyPos[p]; !ok {
				l.keyPos[p] = at
			}
		}
	}
	tooDeep := func(path string, at Pos) bool {
		if depth(path) > MaxDepth && deep.Line == 0 {
			deep = at
		}
		return deep.Line > 0
	}
	var indexValue func(v *unstable.Node, path string)
	indexValue = func(v *unstable.Node, path string) {
		if v == nil || deep.Line > 0 {
			return
		}
		vp := pos(v.Raw)
		if tooDeep(path, vp) {
			return
		}
		if vp.Line > 0 {
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
				if tooDeep(full, kp) {
					return
				}
				l.keyPos[full] = kp
				indexValue(kv.Value(), full)
			}
		}
	}
	for p.NextExpression() && deep.Line == 0 {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table:
			parts, kp := keyParts(e)
			prefix = resolve(parts, "")
			if tooDeep(prefix, kp) || len(parts) > MaxDepth {
				deep = kp
				break
			}
			if _, ok := l.keyPos[prefix]; !ok {
				l.keyPos[prefix] = kp
			}
			opened(prefix, kp)
		case unstable.ArrayTable:
			parts, kp := keyParts(e)
			if len(parts) > MaxDepth {
				deep = kp
				break
			}
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
			opened(path, kp)
		case unstable.KeyValue:
			parts, kp := keyParts(e)
			if len(parts) > MaxDepth {
				deep = kp
				break
			}
			full := joinKey(parts)
			if prefix != "" {
				full = prefix + "." + full
			}
			if tooDeep(full, kp) {
				break
			}
			l.keyPos[full] = kp
			opened(full, kp)
			indexValue(e.Value(), full)
		}
	}
	return deep
}

// depth counts the levels of a path: "a.b[2].c" has four.
func depth(path string) int {
	if path == "" {
		return 0
	}
	return 1 + strings.Count(path, ".") + strings.Count(path, "[")
}

// translateSyntax turns go-toml's English parser messages into Chinese;
// a message it does not know becomes a general one, never English.
func translateSyntax(msg string) string {
	table := []struct{ en, zh string }{
		{"expected newline", "一行只能写一个“键 = 值”，这里多出了内容"},
		{"expected '=' after key", "缺少等号“=”"},
		{"expected character =", "缺少等号“=”"},
		{"expected value, not end of input", "等号后缺少值"},
		{"expected value", "等号后缺少值，或值的写法不对（文字要用英文双引号括起来）"},
		{"at start of value", "值的写法不对（文字要用英文双引号括起来，数字不带引号）"},
		{"strings must be quoted", "文字要用英文双引号括起来"},
		{"invalid character at start of key", "键名的写法不对（中文键名要用双引号括起来）"},
		{"expected key but reached end of input", "缺少键名"},
		{"unterminated basic string", "字符串缺少结尾的双引号"},
		{"basic string not terminated", "字符串缺少结尾的双引号"},
		{"unterminated literal string", "字符串缺少结尾的单引号"},
		{"not terminated", "多行字符串缺少结尾的三个引号"},
		{"cannot have new lines", "用一对双引号括起来的字符串不能换行（多行文字请用三个双引号 \"\"\" 括起来）"},
		{"cannot have control characters", "字符串中有控制字符（看不见的字符），请删去"},
		{"invalid UTF-8", "有无法识别的字符（文件应为 UTF-8 编码）"},
		{"invalid escape character", "反斜杠 \\ 后面的写法不对（要写反斜杠本身时请写两个 \\\\）"},
		{"unicode escape", "\\u 后面应是4位十六进制数"},
		{"too many quotes", "多行字符串结尾的引号过多"},
		{"carriage returns", "有单独的回车符，请用文本编辑器另存为 UTF-8 文本"},
		{"expected ']]' to close array table name", "表数组的名称应以 ]] 结尾"},
		{"expected ']' to close table name", "表名应以 ] 结尾"},
		{"expected ',' or ']' after array value", "数组中的值之间要用逗号分隔，最后用 ] 结尾"},
		{"expected ',' or '}' after inline table key-value", "内联表中的项之间要用逗号分隔，最后用 } 结尾"},
		{"unexpected comma in inline table", "内联表中有多余的逗号"},
		{"inline table is incomplete", "内联表缺少结尾的 }"},
		{"already defined", "同一个键或表写了两次"},
		{"array-table", "表数组的写法不对"},
		{"impossible date", "日期不存在（如 2月30日）"},
		{"date", "日期的写法不对（应如 2024-07-18）"},
		{"time", "时间的写法不对（应如 15:30:00；时间也可以写成字符串 \"15:30\"）"},
		{"too large to fit", "数字过大"},
		{"cannot be stored", "数字过大"},
		{"leading zeroes", "数字不能以0开头"},
		{"digit", "数字的写法不对"},
		{"float", "数字的写法不对"},
		{"integer", "数字的写法不对"},
		{"sign", "数字的写法不对"},
		{"keyword", "true、false 等关键字的写法不对（要用小写，不加引号）"},
		{"too deeply nested", "嵌套层数过多"},
		{"nesting", "嵌套层数过多"},
		{"inline table", "内联表的写法不对"},
		{"table", "表的写法不对或重复定义"},
		{"array", "数组的写法不对（用方括号 [ ] 括起来，元素之间用逗号分隔）"},
	}
	for _, t := range table {
		if contains(msg, t.en) {
			return t.zh
		}
	}
	return "写法不符合 TOML 格式"
}

func contains(s, sub string) bool { return bytes.Contains([]byte(s), []byte(sub)) }
