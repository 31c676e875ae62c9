// Package markup reads the small line-based markup that templates produce
// (after Go text/template has filled in the data) and turns it into the
// document model. It is meant to be edited by non-programmers: one element
// per line, introduced by a Chinese keyword.
//
//	标题：中共东华社区支部委员会｜关于召开党员大会｜进行换届选举的请示
//	主送：中共圣灯街道工作委员会：
//	# 一、一级标题           ## （一）二级标题     ### 1.三级     #### （1）四级
//	普通的一行就是一个正文段落（首行缩进两字）。
//	顶格：不缩进的段落         居中：居中的段落          居右：靠右的段落
//	- 列表项（连续几行组成一个列表）
//	表格：表题｜4,2,4      表格的列宽（字数），下面紧跟以 | 开头的行，第一行是表头；
//	| 姓名 | 性别 | 职务 |  单元格写 < 表示与左边合并，写 ^ 表示与上面合并
//	附件说明：1.名单｜2.登记表
//	署名：中共东华社区支部委员会      日期：2024年6月20日     （加盖印章的写法）
//	不盖章                        （写在署名前：署名、日期按不盖章的位置排）
//	附注：（联系人：李明，电话：028-84326688）
//	附件：附件1｜候选人预备人选名单    （另起一页，其后各行属于附件，直到下一个“附件：”）
//	分页      空行      空行：2
//	抄送：甲、乙           印发：中共东华社区支部委员会｜2024年6月20日
//	表单行：高度毫米｜宽度:文字｜宽度:文字…   （选票、计票单用的固定格）
//	纸张：A4｜每张2份｜共40份｜底色#FDECEC     （选票、表单的纸张；“每张4,2,1份”表示依次试用，取第一个放得下的）
//
// Lines starting with "//" are comments. Leading and trailing spaces are ignored.
package markup

import (
	"fmt"
	"strconv"
	"strings"

	"huanjie/generator/doc"
)

// Error is a markup error: the template, the line of the generated text,
// and what is wrong, in Chinese.
type Error struct {
	Template string
	Line     int
	Text     string
	Msg      string
}

func (e *Error) Error() string {
	return fmt.Sprintf("模板 %s 生成的第%d行“%s”：%s", e.Template, e.Line, e.Text, e.Msg)
}

// Result is what a template's markup describes.
type Result struct {
	Blocks  []doc.Block
	Imprint *doc.Imprint
	// Sheet is set by a "纸张：" line (forms only): paper, copies per
	// sheet, copies, tint. PerSheetChoices lists the copies-per-sheet to
	// try in order when the line gives several ("每张4,2,1份"); Sheet.PerSheet
	// is then the first of them.
	Sheet           *doc.Sheet
	PerSheetChoices []int
}

// bar splits on the full-width ｜ or the ASCII |.
func bar(s string) []string {
	s = strings.ReplaceAll(s, "｜", "|")
	parts := strings.Split(s, "|")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

// directive splits "关键字：内容" (full-width or ASCII colon).
func directive(line string) (key, val string, ok bool) {
	for _, sep := range []string{"：", ":"} {
		if i := strings.Index(line, sep); i > 0 && i <= 18 {
			k := line[:i]
			if _, known := keywords[k]; known {
				return k, strings.TrimSpace(line[i+len(sep):]), true
			}
		}
	}
	return "", "", false
}

var keywords = map[string]bool{
	"标题": true, "主送": true, "顶格": true, "居中": true, "居右": true, "表格": true,
	"附件说明": true, "署名": true, "日期": true, "附注": true, "附件": true, "空行": true,
	"抄送": true, "印发": true, "表单行": true, "黑体": true, "纸张": true,
}

// Parse reads markup text. name is the template's file name, for errors.
func Parse(name, text string) (*Result, error) {
	p := &parser{name: name, res: &Result{}}
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	for i := 0; i < len(lines); i++ {
		p.line = i + 1
		p.text = strings.TrimSpace(lines[i])
		if err := p.one(lines, &i); err != nil {
			return nil, err
		}
	}
	p.flushList()
	p.flushAttachment()
	if p.sig != nil {
		return nil, p.errf("有“署名”却没有后面的“日期”")
	}
	return p.res, nil
}

type parser struct {
	name     string
	line     int
	text     string
	res      *Result
	blocks   *[]doc.Block // where blocks go: the body or the current attachment
	att      *doc.Attachment
	list     *doc.List
	sig      *doc.Signature
	unsealed bool
}

func (p *parser) errf(format string, a ...any) error {
	return &Error{Template: p.name, Line: p.line, Text: p.text, Msg: fmt.Sprintf(format, a...)}
}

func (p *parser) add(b doc.Block) {
	if p.blocks == nil {
		p.blocks = &p.res.Blocks
	}
	*p.blocks = append(*p.blocks, b)
}

func (p *parser) flushList() {
	if p.list != nil {
		p.add(*p.list)
		p.list = nil
	}
}

func (p *parser) flushAttachment() {
	if p.att != nil {
		att := *p.att
		p.att = nil
		p.blocks = &p.res.Blocks
		p.res.Blocks = append(p.res.Blocks, att)
	}
}

func (p *parser) one(lines []string, i *int) error {
	t := p.text
	if t == "" || strings.HasPrefix(t, "//") {
		return nil
	}
	if strings.HasPrefix(t, "- ") || t == "-" {
		if p.list == nil {
			p.list = &doc.List{}
		}
		p.list.Items = append(p.list.Items, strings.TrimSpace(strings.TrimPrefix(t, "-")))
		return nil
	}
	p.flushList()
	if p.sig != nil {
		if k, v, ok := directive(t); ok && k == "日期" {
			p.sig.Date = v
			p.add(*p.sig)
			p.sig = nil
			return nil
		}
		return p.errf("“署名”的下一行应是“日期：……”")
	}
	if strings.HasPrefix(t, "#") {
		level := 0
		for level < len(t) && t[level] == '#' {
			level++
		}
		if level > 4 {
			return p.errf("标题最多四级（#### ）")
		}
		text := strings.TrimSpace(t[level:])
		if text == "" {
			return p.errf("标题没有文字")
		}
		p.add(doc.Heading{Level: level, Text: text})
		return nil
	}
	if strings.HasPrefix(t, "|") {
		return p.errf("表格行前面要先写一行“表格：表题｜各列宽度”")
	}
	switch t {
	case "分页":
		p.add(doc.PageBreak{})
		return nil
	case "空行":
		p.add(doc.Spacer{Lines: 1})
		return nil
	case "不盖章":
		p.unsealed = true
		return nil
	}
	k, v, ok := directive(t)
	if !ok {
		p.add(doc.Paragraph{Text: t})
		return nil
	}
	switch k {
	case "标题":
		phrases := bar(v)
		p.add(doc.Title{Phrases: phrases})
	case "主送":
		p.add(doc.Addressee{Text: v})
	case "顶格":
		p.add(doc.Paragraph{Text: v, NoIndent: true})
	case "居中":
		p.add(doc.Paragraph{Text: v, NoIndent: true, Align: doc.AlignCenter})
	case "居右":
		p.add(doc.Paragraph{Text: v, NoIndent: true, Align: doc.AlignRight})
	case "黑体":
		p.add(doc.Paragraph{Text: v, NoIndent: true, Role: doc.HeiTi})
	case "空行":
		n, err := strconv.ParseFloat(v, 64)
		if err != nil || n <= 0 || n > 20 {
			return p.errf("“空行：”后面应是1到20的数字")
		}
		p.add(doc.Spacer{Lines: n})
	case "附件说明":
		p.add(doc.AttachmentNote{Items: bar(v)})
	case "署名":
		p.sig = &doc.Signature{Organ: v, Sealed: !p.unsealed}
		p.unsealed = false
	case "日期":
		return p.errf("“日期”应紧跟在“署名”的下一行")
	case "附注":
		p.add(doc.Note{Text: v})
	case "附件":
		p.flushAttachment()
		parts := bar(v)
		att := &doc.Attachment{Label: parts[0]}
		if len(parts) > 1 {
			att.Title = parts[1]
		}
		p.att = att
		p.blocks = &att.Blocks
	case "抄送":
		if p.res.Imprint == nil {
			p.res.Imprint = &doc.Imprint{}
		}
		for _, s := range strings.FieldsFunc(v, func(r rune) bool { return r == '、' || r == '，' || r == ',' }) {
			p.res.Imprint.CC = append(p.res.Imprint.CC, strings.TrimSpace(strings.TrimSuffix(s, "。")))
		}
	case "印发":
		parts := bar(v)
		if len(parts) != 2 {
			return p.errf("“印发：”应写成“印发：印发机关｜印发日期”")
		}
		if p.res.Imprint == nil {
			p.res.Imprint = &doc.Imprint{}
		}
		p.res.Imprint.Printer, p.res.Imprint.PrintDate = parts[0], parts[1]
	case "表格":
		return p.table(v, lines, i)
	case "表单行":
		return p.formRow(v)
	case "纸张":
		return p.sheet(v)
	}
	return nil
}

// sheet parses "纸张：A4｜每张2份｜共40份｜底色#FDECEC". Every part but the
// paper is optional; "每张4,2,1份" gives choices tried in order; an empty
// "底色" means white.
func (p *parser) sheet(v string) error {
	parts := bar(v)
	sh := &doc.Sheet{Paper: strings.ToUpper(parts[0])}
	if sh.Paper != "A4" && sh.Paper != "A5" {
		return p.errf("“纸张：”后面应先写纸张大小 A4 或 A5")
	}
	for _, f := range parts[1:] {
		switch {
		case f == "":
		case strings.HasPrefix(f, "每张") && strings.HasSuffix(f, "份"):
			p.res.PerSheetChoices = nil
			for _, n := range strings.FieldsFunc(strings.TrimSuffix(strings.TrimPrefix(f, "每张"), "份"), func(r rune) bool { return r == ',' || r == '，' || r == '、' }) {
				k, err := strconv.Atoi(strings.TrimSpace(n))
				if err != nil || (k != 1 && k != 2 && k != 4) {
					return p.errf("“每张×份”只能是1、2或4份（可写“每张4,2,1份”依次试用）")
				}
				p.res.PerSheetChoices = append(p.res.PerSheetChoices, k)
			}
			if len(p.res.PerSheetChoices) == 0 {
				return p.errf("“每张×份”只能是1、2或4份（可写“每张4,2,1份”依次试用）")
			}
			sh.PerSheet = p.res.PerSheetChoices[0]
		case strings.HasPrefix(f, "共") && strings.HasSuffix(f, "份"):
			k, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(f, "共"), "份")))
			if err != nil || k < 1 || k > 100000 {
				return p.errf("“共×份”应是1到100000的整数")
			}
			sh.Copies = k
		case strings.HasPrefix(f, "底色"):
			c := strings.TrimSpace(strings.TrimPrefix(f, "底色"))
			if c != "" && !isHexColor(c) {
				return p.errf("底色应写成 #RRGGBB，如 #FDECEC（浅红）")
			}
			sh.Tint = c
		default:
			return p.errf("“纸张：”中不认识“%s”；可写 A4或A5、每张×份、共×份、底色#RRGGBB", f)
		}
	}
	if sh.PerSheet == 0 {
		sh.PerSheet = 1
		p.res.PerSheetChoices = []int{1}
	}
	p.res.Sheet = sh
	return nil
}

func isHexColor(s string) bool {
	s = strings.TrimPrefix(s, "#")
	if len(s) != 6 {
		return false
	}
	_, err := strconv.ParseUint(s, 16, 32)
	return err == nil
}

func (p *parser) table(v string, lines []string, i *int) error {
	parts := bar(v)
	tb := doc.Table{Caption: parts[0]}
	if len(parts) > 1 && parts[1] != "" {
		for _, w := range strings.Split(parts[1], ",") {
			f, err := strconv.ParseFloat(strings.TrimSpace(w), 64)
			if err != nil || f <= 0 {
				return p.errf("列宽应是用逗号分隔的正数（字数），如 4,2,4")
			}
			tb.Columns = append(tb.Columns, doc.Column{Width: f})
		}
	}
	if len(parts) > 2 && parts[2] != "" {
		size, err := strconv.ParseFloat(parts[2], 64)
		if err != nil || size < 10.5 || size > 22 {
			return p.errf("表格字号应是10.5到22之间的磅数")
		}
		tb.Size = size
	}
	var rows [][]string
	for *i+1 < len(lines) {
		next := strings.TrimSpace(lines[*i+1])
		if !strings.HasPrefix(next, "|") {
			break
		}
		*i++
		p.line = *i + 1
		p.text = next
		cells := bar(strings.TrimSuffix(strings.TrimPrefix(next, "|"), "|"))
		rows = append(rows, cells)
	}
	if len(rows) == 0 {
		return p.errf("“表格：”下面没有以 | 开头的表格行")
	}
	ncol := len(tb.Columns)
	if ncol == 0 {
		ncol = len(rows[0])
		for range ncol {
			tb.Columns = append(tb.Columns, doc.Column{Width: 4})
		}
	}
	built := make([]doc.Row, len(rows))
	// rowspan owners: for each column, the index of the row whose cell spans down.
	for r, cells := range rows {
		if len(cells) != ncol {
			return p.errf("第%d行表格有%d格，应为%d格", r+1, len(cells), ncol)
		}
		var row doc.Row
		for c := 0; c < ncol; c++ {
			switch cells[c] {
			case "<":
				if len(row.Cells) == 0 {
					return p.errf("每行第一格不能写 <")
				}
				last := &row.Cells[len(row.Cells)-1]
				last.ColSpan = max(last.ColSpan, 1) + 1
			case "^":
				if r == 0 {
					return p.errf("第一行不能写 ^")
				}
				if err := growRowSpan(built, r, c); err != nil {
					return p.errf("%v", err)
				}
			default:
				row.Cells = append(row.Cells, doc.Cell{Text: cells[c]})
			}
		}
		built[r] = row
	}
	tb.Header = built[:1]
	tb.Rows = built[1:]
	p.add(tb)
	return nil
}

// growRowSpan finds the cell covering column c in an earlier row and
// extends its row span to include row r.
func growRowSpan(rows []doc.Row, r, c int) error {
	for up := r - 1; up >= 0; up-- {
		col := 0
		for k := range rows[up].Cells {
			cell := &rows[up].Cells[k]
			span := max(cell.ColSpan, 1)
			if col == c {
				if max(cell.RowSpan, 1) == r-up {
					cell.RowSpan = r - up + 1
					return nil
				}
			}
			col += span
		}
	}
	return fmt.Errorf("^ 上面没有可以合并的格")
}

// formRow parses "表单行：高度｜宽度:文字｜宽度:文字" with optional cell
// flags after the text: "!粗" bold, "!灰" shaded, "!无框" no border,
// "!连" joined to the cell above (no rule between: a cell over several rows),
// "!左" / "!右" alignment, "!黑" 黑体, "!号12" size in pt.
func (p *parser) formRow(v string) error {
	parts := bar(v)
	h, err := strconv.ParseFloat(parts[0], 64)
	if err != nil || h <= 0 || h > 280 {
		return p.errf("表单行的第一项应是行高（毫米）")
	}
	row := doc.FormRow{Height: h}
	for _, c := range parts[1:] {
		w, text, ok := strings.Cut(c, ":")
		if !ok {
			w, text, ok = strings.Cut(c, "：")
		}
		width, err := strconv.ParseFloat(strings.TrimSpace(w), 64)
		if !ok || err != nil || width <= 0 {
			return p.errf("表单格应写成“宽度:文字”，宽度是毫米数")
		}
		cell := doc.FormCell{Width: width}
		fields := strings.Split(text, "!")
		cell.Text = strings.TrimSpace(fields[0])
		for _, f := range fields[1:] {
			switch f = strings.TrimSpace(f); {
			case f == "粗":
				cell.Bold = true
			case f == "灰":
				cell.Shade = true
			case f == "无框":
				cell.NoBorder = true
			case f == "连":
				cell.Join = true
			case f == "左":
				cell.Align = doc.AlignLeft
			case f == "右":
				cell.Align = doc.AlignRight
			case f == "黑":
				cell.Role = doc.HeiTi
			case f == "标":
				cell.Role = doc.XiaoBiaoSong
			case strings.HasPrefix(f, "号"):
				s, err := strconv.ParseFloat(strings.TrimPrefix(f, "号"), 64)
				if err != nil || s < 12 {
					return p.errf("表单字号不能小于12磅")
				}
				cell.Size = s
			default:
				return p.errf("不认识的表单格标记 !%s", f)
			}
		}
		row.Cells = append(row.Cells, cell)
	}
	// Consecutive form rows make one Form block.
	if p.blocks != nil && len(*p.blocks) > 0 {
		if f, ok := (*p.blocks)[len(*p.blocks)-1].(doc.Form); ok {
			f.Rows = append(f.Rows, row)
			(*p.blocks)[len(*p.blocks)-1] = f
			return nil
		}
	}
	p.add(doc.Form{Rows: []doc.FormRow{row}})
	return nil
}
