package layout

import (
	"math"
	"strconv"
	"strings"

	"huanjie/generator/doc"
	"huanjie/generator/page"
)

// The 公文 flow: blocks set on the 22-line grid, page by page.

const lines = LinesPerPage

// baseline of grid line i for text of size pt: the em box is centred in the
// line's pitch (ideographic em box: 0.88 above the baseline, 0.12 below).
func baseline(i, size float64) float64 {
	return top + i*pitch + (pitch-size)/2 + 0.88*size
}

func (c *composer) newPage() {
	// the signature never takes lines from further back than the page
	// before its own: forget older ones
	keep := c.lastPara[:0]
	for _, rc := range c.lastPara {
		if rc.page == c.cur {
			keep = append(keep, rc)
		}
	}
	c.lastPara = keep
	c.cur = &sheet{Page: &page.Page{Width: pageW, Height: pageH}}
	c.pages = append(c.pages, c.cur)
	c.line = 0
}

// snap moves the cursor to the next whole grid line.
func (c *composer) snap() {
	c.line = math.Ceil(c.line - 1e-6)
}

func (c *composer) room() int {
	c.snap()
	return lines - int(c.line)
}

// style is how a run of text is set.
type style struct {
	role        doc.Role
	size        float64
	firstIndent float64 // points
	restIndent  float64
	align       doc.Align // AlignDefault = justified
	color       page.Color
	width       float64 // 0 = block width
	kind        recKind
}

func track(size float64) float64 {
	if size == BodySize {
		return Tracking
	}
	return 0
}

func charPitch(size float64) float64 { return size + track(size) }

var bodyIndent = 2 * CharPitch

var bodyStyle = style{role: doc.FangSong, size: BodySize, firstIndent: bodyIndent}

// breakText shapes and breaks text in st.
func (c *composer) breakText(text string, st style) (*shaped, []Line) {
	if st.size == 0 {
		st.size = BodySize
	}
	s := c.shape(text, st.role, st.size, track(st.size))
	w := st.width
	if w == 0 {
		w = blockW
	}
	lns := Break(s.items, w, st.firstIndent, st.restIndent)
	if st.align == doc.AlignCenter || st.align == doc.AlignRight || st.align == doc.AlignLeft {
		for k := range lns {
			naturalize(&lns[k], s, st.align, w)
		}
	}
	return s, lns
}

// naturalize drops justification and aligns the line within width.
func naturalize(ln *Line, s *shaped, align doc.Align, width float64) {
	x := 0.0
	for j := range ln.X {
		ln.X[j] = x
		x += s.items[ln.Start+j].W
	}
	off := ln.Indent
	switch align {
	case doc.AlignCenter:
		off = (width - x) / 2
	case doc.AlignRight:
		off = width - x - ln.Indent
	}
	for j := range ln.X {
		ln.X[j] += off
	}
	ln.Width = off + x
	ln.Blanks = BlankSpans(s.items, *ln)
	ln.Cuts = nil
}

// single is text set as one line, aligned within the block.
func (c *composer) single(text string, role doc.Role, size, indent float64, align doc.Align) (*shaped, Line) {
	s := c.shape(text, role, size, track(size))
	return s, oneLine(s, indent, align)
}

// oneLine is all of s as one line, aligned within the block.
func oneLine(s *shaped, indent float64, align doc.Align) Line {
	ln := Line{Start: 0, End: len(s.items), Last: true, X: make([]float64, len(s.items)), Indent: indent}
	naturalize(&ln, s, align, blockW)
	return ln
}

// emit draws one line on grid line i of the current page.
func (c *composer) emit(s *shaped, ln Line, x0, i float64, color page.Color) []page.Item {
	items := c.textLine(s, ln, x0, baseline(i, s.size), color)
	c.add(items...)
	return items
}

// paragraph places text on the grid, page by page (see split).
func (c *composer) paragraph(text string, st style) {
	s, lns := c.breakText(text, st)
	c.placeLines(s, lns, left, st.color, st.kind)
}

func (c *composer) placeLines(s *shaped, lns []Line, x0 float64, color page.Color, kind recKind) {
	L := len(lns)
	c.paraSeq++
	gap := c.gap
	c.gap = 0
	lead := false
	if L > 0 && lns[L-1].End > lns[L-1].Start {
		r := s.items[lns[L-1].End-1].R
		lead = r == '：' || r == ':'
	}
	for i := 0; i < L; {
		if c.room() <= 0 {
			c.newPage()
		}
		take := split(L-i, c.room(), i == 0 && c.line > 0)
		if take == 0 {
			c.newPage()
			continue
		}
		for k := 0; k < take; k++ {
			items := c.emit(s, lns[i+k], x0, c.line, color)
			rc := lineRec{page: c.cur, items: items, line: c.line, para: c.paraSeq, first: i+k == 0, kind: kind}
			if rc.first {
				rc.gap = gap
			}
			rc.lead = lead && i+k == L-1
			c.lastPara = append(c.lastPara, rc)
			c.line++
		}
		i += take
	}
}

func (c *composer) flowGongwen(d *doc.Document) {
	c.newPage()
	if d.Letterhead != nil {
		c.letterhead(d.Letterhead)
	}
	c.blocks(d.Blocks)
	if d.Imprint != nil {
		c.imprint(d.Imprint)
	}
	c.number()
}

func (c *composer) blocks(bs []doc.Block) {
	for i, b := range bs {
		c.block(value(b), bs[i+1:])
	}
}

// value turns a pointer to a block into the block.
func value(b doc.Block) doc.Block {
	switch b := b.(type) {
	case *doc.Title:
		return *b
	case *doc.Addressee:
		return *b
	case *doc.Paragraph:
		return *b
	case *doc.Heading:
		return *b
	case *doc.List:
		return *b
	case *doc.Table:
		return *b
	case *doc.AttachmentNote:
		return *b
	case *doc.Signature:
		return *b
	case *doc.Note:
		return *b
	case *doc.Attachment:
		return *b
	case *doc.PageBreak:
		return *b
	case *doc.Spacer:
		return *b
	case *doc.Form:
		return *b
	}
	return b
}

// paraStyle is how a paragraph is set.
func paraStyle(p doc.Paragraph) style {
	size := p.Size
	if size == 0 {
		size = BodySize
	}
	ind := 2 * charPitch(size)
	if p.NoIndent || p.Align == doc.AlignCenter || p.Align == doc.AlignRight {
		ind = 0
	}
	return style{role: p.Role, size: size, firstIndent: ind, align: p.Align}
}

// block places b; rest are the blocks after it (a heading keeps with them).
func (c *composer) block(b doc.Block, rest []doc.Block) {
	switch b := b.(type) {
	case doc.Title:
		c.title(b.Phrases)
	case doc.Addressee:
		c.paragraph(b.Text, style{role: doc.FangSong, size: BodySize})
	case doc.Paragraph:
		c.paragraph(b.Text, paraStyle(b))
	case doc.Heading:
		c.heading(b, rest)
	case doc.List:
		for k, it := range b.Items {
			c.paragraph(listMarker(b.Marker, k)+it, bodyStyle)
		}
	case doc.Table:
		c.table(&b)
	case doc.AttachmentNote:
		c.attachmentNote(b.Items)
	case doc.Signature:
		c.signature(b)
	case doc.Note:
		c.paragraph(b.Text, bodyStyle)
	case doc.Attachment:
		c.attachment(b)
	case doc.PageBreak:
		c.newPage()
		c.lastPara = nil
	case doc.Spacer:
		c.snap()
		c.line += math.Ceil(b.Lines)
		c.gap += math.Ceil(b.Lines)
		if c.line >= lines {
			c.newPage()
		}
	case doc.Form:
		c.formInFlow(&b)
	}
}

// listMarker numbers item k (0-based) in the style of marker.
func listMarker(marker string, k int) string {
	n := strconv.Itoa(k + 1)
	switch marker {
	case "":
		return ""
	case "1.":
		return n + "."
	case "（1）":
		return "（" + n + "）"
	case "一、":
		return chineseNumber(k+1) + "、"
	case "（一）":
		return "（" + chineseNumber(k+1) + "）"
	}
	return marker
}

func chineseNumber(n int) string {
	digits := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return digits[n]
	case n < 20:
		if n == 10 {
			return "十"
		}
		return "十" + digits[n-10]
	case n < 100:
		s := digits[n/10] + "十"
		if n%10 != 0 {
			s += digits[n%10]
		}
		return s
	}
	return strconv.Itoa(n)
}

func (c *composer) title(phrases []string) {
	size := doc.Size2
	maxChars := int(blockW / size)
	rows := WrapTitle(phrases, maxChars)
	if len(rows) == 0 {
		return
	}
	if c.room() < len(rows)+2 && c.line > 0 {
		c.newPage()
	}
	c.lastPara = nil
	for _, row := range rows {
		c.centredLine(strings.Join(row, ""), doc.XiaoBiaoSong, size, page.Black)
	}
	c.line++ // one blank line below the title
}

// centredLine sets text centred on the current grid line (one line only).
func (c *composer) centredLine(text string, role doc.Role, size float64, color page.Color) {
	s := c.shape(text, role, size, 0)
	ln := oneLine(s, 0, doc.AlignCenter)
	if c.room() <= 0 {
		c.newPage()
	}
	c.emit(s, ln, left, c.line, color)
	c.line++
}

func headingStyle(h doc.Heading) style {
	role := doc.FangSong
	switch h.Level {
	case 1:
		role = doc.HeiTi
	case 2:
		role = doc.KaiTi
	}
	return style{role: role, size: BodySize, firstIndent: bodyIndent, kind: recHeading}
}

// heading starts a new page unless the heading and the first lines of what
// follows it (leadLines) fit on this one.
func (c *composer) heading(h doc.Heading, rest []doc.Block) {
	s, lns := c.breakText(h.Text, headingStyle(h))
	if c.room() < len(lns)+c.leadLines(rest) && c.line > 0 {
		c.newPage()
	}
	c.placeLines(s, lns, left, page.Black, recHeading)
}

// leadLines is how many lines of the blocks bs must share a page with the
// heading before them: the first chunk of a paragraph (two lines, or all of
// a short one), a following heading with its own lead, the start of a
// table, one line of anything else.
func (c *composer) leadLines(bs []doc.Block) int {
	if len(bs) == 0 {
		return 0
	}
	lineCount := func(text string, st style) int {
		_, lns := c.breakText(text, st)
		return len(lns)
	}
	switch b := value(bs[0]).(type) {
	case doc.Paragraph:
		return firstChunk(lineCount(b.Text, paraStyle(b)))
	case doc.Note:
		return firstChunk(lineCount(b.Text, bodyStyle))
	case doc.List:
		if len(b.Items) == 0 {
			return c.leadLines(bs[1:])
		}
		return firstChunk(lineCount(listMarker(b.Marker, 0)+b.Items[0], bodyStyle))
	case doc.Heading:
		return lineCount(b.Text, headingStyle(b)) + c.leadLines(bs[1:])
	case doc.Table:
		return tableStart(&b)
	case doc.Spacer:
		return int(math.Ceil(b.Lines)) + c.leadLines(bs[1:])
	case doc.PageBreak, doc.Attachment:
		return 0
	}
	return 1
}

// tableStart is about how many grid lines the start of t takes: its
// caption, header and first row.
func tableStart(t *doc.Table) int {
	n := 1 + len(t.Header)
	if t.Caption != "" {
		n++
	}
	return n
}

func (c *composer) attachmentNote(items []string) {
	if len(items) == 0 {
		return
	}
	c.snap()
	if c.line > 0 {
		c.line++ // one blank line below the body
	}
	c.gap = 1
	label := "附件："
	lw := c.textWidth(label, doc.FangSong, BodySize)
	if len(items) == 1 {
		c.paragraph(label+items[0], style{role: doc.FangSong, size: BodySize,
			firstIndent: bodyIndent, restIndent: bodyIndent + lw, kind: recNote})
		return
	}
	for k, it := range items {
		num := strconv.Itoa(k+1) + "."
		nw := c.textWidth(num, doc.FangSong, BodySize)
		text := num + it
		first := bodyIndent + lw
		if k == 0 {
			text = label + text
			first = bodyIndent
		}
		c.paragraph(text, style{role: doc.FangSong, size: BodySize,
			firstIndent: first, restIndent: bodyIndent + lw + nw, kind: recNote})
	}
}

// textWidth is the set width of text (with grid tracking for body size).
func (c *composer) textWidth(text string, role doc.Role, size float64) float64 {
	s := c.shape(text, role, size, track(size))
	w := 0.0
	for _, it := range s.items {
		w += it.W
	}
	return w
}

func (c *composer) signature(sg doc.Signature) {
	size := BodySize
	cp := CharPitch
	ow := c.textWidth(sg.Organ, doc.FangSong, size) / cp
	dw := c.textWidth(sg.Date, doc.FangSong, size) / cp
	ox, dx := SignatureOffsets(ow, dw, CharsPerLine, sg.Sealed)
	blank := 1
	if sg.Sealed {
		blank = 2
	}
	c.snap()
	rows := 2
	if sg.Organ == "" || sg.Date == "" {
		rows = 1
	}
	fits := c.line+float64(blank+rows) <= lines
	if !fits || !c.pageHasBody() {
		// GB/T 9704 7.3.5: the signature shares its page with body text.
		// Take the last lines of the body (and the attachment note) to a
		// new page with it, else tighten the blank above it.
		if cut := c.tailCut(blank+rows, minBody); cut >= 0 {
			c.moveTail(cut)
		} else if !fits && c.line+float64(rows) <= lines && c.pageHasBody() {
			blank = int(lines - c.line - float64(rows))
		} else if !fits {
			c.newPage()
		}
	}
	c.line += float64(blank)
	if c.line >= lines {
		c.newPage()
	}
	if sg.Organ != "" {
		c.placeAt(sg.Organ, doc.FangSong, size, ox*cp)
	}
	if sg.Date != "" {
		c.placeAt(sg.Date, doc.FangSong, size, dx*cp)
	}
	c.lastPara = nil
}

// placeAt sets a one-line text at x (from the block's left edge) on the
// current grid line.
func (c *composer) placeAt(text string, role doc.Role, size, x float64) {
	s, ln := c.single(text, role, size, x, doc.AlignLeft)
	if c.room() <= 0 {
		c.newPage()
	}
	c.emit(s, ln, left, c.line, page.Black)
	c.line++
}

func (c *composer) attachment(a doc.Attachment) {
	c.newPage()
	c.lastPara = nil
	label := a.Label
	if label == "" {
		label = "附件"
	}
	c.paragraph(label, style{role: doc.HeiTi, size: BodySize})
	c.line++ // the title goes on line 3
	if a.Title != "" {
		c.title([]string{a.Title})
	}
	c.blocks(a.Blocks)
}
