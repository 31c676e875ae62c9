package layout

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"huanjie/generator/doc"
	"huanjie/generator/page"
)

// formSheet is one copy of a LayoutForm document, laid out once as a
// page.Form and placed PerSheet times per sheet. A form that gives no number
// of copies and goes one to a sheet (a counting form) is "paged" instead: it
// is drawn straight onto its pages and may run over several, its first row
// of shaded cells repeated. A ballot always gives its copies: it must fit
// one sheet (or its share of one), or layout refuses.
type formSheet struct {
	w, h   float64 // size of one copy in points
	copy   *page.Form
	paged  bool
	pw, ph float64 // sheet size in points
	tint   page.Color
	tinted bool
}

const formMarginMM = 10.0

// FormArea gives the usable width and height in mm of one copy of a form
// on paper ("A4" or "A5", portrait) printed per copies to a sheet (1, 2 or
// 4): the copy's share of the sheet less a 10 mm margin all round.
// Templates size their cells with it.
func FormArea(paper string, per int) (w, h float64) {
	pw, ph := 210.0, 297.0
	if strings.EqualFold(paper, "A5") {
		pw, ph = 148, 210
	}
	switch per {
	case 2:
		ph /= 2
	case 4:
		pw, ph = pw/2, ph/2
	}
	return pw - 2*formMarginMM, ph - 2*formMarginMM
}

// SheetOverflowError reports a form copy taller than its share of the sheet.
type SheetOverflowError struct {
	NeedMM, HaveMM float64
	PerSheet       int
}

// Code is the stable identifier of this error ("form_overflow").
func (e *SheetOverflowError) Code() string { return "form_overflow" }

func (e *SheetOverflowError) Error() string {
	s := fmt.Sprintf("选票（表单）内容高约%.0f毫米，超出纸面可用的%.0f毫米", e.NeedMM, e.HaveMM)
	if e.PerSheet > 1 {
		return s + fmt.Sprintf("：请每张纸少印几份（现为每张%d份）、减少另选人空格或改用更大的纸张（不会缩小字号）", e.PerSheet)
	}
	return s + "：请减少另选人空格或说明文字、改用更大的纸张，或改用竖排样式（不会缩小字号）"
}

// flowForm lays out a LayoutForm document: one copy is laid out in an area
// of the sheet (the whole sheet, half of it or a quarter), then the sheets
// are filled with copies of that template, with cut marks between them.
func (c *composer) flowForm(d *doc.Document) error {
	pw, ph := 210*mm, 297*mm
	if strings.EqualFold(d.Sheet.Paper, "A5") {
		pw, ph = 148*mm, 210*mm
	}
	per := d.Sheet.PerSheet
	if per != 2 && per != 4 {
		per = 1
	}
	copies := max(d.Sheet.Copies, 1)
	cw, ch := pw, ph
	var pos [][2]float64
	switch per {
	case 1:
		pos = [][2]float64{{0, 0}}
	case 2:
		ch = ph / 2
		pos = [][2]float64{{0, 0}, {0, ch}}
	case 4:
		cw, ch = pw/2, ph/2
		pos = [][2]float64{{0, 0}, {cw, 0}, {0, ch}, {cw, ch}}
	}
	fs := &formSheet{w: cw, h: ch, pw: pw, ph: ph, paged: per == 1 && d.Sheet.Copies == 0}
	c.form = fs
	fs.tint, fs.tinted = parseTint(d.Sheet.Tint)
	// lay out one copy into a scratch page, then take its items
	c.cur = &sheet{Page: &page.Page{Width: pw, Height: ph}}
	if fs.tinted {
		c.add(&page.Box{W: cw, H: ch, Fill: fs.tint})
	}
	m := formMarginMM * mm
	y := m
	inner := cw - 2*m
	for _, b := range d.Blocks {
		var err error
		y, err = c.formBlock(b, m, y, inner)
		if err != nil {
			return err
		}
	}
	if !fs.paged && y > ch-m*0.5+0.01 {
		return &SheetOverflowError{NeedMM: (y + m) / mm, HaveMM: ch / mm, PerSheet: per}
	}
	if fs.paged {
		c.pages = append(c.pages, c.cur)
		return nil
	}
	fs.copy = &page.Form{Width: cw, Height: ch, Items: c.cur.Items}
	sheets := (copies + per - 1) / per
	left := copies
	// cut marks: dashed lines between the copies, over the whole sheet, so
	// the cutter sees them even beside an empty slot
	grey := page.Color{R: 120, G: 120, B: 120}
	dash := []float64{3, 3}
	for s := 0; s < sheets; s++ {
		p := &sheet{Page: &page.Page{Width: pw, Height: ph}}
		n := min(per, left)
		left -= n
		for k := 0; k < n; k++ {
			p.Items = append(p.Items, &page.Use{X: pos[k][0], Y: pos[k][1]})
		}
		if per > 1 {
			p.Items = append(p.Items, &page.Rule{X1: 0, Y1: ch, X2: pw, Y2: ch, Width: 0.3, Color: grey, Dash: dash})
			if per == 4 {
				p.Items = append(p.Items, &page.Rule{X1: cw, Y1: 0, X2: cw, Y2: ph, Width: 0.3, Color: grey, Dash: dash})
			}
		}
		c.pages = append(c.pages, p)
	}
	return nil
}

// formNewPage ends the current page of a paged form and starts the next;
// it returns the y of the first line.
func (c *composer) formNewPage() float64 {
	fs := c.form
	c.pages = append(c.pages, c.cur)
	c.cur = &sheet{Page: &page.Page{Width: fs.pw, Height: fs.ph}}
	if fs.tinted {
		c.add(&page.Box{W: fs.w, H: fs.h, Fill: fs.tint})
	}
	return formMarginMM * mm
}

// formRoom makes room for h points at y on a paged form, starting a new
// page when needed, and returns the y to draw at.
func (c *composer) formRoom(y, h float64) float64 {
	fs := c.form
	if fs == nil || !fs.paged {
		return y
	}
	m := formMarginMM * mm
	if y+h > fs.h-m*0.5+0.01 && y > m+0.01 {
		return c.formNewPage()
	}
	return y
}

func parseTint(s string) (page.Color, bool) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(s) != 6 {
		return page.Color{}, false
	}
	var c [3]uint8
	for i := 0; i < 3; i++ {
		v, err := strconv.ParseUint(s[2*i:2*i+2], 16, 8)
		if err != nil {
			return page.Color{}, false
		}
		c[i] = uint8(v)
	}
	return page.Color{R: c[0], G: c[1], B: c[2]}, true
}

// formBlock places one block of a form copy at y (points from the copy's
// top) within [x0, x0+width] and returns the y below it.
func (c *composer) formBlock(b doc.Block, x0, y, width float64) (float64, error) {
	switch b := b.(type) {
	case doc.Title:
		size := doc.Size2
		if c.form != nil && c.form.w < 150*mm {
			size = 18
		}
		rows := WrapTitle(b.Phrases, int(width/size))
		y = c.formRoom(y, float64(len(rows))*size*1.5+size*3)
		for _, row := range rows {
			y = c.freeLine(strings.Join(row, ""), doc.XiaoBiaoSong, size, doc.AlignCenter, x0, y, width, 0, 0)
		}
		return y + size*0.5, nil
	case *doc.Title:
		return c.formBlock(*b, x0, y, width)
	case doc.Paragraph:
		size := b.Size
		if size == 0 {
			size = doc.Size12
		}
		ind := 2 * size
		if b.NoIndent || b.Align == doc.AlignCenter || b.Align == doc.AlignRight {
			ind = 0
		}
		y = c.formRoom(y, size*3)
		return c.freeLine(b.Text, b.Role, size, b.Align, x0, y, width, ind, 0), nil
	case *doc.Paragraph:
		return c.formBlock(*b, x0, y, width)
	case doc.Heading:
		y = c.formRoom(y, doc.Size4*4)
		return c.freeLine(b.Text, doc.HeiTi, doc.Size4, doc.AlignLeft, x0, y, width, 0, 0), nil
	case doc.Note:
		return c.freeLine(b.Text, doc.FangSong, doc.Size12, doc.AlignLeft, x0, y, width, 0, 0), nil
	case doc.Signature:
		y = c.freeLine(b.Organ, doc.FangSong, doc.Size4, doc.AlignRight, x0, y, width, 0, 0)
		return c.freeLine(b.Date, doc.FangSong, doc.Size4, doc.AlignRight, x0, y, width, 0, 0), nil
	case doc.PageBreak, *doc.PageBreak:
		if c.form != nil && c.form.paged && y > formMarginMM*mm+0.01 {
			return c.formNewPage(), nil
		}
		return y, nil
	case doc.Spacer:
		return y + b.Lines*mm, nil
	case *doc.Spacer:
		return y + b.Lines*mm, nil
	case doc.Form:
		return c.formGrid(&b, x0, y, width)
	case *doc.Form:
		return c.formGrid(b, x0, y, width)
	}
	return y, nil
}

// freeLine sets text off the grid, lines 1.4 × size apart, and returns the
// y below it.
func (c *composer) freeLine(text string, role doc.Role, size float64, align doc.Align, x0, y, width, first, rest float64) float64 {
	if text == "" {
		return y
	}
	s := c.shape(text, role, size, 0)
	lns := Break(s.items, width, first, rest)
	lh := size * 1.4
	for _, ln := range lns {
		if align == doc.AlignCenter || align == doc.AlignRight || align == doc.AlignLeft {
			naturalize(&ln, s, align, width)
		}
		c.add(c.textLine(s, ln, x0, y+(lh-size)/2+0.88*size, page.Black)...)
		y += lh
	}
	return y
}

// formGrid draws fixed-size cells. Text never shrinks below its size: a
// cell too small for its text is an error.
func (c *composer) formGrid(f *doc.Form, x0, y, width float64) (float64, error) {
	// a first row of shaded cells is a header, repeated on each page
	var header *doc.FormRow
	if len(f.Rows) > 1 && len(f.Rows[0].Cells) > 0 {
		header = &f.Rows[0]
		for _, c := range header.Cells {
			if !c.Shade {
				header = nil
				break
			}
		}
	}
	for i := 0; i < len(f.Rows); i++ {
		row := f.Rows[i]
		if c.form != nil && c.form.paged {
			if ny := c.formRoom(y, row.Height*mm); ny != y {
				y = ny
				if header != nil && i > 0 {
					var err error
					if y, err = c.formGrid(&doc.Form{Rows: []doc.FormRow{*header}}, x0, y, width); err != nil {
						return y, err
					}
				}
			}
		}
		rw := 0.0
		for _, c := range row.Cells {
			rw += c.Width * mm
		}
		if rw > width+0.01 {
			return y, fmt.Errorf("表格一行宽 %.0f 毫米，超出可用宽度 %.0f 毫米：请减小单元格宽度或每张纸印更少份数", rw/mm, width/mm)
		}
		x := x0 + (width-rw)/2
		h := row.Height * mm
		// cells of the next row joined to this one: no rule between them
		var joined [][2]float64
		nextOnPage := true
		if fs := c.form; fs != nil && fs.paged && i+1 < len(f.Rows) {
			nextOnPage = y+h+f.Rows[i+1].Height*mm <= fs.h-formMarginMM*mm*0.5+0.01
		}
		if i+1 < len(f.Rows) && nextOnPage {
			nx := x0 + (width-rowWidth(f.Rows[i+1]))/2
			for _, nc := range f.Rows[i+1].Cells {
				if nc.Join {
					joined = append(joined, [2]float64{nx, nc.Width * mm})
				}
				nx += nc.Width * mm
			}
		}
		pageTop := y <= formMarginMM*mm+0.01
		for _, cell := range row.Cells {
			w := cell.Width * mm
			if cell.Shade {
				c.add(&page.Box{X: x, Y: y, W: w, H: h, Fill: page.Color{R: 230, G: 230, B: 230}})
			}
			if !cell.NoBorder {
				topRule := !cell.Join || i == 0 || pageTop
				bottomRule := true
				for _, j := range joined {
					if math.Abs(j[0]-x) < 0.01 && math.Abs(j[1]-w) < 0.01 {
						bottomRule = false
					}
				}
				if topRule {
					c.add(&page.Rule{X1: x, Y1: y, X2: x + w, Y2: y, Width: 0.75, Color: page.Black})
				}
				if bottomRule {
					c.add(&page.Rule{X1: x, Y1: y + h, X2: x + w, Y2: y + h, Width: 0.75, Color: page.Black})
				}
				c.add(&page.Rule{X1: x, Y1: y, X2: x, Y2: y + h, Width: 0.75, Color: page.Black})
				c.add(&page.Rule{X1: x + w, Y1: y, X2: x + w, Y2: y + h, Width: 0.75, Color: page.Black})
			}
			if cell.Text != "" {
				size := cell.Size
				if size == 0 {
					size = doc.Size4
				}
				role := cell.Role
				if cell.Bold && role == doc.FangSong {
					role = doc.HeiTi
				}
				pad := 1.5 * mm
				s := c.shape(cell.Text, role, size, 0)
				lns := Break(s.items, w-2*pad, 0, 0)
				lh := size * 1.3
				if float64(len(lns))*lh > h+0.01 {
					return y, &FormFitError{Text: cell.Text}
				}
				for _, ln := range lns {
					if ln.Width > w-2*pad+0.5 {
						return y, &FormFitError{Text: cell.Text}
					}
				}
				align := cell.Align
				if align == doc.AlignDefault {
					align = doc.AlignCenter
				}
				ty := y + (h-float64(len(lns))*lh)/2
				for k := range lns {
					naturalize(&lns[k], s, align, w-2*pad)
					c.add(c.textLine(s, lns[k], x+pad, ty+float64(k)*lh+(lh-size)/2+0.88*size, page.Black)...)
				}
			}
			x += w
		}
		y += h
	}
	return y, nil
}

func rowWidth(row doc.FormRow) float64 {
	w := 0.0
	for _, cell := range row.Cells {
		w += cell.Width * mm
	}
	return w
}

// formInFlow places a form inside a 公文: centred, on a new page when it
// does not fit, text resuming on the next grid line.
func (c *composer) formInFlow(f *doc.Form) {
	h := 0.0
	for _, row := range f.Rows {
		h += row.Height * mm
	}
	c.snap()
	y := top + c.line*pitch
	if y+h > top+blockH && c.line > 0 {
		c.newPage()
		y = top
	}
	end, err := c.formGrid(f, left, y, blockW)
	if err != nil && c.formErr == nil {
		c.formErr = err
	}
	c.line = math.Ceil((end-top)/pitch - 1e-6)
	c.lastPara = nil
	if c.line >= lines {
		c.newPage()
	}
}
