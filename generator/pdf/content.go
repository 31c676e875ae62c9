package pdf

import (
	"math"
	"strconv"

	"huanjie/generator/page"
)

// content builds one content stream (a page's or a form's) from page
// items. PDF's y axis points up: a model y becomes height − y.
type content struct {
	b      []byte
	height float64
	fonts  []*embedded  // by page.Document font index
	forms  []*page.Form // by page.Document form index
	gs     func(opacity float64) string

	// graphics state as last set; reset per stream
	fill, stroke       page.Color
	fillSet, strokeSet bool
	lineW              float64
	dashed             bool
	tc                 float64 // character spacing
}

// reset starts a new stream of the given height.
func (c *content) reset(height float64) {
	*c = content{b: c.b[:0], height: height, fonts: c.fonts, forms: c.forms, gs: c.gs, lineW: 1}
}

func (c *content) op(s string) { c.b = append(c.b, s...) }

func (c *content) nums(vs ...float64) {
	for _, v := range vs {
		c.b = num(c.b, v)
		c.b = append(c.b, ' ')
	}
}

func (c *content) color(col page.Color, stroke bool) {
	if stroke {
		if c.strokeSet && c.stroke == col {
			return
		}
		c.stroke, c.strokeSet = col, true
	} else {
		if c.fillSet && c.fill == col {
			return
		}
		c.fill, c.fillSet = col, true
	}
	c.nums(float64(col.R)/255, float64(col.G)/255, float64(col.B)/255)
	if stroke {
		c.op("RG\n")
	} else {
		c.op("rg\n")
	}
}

func (c *content) items(items []page.Item) {
	for _, it := range items {
		switch it := it.(type) {
		case *page.Text:
			c.text(it)
		case *page.Rule:
			c.rule(it)
		case *page.Box:
			c.box(it)
		case *page.Use:
			c.use(it)
		}
	}
}

func (c *content) rule(r *page.Rule) {
	c.color(r.Color, true)
	if r.Width != c.lineW {
		c.nums(r.Width)
		c.op("w\n")
		c.lineW = r.Width
	}
	if len(r.Dash) > 0 {
		c.op("[")
		for i, v := range r.Dash {
			if i > 0 {
				c.op(" ")
			}
			c.b = num(c.b, v)
		}
		c.op("] 0 d\n")
		c.dashed = true
	} else if c.dashed {
		c.op("[] 0 d\n")
		c.dashed = false
	}
	c.nums(r.X1, c.height-r.Y1)
	c.op("m ")
	c.nums(r.X2, c.height-r.Y2)
	c.op("l S\n")
}

func (c *content) box(b *page.Box) {
	c.color(b.Fill, false)
	c.nums(b.X, c.height-b.Y-b.H, b.W, b.H)
	c.op("re f\n")
}

func (c *content) use(u *page.Use) {
	c.op("q 1 0 0 1 ")
	c.nums(u.X, c.height-u.Y-c.forms[u.Form].Height)
	c.op("cm /X")
	c.b = strconv.AppendInt(c.b, int64(u.Form), 10)
	c.op(" Do Q\n")
}

// text writes a run. Each glyph's advance is its natural width plus the
// character spacing (Tc) in force when it is shown, so the writer sets Tc
// to what the model's advance asks for: justification and squeezed
// punctuation become spacing, never overlapping glyphs, and text
// extraction sees each glyph's box end where the next begins.
func (c *content) text(t *page.Text) {
	f := c.fonts[t.Font]
	if f == nil || len(t.Glyphs) == 0 {
		return
	}
	wrapped := t.Opacity > 0 && t.Opacity < 1
	if wrapped {
		c.op("q /")
		c.op(c.gs(t.Opacity))
		c.op(" gs\n")
	}
	c.color(t.Color, false)
	c.op("BT /F")
	c.b = strconv.AppendInt(c.b, int64(t.Font), 10)
	c.op(" ")
	c.nums(t.Size)
	c.op("Tf ")
	if t.Invisible {
		c.op("3 Tr ")
	}
	y := c.height - t.Y
	if t.Angle != 0 {
		sin, cos := math.Sincos(t.Angle * math.Pi / 180)
		c.nums(cos, sin, -sin, cos, t.X, y)
	} else {
		c.op("1 0 0 1 ")
		c.nums(t.X, y)
	}
	c.op("Tm\n")
	// Invisible text (the underscores of a fill-in blank under its rule)
	// is scaled to its width, so its glyphs' boxes meet and extraction
	// reads one word.
	th := 1.0
	if t.Invisible {
		natural := 0.0
		for _, g := range t.Glyphs {
			_, w := f.glyph(g, t.Size)
			natural += w * t.Size / 1000
		}
		if natural > 0 && math.Abs(t.Width()/natural-1) > 0.001 {
			th = t.Width() / natural
			c.nums(100 * th)
			c.op("Tz ")
		}
	}
	// pos is where the writer has put the next glyph (rounded as written),
	// want where the model puts it
	pos, want, tc := 0.0, 0.0, c.tc
	open := false
	for _, g := range t.Glyphs {
		cid, w := f.glyph(g, t.Size)
		nat := w * t.Size / 1000 * th
		want += g.Advance
		need := math.Round((want-pos-nat)/th*1000) / 1000
		if math.Abs(need-tc) >= 0.001 {
			if open {
				c.op("> Tj ")
				open = false
			}
			c.nums(need)
			c.op("Tc ")
			tc = need
		}
		if !open {
			c.op("<")
			open = true
		}
		c.b = appendHex4(c.b, cid)
		pos += nat + tc*th
	}
	c.op("> Tj")
	if th != 1 {
		c.op(" 100 Tz")
	}
	if t.Invisible {
		c.op(" 0 Tr")
	}
	c.op(" ET\n")
	if wrapped {
		// Q restores the state of before q
		c.op("Q\n")
		c.fillSet, c.strokeSet = false, false
	} else {
		c.tc = tc
	}
}

func appendHex4(b []byte, v uint16) []byte {
	const hex = "0123456789ABCDEF"
	return append(b, hex[v>>12], hex[v>>8&15], hex[v>>4&15], hex[v&15])
}
