package build

import (
	"errors"
	"fmt"
	"reflect"
	"text/template"
	"text/template/parse"
	"time"

	"huanjie/generator/markup"
)

// Escaping belongs to the engine, as in Go's html/template: after a
// template is parsed, every action that prints a value gets the escaper
// appended to its pipeline ({{.Plan.Place}} runs as {{.Plan.Place |
// _esc}}), so no template can forget it. The escaper makes the value a
// markup literal (markup.Quote): whatever a data string holds, it is text
// in the document and never a keyword, a separator or a line of markup.
// Templates write structure only in their own text, never through an
// action; there is no trusted type that passes the escaper.
//
// The same rewrite bounds execution: every loop body and every template
// body starts with {{_tick}}, which counts steps and watches the clock, and
// the output is capped, so a template that loops or recurses without end
// stops with a Chinese error instead of taking the machine.
const (
	escaperName = "_esc"
	tickName    = "_tick"

	maxSteps  = 1_000_000        // loop iterations and template calls per document
	maxTime   = 10 * time.Second // wall clock per document
	maxOutput = 4 << 20          // bytes of markup per document (real ones are < 100 KB)
)

// limitError is a template stopped for exceeding a bound.
type limitError struct{ msg string }

func (e *limitError) Error() string { return e.msg }

// escapeTemplates rewrites every template of the set t (the body and its
// {{define}}s).
func escapeTemplates(t *template.Template) {
	for _, tt := range t.Templates() {
		if tt.Tree == nil || tt.Tree.Root == nil {
			continue
		}
		escapeList(tt.Tree.Root)
		prependTick(tt.Tree.Root)
	}
}

func escapeList(l *parse.ListNode) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.ActionNode:
			if len(n.Pipe.Decl) == 0 { // {{$x := …}} and {{$x = …}} print nothing
				n.Pipe.Cmds = append(n.Pipe.Cmds, identCmd(escaperName, n.Pipe.Position()))
			}
		case *parse.IfNode:
			escapeList(n.List)
			escapeList(n.ElseList)
		case *parse.WithNode:
			escapeList(n.List)
			escapeList(n.ElseList)
		case *parse.RangeNode:
			escapeList(n.List)
			escapeList(n.ElseList)
			prependTick(n.List)
		case *parse.ListNode:
			escapeList(n)
		}
	}
}

func identCmd(name string, pos parse.Pos) *parse.CommandNode {
	return &parse.CommandNode{NodeType: parse.NodeCommand, Pos: pos,
		Args: []parse.Node{parse.NewIdentifier(name).SetPos(pos)}}
}

// prependTick starts the list with {{_tick}} (which prints nothing).
func prependTick(l *parse.ListNode) {
	if l == nil {
		return
	}
	pos := l.Position()
	tick := &parse.ActionNode{NodeType: parse.NodeAction, Pos: pos,
		Pipe: &parse.PipeNode{NodeType: parse.NodePipe, Pos: pos, Cmds: []*parse.CommandNode{identCmd(tickName, pos)}}}
	l.Nodes = append([]parse.Node{tick}, l.Nodes...)
}

// escapeValue is the escaper: the value as text.Template would print it,
// made a markup literal.
func escapeValue(v any) string {
	return markup.Quote(printable(v))
}

// printable formats v as text/template prints a value: pointers are
// followed unless they implement fmt.Stringer or error.
func printable(v any) string {
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer && !rv.IsNil() {
		if _, ok := rv.Interface().(fmt.Stringer); ok {
			break
		}
		if _, ok := rv.Interface().(error); ok {
			break
		}
		rv = rv.Elem()
	}
	if !rv.IsValid() {
		return "<no value>"
	}
	return fmt.Sprint(rv.Interface())
}

// budget bounds one execution: steps and time (by _tick) and output size
// (as the writer).
type budget struct {
	steps int
	start time.Time
	out   interface{ Write([]byte) (int, error) }
	n     int
}

func (b *budget) tick() (string, error) {
	b.steps++
	if b.steps > maxSteps {
		return "", &limitError{fmt.Sprintf("模板运行超过%d步仍未结束（循环或递归太多），已停止", maxSteps)}
	}
	if b.steps%1024 == 0 && time.Since(b.start) > maxTime {
		return "", &limitError{fmt.Sprintf("模板运行超过%d秒仍未结束，已停止", int(maxTime/time.Second))}
	}
	return "", nil
}

func (b *budget) Write(p []byte) (int, error) {
	b.n += len(p)
	if b.n > maxOutput {
		return 0, &limitError{fmt.Sprintf("模板生成的内容超过%d MB，已停止", maxOutput>>20)}
	}
	return b.out.Write(p)
}

// isLimit reports whether err is a template stopped by its bounds.
func isLimit(err error) (*limitError, bool) {
	var le *limitError
	return le, errors.As(err, &le)
}
