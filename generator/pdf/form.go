package pdf

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"huanjie/generator/doc"
	"huanjie/generator/layout"
)

// formSheet is one copy of a LayoutForm document, drawn once into an fpdf
// template and placed PerSheet times per sheet.
type formSheet struct {
	w, h   float64 // size of one copy in points
	tplOps []op
}

const formMarginMM = 10.0

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
	fs := &formSheet{w: cw, h: ch}
	r.form = fs
	// lay out one copy into a scratch page, then take its ops
	r.cur = &page{}
	if tint, ok := parseTint(d.Sheet.Tint); ok {
		r.add(rectOp{x: 0, y: 0, w: cw, h: ch, fill: tint})
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
	if y > ch-m*0.5+0.01 {
		return errors.New("选票（表单）内容超出纸张：请减少内容、改用更大的纸张或每张纸印更少份数")
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
			// cut marks: dashed lines between the copies
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
		return r.freeLine(b.Text, b.Role, size, b.Align, x0, y, width, ind, 0), nil
	case *doc.Paragraph:
		return r.formBlock(*b, x0, y, width)
	case doc.Heading:
		return r.freeLine(b.Text, doc.HeiTi, doc.Size4, doc.AlignLeft, x0, y, width, 0, 0), nil
	case doc.Note:
		return r.freeLine(b.Text, doc.FangSong, doc.Size12, doc.AlignLeft, x0, y, width, 0, 0), nil
	case doc.Signature:
		y = r.freeLine(b.Organ, doc.FangSong, doc.Size4, doc.AlignRight, x0, y, width, 0, 0)
		return r.freeLine(b.Date, doc.FangSong, doc.Size4, doc.AlignRight, x0, y, width, 0, 0), nil
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

// freeLine sets text off the grid, lines 1.5 × size apart, and returns the
// y below it.
func (r *renderer) freeLine(text string, role doc.Role, size float64, align doc.Align, x0, y, width, first, rest float64) float64 {
	if text == "" {
		return y
	}
	s := r.shape(text, role, size, 0)
	lns := layout.Break(s.items, width, first, rest)
	lh := size * 1.5
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
	for _, row := range f.Rows {
		rw := 0.0
		for _, c := range row.Cells {
			rw += c.Width * mm
		}
		if rw > width+0.01 {
			return y, fmt.Errorf("表格一行宽 %.0f 毫米，超出可用宽度 %.0f 毫米：请减小单元格宽度或每张纸印更少份数", rw/mm, width/mm)
		}
		x := x0 + (width-rw)/2
		h := row.Height * mm
		for _, c := range row.Cells {
			w := c.Width * mm
			if c.Shade {
				r.add(rectOp{x: x, y: y, w: w, h: h, fill: [3]int{230, 230, 230}})
			}
			if !c.NoBorder {
				for _, l := range [][4]float64{{x, y, x + w, y}, {x, y + h, x + w, y + h}, {x, y, x, y + h}, {x + w, y, x + w, y + h}} {
					r.add(lineOp{x1: l[0], y1: l[1], x2: l[2], y2: l[3], w: 0.75, color: black})
				}
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
