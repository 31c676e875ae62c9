package pdf

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"huanjie/generator/doc"
	"huanjie/generator/layout"
)

// formSheet is one copy of a LayoutForm document, drawn once into an fpdf
// template and placed PerSheet times per sheet. A form that gives no number
// of copies and goes one to a sheet (a counting form) is "paged" instead: it
// is drawn straight onto its pages and may run over several, its first row
// of shaded cells repeated. A ballot always gives its copies: it must fit
// one sheet (or its share of one), or the renderer refuses.
type formSheet struct {
	w, h   float64 // size of one copy in points
	tplOps []op
	paged  bool
	pw, ph float64 // sheet size in points
	tint   [3]int
	tinted bool
}

const formMarginMM = 10.0

// manySheets is the sheet count above which a form is written without
// compression (see makeTemplate).
const manySheets = 200

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
func (r *renderer) flowForm(d *doc.Document) error {
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
	r.form = fs
	fs.tint, fs.tinted = parseTint(d.Sheet.Tint)
	// lay out one copy into a scratch page, then take its ops
	r.cur = &page{width: pw, height: ph}
	if fs.tinted {
		r.add(rectOp{x: 0, y: 0, w: cw, h: ch, fill: fs.tint})
	}
	m := formMarginMM * mm
	y := m
	inner := cw - 2*m
	for _, b := range d.Blocks {
		var err error
		y, err = r.formBlock(b, m, y, inner)
		if err != nil {
			return err
		}
	}
	if !fs.paged && y > ch-m*0.5+0.01 {
		return &SheetOverflowError{NeedMM: (y + m) / mm, HaveMM: ch / mm, PerSheet: per}
	}
	if fs.paged {
		r.pages = append(r.pages, r.cur)
		if d.Draft {
			for _, p := range r.pages {
				p.ops = append(p.ops, draftOp{})
			}
			r.shape("草稿", doc.HeiTi, 100, 0)
		}
		return nil
	}
	fs.tplOps = r.cur.ops
	sheets := (copies + per - 1) / per
	left := copies
	for s := 0; s < sheets; s++ {
		p := &page{width: pw, height: ph}
		n := min(per, left)
		left -= n
		for k := 0; k < n; k++ {
			p.ops = append(p.ops, tplOp{x: pos[k][0], y: pos[k][1], scale: 1})
		}
		if per > 1 {
			// cut marks: dashed lines between the copies, over the whole
			// sheet, so the cutter sees them even beside an empty slot
			grey := [3]int{120, 120, 120}
			p.ops = append(p.ops, lineOp{x1: 0, y1: ch, x2: pw, y2: ch, w: 0.3, color: grey, dash: true})
			if per == 4 {
				p.ops = append(p.ops, lineOp{x1: cw, y1: 0, x2: cw, y2: ph, w: 0.3, color: grey, dash: true})
			}
		}
		if d.Draft {
			p.ops = append(p.ops, draftOp{})
		}
		r.pages = append(r.pages, p)
	}
	if d.Draft {
		r.shape("草稿", doc.HeiTi, 100, 0)
	}
	return nil
}

// formNewPage ends the current page of a paged form and starts the next;
// it returns the y of the first line.
func (r *renderer) formNewPage() float64 {
	fs := r.form
	r.pages = append(r.pages, r.cur)
	r.cur = &page{width: fs.pw, height: fs.ph}
	if fs.tinted {
		r.add(rectOp{x: 0, y: 0, w: fs.w, h: fs.h, fill: fs.tint})
	}
	return formMarginMM * mm
}

// formRoom makes room for h points at y on a paged form, starting a new
// page when needed, and returns the y to draw at.
func (r *renderer) formRoom(y, h float64) float64 {
	fs := r.form
	if fs == nil || !fs.paged {
		return y
	}
	m := formMarginMM * mm
	if y+h > fs.h-m*0.5+0.01 && y > m+0.01 {
		return r.formNewPage()
	}
	return y
}

func parseTint(s string) ([3]int, bool) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(s) != 6 {
		return [3]int{}, false
	}
	var c [3]int
	for i := 0; i < 3; i++ {
		v, err := strconv.ParseUint(s[2*i:2*i+2], 16, 8)
		if err != nil {
			return [3]int{}, false
		}
		c[i] = int(v)
	}
	return c, true
}

// formBlock places one block of a form copy at y (points from the copy's
// top) within [x0, x0+width] and returns the y below it.
func (r *renderer) formBlock(b doc.Block, x0, y, width float64) (float64, error) {
	switch b := b.(type) {
	case doc.Title:
		size := doc.Size2
		if r.form != nil && r.form.w < 150*mm {
			size = 18
		}
		rows := layout.WrapTitle(b.Phrases, int(width/size))
		y = r.formRoom(y, float64(len(rows))*size*1.5+size*3)
		for _, row := range rows {
			y = r.freeLine(strings.Join(row, ""), doc.XiaoBiaoSong, size, doc.AlignCenter, x0, y, width, 0, 0)
		}
		return y + size*0.5, nil
	case *doc.Title:
		return r.formBlock(*b, x0, y, width)
	case doc.Paragraph:
		size := b.Size
		if size == 0 {
			size = doc.Size12
		}
		ind := 2 * size
		if b.NoIndent || b.Align == doc.AlignCenter || b.Align == doc.AlignRight {
			ind = 0
		}
		y = r.formRoom(y, size*3)
		return r.freeLine(b.Text, b.Role, size, b.Align, x0, y, width, ind, 0), nil
	case *doc.Paragraph:
		return r.formBlock(*b, x0, y, width)
	case doc.Heading:
		y = r.formRoom(y, doc.Size4*4)
		return r.freeLine(b.Text, doc.HeiTi, doc.Size4, doc.AlignLeft, x0, y, width, 0, 0), nil
	case doc.Note:
		return r.freeLine(b.Text, doc.FangSong, doc.Size12, doc.AlignLeft, x0, y, width, 0, 0), nil
	case doc.Signature:
		y = r.freeLine(b.Organ, doc.FangSong, doc.Size4, doc.AlignRight, x0, y, width, 0, 0)
		return r.freeLine(b.Date, doc.FangSong, doc.Size4, doc.AlignRight, x0, y, width, 0, 0), nil
	case doc.PageBreak, *doc.PageBreak:
		if r.form != nil && r.form.paged && y > formMarginMM*mm+0.01 {
			return r.formNewPage(), nil
		}
		return y, nil
	case doc.Spacer:
		return y + b.Lines*mm, nil
	case *doc.Spacer:
		return y + b.Lines*mm, nil
	case doc.Form:
		return r.formGrid(&b, x0, y, width)
	case *doc.Form:
		return r.formGrid(b, x0, y, width)
	}
	return y, nil
}

// freeLine sets text off the grid, lines 1.4 × size apart, and returns the
// y below it.
func (r *renderer) freeLine(text string, role doc.Role, size float64, align doc.Align, x0, y, width, first, rest float64) float64 {
	if text == "" {
		return y
	}
	s := r.shape(text, role, size, 0)
	lns := layout.Break(s.items, width, first, rest)
	lh := size * 1.4
	for _, ln := range lns {
		if align == doc.AlignCenter || align == doc.AlignRight || align == doc.AlignLeft {
			naturalize(&ln, s, align, width)
		}
		r.add(textOp{y: y + (lh-size)/2 + 0.88*size, runs: r.runs(s, ln, x0), color: black})
		y += lh
	}
	return y
}

// formGrid draws fixed-size cells. Text never shrinks below its size: a
// cell too small for its text is an error.
func (r *renderer) formGrid(f *doc.Form, x0, y, width float64) (float64, error) {
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
		if r.form != nil && r.form.paged {
			if ny := r.formRoom(y, row.Height*mm); ny != y {
				y = ny
				if header != nil && i > 0 {
					var err error
					if y, err = r.formGrid(&doc.Form{Rows: []doc.FormRow{*header}}, x0, y, width); err != nil {
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
		if fs := r.form; fs != nil && fs.paged && i+1 < len(f.Rows) {
			nextOnPage = y+h+f.Rows[i+1].Height*mm <= fs.h-formMarginMM*mm*0.5+0.01
		}
		if i+1 < len(f.Rows) && nextOnPage {
			nx := x0 + (width-rowWidth(f.Rows[i+1]))/2
			for _, c := range f.Rows[i+1].Cells {
				if c.Join {
					joined = append(joined, [2]float64{nx, c.Width * mm})
				}
				nx += c.Width * mm
			}
		}
		pageTop := y <= formMarginMM*mm+0.01
		for _, c := range row.Cells {
			w := c.Width * mm
			if c.Shade {
				r.add(rectOp{x: x, y: y, w: w, h: h, fill: [3]int{230, 230, 230}})
			}
			if !c.NoBorder {
				topRule := !c.Join || i == 0 || pageTop
				bottomRule := true
				for _, j := range joined {
					if math.Abs(j[0]-x) < 0.01 && math.Abs(j[1]-w) < 0.01 {
						bottomRule = false
					}
				}
				if topRule {
					r.add(lineOp{x1: x, y1: y, x2: x + w, y2: y, w: 0.75, color: black})
				}
				if bottomRule {
					r.add(lineOp{x1: x, y1: y + h, x2: x + w, y2: y + h, w: 0.75, color: black})
				}
				r.add(lineOp{x1: x, y1: y, x2: x, y2: y + h, w: 0.75, color: black})
				r.add(lineOp{x1: x + w, y1: y, x2: x + w, y2: y + h, w: 0.75, color: black})
			}
			if c.Text != "" {
				size := c.Size
				if size == 0 {
					size = doc.Size4
				}
				role := c.Role
				if c.Bold && role == doc.FangSong {
					role = doc.HeiTi
				}
				pad := 1.5 * mm
				s := r.shape(c.Text, role, size, 0)
				lns := layout.Break(s.items, w-2*pad, 0, 0)
				lh := size * 1.3
				if float64(len(lns))*lh > h+0.01 {
					return y, &FormFitError{Text: c.Text}
				}
				for _, ln := range lns {
					if ln.Width > w-2*pad+0.5 {
						return y, &FormFitError{Text: c.Text}
					}
				}
				align := c.Align
				if align == doc.AlignDefault {
					align = doc.AlignCenter
				}
				ty := y + (h-float64(len(lns))*lh)/2
				for k := range lns {
					naturalize(&lns[k], s, align, w-2*pad)
					r.add(textOp{y: ty + float64(k)*lh + (lh-size)/2 + 0.88*size, runs: r.runs(s, lns[k], x+pad), color: black})
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
	for _, c := range row.Cells {
		w += c.Width * mm
	}
	return w
}

// formInFlow places a form inside a 公文: centred, on a new page when it
// does not fit, text resuming on the next grid line.
func (r *renderer) formInFlow(f *doc.Form) {
	h := 0.0
	for _, row := range f.Rows {
		h += row.Height * mm
	}
	r.snap()
	y := top + r.line*pitch
	if y+h > top+blockH && r.line > 0 {
		r.newPage()
		y = top
	}
	end, err := r.formGrid(f, left, y, blockW)
	if err != nil && r.formErr == nil {
		r.formErr = err
	}
	r.line = math.Ceil((end-top)/pitch - 1e-6)
	r.lastPara = nil
	if r.line >= lines {
		r.newPage()
	}
}

// makeTemplate draws the form copy once as an fpdf template.
func (r *renderer) makeTemplate(pdf *fpdf.Fpdf, fam []string) fpdf.Template {
	fs := r.form
	if len(r.pages) > manySheets {
		// fpdf compresses each page with a new 1 MB flate writer: for
		// thousands of sheets that is gigabytes of garbage and most of the
		// time, while a sheet's content (place the template, draw the cut
		// marks) is a few dozen bytes that compression hardly shrinks.
		pdf.SetCompression(false)
	}
	return pdf.CreateTemplateCustom(fpdf.PointType{X: 0, Y: 0}, fpdf.SizeType{Wd: fs.w, Ht: fs.h}, func(t *fpdf.Tpl) {
		st := &drawState{}
		t.SetLineCapStyle("butt")
		for _, o := range fs.tplOps {
			switch o := o.(type) {
			case textOp:
				drawText(t, fam, st, o)
			case lineOp:
				drawLine(t, o)
			case rectOp:
				drawRect(t, o)
			}
		}
	})
}
