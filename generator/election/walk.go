package election

import (
	"fmt"
	"reflect"
	"sort"
)

// node is one value of the file met by walk: its TOML path
// ("candidates[2].name"), its shape ("candidates[].name"; a map key is
// "meeting.votes.<key>", a map value "meeting.votes.*") and the value.
type node struct {
	path, shape string
	v           reflect.Value
	key         bool // a map key (a name used as a key)
}

// walk visits every value of the model below v, parents first; map keys
// are visited as string nodes. Maps are walked in key order.
func walk(v reflect.Value, path, shape string, visit func(node)) {
	if v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	visit(node{path: path, shape: shape, v: v})
	join := func(a, b string) string {
		if a == "" {
			return b
		}
		return a + "." + b
	}
	switch v.Kind() {
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			tag := t.Field(i).Tag.Get("toml")
			if tag == "" || !t.Field(i).IsExported() {
				continue
			}
			walk(v.Field(i), join(path, tag), join(shape, tag), visit)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			walk(v.Index(i), fmt.Sprintf("%s[%d]", path, i), shape+"[]", visit)
		}
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, k := range keys {
			p := path + "." + k.String()
			visit(node{path: p, shape: shape + ".<key>", v: k, key: true})
			walk(v.MapIndex(k), p, shape+".*", visit)
		}
	}
}

// WalkStrings calls fn for every non-empty string of the file, values and
// the names used as keys (votes, duties), with its TOML path.
func (f *File) WalkStrings(fn func(path, s string)) {
	f.walkStrings(func(n node) { fn(n.path, n.v.String()) })
}

// walkStrings calls fn for every node of the file that is a non-empty
// string (the limits need its shape too).
func (f *File) walkStrings(fn func(node)) {
	walk(reflect.ValueOf(f).Elem(), "", "", func(n node) {
		if n.v.Kind() == reflect.String && n.v.String() != "" {
			fn(n)
		}
	})
}
