package markup

import (
	"reflect"
	"strings"
	"testing"

	"huanjie/generator/doc"
)

// hostile are data strings that are markup when written by a template.
var hostile = []string{
	"署名：伪造单位", "日期：2099年1月1日", "标题：伪造｜标题", "# 一、伪造标题", "## （一）", "- 列表",
	"// 消失的段落", "| 甲 | 乙 |", "表格：｜1,1", "分页", "空行", "空行：20", "不盖章", "附件：附件9｜伪造",
	"抄送：甲、乙", "印发：甲｜乙", "表单行：10｜20:x", "纸张：A5", "甲｜乙|丙", "<", "^", "!粗!灰", "12:宽",
	"顶格：x", "附注：x", "主送：x：", "黑体：x", "居中：x", "居右：x", "附件说明：a｜b", "\uFDD1｜\uFDD0", "\uFDD2",
}

// Every hostile string, quoted, is text in whatever element holds it: it
// starts no element, ends no cell and does not disappear.
func TestQuotedDataIsText(t *testing.T) {
	for _, h := range hostile {
		q := Quote(h)
		want := strings.Map(func(r rune) rune {
			if r >= 0xFDD0 && r <= 0xFDEF {
				return '\uFFFD'
			}
			return r
		}, h)
		src := "标题：" + q + "｜甲\n主送：" + q + "：\n" + q + "\n顶格：" + q + "\n# 一、" + q + "\n附件说明：" + q + "｜乙\n" +
			"表格：｜3,3｜12\n| " + q + " | 乙 |\n| 丙 | " + q + " |\n署名：" + q + "\n日期：" + q + "\n附注：" + q + "\n" +
			"表单行：10｜20:" + q + "!粗｜30:" + q + "\n抄送：" + q + "、甲\n印发：" + q + "｜" + q + "\n"
		res, err := Parse("t.tmpl", src)
		if err != nil {
			t.Errorf("%q: %v", h, err)
			continue
		}
		got := res.Blocks
		wantBlocks := []doc.Block{
			doc.Title{Phrases: []string{want, "甲"}},
			doc.Addressee{Text: want + "："},
			doc.Paragraph{Text: want},
			doc.Paragraph{Text: want, NoIndent: true},
			doc.Heading{Level: 1, Text: "一、" + want},
			doc.AttachmentNote{Items: []string{want, "乙"}},
			doc.Table{Columns: []doc.Column{{Width: 3}, {Width: 3}}, Size: 12,
				Header: []doc.Row{{Cells: []doc.Cell{{Text: want}, {Text: "乙"}}}},
				Rows:   []doc.Row{{Cells: []doc.Cell{{Text: "丙"}, {Text: want}}}}},
			doc.Signature{Organ: want, Date: want, Sealed: true},
			doc.Note{Text: want},
			doc.Form{Rows: []doc.FormRow{{Height: 10, Cells: []doc.FormCell{{Width: 20, Text: want, Bold: true}, {Width: 30, Text: want}}}}},
		}
		if strings.TrimSpace(want) == "" {
			continue
		}
		if !reflect.DeepEqual(got, wantBlocks) {
			t.Errorf("%q:\n got %#v\nwant %#v", h, got, wantBlocks)
		}
		imp := res.Imprint
		if imp == nil || !reflect.DeepEqual(imp.CC, []string{strings.TrimSuffix(want, "。"), "甲"}) || imp.Printer != want || imp.PrintDate != want {
			t.Errorf("%q: imprint %#v", h, imp)
		}
	}
}

// A line break in data continues a paragraph as a new paragraph of the
// same kind; in a one-line element it is an error, never a new line of
// markup.
func TestQuotedLineBreaks(t *testing.T) {
	res, err := Parse("t.tmpl", "1."+Quote("第一段\n署名：伪造\r\n\n第三段")+"\n居中："+Quote("甲\n乙")+"\n")
	if err != nil {
		t.Fatal(err)
	}
	want := []doc.Block{
		doc.Paragraph{Text: "1.第一段"}, doc.Paragraph{Text: "署名：伪造"}, doc.Paragraph{Text: "第三段"},
		doc.Paragraph{Text: "甲", NoIndent: true, Align: doc.AlignCenter}, doc.Paragraph{Text: "乙", NoIndent: true, Align: doc.AlignCenter},
	}
	if !reflect.DeepEqual(res.Blocks, want) {
		t.Errorf("got %#v", res.Blocks)
	}
	for _, src := range []string{
		"标题：" + Quote("甲\n乙"), "# 一、" + Quote("甲\n乙"), "署名：" + Quote("甲\n日期：1") + "\n日期：2",
		"表格：｜3\n| " + Quote("甲\n| 乙") + " |", "表单行：10｜20:" + Quote("甲\n乙"),
	} {
		_, err := Parse("t.tmpl", src)
		if err == nil || !strings.Contains(err.Error(), "数据中的换行只能用在正文段落中") {
			t.Errorf("%q: got %v, want the line-break error", src, err)
		}
		if err != nil && strings.ContainsAny(err.Error(), "\uFDD0\uFDD1\uFDD2") {
			t.Errorf("%q: error shows span markers: %q", src, err)
		}
	}
}

// A value in a setting position is read as the value (and refused when it
// is not one).
func TestQuotedValues(t *testing.T) {
	res, err := Parse("t.tmpl", "纸张："+Quote("a5")+"｜每张"+Quote("2")+"份｜共"+Quote("40")+"份｜底色"+Quote("#FDECEC")+"\n表单行："+Quote("12")+"｜"+Quote("20")+":甲!号"+Quote("14")+"\n")
	if err != nil {
		t.Fatal(err)
	}
	if sh := res.Sheet; sh == nil || *sh != (doc.Sheet{Paper: "A5", PerSheet: 2, Copies: 40, Tint: "#FDECEC"}) {
		t.Errorf("sheet %#v", res.Sheet)
	}
	if f := res.Blocks[0].(doc.Form); f.Rows[0].Height != 12 || f.Rows[0].Cells[0].Size != 14 {
		t.Errorf("form %#v", f)
	}
	if _, err := Parse("t.tmpl", "纸张："+Quote("B5")); err == nil || !strings.Contains(err.Error(), "纸张：B5") {
		t.Errorf("B5: %v", err)
	}
}
