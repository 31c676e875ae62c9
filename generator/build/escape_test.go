package build

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"text/template/parse"
	"time"
)

// tmplText makes a template file with the body.
func tmplText(body string) string {
	return "文书：report\n文件名：支部委员会工作报告\n顺序：7\n---\n" + body
}

// Every action that prints, in every construct text/template has, ends
// with the escaper; assignments do not print and are left alone.
func TestEveryPrintingActionEscaped(t *testing.T) {
	body := `{{$x := .Short}}{{$x = .Org.Name}}{{.Short}}{{$x}}{{printf "%s" .Short}}{{.Short | printf "%s"}}
{{if .Short}}{{.Short}}{{else if .Org.Name}}{{.Org.Name}}{{else}}{{.Seats}}{{end}}
{{range $i, $c := .Candidates}}{{$c.Name}}{{else}}{{.Short}}{{end}}{{with .Plan}}{{.Place}}{{else}}{{.Short}}{{end}}
{{template "part" .}}{{block "blk" .}}{{.Short}}{{end}}{{define "part"}}{{.Short}}{{range .Candidates}}{{.Name}}{{end}}{{end}}`
	tm, err := parseTemplate("report.tmpl", []byte(tmplText(body)))
	if err != nil {
		t.Fatal(err)
	}
	printing, escaped := 0, 0
	var walk func(n parse.Node)
	walk = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n != nil {
				for _, c := range n.Nodes {
					walk(c)
				}
			}
		case *parse.ActionNode:
			last := n.Pipe.Cmds[len(n.Pipe.Cmds)-1].Args[0]
			id, _ := last.(*parse.IdentifierNode)
			switch {
			case len(n.Pipe.Decl) > 0:
				if id != nil && id.Ident == escaperName {
					t.Errorf("assignment %s escaped", n)
				}
			case id != nil && id.Ident == tickName:
			default:
				printing++
				if id != nil && id.Ident == escaperName {
					escaped++
				} else {
					t.Errorf("action %s prints without the escaper", n)
				}
			}
		case *parse.IfNode:
			walk(n.List)
			walk(n.ElseList)
		case *parse.RangeNode:
			walk(n.List)
			walk(n.ElseList)
		case *parse.WithNode:
			walk(n.List)
			walk(n.ElseList)
		}
	}
	for _, tt := range tm.tmpl.Templates() {
		walk(tt.Tree.Root)
	}
	if printing != 14 || escaped != printing {
		t.Errorf("%d printing actions, %d escaped", printing, escaped)
	}
}

// A template cannot make structure out of a value, not even out of its
// own string constants: only its text is markup.
func TestStructureOnlyFromTemplateText(t *testing.T) {
	e := loadSample(t, "donghua-community")
	dir := writeTemplate(t, "report.tmpl", tmplText("标题：{{.Short}}｜工作报告\n{{\"署名：伪造\"}}\n{{printf \"%s\\n日期：%s\" \"甲\" \"乙\"}}\n{{$s := \"｜宽\"}}表格：｜3,3\n| 甲{{$s}} | 乙 |\n"))
	tmpls, err := LoadTemplates(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, tm := range tmpls {
		if tm.Name != "report" {
			continue
		}
		d, err := Document(tm, newView(e, false), e)
		if err != nil {
			t.Fatal(err)
		}
		var kinds []string
		for _, b := range d.Blocks {
			kinds = append(kinds, strings.TrimPrefix(fmt.Sprintf("%T", b), "doc."))
		}
		if strings.Join(kinds, ",") != "Title,Paragraph,Paragraph,Paragraph,Table" {
			t.Errorf("blocks %v", kinds)
		}
	}
}

// Templates that never end, or write without end, stop with a Chinese
// error naming the template, within seconds.
func TestTemplateExecutionBounded(t *testing.T) {
	e := loadSample(t, "donghua-community")
	for name, body := range map[string]string{
		"range over a huge number": "{{range 1000000000000}}{{end}}",
		"exponential recursion":    `{{define "r"}}{{if lt . 60}}{{template "r" (inc .)}}{{template "r" (inc .)}}{{end}}{{end}}{{template "r" 0}}`,
		"endless recursion":        `{{define "r"}}{{template "r" .}}{{end}}{{template "r" .}}`,
		"huge output":              `{{range seq 10000}}{{range seq 10000}}甲甲甲甲甲甲甲甲甲甲{{end}}{{end}}`,
		"printf width":             `{{printf "%0999999999d" 1}}`,
		"printf star":              `{{printf "%*d" 999999999 1}}`,
		"seq":                      `{{range seq 1000000000}}{{end}}`,
		"blank":                    `{{blank 1000000000}}`,
		"columns":                  `{{columns .Candidates 1000000000}}`,
	} {
		t.Run(name, func(t *testing.T) {
			dir := writeTemplate(t, "report.tmpl", tmplText("标题：工作报告\n"+body+"\n"))
			start := time.Now()
			_, err := Plan(e, Options{TemplatesDir: dir, Only: []string{"report"}, NoSystemFonts: true}, &bytes.Buffer{})
			var r *Refusal
			if !errors.As(err, &r) || !strings.Contains(r.Msg, "report.tmpl") {
				t.Fatalf("got %v, want a refusal naming report.tmpl", err)
			}
			if !strings.ContainsAny(r.Msg, "停止过大最多不能") || strings.Contains(r.Msg, "goroutine") {
				t.Errorf("message %q", r.Msg)
			}
			if d := time.Since(start); d > 15*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}
