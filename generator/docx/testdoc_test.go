package docx

import (
	"strings"
	"time"

	"huanjie/generator/doc"
)

// gridPara is pure Chinese text without punctuation, so every full line of
// it must hold exactly 28 characters (26 on the indented first line).
func gridPara(n int) string {
	const src = "党支部委员会任期届满按照中国共产党基层组织选举工作条例的规定经支部委员会研究决定召开党员大会进行换届选举产生新一届支部委员会"
	rs := []rune(src)
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteRune(rs[i%len(rs)])
	}
	return b.String()
}

// testDocument is a three-page 请示 with everything the renderer knows:
// long paragraphs, headings, a list, a table with merged cells that runs
// across a page break, 附件说明, a signature, a note, an attachment and a 版记.
func testDocument() *doc.Document {
	return &doc.Document{
		Meta: doc.Meta{
			Title:   "中共东华社区支部委员会关于召开党员大会进行换届选举的请示",
			Author:  "中共东华社区支部委员会",
			Subject: "换届选举请示",
			Date:    time.Date(2024, 7, 18, 9, 30, 0, 0, time.UTC),
		},
		Blocks: []doc.Block{
			doc.Title{Phrases: []string{"中共东华社区支部委员会", "关于召开党员大会", "进行换届选举的请示"}},
			doc.Addressee{Text: "中共圣灯街道工作委员会："},
			doc.Paragraph{Text: gridPara(1270)},
			doc.Heading{Level: 1, Text: "一、基本情况"},
			doc.Paragraph{Text: "截至2024年7月18日，东华社区党支部共有党员42名，其中正式党员39名、预备党员3名。按照GB/T 9704—2012的格式要求，本请示正文使用三号仿宋字体，党员参会率预计达到66.7%以上。支部委员王喆、李堃、张玥、陈珺同志任期内工作认真负责。"},
			doc.Heading{Level: 2, Text: "（一）委员会组成"},
			doc.Paragraph{Text: "新一届支部委员会由5名委员组成，设书记1名、副书记1名。候选人预备人选按照差额不少于20%的比例提出，共6名：刘赟、赵祎、孙彧、龚䶮、王喆、李堃。"},
			doc.Heading{Level: 3, Text: "1.候选人产生程序"},
			doc.List{Marker: "（1）", Items: []string{"党员推荐，自下而上、上下结合。", "支部委员会根据多数党员的意见确定候选人初步人选。", "报上级党组织审查同意后，召开党员大会讨论通过。"}},
			doc.Heading{Level: 4, Text: "（1）不计入应到会人数的党员"},
			doc.Table{
				Caption: "不计入应到会人数的党员名单",
				Columns: []doc.Column{{Width: 3}, {Width: 5}, {Width: 5}, {Width: 18, Align: doc.AlignLeft}},
				Header:  []doc.Row{{Cells: []doc.Cell{{Text: "序号"}, {Text: "姓名"}, {Text: "党员类别"}, {Text: "原因"}}}},
				Rows:    tableRows(),
			},
			doc.Paragraph{Text: "以上请示妥否，请批示。"},
			doc.AttachmentNote{Items: []string{"中共东华社区支部委员会委员候选人预备人选名单", "不计入应到会人数的党员名单"}},
			doc.Signature{Organ: "中共东华社区支部委员会", Date: "2024年7月18日", Sealed: true},
			doc.Note{Text: "（联系人：李明，电话：028-84326688）"},
			doc.Attachment{Label: "附件1", Title: "中共东华社区支部委员会委员候选人预备人选名单", Blocks: []doc.Block{
				doc.Paragraph{Text: "（按姓氏笔画为序）", NoIndent: true, Align: doc.AlignCenter},
				doc.Paragraph{Text: "王喆　刘赟　孙彧　李堃　赵祎　龚䶮", NoIndent: true},
			}},
		},
		Imprint: &doc.Imprint{CC: []string{"圣灯街道党建工作办公室"}, Printer: "中共东华社区支部委员会", PrintDate: "2024年7月18日"},
	}
}

func tableRows() []doc.Row {
	names := []string{"赵德顺", "钱玥", "孙珺", "李祎", "周彧", "吴赟", "郑喆", "王堃", "冯䶮", "陈明", "褚亮", "卫东", "蒋琳", "沈涛", "韩梅", "杨帆", "朱丽", "秦岭", "尤佳", "许诺"}
	var rows []doc.Row
	for i, n := range names {
		kind := "正式党员"
		reason := "年老体弱、长期卧床，不能表达本人意志"
		if i%3 == 1 {
			reason = "外出务工半年以上，本人书面申请不参加选举"
		}
		row := doc.Row{Cells: []doc.Cell{{Text: itoa(i + 1)}, {Text: n}}}
		switch {
		case i == 4:
			// 类别 spans this row and the next; 原因 spans two columns? no:
			// merged down only.
			row.Cells = append(row.Cells, doc.Cell{Text: kind, RowSpan: 2}, doc.Cell{Text: reason})
		case i == 5:
			row.Cells = append(row.Cells, doc.Cell{Text: reason})
		case i == 8:
			// 类别 and 原因 merged across.
			row.Cells = append(row.Cells, doc.Cell{Text: "留党察看期间，不参加选举", ColSpan: 2})
		default:
			row.Cells = append(row.Cells, doc.Cell{Text: kind}, doc.Cell{Text: reason})
		}
		rows = append(rows, row)
	}
	return rows
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// ballotDocument is a ballot on A5 paper made of a Form.
func ballotDocument() *doc.Document {
	names := []string{"王喆", "刘赟", "孙彧", "李堃", "赵祎", "龚䶮"}
	mark := doc.FormRow{Height: 12}
	name := doc.FormRow{Height: 12}
	write := doc.FormRow{Height: 12}
	for _, n := range names {
		mark.Cells = append(mark.Cells, doc.FormCell{Width: 20})
		name.Cells = append(name.Cells, doc.FormCell{Width: 20, Text: n, Size: 14})
		write.Cells = append(write.Cells, doc.FormCell{Width: 20})
	}
	return &doc.Document{
		Meta:   doc.Meta{Title: "委员选票", Author: "中共东华社区支部委员会", Date: time.Date(2024, 7, 18, 0, 0, 0, 0, time.UTC)},
		Layout: doc.LayoutForm,
		Sheet:  doc.Sheet{Paper: "A5", PerSheet: 1, Copies: 40, Tint: "#FDECEC"},
		Blocks: []doc.Block{
			doc.Title{Phrases: []string{"中国共产党东华社区支部委员会", "委员选票"}},
			doc.Paragraph{Text: "（按姓氏笔画为序）", Align: doc.AlignCenter, Size: 12},
			doc.Spacer{Lines: 3},
			doc.Form{Rows: []doc.FormRow{
				{Height: 9, Cells: []doc.FormCell{{Width: 120, Text: "委员候选人", Role: doc.HeiTi, Shade: true}}},
				mark, name, write,
			}},
			doc.Spacer{Lines: 3},
			doc.Paragraph{Text: "说明：1.本次应选委员5名，候选人6名；所选人数等于或少于5名的为有效票，多于5名的为无效票。", Size: 12, NoIndent: true},
		},
	}
}

func asDoc(v any) *doc.Document { return v.(*doc.Document) }
