package pdf

import (
	"math"
	"strconv"
	"strings"

	"huanjie/generator/doc"
	"huanjie/generator/layout"
)

const lines = layout.LinesPerPage

// baseline of grid line i for text of size pt: the em box is centred in the
// line's pitch (ideographic em box: 0.88 above the baseline, 0.12 below).
func baseline(i, size float64) float64 {
	return top + i*pitch + (pitch-size)/2 + 0.88*size
}

func (r *renderer) newPage() {
	// the signature never takes lines from further back than the page
	// before its own: forget older ones
	keep := r.lastPara[:0]
	for _, rc := range r.lastPara {
		if rc.page == r.cur {
			keep = append(keep, rc)
		}
	}
	r.lastPara = keep
	p := &page{}
	r.pages = append(r.pages, p)
	r.cur = p
	r.line = 0
}

// snap moves the cursor to the next whole grid line.
func (r *renderer) snap() {
	r.line = math.Ceil(r.line - 1e-6)
}

func (r *renderer) room() int {
	r.snap()
	return lines - int(r.line)
}

func (r *renderer) add(o op) { r.cur.ops = append(r.cur.ops, o) }

// lineRec remembers where a line of running text was drawn, so the
// signature can take the last lines of the body with it to a new page.
// r.lastPara holds the lines since the last barrier (a table, a form, a
// title, a new attachment), across pages.
type lineRec struct {
	page  *page
	op    int
	line  float64
	para  int     // serial number of the paragraph
	first bool    // first line of its paragraph
	gap   float64 // blank lines wanted before this line (first lines only)
	kind  recKind
	lead  bool // last line of a paragraph that ends in a colon: it leads in to what follows
}

type recKind int

const (
	recBody recKind = iota
	recHeading
	recNote // the attachment note
)

// style is how a run of text is set.
type style struct {
	role        doc.Role
	size        float64
	firstIndent float64 // points
	restIndent  float64
	align       doc.Align // AlignDefault = justified
	color       [3]int
	width       float64 // 0 = block width
	kind        recKind
}

func (r *renderer) track(size float64) float64 {
	if size == layout.BodySize {
		return layout.Tracking
	}
	return 0
}

// breakText shapes and breaks text in st.
func (r *renderer) breakText(text string, st style) (*shaped, []layout.Line) {
	s := r.shape(text, st.role, st.size, r.track(st.size))
	w := st.width
	if w == 0 {
		w = blockW
	}
	lns := layout.Break(s.items, w, st.firstIndent, st.restIndent)
	if st.align == doc.AlignCenter || st.align == doc.AlignRight || st.align == doc.AlignLeft {
		for k := range lns {
			naturalize(&lns[k], s, st.align, w)
		}
	}
	return s, lns
}

// naturalize drops justification and aligns the line within width.
func naturalize(ln *layout.Line, s *shaped, align doc.Align, width float64) {
	x := 0.0
	for j := range ln.X {
		ln.X[j] = x
		x += s.items[ln.Start+j].W
	}
	// a trailing full-width mark whose space is blank: do not count it for centring
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
	ln.Blanks = layout.BlankSpans(s.items, *ln)
}

// emit draws one line on grid line i of the current page.
func (r *renderer) emit(s *shaped, ln layout.Line, x0, i float64, color [3]int) int {
	r.add(r.textLine(s, ln, x0, baseline(i, s.size), color))
	return len(r.cur.ops) - 1
}

// paragraph places text on the grid, page by page, avoiding a lone first
// line at the bottom of a page and a lone last line at the top of the next.
func (r *renderer) paragraph(text string, st style) {
	if st.size == 0 {
		st.size = layout.BodySize
	}
	s, lns := r.breakText(text, st)
	r.placeLines(s, lns, left, st.color, st.kind)
}

func (r *renderer) placeLines(s *shaped, lns []layout.Line, x0 float64, color [3]int, kind recKind) {
	L := len(lns)
	r.paraSeq++
	gap := r.gap
	r.gap = 0
	lead := false
	if L > 0 && lns[L-1].End > lns[L-1].Start {
		c := s.items[lns[L-1].End-1].R
		lead = c == '：' || c == ':'
	}
	for i := 0; i < L; {
		if r.room() <= 0 {
			r.newPage()
		}
		avail := r.room()
		take := L - i
		if take > avail {
			take = avail
			rest := L - i - take
			if rest == 1 && take >= 2 && L >= 3 {
				take-- // no lone last line at the top of the next page
			}
			if i == 0 && take == 1 && L >= 2 && r.line > 0 {
				take = 0 // no lone first line at the bottom
			}
		}
		if take == 0 {
			r.newPage()
			continue
		}
		for k := 0; k < take; k++ {
			opi := r.emit(s, lns[i+k], x0, r.line, color)
			rc := lineRec{page: r.cur, op: opi, line: r.line, para: r.paraSeq, first: i+k == 0, kind: kind}
			if rc.first {
				rc.gap = gap
			}
			rc.lead = lead && i+k == L-1
			r.lastPara = append(r.lastPara, rc)
			r.line++
		}
		i += take
	}
}

// pageHasBody reports whether the current page holds anything but
// headings and an attachment note.
func (r *renderer) pageHasBody() bool {
	n := len(r.cur.ops)
	for _, rc := range r.lastPara {
		if rc.page == r.cur && rc.kind != recBody {
			n--
		}
	}
	return n > 0
}

// tailCut finds where to cut the recorded lines so that the lines from
// there on, moved to a page of their own, leave room for after more lines
// and take body text along: it never leaves a heading at the bottom of a
// page, nor splits a paragraph into pieces of one line. It returns -1 when
// there is no such cut.
func (r *renderer) tailCut(after int) int {
	recs := r.lastPara
	L := len(recs)
	for _, needBody := range []bool{true, false} {
		span := 0.0
		body := false
		for c := L - 1; c >= 1; c-- {
			if c < L-1 {
				span += 1 + recs[c+1].gap
			}
			if span+1+float64(after) > lines {
				break
			}
			a, b := recs[c-1], recs[c]
			body = body || b.kind == recBody
			if b.page != r.cur && (len(r.pages) < 2 || b.page != r.pages[len(r.pages)-2]) {
				break // the lines reach back further than the previous page
			}
			if a.page != b.page || a.kind == recHeading || (needBody && !body) {
				continue
			}
			if a.para == b.para {
				kept, moved := 0, 0
				for _, rc := range recs[:c] {
					if rc.para == a.para && rc.page == a.page {
						kept++
					}
				}
				for _, rc := range recs[c:] {
					if rc.para == a.para {
						moved++
					}
				}
				if kept < 2 || moved < 2 {
					continue
				}
			}
			return c
		}
	}
	return -1
}

// keepLeadIn moves a paragraph that ends in a colon, and a heading right
// above it, to a new page with what it leads in to (a table that needs after
// lines to start), and reports whether it did.
func (r *renderer) keepLeadIn(after int) bool {
	recs := r.lastPara
	L := len(recs)
	if L < 2 || !recs[L-1].lead || recs[L-1].page != r.cur || recs[L-1].line+1 != r.line {
		return false
	}
	c := r.tailCut(after)
	if c < 0 || recs[c].page != r.cur {
		return false
	}
	for _, rc := range recs[c:] {
		if rc.para != recs[L-1].para && (rc.kind != recHeading || rc.para < recs[L-1].para-1) {
			return false
		}
	}
	r.moveTail(c)
	return true
}

// moveTail moves the recorded lines from c on to a new page (or to the top
// of the current page, when they start on the page before), keeping their
// order and the blank lines between paragraphs. Afterwards only the moved
// lines are on record.
func (r *renderer) moveTail(c int) {
	moved := append([]lineRec(nil), r.lastPara[c:]...)
	texts := make([]textOp, len(moved))
	touched := map[*page]bool{}
	for i, rc := range moved {
		texts[i] = rc.page.ops[rc.op].(textOp)
		rc.page.ops[rc.op] = nil
		touched[rc.page] = true
	}
	for p := range touched {
		kept := p.ops[:0]
		for _, o := range p.ops {
			if o != nil {
				kept = append(kept, o)
			}
		}
		p.ops = kept
	}
	if moved[0].page == r.cur || len(r.cur.ops) > 0 {
		r.newPage()
	}
	r.line = 0
	// the lines left behind moved in their pages' op lists: only the moved
	// ones stay on record
	var recs []lineRec
	for i, rc := range moved {
		if i > 0 {
			r.line += 1 + rc.gap
		}
		t := texts[i]
		dy := (r.line - rc.line) * pitch
		t.y += dy
		t.rules = append([]lineOp(nil), t.rules...)
		for k := range t.rules {
			t.rules[k].y1 += dy
			t.rules[k].y2 += dy
		}
		r.add(t)
		rc.page, rc.op, rc.line = r.cur, len(r.cur.ops)-1, r.line
		recs = append(recs, rc)
	}
	r.line++
	r.lastPara = recs
}

// --- the 公文 flow --------------------------------------------------------

func (r *renderer) flowGongwen(d *doc.Document) {
	r.newPage()
	if d.Letterhead != nil {
		r.letterhead(d.Letterhead)
	}
	r.blocks(d.Blocks)
	if d.Imprint != nil {
		r.imprint(d.Imprint)
	}
	r.number()
	if d.Draft {
		for _, p := range r.pages {
			p.ops = append(p.ops, draftOp{})
		}
		r.shape("草稿", doc.HeiTi, 100, 0)
	}
}

func (r *renderer) blocks(bs []doc.Block) {
	for i, b := range bs {
		var next doc.Block
		if i+1 < len(bs) {
			next = bs[i+1]
		}
		r.block(b, next)
	}
}

var bodyIndent = 2 * layout.CharPitch

func (r *renderer) block(b doc.Block, next doc.Block) {
	switch b := b.(type) {
	case doc.Title:
		r.title(b.Phrases)
	case *doc.Title:
		r.title(b.Phrases)
	case doc.Addressee:
		r.paragraph(b.Text, style{role: doc.FangSong, size: layout.BodySize})
	case *doc.Addressee:
		r.block(*b, next)
	case doc.Paragraph:
		role := b.Role
		size := b.Size
		if size == 0 {
			size = layout.BodySize
		}
		ind := 2 * r.charPitch(size)
		if b.NoIndent || b.Align == doc.AlignCenter || b.Align == doc.AlignRight {
			ind = 0
		}
		r.paragraph(b.Text, style{role: role, size: size, firstIndent: ind, align: b.Align})
	case *doc.Paragraph:
		r.block(*b, next)
	case doc.Heading:
		r.heading(b, next)
	case *doc.Heading:
		r.heading(*b, next)
	case doc.List:
		for k, it := range b.Items {
			r.paragraph(listMarker(b.Marker, k)+it, style{role: doc.FangSong, size: layout.BodySize, firstIndent: bodyIndent})
		}
	case *doc.List:
		r.block(*b, next)
	case doc.Table:
		r.table(&b)
	case *doc.Table:
		r.table(b)
	case doc.AttachmentNote:
		r.attachmentNote(b.Items)
	case *doc.AttachmentNote:
		r.attachmentNote(b.Items)
	case doc.Signature:
		r.signature(b)
	case *doc.Signature:
		r.signature(*b)
	case doc.Note:
		r.paragraph(b.Text, style{role: doc.FangSong, size: layout.BodySize, firstIndent: bodyIndent})
	case *doc.Note:
		r.block(*b, next)
	case doc.Attachment:
		r.attachment(b)
	case *doc.Attachment:
		r.attachment(*b)
	case doc.PageBreak, *doc.PageBreak:
		r.newPage()
		r.lastPara = nil
	case doc.Spacer:
		r.snap()
		r.line += math.Ceil(b.Lines)
		r.gap += math.Ceil(b.Lines)
		if r.line >= lines {
			r.newPage()
		}
	case *doc.Spacer:
		r.block(*b, next)
	case doc.Form:
		r.formInFlow(&b)
	case *doc.Form:
		r.formInFlow(b)
	}
}

func (r *renderer) charPitch(size float64) float64 {
	return size + r.track(size)
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

func (r *renderer) title(phrases []string) {
	size := doc.Size2
	maxChars := int(blockW / size)
	rows := layout.WrapTitle(phrases, maxChars)
	if len(rows) == 0 {
		return
	}
	if r.room() < len(rows)+2 && r.line > 0 {
		r.newPage()
	}
	r.lastPara = nil
	for _, row := range rows {
		r.centredLine(strings.Join(row, ""), doc.XiaoBiaoSong, size, black)
	}
	r.line++ // one blank line below the title
}

// centredLine sets text centred on the current grid line (one line only).
func (r *renderer) centredLine(text string, role doc.Role, size float64, color [3]int) {
	s := r.shape(text, role, size, 0)
	ln := layout.Line{Start: 0, End: len(s.items), Last: true}
	ln.X = make([]float64, len(s.items))
	naturalize(&ln, s, doc.AlignCenter, blockW)
	if r.room() <= 0 {
		r.newPage()
	}
	r.emit(s, ln, left, r.line, color)
	r.line++
}

func (r *renderer) heading(h doc.Heading, next doc.Block) {
	role := doc.FangSong
	switch h.Level {
	case 1:
		role = doc.HeiTi
	case 2:
		role = doc.KaiTi
	}
	st := style{role: role, size: layout.BodySize, firstIndent: bodyIndent}
	s, lns := r.breakText(h.Text, st)
	need := len(lns) + r.linesOf(next)
	if r.room() < need && r.line > 0 {
		r.newPage()
	}
	r.placeLines(s, lns, left, black, recHeading)
}

// linesOf estimates how many lines of next must share the page with a
// heading: two of a paragraph (one if it has one), one of anything else.
func (r *renderer) linesOf(next doc.Block) int {
	text := ""
	switch b := next.(type) {
	case doc.Paragraph:
		text = b.Text
	case *doc.Paragraph:
		text = b.Text
	case doc.Heading:
		return 2
	case *doc.Heading:
		return 2
	case doc.Table:
		return tableStart(&b)
	case *doc.Table:
		return tableStart(b)
	case nil:
		return 0
	default:
		return 1
	}
	if layout.Width(text)+2 > layout.CharsPerLine {
		return 2
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

func (r *renderer) attachmentNote(items []string) {
	if len(items) == 0 {
		return
	}
	r.snap()
	if r.line > 0 {
		r.line++ // one blank line below the body
	}
	r.gap = 1
	label := "附件："
	lw := r.textWidth(label, doc.FangSong, layout.BodySize)
	if len(items) == 1 {
		r.paragraph(label+items[0], style{role: doc.FangSong, size: layout.BodySize,
			firstIndent: bodyIndent, restIndent: bodyIndent + lw, kind: recNote})
		return
	}
	for k, it := range items {
		num := strconv.Itoa(k+1) + "."
		nw := r.textWidth(num, doc.FangSong, layout.BodySize)
		text := num + it
		first := bodyIndent + lw
		if k == 0 {
			text = label + text
			first = bodyIndent
		}
		r.paragraph(text, style{role: doc.FangSong, size: layout.BodySize,
			firstIndent: first, restIndent: bodyIndent + lw + nw, kind: recNote})
	}
}

// textWidth is the set width of text (with grid tracking for body size).
func (r *renderer) textWidth(text string, role doc.Role, size float64) float64 {
	s := r.shape(text, role, size, r.track(size))
	w := 0.0
	for _, it := range s.items {
		w += it.W
	}
	return w
}

func (r *renderer) signature(sg doc.Signature) {
	size := layout.BodySize
	cp := layout.CharPitch
	ow := r.textWidth(sg.Organ, doc.FangSong, size) / cp
	dw := r.textWidth(sg.Date, doc.FangSong, size) / cp
	ox, dx := layout.SignatureOffsets(ow, dw, layout.CharsPerLine, sg.Sealed)
	blank := 1
	if sg.Sealed {
		blank = 2
	}
	r.snap()
	rows := 2
	if sg.Organ == "" || sg.Date == "" {
		rows = 1
	}
	fits := r.line+float64(blank+rows) <= lines
	if !fits || !r.pageHasBody() {
		// GB/T 9704 7.3.5: the signature shares its page with body text.
		// Take the last lines of the body (and the attachment note) to a
		// new page with it, else tighten the blank above it.
		if c := r.tailCut(blank + rows); c >= 0 {
			r.moveTail(c)
		} else if !fits && r.line+float64(rows) <= lines && r.pageHasBody() {
			blank = int(lines - r.line - float64(rows))
		} else if !fits {
			r.newPage()
		}
	}
	r.line += float64(blank)
	if r.line >= lines {
		r.newPage()
	}
	if sg.Organ != "" {
		r.placeAt(sg.Organ, doc.FangSong, size, ox*cp)
	}
	if sg.Date != "" {
		r.placeAt(sg.Date, doc.FangSong, size, dx*cp)
	}
	r.lastPara = nil
}

// placeAt sets a one-line text at x (from the block's left edge) on the
// current grid line.
func (r *renderer) placeAt(text string, role doc.Role, size, x float64) {
	s := r.shape(text, role, size, r.track(size))
	ln := layout.Line{Start: 0, End: len(s.items), Last: true}
	ln.X = make([]float64, len(s.items))
	ln.Indent = x
	naturalize(&ln, s, doc.AlignLeft, blockW)
	if r.room() <= 0 {
		r.newPage()
	}
	r.emit(s, ln, left, r.line, black)
	r.line++
}

func (r *renderer) attachment(a doc.Attachment) {
	r.newPage()
	r.lastPara = nil
	label := a.Label
	if label == "" {
		label = "附件"
	}
	r.paragraph(label, style{role: doc.HeiTi, size: layout.BodySize})
	r.line++ // the title goes on line 3
	if a.Title != "" {
		r.title([]string{a.Title})
	}
	r.blocks(a.Blocks)
}

// --- 版记 and page numbers ----------------------------------------------

func (r *renderer) imprint(im *doc.Imprint) {
	size := doc.Size4
	inset := size // one character of 4号
	var ccS *shaped
	var ccL []layout.Line
	if len(im.CC) > 0 {
		label := "抄送："
		text := label + strings.Join(im.CC, "，") + "。"
		lw := r.textWidth(label, doc.FangSong, size)
		ccS, ccL = r.breakText(text, style{role: doc.FangSong, size: size,
			firstIndent: inset, restIndent: inset + lw, width: blockW - inset})
	}
	k := len(ccL)
	if im.Printer != "" || im.PrintDate != "" {
		k++
	}
	if k == 0 {
		return
	}
	r.snap()
	n := len(r.pages)
	fits := r.line+float64(k) <= lines
	if n%2 == 0 && fits {
		// the last page is even and has room
	} else if n%2 == 1 {
		r.newPage()
	} else {
		r.newPage()
		r.cur.noNumber = true
		r.newPage()
		r.cur.noNumber = true
	}
	first := float64(lines - k)
	thick, thin := 0.35*mm, 0.25*mm
	ruleAt := func(line float64, w float64) {
		y := top + line*pitch
		r.add(lineOp{x1: left, y1: y, x2: left + blockW, y2: y, w: w, color: black})
	}
	ruleAt(first, thick)
	i := first
	for _, ln := range ccL {
		r.emit(ccS, ln, left, i, black)
		i++
	}
	if im.Printer != "" || im.PrintDate != "" {
		if len(ccL) > 0 {
			ruleAt(i, thin)
		}
		if im.Printer != "" {
			s := r.shape(im.Printer, doc.FangSong, size, 0)
			ln := layout.Line{Start: 0, End: len(s.items), Last: true, X: make([]float64, len(s.items)), Indent: inset}
			naturalize(&ln, s, doc.AlignLeft, blockW)
			r.emit(s, ln, left, i, black)
		}
		if im.PrintDate != "" {
			s := r.shape(im.PrintDate+"印发", doc.FangSong, size, 0)
			ln := layout.Line{Start: 0, End: len(s.items), Last: true, X: make([]float64, len(s.items)), Indent: inset}
			naturalize(&ln, s, doc.AlignRight, blockW)
			r.emit(s, ln, left, i, black)
		}
	}
	ruleAt(lines, thick)
	r.line = lines
}

// number puts "— N —" on every page that carries a number: 4号 宋体, its dash
// line 7 mm below the block, odd pages right and even pages left, one
// character in.
func (r *renderer) number() {
	n := 0
	size := doc.Size4
	for _, p := range r.pages {
		n++
		if p.noNumber {
			continue
		}
		p.number = n
		text := "— " + strconv.Itoa(n) + " —"
		s := r.shape(text, doc.SongTi, size, 0)
		ln := layout.Line{Start: 0, End: len(s.items), Last: true, X: make([]float64, len(s.items)), Indent: size}
		align := doc.AlignLeft
		if n%2 == 1 {
			align = doc.AlignRight
		}
		naturalize(&ln, s, align, blockW)
		// the em dash sits about 0.3 em above the baseline
		y := top + blockH + layout.PageNumberGapMM*mm + 0.3*size
		p.ops = append(p.ops, textOp{y: y, runs: r.runs(s, ln, left), color: black})
	}
}
