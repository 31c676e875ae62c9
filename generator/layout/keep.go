package layout

import "huanjie/generator/page"

// Keep rules of running text, as Word applies them to a 公文: no single
// line of a paragraph alone at the foot or the head of a page (widow and
// orphan control), a heading on the same page as the first lines of what
// follows it, and the signature with at least two lines of the body.

// firstChunk is how many lines a paragraph of n lines needs on the page it
// starts on: all of them up to three (a split would leave one line alone),
// else two.
func firstChunk(n int) int {
	if n <= 3 {
		return n
	}
	return 2
}

// split is how many of the rest lines of a paragraph go on a page with
// avail free lines: all when they fit, else as many as leave two for the
// next page and, at the paragraph's start (first), at least two here; 0
// moves the paragraph on to the next page.
func split(rest, avail int, first bool) int {
	if rest <= avail {
		return rest
	}
	take := avail
	if rest-take == 1 && take >= 2 {
		take-- // no lone last line at the head of the next page
	}
	if first && take == 1 {
		take = 0 // no lone first line at the foot
	}
	return take
}

// lineRec remembers where a line of running text was drawn, so the
// signature can take the last lines of the body with it to a new page.
// c.lastPara holds the lines since the last barrier (a table, a form, a
// title, a new attachment), across pages.
type lineRec struct {
	page  *sheet
	items []page.Item
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

// minBody is how many lines of body the signature needs on its page.
const minBody = 2

// pageHasBody reports whether the current page holds minBody lines of
// body text, or anything but running text (a table, a form).
func (c *composer) pageHasBody() bool {
	n, lines := len(c.cur.Items), 0
	for _, rc := range c.lastPara {
		if rc.page == c.cur {
			n -= len(rc.items)
			if rc.kind == recBody {
				lines++
			}
		}
	}
	return n > 0 || lines >= minBody
}

// tailCut finds where to cut the recorded lines so that the lines from
// there on, moved to a page of their own, leave room for after more lines
// and take body lines of body text along (any, when no cut can): it never
// leaves a heading at the bottom of a page, nor splits a paragraph into
// pieces of one line. It returns -1 when there is no such cut.
func (c *composer) tailCut(after, body int) int {
	recs := c.lastPara
	L := len(recs)
	for _, need := range []int{body, 1} {
		span := 0.0
		moved := 0 // lines of body from cut on
		for cut := L - 1; cut >= 1; cut-- {
			if cut < L-1 {
				span += 1 + recs[cut+1].gap
			}
			if span+1+float64(after) > lines {
				break
			}
			a, b := recs[cut-1], recs[cut]
			if b.kind == recBody {
				moved++
			}
			if b.page != c.cur && (len(c.pages) < 2 || b.page != c.pages[len(c.pages)-2]) {
				break // the lines reach back further than the previous page
			}
			if a.page != b.page || a.kind == recHeading || moved < need {
				continue
			}
			if a.para == b.para {
				kept, moved := 0, 0
				for _, rc := range recs[:cut] {
					if rc.para == a.para && rc.page == a.page {
						kept++
					}
				}
				for _, rc := range recs[cut:] {
					if rc.para == a.para {
						moved++
					}
				}
				if kept < 2 || moved < 2 {
					continue
				}
			}
			return cut
		}
	}
	return -1
}

// keepLeadIn moves a paragraph that ends in a colon, and a heading right
// above it, to a new page with what it leads in to (a table that needs after
// lines to start), and reports whether it did.
func (c *composer) keepLeadIn(after int) bool {
	recs := c.lastPara
	L := len(recs)
	if L < 2 || !recs[L-1].lead || recs[L-1].page != c.cur || recs[L-1].line+1 != c.line {
		return false
	}
	cut := c.tailCut(after, 1)
	if cut < 0 || recs[cut].page != c.cur {
		return false
	}
	for _, rc := range recs[cut:] {
		if rc.para != recs[L-1].para && (rc.kind != recHeading || rc.para < recs[L-1].para-1) {
			return false
		}
	}
	c.moveTail(cut)
	return true
}

// moveTail moves the recorded lines from cut on to a new page (or to the
// top of the current page, when they start on the page before), keeping
// their order and the blank lines between paragraphs. Afterwards only the
// moved lines are on record.
func (c *composer) moveTail(cut int) {
	moved := append([]lineRec(nil), c.lastPara[cut:]...)
	gone := map[page.Item]bool{}
	touched := map[*sheet]bool{}
	for _, rc := range moved {
		for _, it := range rc.items {
			gone[it] = true
		}
		touched[rc.page] = true
	}
	for p := range touched {
		kept := p.Items[:0]
		for _, it := range p.Items {
			if !gone[it] {
				kept = append(kept, it)
			}
		}
		p.Items = kept
	}
	if moved[0].page == c.cur || len(c.cur.Items) > 0 {
		c.newPage()
	}
	c.line = 0
	// the lines left behind keep their places: only the moved ones stay on
	// record
	for i := range moved {
		rc := &moved[i]
		if i > 0 {
			c.line += 1 + rc.gap
		}
		dy := (c.line - rc.line) * pitch
		for _, it := range rc.items {
			shiftY(it, dy)
		}
		c.add(rc.items...)
		rc.page, rc.line = c.cur, c.line
	}
	c.line++
	c.lastPara = moved
}

// shiftY moves an item dy points down.
func shiftY(it page.Item, dy float64) {
	switch it := it.(type) {
	case *page.Text:
		it.Y += dy
	case *page.Rule:
		it.Y1 += dy
		it.Y2 += dy
	case *page.Box:
		it.Y += dy
	case *page.Use:
		it.Y += dy
	}
}
