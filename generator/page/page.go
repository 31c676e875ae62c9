// Package page is the format-free page model: what layout produces and what
// every writer (PDF, OFD) serialises. A page is a list of positioned items —
// runs of glyphs, rules, boxes and uses of repeated forms — with every
// layout decision (line breaks, justification, squeezed punctuation, page
// breaks, keep rules) already taken: a writer only translates coordinates
// and encodes.
//
// Units and coordinates: lengths are in points (1/72 inch; 1 mm = 72/25.4
// pt). The origin is the top-left corner of the page (or of the form), x
// grows to the right and y downwards — as in OFD; the PDF writer flips y.
package page

import (
	"huanjie/generator/doc"
	"huanjie/generator/fontset"
)

// Document is a laid-out document.
type Document struct {
	Meta  doc.Meta        // title, author, subject, keywords, language, date (the one timestamp)
	Fonts []*fontset.Face // faces the texts use, by index (a face measured but never drawn may be among them)
	Forms []*Form         // repeated forms, by index (Use.Form)
	Pages []*Page
}

// Page is one page.
type Page struct {
	Width, Height float64 // points
	Items         []Item  // in painting order
}

// Form is a group of items drawn once and placed many times (one copy of a
// ballot, 10,000 times): a PDF form XObject, an OFD composite graphic unit.
type Form struct {
	Width, Height float64 // points; the form's own origin is its top-left corner
	Items         []Item  // never a Use
}

// Item is one of Text, Rule, Box or Use.
type Item interface{ item() }

// Text is a run of glyphs of one face and size on one baseline. The first
// glyph's origin (left end of its box on the baseline) is at (X, Y); each
// next glyph's origin is the previous one's plus its Advance. Advances are
// as set (tracking and justification included), so no two glyphs' boxes
// overlap and a writer never needs a layout rule to place a glyph.
type Text struct {
	Font   int     // index into Document.Fonts
	Size   float64 // points (the em)
	X, Y   float64
	Color  Color
	Glyphs []Glyph
	// Invisible text is not painted but stays in the text layer: the
	// underscores of a fill-in blank, drawn as a Rule over them.
	Invisible bool
	// Angle rotates the run counter-clockwise by this many degrees about
	// (X, Y) (the 草稿 stamp).
	Angle float64
	// Opacity is 0 (or 1) for opaque, else the fraction of ink (0 < o < 1).
	Opacity float64
}

// Glyph is one glyph of a Text.
//
// A squeezed punctuation mark (避头尾: "，" kept at a line's end, "（" after
// another mark) loses part of its blank: Cut points of its natural box are
// taken away, Shift of them on the left, so its outline is drawn Shift
// points left of its origin and its box is Cut narrower. It remains the
// full-width character it is ("，", U+FF0C), set narrower.
type Glyph struct {
	ID      uint16  // glyph index in the face (fontset.Glyphs)
	Text    string  // the characters it stands for (one rune, as typed)
	Advance float64 // points from this glyph's origin to the next one's
	Cut     float64 // points of the natural box taken away (squeezed punctuation), else 0
	Shift   float64 // points of Cut on the left of the ink, else 0
}

// Width is the sum of the advances.
func (t *Text) Width() float64 {
	w := 0.0
	for _, g := range t.Glyphs {
		w += g.Advance
	}
	return w
}

// String returns the characters of the run.
func (t *Text) String() string {
	n := 0
	for _, g := range t.Glyphs {
		n += len(g.Text)
	}
	b := make([]byte, 0, n)
	for _, g := range t.Glyphs {
		b = append(b, g.Text...)
	}
	return string(b)
}

// Rule is a straight line of Width points with butt caps. Dash, when not
// empty, is the on/off pattern in points starting at (X1, Y1).
type Rule struct {
	X1, Y1, X2, Y2 float64
	Width          float64
	Color          Color
	Dash           []float64
}

// Box is a rectangle with its top-left corner at (X, Y), filled with Fill.
type Box struct {
	X, Y, W, H float64
	Fill       Color
}

// Use draws Document.Forms[Form] with the form's top-left corner at (X, Y).
type Use struct {
	Form int
	X, Y float64
}

// Color is an sRGB colour.
type Color struct{ R, G, B uint8 }

// Black and Red are the colours of a 公文 (red: 版头 and rules).
var (
	Black = Color{}
	Red   = Color{230, 0, 18}
)

func (*Text) item() {}
func (*Rule) item() {}
func (*Box) item()  {}
func (*Use) item()  {}

// EachText calls fn for every text of the forms, then of the pages.
func (d *Document) EachText(fn func(t *Text)) {
	each := func(items []Item) {
		for _, it := range items {
			if t, ok := it.(*Text); ok {
				fn(t)
			}
		}
	}
	for _, f := range d.Forms {
		each(f.Items)
	}
	for _, p := range d.Pages {
		each(p.Items)
	}
}

// Glyphs lists, per font of d, every glyph its texts use (pages and forms)
// with the characters it stands for, in order of first use: what a writer
// embeds and maps back to Unicode.
func (d *Document) Glyphs() [][]GlyphUse {
	out := make([][]GlyphUse, len(d.Fonts))
	seen := make([]map[uint16]bool, len(d.Fonts))
	for i := range seen {
		seen[i] = map[uint16]bool{}
	}
	d.EachText(func(t *Text) {
		if t.Font < 0 || t.Font >= len(d.Fonts) {
			return
		}
		for _, g := range t.Glyphs {
			if !seen[t.Font][g.ID] {
				seen[t.Font][g.ID] = true
				out[t.Font] = append(out[t.Font], GlyphUse{ID: g.ID, Text: g.Text})
			}
		}
	})
	return out
}

// GlyphUse is a glyph and the characters it first stood for.
type GlyphUse struct {
	ID   uint16
	Text string
}
