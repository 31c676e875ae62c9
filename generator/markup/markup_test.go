package markup

import (
	"reflect"
	"strings"
	"testing"

	"huanjie/generator/doc"
)

func TestParseElements(t *testing.T) {
	src := `标题：中共某支部委员会｜关于召开党员大会的请示
主送：中共某工委：
// 注释行不出现在文书中
正文第一段。
# 一、一级标题
## （一）二级标题
- 甲
- 乙
顶格：不缩进
居中：（按姓氏笔画为序）
附件说明：名单｜登记表
不盖章
署名：中共某支部委员会
日期：2024年6月20日
附注：（联系人：李明，电话：123）
附件：附件1｜名单
表格：｜3,2,4｜12
| 姓名 | 性别 | 职务 |
| 甲 | 男 | 书记 |
| 乙 | < | ^ |
分页
空行：2
抄送：甲、乙。
印发：中共某支部委员会｜2024年6月20日
`
	res, err := Parse("t.tmpl", src)
	if err != nil {
		t.Fatal(err)
	}
	b := res.Blocks
	want := []doc.Block{
		doc.Title{Phrases: []string{"中共某支部委员会", "关于召开党员大会的请示"}},
		doc.Addressee{Text: "中共某工委："},
		doc.Paragraph{Text: "正文第一段。"},
		doc.Heading{Level: 1, Text: "一、一级标题"},
		doc.Heading{Level: 2, Text: "（一）二级标题"},
		doc.List{Items: []string{"甲", "乙"}},
		doc.Paragraph{Text: "不缩进", NoIndent: true},
		doc.Paragraph{Text: "（按姓氏笔画为序）", NoIndent: true, Align: doc.AlignCenter},
		doc.AttachmentNote{Items: []string{"名单", "登记表"}},
		doc.Signature{Organ: "中共某支部委员会", Date: "2024年6月20日", Sealed: false},
		doc.Note{Text: "（联系人：李明，电话：123）"},
	}
	if len(b) != len(want)+1 {
		t.Fatalf("%d blocks, want %d: %#v", len(b), len(want)+1, b)
	}
	for i, w := range want {
		if !reflect.DeepEqual(b[i], w) {
			t.Errorf("block %d = %#v, want %#v", i, b[i], w)
		}
	}
	att, ok := b[len(want)].(doc.Attachment)
	if !ok || att.Label != "附件1" || att.Title != "名单" || len(att.Blocks) != 3 {
		t.Fatalf("attachment %#v", b[len(want)])
	}
	tb := att.Blocks[0].(doc.Table)
	if tb.Size != 12 || len(tb.Columns) != 3 || tb.Columns[2].Width != 4 || len(tb.Header) != 1 || len(tb.Rows) != 2 {
		t.Fatalf("table %#v", tb)
	}
	// "<" widens 乙 over two columns; "^" extends 书记 down one row.
	if c := tb.Rows[1].Cells[0]; c.Text != "乙" || c.ColSpan != 2 || len(tb.Rows[1].Cells) != 1 {
		t.Errorf("merged row %#v", tb.Rows[1])
	}
	if c := tb.Rows[0].Cells[2]; c.Text != "书记" || c.RowSpan != 2 {
		t.Errorf("row span %#v", c)
	}
	if _, ok := att.Blocks[1].(doc.PageBreak); !ok {
		t.Errorf("page break %#v", att.Blocks[1])
	}
	if sp, ok := att.Blocks[2].(doc.Spacer); !ok || sp.Lines != 2 {
		t.Errorf("spacer %#v", att.Blocks[2])
	}
	if im := res.Imprint; im == nil || !reflect.DeepEqual(im.CC, []string{"甲", "乙"}) || im.Printer != "中共某支部委员会" || im.PrintDate != "2024年6月20日" {
		t.Errorf("imprint %#v", res.Imprint)
	}
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct {
		src  string
		line int
		msg  string
	}{
		{"正文\n| a | b |\n", 2, "表格行前面要先写"},
		{"表格：表｜3,x\n| a |\n", 1, "列宽"},
		{"表格：表｜3,3\n| a | b |\n| c |\n", 3, "应为2格"},
		{"署名：某\n正文\n", 2, "日期"},
		{"日期：2024年1月1日\n", 1, "紧跟"},
		{"空行：abc\n", 1, "1到20"},
		{"##### 五级\n", 1, "四级"},
		{"表单行：10｜20:甲!号9\n", 1, "不能小于12"},
		{"署名：某\n", 0, "没有后面的“日期”"},
	} {
		_, err := Parse("x.tmpl", c.src)
		e, ok := err.(*Error)
		if !ok || !strings.Contains(e.Msg, c.msg) || (c.line > 0 && e.Line != c.line) || e.Template != "x.tmpl" {
			t.Errorf("%q: got %v, want line %d containing %q", c.src, err, c.line, c.msg)
		}
	}
}

func TestFormRows(t *testing.T) {
	res, err := Parse("f.tmpl", "表单行：12｜30:候选人!灰!粗｜20:刘通\n表单行：12｜30:符号!左｜20:\n")
	if err != nil {
		t.Fatal(err)
	}
	f, ok := res.Blocks[0].(doc.Form)
	if !ok || len(res.Blocks) != 1 || len(f.Rows) != 2 {
		t.Fatalf("%#v", res.Blocks)
	}
	if c := f.Rows[0].Cells[0]; c.Width != 30 || c.Text != "候选人" || !c.Shade || !c.Bold || f.Rows[0].Height != 12 {
		t.Errorf("cell %#v", c)
	}
	if c := f.Rows[1].Cells[0]; c.Align != doc.AlignLeft {
		t.Errorf("align %#v", c)
	}
}
