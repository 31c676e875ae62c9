package layout

import (
	"math"

	"huanjie/generator/doc"
	"huanjie/generator/page"
)

// placed is one cell at its grid position.
type placed struct {
	cell       doc.Cell
	row, col   int
	rows, cols int
	header     bool
	s          *shaped
	lns        []Line
}

type tableGeom struct {
	size   float64
	lineH  float64
	padX   float64
	padY   float64
	colX   []float64 // left edge of each column (from the block's left), len cols+1
	aligns []doc.Align
}

// table sets a bordered table. Widths are scaled to the block; rows are
// never split; a row joined to the next by a merged cell moves with it;
// header rows repeat at the top of each page the table continues on.
func (c *composer) table(t *doc.Table) {
	size := t.Size
	if size == 0 {
		size = doc.Size4
	}
	g := &tableGeom{size: size, lineH: size * 1.35, padX: size * 0.3, padY: size * 0.3}
	ncol := len(t.Columns)
	if ncol == 0 {
		for _, row := range append(append([]doc.Row{}, t.Header...), t.Rows...) {
			n := 0
			for _, c := range row.Cells {
				n += max(c.ColSpan, 1)
			}
			ncol = max(ncol, n)
		}
		if ncol == 0 {
			return
		}
	}
	widths := make([]float64, ncol)
	g.aligns = make([]doc.Align, ncol)
	total := 0.0
	for i := range widths {
		w := 1.0
		if i < len(t.Columns) {
			if t.Columns[i].Width > 0 {
				w = t.Columns[i].Width
			}
			g.aligns[i] = t.Columns[i].Align
		}
		widths[i] = w
		total += w
	}
	g.colX = make([]float64, ncol+1)
	for i, w := range widths {
		g.colX[i+1] = g.colX[i] + w/total*blockW
	}

	head := c.placeCells(t.Header, ncol, true, g)
	body := c.placeCells(t.Rows, ncol, false, g)
	headH := rowHeights(head, len(t.Header), g)
	bodyH := rowHeights(body, len(t.Rows), g)

	sum := func(h []float64) float64 {
		s := 0.0
		for _, v := range h {
			s += v
		}
		return s
	}
	// units of rows that must stay together
	units := rowUnits(body, len(t.Rows))
	c.snap()
	// the caption, the header and the first body rows start the table on
	// the same page, or the table starts on the next
	need := sum(headH)
	if len(units) > 0 {
		need += sum(bodyH[units[0][0]:units[0][1]])
	}
	if t.Caption != "" {
		need += pitch
	}
	if c.line > 0 && top+c.line*pitch+need > top+blockH+0.01 {
		if !c.keepLeadIn(int(math.Ceil(need/pitch - 1e-6))) {
			c.newPage()
		}
	}
	if t.Caption != "" {
		c.centredLine(t.Caption, doc.HeiTi, BodySize, page.Black)
	}
	y := top + c.line*pitch
	bottom := top + blockH
	drawHead := func() {
		c.drawRows(head, headH, 0, len(t.Header), y, g)
		y += sum(headH)
	}
	drawHead()
	for _, u := range units {
		h := sum(bodyH[u[0]:u[1]])
		if y+h > bottom+0.01 && y > top+sum(headH)+0.01 {
			c.newPage()
			y = top
			drawHead()
		}
		c.drawRows(body, bodyH, u[0], u[1], y, g)
		y += h
	}
	c.line = math.Ceil((y-top)/pitch - 1e-6)
	c.lastPara = nil
	c.gap = 0
	if c.line >= lines {
		c.newPage()
	}
}

// placeCells resolves spans into positioned cells and breaks their text.
func (c *composer) placeCells(rows []doc.Row, ncol int, header bool, g *tableGeom) []placed {
	occupied := map[[2]int]bool{}
	var out []placed
	for ri, row := range rows {
		col := 0
		for _, cell := range row.Cells {
			for col < ncol && occupied[[2]int{ri, col}] {
				col++
			}
			if col >= ncol {
				break
			}
			cs, rs := max(cell.ColSpan, 1), max(cell.RowSpan, 1)
			cs = min(cs, ncol-col)
			rs = min(rs, len(rows)-ri)
			for dr := 0; dr < rs; dr++ {
				for dc := 0; dc < cs; dc++ {
					occupied[[2]int{ri + dr, col + dc}] = true
				}
			}
			p := placed{cell: cell, row: ri, col: col, rows: rs, cols: cs, header: header}
			role := doc.FangSong
			if header || cell.Bold {
				role = doc.HeiTi
			}
			w := g.colX[col+cs] - g.colX[col] - 2*g.padX
			align := cell.Align
			if align == doc.AlignDefault {
				align = g.aligns[col]
			}
			if align == doc.AlignDefault || header {
				align = doc.AlignCenter
			}
			p.cell.Align = align
			p.s = c.shape(cell.Text, role, g.size, 0)
			p.lns = Break(p.s.items, w, 0, 0)
			for k := range p.lns {
				naturalize(&p.lns[k], p.s, align, w)
			}
			out = append(out, p)
			col += cs
		}
	}
	return out
}

// rowHeights gives each row the height of its tallest single-row cell;
// merged cells that need more grow their last row.
func rowHeights(cells []placed, n int, g *tableGeom) []float64 {
	h := make([]float64, n)
	minH := math.Max(pitch, g.lineH+2*g.padY)
	for i := range h {
		h[i] = minH
	}
	need := func(p placed) float64 { return float64(max(len(p.lns), 1))*g.lineH + 2*g.padY }
	for _, p := range cells {
		if p.rows == 1 {
			h[p.row] = math.Max(h[p.row], need(p))
		}
	}
	for _, p := range cells {
		if p.rows > 1 {
			have := 0.0
			for i := p.row; i < p.row+p.rows; i++ {
				have += h[i]
			}
			if nd := need(p); nd > have {
				h[p.row+p.rows-1] += nd - have
			}
		}
	}
	return h
}

// rowUnits groups rows joined by merged cells: [from, to) ranges.
func rowUnits(cells []placed, n int) [][2]int {
	reach := make([]int, n)
	for i := range reach {
		reach[i] = i + 1
	}
	for _, p := range cells {
		if e := p.row + p.rows; e > reach[p.row] {
			reach[p.row] = e
		}
	}
	var out [][2]int
	for i := 0; i < n; {
		end := reach[i]
		for j := i; j < end; j++ {
			end = max(end, reach[j])
		}
		out = append(out, [2]int{i, end})
		i = end
	}
	return out
}

// drawRows draws the cells starting in rows [from, to) with the top of row
// from at y.
func (c *composer) drawRows(cells []placed, h []float64, from, to int, y float64, g *tableGeom) {
	rowY := make([]float64, len(h)+1)
	rowY[from] = y
	for i := from; i < len(h); i++ {
		rowY[i+1] = rowY[i] + h[i]
	}
	bw := 0.75
	for _, p := range cells {
		if p.row < from || p.row >= to {
			continue
		}
		x0 := left + g.colX[p.col]
		x1 := left + g.colX[p.col+p.cols]
		y0 := rowY[p.row]
		y1 := rowY[p.row+p.rows]
		for _, l := range [][4]float64{{x0, y0, x1, y0}, {x0, y1, x1, y1}, {x0, y0, x0, y1}, {x1, y0, x1, y1}} {
			c.add(&page.Rule{X1: l[0], Y1: l[1], X2: l[2], Y2: l[3], Width: bw, Color: page.Black})
		}
		n := float64(len(p.lns))
		ty := y0 + (y1-y0-n*g.lineH)/2
		for k, ln := range p.lns {
			by := ty + float64(k)*g.lineH + (g.lineH-g.size)/2 + 0.88*g.size
			c.add(c.textLine(p.s, ln, x0+g.padX, by, page.Black)...)
		}
	}
}
