package ofd

import (
	"bytes"
	"encoding/xml"
	"math"
	"strconv"
	"unicode/utf8"

	"huanjie/generator/page"
)

// content writes the objects of a page or template page. OFD's units are
// millimetres with the origin at the top-left and y downwards, as in the
// page model; each object's coordinates are relative to its Boundary.
type content struct {
	fonts []*font      // by page.Document font index
	forms []*page.Form // by page.Document form index
	ids   *counter
	esc   bytes.Buffer
}

// layer writes items as the page's one layer of content.
func (c *content) layer(b []byte, items []page.Item) []byte {
	b = append(b, `<ofd:Content><ofd:Layer ID="`...)
	b = strconv.AppendInt(b, int64(c.ids.next()), 10)
	b = append(b, `">`...)
	b = c.items(b, items, 0, 0)
	return append(b, "</ofd:Layer></ofd:Content>"...)
}

// items writes items moved by (dx, dy) points. A use of a form draws the
// form's items in its place.
func (c *content) items(b []byte, items []page.Item, dx, dy float64) []byte {
	for _, it := range items {
		switch it := it.(type) {
		case *page.Text:
			b = c.text(b, it, dx, dy)
		case *page.Rule:
			b = c.rule(b, it, dx, dy)
		case *page.Box:
			b = c.box(b, it, dx, dy)
		case *page.Use:
			b = c.items(b, c.forms[it.Form].Items, dx+it.X, dy+it.Y)
		}
	}
	return b
}

// object starts an object element with its ID and Boundary (in points,
// written in mm).
func (c *content) object(b []byte, name string, x, y, w, h float64) []byte {
	b = append(b, "<ofd:"+name+` ID="`...)
	b = strconv.AppendInt(b, int64(c.ids.next()), 10)
	b = append(b, `" Boundary="`...)
	return box4(b, x, y, w, h)
}

func box4(b []byte, x, y, w, h float64) []byte {
	b = mm(b, x)
	b = append(b, ' ')
	b = mm(b, y)
	b = append(b, ' ')
	b = mm(b, w)
	b = append(b, ' ')
	b = mm(b, h)
	return append(b, '"')
}

// color writes a colour element; alpha < 255 is written.
func color(b []byte, name string, col page.Color, alpha int) []byte {
	b = append(b, "<ofd:"+name+` Value="`...)
	b = strconv.AppendInt(b, int64(col.R), 10)
	b = append(b, ' ')
	b = strconv.AppendInt(b, int64(col.G), 10)
	b = append(b, ' ')
	b = strconv.AppendInt(b, int64(col.B), 10)
	b = append(b, '"')
	if alpha < 255 {
		b = append(b, ` Alpha="`...)
		b = strconv.AppendInt(b, int64(alpha), 10)
		b = append(b, '"')
	}
	return append(b, "/>"...)
}

// text writes a run as one TextObject with one TextCode: the characters
// in Unicode, X/Y the first glyph's drawn position on the baseline and
// DeltaX the steps between drawn positions. A squeezed mark is drawn with
// its own glyph Shift points left of its origin (page.Glyph), so a step is
// (origin₂ − Shift₂) − (origin₁ − Shift₁). A glyph the face's character
// map does not give for its text gets a CGTransform; a glyph that stands
// for no character cannot be written as text and is left out.
func (c *content) text(b []byte, t *page.Text, dx, dy float64) []byte {
	f := c.fonts[t.Font]
	if f == nil || len(t.Glyphs) == 0 {
		return b
	}
	s := t.Size
	// The Boundary is the run's box with room for ascenders, descenders
	// and a squeezed mark's shift: objects are clipped to it.
	ox, oy := t.X+dx, t.Y+dy
	bx, by, bw, bh := ox-s/2, oy-1.25*s, t.Width()+s, 1.75*s
	var ctm []float64
	if t.Angle != 0 {
		sin, cos := math.Sincos(t.Angle * math.Pi / 180)
		// counter-clockwise on the page (y down): x' = x cos + y sin, y' = −x sin + y cos
		ctm = []float64{cos, -sin, sin, cos}
		minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
		for _, p := range [][2]float64{{bx - ox, by - oy}, {bx + bw - ox, by - oy}, {bx - ox, by + bh - oy}, {bx + bw - ox, by + bh - oy}} {
			x, y := p[0]*cos+p[1]*sin, -p[0]*sin+p[1]*cos
			minX, minY, maxX, maxY = math.Min(minX, x), math.Min(minY, y), math.Max(maxX, x), math.Max(maxY, y)
		}
		bx, by, bw, bh = ox+minX, oy+minY, maxX-minX, maxY-minY
	}
	b = c.object(b, "TextObject", bx, by, bw, bh)
	b = append(b, ` Font="`...)
	b = strconv.AppendInt(b, int64(f.id), 10)
	b = append(b, `" Size="`...)
	b = mm(b, s)
	b = append(b, '"')
	alpha := 255
	if t.Opacity > 0 && t.Opacity < 1 {
		alpha = int(math.Round(t.Opacity * 255))
	}
	if t.Invisible {
		// not painted, still text; the transparent fill is for readers
		// that paint text whatever Fill says
		b = append(b, ` Fill="false"`...)
		alpha = 0
	}
	if ctm != nil {
		// the run is drawn about its origin, which sits at (ox, oy)
		b = append(b, ` CTM="`...)
		for _, v := range ctm {
			b = num(b, v)
			b = append(b, ' ')
		}
		b = mm(b, ox-bx)
		b = append(b, ' ')
		b = mm(b, oy-by)
		b = append(b, '"')
	}
	b = append(b, '>')
	b = color(b, "FillColor", t.Color, alpha)

	// the characters, the drawn positions (µm, as written) and the glyphs
	// the character map does not give
	c.esc.Reset()
	var deltas []int64 // µm between successive character codes
	var cg []byte
	origin, first, prev, codes := 0.0, int64(0), int64(0), 0
	for _, g := range t.Glyphs {
		pos := um(origin - g.Shift)
		origin += g.Advance
		if g.Text == "" {
			continue
		}
		if codes == 0 {
			first = pos
		} else {
			deltas = append(deltas, pos-prev)
		}
		prev = pos
		n := utf8.RuneCountInString(g.Text)
		r, _ := utf8.DecodeRuneInString(g.Text)
		if id, ok := f.g.Glyph(r); n != 1 || !ok || id != g.ID {
			cg = append(cg, `<ofd:CGTransform CodePosition="`...)
			cg = strconv.AppendInt(cg, int64(codes), 10)
			cg = append(cg, `" CodeCount="`...)
			cg = strconv.AppendInt(cg, int64(n), 10)
			cg = append(cg, `" GlyphCount="1"><ofd:Glyphs>`...)
			cg = strconv.AppendInt(cg, int64(f.sub.IDs[g.ID]), 10)
			cg = append(cg, "</ofd:Glyphs></ofd:CGTransform>"...)
		}
		for k := 1; k < n; k++ {
			deltas = append(deltas, 0) // the other characters of one glyph
		}
		codes += n
		escape(&c.esc, g.Text)
	}
	b = append(b, cg...)
	// X, Y relative to the Boundary; under a CTM the run's origin is the
	// object space's origin
	x, y := first, int64(0)
	if ctm == nil {
		x += um(ox - bx)
		y = um(oy - by)
	}
	b = append(b, `<ofd:TextCode X="`...)
	b = micro(b, x)
	b = append(b, `" Y="`...)
	b = micro(b, y)
	b = append(b, '"')
	if len(deltas) > 0 {
		b = append(b, ` DeltaX="`...)
		b = deltaList(b, deltas)
		b = append(b, '"')
	}
	b = append(b, '>')
	b = append(b, c.esc.Bytes()...)
	return append(b, "</ofd:TextCode></ofd:TextObject>"...)
}

// deltaList writes steps in mm, a run of three or more equal steps as
// "g N step" (GB/T 33190 8.3 DeltaX).
func deltaList(b []byte, ds []int64) []byte {
	for i := 0; i < len(ds); {
		j := i + 1
		for j < len(ds) && ds[j] == ds[i] {
			j++
		}
		if i > 0 {
			b = append(b, ' ')
		}
		if j-i >= 3 {
			b = append(b, "g "...)
			b = strconv.AppendInt(b, int64(j-i), 10)
			b = append(b, ' ')
			b = micro(b, ds[i])
			i = j
			continue
		}
		b = micro(b, ds[i])
		i++
	}
	return b
}

// rule writes a line as a stroked path with butt caps (OFD's default cap).
func (c *content) rule(b []byte, r *page.Rule, dx, dy float64) []byte {
	hw := r.Width / 2
	x1, y1, x2, y2 := r.X1+dx, r.Y1+dy, r.X2+dx, r.Y2+dy
	bx, by := math.Min(x1, x2)-hw, math.Min(y1, y2)-hw
	b = c.object(b, "PathObject", bx, by, math.Abs(x2-x1)+r.Width, math.Abs(y2-y1)+r.Width)
	b = append(b, ` LineWidth="`...)
	b = mm(b, r.Width)
	b = append(b, '"')
	if len(r.Dash) > 0 {
		b = append(b, ` DashPattern="`...)
		for i, v := range r.Dash {
			if i > 0 {
				b = append(b, ' ')
			}
			b = mm(b, v)
		}
		b = append(b, '"')
	}
	b = append(b, '>')
	b = color(b, "StrokeColor", r.Color, 255)
	b = append(b, "<ofd:AbbreviatedData>M "...)
	b = point(b, x1-bx, y1-by)
	b = append(b, " L "...)
	b = point(b, x2-bx, y2-by)
	return append(b, "</ofd:AbbreviatedData></ofd:PathObject>"...)
}

// box writes a rectangle as a filled, unstroked path.
func (c *content) box(b []byte, r *page.Box, dx, dy float64) []byte {
	b = c.object(b, "PathObject", r.X+dx, r.Y+dy, r.W, r.H)
	b = append(b, ` Stroke="false" Fill="true">`...)
	b = color(b, "FillColor", r.Fill, 255)
	b = append(b, "<ofd:AbbreviatedData>M "...)
	b = point(b, 0, 0)
	b = append(b, " L "...)
	b = point(b, r.W, 0)
	b = append(b, " L "...)
	b = point(b, r.W, r.H)
	b = append(b, " L "...)
	b = point(b, 0, r.H)
	return append(b, " C</ofd:AbbreviatedData></ofd:PathObject>"...)
}

func point(b []byte, x, y float64) []byte {
	b = mm(b, x)
	b = append(b, ' ')
	return mm(b, y)
}

// mmPerPt converts the page model's points to OFD's millimetres.
const mmPerPt = 25.4 / 72

// um is a length of v points in micrometres (0.001 mm, the precision written).
func um(v float64) int64 { return int64(math.Round(v * mmPerPt * 1000)) }

// mm writes v points in mm to three decimals.
func mm(b []byte, v float64) []byte { return micro(b, um(v)) }

// micro writes v µm as mm: "12.5", "-0.004", "0".
func micro(b []byte, v int64) []byte {
	if v < 0 {
		b = append(b, '-')
		v = -v
	}
	b = strconv.AppendInt(b, v/1000, 10)
	if f := v % 1000; f != 0 {
		d := []byte{'.', byte('0' + f/100), byte('0' + f/10%10), byte('0' + f%10)}
		for d[len(d)-1] == '0' {
			d = d[:len(d)-1]
		}
		b = append(b, d...)
	}
	return b
}

// num writes a plain number to six decimals (a CTM's factors).
func num(b []byte, v float64) []byte {
	v = math.Round(v*1e6) / 1e6
	if v == 0 {
		v = 0 // no "-0"
	}
	return strconv.AppendFloat(b, v, 'f', -1, 64)
}

// escape writes s as XML character data (also fit for an attribute).
func escape(w *bytes.Buffer, s string) {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '<', '>', '&', '\'', '"', '\t', '\n', '\r':
			xml.EscapeText(w, []byte(s))
			return
		}
	}
	w.WriteString(s)
}
