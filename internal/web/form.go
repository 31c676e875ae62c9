package web

import (
	"sort"
)

// The form as the page shows it: the schema's keys in the order of the
// table in schema.go, grouped into sections, each with the control its
// type calls for.

// A control is one key on the page.
type control struct {
	*field
	Widget   string // text int float date check tri select textarea names lines | inline fold fieldset grid blocks pairs
	ID       string // element id, for <label for>; empty inside table rows (the page numbers those)
	Children []*control
}

// A section is one numbered part of the page.
type section struct {
	Group
	N        int
	After    bool // filled in after the meeting: folded until it holds data
	Controls []*control
}

var order = func() map[string]int {
	m := make(map[string]int, len(keys))
	for i, k := range keys {
		m[k.Path] = i
	}
	return m
}()

// sections lays the schema out on the page.
func sections() []section {
	out := make([]section, len(groups))
	index := map[string]int{}
	for i, g := range groups {
		out[i] = section{Group: g, N: i + 1, After: true}
		index[g.ID] = i
	}
	for _, f := range uiOrder(schema.Children) {
		g, ok := index[f.Spec.Group]
		if !ok {
			g = index["other"] // a top-level key the schema has no line for yet
		}
		out[g].Controls = append(out[g].Controls, newControl(f, false))
		if !f.Spec.After {
			out[g].After = false
		}
	}
	return out
}

// uiOrder sorts keys by their line in the schema; keys without one come
// last, in the model's order.
func uiOrder(fs []*field) []*field {
	out := append([]*field(nil), fs...)
	pos := func(f *field) int {
		if i, ok := order[f.Path]; ok {
			return i
		}
		return len(keys)
	}
	sort.SliceStable(out, func(i, j int) bool { return pos(out[i]) < pos(out[j]) })
	return out
}

func newControl(f *field, inRow bool) *control {
	c := &control{field: f, Widget: widget(f)}
	if f.leaf() && !inRow {
		c.ID = "f-" + f.Path
	}
	rows := inRow || f.Kind == kArray
	for _, ch := range uiOrder(f.Children) {
		c.Children = append(c.Children, newControl(ch, rows))
	}
	return c
}

// widget is the control for f.
func widget(f *field) string {
	switch f.Kind {
	case kTable:
		switch f.Spec.Widget {
		case wInline, wFold:
			return f.Spec.Widget
		}
		return "fieldset"
	case kArray:
		for _, c := range f.Children {
			if !c.leaf() {
				return "blocks"
			}
		}
		return "grid"
	case kMap:
		return "pairs"
	}
	if len(f.Spec.Options) > 0 {
		return wSelect
	}
	switch f.Kind {
	case kBool:
		if f.Ptr {
			return "tri"
		}
		return "check"
	case kInt:
		return "int"
	case kFloat:
		return "float"
	case kDate:
		return "date"
	case kList:
		if f.Spec.Widget == wLines {
			return wLines
		}
		return wNames
	case kText:
		if f.Spec.Widget == wText {
			return wText
		}
	}
	return "text"
}

// Labels and help for the template.
func (c *control) Label() string       { return c.label() }
func (c *control) Help() string        { return c.Spec.Help }
func (c *control) Placeholder() string { return c.Spec.Placeholder }
func (c *control) Options() []Option   { return c.Spec.Options }
func (c *control) KeyLabel() string {
	if c.Spec.KeyLabel != "" {
		return c.Spec.KeyLabel
	}
	return "姓名"
}

// ValueKind is what a table of names holds: "int" or "text".
func (c *control) ValueKind() string {
	if c.Value == kInt {
		return "int"
	}
	return "text"
}
