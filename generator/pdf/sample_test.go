package pdf

import (
	"strings"
	"time"

	"huanjie/generator/doc"
)

var sampleDate = time.Date(2024, 7, 18, 9, 0, 0, 0, time.FixedZone("CST", 8*3600))

const longPara = "根据《中国共产党章程》和《中国共产党基层组织选举工作条例》的有关规定，经支部委员会研究，" +
	"决定于2024年7月18日召开党员大会进行换届选举。本届支部委员会自2021年7月选举产生以来，" +
	"在上级党组织的坚强领导下，认真履行职责，各项工作取得了明显成效，党员参会率达到66.7%以上，" +
	"按照GB/T 9704—2012《党政机关公文格式》的要求规范公文处理。现将有关事项请示如下，" +
	"请予审批：（一）选举产生新一届支部委员会；（二）选举产生书记、副书记。"

const namesPara = "经党员推荐、支部委员会研究，拟提名张喆、李堃、王玥、赵珺、刘赟、陈祎、杨彧、周䶮等同志为" +
	"新一届支部委员会委员候选人预备人选，其中差额人数为1名，差额比例为20%。"

// sampleDoc is the test document: long paragraphs, Latin and digits,
// headings near page ends, a table across a page break, rare names.
func sampleDoc() *doc.Document {
	d := &doc.Document{
		Meta: doc.Meta{Title: "关于召开党员大会进行换届选举的请示", Author: "中共示例社区支部委员会",
			Subject: "换届选举", Date: sampleDate},
		Letterhead: &doc.Letterhead{Organ: "中共示例社区支部委员会文件", Number: "示社支〔2024〕3号"},
	}
	b := []doc.Block{
		doc.Title{Phrases: []string{"中共示例社区支部委员会", "关于召开党员大会", "进行换届选举的请示"}},
		doc.Addressee{Text: "中共示例街道工作委员会："},
		doc.Paragraph{Text: longPara},
		doc.Heading{Level: 1, Text: "一、换届选举的基本情况"},
		doc.Paragraph{Text: namesPara},
		doc.Paragraph{Text: longPara + longPara},
		doc.Heading{Level: 2, Text: "（一）委员会组成"},
		doc.Paragraph{Text: "新一届支部委员会由5名委员组成，设书记1名、副书记1名。“两推一选”工作已于7月上旬完成，" + longPara},
		doc.Heading{Level: 3, Text: "1.候选人预备人选"},
		doc.Paragraph{Text: longPara},
		doc.Heading{Level: 4, Text: "（1）差额选举"},
		doc.List{Marker: "1.", Items: []string{"实行差额选举，差额比例不少于20%。", "选举采用无记名投票方式。", longPara}},
		doc.Table{Caption: "候选人预备人选名单", Columns: []doc.Column{{Width: 3}, {Width: 5}, {Width: 3}, {Width: 6}, {Width: 11, Align: doc.AlignLeft}},
			Header: []doc.Row{{Cells: []doc.Cell{{Text: "序号"}, {Text: "姓名"}, {Text: "性别"}, {Text: "出生年月"}, {Text: "现任职务"}}}},
			Rows:   tableRows(30)},
		doc.Paragraph{Text: longPara},
		doc.Heading{Level: 1, Text: "二、选举的组织实施"},
		doc.Paragraph{Text: longPara + namesPara},
		doc.Paragraph{Text: "特此请示。"},
		doc.AttachmentNote{Items: []string{"中共示例社区支部委员会委员候选人预备人选名单", "选举办法（草案）"}},
		doc.Signature{Organ: "中共示例社区支部委员会", Date: "2024年7月18日", Sealed: true},
		doc.Note{Text: "（联系人：张喆，电话：028-84326688）"},
		doc.Attachment{Label: "附件1", Title: "中共示例社区支部委员会委员候选人预备人选名单", Blocks: []doc.Block{
			doc.Paragraph{Text: namesPara},
		}},
		doc.Attachment{Label: "附件2", Title: "选举办法（草案）", Blocks: []doc.Block{
			doc.Paragraph{Text: longPara},
			doc.Paragraph{Text: longPara},
		}},
	}
	d.Blocks = b
	d.Imprint = &doc.Imprint{CC: []string{"中共示例街道工作委员会组织部", "示例街道纪工委"}, Printer: "中共示例社区支部委员会", PrintDate: "2024年7月18日"}
	return d
}

func tableRows(n int) []doc.Row {
	names := []string{"张喆", "李堃", "王玥", "赵珺", "刘赟", "陈祎", "杨彧", "周䶮"}
	var rows []doc.Row
	for i := 0; i < n; i++ {
		sex := "男"
		if i%3 == 1 {
			sex = "女"
		}
		rows = append(rows, doc.Row{Cells: []doc.Cell{
			{Text: itoa(i + 1)}, {Text: names[i%len(names)]}, {Text: sex},
			{Text: "19" + itoa(70+i%25) + "年" + itoa(1+i%12) + "月"},
			{Text: strings.Repeat("社区网格员", 1+i%3)},
		}})
	}
	return rows
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	for n > 0 {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	return s
}

// reportDoc is a plain report of about n pages.
func reportDoc(n int) *doc.Document {
	d := &doc.Document{Meta: doc.Meta{Title: "工作报告", Date: sampleDate}}
	d.Blocks = append(d.Blocks, doc.Title{Phrases: []string{"中共示例社区支部委员会", "工作报告"}})
	d.Blocks = append(d.Blocks, doc.Addressee{Text: "各位党员："})
	for i := 0; i < n*3; i++ {
		if i%3 == 0 {
			d.Blocks = append(d.Blocks, doc.Heading{Level: 1 + i%4, Text: string([]rune("一二三四五六七八九十")[i/3%10]) + "、第" + itoa(i/3+1) + "部分工作"})
		}
		d.Blocks = append(d.Blocks, doc.Paragraph{Text: longPara + namesPara})
	}
	d.Blocks = append(d.Blocks, doc.Signature{Organ: "中共示例社区支部委员会", Date: "2024年7月18日"})
	return d
}

// requestDoc is a 请示 of about three pages.
func requestDoc() *doc.Document {
	d := reportDoc(2)
	d.Meta.Title = "请示"
	d.Blocks = append(d.Blocks, doc.Note{Text: "（联系人：张喆，电话：028-84326688）"})
	d.Imprint = &doc.Imprint{CC: []string{"示例街道纪工委"}, Printer: "中共示例社区支部委员会", PrintDate: "2024年7月18日"}
	return d
}
