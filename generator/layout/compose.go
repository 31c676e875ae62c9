// Package pdf renders a doc.Document as PDF through codeberg.org/go-pdf/fpdf,
// following GB/T 9704-2012: A4, 版心 156 × 225 mm at 37 mm / 28 mm, body text on
// a 22-line × 28-character grid. Line breaking is our own (package layout);
// fpdf only receives positioned runs of text.
package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"huanjie/generator/doc"
	"huanjie/generator/fontset"
	"huanjie/generator/layout"
)

// fontSource is what the renderer needs of a font set.
type fontSource interface {
	Chain(role doc.Role) []*fontset.Face
}

// Render writes d as PDF to w. It refuses with a *MissingGlyphError, before
// writing anything, when a character is in no font of its role's chain.
func Render(d *doc.Document, fs *fontset.Set, w io.Writer) error {
	if fs == nil {
		return errors.New("没有可用的字体")
	}
	return render(d, fs, w)
}

func render(d *doc.Document, fs fontSource, w io.Writer) error {
	if d == nil {
		return errors.New("没有要生成的文档")
	}
	r := newRenderer(fs)
	if err := r.loadChains(); err != nil {
		return err
	}
	var err error
	if d.Layout == doc.LayoutForm {
		err = r.flowForm(d)
	} else {
		r.flowGongwen(d)
	}
	if err != nil {
		return err
	}
	if r.formErr != nil {
		return r.formErr
	}
	if len(r.missing) > 0 {
		return &MissingGlyphError{Chars: r.missing, Contexts: r.contexts}
	}
	return r.write(d, w)
}

// Page geometry in points.
var (
	pageW  = layout.PageWidthMM * layout.PtPerMM
	pageH  = layout.PageHeightMM * layout.PtPerMM
	top    = layout.TopMM * layout.PtPerMM
	left   = layout.LeftMM * layout.PtPerMM
	blockW = layout.BlockWidth
	blockH = layout.BlockHeight
	pitch  = layout.LinePitch
	mm     = layout.PtPerMM
)

type chainFace struct {
	face *fontset.Face
	m    *metrics
}

type renderer struct {
	fs     fontSource
	chains map[doc.Role][]chainFace

	faces   []*fontset.Face // faces used, in order of first use
	faceIdx map[*fontset.Face]int
	faceM   []*metrics

	missing  []rune
	missSeen map[rune]bool
	contexts []string
	ctxSeen  map[string]bool
	pages    []*page
	cur      *page
	line     float64 // next free grid line on cur (may be fractional after a table)

	// form layout
	form     *formSheet
	formErr  error
	lastPara []lineRec // running text since the last barrier (see lineRec)
	paraSeq  int       // paragraphs placed so far
	gap      float64   // blank lines wanted before the next paragraph
}

type page struct {
	ops      []op
	number   int  // printed page number; 0 = none
	noNumber bool // blank page before the 版记, or the 版记 page after one
	width    float64
	height   float64
}

type op interface{}

// textOp is one line of text: runs placed at absolute positions.
type textOp struct {
	y     float64 // baseline, from the page top
	runs  []run
	color [3]int
	rules []lineOp // fill-in blanks, drawn over their hidden underscores
}

type run struct {
	face int
	size float64
	x    float64
	tc   float64 // character spacing after each glyph
	text string
	// hidden text is not painted (text render mode 3) but stays
	// extractable: the underscores of a fill-in blank, drawn as a rule.
	hidden bool
	scale  float64 // horizontal scaling in percent (0 = 100)
}

type lineOp struct {
	x1, y1, x2, y2, w float64
	color             [3]int
	dash              bool
}

type rectOp struct {
	x, y, w, h float64
	fill       [3]int
	lineW      float64 // 0 = no border
}

type tplOp struct{ x, y, scale float64 } // the form template placed at x,y

var (
	black = [3]int{0, 0, 0}
	red   = [3]int{230, 0, 18}
)

func newRenderer(fs fontSource) *renderer {
	return &renderer{
		fs:       fs,
		chains:   map[doc.Role][]chainFace{},
		faceIdx:  map[*fontset.Face]int{},
		missSeen: map[rune]bool{},
		ctxSeen:  map[string]bool{},
	}
}

func (r *renderer) loadChains() error {
	for _, role := range doc.Roles {
		for _, f := range r.fs.Chain(role) {
			if f == nil || len(f.Data) == 0 {
				continue
			}
			m, err := faceMetrics(f)
			if err != nil {
				return fmt.Errorf("字体“%s”（%s）无法读取：%v", f.Family, f.Source, err)
			}
			r.chains[role] = append(r.chains[role], chainFace{f, m})
		}
	}
	if len(r.chains[doc.FangSong]) == 0 {
		return errors.New("没有可用的仿宋字体")
	}
	return nil
}

// glyph is one shaped character.
type glyph struct {
	face int     // index into r.faces; -1 when missing
	adv  float64 // natural advance at size
}

// shaped is a text shaped in one role and size, ready for layout.Break.
type shaped struct {
	items  []layout.Item
	glyphs []glyph
	size   float64
}

// shape picks, per character, the first face of role's chain that has it,
// records characters no face has, and measures. track is added to the
// advance of full-width characters.
func (r *renderer) shape(text string, role doc.Role, size, track float64) *shaped {
	chain := r.chains[role]
	if len(chain) == 0 {
		chain = r.chains[doc.FangSong]
	}
	rs := []rune(text)
	s := &shaped{items: make([]layout.Item, len(rs)), glyphs: make([]glyph, len(rs)), size: size}
	for i, c := range rs {
		if c == '\t' {
			c = ' '
			rs[i] = c
		}
		var cf *chainFace
		if c != '\n' {
			for k := range chain {
				if chain[k].m.has(c) {
					cf = &chain[k]
					break
				}
			}
		}
		g := glyph{face: -1}
		if cf != nil {
			g.face = r.useFace(cf.face, cf.m)
			g.adv = cf.m.width(c, size)
		} else if c == '\n' {
			g.adv = 0
		} else {
			r.miss(c, text, i)
			g.adv = size * layout.CharWidth(c)
		}
		wide := g.adv >= 0.85*size
		w := g.adv
		if wide {
			w += track
		}
		s.items[i] = layout.Item{R: c, W: w, Wide: wide, Centred: cf != nil && cf.m.centred(c)}
		s.glyphs[i] = g
	}
	return s
}

func (r *renderer) useFace(f *fontset.Face, m *metrics) int {
	if i, ok := r.faceIdx[f]; ok {
		return i
	}
	r.faceIdx[f] = len(r.faces)
	r.faces = append(r.faces, f)
	r.faceM = append(r.faceM, m)
	return len(r.faces) - 1
}

func (r *renderer) miss(c rune, text string, i int) {
	if !r.missSeen[c] {
		r.missSeen[c] = true
		r.missing = append(r.missing, c)
	}
	ctx := context(text, i)
	if !r.ctxSeen[ctx] && len(r.contexts) < 20 {
		r.ctxSeen[ctx] = true
		r.contexts = append(r.contexts, ctx)
	}
}

// runs turns one broken line into runs: a new run starts where the face
// changes or the spacing between glyphs differs.
func (r *renderer) runs(s *shaped, ln layout.Line, x0 float64) []run {
	return r.runsOf(s, ln, x0, false)
}

// textLine is one broken line as a text op with its baseline at y: the
// underscores of fill-in blanks are hidden and each blank is one rule at
// the underline position of the face.
func (r *renderer) textLine(s *shaped, ln layout.Line, x0, y float64, color [3]int) textOp {
	t := textOp{y: y, runs: r.runsOf(s, ln, x0, len(ln.Blanks) > 0), color: color}
	for _, b := range ln.Blanks {
		// the ink of "_" in the face that sets the first one
		centre, thick := -0.13*s.size, 0.04*s.size
		for j := ln.Start; j < ln.End; j++ {
			if s.items[j].R == layout.Blank {
				if g := s.glyphs[j]; g.face >= 0 {
					if box, ok := r.faceM[g.face].ink[layout.Blank]; ok && box[3] > box[1] {
						centre = (box[1] + box[3]) / 2 / 1000 * s.size
						thick = (box[3] - box[1]) / 1000 * s.size
					}
				}
				break
			}
		}
		thick = math.Max(thick, 0.5)
		yy := y - centre
		t.rules = append(t.rules, lineOp{x1: x0 + b[0], y1: yy, x2: x0 + b[1], y2: yy, w: thick, color: color})
		// the hidden underscores span the rule by scaling, not spacing, so
		// text extraction reads them as one word
		for k := range t.runs {
			rn := &t.runs[k]
			if !rn.hidden || math.Abs(rn.x-(x0+b[0])) > 0.01 {
				continue
			}
			nat := 0.0
			for _, c := range rn.text {
				nat += r.faceM[rn.face].width(c, rn.size)
			}
			if nat > 0 {
				rn.tc = 0
				rn.scale = 100 * (b[1] - b[0]) / nat
			}
		}
	}
	return t
}

func (r *renderer) runsOf(s *shaped, ln layout.Line, x0 float64, hideBlanks bool) []run {
	var out []run
	var cur *run
	var buf []rune
	flush := func() {
		if cur != nil {
			cur.text = string(buf)
			out = append(out, *cur)
			cur = nil
			buf = buf[:0]
		}
	}
	n := ln.End - ln.Start
	for j := 0; j < n; j++ {
		i := ln.Start + j
		g := s.glyphs[i]
		c := s.items[i].R
		if g.face < 0 || c == '\n' {
			flush()
			continue
		}
		x := x0 + ln.X[j]
		hide := hideBlanks && c == layout.Blank
		if cur != nil && cur.face == g.face && cur.hidden == hide {
			// spacing implied by the previous glyph
			prev := ln.Start + j - 1
			gap := x - (x0 + ln.X[j-1]) - s.glyphs[prev].adv
			if len(buf) == 1 {
				cur.tc = gap
				buf = append(buf, c)
				continue
			}
			if math.Abs(gap-cur.tc) < 0.005 {
				buf = append(buf, c)
				continue
			}
		}
		flush()
		cur = &run{face: g.face, size: s.size, x: x, hidden: hide}
		buf = append(buf, c)
	}
	flush()
	// a run of one glyph needs no spacing
	for i := range out {
		if len([]rune(out[i].text)) == 1 {
			out[i].tc = 0
		}
	}
	return out
}

// --- writing -------------------------------------------------------------

func (r *renderer) write(d *doc.Document, w io.Writer) error {
	pdf := fpdf.NewCustom(&fpdf.InitType{
		OrientationStr: "P",
		UnitStr:        "pt",
		Size:           fpdf.SizeType{Wd: pageW, Ht: pageH},
	})
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.SetCompression(true)
	pdf.SetCatalogSort(true)
	date := d.Meta.Date
	if date.IsZero() {
		date = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	pdf.SetCreationDate(date)
	pdf.SetModificationDate(date)
	pdf.SetProducer("huanjie", true)
	pdf.SetCreator("huanjie", true)
	if d.Meta.Title != "" {
		pdf.SetTitle(d.Meta.Title, true)
	}
	if d.Meta.Author != "" {
		pdf.SetAuthor(d.Meta.Author, true)
	}
	if d.Meta.Subject != "" {
		pdf.SetSubject(d.Meta.Subject, true)
	}
	if d.Meta.Keywords != "" {
		pdf.SetKeywords(d.Meta.Keywords, true)
	}
	lang := d.Meta.Lang
	if lang == "" {
		lang = "zh-CN"
	}
	pdf.SetLang(lang)
	pdf.SetLineCapStyle("butt")

	fam := make([]string, len(r.faces))
	used := r.usedRunes()
	for i, f := range r.faces {
		fam[i] = familyName(f, i)
		data, err := emptyUnused(f.Data, used[i])
		if err != nil {
			// Embedded faces share read-only memory: fpdf gets a copy.
			data = append([]byte(nil), f.Data...)
		}
		pdf.AddUTF8FontFromBytes(fam[i], "", data)
	}
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("无法嵌入字体：%v", err)
	}
	var tpl fpdf.Template
	if r.form != nil && r.form.tplOps != nil {
		tpl = r.makeTemplate(pdf, fam)
	}
	for _, p := range r.pages {
		pw, ph := p.width, p.height
		if pw == 0 {
			pw, ph = pageW, pageH
		}
		pdf.AddPageFormat("P", fpdf.SizeType{Wd: pw, Ht: ph})
		st := &drawState{tc: 0}
		for _, o := range p.ops {
			r.drawOp(pdf, fam, st, o, ph, tpl)
		}
	}
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("生成 PDF 失败：%v", err)
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return fmt.Errorf("生成 PDF 失败：%v", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

type drawState struct {
	tc float64
}

type drawer interface {
	SetFont(familyStr, styleStr string, size float64)
	SetTextColor(r, g, b int)
	Text(x, y float64, txtStr string)
	RawWriteStr(str string)
	SetDrawColor(r, g, b int)
	SetFillColor(r, g, b int)
	SetLineWidth(width float64)
	Line(x1, y1, x2, y2 float64)
	Rect(x, y, w, h float64, styleStr string)
	SetDashPattern(dashArray []float64, dashPhase float64)
}

func drawText(pdf drawer, fam []string, st *drawState, t textOp) {
	pdf.SetTextColor(t.color[0], t.color[1], t.color[2])
	for _, rn := range t.runs {
		pdf.SetFont(fam[rn.face], "", rn.size)
		if math.Abs(rn.tc-st.tc) > 0.0005 {
			pdf.RawWriteStr(fmt.Sprintf("%.3f Tc", rn.tc))
			st.tc = rn.tc
		}
		if rn.hidden {
			pdf.RawWriteStr("3 Tr")
			if rn.scale > 0 {
				pdf.RawWriteStr(fmt.Sprintf("%.2f Tz", rn.scale))
			}
		}
		pdf.Text(rn.x, t.y, rn.text)
		if rn.hidden {
			pdf.RawWriteStr("0 Tr")
			if rn.scale > 0 {
				pdf.RawWriteStr("100 Tz")
			}
		}
	}
	for _, l := range t.rules {
		drawLine(pdf, l)
	}
}

func drawLine(pdf drawer, l lineOp) {
	pdf.SetDrawColor(l.color[0], l.color[1], l.color[2])
	pdf.SetLineWidth(l.w)
	if l.dash {
		pdf.SetDashPattern([]float64{3, 3}, 0)
	}
	pdf.Line(l.x1, l.y1, l.x2, l.y2)
	if l.dash {
		pdf.SetDashPattern(nil, 0)
	}
}

func drawRect(pdf drawer, rc rectOp) {
	style := "F"
	pdf.SetFillColor(rc.fill[0], rc.fill[1], rc.fill[2])
	if rc.lineW > 0 {
		pdf.SetLineWidth(rc.lineW)
		pdf.SetDrawColor(0, 0, 0)
		style = "FD"
	}
	pdf.Rect(rc.x, rc.y, rc.w, rc.h, style)
}

func (r *renderer) drawOp(pdf *fpdf.Fpdf, fam []string, st *drawState, o op, ph float64, tpl fpdf.Template) {
	switch t := o.(type) {
	case textOp:
		drawText(pdf, fam, st, t)
	case lineOp:
		drawLine(pdf, t)
	case rectOp:
		drawRect(pdf, t)
	case draftOp:
		r.drawDraft(pdf, fam, st, t)
	case tplOp:
		if tpl != nil {
			_, sz := tpl.Size()
			pdf.UseTemplateScaled(tpl, fpdf.PointType{X: t.x, Y: t.y}, fpdf.SizeType{Wd: sz.Wd * t.scale, Ht: sz.Ht * t.scale})
		}
	}
}

// familyName gives each face a stable, readable PDF font name.
func familyName(f *fontset.Face, i int) string {
	name := f.ID()
	if name == "" {
		name = f.Family
	}
	var b strings.Builder
	for _, c := range name {
		if (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') {
			b.WriteRune(c)
		}
	}
	if b.Len() == 0 {
		b.WriteString("Font")
	}
	return fmt.Sprintf("%s-%d", b.String(), i)
}

// usedRunes collects, per face index, every character drawn in it.
func (r *renderer) usedRunes() [][]rune {
	sets := make([]map[rune]bool, len(r.faces))
	for i := range sets {
		sets[i] = map[rune]bool{}
		for _, c := range "草稿—0123456789 " { // drawn outside the flow (draft stamp, page numbers)
			sets[i][c] = true
		}
	}
	add := func(ops []op) {
		for _, o := range ops {
			if t, ok := o.(textOp); ok {
				for _, rn := range t.runs {
					if rn.face >= 0 && rn.face < len(sets) {
						for _, c := range rn.text {
							sets[rn.face][c] = true
						}
					}
				}
			}
		}
	}
	for _, p := range r.pages {
		add(p.ops)
	}
	if r.form != nil {
		add(r.form.tplOps)
	}
	out := make([][]rune, len(sets))
	for i, s := range sets {
		for c := range s {
			out[i] = append(out[i], c)
		}
	}
	return out
}
