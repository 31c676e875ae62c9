package layout

import (
	"errors"
	"fmt"
	"math"

	"huanjie/generator/doc"
	"huanjie/generator/fontset"
	"huanjie/generator/page"
)

// FontSource is what layout needs of a font set: the faces tried for a
// role, primary first (*fontset.Set).
type FontSource interface {
	Chain(role doc.Role) []*fontset.Face
}

// Pages lays d out: GB/T 9704 pages for a 公文, sheets of copies for a form.
// It refuses with a *MissingGlyphError when a character is in no font of
// its role's chain, and with a *SheetOverflowError or *FormFitError when a
// form does not fit its paper.
func Pages(d *doc.Document, fs FontSource) (*page.Document, error) {
	if d == nil {
		return nil, errors.New("没有要生成的文档")
	}
	if fs == nil {
		return nil, errors.New("没有可用的字体")
	}
	c := newComposer(fs)
	if err := c.loadChains(); err != nil {
		return nil, err
	}
	if d.Layout == doc.LayoutForm {
		if err := c.flowForm(d); err != nil {
			return nil, err
		}
	} else {
		c.flowGongwen(d)
	}
	if d.Draft {
		c.draft()
	}
	if c.formErr != nil {
		return nil, c.formErr
	}
	if len(c.missing) > 0 {
		return nil, &MissingGlyphError{Chars: c.missing, Contexts: c.contexts}
	}
	out := &page.Document{Meta: d.Meta, Fonts: c.faces}
	if c.form != nil && c.form.copy != nil {
		out.Forms = []*page.Form{c.form.copy}
	}
	for _, p := range c.pages {
		out.Pages = append(out.Pages, p.Page)
	}
	return out, nil
}

// Page geometry in points.
var (
	pageW  = PageWidthMM * PtPerMM
	pageH  = PageHeightMM * PtPerMM
	top    = TopMM * PtPerMM
	left   = LeftMM * PtPerMM
	blockW = BlockWidth
	blockH = BlockHeight
	pitch  = LinePitch
	mm     = PtPerMM
)

type chainFace struct {
	face *fontset.Face
	g    *fontset.Glyphs
}

// composer turns a document into pages.
type composer struct {
	fs     FontSource
	chains map[doc.Role][]chainFace

	faces   []*fontset.Face // faces used, in order of first use
	faceIdx map[*fontset.Face]int
	faceG   []*fontset.Glyphs

	texts    map[rune]string // see text
	missing  []rune
	missSeen map[rune]bool
	contexts []string
	ctxSeen  map[string]bool
	pages    []*sheet
	cur      *sheet
	line     float64 // next free grid line on cur (may be fractional after a table)

	form     *formSheet
	formErr  error
	lastPara []lineRec // running text since the last barrier (see lineRec)
	paraSeq  int       // paragraphs placed so far
	gap      float64   // blank lines wanted before the next paragraph
}

// sheet is a page being composed.
type sheet struct {
	*page.Page
	noNumber bool // blank page before the 版记, or the 版记 page after one
}

func (c *composer) add(items ...page.Item) { c.cur.Items = append(c.cur.Items, items...) }

func newComposer(fs FontSource) *composer {
	return &composer{
		fs:       fs,
		chains:   map[doc.Role][]chainFace{},
		faceIdx:  map[*fontset.Face]int{},
		texts:    map[rune]string{},
		missSeen: map[rune]bool{},
		ctxSeen:  map[string]bool{},
	}
}

func (c *composer) loadChains() error {
	for _, role := range doc.Roles {
		for _, f := range c.fs.Chain(role) {
			if f == nil || len(f.Data) == 0 {
				continue
			}
			g, err := f.Glyphs()
			if err != nil {
				return fmt.Errorf("字体“%s”（%s）无法读取：%v", f.Family, f.Source, err)
			}
			c.chains[role] = append(c.chains[role], chainFace{f, g})
		}
	}
	if len(c.chains[doc.FangSong]) == 0 {
		return errors.New("没有可用的仿宋字体")
	}
	return nil
}

// glyph is one shaped character.
type glyph struct {
	face int     // index into c.faces; -1 when missing
	id   uint16  // glyph in the face
	adv  float64 // natural advance at size
}

// shaped is a text shaped in one role and size, ready for Break.
type shaped struct {
	items  []Item
	glyphs []glyph
	size   float64
}

// shape picks, per character, the first face of role's chain that has it,
// records characters no face has, and measures. track is added to the
// advance of full-width characters.
func (c *composer) shape(text string, role doc.Role, size, track float64) *shaped {
	chain := c.chains[role]
	if len(chain) == 0 {
		chain = c.chains[doc.FangSong]
	}
	rs := []rune(text)
	s := &shaped{items: make([]Item, len(rs)), glyphs: make([]glyph, len(rs)), size: size}
	for i, r := range rs {
		if r == '\t' {
			r = ' '
		}
		g := glyph{face: -1}
		centred := false
		if r != '\n' {
			for _, cf := range chain {
				if id, ok := cf.g.Glyph(r); ok {
					g = glyph{face: c.useFace(cf), id: id, adv: float64(cf.g.Advance(id)) * size / float64(cf.g.UnitsPerEm)}
					centred = in(squeezable, r) && inkCentred(cf.g, id)
					break
				}
			}
			if g.face < 0 {
				c.miss(r, text, i)
				g.adv = size * CharWidth(r)
			}
		}
		wide := g.adv >= 0.85*size
		w := g.adv
		if wide {
			w += track
		}
		s.items[i] = Item{R: r, W: w, Wide: wide, Centred: centred}
		s.glyphs[i] = g
	}
	return s
}

// inkCentred reports whether glyph id's ink sits in the middle of its box.
func inkCentred(g *fontset.Glyphs, id uint16) bool {
	b, ok := g.Ink(id)
	adv := float64(g.Advance(id))
	if !ok || adv <= 0 {
		return false
	}
	l, r := float64(b[0]), adv-float64(b[2])
	return l > 0.2*adv && r > 0.2*adv
}

func (c *composer) useFace(cf chainFace) int {
	if i, ok := c.faceIdx[cf.face]; ok {
		return i
	}
	c.faceIdx[cf.face] = len(c.faces)
	c.faces = append(c.faces, cf.face)
	c.faceG = append(c.faceG, cf.g)
	return len(c.faces) - 1
}

func (c *composer) miss(r rune, text string, i int) {
	if !c.missSeen[r] {
		c.missSeen[r] = true
		c.missing = append(c.missing, r)
	}
	ctx := context(text, i)
	if !c.ctxSeen[ctx] && len(c.contexts) < 20 {
		c.ctxSeen[ctx] = true
		c.contexts = append(c.contexts, ctx)
	}
}

// text is r as a string, made once per character and document.
func (c *composer) text(r rune) string {
	t, ok := c.texts[r]
	if !ok {
		t = string(r)
		c.texts[r] = t
	}
	return t
}

// cutOf is the squeeze of item j of ln.
func cutOf(ln Line, j int) Cut {
	if ln.Cuts == nil {
		return Cut{}
	}
	return ln.Cuts[j]
}

// textLine turns one broken line into page items with its baseline at y:
// runs of glyphs (a new run where the face changes), and for each fill-in
// blank one rule at the underline position of its face over the blank's
// underscores, which stay in the text layer unpainted.
func (c *composer) textLine(s *shaped, ln Line, x0, y float64, color page.Color) []page.Item {
	blank := func(j int) bool { return len(ln.Blanks) > 0 && s.items[j].R == Blank }
	var out []page.Item
	var cur *page.Text
	n := ln.End - ln.Start
	for j := 0; j < n; j++ {
		i := ln.Start + j
		g := s.glyphs[i]
		if g.face < 0 || s.items[i].R == '\n' {
			cur = nil
			continue
		}
		cut := cutOf(ln, j)
		x := x0 + ln.X[j] + cut.Shift // the glyph's box starts here
		if cur == nil || cur.Font != g.face || cur.Invisible != blank(i) {
			cur = &page.Text{Font: g.face, Size: s.size, X: x, Y: y, Color: color, Invisible: blank(i)}
			out = append(out, cur)
		}
		// the advance as set: up to the next item's box on this line, or
		// the layout width for the last
		adv := s.items[i].W - cut.Width
		if j+1 < n {
			adv = ln.X[j+1] + cutOf(ln, j+1).Shift - ln.X[j] - cut.Shift
		}
		cur.Glyphs = append(cur.Glyphs, page.Glyph{ID: g.id, Text: c.text(s.items[i].R), Advance: adv, Cut: cut.Width, Shift: cut.Shift})
	}
	for _, b := range ln.Blanks {
		// the ink of "_" in the face that sets the first one
		centre, thick := -0.13*s.size, 0.04*s.size
		for j := ln.Start; j < ln.End; j++ {
			if s.items[j].R != Blank {
				continue
			}
			if g := s.glyphs[j]; g.face >= 0 {
				fg := c.faceG[g.face]
				if box, ok := fg.Ink(g.id); ok && box[3] > box[1] {
					upem := float64(fg.UnitsPerEm)
					centre = float64(box[1]+box[3]) / 2 / upem * s.size
					thick = float64(box[3]-box[1]) / upem * s.size
				}
			}
			break
		}
		thick = math.Max(thick, 0.5)
		yy := y - centre
		out = append(out, &page.Rule{X1: x0 + b[0], Y1: yy, X2: x0 + b[1], Y2: yy, Width: thick, Color: color})
	}
	return out
}
