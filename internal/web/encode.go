package web

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Encode writes the form's values as an election file: keys in the order
// of the model (which is the normative sample's), each with its label as a
// comment. A value the page could not read as its type (a word where a
// number belongs) is written as a string, so that the rules engine reports
// it beside its field in the same words as check; the page never drops
// what was typed.
func Encode(pairs []Pair) ([]byte, error) { return encode(schema, pairs) }

func encode(root *field, pairs []Pair) ([]byte, error) {
	t := newTableVal()
	for _, p := range pairs {
		if strings.TrimSpace(p[1]) == "" {
			continue
		}
		if err := t.insert(root, p[0], p[1]); err != nil {
			return nil, err
		}
	}
	var w writer
	w.b.WriteString("# 换届选举数据文件（由“换届”网页保存；可用 huanjie check 检查，用记事本等文本编辑器修改）\n")
	w.table(root, t, "", false)
	return []byte(w.b.String()), nil
}

// tableVal holds the values of one table, as typed.
type tableVal struct {
	leaves map[string]string
	tables map[string]*tableVal
	arrays map[string]map[int]*tableVal
	maps   map[string]*mapVal
}

type mapVal struct {
	names []string
	vals  map[string]string
}

func newTableVal() *tableVal {
	return &tableVal{leaves: map[string]string{}, tables: map[string]*tableVal{}, arrays: map[string]map[int]*tableVal{}, maps: map[string]*mapVal{}}
}

// PathError is a value sent under a path the election file does not have
// (a fault of the page, not of the user's data).
type PathError struct{ Path string }

func (e *PathError) Error() string {
	return fmt.Sprintf("页面发来了数据文件中没有的项“%s”", e.Path)
}

// insert puts value at path (with array indices) below t, whose keys f
// describes.
func (t *tableVal) insert(f *field, path, value string) error {
	rest := path
	for {
		i := strings.IndexAny(rest, ".[")
		seg, tail := rest, ""
		if i >= 0 {
			seg, tail = rest[:i], rest[i:]
		}
		c := f.child(seg)
		if c == nil {
			return &PathError{path}
		}
		switch c.Kind {
		case kTable:
			if !strings.HasPrefix(tail, ".") {
				return &PathError{path}
			}
			if t.tables[seg] == nil {
				t.tables[seg] = newTableVal()
			}
			t, f, rest = t.tables[seg], c, tail[1:]
		case kArray:
			end := strings.IndexByte(tail, ']')
			if !strings.HasPrefix(tail, "[") || end < 0 || !strings.HasPrefix(tail[end+1:], ".") {
				return &PathError{path}
			}
			n, err := strconv.Atoi(tail[1:end])
			if err != nil || n < 0 || n > 100000 {
				return &PathError{path}
			}
			if t.arrays[seg] == nil {
				t.arrays[seg] = map[int]*tableVal{}
			}
			if t.arrays[seg][n] == nil {
				t.arrays[seg][n] = newTableVal()
			}
			t, f, rest = t.arrays[seg][n], c, tail[end+2:]
		case kMap:
			if !strings.HasPrefix(tail, ".") || len(tail) < 2 {
				return &PathError{path}
			}
			m := t.maps[seg]
			if m == nil {
				m = &mapVal{vals: map[string]string{}}
				t.maps[seg] = m
			}
			name := strings.TrimSpace(tail[1:])
			if name == "" {
				return nil // a row whose name is not typed yet
			}
			if _, dup := m.vals[name]; !dup {
				m.names = append(m.names, name)
			}
			m.vals[name] = value
			return nil
		default:
			if tail != "" {
				return &PathError{path}
			}
			t.leaves[seg] = value
			return nil
		}
	}
}

type writer struct {
	b strings.Builder
}

// table writes the table t described by f: its own values first, then its
// tables, maps and arrays of tables, each under its header. header is the
// table's TOML path ("" for the top); array says it is one [[element]].
func (w *writer) table(f *field, t *tableVal, header string, array bool) {
	var lines []string
	for _, c := range f.Children {
		if c.StringForm != "" {
			if sub := t.tables[c.Key]; sub != nil && sub.onlyLeaf(c.StringForm) {
				lines = append(lines, keyLine(c.Key, literal(c.child(c.StringForm), sub.leaves[c.StringForm]), c))
			}
			continue
		}
		if !c.leaf() {
			continue
		}
		if lit := literal(c, t.leaves[c.Key]); lit != "" {
			lines = append(lines, keyLine(c.Key, lit, c))
		}
	}
	if header != "" && (len(lines) > 0 || array) {
		w.b.WriteString("\n")
		if array {
			w.b.WriteString("[[" + header + "]]")
		} else {
			w.b.WriteString("[" + header + "]")
		}
		if l := f.Spec.Label; l != "" {
			w.b.WriteString("  # " + l)
		}
		w.b.WriteString("\n")
	}
	for _, l := range lines {
		w.b.WriteString(l)
	}
	for _, c := range f.Children {
		path := join(header, c.Key)
		switch c.Kind {
		case kTable:
			sub := t.tables[c.Key]
			if sub == nil || !sub.hasContent(c) || (c.StringForm != "" && sub.onlyLeaf(c.StringForm)) {
				continue
			}
			w.table(c, sub, path, false)
		case kArray:
			elems := t.arrays[c.Key]
			idx := make([]int, 0, len(elems))
			for i := range elems {
				idx = append(idx, i)
			}
			sort.Ints(idx)
			var full []*tableVal
			for _, i := range idx {
				if elems[i].hasContent(c) {
					full = append(full, elems[i])
				}
			}
			for _, e := range full {
				w.table(c, e, path, !c.OneOrMany || len(full) > 1)
			}
		case kMap:
			m := t.maps[c.Key]
			if m == nil || len(m.names) == 0 {
				continue
			}
			w.b.WriteString("\n[" + path + "]")
			if l := c.Spec.Label; l != "" {
				w.b.WriteString("  # " + l)
			}
			w.b.WriteString("\n")
			for _, n := range m.names {
				w.b.WriteString(quote(n) + " = " + scalar(c.Value, m.vals[n]) + "\n")
			}
		}
	}
}

// onlyLeaf reports whether the table holds nothing but a value for key.
func (t *tableVal) onlyLeaf(key string) bool {
	if len(t.tables)+len(t.arrays)+len(t.maps) > 0 || strings.TrimSpace(t.leaves[key]) == "" {
		return false
	}
	for k, v := range t.leaves {
		if k != key && strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// hasContent reports whether anything in t would be written.
func (t *tableVal) hasContent(f *field) bool {
	for _, c := range f.Children {
		switch c.Kind {
		case kTable:
			if sub := t.tables[c.Key]; sub != nil && sub.hasContent(c) {
				return true
			}
		case kArray:
			for _, e := range t.arrays[c.Key] {
				if e.hasContent(c) {
					return true
				}
			}
		case kMap:
			if m := t.maps[c.Key]; m != nil && len(m.names) > 0 {
				return true
			}
		default:
			if literal(c, t.leaves[c.Key]) != "" {
				return true
			}
		}
	}
	return false
}

func keyLine(key, lit string, f *field) string {
	line := key + " = " + lit
	if l := f.Spec.Label; l != "" && !strings.Contains(lit, "\n") {
		line += "  # " + l
		for _, o := range f.Spec.Options {
			if o.Value != o.Text && (quote(o.Value) == lit || o.Value == lit) {
				line += "：" + o.Text
			}
		}
	}
	return line + "\n"
}

// literal is the TOML value of what was typed into f ("" writes nothing).
func literal(f *field, s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	if f.Kind == kList {
		items := splitList(s, f.Spec.Widget == wLines)
		if len(items) == 0 {
			return ""
		}
		q := make([]string, len(items))
		for i, it := range items {
			q[i] = quote(it)
		}
		if f.Spec.Widget == wLines {
			return "[\n  " + strings.Join(q, ",\n  ") + ",\n]"
		}
		return "[" + strings.Join(q, ", ") + "]"
	}
	return scalar(f.Kind, s)
}

// scalar is the TOML value of one typed value of kind k.
func scalar(k kind, s string) string {
	switch k {
	case kInt:
		if n, ok := parseInt(s); ok {
			return strconv.FormatInt(n, 10)
		}
	case kFloat:
		if x, err := strconv.ParseFloat(strings.TrimSpace(halfWidth(s)), 64); err == nil && !math.IsInf(x, 0) && !math.IsNaN(x) {
			return strconv.FormatFloat(x, 'f', -1, 64)
		}
	case kBool:
		switch strings.TrimSpace(s) {
		case "true":
			return "true"
		case "false":
			return "false"
		}
	case kDate:
		if d, ok := parseDate(s); ok {
			return d
		}
	case kFraction:
		if x, err := strconv.ParseFloat(strings.TrimSpace(halfWidth(s)), 64); err == nil && x > 0 && x <= 1 {
			return strconv.FormatFloat(x, 'f', -1, 64)
		}
		return quote(strings.TrimSpace(halfWidth(s)))
	}
	return quote(s)
}

// halfWidth turns full-width digits and signs (typed with a Chinese input
// method) into ASCII.
func halfWidth(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return r - '０' + '0'
		case r == '．':
			return '.'
		case r == '－':
			return '-'
		case r == '／':
			return '/'
		}
		return r
	}, s)
}

// parseInt reads a whole number as typed: full-width digits, and a unit
// after it (33名, 28张, 5票), are accepted.
func parseInt(s string) (int64, bool) {
	s = strings.TrimSpace(halfWidth(s))
	s = strings.TrimRight(s, "名张票人年份个 ")
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil
}

var dateRE = regexp.MustCompile(`^(\d{4})\s*[-./年]\s*(\d{1,2})\s*(?:(?:[-./月]\s*(\d{1,2})\s*日?)|月)?$`)

// parseDate reads a date as typed (2024-07-18, 2024.7.18, 2024年7月18日,
// 1975-03, 1975年3月) and gives its TOML form: a date, or "YYYY-MM" for a
// year and month. Anything else is left to the rules engine to report.
func parseDate(s string) (string, bool) {
	m := dateRE.FindStringSubmatch(strings.TrimSpace(halfWidth(s)))
	if m == nil {
		return "", false
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	if mo < 1 || mo > 12 {
		return "", false
	}
	if m[3] == "" {
		return fmt.Sprintf(`"%04d-%02d"`, y, mo), true
	}
	d, _ := strconv.Atoi(m[3])
	if d < 1 || d > daysIn(y, mo) {
		return "", false
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, mo, d), true
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// quote writes s as a TOML basic string.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 || r == 0x7f || r == utf8.RuneError {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}
