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
//
// Values a template prints arrive as literal spans (see Quote): they are
// always text, never keywords or separators.
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
	return fmt.Sprintf("模板 %s 生成的第%d行“%s”：%s", e.Template, e.Line, display(e.Text), e.Msg)
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

// bar splits on the full-width ｜ or the ASCII | (outside literal spans).
func bar(s string) []string {
	parts := splitOut(s, "｜|")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

// value is the content of a part that holds a setting (a number, a paper
// size, a colour): spans are taken as their content.
func value(s string) string { return strings.TrimSpace(unquote(s)) }

// inline is the text of a one-line element (title, heading, cell, 署名…):
// a line break from the data has no place there.
func (p *parser) inline(s string) (string, error) {
	t := strings.TrimSpace(unquote(s))
	if strings.Contains(t, "\n") {
		return "", p.errf("数据中的换行只能用在正文段落中，不能用在标题、表格、署名等一行的位置")
	}
	return t, nil
}

// inlines is inline for each part.
func (p *parser) inlines(parts []string) ([]string, error) {
	out := make([]string, len(parts))
	for i, s := range parts {
		t, err := p.inline(s)
		if err != nil {
			return nil, err
		}
		out[i] = t
	}
	return out, nil
}

// paragraphs is the text of a paragraph: a line break from the data
// starts a new paragraph of the same kind (blank lines are dropped).
func paragraphs(s string) []string {
	t := strings.TrimSpace(unquote(s))
	if !strings.Contains(t, "\n") {
		return []string{t}
	}
	var out []string
	for _, l := range strings.Split(t, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
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
		p.list.Items = append(p.list.Items, paragraphs(strings.TrimPrefix(t, "-"))...)
		return nil
	}
	p.flushList()
	if p.sig != nil {
		if k, v, ok := directive(t); ok && k == "日期" {
			date, err := p.inline(v)
			if err != nil {
				return err
			}
			p.sig.Date = date
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
		text, err := p.inline(t[level:])
		if err != nil {
			return err
		}
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
		if strings.TrimSpace(unquote(t)) == "" {
			return nil // a line of blank data only
		}
		p.paragraph(t, doc.Paragraph{})
		return nil
	}
	switch k {
	case "标题":
		phrases, err := p.inlines(bar(v))
		if err != nil {
			return err
		}
		p.add(doc.Title{Phrases: phrases})
	case "主送":
		text, err := p.inline(v)
		if err != nil {
			return err
		}
		p.add(doc.Addressee{Text: text})
	case "顶格":
		p.paragraph(v, doc.Paragraph{NoIndent: true})
	case "居中":
		p.paragraph(v, doc.Paragraph{NoIndent: true, Align: doc.AlignCenter})
	case "居右":
		p.paragraph(v, doc.Paragraph{NoIndent: true, Align: doc.AlignRight})
	case "黑体":
		p.paragraph(v, doc.Paragraph{NoIndent: true, Role: doc.HeiTi})
	case "空行":
		n, err := strconv.ParseFloat(value(v), 64)
		if err != nil || n <= 0 || n > 20 {
			return p.errf("“空行：”后面应是1到20的数字")
		}
		p.add(doc.Spacer{Lines: n})
	case "附件说明":
		items, err := p.inlines(bar(v))
		if err != nil {
			return err
		}
		p.add(doc.AttachmentNote{Items: items})
	case "署名":
		organ, err := p.inline(v)
		if err != nil {
			return err
		}
		p.sig = &doc.Signature{Organ: organ, Sealed: !p.unsealed}
		p.unsealed = false
	case "日期":
		return p.errf("“日期”应紧跟在“署名”的下一行")
	case "附注":
		text, err := p.inline(v)
		if err != nil {
			return err
		}
		p.add(doc.Note{Text: text})
	case "附件":
		p.flushAttachment()
		parts, err := p.inlines(bar(v))
		if err != nil {
			return err
		}
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
		for _, s := range splitOut(v, "、，,") {
			s, err := p.inline(s)
			if err != nil {
				return err
			}
			if s = strings.TrimSpace(strings.TrimSuffix(s, "。")); s != "" {
				p.res.Imprint.CC = append(p.res.Imprint.CC, s)
			}
		}
	case "印发":
		parts, err := p.inlines(bar(v))
		if err != nil {
			return err
		}
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

// paragraph adds the paragraph(s) of text s with the style of tmpl.
func (p *parser) paragraph(s string, tmpl doc.Paragraph) {
	for _, t := range paragraphs(s) {
		tmpl.Text = t
		p.add(tmpl)
	}
}

func (p *parser) table(v string, lines []string, i *int) error {
	parts := bar(v)
	caption, err := p.inline(parts[0])
	if err != nil {
		return err
	}
	tb := doc.Table{Caption: caption}
	if len(parts) > 1 && parts[1] != "" {
		for _, w := range strings.Split(value(parts[1]), ",") {
			f, err := strconv.ParseFloat(strings.TrimSpace(w), 64)
			if err != nil || f <= 0 {
				return p.errf("列宽应是用逗号分隔的正数（字数），如 4,2,4")
			}
			tb.Columns = append(tb.Columns, doc.Column{Width: f})
		}
	}
	if len(parts) > 2 && parts[2] != "" {
		size, err := strconv.ParseFloat(value(parts[2]), 64)
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
				text, err := p.inline(cells[c])
				if err != nil {
					return err
				}
				row.Cells = append(row.Cells, doc.Cell{Text: text})
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
