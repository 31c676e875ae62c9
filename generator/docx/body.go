package docx

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"huanjie/generator/doc"
	"huanjie/generator/layout"
)

// twipsPerMM converts millimetres to twips.
const twipsPerMM = 1440 / 25.4

func mm(v float64) int { return int(math.Round(v * twipsPerMM)) }

// renderer writes word/document.xml.
type renderer struct {
	d       *doc.Document
	b       strings.Builder
	form    bool // LayoutForm
	footers bool // page-number footers
	draft   bool // 草稿 header
	textW   int  // width of the text block in twips
	pageW   int
	pageH   int
	marL    int
	marR    int
	marT    int
	marB    int

	pendingBreak bool // the next block starts a new page
	titleBefore  int  // blank lines to put before the next title (after a letterhead)
}

func newRenderer(d *doc.Document) *renderer {
	r := &renderer{d: d, form: d.Layout == doc.LayoutForm, draft: d.Draft}
	if !r.form {
		r.footers = true
		r.pageW, r.pageH = a4W, a4H
		r.marL, r.marR, r.marT, r.marB = marLeft, marRight, marTop, marBottom
		r.textW = textWidthGW
		return r
	}
	r.pageW, r.pageH = a4W, a4H
	if strings.EqualFold(strings.TrimSpace(d.Sheet.Paper), "A5") {
		r.pageW, r.pageH = a5W, a5H
	}
	// Centre the widest form on the page; other text uses the same width.
	widest := 0
	for _, b := range d.Blocks {
		if f, ok := b.(doc.Form); ok {
			for _, row := range f.Rows {
				w := 0.0
				for _, c := range row.Cells {
					w += c.Width
				}
				if mm(w) > widest {
					widest = mm(w)
				}
			}
		}
	}
	side := mm(15)
	if widest > 0 && widest < r.pageW-2*mm(5) {
		side = (r.pageW - widest) / 2
	} else if widest > 0 {
		side = mm(5)
	}
	r.marL, r.marR = side, side
	r.marT, r.marB = mm(12), mm(12)
	r.textW = r.pageW - 2*side
	return r
}

// pp is a paragraph's properties, written in schema order.
type pp struct {
	style     string
	keepNext  bool
	pageBreak bool
	pBdr      string
	tabs      string
	snapOff   bool
	spacing   string
	ind       string
	jc        string
}

func (p pp) xml() string {
	var b strings.Builder
	b.WriteString(`<w:pPr>`)
	if p.style != "" {
		b.WriteString(`<w:pStyle w:val="` + p.style + `"/>`)
	}
	if p.keepNext {
		b.WriteString(`<w:keepNext/>`)
	}
	if p.pageBreak {
		b.WriteString(`<w:pageBreakBefore/>`)
	}
	b.WriteString(p.pBdr)
	b.WriteString(p.tabs)
	if p.snapOff {
		b.WriteString(`<w:snapToGrid w:val="0"/>`)
	}
	b.WriteString(p.spacing)
	b.WriteString(p.ind)
	if p.jc != "" {
		b.WriteString(`<w:jc w:val="` + p.jc + `"/>`)
	}
	b.WriteString(`</w:pPr>`)
	return b.String()
}

// rp is a run's character properties beyond its paragraph style.
type rp struct {
	role    *doc.Role
	bold    bool
	color   string
	halfPts int
}

func (p rp) xml() string {
	var b strings.Builder
	b.WriteString(`<w:rPr>`)
	if p.role != nil {
		b.WriteString(rFonts(*p.role))
	} else {
		b.WriteString(`<w:rFonts w:hint="eastAsia"/>`)
	}
	if p.bold {
		b.WriteString(`<w:b/><w:bCs/>`)
	}
	if p.color != "" {
		b.WriteString(`<w:color w:val="` + p.color + `"/>`)
	}
	if p.halfPts > 0 {
		b.WriteString(sz(p.halfPts))
	}
	b.WriteString(`</w:rPr>`)
	return b.String()
}

func run(text string, p rp) string {
	return `<w:r>` + p.xml() + textXML(text) + `</w:r>`
}

func roleP(r doc.Role) *doc.Role { return &r }

func halfPts(size float64) int {
	if size <= 0 {
		return 0
	}
	return int(math.Round(size * 2))
}

func exactSpacing(twips int) string {
	return fmt.Sprintf(`<w:spacing w:before="0" w:after="0" w:line="%d" w:lineRule="exact"/>`, twips)
}

// para writes one paragraph. A pending page break goes onto it.
func (r *renderer) para(p pp, runs ...string) {
	if r.pendingBreak {
		p.pageBreak = true
		r.pendingBreak = false
	}
	r.b.WriteString(`<w:p>`)
	r.b.WriteString(p.xml())
	for _, s := range runs {
		r.b.WriteString(s)
	}
	r.b.WriteString(`</w:p>`)
}

// indXML writes a complete w:ind (every attribute, so nothing is inherited
// from the style) in characters of charTwips: left, right, and first-line
// offset (negative = hanging). Both the *Chars form (Word) and twips
// (LibreOffice, which ignores *Chars) are written.
func indXML(left, right, first float64, charTwips int) string {
	tw := func(c float64) int { return int(math.Round(c * float64(charTwips))) }
	ch := func(c float64) int { return int(math.Round(c * 100)) }
	s := fmt.Sprintf(`<w:ind w:left="%d" w:leftChars="%d" w:right="%d" w:rightChars="%d"`, tw(left), ch(left), tw(right), ch(right))
	if first < 0 {
		s += fmt.Sprintf(` w:hanging="%d" w:hangingChars="%d"`, tw(-first), ch(-first))
	} else {
		s += fmt.Sprintf(` w:firstLine="%d" w:firstLineChars="%d"`, tw(first), ch(first))
	}
	return s + `/>`
}

// lineFor sets the line height: in LayoutForm documents, where there is
// no line grid, 1.4 × the font size (as the PDF renderer); in 公文, whole
// grid lines.
func (r *renderer) lineFor(p *pp, sizePt float64) {
	if sizePt <= 0 {
		sizePt = doc.Size3
	}
	if r.form {
		p.snapOff = true
		p.spacing = exactSpacing(int(math.Round(sizePt * 20 * 1.4)))
		return
	}
	// On the grid: one line is 579 twips; larger type takes whole lines.
	need := sizePt * 20 * 1.2
	if need > linePitch {
		p.snapOff = true
		p.spacing = exactSpacing(linePitch * int(math.Ceil(need/linePitch)))
	}
}

// blank writes an empty body line.
func (r *renderer) blank() {
	p := pp{}
	if r.form {
		r.lineFor(&p, doc.Size3)
	}
	r.para(p)
}

// breakParagraph carries a pending page break when the next block is a table:
// an empty 1 pt paragraph that starts the new page.
func (r *renderer) breakParagraph() {
	if !r.pendingBreak {
		return
	}
	r.para(pp{snapOff: true, spacing: exactSpacing(20)}, `<w:r><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:r>`)
}

func jcOf(a doc.Align, def string) string {
	switch a {
	case doc.AlignLeft:
		return "left"
	case doc.AlignCenter:
		return "center"
	case doc.AlignRight:
		return "right"
	}
	return def
}

// document writes the whole of word/document.xml.
func (r *renderer) document() ([]byte, error) {
	r.b.WriteString(xmlHd)
	r.b.WriteString(`<w:document ` + nsW + ` ` + nsR + `>`)
	if r.form && validHex(r.d.Sheet.Tint) {
		r.b.WriteString(`<w:background w:color="` + strings.ToUpper(strings.TrimPrefix(r.d.Sheet.Tint, "#")) + `"/>`)
	}
	r.b.WriteString(`<w:body>`)
	if r.d.Letterhead != nil && !r.form {
		r.letterhead(r.d.Letterhead)
	}
	// Word has no N-up, and Word and LibreOffice set a form's text a little
	// looser than our PDF, so stacked copies of a half-sheet form can spill
	// onto a second page. The DOCX of a form is therefore one copy, the
	// editable master staff print from; the PDF carries the N-up sheets.
	if err := r.blocks(r.d.Blocks); err != nil {
		return nil, err
	}
	if r.d.Imprint != nil {
		r.imprint(r.d.Imprint)
	}
	// A body must not end in a table (or be empty): Word wants a paragraph last.
	if t := tail(&r.b); strings.HasSuffix(t, `</w:tbl>`) || strings.HasSuffix(t, `<w:body>`) {
		r.para(pp{snapOff: true, spacing: exactSpacing(20)})
	}
	r.sectPr()
	r.b.WriteString(`</w:body></w:document>`)
	return []byte(r.b.String()), nil
}

func validHex(s string) bool {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(s) != 6 {
		return false
	}
	for _, c := range s {
		if !strings.ContainsRune("0123456789abcdefABCDEF", c) {
			return false
		}
	}
	return true
}

func (r *renderer) sectPr() {
	b := &r.b
	b.WriteString(`<w:sectPr>`)
	if r.draft {
		b.WriteString(`<w:headerReference w:type="even" r:id="` + ridHeaderEven + `"/>`)
		b.WriteString(`<w:headerReference w:type="default" r:id="` + ridHeaderOdd + `"/>`)
	}
	if r.footers {
		b.WriteString(`<w:footerReference w:type="even" r:id="` + ridFooterEven + `"/>`)
		b.WriteString(`<w:footerReference w:type="default" r:id="` + ridFooterOdd + `"/>`)
	}
	fmt.Fprintf(b, `<w:pgSz w:w="%d" w:h="%d"/>`, r.pageW, r.pageH)
	fmt.Fprintf(b, `<w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" w:footer="%d" w:gutter="0"/>`,
		r.marT, r.marR, r.marB, r.marL, headerDist, footerDist)
	b.WriteString(`<w:cols w:space="425"/>`)
	if r.form {
		b.WriteString(`<w:docGrid w:linePitch="312"/>`)
	} else {
		fmt.Fprintf(b, `<w:docGrid w:type="lines" w:linePitch="%d"/>`, linePitch)
	}
	b.WriteString(`</w:sectPr>`)
}

// blocks renders a run of blocks.
func (r *renderer) blocks(bs []doc.Block) error {
	for i, blk := range bs {
		if err := r.block(blk, i); err != nil {
			return err
		}
	}
	return nil
}

func (r *renderer) block(blk doc.Block, idx int) error {
	switch b := blk.(type) {
	case doc.Title:
		r.title(b.Phrases, stTitle)
	case *doc.Title:
		r.title(b.Phrases, stTitle)
	case doc.Addressee:
		r.addressee(b)
	case *doc.Addressee:
		r.addressee(*b)
	case doc.Heading:
		r.heading(b)
	case *doc.Heading:
		r.heading(*b)
	case doc.Paragraph:
		r.paragraph(b)
	case *doc.Paragraph:
		r.paragraph(*b)
	case doc.List:
		r.list(b)
	case *doc.List:
		r.list(*b)
	case doc.Table:
		return r.table(b)
	case *doc.Table:
		return r.table(*b)
	case doc.AttachmentNote:
		r.attachmentNote(b)
	case *doc.AttachmentNote:
		r.attachmentNote(*b)
	case doc.Signature:
		r.signature(b)
	case *doc.Signature:
		r.signature(*b)
	case doc.Note:
		r.note(b)
	case *doc.Note:
		r.note(*b)
	case doc.Attachment:
		return r.attachment(b)
	case *doc.Attachment:
		return r.attachment(*b)
	case doc.PageBreak, *doc.PageBreak:
		r.pendingBreak = true
	case doc.Spacer:
		r.spacer(b)
	case *doc.Spacer:
		r.spacer(*b)
	case doc.Form:
		return r.formTable(b)
	case *doc.Form:
		return r.formTable(*b)
	case nil:
	default:
		return fmt.Errorf("DOCX 输出不支持第%d个内容块（%T）", idx+1, blk)
	}
	return nil
}

// titleChars is how many 2号 characters fit on a line of the text block
// (20 on the GB/T 9704 grid: 442.2 pt / 21.75 pt).
func (r *renderer) titleChars() float64 {
	return math.Floor(float64(r.textW) / (doc.Size2*20 + charSpacing))
}

func (r *renderer) title(phrases []string, style string) {
	for ; r.titleBefore > 0; r.titleBefore-- {
		r.blank()
	}
	lines := wrapTitle(phrases, r.titleChars())
	var runs []string
	for i, l := range lines {
		if i > 0 {
			runs = append(runs, `<w:r><w:br/></w:r>`)
		}
		runs = append(runs, run(l, rp{}))
	}
	p := pp{style: style}
	if r.form {
		r.lineFor(&p, doc.Size2)
	}
	r.para(p, runs...)
	if !r.form {
		r.blank() // the 主送机关 (or the body) starts one line below the title
	}
}

func (r *renderer) addressee(a doc.Addressee) {
	p := pp{style: stAddressee}
	if r.form {
		r.lineFor(&p, doc.Size3)
	}
	r.para(p, run(a.Text, rp{}))
}

func (r *renderer) heading(h doc.Heading) {
	lvl := h.Level
	if lvl < 1 {
		lvl = 1
	}
	if lvl > 4 {
		lvl = 4
	}
	p := pp{style: fmt.Sprintf("%s%d", stHeading, lvl)}
	if r.form {
		r.lineFor(&p, doc.Size3)
	}
	r.para(p, run(h.Text, rp{}))
}

func (r *renderer) paragraph(t doc.Paragraph) {
	p := pp{}
	jc := jcOf(t.Align, "")
	p.jc = jc
	if t.NoIndent || jc == "center" || jc == "right" {
		p.ind = pNoIndent
	}
	rpr := rp{bold: t.Bold, halfPts: halfPts(t.Size)}
	if t.Role != doc.FangSong {
		rpr.role = roleP(t.Role)
	}
	size := t.Size
	if size <= 0 {
		size = doc.Size3
		if r.form {
			// Forms set their running text in 小四, as the PDF does.
			size = doc.Size12
			rpr.halfPts = halfPts(size)
		}
	}
	r.lineFor(&p, size)
	if !t.NoIndent && size != doc.Size3 && p.ind == "" {
		// Two characters of this paragraph's own size.
		p.ind = fmt.Sprintf(`<w:ind w:firstLine="%d" w:firstLineChars="200"/>`, int(math.Round(size*40)))
	}
	r.para(p, run(t.Text, rpr))
}

func (r *renderer) list(l doc.List) {
	for i, it := range l.Items {
		p := pp{style: stList}
		if r.form {
			r.lineFor(&p, doc.Size3)
		}
		r.para(p, run(listMarker(l.Marker, i+1)+it, rp{}))
	}
}

// attachmentNote writes 附件说明: one blank line below the body, 2 characters
// in, "附件：" then the name(s); wrapped lines align with the first character
// of the name.
func (r *renderer) attachmentNote(a doc.AttachmentNote) {
	if len(a.Items) == 0 {
		return
	}
	r.blank()
	if len(a.Items) == 1 {
		p := pp{style: stAttachNote, ind: indXML(5, 0, -3, 320)}
		r.para(p, run("附件："+a.Items[0], rp{}))
		return
	}
	for i, it := range a.Items {
		mark := listMarker("1.", i+1)
		// The name starts at 2 + 3 ("附件：") + the marker's width; the marker
		// ends in a tab to the hanging indent so names line up exactly.
		markW := widthChars(mark)
		left := 5 + math.Ceil(markW)
		var ind, text string
		if i == 0 {
			ind = indXML(left, 0, -(left - 2), 320)
			text = "附件：" + mark + "\t" + it
		} else {
			ind = indXML(left, 0, -(left - 5), 320)
			text = mark + "\t" + it
		}
		r.para(pp{style: stAttachNote, ind: ind}, run(text, rp{}))
	}
}

// signature places 署名 and 成文日期 (GB/T 9704-2012 7.3.5).
func (r *renderer) signature(s doc.Signature) {
	r.blank()
	// The placement rule (domain.md §C.3) is layout.SignatureOffsets, as
	// in the PDF; Word wants it as right indents from the margin.
	ow, dw := widthChars(s.Organ), widthChars(s.Date)
	n := float64(layout.CharsPerLine)
	organX, dateX := layout.SignatureOffsets(ow, dw, layout.CharsPerLine, s.Sealed)
	organRight, dateRight := n-organX-ow, n-dateX-dw
	ind := func(chars float64) string { return indXML(0, chars, 0, 320) }
	if s.Organ != "" {
		r.para(pp{style: stSignature, ind: ind(organRight)}, run(s.Organ, rp{}))
	}
	if s.Date != "" {
		r.para(pp{style: stDate, ind: ind(dateRight)}, run(s.Date, rp{}))
	}
}

func (r *renderer) note(n doc.Note) {
	p := pp{style: stNote}
	if r.form {
		r.lineFor(&p, doc.Size3)
	}
	r.para(p, run(n.Text, rp{}))
}

func (r *renderer) attachment(a doc.Attachment) error {
	r.pendingBreak = true
	label := a.Label
	if label == "" {
		label = "附件"
	}
	r.para(pp{style: stAttachLabel}, run(label, rp{}))
	r.blank()
	if a.Title != "" {
		r.title([]string{a.Title}, stAttachTitle)
	}
	return r.blocks(a.Blocks)
}

func (r *renderer) spacer(s doc.Spacer) {
	if s.Lines <= 0 {
		return
	}
	if r.form {
		h := mm(s.Lines)
		if h < 2 {
			h = 2
		}
		r.para(pp{snapOff: true, spacing: exactSpacing(h)}, `<w:r><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:r>`)
		return
	}
	n := int(s.Lines + 1e-9)
	for i := 0; i < n; i++ {
		r.blank()
	}
	if frac := s.Lines - float64(n); frac > 0.01 {
		r.para(pp{snapOff: true, spacing: exactSpacing(int(math.Round(frac * linePitch)))},
			`<w:r><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:r>`)
	}
}

// ---- tables ----

type border struct {
	val   string // "single", "nil"
	sz    int    // eighths of a point
	color string
}

var (
	thin  = border{"single", 4, "000000"}
	none  = border{"nil", 0, ""}
	rule1 = border{"single", 8, "000000"} // 0.35 mm: 版记 first and last rules
	rule2 = border{"single", 6, "000000"} // 0.25 mm: 版记 middle rules
)

func (b border) xml(side string) string {
	if b.val == "nil" {
		return `<w:` + side + ` w:val="nil"/>`
	}
	return fmt.Sprintf(`<w:%s w:val="%s" w:sz="%d" w:space="0" w:color="%s"/>`, side, b.val, b.sz, b.color)
}

func cellBorders(top, left, bottom, right border) string {
	return `<w:tcBorders>` + top.xml("top") + left.xml("left") + bottom.xml("bottom") + right.xml("right") + `</w:tcBorders>`
}

// scaleWidths turns column widths (any unit) into twips adding up to total.
func scaleWidths(ws []float64, total int) []int {
	sum := 0.0
	for _, w := range ws {
		if w > 0 {
			sum += w
		}
	}
	out := make([]int, len(ws))
	if len(ws) == 0 {
		return out
	}
	acc := 0
	for i, w := range ws {
		if sum <= 0 {
			w, sum = 1, float64(len(ws))
		}
		if w < 0 {
			w = 0
		}
		if i == len(ws)-1 {
			out[i] = total - acc
			break
		}
		out[i] = int(math.Round(w / sum * float64(total)))
		acc += out[i]
	}
	return out
}

type vmerge struct {
	rows, span int
}

func (r *renderer) table(t doc.Table) error {
	size := t.Size
	if size <= 0 {
		size = doc.Size4
	}
	ncol := len(t.Columns)
	rows := append(append([]doc.Row{}, t.Header...), t.Rows...)
	if ncol == 0 {
		for _, row := range rows {
			n := 0
			for _, c := range row.Cells {
				n += max(1, c.ColSpan)
			}
			ncol = max(ncol, n)
		}
	}
	if ncol == 0 {
		return nil
	}
	ws := make([]float64, ncol)
	for i := range ws {
		if i < len(t.Columns) {
			ws[i] = t.Columns[i].Width
		}
	}
	widths := scaleWidths(ws, r.textW)
	if t.Caption != "" {
		p := pp{style: stCaption}
		if r.form {
			r.lineFor(&p, doc.Size3)
		}
		r.para(p, run(t.Caption, rp{}))
	}
	r.breakParagraph()

	b := &r.b
	b.WriteString(`<w:tbl><w:tblPr>`)
	fmt.Fprintf(b, `<w:tblW w:w="%d" w:type="dxa"/><w:jc w:val="center"/>`, r.textW)
	b.WriteString(`<w:tblLayout w:type="fixed"/>`)
	b.WriteString(`<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>`)
	b.WriteString(`<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>`)
	b.WriteString(`</w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, w)
	}
	b.WriteString(`</w:tblGrid>`)

	spanW := func(c, n int) int {
		s := 0
		for i := c; i < c+n && i < ncol; i++ {
			s += widths[i]
		}
		return s
	}
	half := halfPts(size)
	cellRP := rp{}
	if half != 28 {
		cellRP.halfPts = half
	}
	vm := make([]vmerge, ncol)
	for ri, row := range rows {
		header := ri < len(t.Header)
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/>`)
		if header {
			b.WriteString(`<w:tblHeader/>`)
		}
		b.WriteString(`</w:trPr>`)
		c, ci := 0, 0
		for c < ncol {
			if vm[c].rows > 0 {
				span := vm[c].span
				vm[c].rows--
				r.tc(spanW(c, span), span, "continue", "")
				c += span
				continue
			}
			if ci >= len(row.Cells) {
				r.tc(widths[c], 1, "", r.cellPara(header, "center", cellRP, "", size))
				c++
				continue
			}
			cell := row.Cells[ci]
			ci++
			span := max(1, cell.ColSpan)
			if c+span > ncol {
				span = ncol - c
			}
			merge := ""
			if cell.RowSpan > 1 {
				vm[c] = vmerge{rows: cell.RowSpan - 1, span: span}
				merge = "restart"
			}
			def := "center"
			if c < len(t.Columns) {
				def = jcOf(t.Columns[c].Align, "center")
			}
			crp := cellRP
			crp.bold = cell.Bold
			r.tc(spanW(c, span), span, merge, r.cellPara(header, jcOf(cell.Align, def), crp, cell.Text, size))
			c += span
		}
		if ci < len(row.Cells) {
			return fmt.Errorf("表格第%d行的单元格多于%d列，无法输出", ri+1, ncol)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
	return nil
}

func (r *renderer) cellPara(header bool, jc string, p rp, text string, size float64) string {
	st := stTable
	if header {
		st = stTableHeader
	}
	q := pp{style: st, jc: jc}
	r.lineFor(&q, size)
	return `<w:p>` + q.xml() + run(text, p) + `</w:p>`
}

// tc writes one cell. merge is "", "restart" or "continue"; a continuing
// cell gets an empty paragraph.
func (r *renderer) tc(w, span int, merge, para string) {
	b := &r.b
	b.WriteString(`<w:tc><w:tcPr>`)
	fmt.Fprintf(b, `<w:tcW w:w="%d" w:type="dxa"/>`, w)
	if span > 1 {
		fmt.Fprintf(b, `<w:gridSpan w:val="%d"/>`, span)
	}
	switch merge {
	case "restart":
		b.WriteString(`<w:vMerge w:val="restart"/>`)
	case "continue":
		b.WriteString(`<w:vMerge/>`)
	}
	b.WriteString(cellBorders(thin, thin, thin, thin))
	b.WriteString(`<w:vAlign w:val="center"/></w:tcPr>`)
	if para == "" {
		para = `<w:p><w:pPr><w:pStyle w:val="` + stTable + `"/></w:pPr></w:p>`
	}
	b.WriteString(para)
	b.WriteString(`</w:tc>`)
}

// ---- forms (ballots, counting forms) ----

// formTable writes a Form as a fixed-width table with exact row heights.
// Rows may have different cell boundaries: the table grid is the union of
// all boundaries and each cell spans the grid columns it covers.
func (r *renderer) formTable(f doc.Form) error {
	if len(f.Rows) == 0 {
		return nil
	}
	bset := map[int]bool{0: true}
	for _, row := range f.Rows {
		x := 0.0
		for _, c := range row.Cells {
			if c.Width < 0 {
				return fmt.Errorf("表单单元格宽度不能为负数：%.1f毫米", c.Width)
			}
			x += c.Width
			bset[mm(x)] = true
		}
	}
	bounds := make([]int, 0, len(bset))
	for k := range bset {
		bounds = append(bounds, k)
	}
	sort.Ints(bounds)
	idx := make(map[int]int, len(bounds))
	for i, v := range bounds {
		idx[v] = i
	}
	ngrid := len(bounds) - 1
	if ngrid <= 0 {
		return nil
	}
	r.breakParagraph()
	b := &r.b
	b.WriteString(`<w:tbl><w:tblPr>`)
	fmt.Fprintf(b, `<w:tblW w:w="%d" w:type="dxa"/><w:jc w:val="center"/>`, bounds[ngrid])
	b.WriteString(`<w:tblLayout w:type="fixed"/>`)
	b.WriteString(`<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="57" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>`)
	b.WriteString(`<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>`)
	b.WriteString(`</w:tblPr><w:tblGrid>`)
	for i := 0; i < ngrid; i++ {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, bounds[i+1]-bounds[i])
	}
	b.WriteString(`</w:tblGrid>`)
	// A cell that continues the one above it (Join) is merged with it
	// (w:vMerge): the cell above restarts the merge, the joined ones
	// continue it, and its text keeps to its own row, as in the PDF.
	type cols struct{ x0, x1 int }
	joined := make([]map[cols]bool, len(f.Rows)+1)
	for ri, row := range f.Rows {
		joined[ri] = map[cols]bool{}
		x := 0.0
		for _, c := range row.Cells {
			x0 := mm(x)
			x += c.Width
			if c.Join && ri > 0 {
				joined[ri][cols{x0, mm(x)}] = true
			}
		}
	}
	for ri, row := range f.Rows {
		b.WriteString(`<w:tr><w:trPr>`)
		end := 0.0
		for _, c := range row.Cells {
			end += c.Width
		}
		last := idx[mm(end)]
		if last < ngrid {
			fmt.Fprintf(b, `<w:gridAfter w:val="%d"/><w:wAfter w:w="%d" w:type="dxa"/>`, ngrid-last, bounds[ngrid]-mm(end))
		}
		b.WriteString(`<w:cantSplit/>`)
		if row.Height > 0 {
			fmt.Fprintf(b, `<w:trHeight w:val="%d" w:hRule="exact"/>`, mm(row.Height))
		}
		b.WriteString(`</w:trPr>`)
		x := 0.0
		for ci, c := range row.Cells {
			x0 := mm(x)
			x += c.Width
			x1 := mm(x)
			span := idx[x1] - idx[x0]
			if span <= 0 {
				continue // zero-width cell
			}
			size := c.Size
			if size <= 0 {
				size = doc.Size4
			}
			if err := checkFit(c, size, row.Height, ri, ci); err != nil {
				return err
			}
			here := cols{x0, x1}
			cont, restart := joined[ri][here], !joined[ri][here] && joined[ri+1][here]
			b.WriteString(`<w:tc><w:tcPr>`)
			fmt.Fprintf(b, `<w:tcW w:w="%d" w:type="dxa"/>`, x1-x0)
			if span > 1 {
				fmt.Fprintf(b, `<w:gridSpan w:val="%d"/>`, span)
			}
			switch {
			case restart:
				b.WriteString(`<w:vMerge w:val="restart"/>`)
			case cont:
				b.WriteString(`<w:vMerge/>`)
			}
			if c.NoBorder {
				b.WriteString(cellBorders(none, none, none, none))
			} else {
				b.WriteString(cellBorders(thin, thin, thin, thin))
			}
			if c.Shade {
				b.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="E7E6E6"/>`)
			}
			line := int(math.Round(size * 20 * 1.25))
			q := pp{style: stForm, jc: jcOf(c.Align, "center")}
			q.spacing = exactSpacing(line)
			if cont {
				b.WriteString(`<w:vAlign w:val="center"/></w:tcPr><w:p>` + q.xml() + `</w:p></w:tc>`)
				continue
			}
			if restart {
				// the merged cell is as tall as its rows: the text is set
				// at the top, centred in the first row
				b.WriteString(`<w:vAlign w:val="top"/></w:tcPr>`)
				q.spacing = fmt.Sprintf(`<w:spacing w:before="%d" w:after="0" w:line="%d" w:lineRule="exact"/>`, max(0, (mm(row.Height)-line)/2), line)
			} else {
				b.WriteString(`<w:vAlign w:val="center"/></w:tcPr>`)
			}
			p := rp{bold: c.Bold}
			if c.Role != doc.FangSong {
				p.role = roleP(c.Role)
			}
			if h := halfPts(size); h != 28 {
				p.halfPts = h
			}
			b.WriteString(`<w:p>` + q.xml() + run(c.Text, p) + `</w:p>`)
			b.WriteString(`</w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
	return nil
}

// checkFit reports a form cell whose text cannot fit at its size: the
// renderer never shrinks text.
func checkFit(c doc.FormCell, size, heightMM float64, ri, ci int) error {
	if c.Text == "" || c.Width <= 0 {
		return nil
	}
	innerPt := c.Width*72/25.4 - 2*57.0/20
	if innerPt <= 0 {
		return fmt.Errorf("表单第%d行第%d格太窄，放不下“%s”", ri+1, ci+1, c.Text)
	}
	lines := 0
	for _, part := range strings.Split(c.Text, "\n") {
		w := widthChars(part) * size
		n := int(math.Ceil(w/innerPt - 1e-9))
		lines += max(1, n)
	}
	if heightMM > 0 {
		need := float64(lines) * size * 1.25
		if need > heightMM*72/25.4+0.5 {
			return fmt.Errorf("表单第%d行第%d格（宽%.1f毫米、高%.1f毫米）放不下%.0f磅的“%s”", ri+1, ci+1, c.Width, heightMM, size, c.Text)
		}
	}
	return nil
}

// ---- 版头 and 版记 ----

func (r *renderer) letterhead(l *doc.Letterhead) {
	// 发文机关标志: top edge 35 mm below the top of the text block, red,
	// 小标宋, as large as 36 pt while it fits on one line.
	n := widthChars(l.Organ)
	size := 36.0
	if n > 0 && n*size > 440 {
		size = math.Floor(440/n*2) / 2
	}
	line := int(math.Round(size * 20 * 1.2))
	before := mm(35) - int(math.Round(size*20*0.1))
	r.para(pp{style: stOrgan, snapOff: true,
		spacing: fmt.Sprintf(`<w:spacing w:before="%d" w:after="0" w:line="%d" w:lineRule="exact"/>`, before, line)},
		run(l.Organ, rp{halfPts: halfPts(size)}))
	r.blank()
	redRule := `<w:pBdr><w:bottom w:val="single" w:sz="12" w:space="11" w:color="C8102E"/></w:pBdr>`
	if len(l.Signers) == 0 {
		p := pp{style: stDocNumber, pBdr: redRule}
		r.para(p, run(l.Number, rp{}))
	} else {
		// 上行文: 文号 1 character in from the left, 签发人 1 character in
		// from the right on the same line as the last signer; two signers
		// per line.
		var lines [][]string
		for i := 0; i < len(l.Signers); i += 2 {
			lines = append(lines, l.Signers[i:min(i+2, len(l.Signers))])
		}
		tab := fmt.Sprintf(`<w:tabs><w:tab w:val="right" w:pos="%d"/></w:tabs>`, r.textW-320)
		ind := indXML(1, 1, 0, 320)
		for i, names := range lines {
			lastLine := i == len(lines)-1
			p := pp{style: stDocNumber, tabs: tab, ind: ind, jc: "left"}
			var runs []string
			if lastLine {
				p.pBdr = redRule
				runs = append(runs, run(l.Number, rp{}))
			}
			runs = append(runs, run("\t签发人：", rp{}), run(strings.Join(names, "　"), rp{role: roleP(doc.KaiTi)}))
			r.para(p, runs...)
		}
	}
	r.titleBefore = 2 // the title sits two blank lines below the red rule
}

// imprint writes the 版记 as a borderless-sided table: a thick rule above,
// a thin rule between 抄送 and 印发, a thick rule below.
func (r *renderer) imprint(im *doc.Imprint) {
	cc := ""
	if len(im.CC) > 0 {
		cc = "抄送：" + strings.Join(im.CC, "，") + "。"
	}
	date := ""
	if im.PrintDate != "" {
		date = im.PrintDate + "印发"
	}
	hasPrint := im.Printer != "" || date != ""
	if cc == "" && !hasPrint {
		return
	}
	r.breakParagraph()
	w := r.textW
	b := &r.b
	b.WriteString(`<w:tbl><w:tblPr>`)
	if !r.form {
		// Pinned to the bottom of the text block of the page it falls on:
		// its last rule is the bottom edge of the 版心. Horizontally it is
		// placed relative to the page (at the left margin): LibreOffice
		// only keeps a text-wide table floating when so anchored.
		fmt.Fprintf(b, `<w:tblpPr w:leftFromText="0" w:rightFromText="0" w:vertAnchor="margin" w:horzAnchor="page" w:tblpX="%d" w:tblpYSpec="bottom"/><w:tblOverlap w:val="never"/>`, r.marL)
	}
	fmt.Fprintf(b, `<w:tblW w:w="%d" w:type="dxa"/><w:jc w:val="center"/>`, w)
	b.WriteString(`<w:tblLayout w:type="fixed"/>`)
	b.WriteString(`<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>`)
	b.WriteString(`<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>`)
	fmt.Fprintf(b, `</w:tblPr><w:tblGrid><w:gridCol w:w="%d"/></w:tblGrid>`, w)
	cell := func(top, bottom border, para string) {
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr>`)
		fmt.Fprintf(b, `<w:tcW w:w="%d" w:type="dxa"/>`, w)
		b.WriteString(cellBorders(top, none, bottom, none))
		b.WriteString(`<w:vAlign w:val="center"/></w:tcPr>`)
		b.WriteString(para)
		b.WriteString(`</w:tc></w:tr>`)
	}
	ipara := func(ind, tabs, text string) string {
		q := pp{style: stImprint, ind: ind, tabs: tabs}
		if r.form {
			r.lineFor(&q, doc.Size4)
		}
		return `<w:p>` + q.xml() + run(text, rp{}) + `</w:p>`
	}
	if cc != "" {
		bottom := rule1
		if hasPrint {
			bottom = rule2
		}
		// 1 character in on both sides; wrapped lines align after "抄送：".
		cell(rule1, bottom, ipara(indXML(4, 1, -3, 280), "", cc))
	}
	if hasPrint {
		top := rule1
		if cc != "" {
			top = rule2
		}
		// 印发机关 1 character in from the left, the date 1 character in
		// from the right (a right tab at the right indent).
		tabs := fmt.Sprintf(`<w:tabs><w:tab w:val="right" w:pos="%d"/></w:tabs>`, w-280)
		cell(top, rule1, ipara(indXML(1, 1, 0, 280), tabs, im.Printer+"\t"+date))
	}
	b.WriteString(`</w:tbl>`)
}

// tail returns the last few bytes written.
func tail(b *strings.Builder) string {
	s := b.String() // no copy: String shares the buffer
	if len(s) > 16 {
		s = s[len(s)-16:]
	}
	return s
}
