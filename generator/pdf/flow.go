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
	p := &page{}
	r.pages = append(r.pages, p)
	r.cur = p
	r.line = 0
	r.lastPara = nil
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

// lineRec remembers where a body line was drawn, so the signature can pull
// the last lines of the body onto its page.
type lineRec struct {
	page *page
	op   int
	line float64
}

// style is how a run of text is set.
type style struct {
	role        doc.Role
	size        float64
	firstIndent float64 // points
	restIndent  float64
	align       doc.Align // AlignDefault = justified
	color       [3]int
	width       float64 // 0 = block width
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
}

// emit draws one line on grid line i of the current page.
func (r *renderer) emit(s *shaped, ln layout.Line, x0, i float64, color [3]int) int {
	r.add(textOp{y: baseline(i, s.size), runs: r.runs(s, ln, x0), color: color})
	return len(r.cur.ops) - 1
}

// paragraph places text on the grid, page by page, avoiding a lone first
// line at the bottom of a page and a lone last line at the top of the next.
func (r *renderer) paragraph(text string, st style) {
	if st.size == 0 {
		st.size = layout.BodySize
	}
	s, lns := r.breakText(text, st)
	r.placeLines(s, lns, left, st.color)
}

func (r *renderer) placeLines(s *shaped, lns []layout.Line, x0 float64, color [3]int) {
	L := len(lns)
	var recs []lineRec
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
			recs = append(recs, lineRec{r.cur, opi, r.line})
			r.line++
		}
		i += take
	}
	r.lastPara = recs
}

// pullLines moves the last n lines of the previous paragraph, if they are on
// the current page, onto a new page, so what follows has company.
func (r *renderer) pullLines(n int) bool {
	recs := r.lastPara
	var onPage []lineRec
	for _, rc := range recs {
		if rc.page == r.cur {
			onPage = append(onPage, rc)
		}
	}
	if len(onPage) < n+1 && len(onPage) != len(recs) {
		return false
	}
	if len(onPage) < n {
		return false
	}
	if len(onPage) == len(recs) && len(onPage) <= n {
		return false
	}
	move := onPage[len(onPage)-n:]
	old := r.cur
	r.newPage()
	first := move[0].line
	for _, rc := range move {
		t := old.ops[rc.op].(textOp)
		t.y -= first * pitch
		r.add(t)
		r.line++
		old.ops[rc.op] = nil
	}
	// drop the moved ops
	kept := old.ops[:0]
	for _, o := range old.ops {
		if o != nil {
			kept = append(kept, o)
		}
	}
	old.ops = kept
	return true
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
	case doc.Spacer:
		r.snap()
		r.line += math.Ceil(b.Lines)
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
	r.placeLines(s, lns, left, black)
	r.lastPara = nil
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

func (r *renderer) attachmentNote(items []string) {
	if len(items) == 0 {
		return
	}
	r.snap()
	if r.line > 0 {
		r.line++ // one blank line below the body
	}
	label := "附件："
	lw := r.textWidth(label, doc.FangSong, layout.BodySize)
	if len(items) == 1 {
		r.paragraph(label+items[0], style{role: doc.FangSong, size: layout.BodySize,
			firstIndent: bodyIndent, restIndent: bodyIndent + lw})
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
			firstIndent: first, restIndent: bodyIndent + lw + nw})
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
	need := blank + 2
	if sg.Organ == "" || sg.Date == "" {
		need = blank + 1
	}
	if r.line+float64(need) > lines {
		// keep the signature with the end of the body
		if !r.pullLines(2) {
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
