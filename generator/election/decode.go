package election

import (
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2"
)

// decoder maps the generic TOML tree onto the model, reporting unknown keys
// and wrong types with positions and in Chinese.
type decoder struct {
	l *Loaded
}

// customDecoder is implemented by types that read themselves (Date, Rules…).
type customDecoder interface {
	decodeTOML(d *decoder, path string, v any)
}

func (d *decoder) add(level, code, path string, pos Pos, msg string) {
	d.l.Findings = append(d.l.Findings, Finding{Level: level, Code: code, Field: path, Line: pos.Line, Column: pos.Col, Message: msg})
}

func (d *decoder) typeError(path string, v any, want string) {
	d.add(LevelError, "type", path, d.l.ValPos(path),
		fmt.Sprintf("键 %s 的值应为%s，现在是%s", displayPath(path), want, describe(v)))
}

// displayPath renders "candidates[1].gender" as "candidates[1].gender" but
// numbers array elements from 1 for people: "[[candidates]] 第2项的 gender".
func displayPath(path string) string {
	i := strings.LastIndexByte(path, ']')
	if i < 0 {
		return path
	}
	j := strings.LastIndexByte(path[:i], '[')
	n, err := strconv.Atoi(path[j+1 : i])
	if err != nil {
		return path
	}
	rest := strings.TrimPrefix(path[i+1:], ".")
	s := fmt.Sprintf("%s 第%d项", path[:j], n+1)
	if rest != "" {
		s += "的 " + rest
	}
	return s
}

func describe(v any) string {
	switch x := v.(type) {
	case string:
		return fmt.Sprintf("字符串 %q", x)
	case int64:
		return fmt.Sprintf("整数 %d", x)
	case float64:
		return fmt.Sprintf("小数 %g", x)
	case bool:
		return fmt.Sprintf("%t", x)
	case toml.LocalDate:
		return "日期 " + x.String()
	case toml.LocalDateTime:
		return "日期时间 " + x.String()
	case toml.LocalTime:
		return "时刻 " + x.String()
	case time.Time:
		return "日期时间 " + x.Format(time.RFC3339)
	case []any, []map[string]any:
		return "数组"
	case map[string]any:
		return "表"
	}
	return fmt.Sprintf("%T", v)
}

// fieldKeys lists the TOML keys of a struct type.
func fieldKeys(t reflect.Type) []string {
	var keys []string
	for i := 0; i < t.NumField(); i++ {
		if k := t.Field(i).Tag.Get("toml"); k != "" {
			keys = append(keys, k)
		}
	}
	return keys
}

// decodeStruct fills the struct pointed to by out from table m.
func (d *decoder) decodeStruct(path string, m map[string]any, out any) {
	rv := reflect.ValueOf(out).Elem()
	t := rv.Type()
	byKey := map[string]int{}
	for i := 0; i < t.NumField(); i++ {
		if k := t.Field(i).Tag.Get("toml"); k != "" {
			byKey[k] = i
		}
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		sub := k
		if path != "" {
			sub = path + "." + k
		}
		i, ok := byKey[k]
		if !ok {
			msg := fmt.Sprintf("未知的键 %s", k)
			if s := nearest(k, fieldKeys(t)); s != "" {
				msg += fmt.Sprintf("，是否应为 %s？", s)
			} else {
				where := "文件顶层"
				if path != "" {
					where = "[" + stripIndex(path) + "]"
				}
				msg += fmt.Sprintf("；%s可用的键有：%s", where, strings.Join(fieldKeys(t), "、"))
			}
			d.add(LevelError, "unknown_key", sub, d.l.KeyPos(sub), msg)
			continue
		}
		d.decodeValue(sub, m[k], rv.Field(i))
	}
}

func stripIndex(path string) string {
	var b strings.Builder
	skip := false
	for _, r := range path {
		switch {
		case r == '[':
			skip = true
		case r == ']':
			skip = false
		case !skip:
			b.WriteRune(r)
		}
	}
	return b.String()
}

var customType = reflect.TypeOf((*customDecoder)(nil)).Elem()

func (d *decoder) decodeValue(path string, v any, fv reflect.Value) {
	if fv.Kind() == reflect.Pointer {
		nv := reflect.New(fv.Type().Elem())
		ok := d.decodeInto(path, v, nv.Elem())
		// A table with a wrong value inside is still there: keep what was
		// read so the other checks can run; a scalar that failed stays unset.
		_, isTable := v.(map[string]any)
		if ok || (isTable && !nv.Type().Implements(customType)) {
			fv.Set(nv)
		}
		return
	}
	d.decodeInto(path, v, fv)
}

// decodeInto decodes v into fv and reports whether it succeeded.
func (d *decoder) decodeInto(path string, v any, fv reflect.Value) bool {
	before := len(d.l.Findings)
	if fv.CanAddr() && fv.Addr().Type().Implements(customType) {
		fv.Addr().Interface().(customDecoder).decodeTOML(d, path, v)
		return len(d.l.Findings) == before
	}
	switch fv.Kind() {
	case reflect.String:
		s, ok := v.(string)
		if !ok {
			d.typeError(path, v, "字符串（用英文双引号括起来的文字）")
			return false
		}
		fv.SetString(s)
	case reflect.Int:
		n, ok := v.(int64)
		if !ok {
			if f, isF := v.(float64); isF && f == math.Trunc(f) {
				d.typeError(path, v, fmt.Sprintf("整数（写作 %d，不带小数点）", int64(f)))
			} else {
				d.typeError(path, v, "整数（不带引号的数字，如 33）")
			}
			return false
		}
		if n < 0 {
			d.add(LevelError, "range", path, d.l.ValPos(path), fmt.Sprintf("键 %s 不能为负数，现在是 %d", displayPath(path), n))
			return false
		}
		if n > 1_000_000 {
			d.add(LevelError, "range", path, d.l.ValPos(path), fmt.Sprintf("键 %s 的值 %d 过大，请检查", displayPath(path), n))
			return false
		}
		fv.SetInt(n)
	case reflect.Float64:
		switch x := v.(type) {
		case float64:
			if math.IsNaN(x) || math.IsInf(x, 0) || x < 0 {
				d.add(LevelError, "range", path, d.l.ValPos(path), fmt.Sprintf("键 %s 应为非负数，现在是 %v", displayPath(path), x))
				return false
			}
			fv.SetFloat(x)
		case int64:
			if x < 0 {
				d.add(LevelError, "range", path, d.l.ValPos(path), fmt.Sprintf("键 %s 应为非负数，现在是 %d", displayPath(path), x))
				return false
			}
			fv.SetFloat(float64(x))
		default:
			d.typeError(path, v, "数字（如 52.4）")
			return false
		}
	case reflect.Bool:
		b, ok := v.(bool)
		if !ok {
			d.typeError(path, v, "true 或 false（不带引号）")
			return false
		}
		fv.SetBool(b)
	case reflect.Slice:
		arr, ok := asArray(v)
		if !ok {
			if fv.Type().Elem().Kind() == reflect.String {
				d.typeError(path, v, `字符串数组，如 ["马红", "朱立新"]`)
			} else {
				d.typeError(path, v, "表数组（用 [[...]] 写的若干项）")
			}
			return false
		}
		sl := reflect.MakeSlice(fv.Type(), len(arr), len(arr))
		ok = true
		for i, e := range arr {
			if !d.decodeElem(fmt.Sprintf("%s[%d]", path, i), e, sl.Index(i)) {
				ok = false
			}
		}
		fv.Set(sl)
		return ok
	case reflect.Map:
		m, ok := v.(map[string]any)
		if !ok {
			d.typeError(path, v, "表（如 [meeting.votes] 下逐行写“姓名 = 票数”）")
			return false
		}
		mv := reflect.MakeMapWithSize(fv.Type(), len(m))
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		ok = true
		for _, k := range keys {
			ev := reflect.New(fv.Type().Elem()).Elem()
			if d.decodeInto(path+"."+k, m[k], ev) {
				mv.SetMapIndex(reflect.ValueOf(k), ev)
			} else {
				ok = false
			}
		}
		fv.Set(mv)
		return ok
	case reflect.Struct:
		m, ok := v.(map[string]any)
		if !ok {
			d.typeError(path, v, "表")
			return false
		}
		d.decodeStruct(path, m, fv.Addr().Interface())
	default:
		d.typeError(path, v, fv.Type().String())
		return false
	}
	return len(d.l.Findings) == before
}

func (d *decoder) decodeElem(path string, v any, ev reflect.Value) bool {
	return d.decodeInto(path, v, ev)
}

func asArray(v any) ([]any, bool) {
	switch x := v.(type) {
	case []any:
		return x, true
	case []map[string]any:
		out := make([]any, len(x))
		for i := range x {
			out[i] = x[i]
		}
		return out, true
	}
	return nil, false
}

// closest returns the candidate with the smallest edit distance to k. The
// search is bounded: a key or name longer than maxSuggest characters gets
// no suggestion, and candidates whose length differs by more than the
// best distance so far are skipped (the distance is at least that).
func closest(k string, candidates []string) (string, int) {
	best, bestD := "", 1<<30
	n := utf8.RuneCountInString(k)
	if n > maxSuggest {
		return best, bestD
	}
	for _, c := range candidates {
		m := utf8.RuneCountInString(c)
		if m > maxSuggest || abs(m-n) >= bestD {
			continue
		}
		if d := editDistance(k, c); d < bestD {
			best, bestD = c, d
		}
	}
	return best, bestD
}

// maxSuggest is the longest key or name a suggestion is looked for.
const maxSuggest = 40

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// nearest returns the key closest to k, if close enough to be a typo:
// two edits, or a third of a long key.
func nearest(k string, candidates []string) string {
	best, d := closest(k, candidates)
	limit := 2
	if n := len([]rune(k)); n > 8 {
		limit = n / 3
	}
	if d <= limit {
		return best
	}
	return ""
}

// NearestName is nearest() for people's names: the closest name within two
// edits (and fewer edits than the name has characters), for "是否应为…？".
func NearestName(k string, candidates []string) string {
	best, d := closest(k, candidates)
	if d <= 2 && d < len([]rune(k)) {
		return best
	}
	return ""
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			// transposition counts as one edit (gendr/gender is one deletion anyway)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev[j-1]) // approximate Damerau
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
