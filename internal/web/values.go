package web

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"huanjie/generator/election"
)

// A Pair is one value of the form: the key's TOML path with array indices
// ("candidates[2].name", "meeting.votes.嵇玉") and the text as typed. The
// page sends and receives the form as a list of pairs; their order is the
// order of rows in the tables.
type Pair [2]string

// Path separators in list values: names are written on one line, 、
// between them; paragraphs one per line.
const (
	namesSep = "、"
	linesSep = "\n"
)

// FromFile turns a decoded election file into the form's values.
func FromFile(f *election.File) []Pair {
	var out []Pair
	flatten(schema, reflect.ValueOf(f).Elem(), "", &out)
	return out
}

func flatten(t *field, v reflect.Value, prefix string, out *[]Pair) {
	for _, c := range t.Children {
		fv := v.Field(c.Index)
		if c.Ptr {
			if fv.IsNil() {
				continue
			}
			fv = fv.Elem()
		}
		path := join(prefix, c.Key)
		switch c.Kind {
		case kTable:
			flatten(c, fv, path, out)
		case kArray:
			for i := 0; i < fv.Len(); i++ {
				flatten(c, fv.Index(i), fmt.Sprintf("%s[%d]", path, i), out)
			}
		case kMap:
			names := make([]string, 0, fv.Len())
			for _, k := range fv.MapKeys() {
				names = append(names, k.String())
			}
			for _, n := range election.SortNames(names) {
				*out = append(*out, Pair{path + "." + n, text(c.Value, false, fv.MapIndex(reflect.ValueOf(n)), c)})
			}
		default:
			if s := text(c.Kind, c.Ptr, fv, c); s != "" {
				*out = append(*out, Pair{path, s})
			}
		}
	}
}

// text is a value as the form shows it. A zero that is not a pointer is
// the key left out ("").
func text(k kind, ptr bool, v reflect.Value, f *field) string {
	switch k {
	case kText:
		return v.String()
	case kInt:
		if v.Int() == 0 && !ptr && f.Kind != kMap {
			return ""
		}
		return strconv.FormatInt(v.Int(), 10)
	case kFloat:
		if v.Float() == 0 && !ptr {
			return ""
		}
		return strconv.FormatFloat(v.Float(), 'f', -1, 64)
	case kBool:
		if !v.Bool() && !ptr {
			return ""
		}
		return strconv.FormatBool(v.Bool())
	case kDate:
		return v.Interface().(election.Date).ISO()
	case kFraction:
		if fr := v.Interface().(election.Fraction); !fr.IsZero() {
			return fr.String()
		}
		return ""
	case kList:
		var items []string
		for i := 0; i < v.Len(); i++ {
			items = append(items, v.Index(i).String())
		}
		sep := namesSep
		if f.Spec.Widget == wLines {
			sep = linesSep
		}
		return strings.Join(items, sep)
	}
	return ""
}

func join(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}

// splitList splits a list as typed: names at 、 , ， ; ； or line ends,
// paragraphs at line ends.
func splitList(s string, lines bool) []string {
	seps := "\n\r"
	if !lines {
		seps += "、,，;；\t"
	}
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(seps, r) }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
