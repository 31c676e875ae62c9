package markup

import (
	"strconv"
	"strings"

	"huanjie/generator/doc"
)

// sheet parses "纸张：A4｜每张2份｜共40份｜底色#FDECEC". Every part but the
// paper is optional; "每张4,2,1份" gives choices tried in order; an empty
// "底色" means white.
func (p *parser) sheet(v string) error {
	parts := bar(v)
	for i := range parts {
		parts[i] = value(parts[i])
	}
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

// formRow parses "表单行：高度｜宽度:文字｜宽度:文字" with optional cell
// flags after the text: "!粗" bold, "!灰" shaded, "!无框" no border,
// "!连" joined to the cell above (no rule between: a cell over several rows),
// "!左" / "!右" alignment, "!黑" 黑体, "!号12" size in pt.
func (p *parser) formRow(v string) error {
	parts := bar(v)
	h, err := strconv.ParseFloat(value(parts[0]), 64)
	if err != nil || h <= 0 || h > 280 {
		return p.errf("表单行的第一项应是行高（毫米）")
	}
	row := doc.FormRow{Height: h}
	for _, c := range parts[1:] {
		w, text, ok := cutOut(c, ":：")
		width, err := strconv.ParseFloat(value(w), 64)
		if !ok || err != nil || width <= 0 {
			return p.errf("表单格应写成“宽度:文字”，宽度是毫米数")
		}
		cell := doc.FormCell{Width: width}
		fields := splitOut(text, "!")
		if cell.Text, err = p.inline(fields[0]); err != nil {
			return err
		}
		for _, f := range fields[1:] {
			switch f = value(f); {
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
