package build

import (
	"fmt"
	"reflect"
	"sort"
	"strings"

	"huanjie/generator/doc"
	"huanjie/generator/election"
	"huanjie/generator/fontset"
)

// GlyphFindings reports every character of the election file's text that
// no available font can draw (code missing_glyph), with the key and line
// where it occurs, so check finds it before build refuses.
func GlyphFindings(e *election.Election, fs *fontset.Set) election.Findings {
	var out election.Findings
	walkStrings(reflect.ValueOf(e.File), "", func(path, s string) {
		var miss []rune
		seen := map[rune]bool{}
		for _, role := range doc.Roles {
			for _, r := range fs.Missing(role, s) {
				if !seen[r] {
					seen[r] = true
					miss = append(miss, r)
				}
			}
		}
		if len(miss) == 0 {
			return
		}
		var codes []string
		for _, r := range miss {
			codes = append(codes, fmt.Sprintf("“%c”（U+%04X）", r, r))
		}
		pos := e.ValPos(path)
		out = append(out, election.Finding{
			Level: election.LevelError, Code: "missing_glyph", Field: path, Line: pos.Line, Column: pos.Col,
			Message: fmt.Sprintf("“%s”中的字%s在所有可用字体中都没有，印出来会是空白或方框；请安装含有该字的字体并用 --fonts 指定其目录，或核实这个字是否写对", s, strings.Join(codes, "、")),
		})
	})
	return out
}

// walkStrings calls fn for every string in v with its TOML key path.
func walkStrings(v reflect.Value, path string, fn func(path, s string)) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walkStrings(v.Elem(), path, fn)
		}
	case reflect.String:
		if v.String() != "" {
			fn(path, v.String())
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			tag := t.Field(i).Tag.Get("toml")
			if tag == "" || !t.Field(i).IsExported() {
				continue
			}
			p := tag
			if path != "" {
				p = path + "." + tag
			}
			walkStrings(v.Field(i), p, fn)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			walkStrings(v.Index(i), fmt.Sprintf("%s[%d]", path, i), fn)
		}
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, k := range keys {
			p := path + "." + k.String()
			fn(p, k.String()) // names used as keys (votes, duties)
			walkStrings(v.MapIndex(k), p, fn)
		}
	}
}
