package layout

import (
	"math"
	"strconv"
	"strings"

	"huanjie/generator/doc"
	"huanjie/generator/page"
)

// The 版记, page numbers and the 草稿 stamp.

func (c *composer) imprint(im *doc.Imprint) {
	size := doc.Size4
	inset := size // one character of 4号
	var ccS *shaped
	var ccL []Line
	if len(im.CC) > 0 {
		label := "抄送："
		text := label + strings.Join(im.CC, "，") + "。"
		lw := c.textWidth(label, doc.FangSong, size)
		ccS, ccL = c.breakText(text, style{role: doc.FangSong, size: size,
			firstIndent: inset, restIndent: inset + lw, width: blockW - inset})
	}
	k := len(ccL)
	if im.Printer != "" || im.PrintDate != "" {
		k++
	}
	if k == 0 {
		return
	}
	c.snap()
	n := len(c.pages)
	fits := c.line+float64(k) <= lines
	if n%2 == 0 && fits {
		// the last page is even and has room
	} else if n%2 == 1 {
		c.newPage()
	} else {
		c.newPage()
		c.cur.noNumber = true
		c.newPage()
		c.cur.noNumber = true
	}
	first := float64(lines - k)
	thick, thin := 0.35*mm, 0.25*mm
	ruleAt := func(line float64, w float64) {
		y := top + line*pitch
		c.add(&page.Rule{X1: left, Y1: y, X2: left + blockW, Y2: y, Width: w, Color: page.Black})
	}
	ruleAt(first, thick)
	i := first
	for _, ln := range ccL {
		c.emit(ccS, ln, left, i, page.Black)
		i++
	}
	if im.Printer != "" || im.PrintDate != "" {
		if len(ccL) > 0 {
			ruleAt(i, thin)
		}
		if im.Printer != "" {
			s, ln := c.single(im.Printer, doc.FangSong, size, inset, doc.AlignLeft)
			c.emit(s, ln, left, i, page.Black)
		}
		if im.PrintDate != "" {
			s, ln := c.single(im.PrintDate+"印发", doc.FangSong, size, inset, doc.AlignRight)
			c.emit(s, ln, left, i, page.Black)
		}
	}
	ruleAt(lines, thick)
	c.line = lines
}

// number puts "— N —" on every page that carries a number: 4号 宋体, its dash
// line 7 mm below the block, odd pages right and even pages left, one
// character in.
func (c *composer) number() {
	size := doc.Size4
	for i, p := range c.pages {
		n := i + 1
		if p.noNumber {
			continue
		}
		align := doc.AlignLeft
		if n%2 == 1 {
			align = doc.AlignRight
		}
		s, ln := c.single("— "+strconv.Itoa(n)+" —", doc.SongTi, size, size, align)
		// the em dash sits about 0.3 em above the baseline
		y := top + blockH + PageNumberGapMM*mm + 0.3*size
		p.Items = append(p.Items, c.textLine(s, ln, left, y, page.Black)...)
	}
}

// draft stamps a large, light, red 草稿 across every page, rotated 35°
// about the page's centre.
func (c *composer) draft() {
	const size, angle = 120.0, 35.0
	s := c.shape("草稿", doc.HeiTi, size, 0)
	ln := Line{Start: 0, End: len(s.items), Last: true, X: []float64{0, size}}
	sin, cos := math.Sincos(angle * math.Pi / 180)
	for _, p := range c.pages {
		cx, cy := p.Width/2, p.Height/2
		// the baseline's left end, 120 pt left of and 42 pt below the centre
		// before the rotation (y grows downwards)
		dx, dy := -120.0, 42.0
		x, y := cx+dx*cos+dy*sin, cy-dx*sin+dy*cos
		for _, it := range c.textLine(s, ln, x, y, page.Color{R: 200}) {
			if t, ok := it.(*page.Text); ok {
				t.Angle, t.Opacity = angle, 0.18
				p.Items = append(p.Items, t)
			}
		}
	}
}
