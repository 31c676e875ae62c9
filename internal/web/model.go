package web

import (
	"reflect"

	"huanjie/generator/election"
)

// kind is what a key holds, read from the model's Go type.
type kind int

const (
	kText     kind = iota // string
	kInt                  // int
	kFloat                // float64
	kBool                 // bool
	kDate                 // election.Date
	kFraction             // election.Fraction, "4/5"
	kList                 // []string
	kMap                  // map[string]int or map[string]string: a table of names
	kTable                // a struct: a TOML table
	kArray                // a slice of structs: an array of tables
)

// A field is one key of the model with its place in the file.
type field struct {
	Key  string // TOML key
	Path string // schema path: dotted, no array indices
	Kind kind
	Ptr  bool // a pointer: an empty value is absent, a zero is written
	// OneOrMany marks an array the model also reads from a single table
	// (a named slice type: [meeting.another_round] or
	// [[meeting.another_round]]); one element is written as a table.
	OneOrMany bool
	Value     kind // for kMap: kind of the values (kInt or kText)
	Index     int  // index of the Go field in its struct
	Children  []*field
	Spec      Key // the schema's line (zero Path when the table has none)
	// StringForm is the child key that may stand for the whole table as a
	// plain string (rules = "party-2020" for [rules] profile = …).
	StringForm string
}

var (
	dateType     = reflect.TypeOf(election.Date{})
	fractionType = reflect.TypeOf(election.Fraction{})
	rulesType    = reflect.TypeOf(election.Rules{})
)

// schema is the election file's keys, read once from the model.
var schema = describe(reflect.TypeOf(election.File{}), "")

var specs = func() map[string]Key {
	m := make(map[string]Key, len(keys))
	for _, k := range keys {
		m[k.Path] = k
	}
	return m
}()

// describe lists the keys of struct type t under the schema path prefix.
func describe(t reflect.Type, prefix string) *field {
	root := &field{Path: prefix, Kind: kTable}
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		key := sf.Tag.Get("toml")
		if key == "" || !sf.IsExported() {
			continue
		}
		path := key
		if prefix != "" {
			path = prefix + "." + key
		}
		f := &field{Key: key, Path: path, Index: i, Spec: specs[path]}
		ft := sf.Type
		if ft.Kind() == reflect.Pointer {
			f.Ptr = true
			ft = ft.Elem()
		}
		switch {
		case ft == dateType:
			f.Kind = kDate
		case ft == fractionType:
			f.Kind = kFraction
		case ft.Kind() == reflect.String:
			f.Kind = kText
		case ft.Kind() == reflect.Int:
			f.Kind = kInt
		case ft.Kind() == reflect.Float64:
			f.Kind = kFloat
		case ft.Kind() == reflect.Bool:
			f.Kind = kBool
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.String:
			f.Kind = kList
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct:
			f.Kind = kArray
			f.OneOrMany = ft.Name() != ""
			f.Children = describe(ft.Elem(), path).Children
		case ft.Kind() == reflect.Map:
			f.Kind = kMap
			f.Value = kText
			if ft.Elem().Kind() == reflect.Int {
				f.Value = kInt
			}
		case ft.Kind() == reflect.Struct:
			f.Kind = kTable
			f.Children = describe(ft, path).Children
			if ft == rulesType {
				f.StringForm = "profile"
			}
		default:
			continue // a type the page cannot show; the schema test names it
		}
		root.Children = append(root.Children, f)
	}
	return root
}

// child returns the child with TOML key k.
func (f *field) child(k string) *field {
	for _, c := range f.Children {
		if c.Key == k {
			return c
		}
	}
	return nil
}

// leaf reports whether the key holds one value shown in one control.
func (f *field) leaf() bool { return f.Kind != kTable && f.Kind != kArray && f.Kind != kMap }

// label is the schema's label, or the key itself for a key the schema
// does not know yet (so no value is ever dropped from the page).
func (f *field) label() string {
	if f.Spec.Label != "" {
		return f.Spec.Label
	}
	return f.Key
}

// walk calls fn for f's descendants, depth first.
func (f *field) walk(fn func(*field)) {
	for _, c := range f.Children {
		fn(c)
		c.walk(fn)
	}
}
