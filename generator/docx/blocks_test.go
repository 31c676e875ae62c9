package docx

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"huanjie/generator/doc"
)

func TestWrapTitle(t *testing.T) {
	cases := []struct {
		phrases []string
		want    []string
	}{
		{[]string{"关于召开党员大会的通知"}, []string{"关于召开党员大会的通知"}},
		// Never inside a phrase; the longer line above.
		{[]string{"中共东华社区支部委员会", "关于召开党员大会", "进行换届选举的请示"},
			[]string{"中共东华社区支部委员会关于召开党员大会", "进行换届选举的请示"}},
		// Balanced when both orders fit: 12 + 11 rather than 20 + 3.
		{[]string{"中共东华社区支部委员会", "关于", "选举结果的请示", "（草案）"},
			[]string{"中共东华社区支部委员会关于", "选举结果的请示（草案）"}},
		// A phrase longer than a line is split evenly, longer piece first.
		{[]string{"中共东华社区支部委员会委员候选人预备人选名单"},
			[]string{"中共东华社区支部委员会", "委员候选人预备人选名单"}},
	}
	for _, c := range cases {
		if got := wrapTitle(c.phrases, 20); !reflect.DeepEqual(got, c.want) {
			t.Errorf("wrapTitle(%q) = %q, want %q", c.phrases, got, c.want)
		}
	}
}

func TestListMarkers(t *testing.T) {
	for _, c := range []struct {
		pattern string
		i       int
		want    string
	}{
		{"1.", 3, "3."}, {"（1）", 12, "（12）"}, {"一、", 11, "十一、"}, {"一、", 21, "二十一、"}, {"（一）", 2, "（二）"}, {"", 5, ""}, {"第1条", 4, "第4条"},
	} {
		if got := listMarker(c.pattern, c.i); got != c.want {
			t.Errorf("listMarker(%q, %d) = %q, want %q", c.pattern, c.i, got, c.want)
		}
	}
}

func documentXML(t *testing.T, d *doc.Document) *node {
	t.Helper()
	p := openPkg(t, render(t, d))
	return p.dom(t, "word/document.xml")
}

func TestPageBreakSpacerList(t *testing.T) {
	d := &doc.Document{Blocks: []doc.Block{
		doc.Paragraph{Text: "甲"},
		doc.PageBreak{},
		doc.Paragraph{Text: "乙"},
		doc.Spacer{Lines: 2.5},
		doc.List{Marker: "一、", Items: []string{"丙", "丁"}},
		doc.PageBreak{},
		doc.Table{Rows: []doc.Row{{Cells: []doc.Cell{{Text: "戊"}, {Text: "己"}}}}},
	}}
	body := documentXML(t, d).child("body")
	var got []string
	for _, c := range body.children {
		s := c.name.Local + ":" + c.textAll()
		if len(c.all("pageBreakBefore")) > 0 {
			s += "+break"
		}
		if sp := c.all("spacing"); c.name.Local == "p" && len(sp) > 0 {
			s += "@" + sp[0].attr["line"]
		}
		got = append(got, s)
	}
	want := []string{"p:甲", "p:乙+break", "p:", "p:", "p:@290", "p:一、丙", "p:二、丁", "p:+break@20", "tbl:戊己", "p:@20", "sectPr:"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("body = %q\nwant %q", got, want)
	}
}

func TestTextEscaping(t *testing.T) {
	d := &doc.Document{Meta: doc.Meta{Title: `A&B <"x">`}, Blocks: []doc.Block{
		doc.Paragraph{Text: "a&b<c>\x01d\te\nf 䶮"},
	}}
	body := documentXML(t, d)
	if got := body.textAll(); got != "a&b<c>de"+"f 䶮" {
		t.Errorf("text = %q", got)
	}
	if len(body.all("tab")) != 1 || len(body.all("br")) != 1 {
		t.Errorf("tab/br not written")
	}
}

func TestFormErrors(t *testing.T) {
	d := &doc.Document{Layout: doc.LayoutForm, Blocks: []doc.Block{
		doc.Form{Rows: []doc.FormRow{{Height: 8, Cells: []doc.FormCell{{Width: 15, Text: "一二三四五六七八九十", Size: 14}}}}},
	}}
	var buf bytes.Buffer
	err := Render(d, &buf)
	if err == nil || !strings.Contains(err.Error(), "放不下") {
		t.Fatalf("err = %v, want a 放不下 error", err)
	}
	if buf.Len() != 0 {
		t.Errorf("output written despite the error")
	}
	if b := documentXML(t, &doc.Document{}).child("body"); len(b.children) != 2 || b.children[0].name.Local != "p" {
		t.Errorf("empty document: body should hold one paragraph and the section")
	}
	if err := Render(nil, &buf); err == nil {
		t.Errorf("nil document accepted")
	}
}

// TestFormGrid checks that rows with different cell boundaries share one
// grid: each cell spans the grid columns it covers.
func TestFormGrid(t *testing.T) {
	d := &doc.Document{Layout: doc.LayoutForm, Sheet: doc.Sheet{Paper: "A4", PerSheet: 2}, Blocks: []doc.Block{
		doc.Form{Rows: []doc.FormRow{
			{Height: 10, Cells: []doc.FormCell{{Width: 60, Text: "姓名", Shade: true}, {Width: 40, Text: "票数"}}},
			{Height: 10, Cells: []doc.FormCell{{Width: 30}, {Width: 30}, {Width: 40, NoBorder: true}}},
			{Height: 10, Cells: []doc.FormCell{{Width: 50, Text: "合计"}}},
		}},
	}}
	body := documentXML(t, d)
	tbls := body.all("tbl")
	if len(tbls) != 1 {
		t.Fatalf("%d tables, want 1 (the DOCX of a form is one copy, whatever the PDF's copies per sheet)", len(tbls))
	}
	var cols []string
	for _, g := range tbls[0].all("gridCol") {
		cols = append(cols, g.attr["w"])
	}
	// Boundaries 0, 30, 50, 60, 100 mm (0, 1701, 2835, 3402, 5669 twips).
	if want := []string{"1701", "1134", "567", "2267"}; !reflect.DeepEqual(cols, want) {
		t.Errorf("grid = %v, want %v", cols, want)
	}
	var spans []string
	for _, tr := range tbls[0].all("tr") {
		var s []string
		for _, tc := range tr.all("tc") {
			n := "1"
			if g := tc.child("tcPr").child("gridSpan"); g != nil {
				n = g.attr["val"]
			}
			s = append(s, n)
		}
		if ga := tr.all("gridAfter"); len(ga) > 0 {
			s = append(s, "after"+ga[0].attr["val"])
		}
		spans = append(spans, strings.Join(s, ","))
	}
	if want := []string{"3,1", "1,2,1", "2,after2"}; !reflect.DeepEqual(spans, want) {
		t.Errorf("spans = %v, want %v", spans, want)
	}
	for _, h := range tbls[0].all("trHeight") {
		if h.attr["val"] != "567" || h.attr["hRule"] != "exact" {
			t.Errorf("row height %v, want exact 567", h.attr)
		}
	}
	if len(tbls[0].all("shd")) != 1 {
		t.Errorf("shaded header cell missing")
	}
}

// TestFormJoin: a cell that continues the one above it (表单 "!连") is
// merged with it (w:vMerge restart … continue), its text set at the top,
// centred in its own row as in the PDF; a cell above that nothing joins
// is not merged.
func TestFormJoin(t *testing.T) {
	d := &doc.Document{Layout: doc.LayoutForm, Blocks: []doc.Block{
		doc.Form{Rows: []doc.FormRow{
			{Height: 9, Cells: []doc.FormCell{{Width: 26, Text: "刘通"}, {Width: 18, Text: "赞成"}}},
			{Height: 9, Cells: []doc.FormCell{{Width: 26, Join: true}, {Width: 18, Text: "不赞成"}}},
			{Height: 9, Cells: []doc.FormCell{{Width: 26, Join: true}, {Width: 18, Text: "弃权"}}},
			{Height: 9, Cells: []doc.FormCell{{Width: 26, Text: "孙朋"}, {Width: 18, Join: true}}},
		}},
	}}
	tbl := documentXML(t, d).all("tbl")[0]
	var got []string
	for _, tr := range tbl.all("tr") {
		var row []string
		for _, tc := range tr.all("tc") {
			m := "-"
			if v := tc.child("tcPr").child("vMerge"); v != nil {
				m = "continue"
				if v.attr["val"] == "restart" {
					m = "restart"
				}
			}
			row = append(row, m)
		}
		got = append(got, strings.Join(row, ","))
	}
	if want := []string{"restart,-", "continue,-", "continue,restart", "-,continue"}; !reflect.DeepEqual(got, want) {
		t.Errorf("vMerge = %v, want %v", got, want)
	}
	first := tbl.all("tc")[0]
	if v := first.child("tcPr").child("vAlign"); v == nil || v.attr["val"] != "top" {
		t.Errorf("merged cell aligned %v, want top", v)
	}
	// 9 mm row (510 twips), 14 pt text on 1.25 lines (350): 80 before
	if sp := first.all("spacing"); len(sp) != 1 || sp[0].attr["before"] != "80" || first.textAll() != "刘通" {
		t.Errorf("merged cell's paragraph: spacing %v, text %q", sp, first.textAll())
	}
}
