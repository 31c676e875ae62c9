package build

import (
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"huanjie/generator/doc"
	"huanjie/generator/election"
)

// fuzzTargets are strings of the sample that the fuzzer replaces, every
// occurrence at once (a candidate's name in the list, the votes and the
// first meeting alike): names, titles, table cells, form cells, one-line
// fields and paragraphs.
var fuzzTargets = []string{
	"中共东华社区支部委员会", "东华社区党支部", "中共圣灯街道工作委员会", "东华社区党群服务中心二楼会议室", "15:30",
	"嵇玉", "孙朋", "社区网格员", "回族", "年老体弱、长期卧床，不能表达本人意志", "赵德顺", "李明", "028-84326688",
	"组织委员", "马红", "加强政治理论学习", "组建党员志愿服务队4支，开展入户走访、助老服务等活动120余次。",
	"本届支部委员会自2021年7月换届以来", "领导重视是前提，严格依规是保证。", "高度重视，精心准备", "2021年7月至2024年7月",
}

// tomlString escapes s for the inside of a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// benign is s with the same shape and none of its content: the same
// whitespace and line breaks, "中共" kept at the start (partyFull reads
// it), every other character a plain one of the same width class (the
// templates size form cells by width).
func benign(s string) string {
	var b strings.Builder
	rest := s
	if strings.HasPrefix(s, "中共") {
		b.WriteString("中共")
		rest = s[len("中共"):]
	}
	for _, r := range rest {
		switch {
		case unicode.IsSpace(r):
			b.WriteRune(r)
		case r < 0x2E80:
			b.WriteByte('a')
		default:
			b.WriteRune('甲')
		}
	}
	return b.String()
}

// fill analyses src and fills every template as build would (no fonts,
// so no layout), returning the documents by template file (the output
// names hold the short name, which the fuzzer changes); data is false when
// check finds errors in the data. order is the stroke order of the
// candidates, as indices into the file's list.
func fill(t *testing.T, src string) (docs map[string]*doc.Document, order string, data bool) {
	l, err := election.Parse("f.toml", []byte(src))
	if err != nil {
		return nil, "", false
	}
	e := election.Analyze(l)
	if len(e.Findings.DataErrors()) > 0 {
		return nil, "", false
	}
	for _, c := range e.Candidates {
		for i, f := range e.File.Candidates {
			if f.Name == c.Name {
				order += fmt.Sprint(i)
			}
		}
	}
	p, err := NewSession().prepare(e, Options{Formats: []string{"docx"}})
	if err != nil {
		t.Fatal(err)
	}
	jobs, found, err := p.fill(io.Discard)
	if err != nil || len(found) > 0 {
		t.Fatalf("check passes the data but build refuses: %v %s", err, found.FormatAll("f.toml"))
	}
	docs = map[string]*doc.Document{}
	for _, j := range jobs {
		docs[j.t.File] = j.d
	}
	return docs, order, true
}

// skeleton is the document with every text emptied: what is left is its
// structure (element kinds, their order, counts, sizes, styles).
func skeleton(d *doc.Document) string {
	v := reflect.New(reflect.TypeOf(*d)).Elem()
	v.Set(reflect.ValueOf(*d))
	return fmt.Sprintf("%#v", blank(v).Interface())
}

func blank(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.String:
		return reflect.Zero(v.Type())
	case reflect.Struct:
		c := reflect.New(v.Type()).Elem()
		c.Set(v)
		for i := 0; i < v.NumField(); i++ {
			if c.Field(i).CanSet() {
				c.Field(i).Set(blank(v.Field(i)))
			}
		}
		return c
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := 0; i < v.Len(); i++ {
			c.Index(i).Set(blank(v.Index(i)))
		}
		return c
	case reflect.Interface, reflect.Pointer:
		if v.IsNil() {
			return v
		}
		e := blank(v.Elem())
		if v.Kind() == reflect.Pointer {
			p := reflect.New(e.Type())
			p.Elem().Set(e)
			return p
		}
		c := reflect.New(v.Type()).Elem()
		c.Set(e)
		return c
	}
	return v
}

// FuzzDocuments goes from data to documents and holds the markup
// invariant: whatever a data string holds, the documents have the
// element sequence they have for a plain string of the same shape. A data
// string never starts an element, ends a cell or disappears. And data
// check accepts, build fills without refusal.
func FuzzDocuments(f *testing.F) {
	sample := source(f, "donghua-community")
	for i, s := range []string{"署名：伪造单位", "东华\n署名：伪造单位\n日期：2099年1月1日", "// 消失", "标题：伪｜造", "| 甲 | 乙 |",
		"- 列表", "# 一、标题", "分页", "空行：20", "不盖章", "甲｜乙|丙", "<", "^", "!粗!灰", "32:宽", "附件：附件9｜伪造", "中共伪造｜委员会",
		"\uFDD0｜\uFDD1", "\uFDD2", "段一\n\n段二\r\n段三", "  ", "纸张：A5｜每张4份"} {
		f.Add(uint8(i), s)
	}
	f.Fuzz(func(t *testing.T, which uint8, s string) {
		target := fuzzTargets[int(which)%len(fuzzTargets)]
		s = strings.ToValidUTF8(s, "\uFFFD")
		if utf8.RuneCountInString(s) > 300 {
			return
		}
		attacked, order, ok := fill(t, strings.ReplaceAll(sample, target, tomlString(s)))
		if !ok {
			return // check refuses the data (build does too: TestEveryRefusalFoundByCheck)
		}
		plain, plainOrder, ok := fill(t, strings.ReplaceAll(sample, target, tomlString(benign(s))))
		if !ok {
			t.Skip("the plain string of the same shape is refused") // e.g. two candidates now share a name
		}
		if order != plainOrder {
			// Names are sorted by their strokes: a name that sorts elsewhere
			// legitimately lands in another row of a form.
			t.Skip("the plain name sorts elsewhere")
		}
		if len(attacked) != len(plain) {
			t.Fatalf("%d documents, %d with a plain string", len(attacked), len(plain))
		}
		for file, d := range attacked {
			if plain[file] == nil {
				t.Fatalf("%s is built for %q but not for a plain string of its shape", file, s)
			}
			if a, p := skeleton(d), skeleton(plain[file]); a != p {
				t.Fatalf("%s: the data string %q changed the document's structure\n%s\n%s", file, s, a, p)
			}
		}
	})
}
